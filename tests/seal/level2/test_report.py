"""The report shape, the grade mapping of ARA-FORMAT.md and the written level2_report.json."""

from __future__ import annotations

import json

import jsonschema
import pytest

from arakit.seal.level2 import REPORT_FILE, grade_for, report_schema, review


@pytest.mark.parametrize(
    ("scores", "grade"),
    [
        ([5, 5, 5, 5, 4, 3], "Strong Accept"),  # mean 4.5, none below 3
        ([5, 5, 5, 5, 5, 2], "Accept"),  # mean 4.5 but a 2: not strong
        ([4, 4, 4, 4, 4, 3], "Accept"),  # mean 3.83
        ([4, 4, 4, 3, 3, 2], "Weak Accept"),  # mean 3.33
        ([3, 3, 3, 3, 3, 2], "Weak Reject"),  # mean 2.83
        ([5, 5, 5, 5, 5, 1], "Reject"),  # any dimension at 1
        ([2, 2, 2, 2, 2, 1], "Reject"),
        ([2, 2, 2, 2, 2, 2], "Weak Reject"),  # mean exactly 2.0
    ],
)
def test_grade_follows_the_ara_format_mapping(scores: list[int], grade: str) -> None:
    assert grade_for(scores)[0] == grade


def test_review_of_clean_minimal_artifact_passes_with_rules_judge_on_every_dimension(
    minimal,
) -> None:
    report = review(minimal())
    assert [d.dimension for d in report.dimensions] == ["D1", "D2", "D3", "D4", "D5", "D6"]
    assert {d.judge for d in report.dimensions} == {"rules"}
    assert report.passed, [f.message for f in report.findings]
    assert not [f for f in report.findings if f.severity in ("critical", "major")]


def test_written_report_is_valid_against_the_exported_schema(minimal) -> None:
    root = minimal()
    review(root, write=True)
    data = json.loads((root / REPORT_FILE).read_text(encoding="utf-8"))
    jsonschema.validate(data, report_schema())
    assert data["judge"] == "rules"
    assert data["read_order"][0] == "PAPER.md"
    assert not list(root.glob(f".{REPORT_FILE}*.tmp"))


def test_report_that_cannot_be_written_is_a_clean_error(minimal) -> None:
    from arakit.errors import AraError

    root = minimal()
    (root / REPORT_FILE).mkdir()  # a folder in the way: the rename fails, even for root
    with pytest.raises(AraError, match=r"cannot write .*level2_report\.json"):
        review(root, write=True)
    assert not list(root.glob(f".{REPORT_FILE}*.tmp"))
