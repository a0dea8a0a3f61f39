"""Whose result a sentence reports: a section about others' work ("State of the Art"), a
cited party as the subject ("The authors conclude ...", "They conclude ..." after a
citation), and a software paper's framing ("The need for X ...", "Before X, ...") are never
the paper's claims; the paper's own results, told with "they" or "our model", stay. Also the
findings of results sections reported in their own words ("peaks at", "is lower for",
"confirms the ...") and a displayed equation's number run into a claim."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claim_results import MIN_SCORE, finding_score
from arakit.compiler.mapping.claims import claim_statement
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.pdf.document import Equation
from tests.compiler.paperdoc import claims_of, document

ABSTRACT = (
    "We present a pipeline that classifies fish by their lake of origin. "
    "The resulting pipeline achieves a classification accuracy of 97.6%."
)


def test_results_reported_in_a_state_of_the_art_section_are_the_cited_papers() -> None:
    doc = document(
        "We present a pipeline that classifies fish by their lake of origin.",
        [
            ("1", "Introduction", ["Morphology describes organic shapes by landmarks."]),
            (
                "2",
                "State of the Art",
                [
                    "Recent work compares vision transformers and CNNs on fish images [12]. "
                    "The ViT achieves superior classification accuracy with 91.61% compared "
                    "to the CNNs 83.37%."
                ],
            ),
            (
                "4",
                "Technical Discussion",
                [
                    "On the hold-out set the pipeline achieved an accuracy of 97.6% "
                    "(Figure 3), higher than the 96% of cross-validation."
                ],
            ),
        ],
    )
    claims = claims_of(doc)
    assert not any("91.61%" in c for c in claims)
    assert any("hold-out set the pipeline achieved" in c for c in claims)


@pytest.mark.parametrize(
    "cited",
    [
        "The authors conclude that automatically placed landmarks achieve 10% higher "
        "accuracy than manual ones.",
        "Wöber et al. [34] report that landmark models reach 0.91 accuracy, higher than "
        "the outline models.",
    ],
)
def test_a_cited_party_as_the_subject_reports_its_own_result(cited: str) -> None:
    assert finding_score(cited) < MIN_SCORE


def test_they_after_a_citation_are_the_cited_authors_and_after_our_model_are_ours() -> None:
    theirs = (
        "Landmark studies used logistic regression on 14 points (Smith et al., 2020). "
        "They conclude that the logistic regression offers the highest accuracy of 0.88 "
        "among the tested models."
    )
    ours = (
        "Our models were trained on 209 images. They reach the highest accuracy of 0.97 "
        "among the tested models, higher than every baseline."
    )
    doc = document(ABSTRACT, [("3", "Results", [theirs, ours])])
    claims = claims_of(doc)
    assert not any("logistic regression offers" in c for c in claims)
    assert any("They reach the highest accuracy of 0.97" in c for c in claims)


def test_why_a_software_is_needed_and_how_things_stood_before_it_are_no_claims() -> None:
    need = [
        "The need for fluxkit is demonstrated by its ability to solve two important problems. "
        "Before fluxkit, the difficulty in modelling the intermediate regime had prevented "
        "such a theory. "
        "First, fluxkit is the first technique able to treat realistic three-dimensional "
        "systems."
    ]
    doc = document(
        "We release the fluxkit package for simulating transport.",
        [("", "Statement of need", need)],
        title="fluxkit: transport simulation",
    )
    claims = claims_of(doc)
    assert not any(c.startswith(("The need for", "Before fluxkit")) for c in claims)
    assert any("fluxkit is the first technique" in c for c in claims)


@pytest.mark.parametrize(
    "sentence",
    [
        "The hard task is most informative: accuracy peaks at an intermediate cost (0.927 at "
        "six gates) and is lower for the full circuit (0.873).",
        "A separate denser run confirms the endpoints, with the full circuit at 0.60 and the "
        "compressed circuit at 0.83.",
        "This principled model reproduces every qualitative finding of the pure-state model.",
        "On the device the full circuit collapses to near chance (0.60) while the compressed "
        "circuit retains accuracy (0.83).",
    ],
)
def test_results_in_their_own_words_are_findings(sentence: str) -> None:
    assert finding_score(sentence) >= MIN_SCORE


def _ctx(equations: list[str]) -> PaperContext:
    doc = document(ABSTRACT, [])
    doc.equations = [Equation("R = p A", 3, "3", n) for n in equations]
    return PaperContext(doc, extract_atoms(doc), "p.pdf")


def test_a_displayed_equation_number_run_into_a_claim_is_left_out() -> None:
    sentence = "In 5-fold cross validation the SVM achieved an overall average (1) accuracy of 96%."
    assert claim_statement(_ctx(["3", "4"]), sentence) == (
        "In 5-fold cross validation the SVM achieved an overall average accuracy of 96%."
    )


@pytest.mark.parametrize(
    ("sentence", "equations"),
    [
        # no displayed equation has so high a number, or the paper numbers none
        ("The SVM achieved an overall average (7) accuracy of 96% on the data.", ["3", "4"]),
        ("The SVM achieved an overall average (1) accuracy of 96% on the data.", []),
        # an equation cited by its number, and an enumeration
        ("The loss in (2) drops below 0.1 after ten epochs on the data.", ["1", "2"]),
        ("We find (1) lower loss and (2) faster training on the data.", ["1", "2"]),
    ],
)
def test_numbers_the_sentence_means_stay(sentence: str, equations: list[str]) -> None:
    assert claim_statement(_ctx(equations), sentence) == sentence
