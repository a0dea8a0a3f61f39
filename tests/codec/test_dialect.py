"""Dialect detection: each writer is recognised by what it leaves behind, and the features
list what the readers had to accept."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.codec import read_artifact
from arakit.codec.dialect import detect
from tests.conftest import make_tree
from tests.fixtures.dialects import RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM
from tests.fixtures.minimal import FILES


def _dialect(tmp_path: Path, files: dict[str, str]):  # type: ignore[no-untyped-def]
    return detect(read_artifact(make_tree(tmp_path / "a", files)))


def test_the_research_manager_is_recognised_with_its_features(tmp_path: Path) -> None:
    d = _dialect(tmp_path, RESEARCH_MANAGER)
    assert d.name == "research-manager" and d.live and d.trace_form == "tree"
    for feature in (
        "reasoning log: `entries:` list",
        "session index (session_index.yaml)",
        "pivots: prior_direction/new_direction/reason",
        "node types beyond the format: observation",
        "timestamps: date only",
        "claims: Conditions/Sources",
        "claims: Taste",
        "claims: `## C01 — title` headings",
        "experiments: `**Field**: value` paragraphs",
        "experiments: one-digit IDs",
        "staging: `timestamp` (not `created`)",
    ):
        assert feature in d.features, feature


def test_trace_forms_are_named(tmp_path: Path) -> None:
    assert _dialect(tmp_path / "r", ROOT_FORM).trace_form == "root"
    streams = _dialect(tmp_path / "s", STREAMS_FORM)
    assert streams.name == "ara-2.0-streams" and streams.trace_form == "streams"


def test_arakit_s_own_artifact_is_arakit_or_compiled(tmp_path: Path) -> None:
    assert _dialect(tmp_path / "m", FILES).name == "compiler"  # ara_version + Layer Index
    journal = {**FILES, "trace/events.jsonl": ""}
    assert _dialect(tmp_path / "j", journal).name == "arakit"


# Read off each artifact's session records and logs (trace/sessions/*.yaml: a `session:`
# mapping with turn_count or routed events = research-manager; {id, timestamp, summary} =
# live-pm; no records, ara_version front matter and support_level nodes = compiler).
CORPUS = {
    "icassp-antispoofing": "live-pm",
    "intrinsic-engine": "research-manager",
    "invariant-audit": "live-pm",
    "mtg-ovika": "compiler",
    "prospect": "research-manager",
    "psyo": "live-pm",
    "rl-bmas": "live-pm",
    "topopt-implant": "research-manager",
}


@pytest.mark.parametrize("name,dialect", sorted(CORPUS.items()))
def test_corpus_artifacts_are_recognised(real_corpus: Path, name: str, dialect: str) -> None:
    assert detect(read_artifact(real_corpus / "artifacts" / name)).name == dialect
