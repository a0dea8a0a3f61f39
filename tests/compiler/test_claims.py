"""Claims are the sentences where a paper says what it did or found: the abstract, the
contribution list, the conclusion and its findings — complete, distinct, in its words."""

from __future__ import annotations

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claim_sentences import (
    claim_sentences,
    fallback_claim_sentences,
)
from arakit.compiler.mapping.claims import map_claims
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.text import sentences
from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc


def test_background_and_cited_work_are_not_claims() -> None:
    doc = _doc(
        "In recent years, deep learning has advanced at a tremendous pace. Smith et al. (2019) "
        "propose a recurrent estimator. We propose a sparse estimator that halves the error.",
        [("1", "Introduction", ["Several methods have been proposed [3]. We are grateful."])],
    )
    assert _claims(doc) == ["We propose a sparse estimator that halves the error."]


def test_the_thing_the_paper_introduces_is_a_claim_subject_even_in_lower_case() -> None:
    doc = _doc(
        "To this end, we present lightcurve, an open source package for photometry in Python. "
        "lightcurve is designed to read data from three missions. Using lightcurve, it is "
        "simple to correct the light curves of any target.",
        [("2", "Package", ["lightcurve is the first package to fit all three missions."])],
        title="lightcurve: a package",
    )
    got = _claims(doc)
    assert got[1] == "lightcurve is designed to read data from three missions."
    assert got[2].startswith("Using lightcurve, it is simple")
    assert got[3] == "lightcurve is the first package to fit all three missions."


def test_the_conclusions_summary_and_list_of_findings_are_claims_but_not_future_work() -> None:
    doc = _doc(
        "We present an estimator.",
        [
            (
                "6",
                "Conclusion",
                [
                    "We have presented an automated method to calibrate MPC parameters. "
                    "Real-time constraints are explicitly taken into account in the design.",
                    "Future research will be devoted to other plants.",
                    "Summary of Key Findings 1. Curriculum learning enables stable convergence. "
                    "2. The logit transform reveals saturation invisible in raw accuracy.",
                ],
            )
        ],
    )
    got = _claims(doc)
    assert "Real-time constraints are explicitly taken into account in the design." in got
    assert "Curriculum learning enables stable convergence." in got
    assert "The logit transform reveals saturation invisible in raw accuracy." in got
    assert not any("Future" in c for c in got)


def test_a_claim_repeated_in_other_words_is_kept_once_in_the_abstracts_wording() -> None:
    doc = _doc(
        "We show that gating removes the early loss spikes of residual networks.",
        [
            (
                "1",
                "Introduction",
                ["We demonstrate that gating removes early loss spikes in deep residual networks."],
            )
        ],
    )
    assert _claims(doc) == ["Gating removes the early loss spikes of residual networks."]


def test_sentences_split_before_a_lower_case_name_and_list_items_but_not_abbreviations() -> None:
    text = (
        "We use e.g. the Adam optimizer, as in Smith et al. for training. It is open source. "
        "lightcurve reads data. Findings 1. Width matters. 2. Depth does not."
    )
    assert sentences(text) == [
        "We use e.g. the Adam optimizer, as in Smith et al. for training.",
        "It is open source.",
        "lightcurve reads data.",
        "Findings",
        "1. Width matters.",
        "2. Depth does not.",
    ]


def test_an_abstract_states_results_with_the_method_as_subject_or_against_baselines() -> None:
    doc = _doc(
        "Existing fitters repeat the fit on every image. We present a neural field for the "
        "point-spread function. The method exploits structure in the problem without evenly "
        "spaced observations. On 3,301 test exposures of survey imaging, the model matches or "
        "exceeds PIFF on every metric. Color conditioning further removes a chromatic "
        "systematic that the baselines retain.",
        [],
    )
    got = _claims(doc)
    assert "The method exploits structure in the problem without evenly spaced observations." in got
    assert any(c.startswith("On 3,301 test exposures") for c in got)
    assert any(c.startswith("Color conditioning further removes") for c in got)
    assert not any(c.startswith("Existing fitters") for c in got)


def test_text_before_the_first_heading_is_the_introduction_when_none_is_titled_so() -> None:
    doc = _doc(
        "",
        [
            ("", "", ["Particle filters are widely used. We show that a one-parameter family "
                      "of gradient estimators trades bias for variance."]),
            ("1", "Methods", ["We show that the estimator is consistent under mixing."]),
        ],
    )  # fmt: skip
    got = _claims(doc)
    assert got[0] == "A one-parameter family of gradient estimators trades bias for variance."


def test_an_abstract_that_rules_out_alternatives_and_draws_a_conclusion_states_claims() -> None:
    doc = _doc(
        "We report the discovery of a young planet. Grazing transits are often indicative of "
        "false positives. Our combined photometry and radial velocities rule out eclipsing "
        "binary scenarios. The planet is therefore a validated adolescent exoplanet.",
        [],
    )
    got = _claims(doc)
    assert any(c.startswith("Our combined photometry and radial velocities rule out") for c in got)
    assert "The planet is therefore a validated adolescent exoplanet." in got
    assert not any(c.startswith("Grazing transits") for c in got)


def test_a_term_the_paper_uses_before_proposing_with_it_is_not_its_introduced_name() -> None:
    doc = _doc(
        "Detecting a rogue access point (RAP) in Wi-Fi networks is important. In this paper, "
        "we propose RAP detection by observing address resolution packets. The proposed "
        "scheme achieves an accuracy of 95%.",
        [("1", "Introduction", ["The RAP clones the network name of a legitimate access point."])],
    )
    got = _claims(doc)
    assert any(c.startswith("In this paper, we propose RAP detection") for c in got)
    assert not any(c.startswith("The RAP clones") for c in got)


