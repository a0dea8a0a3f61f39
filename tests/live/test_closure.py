"""Closure signals, crystallization, contradictions, staleness, claim status moves."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from arakit.codec import read_artifact
from arakit.live.capture import add_note
from arakit.live.crystallize import status_path
from arakit.live.manager import record
from tests.live.helpers import load_yaml, tree


def _art(tmp_path: Path) -> Path:
    (tmp_path / "trace").mkdir(parents=True)
    return tmp_path


def _run(root: Path, text: str, code: int = 0, **extra: Any) -> None:
    payload = {"argv": ["python", "step.py", text], "exit_code": code, **extra}
    record(root, "command", payload, source="ara run")


def _staging(root: Path) -> dict[str, Any]:
    return {o["id"]: o for o in load_yaml(root / "staging/observations.yaml")["observations"]}


def _pm(root: Path) -> list[dict[str, Any]]:
    return [
        s for t in load_yaml(root / "trace/pm_reasoning_log.yaml")["turns"] for s in t["signals"]
    ]


@pytest.fixture(autouse=True)
def _window(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ARA_LIVE_WINDOW", "3")


def test_topic_abandonment_fires_after_k_unrelated_events_and_not_before(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "Gradient clipping improves stability of deep transformers", note_type="claim")
    _run(root, "alpha")
    _run(root, "beta")
    assert _staging(root)["O1"]["promoted"] is False
    _run(root, "gamma")
    o = _staging(root)["O1"]
    assert o["promoted"] is True and o["promoted_to"] == "C01"
    assert o["crystallized_via"] == "topic-abandonment"
    claim = read_artifact(root).get("C01")
    assert claim.status == "hypothesis" and claim.provenance == "user"
    assert claim.statement == "Gradient clipping improves stability of deep transformers"
    assert claim.falsification_criteria == "[pending]" and claim.verbatim["proof"] == "[pending]"


def test_an_event_on_the_same_topic_keeps_the_observation_open(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "Gradient clipping improves stability of deep transformers", note_type="claim")
    _run(root, "alpha")
    _run(root, "beta")
    add_note(root, "trying gradient clipping at 0.5 for stability", note_type="question")
    _run(root, "gamma")
    assert _staging(root)["O1"]["promoted"] is False
    rejected = [s for s in _pm(root) if s["outcome"] == "rejected"]
    assert {
        "subject": "O1",
        "signal": "topic-abandonment",
        "outcome": "rejected",
        "reason": "this event touches it",
    } in rejected


def test_affirm_crystallizes_and_carries_the_provenance_over(tmp_path: Path) -> None:
    root = _art(tmp_path)
    record(
        root,
        "transcript",
        {"text": "Mixed precision halves memory use"},
        source="t",
        provenance="ai-suggested",
    )
    add_note(root, "", affirm=["O1"])
    o = _staging(root)["O1"]
    assert o["crystallized_via"] == "verbal-affirmation" and o["promoted_to"] == "C01"
    assert read_artifact(root).get("C01").provenance == "ai-suggested"


def test_a_first_person_note_affirms_the_observation_it_talks_about(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "Label smoothing reduces overconfidence on noisy labels", note_type="claim")
    add_note(root, "Warmup length barely matters", note_type="claim")
    add_note(root, "I'm now confident that label smoothing reduces overconfidence")
    st = _staging(root)
    assert st["O1"]["crystallized_via"] == "verbal-affirmation"
    assert st["O2"]["promoted"] is False


def test_a_passing_bound_run_supports_and_a_failing_one_refutes(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "Cosine schedule improves accuracy over step decay", note_type="claim")
    add_note(root, "Dropout improves accuracy on the small set", note_type="claim")
    _run(root, "cosine", metrics={"acc": 0.93}, bind=["O1"], expect=["acc>=0.9"], exp="E02")
    _run(root, "dropout", metrics={"acc": 0.71}, bind=["O2"], expect=["acc>=0.9"])
    st = _staging(root)
    assert st["O1"]["crystallized_via"] == "empirical-resolution"
    c = read_artifact(root).get(st["O1"]["promoted_to"])
    assert c.status == "supported" and c.proof == ["E02"]
    assert st["O2"]["crystallized_via"] == "empirical-resolution"
    dead = next(n for n in tree(root) if n.id == st["O2"]["promoted_to"])
    assert (
        dead.type == "dead_end" and dead.hypothesis == "Dropout improves accuracy on the small set"
    )
    assert dead.failure_mode == "expected acc>=0.9, measured acc=0.71"
    assert len(read_artifact(root).claims or []) == 1


def test_a_crashed_bound_run_settles_nothing_and_says_why(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "Batch size 512 converges", note_type="claim")
    _run(root, "bs512", code=1, bind=["O1"], expect=["acc>=0.9"])
    assert _staging(root)["O1"]["promoted"] is False
    assert {
        "subject": "O1",
        "signal": "empirical-resolution",
        "outcome": "rejected",
        "reason": "run failed (exit 1)",
    } in _pm(root)


def test_a_decision_citing_an_observation_commits_it(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "Always set the seed of the data loader too", note_type="heuristic")
    add_note(
        root,
        "Build the pipeline on O1",
        note_type="decision",
        choice="seeded loader",
        alts=["unseeded loader"],
    )
    st = _staging(root)
    assert st["O1"]["crystallized_via"] == "artifact-commitment"
    h = read_artifact(root).get(st["O1"]["promoted_to"])
    assert h.rationale == "Always set the seed of the data loader too"
    assert h.sensitivity == "[pending]"


def test_a_contradiction_is_flagged_on_both_sides_with_an_unresolved_decision(
    tmp_path: Path, minimal: Callable[..., Path]
) -> None:
    root = minimal()
    add_note(
        root,
        "Cosine warm restarts do not reach loss 0.1 in fewer epochs than step decay",
        note_type="claim",
    )
    st = _staging(root)
    assert list(st) == ["O2"]  # O IDs are global: logic/problem.md already holds O1
    assert st["O2"]["contradicts"] == ["C01"]
    c01 = read_artifact(root).get("C01")
    assert c01.field_value("Contradicted by") == "O2"
    node = next(n for n in tree(root) if n.title == "Contradiction: O2 vs C01")
    assert node.type == "decision" and node.status == "unresolved" and len(node.alternatives) == 2
    sessions = list((root / "trace/sessions").glob("*.yaml"))
    changes = load_yaml(sessions[0])["logic_changes"]
    assert changes[0]["id"] == "C01" and changes[0]["before"] == {"contradicted_by": None}


def test_an_observation_idle_for_three_session_days_is_stale(tmp_path: Path) -> None:
    root = _art(tmp_path)
    record(
        root,
        "note",
        {"text": "Tokenizer choice changes perplexity", "type": "unknown"},
        source="t",
        ts="2026-01-01T10:00:00Z",
    )
    for day in ("02", "03"):
        record(
            root,
            "command",
            {"argv": ["ls"], "exit_code": 0},
            source="t",
            ts=f"2026-01-{day}T10:00:00Z",
        )
    assert not _staging(root)["O1"].get("stale")
    record(root, "command", {"argv": ["ls"], "exit_code": 0}, source="t", ts="2026-01-04T10:00:00Z")
    o = _staging(root)["O1"]
    assert o["stale"] is True and o["promoted"] is False
    assert sorted(p.stem for p in (root / "trace/sessions").glob("*.yaml")) == [
        "2026-01-01_001",
        "2026-01-02_001",
        "2026-01-03_001",
        "2026-01-04_001",
    ]


def test_an_unknown_note_is_not_crystallized_by_abandonment(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(root, "hmm, the numbers on the cluster look off today")
    for t in ("a", "b", "c"):
        _run(root, t)
    assert _staging(root)["O1"]["potential_type"] == "unknown"
    assert _staging(root)["O1"]["promoted"] is False
    assert any(
        s["subject"] == "O1" and s["outcome"] == "rejected" and "unknown" in s["reason"]
        for s in _pm(root)
    )


def test_a_bound_run_moves_an_existing_claim_through_the_state_machine(
    tmp_path: Path, minimal: Callable[..., Path]
) -> None:
    from tests.fixtures.minimal import FILES

    root = minimal(
        {
            "logic/claims.md": FILES["logic/claims.md"].replace(
                "- **Status**: supported", "- **Status**: hypothesis", 1
            )
        }
    )
    _run(root, "check", metrics={"loss": 0.09}, bind=["C01"], expect=["loss<=0.1"])
    assert read_artifact(root).get("C01").status == "supported"
    rec = load_yaml(next((root / "trace/sessions").glob("*.yaml")))
    moves = [(c["before"]["status"], c["after"]["status"]) for c in rec["logic_changes"]]
    assert moves == [("hypothesis", "testing"), ("testing", "supported")]
    _run(root, "recheck", metrics={"loss": 0.4}, bind=["C01"], expect=["loss<=0.1"])
    assert read_artifact(root).get("C01").status == "refuted"
    _run(root, "again", metrics={"loss": 0.05}, bind=["C01"], expect=["loss<=0.1"])
    assert read_artifact(root).get("C01").status == "refuted"  # terminal


def test_status_moves_follow_the_format_state_machine() -> None:
    assert status_path("hypothesis", "supported") == ["testing", "supported"]
    assert status_path("testing", "weakened") == ["weakened"]
    assert status_path("supported", "refuted") == ["refuted"]
    assert status_path("revised", "testing") == ["testing"]
    assert status_path("refuted", "supported") is None
    assert status_path("supported", "testing") is None


def test_concepts_and_constraints_crystallize_into_their_files(tmp_path: Path) -> None:
    root = _art(tmp_path)
    add_note(
        root,
        "Effective depth is defined as the number of residual blocks on the longest path",
        note_type="concept",
        affirm=None,
    )
    add_note(
        root,
        "The method only works when the batch holds at least 64 samples",
        note_type="constraint",
    )
    add_note(root, "", affirm=["O1", "O2"])
    art = read_artifact(root)
    assert art.concept("Effective depth") is not None
    constraints = (root / "logic/solution/constraints.md").read_text()
    assert "only works when the batch holds at least 64 samples" in constraints


def test_a_lost_state_file_does_not_duplicate_nodes_or_observations(tmp_path: Path) -> None:
    from arakit.live.manager import process

    root = _art(tmp_path)
    add_note(root, "Why is epoch 2 slow?")
    add_note(root, "Prefetching hides the input latency", note_type="heuristic")
    _run(root, "alpha")
    tree_before = (root / "trace/exploration_tree.yaml").read_text()
    staging_before = (root / "staging/observations.yaml").read_text()
    (root / ".ara-cache/live-state.json").write_text("{ damaged")
    assert process(root).events == 0
    (root / ".ara-cache/live-state.json").unlink()
    (root / ".ara-cache/live-snapshot.json").unlink()
    for rec in (root / "trace/sessions").glob("*.yaml"):
        rec.unlink()
    process(root)  # every event again: nothing may appear twice
    assert (root / "trace/exploration_tree.yaml").read_text() == tree_before
    assert (root / "staging/observations.yaml").read_text() == staging_before


def test_the_researcher_fills_a_pending_lesson_and_the_session_keeps_the_before(
    tmp_path: Path,
) -> None:
    root = _art(tmp_path)
    _run(root, "big-batch", code=1, error_signature="RuntimeError: CUDA out of memory")
    add_note(root, "Batch 512 needs two GPUs; use gradient accumulation", lesson_for="N1")
    (node,) = tree(root)
    assert node.lesson == "Batch 512 needs two GPUs; use gradient accumulation"
    rec = load_yaml(next((root / "trace/sessions").glob("*.yaml")))
    (change,) = rec["trace_changes"]
    assert change["id"] == "N01" and change["before"] == "[pending]" and change["event"] == 2
