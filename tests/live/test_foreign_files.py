"""Live commands on artifacts other tools wrote: they add in each file's own shape and never
rewrite what is there (every original line survives, in order; only lines are added)."""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from arakit.codec import read_artifact
from arakit.live.capture import add_note
from tests.conftest import make_tree
from tests.fixtures.dialects import RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM
from tests.live.helpers import ara, load_yaml


def _texts(root: Path) -> dict[str, str]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file() and ".ara-cache" not in p.parts and p.name != "events.jsonl":
            try:
                out[p.relative_to(root).as_posix()] = p.read_text()
            except UnicodeDecodeError:
                continue  # a run's compressed log
    return out


def only_insertions(before: str, after: str) -> list[str]:
    """The lines of `before` that `after` changed or dropped (none when it only added)."""
    a, b = before.split("\n"), after.split("\n")
    bad = []
    for op, i1, i2, _j1, _j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op in ("replace", "delete"):
            bad += a[i1:i2]
    return bad


def assert_only_added(before: dict[str, str], root: Path) -> dict[str, str]:
    after = _texts(root)
    for rel, text in before.items():
        assert rel in after, f"{rel} was deleted"
        assert not only_insertions(text, after[rel]), f"{rel}: {only_insertions(text, after[rel])}"
    return after


def test_a_note_on_a_research_manager_artifact_only_adds(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", RESEARCH_MANAGER)
    before = _texts(root)
    add_note(
        root, "We decided to keep the sparse probe because it is cheaper", note_type="decision"
    )
    after = assert_only_added(before, root)
    log = load_yaml(root / "trace/pm_reasoning_log.yaml")
    assert list(log) == ["entries"]
    last = log["entries"][-1]
    assert set(last) == {"turn", "notes"} and last["turn"].endswith("#1")
    new = sorted(set(after) - set(before))
    (record,) = [p for p in new if p.startswith("trace/sessions/2")]
    rec = load_yaml(root / record)
    assert rec["session"]["id"] == Path(record).stem
    assert rec["events_logged"][0]["id"] == "N06" and rec["events_logged"][0]["routing"] == "direct"
    index = load_yaml(root / "trace/sessions/session_index.yaml")["sessions"]
    assert index[-1]["path"] == f"ara/{record}" and set(index[-1]) == {"id", "path", "summary"}
    node = read_artifact(root).get("N06")
    assert node.type == "decision" and node.id == "N06"


def test_a_run_on_a_research_manager_artifact_only_adds(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", RESEARCH_MANAGER)
    before = _texts(root)
    assert ara(["run", "--artifact", str(root), "--", "true"], cwd=root).returncode == 0
    assert_only_added(before, root)


def test_a_note_under_a_root_form_tree_hangs_under_the_root(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", ROOT_FORM)
    before = _texts(root)
    add_note(root, "Which parser entry points matter most?", note_type="question")
    assert_only_added(before, root)
    data = load_yaml(root / "trace/exploration_tree.yaml")
    assert list(data) == ["root"] and [c["id"] for c in data["root"]["children"]] == ["N01", "N02"]


def test_a_note_in_a_streams_document_joins_the_first_stream(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", STREAMS_FORM)
    before = _texts(root)
    add_note(root, "Which smoothing should we try next?", note_type="question")
    assert_only_added(before, root)
    data = load_yaml(root / "trace/exploration_tree.yaml")
    assert data["official_stream"][-1]["type"] == "question"
    assert "tree" not in data


def test_changing_an_observation_edits_only_its_own_keys(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", RESEARCH_MANAGER)
    add_note(root, "Probes trained on ten percent of the data suffice", note_type="claim")
    staged = load_yaml(root / "staging/observations.yaml")["observations"]
    assert "timestamp" in staged[-1] and "created" not in staged[-1]  # its siblings' key
    text = (root / "staging/observations.yaml").read_text()
    assert text.startswith(RESEARCH_MANAGER["staging/observations.yaml"])


@pytest.mark.slow
def test_live_commands_on_every_corpus_artifact_only_add(real_corpus: Path, tmp_path: Path) -> None:
    for src in sorted((real_corpus / "artifacts").iterdir()):
        if not src.is_dir():
            continue
        root = tmp_path / src.name
        shutil.copytree(src, root)
        for folder, _, _ in os.walk(root):  # the researcher's own copy: its folders writable
            os.chmod(folder, 0o755)  # (the corpus is read-only; only root ignored that)
        before = _texts(root)
        add_note(root, "We decided to try the smaller model because it is faster")
        assert ara(["run", "--artifact", str(root), "--", "true"], cwd=root).returncode == 0
        assert_only_added(before, root)


def test_a_crystallized_claim_is_appended_and_nothing_else_moves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARA_LIVE_WINDOW", "2")
    root = make_tree(tmp_path / "a", RESEARCH_MANAGER)
    before = _texts(root)
    add_note(root, "Sparse probes need no retraining across tabular domains", note_type="claim")
    add_note(root, "Which optimiser do the baselines use?", note_type="question")
    add_note(root, "Where do the seeds come from?", note_type="question")
    after = assert_only_added(before, root)
    assert after["logic/claims.md"].startswith(RESEARCH_MANAGER["logic/claims.md"])
    claim = read_artifact(root).get("C03")
    assert claim is not None and claim.statement.startswith("Sparse probes need no retraining")
    assert read_artifact(root).get("C01").taste is not None  # the neighbours still read whole


def test_a_claim_status_move_rewrites_only_that_field(tmp_path: Path) -> None:
    from arakit.live.crystallize import Logic

    root = make_tree(tmp_path / "a", RESEARCH_MANAGER)
    logic = Logic(root)
    assert logic.move_claim("C02", "testing", "2026-02-10")
    logic.save()
    text = (root / "logic/claims.md").read_text()
    old = RESEARCH_MANAGER["logic/claims.md"]
    assert text == old.replace("- **Status**: hypothesis", "- **Status**: testing").replace(
        "- **Provenance**: ai-suggested\n",
        "- **Provenance**: ai-suggested\n- **Last revised**: 2026-02-10\n",
    )


def test_a_stale_flag_another_writer_set_is_left_alone(tmp_path: Path) -> None:
    staging = RESEARCH_MANAGER["staging/observations.yaml"].replace(
        "    promoted: false\n", "    promoted: false\n    stale: true\n"
    )
    root = make_tree(tmp_path / "a", {**RESEARCH_MANAGER, "staging/observations.yaml": staging})
    add_note(root, "The alarm fires on label noise in the second seed too", note_type="question")
    assert load_yaml(root / "staging/observations.yaml")["observations"][0]["stale"] is True
