"""Level 2 on shapes real artifacts by other writers use: numbers quoted for a model whose
name holds digits, values derived from two cells, research-manager fields. Each case is a
false alarm the rules used to raise (no finding now) or a real slip they used to miss (a
finding now). The texts are written here."""

from __future__ import annotations

from arakit.seal.level2 import review
from tests.fixtures.minimal import EVIDENCE_README, FILES, TRACE
from tests.seal.level2.helpers import claims_with, codes, edit

# A depth table with numbered rows and named columns, and a model table with names as rows.
DEPTH = """# Table 2: Error by depth

**Source**: Table 2 in Warm restarts shorten training
**Caption**: Top-1 error (%) on the validation set.
**Extraction type**: raw_table

|           | plain | residual |
|-----------|-------|----------|
| 18 layers | 27.94 | 27.88    |
| 34 layers | 28.54 | 25.03    |
"""
MODELS = """# Table 3: Error by model

**Source**: Table 3 in Warm restarts shorten training
**Caption**: Top-1 and top-5 error (%).
**Extraction type**: raw_table

| model        | top-1 err. | top-5 err. |
|--------------|------------|------------|
| plain-34     | 28.54      | 10.02      |
| residual-34  | 24.19      | 7.40       |
| residual-50  | 22.85      | 6.71       |
| residual-101 | 21.75      | 6.05       |
| residual-152 | 21.43      | 5.71       |
"""
README = (
    EVIDENCE_README
    + "| tables/table2_depth.md | Table 2 | C01 | depth |\n"
    + "| tables/table3_models.md | Table 3 | C01 | models |\n"
)


def node_result(text: str, refs: str = "[Table 2, Table 3]") -> dict[str, str | None]:
    old = """                support_level: inferred
                result: Same ordering over 3 seeds."""
    new = f"""                support_level: explicit
                source_refs: {refs}
                result: "{text}\""""
    return {
        "evidence/tables/table2_depth.md": DEPTH,
        "evidence/tables/table3_models.md": MODELS,
        "evidence/README.md": README,
        "trace/exploration_tree.yaml": TRACE.replace(old, new),
    }


def d1(report, entity: str = "N08") -> list[str]:  # type: ignore[no-untyped-def]
    return [
        f.message
        for f in report.findings
        if f.code in ("L2-D1-001", "L2-D1-002") and entity in f.entities
    ]


def test_a_value_quoted_for_column_and_numbered_row_is_checked_in_that_cell(minimal) -> None:
    good = review(minimal(node_result("plain-18 = 27.94%, plain-34 = 28.54% (Table 2).")))
    assert d1(good) == []
    bad = review(minimal(node_result("plain-18 = 28.54% top-1 (Table 2).")))
    [msg] = d1(bad)
    assert "plain-18 = 28.54" in msg and "plain column, 18 layers row holds 27.94" in msg


def test_a_name_with_a_slash_list_of_variants_is_not_a_value(minimal) -> None:
    text = "Train residual-50/101/152 and residual-50 / 101 / 152 (Table 3)."
    assert d1(review(minimal(node_result(text)))) == []


def test_a_value_the_subject_reaches_belongs_to_that_row(minimal) -> None:
    slip = "The plain-34 net still reaches competitive accuracy (24.19% top-1, Table 3)."
    [msg] = d1(review(minimal(node_result(slip))))
    assert "plain-34 = 24.19" in msg and "plain-34 row holds 28.54" in msg
    right = "The residual-34 net still reaches competitive accuracy (24.19% top-1, Table 3)."
    assert d1(review(minimal(node_result(right)))) == []


def test_differences_and_relative_changes_of_two_cells_are_derived_values(minimal) -> None:
    text = "residual-34 beats plain-34 by 4.35 points, a 15% relative reduction (Table 3)."
    assert d1(review(minimal(node_result(text)))) == []
    wrong = "residual-34 beats plain-34 by 4.35 points, a 31% relative reduction (Table 3)."
    assert d1(review(minimal(node_result(wrong))))


def test_a_percentage_matches_the_same_share_written_as_a_fraction(minimal) -> None:
    assert d1(review(minimal(node_result("The plain-34 error is 0.2854 (Table 3).")))) == []


def test_a_setting_beside_the_table_is_not_a_quoted_result(minimal) -> None:
    text = "Warm up at LR 0.01 for 400 iterations, then 21.43% top-1 (Table 3)."
    assert d1(review(minimal(node_result(text)))) == []


def test_a_decision_with_one_rejected_alternative_is_a_decision(minimal) -> None:
    one = edit(
        "trace/exploration_tree.yaml",
        "alternatives: [step decay, linear restarts]",
        "alternatives: [step decay]",
    )
    assert "L2-D5-002" not in codes(review(minimal(one)))


def test_precise_falsification_by_comparison_is_measurable(minimal) -> None:
    claims = claims_with(falsification_criteria="Restart accuracy ≤ step-decay accuracy.")
    assert "L2-D2-003" not in codes(review(minimal({"logic/claims.md": claims})), "C01")
    words = claims_with(falsification_criteria="Restarts beating step decay on held-out loss.")
    assert "L2-D2-003" not in codes(review(minimal({"logic/claims.md": words})), "C01")


def test_setup_fields_written_as_plain_lines_are_read(minimal) -> None:
    plain = FILES["logic/experiments.md"]
    for key in ("Model", "Hardware", "Dataset", "System"):
        plain = plain.replace(f"  - **{key}**:", f"  - {key}:")
    assert "L2-D6-004" not in codes(review(minimal({"logic/experiments.md": plain})))


def test_a_dead_end_writing_why_it_failed_as_why_failed_is_read(minimal) -> None:
    tree = TRACE.replace(
        "failure_mode: Loss stayed on the plateau for 20 epochs.",
        "why_failed: Loss stayed on the plateau for 20 epochs.",
    )
    assert "L2-D5-001" not in codes(review(minimal({"trace/exploration_tree.yaml": tree})))


def test_ids_and_versions_with_digits_do_not_make_a_claim_quantitative(minimal) -> None:
    statement = (
        "Within protocol WM-001 v1.3.0 and fixture K3-K6, restarts keep the C++23 build "
        "reproducible on the RTX 3050 host."
    )
    report = review(minimal({"logic/claims.md": claims_with(statement=statement)}))
    assert "L2-D6-002" not in codes(report, "C01")


def test_assumption_ranges_are_not_references(minimal) -> None:
    statement = "Under assumptions A1–A4, restarts reach loss 0.1 in fewer epochs."
    report = review(minimal({"logic/claims.md": claims_with(statement=statement)}))
    assert not [f for f in report.findings if "A4" in f.message or "A1" in f.message]


def test_a_mixed_result_does_not_contradict_a_supported_claim(minimal) -> None:
    tree = TRACE.replace(
        "result: Restarts reached the target at epoch 41, step decay at 63.",
        "result: Restarts improved on the toy task; the sweep did not recover the 10% gap.",
    )
    assert "L2-D4-003" not in codes(review(minimal({"trace/exploration_tree.yaml": tree})))
