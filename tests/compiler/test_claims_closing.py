"""What is no claim though it reads like one — the paper's plan, others' findings told
without naming them, back matter run on after the closing section — and what the
authors did, told after a clause that says how."""

from __future__ import annotations

import pytest

from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc

FOUND = "We show that computing the surface stress on the coarser grid weakens the drag by 20%."


def _introduced(text: str) -> list[str]:
    """The claims of a paper whose abstract states FOUND and whose introduction is `text`."""
    doc = _doc(
        "We study how the coupling grid changes simulated cyclones. " + FOUND,
        [("1", "Introduction", [text])],
    )
    return _claims(doc)


@pytest.mark.parametrize(
    ("text", "not_claims"),
    [
        (  # the paper's plan
            "Cyclones are hard to simulate. The remainder of this report is structured as "
            "follows. Section 2 provides an introduction to the modeling system used in this "
            "study and shows that it is well tested.",
            ("The remainder", "Section 2"),
        ),
        (  # what the authors set out to do
            "Our aim in this paper is to develop a framework that guides engineers in optimizing "
            "code for accelerators. In this work, our goal is to explore and demonstrate how "
            "both approaches can coexist and benefit from each other.",
            ("Our aim", "In this work, our goal"),
        ),
    ],
)
def test_the_papers_plan_and_aims_are_no_claims(text: str, not_claims: tuple[str, ...]) -> None:
    got = _introduced(text)
    assert any(c.startswith("Computing the surface stress") for c in got)
    assert not any(c.startswith(not_claims) for c in got)


def test_findings_of_others_told_without_naming_them_are_no_claims() -> None:
    got = _introduced(
        "It has been shown that global models can simulate cyclones at a grid "
        "spacing of 100 km, albeit with limitations (e.g., Bengtsson et al., 2007). "
        "In fact, recent research shows that prosocial lies are judged kindly by "
        "most listeners. Interestingly, evidence suggests that detecting a lie "
        "depends more on the liar than on the detector. Our results show that the "
        "ocean grid matters for the most intense cyclones."
    )
    assert any("ocean grid matters" in c for c in got)  # told in the first person
    for others in ("It has been shown", "In fact, recent research", "Interestingly, evidence"):
        assert not any(c.startswith(others) for c in got)


def test_back_matter_run_on_after_the_conclusions_is_not_part_of_them() -> None:
    doc = _doc(
        "We study how the coupling grid changes simulated cyclones.",
        [
            ("1", "Introduction", ["Cyclones are hard to simulate."]),
            (
                "5",
                "Conclusions",
                [
                    "Our results demonstrate that the mean climate is the same for either grid.",
                    "Acknowledgements. The center is sponsored by the foundation. We show that "
                    "the allocation of computing time made the runs possible.",
                ],
            ),
        ],
    )
    got = _claims(doc)
    assert "Our results demonstrate that the mean climate is the same for either grid." in got
    assert not any("allocation" in c for c in got)


def test_what_the_authors_did_after_a_clause_that_says_how_is_a_claim() -> None:
    did = (
        "Using the velocity distributions of these stars as our prior, we infer velocities for "
        "the remaining three-quarters of the sample by marginalizing over missing velocities."
    )
    decomposed = (
        "Using a simple analytical model that combines a cut-off power law with a modified "
        "blackbody, we decompose the spectral energy distributions into two components."
    )
    doc = _doc(
        "Kinematic ages need three-dimensional velocities of stars. " + did + " " + decomposed,
        [("1", "Introduction", ["Stars move."])],
    )
    got = _claims(doc)
    assert did in got
    assert decomposed in got


def test_a_general_discussion_closes_a_paper_of_several_experiments() -> None:
    found = "We introduced a paradigm that separates the two mechanisms of lying in the lab."
    doc = _doc(
        "We study lying.",
        [
            ("", "Introduction", ["Lying is common."]),
            ("", "Experiment 1", ["Participants lied about their holidays."]),
            ("", "Discussion", ["The first experiment was short."]),
            ("", "General Discussion", [found]),
            ("", "References", ["Smith, A. (2020). Lies. Journal, 1, 1-2."]),
        ],
    )
    assert found in _claims(doc)
