"""`--model`: answers of a model registered with `llm` (a scripted stand-in for a remote
API) replace rule drafts only when they quote the paper verbatim; failures fall back."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from arakit.codec import read_artifact
from arakit.compiler import compile_sources
from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile

llm = pytest.importorskip("llm")


class Scripted:
    """A model plugin whose replies the test queues; with none queued it is 'down'."""

    def __init__(self) -> None:
        self.replies: list[str] = []
        self.prompts: list[str] = []


@pytest.fixture
def scripted() -> Iterator[Scripted]:
    from llm.plugins import pm

    from arakit.llm import ask

    box = Scripted()

    class ScriptedModel(llm.Model):
        model_id = "scripted-compiler"
        can_stream = False

        def execute(self, prompt, stream, response, conversation):  # type: ignore[no-untyped-def]
            box.prompts.append(prompt.prompt)
            if not box.replies:
                raise RuntimeError("connection refused")
            yield box.replies.pop(0)

    class Plugin:
        @llm.hookimpl
        def register_models(self, register):  # type: ignore[no-untyped-def]
            register(ScriptedModel())

    pm.register(Plugin(), name="arakit-test-compiler-scripted")
    ask._MODELS.pop("scripted-compiler", None)
    try:
        yield box
    finally:
        pm.unregister(name="arakit-test-compiler-scripted")
        ask._MODELS.pop("scripted-compiler", None)


def _compile(paper: PaperFile, repo: PlantedRepo, out: Path) -> Any:
    return compile_sources([str(paper.path), str(repo.path)], out, model="scripted-compiler")


def test_model_claims_that_quote_the_paper_replace_the_rule_draft(
    scripted: Scripted, paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    quote = "We show that RWN-50 improves top-1 accuracy over ResNet-50 on ImageNet."
    scripted.replies += [
        json.dumps(
            {
                "claims": [
                    {
                        "title": "Gates help",
                        "statement": "RWN-50 beats ResNet-50 on ImageNet top-1.",
                        "source_sentence": quote,
                    }
                ]
            }
        ),
        json.dumps(
            {
                "observations": [
                    {
                        "statement": "Plain ResNets are fragile at high learning rates.",
                        "source_sentence": "Training deep residual networks [1] with large learning rates is fragile.",
                    }
                ],
                "gaps": [],
                "key_insight": {
                    "statement": "Warm up branches.",
                    "source_sentence": "Invented sentence.",
                },
            }
        ),
        json.dumps(
            {
                "concepts": [
                    {
                        "term": "convolutional stem",
                        "definition_sentence": "The network consists of a convolutional stem, four stages of gated bottleneck blocks and a linear classifier.",
                    }
                ]
            }
        ),
    ]
    report = _compile(paper, repo, tmp_path / "out")
    assert scripted.replies == []
    assert report.passed and report.warnings == []
    art = read_artifact(tmp_path / "out")
    assert art.claims[0].statement == "RWN-50 beats ResNet-50 on ImageNet top-1."
    assert "drafted by scripted-compiler" in art.claims[0].field_value("Source")
    assert art.concept("convolutional stem") is not None
    assert (
        art.problem.observations[0].statement == "Plain ResNets are fragile at high learning rates."
    )
    assert art.problem.key_insight.insight.startswith(
        "Our key insight is"
    )  # its quote was invented
    assert "Paper text:" in scripted.prompts[0]


def test_invented_quotes_are_not_trusted(
    scripted: Scripted, paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    scripted.replies += [
        json.dumps(
            {
                "claims": [
                    {
                        "title": "x",
                        "statement": "RWN solves vision.",
                        "source_sentence": "RWN solves all of computer vision.",
                    }
                ]
            }
        ),
        json.dumps({"observations": [], "gaps": []}),
        json.dumps(
            {
                "concepts": [
                    {"term": "magic", "definition_sentence": "Magic is defined as everything."}
                ]
            }
        ),
    ]
    report = _compile(paper, repo, tmp_path / "out")
    art = read_artifact(tmp_path / "out")
    assert scripted.replies == []  # every answer was asked for and read
    assert all("solves" not in c.statement for c in art.claims)
    assert art.concept("magic") is None
    assert [w for w in report.warnings if "failed" in w] == []
    assert any("quoted no sentence" in w for w in report.warnings)


def test_a_model_that_is_down_falls_back_to_the_rules_with_a_warning(
    scripted: Scripted, paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    report = _compile(paper, repo, tmp_path / "out")
    assert report.passed
    assert [w.split(" (")[0] for w in report.warnings] == [
        "model scripted-compiler failed on claims",
        "model scripted-compiler failed on the problem",
        "model scripted-compiler failed on concepts",
    ]
    assert read_artifact(tmp_path / "out").claims[0].provenance == "ai-suggested"


def test_an_unknown_model_falls_back_to_the_rules(paper: PaperFile, tmp_path: Path) -> None:
    report = compile_sources([str(paper.path)], tmp_path / "out", model="no-such-model-anywhere")
    assert any("no-such-model-anywhere failed on claims" in w for w in report.warnings)
    assert report.coverage["logic"]["claims"] >= 1
