"""level2_report.json carries upstream's schema (review_version 3.1.0, tiers, dimensions keyed
by name) with arakit's rule codes beside, reads every known shape, and never replaces a
report another tool wrote unless asked."""

from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from arakit.seal.level2 import REPORT_FILE, read_report, report_schema, review
from arakit.seal.level2.upstream import BESIDE_FILE, TIERS
from tests.seal.level2.helpers import with_table2

# Shapes of upstream's rigor-reviewer reports (3.1.0 and the 3.0.0 it replaced), written
# here from its documented schema.
UPSTREAM_31 = {
    "artifact": "study",
    "artifact_dir": "/somewhere/study",
    "review_version": "3.1.0",
    "prerequisite": "Level 1 passed",
    "overall": {"tier": "Sound", "mean_score": 4.0, "one_line_summary": "ok"},
    "dimensions": {
        "D1_evidence_relevance": {"score": 4, "strengths": [], "weaknesses": []},
        "D2_falsifiability": {"score": 4},
        "D3_scope_calibration": {"score": 4},
        "D4_argument_coherence": {"score": 4},
        "D5_exploration_integrity": {"score": 4},
        "D6_methodological_rigor": {"score": 4},
    },
    "findings": [{"finding_id": "F01", "dimension": "D6_methodological_rigor"}],
    "questions_for_authors": ["Why one seed?"],
}
UPSTREAM_30 = {
    **UPSTREAM_31,
    "review_version": "3.0.0",
    "overall": {"grade": "Weak Accept", "mean_score": 3.2, "post_fix_note": "kept"},
}


def test_written_file_carries_upstream_keys_and_arakit_codes(minimal) -> None:
    root = minimal(with_table2("dropout-0.5 = 71.3 on the test set."))
    report = review(root, write=True)
    data = json.loads((root / REPORT_FILE).read_text(encoding="utf-8"))
    assert data["review_version"] == "3.1.0"
    assert data["overall"]["tier"] == TIERS[report.grade]
    assert data["overall"]["grade"] == report.grade and data["grade"] == report.grade
    assert list(data["dimensions"]) == [
        "D1_evidence_relevance",
        "D2_falsifiability",
        "D3_scope_calibration",
        "D4_argument_coherence",
        "D5_exploration_integrity",
        "D6_methodological_rigor",
    ]
    [f] = [f for f in data["findings"] if f["code"] == "L2-D1-002"]
    assert f["finding_id"].startswith("F") and f["dimension"] == "D1_evidence_relevance"
    assert f["target_file"] == "trace/exploration_tree.yaml" and f["target_entity"] == "N08"
    assert f["observation"] and f["reasoning"] and f["suggestion"]
    text = (root / f["target_file"]).read_text(encoding="utf-8")
    for finding in data["findings"]:  # a span, when given, is a verbatim quote of its file
        if finding["evidence_span"]:
            assert finding["evidence_span"] in (root / finding["target_file"]).read_text()
    assert f["evidence_span"] == "" or f["evidence_span"] in text
    assert data["generator"]["name"] == "arakit" and data["generator"]["judge"] == "rules"
    jsonschema.validate(data, report_schema())


@pytest.mark.parametrize(
    ("data", "tier", "grade"),
    [(UPSTREAM_31, "Sound", "Accept"), (UPSTREAM_30, "Adequate", "Weak Accept")],
    ids=["3.1.0", "3.0.0"],
)
def test_upstream_reports_are_read_with_tier_and_grade(tmp_path, data, tier, grade) -> None:
    path = tmp_path / REPORT_FILE
    path.write_text(json.dumps(data), encoding="utf-8")
    summary = read_report(path)
    assert (summary.generator, summary.tier, summary.grade) == ("rigor-reviewer", tier, grade)
    assert summary.scores == {f"D{i}": 4 for i in range(1, 7)}


def test_arakit_report_reads_back(minimal) -> None:
    root = minimal()
    review(root, write=True)
    summary = read_report(root / REPORT_FILE)
    assert summary.generator == "arakit" and summary.tier == "Exemplary"


def test_another_tools_report_is_kept_and_ours_written_beside_it(minimal) -> None:
    root = minimal()
    foreign = json.dumps(UPSTREAM_30, indent=1)
    (root / REPORT_FILE).write_text(foreign, encoding="utf-8")
    report = review(root, write=True)
    assert (root / REPORT_FILE).read_text(encoding="utf-8") == foreign  # byte for byte
    assert json.loads((root / BESIDE_FILE).read_text())["generator"]["name"] == "arakit"
    assert report.kept_report == "rigor-reviewer 3.0.0, Adequate"


def test_force_replaces_another_tools_report(minimal) -> None:
    root = minimal()
    (root / REPORT_FILE).write_text(json.dumps(UPSTREAM_31), encoding="utf-8")
    review(root, write=True, force=True)
    assert read_report(root / REPORT_FILE).generator == "arakit"
    assert not (root / BESIDE_FILE).exists()


def test_a_file_that_is_not_a_report_is_kept_too(minimal) -> None:
    root = minimal()
    (root / REPORT_FILE).write_text("notes, not JSON\n", encoding="utf-8")
    review(root, write=True)
    assert (root / REPORT_FILE).read_text(encoding="utf-8") == "notes, not JSON\n"
    assert (root / BESIDE_FILE).is_file()


def test_arakits_own_earlier_report_is_replaced(minimal) -> None:
    root = minimal()
    review(root, write=True)
    review(root, write=True)
    assert not (root / BESIDE_FILE).exists()


def test_the_command_says_which_report_it_kept(minimal) -> None:
    root = minimal()
    (root / REPORT_FILE).write_text(json.dumps(UPSTREAM_31), encoding="utf-8")
    result = CliRunner().invoke(app, ["review", str(root)])
    assert "wrote level2_report.arakit.json" in result.output
    assert "kept the level2_report.json another tool wrote (rigor-reviewer 3.1.0, Sound)" in (
        " ".join(result.output.split())
    )


def test_prerequisite_says_honestly_whether_level1_passed(minimal) -> None:
    from arakit.seal.level2 import to_file
    from tests.fixtures.minimal import FILES

    assert to_file(review(minimal())).prerequisite.startswith("Level 1 passed")
    claims = FILES["logic/claims.md"].replace("## C02: Restart period", "## C01: Restart period")
    report = review(minimal({"logic/claims.md": claims}))  # a duplicate ID: not blocking
    assert report.blocked_by == [] and report.level1_errors >= 1
    assert to_file(report).prerequisite.startswith("Level 1 failed with")
