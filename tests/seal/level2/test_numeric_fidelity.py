"""D1 numeric fidelity: numbers quoted next to evidence references must match the cells."""

from __future__ import annotations

from arakit.seal.level2 import review
from tests.seal.level2.helpers import claims_with, with_table2


def d1(report, code: str, entity: str = "N08"):  # type: ignore[no-untyped-def]
    """Findings of one rule about one entity (the minimal fixture has a minor slip of its own)."""
    return [f for f in report.findings if f.code == code and entity in f.entities]


def test_row_named_number_that_belongs_to_another_row_is_reported_with_both_values_and_line(
    minimal,
) -> None:
    root = minimal(with_table2("dropout-0.5 = 71.3 on the test set, best of all rates."))
    report = review(root)
    [f] = d1(report, "L2-D1-002")
    assert f.severity == "major" and f.dimension == "D1"
    assert f.entities == ["N08"]
    assert f.file == "trace/exploration_tree.yaml"
    line = (root / f.file).read_text().splitlines()[f.line - 1]
    assert "71.3" in line
    assert "N08 says dropout-0.5 = 71.3 citing Table 2" in f.message
    assert "Table 2's dropout-0.5 row holds 73.1 ± 0.6" in f.message


def test_number_in_the_named_row_passes(minimal) -> None:
    report = review(minimal(with_table2("dropout-0.5 = 73.1 on the test set, best of all rates.")))
    assert not d1(report, "L2-D1-002") and not d1(report, "L2-D1-001")
    assert any("quoted numbers match" in s for s in report.dimension("D1").strengths)


def test_label_in_brackets_after_the_number_selects_the_row(minimal) -> None:
    bad = review(minimal(with_table2("Accuracy rose to 71.3 ± 0.6% (dropout-0.5).")))
    good = review(minimal(with_table2("Accuracy rose to 73.1 ± 0.6% (dropout-0.5).")))
    assert [f.code for f in d1(bad, "L2-D1-002")] == ["L2-D1-002"]
    assert not d1(good, "L2-D1-002")


def test_number_found_in_no_cell_of_the_cited_table_is_reported_with_the_nearest(minimal) -> None:
    report = review(minimal(with_table2("The best rate reached 74.8% test accuracy.")))
    [f] = d1(report, "L2-D1-001")
    assert "N08 quotes 74.8" in f.message and "Table 2" in f.message
    assert "nearest: 73.1" in f.message


def test_claim_evidence_basis_with_a_changed_decimal_is_major(minimal) -> None:
    changes = with_table2("dropout-0.5 = 73.1.")
    changes["logic/claims.md"] = claims_with(evidence_basis="Table 2 shows 72.1% at best.")
    [f] = d1(review(minimal(changes)), "L2-D1-001", "C01")
    assert f.entities == ["C01"] and f.file == "logic/claims.md" and f.severity == "major"
    assert "72.1" in f.quote


def test_changed_bare_integer_is_only_minor_since_integers_are_often_settings(minimal) -> None:
    root = minimal(
        {"logic/claims.md": claims_with(evidence_basis="Table 1 shows 41 epochs versus 36.")}
    )
    found = d1(review(root), "L2-D1-001", "C01")
    assert [f.severity for f in found] == ["minor"]
    assert "36" in found[0].message


def test_difference_of_two_cells_counts_as_found(minimal) -> None:
    report = review(minimal(with_table2("dropout-0.5 beats dropout-0.0 by 2.9 pp (Table 2).")))
    assert not d1(report, "L2-D1-001") and not d1(report, "L2-D1-002")


def test_approximate_quote_is_not_checked(minimal) -> None:
    report = review(minimal(with_table2("All rates landed at about 75% test accuracy.")))
    assert not d1(report, "L2-D1-001")


def test_reference_to_a_table_with_no_evidence_file_is_a_minor_finding(minimal) -> None:
    report = review(minimal(with_table2("Table 7 lists the timings of every run.")))
    [f] = d1(report, "L2-D1-003")
    assert f.severity == "minor" and "Table 7" in f.message
    assert not d1(review(minimal(with_table2("Table 2 lists the rates."))), "L2-D1-003")


def test_examples_have_no_numeric_slips(tree) -> None:
    from tests.conftest import EXAMPLES

    for name in ("dropout-mlp", "polyfit-ridge"):
        report = review(EXAMPLES / name)
        assert not [f for f in report.findings if f.code in ("L2-D1-001", "L2-D1-002")], name


def test_minimal_fixture_slip_is_found_table1_has_no_period_rows(minimal) -> None:
    # C02 cites "Table 1 rows for periods 10, 20 and 40"; Table 1 holds two schedules only.
    found = d1(review(minimal()), "L2-D1-001", "C02")
    assert {f.severity for f in found} == {"minor"}
    assert {f.message.split(" quotes ")[1].split()[0] for f in found} >= {"10", "20"}
    assert all(f.line == 22 and "Table 1" in f.message for f in found)


def test_number_found_in_a_cited_table_with_other_row_names_gets_no_row_verdict(minimal) -> None:
    # 41 is Table 1's cosine-restarts cell; Table 2 has a "dropout-0.5" row but Table 1 does not
    text = "dropout-0.5 = 41.0 epochs to target (Table 1, Table 2)."
    assert not d1(review(minimal(with_table2(text))), "L2-D1-002")


def test_number_from_the_right_row_but_another_column_is_reported_with_the_cell(minimal) -> None:
    report = review(minimal(with_table2("dropout-0.5 = 86.5% test acc, the best rate.")))
    [f] = d1(report, "L2-D1-002")
    assert "Table 2's dropout-0.5 row, test acc column holds 73.1 ± 0.6" in f.message


def test_number_in_the_named_row_and_column_passes(minimal) -> None:
    report = review(minimal(with_table2("dropout-0.5 = 86.5% train acc, the best rate.")))
    assert not d1(report, "L2-D1-002") and not d1(report, "L2-D1-001")


def test_number_quoted_at_a_row_label_is_checked_against_that_row(minimal) -> None:
    bad = review(minimal(with_table2("Accuracy peaked (71.3 at dropout-0.5).")))
    good = review(minimal(with_table2("Accuracy peaked (73.1 at dropout-0.5).")))
    assert [f.code for f in d1(bad, "L2-D1-002")] == ["L2-D1-002"]
    assert not d1(good, "L2-D1-002")


def test_number_attributed_to_an_appendix_in_the_same_clause_is_not_checked_against_the_table(
    minimal,
) -> None:
    changes = with_table2("dropout-0.5 = 73.1.")
    changes["logic/claims.md"] = claims_with(
        evidence_basis="Table 2 shows 73.1% for dropout-0.5 and Appendix B reports 40.7% on the pilot task."
    )
    assert not d1(review(minimal(changes)), "L2-D1-001", "C01")


def test_number_next_to_the_table_in_a_clause_that_also_names_an_appendix_is_still_checked(
    minimal,
) -> None:
    changes = with_table2("dropout-0.5 = 73.1.")
    changes["logic/claims.md"] = claims_with(
        evidence_basis="Appendix B describes the setup; Table 2 shows 72.1% at best, as in §4.2."
    )
    [f] = d1(review(minimal(changes)), "L2-D1-001", "C01")
    assert "72.1" in f.quote
