"""Format lint: each rule finds its shape, its fix is one small edit that keeps everything else,
a fix that would change more is skipped and reported, and fixing twice changes nothing."""

from __future__ import annotations

from pathlib import Path

from arakit.codec import read_artifact
from arakit.codec.lint import fix_artifact, lint
from tests.conftest import make_tree
from tests.fixtures.dialects import ROOT_FORM, STREAMS_FORM

MIXED_TREE = """\
tree:
  - id: N01
    type: pivot
    title: a
    prior_direction: dense   # as written first
    new_direction: sparse
    reason: cost
  - id: N02
    type: pivot
    title: b
    from: wide
    to: narrow
    trigger: memory
  - id: N03
    type: pivot
    title: c
    prior_direction: x
    new_direction: y
    reason: z
  - id: N04
    type: dead_end
    title: d
    reason: out of memory
    hypothesis: bigger is better
    lesson: measure first
  - id: N05
    type: decision
    title: e
    choice: two seeds
    alternatives: [five seeds]
    justification: budget
"""

DASH_CLAIMS = """\
# Claims

## C01 — Muon is the biggest win
- **Statement**: s

## C2 - Second
- **Statement**: t
"""


def _codes(root: Path) -> list[str]:
    return sorted(i.code for i in lint(root))


def test_each_alias_and_mixed_pivot_is_found_and_fixed_in_place(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", {"trace/exploration_tree.yaml": MIXED_TREE})
    assert _codes(root) == ["L1-FMT-003", "L1-FMT-004", "L1-FMT-006"]
    report = fix_artifact(root)
    assert len(report.applied) == 3 and report.skipped == []
    text = (root / "trace/exploration_tree.yaml").read_text()
    assert text == (
        MIXED_TREE.replace("    from: wide", "    prior_direction: wide")
        .replace("    to: narrow", "    new_direction: narrow")
        .replace("    trigger: memory", "    reason: memory")
        .replace("    reason: out of memory", "    failure_mode: out of memory")
        .replace("    justification: budget", "    rationale: budget")
    )
    assert lint(root) == [] and fix_artifact(root).applied == []  # idempotent


def test_a_root_form_becomes_a_one_item_tree_and_keeps_its_comments(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", ROOT_FORM)
    before = read_artifact(root).trace
    assert _codes(root) == ["L1-FMT-001"]
    fix_artifact(root)
    text = (root / "trace/exploration_tree.yaml").read_text()
    assert text.startswith("# One root node") and "\ntree:\n- id: RQ\n" in text
    after = read_artifact(root).trace
    assert after.form == "tree" and [n.id for n in after.nodes()] == [n.id for n in before.nodes()]


def test_dash_headings_get_a_colon_and_unpadded_ids_a_zero(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", {"logic/claims.md": DASH_CLAIMS})
    assert _codes(root) == ["L1-FMT-005", "L1-FMT-005", "L1-FMT-007"]
    fix_artifact(root)
    text = (root / "logic/claims.md").read_text()
    assert "## C01: Muon is the biggest win\n" in text and "## C02: Second\n" in text
    assert lint(root) == []


def test_a_streams_document_is_reported_without_a_fix(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", STREAMS_FORM)
    (issue,) = lint(root)
    assert issue.code == "L1-FMT-008" and not issue.fixable
    assert fix_artifact(root).applied == []


def test_a_fix_that_would_change_more_than_its_target_is_skipped(tmp_path: Path) -> None:
    # the dead end already has failure_mode: renaming reason would merge two fields
    tree = "tree:\n  - id: N01\n    type: dead_end\n    reason: a\n    failure_mode: b\n"
    root = make_tree(tmp_path / "a", {"trace/exploration_tree.yaml": tree})
    assert lint(root) == []  # not offered at all
    root2 = make_tree(
        tmp_path / "b", {"trace/exploration_tree.yaml": "root:\n  {id: N01, type: question}\n"}
    )
    report = fix_artifact(root2)
    assert report.applied == [] and "not a block mapping" in report.skipped[0][1]
    assert (root2 / "trace/exploration_tree.yaml").read_text() == (
        "root:\n  {id: N01, type: question}\n"
    )
