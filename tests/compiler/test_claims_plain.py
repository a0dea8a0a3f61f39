"""Findings a paper states plainly — the abstract's results after its method, a sentence
that opens by concluding, an abstract the reader did not mark — and what reads like a
finding but is none: an illustration, others' results told without a bracketed reference,
a possible explanation, a hypothesis recalled."""

from __future__ import annotations

import pytest

from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc

INTRO = ("1", "Introduction", ["Politicians use email."])


def test_an_abstracts_result_stated_plainly_after_the_method_is_a_claim() -> None:
    third = "A third of the observed addresses have had their data breached at least once."
    doc = _doc(
        "Data breaches involving politicians are concerning because of the threat of "
        "blackmail. Using a dataset of 12,385 email addresses from politicians across 59 "
        f"countries, we check whether these addresses are part of known breaches. {third} "
        "Care should be taken to use the lists of other parliaments with this method.",
        [INTRO],
    )
    got = _claims(doc)
    assert third in got
    assert not any(c.startswith(("Data breaches", "Care should")) for c in got)


def test_the_generic_we_of_reasoning_does_not_open_the_abstracts_results() -> None:
    doc = _doc(
        "The effective mass is a critical parameter of semiconductor models. We must "
        "approximate the band structure with a parabola for this definition to be valid. "
        "However, this approximation breaks down when the material is heavily doped.",
        [INTRO],
    )
    assert not any(c.startswith("However, this approximation") for c in _claims(doc))


def test_an_illustration_is_no_claim() -> None:
    doc = _doc(
        "binomial_cis is a Python package for computing confidence intervals for the "
        "probability of success of a binomial distribution. For example, p may be the "
        "probability of a coin flip landing on heads, and k the number of heads we observe.",
        [INTRO],
        title="binomial_cis: confidence intervals",
    )
    got = _claims(doc)
    assert any(c.startswith("binomial_cis is a Python package") for c in got)
    assert not any(c.startswith("For example") for c in got)


@pytest.mark.parametrize(
    ("section", "text", "ours", "not_ours"),
    [
        pytest.param(  # others' results told without a bracketed reference
            ("1", "Introduction"),
            "Evolutionary theory suggests that pathogens with higher reproduction numbers will "
            "increase in prevalence. Fraser et al. have showed that HIV appears to satisfy the "
            "prerequisites of the tradeoff theory. In 2021, a study found that nearly 99% of "
            "the hashed passwords were cracked.",
            "Contact structure changes",
            ("Evolutionary theory", "Fraser et al.", "In 2021, a study"),
            id="others-results",
        ),
        pytest.param(  # a possible explanation, a hypothesis recalled
            ("5", "Conclusion"),
            "We show that lying was slower when a polygraph gave the feedback. Alternatively, "
            "the slower response could be explained by the attentional switching hypothesis. "
            "One possible interpretation of our findings is that people with stronger abilities "
            "rely on their social skills. First, we predicted that liars are overdispersed "
            "relative to a random distribution.",
            "Lying was slower",
            ("Alternatively", "One possible interpretation", "First, we predicted"),
            id="explanations-and-hypotheses",
        ),
    ],
)
def test_others_results_possible_explanations_and_recalled_hypotheses_are_no_claims(
    section: tuple[str, str], text: str, ours: str, not_ours: tuple[str, ...]
) -> None:
    sections = [(section[0], section[1], [text])]
    doc = _doc(
        "We model the evolution of virulence. We show that contact structure changes the "
        "peak virulence by a factor of two.",
        sections if section[1] == "Introduction" else [INTRO, *sections],
    )
    got = _claims(doc)
    assert any(c.startswith(ours) for c in got)
    for start in not_ours:
        assert not any(c.startswith(start) for c in got), start


def test_a_sentence_that_concludes_is_a_claim_wherever_the_discussion_sets_it() -> None:
    summed = (
        "In summary, frequent breaches of politicians' data underscore an urgent need for "
        "stronger digital security practices."
    )
    doc = _doc(
        "We estimate how often politicians' addresses are breached.",
        [
            INTRO,
            ("4", "Discussion", ["Breaches are common."]),
            ("4.1", "Implications for practice", [f"Parliaments train their staff. {summed}"]),
            ("4.2", "Conclusion", ["Security matters."]),
        ],
    )
    assert summed in _claims(doc)


def test_an_abstract_the_reader_did_not_mark_is_read_from_the_front() -> None:
    headed = "We present stomatapy, a package that maps the spacing of stomata on leaves."
    untitled = "I present a web tool that classifies the targets of transcription factors."
    for front in (("", "Abstract", [headed]), ("", "", [untitled])):
        doc = _doc(
            "",
            [
                front,
                (
                    "",
                    "Introduction",
                    ["Leaves exchange gases with the air through the pores of their surfaces."],
                ),
                ("", "Methods", ["The leaves of the plants were imaged with a microscope."]),
            ],
        )
        got = _claims(doc)
        said = front[2][0].lower()
        assert any(said.endswith(c.lower()) for c in got), (front[1], got)
