"""Bad or odd input never crashes the review: broken files become warnings, odd text is fine."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arakit.codec import read_artifact
from arakit.seal.level2 import review
from tests.seal.level2.helpers import TABLE2, claims_with, with_table2


def test_unreadable_trace_is_a_warning_naming_file_and_line_not_a_crash(minimal) -> None:
    root = minimal({"trace/exploration_tree.yaml": "tree:\n  - id: N01\n    type: [unclosed\n"})
    report = review(root)
    assert any("trace/exploration_tree.yaml:" in w for w in report.warnings)
    assert len(report.dimensions) == 6


def test_artifact_missing_whole_layers_is_still_reviewed(minimal) -> None:
    root = minimal({"trace/exploration_tree.yaml": None, "logic/problem.md": None})
    report = review(root)
    assert report.grade in ("Strong Accept", "Accept", "Weak Accept", "Weak Reject", "Reject")


def test_review_accepts_an_artifact_already_in_memory(minimal) -> None:
    art = read_artifact(minimal())
    assert review(art).dimension("D1").judge == "rules"


_text = st.text(
    alphabet=st.sampled_from(list("dropout-0.5 =±%()71.3 73.1 Table 2 fig. 4 ,;.\nabc")),
    max_size=120,
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(statement=_text, basis=_text)
def test_any_claim_text_near_tables_yields_a_report(minimal, statement: str, basis: str) -> None:
    changes = with_table2("dropout-0.5 = 73.1")
    changes["logic/claims.md"] = claims_with(
        statement=statement.replace("\n", " ") or "x",
        evidence_basis=basis.replace("\n", " ") or "x",
    )
    changes["evidence/tables/table2_dropout.md"] = TABLE2
    report = review(minimal(changes))
    assert all(f.dimension in ("D1", "D2", "D3", "D4", "D5", "D6") for f in report.findings)
