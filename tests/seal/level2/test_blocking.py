"""Level 2 never passes an artifact that fails Level 1 for lack of claims, evidence or an
acyclic trace, and it says so first."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from arakit.seal.level2 import review
from tests.fixtures.minimal import FILES

CL, EX, TR = "logic/claims.md", "logic/experiments.md", "trace/exploration_tree.yaml"


def _blocked(report, code: str) -> None:  # type: ignore[no-untyped-def]
    assert not report.passed and report.grade == "Reject"
    assert report.blocked_by and report.blocked_by[0].startswith(code), report.blocked_by
    assert report.warnings[0].startswith("Level 1 blocks a passing grade")


@pytest.mark.parametrize(
    ("claims", "code"),
    [
        ("lorem ipsum dolor\n### not a claim\nsome words\n", "L1-COUNT-008"),  # garbage
        ("", "L1-COUNT-008"),  # empty
        (None, "L1-LAYOUT-001"),  # missing
        (b"\x00\x01\xff\xfe binary", "L1-READ-003"),  # not text
    ],
    ids=["garbage", "empty", "missing", "binary"],
)
def test_unreadable_or_claimless_claims_md_blocks_a_pass(minimal, claims, code) -> None:
    report = review(minimal({CL: claims}))
    _blocked(report, code)
    assert min(d.score for d in report.dimensions) >= 3  # the scores alone would have passed


def test_a_folder_named_claims_md_blocks_a_pass_and_is_named_as_a_folder(minimal) -> None:
    root: Path = minimal({CL: None})
    (root / CL).mkdir()
    report = review(root)
    _blocked(report, "L1-LAYOUT-001")
    assert "is a folder, not a file" in report.blocked_by[0]


def test_no_experiment_and_no_evidence_blocks_a_pass(minimal) -> None:
    tree = "tree:\n  - id: N01\n    type: question\n    support_level: inferred\n"
    tree += "    description: Can restarts help?\n"
    changes = {
        EX: "# Experiments\n",
        TR: tree,
        "evidence/tables/table1_epochs.md": None,
        "evidence/README.md": "# Evidence\n\nNone yet.\n",
    }
    _blocked(review(minimal(changes)), "L1-COUNT-010")


def test_a_three_node_cycle_blocks_a_pass(minimal) -> None:
    cyclic = FILES[TR].replace("also_depends_on: [N02]", "also_depends_on: [N08]")
    report = review(minimal({TR: cyclic}))
    _blocked(report, "L1-TRACE-001")
    assert "cycle" in report.blocked_by[0]


def test_the_clean_minimal_artifact_is_not_blocked(minimal) -> None:
    report = review(minimal())
    assert report.passed and report.blocked_by == []


def test_the_command_prints_the_blocking_reason_first_and_exits_one(minimal) -> None:
    result = CliRunner().invoke(app, ["review", str(minimal({CL: ""})), "--no-write"])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    assert first.startswith("blocked by Level 1") and "L1-COUNT-008" in first
