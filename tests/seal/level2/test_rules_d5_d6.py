"""D5 exploration integrity and D6 methodological rigor: each rule trips on a defect and stays
quiet on the clean minimal artifact."""

from __future__ import annotations

from arakit.seal.level2 import review
from tests.fixtures.minimal import FILES
from tests.seal.level2.helpers import claims_with, codes, edit


def test_vague_dead_end_is_reported_at_its_field_line(minimal) -> None:
    root = minimal(
        edit(
            "trace/exploration_tree.yaml",
            "failure_mode: Loss stayed on the plateau for 20 epochs.",
            "failure_mode: It did not work.",
        )
    )
    [f] = [f for f in review(root).findings if f.code == "L2-D5-001"]
    assert f.entities == ["N05"] and f.severity == "major"
    line = (root / f.file).read_text().splitlines()[f.line - 1]
    assert "failure_mode: It did not work." in line
    assert "L2-D5-001" not in codes(review(minimal()))


def test_decision_with_no_real_alternative_is_reported(minimal) -> None:
    single = edit(
        "trace/exploration_tree.yaml",
        "alternatives: [step decay, linear restarts]",
        "alternatives: [cosine restarts, none]",
    )
    [f] = [f for f in review(minimal(single)).findings if f.code == "L2-D5-002"]
    assert f.entities == ["N03"] and "0 real alternative" in f.message
    assert "L2-D5-002" not in codes(review(minimal()))


def test_claim_advocating_a_dead_end_hypothesis_is_reported(minimal) -> None:
    advocate = claims_with(statement="Half-rate restarts are enough to escape the plateau.")
    [f] = [
        f for f in review(minimal({"logic/claims.md": advocate})).findings if f.code == "L2-D5-003"
    ]
    assert f.entities == ["C01", "N05"]
    assert "L2-D5-003" not in codes(review(minimal()))


def test_tree_without_dead_end_or_pivot_is_reported(minimal) -> None:
    trace = FILES["trace/exploration_tree.yaml"].replace("type: dead_end", "type: experiment")
    trace = trace.replace("type: pivot", "type: question")
    assert "L2-D5-004" in codes(review(minimal({"trace/exploration_tree.yaml": trace})))
    assert "L2-D5-004" not in codes(review(minimal()))


def test_comparative_claim_without_baselines_is_reported(minimal) -> None:
    text = FILES["logic/experiments.md"].replace(
        "- **Baselines**: step decay", "- **Baselines**: none"
    )
    [f] = [
        f for f in review(minimal({"logic/experiments.md": text})).findings if f.code == "L2-D6-001"
    ]
    assert f.entities[0] == "C01" and "'than'" in f.message
    assert "L2-D6-001" not in codes(review(minimal()))


def test_quantitative_claim_without_seeds_or_spread_is_reported(minimal) -> None:
    no_seeds = claims_with(falsification_criteria="Step decay reaching loss 0.1 in fewer epochs.")
    assert "L2-D6-002" in codes(review(minimal({"logic/claims.md": no_seeds})), "C01")
    assert "L2-D6-002" not in codes(review(minimal()))


def test_metric_that_does_not_measure_the_claim_is_reported(minimal) -> None:
    memory = claims_with(statement="Cosine warm restarts use less GPU memory than step decay.")
    [f] = [
        f for f in review(minimal({"logic/claims.md": memory})).findings if f.code == "L2-D6-003"
    ]
    assert "memory" in f.message and "epochs to target" in f.message
    assert "L2-D6-003" not in codes(review(minimal()))


def test_setup_without_hardware_is_reported(minimal) -> None:
    text = FILES["logic/experiments.md"].replace("  - **Hardware**: 1 CPU core\n", "", 1)
    [f] = [
        f for f in review(minimal({"logic/experiments.md": text})).findings if f.code == "L2-D6-004"
    ]
    assert f.entities == ["E01"] and "hardware" in f.message
    assert "L2-D6-004" not in codes(review(minimal()))