def test_an_abstract_about_others_schemes_is_background_not_a_claim() -> None:
    doc = _doc(
        "The previous scheme is user side detection focusing on round-trip times. We propose "
        "a detector that reads address resolution packets.",
        [],
    )
    assert _claims(doc) == ["We propose a detector that reads address resolution packets."]


def test_a_paper_with_no_finding_under_the_rules_keeps_what_its_abstract_says_it_does() -> None:
    tutorial = _doc(
        "Explanations of models are used widely. This text discusses several popular "
        "explanatory methods beyond error measurements. Some are accepted tools of the trade.",
        [],
    )
    ctx = PaperContext(tutorial, extract_atoms(tutorial), "p.pdf")
    assert claim_sentences(ctx) == []
    (claim,) = map_claims(ctx, [])
    assert claim.statement.startswith("This text discusses several popular explanatory")
    assert "No sentence of the paper reads as a finding" in (claim.interpretation or "")
    assert [s.text for s in fallback_claim_sentences(ctx)] == [
        "This text discusses several popular explanatory methods beyond error measurements."
    ]
    french = _doc(
        "Dans le domaine médical, un score élevé ne garantit pas la fidélité. Nous proposons un "
        "cadre d'évaluation pour la traduction. Ce cadre combine quatre métriques.",
        [],
    )
    ctx = PaperContext(french, extract_atoms(french), "p.pdf")
    # in another language, the abstract's sentence saying what the work presents is a claim
    assert [s.text for s in claim_sentences(ctx)] == [
        "Nous proposons un cadre d'évaluation pour la traduction."
    ]


def test_a_paper_in_another_language_takes_its_claims_from_its_conclusion() -> None:
    thesis = _doc(
        "",
        [
            ("", "Введение", ["В последние годы машинное обучение стало одной из областей."]),
            (
                "",
                "Выводы",
                [
                    "Предложенный метод показывает лучшее качество при высоком бюджете. "
                    "При малом бюджете лучше себя показали эволюционный алгоритм и TPE. "
                    "Объединение идей позволило использовать преимущества обоих алгоритмов.",
                    "Модификация мутации позволяет методу достичь лучшего качества.",
                    "Дальнейшими направлениями исследования могут быть изучение скрещивания.",
                ],
            ),
        ],
    )
    ctx = PaperContext(thesis, extract_atoms(thesis), "p.pdf")
    assert [s.text for s in fallback_claim_sentences(ctx)] == [
        "Предложенный метод показывает лучшее качество при высоком бюджете.",
        "При малом бюджете лучше себя показали эволюционный алгоритм и TPE.",
        "Модификация мутации позволяет методу достичь лучшего качества.",
    ]
    first = map_claims(ctx, [])[0]
    assert first.tags and all(t.isalpha() for t in first.tags)
    assert "Предложенный" in (first.falsification_criteria or "")


def test_a_draft_without_an_abstract_keeps_what_its_introduction_says_it_does() -> None:
    draft = _doc(
        "",
        [
            (
                "",
                "Introduction",
                [
                    "The purpose of this document is to review issues related to instance "
                    "theories of memory. Topics include classic models and their debates."
                ],
            )
        ],
    )
    ctx = PaperContext(draft, extract_atoms(draft), "p.pdf")
    assert claim_sentences(ctx) == []
    assert [s.text for s in fallback_claim_sentences(ctx)] == [
        "The purpose of this document is to review issues related to instance theories of memory."
    ]


def test_each_item_of_the_introductions_contribution_list_is_a_claim() -> None:
    doc = _doc(
        "We present a differentiable particle filter.",
        [
            (
                "1",
                "Introduction",
                [
                    "Our key insights are as follows: 1. We consider a novel one-parameter family "
                    "of gradient estimators trading bias for variance. 2. Our estimators keep "
                    "the plug-and-play property of the filter."
                ],
            )
        ],
    )
    got = _claims(doc)
    assert (
        "We consider a novel one-parameter family of gradient estimators trading bias for variance."
        in got
    )
    assert "Our estimators keep the plug-and-play property of the filter." in got


def test_an_abstract_whose_own_network_is_the_subject_states_a_claim() -> None:
    doc = _doc(
        "Errors in the modelled point-spread function bias shear measurement. We instead target "
        "the effective PSF. A single neural network predicts this PSF at any queried position "
        "in one forward pass. A new class of fitters has been proposed [4].",
        [],
    )
    got = _claims(doc)
    assert any(c.startswith("A single neural network predicts this PSF") for c in got)
    assert not any(c.startswith("A new class of fitters") for c in got)
    assert not any(c.startswith("Errors in the modelled") for c in got)


def test_a_closing_discussion_is_read_as_the_conclusion_when_there_is_none() -> None:
    closing = [
        "Our estimator recovers the signal with half the error of the baseline. "
        "In the future, we would like to explore three-speaker mixtures."
    ]
    doc = _doc(
        "We present an estimator.",
        [
            ("1", "Introduction", ["Noise is common in measurements."]),
            ("4", "Discussion", closing),
            ("", "Acknowledgements", ["We thank the reviewers for their comments."]),
        ],
    )
    got = _claims(doc)
    assert "Our estimator recovers the signal with half the error of the baseline." in got
    assert not any("future" in c for c in got)
    doc.sections.insert(2, _doc("", [("5", "Conclusion", ["We present it."])]).sections[0])
    assert "Our estimator recovers the signal with half the error of the baseline." not in (
        _claims(doc)
    )
