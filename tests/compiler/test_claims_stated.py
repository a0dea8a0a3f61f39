"""Findings an abstract or a conclusion states without "we show that": a result told as what
was observed or found, or as what the paper's analysis showed; and the findings of a
highlights list set as a paragraph. Aims, methods and others' results told the same way
are not claims."""

from __future__ import annotations

from arakit.compiler.mapping.claim_stated import states_finding
from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc


def test_an_abstract_result_told_as_observed_or_shown_by_an_analysis_is_a_claim() -> None:
    doc = _doc(
        "Reading aloud changes how the brain answers one's own voice. Here we present "
        "recordings from a reading and listening task. Concurrent muscle activity was "
        "recorded to control for movement. In line with earlier work, evoked-response "
        "analyses at the sentence level demonstrated weaker early responses for speaking "
        "than for listening. However, this weakening was only observed once muscle activity "
        "entered the model as a regressor.",
        [("1", "Introduction", ["Voices are heard while they are made."])],
    )
    claims = _claims(doc)
    assert any(c.startswith("In line with earlier work, evoked-response analyses") for c in claims)
    assert any(c.startswith("However, this weakening was only observed") for c in claims)
    assert not any("was recorded" in c for c in claims)  # the method, not a finding


def test_aims_methods_and_others_results_told_in_the_passive_are_no_finding() -> None:
    assert states_finding("No major differences were observed between the two conditions.")
    assert states_finding("It was also found that the flow slows towards the outlet.")
    assert states_finding("Moreover, it appeared that thicker walls widened the velocity gap.")
    assert not states_finding("To test whether noise matters, the data were observed twice.")
    assert not states_finding("Muscle activity was recorded and was found in every trial.")
    assert not states_finding("Previous studies have found that speaking suppresses responses.")
    assert not states_finding("This effect was observed by Smith et al. (2019) in children.")


def test_the_findings_of_a_highlights_paragraph_are_claims() -> None:
    doc = _doc(
        "We model gas flow in a rough channel with porous walls.",
        [
            (
                "",
                "",
                [
                    "• Article Highlights \uf0b7 The velocity profiles were studied in the core "
                    "and in the porous walls. Accordingly, it was found that the velocity in "
                    "the core decreases towards the outlet. It was also learnt that the "
                    "velocity in the walls is orders of magnitude lower than in the core.",
                ],
            ),
            ("1", "Introduction", ["Rough walls change the flow in small channels."]),
        ],
    )
    claims = _claims(doc)
    assert any(
        c.startswith("Accordingly, it was found that the velocity in the core") for c in claims
    )
    assert any(c.startswith("It was also learnt that the velocity in the walls") for c in claims)
    assert not any(c.startswith("The velocity profiles were studied") for c in claims)
