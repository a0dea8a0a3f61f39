"""D1 claim/experiment fit and D2 falsifiability: each rule trips on a defect and stays quiet
on the clean minimal artifact."""

from __future__ import annotations

import pytest

from arakit.seal.level2 import review
from tests.seal.level2.helpers import claims_with, codes, edit

C01 = "Cosine warm restarts reach loss 0.1 in fewer epochs than step decay on the toy task."
E01_SETUP = """  - **Model**: linear regression
  - **Hardware**: 1 CPU core
  - **Dataset**: 1,000 synthetic points
  - **System**: Python 3.11
- **Procedure**:
  1. Train with each schedule.
  2. Record the first epoch below loss 0.1.
- **Metrics**: epochs to target (epochs)"""


@pytest.fixture
def clean(minimal):  # type: ignore[no-untyped-def]
    return review(minimal())


def _first_experiment(new_setup: str) -> dict[str, str | None]:
    return edit("logic/experiments.md", E01_SETUP, new_setup)


def test_proof_experiment_about_something_else_is_reported(minimal, clean) -> None:
    from tests.fixtures.minimal import FILES

    off_topic = (
        E01_SETUP.replace("linear regression", "BPE tokenizer")
        .replace("1,000 synthetic points", "Wikipedia dump")
        .replace("Train with each schedule.", "Count tokens per second.")
        .replace("Record the first epoch below loss 0.1.", "Report throughput.")
        .replace("epochs to target (epochs)", "tokens per second")
    )
    text = (
        FILES["logic/experiments.md"]
        .replace(E01_SETUP, off_topic)
        .replace("## E01: Schedules compared", "## E01: Tokenizer speed")
        .replace("Restarts need fewer epochs.", "Higher throughput.", 1)
        .replace("- **Baselines**: step decay", "- **Baselines**: whitespace split", 1)
    )
    report = review(minimal({"logic/experiments.md": text}))
    [f] = [f for f in report.findings if f.code == "L2-D1-004"]
    assert f.entities == ["C01", "E01"] and f.severity == "major"
    assert "Tokenizer speed" in f.message
    assert "L2-D1-004" not in codes(clean)


def test_causal_claim_without_ablation_is_reported_and_an_ablation_satisfies_it(minimal) -> None:
    causal = claims_with(statement=C01[:-1] + " because restarts escape plateaus.")
    report = review(minimal({"logic/claims.md": causal}))
    assert "L2-D1-005" in codes(report, "C01")
    with_ablation = _first_experiment(
        E01_SETUP.replace(
            "Train with each schedule.", "Train with and without restarts (ablation)."
        )
    )
    with_ablation["logic/claims.md"] = causal
    assert "L2-D1-005" not in codes(review(minimal(with_ablation)))


def test_generalization_claim_on_one_dataset_is_reported(minimal) -> None:
    general = claims_with(statement="Cosine warm restarts generalize across datasets.")
    assert "L2-D1-006" in codes(review(minimal({"logic/claims.md": general})), "C01")
    three = _first_experiment(
        E01_SETUP.replace("1,000 synthetic points", "synthetic points, UCI housing, MNIST")
    )
    three["logic/claims.md"] = general
    assert "L2-D1-006" not in codes(review(minimal(three)))


@pytest.mark.parametrize(
    ("criteria", "code", "severity"),
    [
        ("none", "L2-D2-001", "critical"),
        (
            "The claim is false if cosine warm restarts do not reach loss 0.1 in fewer epochs "
            "than step decay on the toy task.",
            "L2-D2-002",
            "major",
        ),
        ("If the results look different from what we expect.", "L2-D2-003", "major"),
        ("Tokenizer memory use above 2 GB on the Wikipedia dump.", "L2-D2-004", "major"),
    ],
)
def test_weak_falsification_criteria_are_reported(
    minimal, clean, criteria: str, code: str, severity: str
) -> None:
    report = review(minimal({"logic/claims.md": claims_with(falsification_criteria=criteria)}))
    [f] = [f for f in report.findings if f.code == code]
    assert f.entities == ["C01"] and f.severity == severity and f.dimension == "D2"
    assert not [f for f in clean.findings if f.dimension == "D2"]
