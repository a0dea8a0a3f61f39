"""D3 scope calibration and D4 argument coherence: each rule trips on a defect and stays quiet
on the clean minimal artifact."""

from __future__ import annotations

from arakit.seal.level2 import review
from tests.seal.level2.helpers import README2, TABLE2, claims_with, codes, edit


def test_universal_claim_over_one_dataset_is_reported(minimal) -> None:
    universal = claims_with(
        statement="Cosine warm restarts always reach loss 0.1 in fewer epochs than step decay."
    )
    [f] = [
        f for f in review(minimal({"logic/claims.md": universal})).findings if f.code == "L2-D3-001"
    ]
    assert f.severity == "major" and "'always'" in f.message and f.entities == ["C01"]
    assert "L2-D3-001" not in codes(review(minimal()))


def test_certainty_on_one_experiment_and_hedging_on_a_supported_claim_are_reported(
    minimal,
) -> None:
    proves = claims_with(statement="This proves that restarts reach loss 0.1 in fewer epochs.")
    hedged = claims_with(statement="Restarts may reach loss 0.1 in fewer epochs than step decay.")
    assert "L2-D3-002" in codes(review(minimal({"logic/claims.md": proves})), "C01")
    assert "L2-D3-002" in codes(review(minimal({"logic/claims.md": hedged})), "C01")
    assert "L2-D3-002" not in codes(review(minimal()))


def test_evidence_file_no_claim_uses_is_reported(minimal) -> None:
    unused = README2.replace("| Table 2 | C01 |", "| Table 2 | |")
    report = review(
        minimal({"evidence/tables/table2_dropout.md": TABLE2, "evidence/README.md": unused})
    )
    [f] = [f for f in report.findings if f.code == "L2-D3-003"]
    assert f.file == "evidence/tables/table2_dropout.md" and f.severity == "minor"
    used = review(
        minimal({"evidence/tables/table2_dropout.md": TABLE2, "evidence/README.md": README2})
    )
    assert "L2-D3-003" not in codes(used)


def test_missing_assumptions_are_reported(minimal) -> None:
    no_assumptions = edit(
        "logic/problem.md", "- A1: The loss surface is smooth enough for large steps.\n", ""
    )
    assert "L2-D3-004" in codes(review(minimal(no_assumptions)))
    assert "L2-D3-004" not in codes(review(minimal()))


def test_gap_no_claim_addresses_is_reported(minimal) -> None:
    extra_gap = edit(
        "logic/problem.md",
        "## Key Insight",
        "### G2: Tokenizer fragmentation\n\n- **Statement**: Byte-pair vocabularies fragment "
        "rare morphology in agglutinative languages.\n- **Caused by**: [O1]\n\n## Key Insight",
    )
    [f] = [f for f in review(minimal(extra_gap)).findings if f.code == "L2-D4-001"]
    assert f.entities == ["G2"] and f.severity == "major" and f.file == "logic/problem.md"
    assert "L2-D4-001" not in codes(review(minimal()))


def test_insight_that_reaches_nothing_is_reported(minimal) -> None:
    stray = edit(
        "logic/problem.md",
        "Periodic restarts escape plateaus.",
        "Quantum annealing of tokenizer vocabularies.",
    )
    assert "L2-D4-002" in codes(review(minimal(stray)))
    assert "L2-D4-002" not in codes(review(minimal()))


def test_supported_claim_contradicted_by_its_trace_node_is_reported(minimal) -> None:
    contradiction = edit(
        "trace/exploration_tree.yaml",
        "result: Restarts reached the target at epoch 41, step decay at 63.",
        "result: Restarts did not reach the target sooner than step decay.",
    )
    [f] = [f for f in review(minimal(contradiction)).findings if f.code == "L2-D4-003"]
    assert f.entities == ["C01", "N02"] and f.file == "trace/exploration_tree.yaml"
    assert "L2-D4-003" not in codes(review(minimal()))


def test_gap_a_claim_shares_some_terms_with_is_only_minor(minimal) -> None:
    from tests.fixtures.minimal import FILES

    # G1 shares "restart" (1 of its 9 terms, 11%) with the claims: perhaps taken up in other
    # words, so a minor finding; the same gap with no shared term stays major
    some = FILES["logic/problem.md"].replace(
        "- **Statement**: Step schedules never raise the rate again.",
        "- **Statement**: Compilers never restart vectorisers across unrolled loop nests "
        "during autotuning sweeps.",
    )
    found = [f for f in review(minimal({"logic/problem.md": some})).findings if "G1" in f.entities]
    assert [(f.code, f.severity) for f in found] == [("L2-D4-001", "minor")]
