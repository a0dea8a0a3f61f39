"""Grades say what a demanding reviewer would: a dimension on which the artifact offers
nothing to confirm cannot score high, a layer that is only a heading is a finding, an artifact
that fails Level 1 is not accepted, and one systemic weakness is not counted as many."""

from __future__ import annotations

from arakit.seal.level2 import review
from arakit.seal.level2.report import L2Finding, score_from_findings
from tests.fixtures.minimal import FILES

TR = "trace/exploration_tree.yaml"
SMALL_TREE = """tree:
  - id: N01
    type: question
    support_level: inferred
    description: Does raising the rate again shorten training?
"""


def dim(report, d: str):  # type: ignore[no-untyped-def]
    return report.dimension(d)


def test_the_minimal_artifact_still_reaches_accept_or_better(minimal):
    assert review(minimal()).grade in ("Accept", "Strong Accept")


def test_a_one_node_trace_caps_exploration_integrity_with_the_reason_first(minimal):
    d5 = dim(review(minimal({TR: SMALL_TREE})), "D5")
    assert d5.score <= 3
    assert d5.weaknesses[0].startswith("at most 3: the exploration tree has 1 nodes")


def test_no_experiment_and_no_evidence_caps_rigor_and_scope(minimal):
    files = {
        "logic/experiments.md": "# Experiments\n",
        TR: SMALL_TREE,
        "evidence/tables/table1_epochs.md": None,
        "evidence/README.md": "# Evidence\n\nNone yet.\n",
    }
    report = review(minimal(files))
    assert dim(report, "D6").score <= 2 and dim(report, "D3").score <= 3
    assert report.grade not in ("Accept", "Strong Accept")


def test_claims_citing_nothing_the_artifact_holds_cap_evidence_relevance(minimal):
    claims = FILES["logic/claims.md"].replace("- **Proof**: [E01]", "- **Proof**: [E09]")
    claims = claims.replace("- **Proof**: [E02, E03]", "- **Proof**: [E09]")
    claims = claims.replace("Table 1 shows 41 epochs versus 63.", "the notebook").replace(
        "Table 1 rows for periods 10, 20 and 40.", "the notebook"
    )
    experiments = FILES["logic/experiments.md"].replace("[C01]", "[C09]").replace("[C02]", "[C09]")
    tree = FILES[TR].replace("evidence: [C01]", "evidence: []").replace("[C02]", "[]")
    index = "# Evidence\n\n| File | Source | Claims | Description |\n| --- | --- | --- | --- |\n"
    index += "| tables/table1_epochs.md | Table 1 | - | epochs |\n"
    files = {
        "logic/claims.md": claims,
        "logic/experiments.md": experiments,
        TR: tree,
        "evidence/README.md": index,
    }
    d1 = dim(review(minimal(files)), "D1")
    assert d1.score <= 3 and "claims cite no evidence the artifact holds" in d1.weaknesses[0]


def test_a_layer_file_holding_only_its_heading_is_a_finding(minimal):
    report = review(minimal({"logic/solution/constraints.md": "# Constraints\n"}))
    found = [f for f in report.findings if f.code == "L2-D4-004"]
    assert [f.file for f in found] == ["logic/solution/constraints.md"]
    assert found[0].severity == "minor"


def test_an_artifact_failing_level1_is_held_at_weak_accept(minimal):
    report = review(minimal({"logic/related_work.md": None}))
    assert report.level1_errors and not report.blocked_by
    assert report.grade == "Weak Accept" and report.passed
    assert report.warnings[0].startswith("Level 1 reports 2 error(s)")


def _major(code: str, n: int) -> L2Finding:
    return L2Finding(id=f"F{n}", code=code, dimension="D6", severity="major", message="m")


def test_the_same_rule_broken_again_costs_half():
    assert score_from_findings([_major("L2-D6-002", 1)]) == 4
    repeated = [_major("L2-D6-002", i) for i in range(3)]
    assert score_from_findings(repeated) == 3  # 1 + 2 x 0.5
    distinct = [_major(f"L2-D6-00{i}", i) for i in range(1, 4)]
    assert score_from_findings(distinct) == 2
