"""The error the language-model door raises (an AraError, so the CLI prints it cleanly)."""

from __future__ import annotations

from arakit.errors import AraError


class LLMError(AraError):
    """A model is unknown or unavailable, or its answer stayed invalid after one retry.

    `model` names the model asked; `answer` keeps the last raw reply (may be empty).
    """

    def __init__(
        self, message: str, *, model: str, answer: str = "", hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.model = model
        self.answer = answer
