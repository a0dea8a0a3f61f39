"""Fixtures for the language-model door: a scripted stand-in for a paid remote model, and the
`model` marker for tests that run the real embedded SmolLM2 (CI runs them as their own step)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "model: runs the real local SmolLM2 model (slow)")


class Scripted:
    """Holds the replies a scripted remote model will give, and records what it was asked."""

    def __init__(self, model: Any) -> None:
        self.model = model

    @property
    def prompts(self) -> list[str]:
        return self.model.prompts  # type: ignore[no-any-return]

    @property
    def schemas(self) -> list[Any]:
        return self.model.schemas  # type: ignore[no-any-return]

    def reply(self, *texts: str) -> None:
        self.model.replies.extend(texts)


@pytest.fixture
def scripted(request: pytest.FixtureRequest) -> Iterator[Scripted]:
    """A model registered with `llm` like any plugin model, standing in for a paid API.

    `scripted.reply(...)` queues answers; `native=True` via indirect param makes it declare
    native schema support, like OpenAI or Anthropic models do.
    """
    import llm
    from llm.plugins import pm

    from arakit.llm import ask

    native = bool(getattr(request, "param", False))

    class ScriptedModel(llm.Model):
        model_id = "scripted-remote"
        supports_schema = native
        can_stream = False

        def __init__(self) -> None:
            self.replies: list[str] = []
            self.prompts: list[str] = []
            self.schemas: list[Any] = []

        def execute(self, prompt, stream, response, conversation):  # type: ignore[no-untyped-def]
            self.prompts.append(prompt.prompt)
            self.schemas.append(prompt.schema)
            if not self.replies:
                raise RuntimeError("connection refused")  # what a down server looks like
            yield self.replies.pop(0)

    model = ScriptedModel()

    class Plugin:
        @llm.hookimpl
        def register_models(self, register):  # type: ignore[no-untyped-def]
            register(model)

    pm.register(Plugin(), name="arakit-test-scripted")
    ask._MODELS.pop("scripted-remote", None)
    try:
        yield Scripted(model)
    finally:
        pm.unregister(name="arakit-test-scripted")
        ask._MODELS.pop("scripted-remote", None)
