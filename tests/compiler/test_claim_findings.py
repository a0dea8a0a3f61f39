"""Claims are findings and contributions, not what the authors set out to look at: results
an abstract states without "we", boxed summaries of findings, a software paper's research
impact, a paper in another language — and never a research question, an abstract's opening
background, or the author line of a listed publication."""

from __future__ import annotations

from arakit.compiler.assemble import paper_front
from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claim_sentences import claim_sentences
from arakit.compiler.mapping.context import PaperContext
from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc


def test_what_the_authors_set_out_to_study_and_their_questions_are_not_claims() -> None:
    doc = _doc(
        "This paper reports a preliminary study on this mechanism from its application status. "
        "We also explore ways to address these identified problems. We find that a growing "
        "number of projects on GitHub are adopting the convention.",
        [
            (
                "1",
                "Introduction",
                [
                    "Motivated by the misuse shown in Figure 2, we propose RQ2: “What challenges "
                    "do developers face when classifying commits?”. We then delve deeper into "
                    "the challenges developers face, as shown in Figure 2."
                ],
            )
        ],
    )
    assert _claims(doc) == ["A growing number of projects on GitHub are adopting the convention."]


def test_an_abstract_opening_on_the_field_is_background_until_the_paper_says_what_it_does() -> None:
    doc = _doc(
        "The new commit framework requires developers to classify commits into ten categories. "
        "We propose an approach that classifies commits automatically. The approach reduces "
        "the classification error by 22% against the three-class baselines.",
        [],
    )
    assert _claims(doc) == [
        "We propose an approach that classifies commits automatically.",
        "The approach reduces the classification error by 22% against the three-class baselines.",
    ]


def test_results_an_abstract_states_without_we_are_claims_once_it_has_said_what_it_did() -> None:
    doc = _doc(
        "I use numerical simulations to show that when response rates vary, stability "
        "increases. Variation in response rate is especially important for stability in "
        "highly complex systems. At such extremes, the largest stable systems would be "
        "unstable if not for this variation.",
        [],
    )
    got = _claims(doc)
    assert len(got) == 3
    assert got[1].startswith("Variation in response rate is especially important")
    assert got[2].startswith("At such extremes")


def test_each_sentence_of_a_boxed_summary_of_findings_is_a_claim() -> None:
    doc = _doc("We study how projects adopt a commit convention.", [])
    doc.sidebars = [
        "fix: prevent racing of requests Introduce a request id and reference to latest request.",
        "Summary for RQ3: Our approach surpasses all compared baselines. Compared to "
        "three-category methods, our approach exhibits an over 22% improvement in accuracy.",
    ]
    doc.sidebar_pages = [3, 9]
    ctx = PaperContext(doc, extract_atoms(doc), "p.pdf")
    found = [s for s in claim_sentences(ctx) if s.where.role == "findings"]
    assert [s.text for s in found] == [
        "Our approach surpasses all compared baselines.",
        "Compared to three-category methods, our approach exhibits an over 22% improvement in "
        "accuracy.",
    ]
    assert found[0].where.page == 9


def test_a_software_paper_s_research_impact_gives_what_it_was_used_for_not_its_setup() -> None:
    doc = _doc(
        "BowshockPy is an open-source Python package that generates synthetic spectral cubes.",
        [
            (
                "",
                "Research impact statement",
                [
                    "To demonstrate the improvements of BowshockPy, we use our previous data set. "
                    "Experiments were performed on a laptop with 4 cores. BowshockPy has proven "
                    "to be highly valuable for modelling bowshock shells. It has been used in "
                    "Smith et al. (2025), which showed that the model reproduces the observed "
                    "shells. BowshockPy computes a cube in 8.5 s on average."
                ],
            )
        ],
        title="BowshockPy: A generator of synthetic observations",
    )
    got = _claims(doc)
    assert "BowshockPy has proven to be highly valuable for modelling bowshock shells." in got
    assert any(c.startswith("It has been used in Smith et al. (2025)") for c in got)
    assert "BowshockPy computes a cube in 8.5 s on average." in got
    assert not any(c.startswith(("To demonstrate", "Experiments were")) for c in got)


def test_a_spanish_thesis_gives_its_abstract_and_conclusions_not_a_listed_author_line() -> None:
    doc = _doc(
        "La clasificación multi-etiquetas es un paradigma de aprendizaje supervisado. A este fin "
        "se presenta un método de generación de instancias sintéticas para flujos continuos.",
        [
            (
                "5",
                "Conclusiones",
                [
                    "En este trabajo se estudia la tarea de clasificación en flujos continuos.",
                    "Los resultados muestran que el algoritmo propuesto logra resultados "
                    "competitivos con respecto a los métodos existentes.",
                    "1. Juan Cardona y Santiago Banchero.",
                ],
            )
        ],
    )
    got = _claims(doc)
    assert got[0].startswith("A este fin se presenta un método de generación")
    assert any(c.startswith("Los resultados muestran que el algoritmo propuesto") for c in got)
    assert not any("Banchero" in c for c in got)


def test_the_domain_and_keywords_come_from_the_paper_s_own_words() -> None:
    synth = _doc(
        "We present a method for synthesizing loop free programs using bounded model "
        "checking and explicit enumeration.",
        [],
    )
    paper = paper_front(synth, synth.title, [], "2013", "")
    assert paper.domain == "Not specified in the provided sources"
    assert paper.keywords == ["Not specified in the provided sources"]
    ml = _doc("We fine-tune a large language model on commit messages.", [])
    ml.keywords = ["commit classification"]
    paper = paper_front(ml, ml.title, [], "2024", "")
    assert paper.domain == "machine learning"
    assert paper.keywords == ["commit classification"]
    optics = _doc(
        "We present a fast code for the optical properties of aerosol particles, for use in "
        "weather models and for building large datasets for machine learning (ML).",
        [],
    )
    paper = paper_front(optics, optics.title, [], "2026", "")
    assert paper.domain == "Not specified in the provided sources"  # named only in passing


def test_a_code_listing_run_into_a_sentence_is_not_a_claim() -> None:
    doc = _doc(
        "POMDPStressTesting.jl is a package that finds likely failures in black-box systems. "
        "To apply it, a user has to implement the following Julia interface: abstract type "
        "GrayBox.Simulation end function GrayBox.environment(sim::Simulation)::Environment "
        "end function evaluate!(sim::Simulation) end.",
        [],
        title="POMDPStressTesting.jl: Adaptive Stress Testing for Black-Box Systems",
    )
    assert _claims(doc) == [
        "POMDPStressTesting.jl is a package that finds likely failures in black-box systems."
    ]


def test_the_paper_s_own_thing_named_before_a_citation_keeps_its_sentence_a_claim() -> None:
    doc = _doc(
        "The FastPCA package provides an interface to optimised matrix libraries. Using FastPCA "
        "to perform randomized decomposition (Halko, Martinsson, & Tropp, 2011) drastically "
        "reduces the computational time compared to base R. Randomized methods (Halko et "
        "al., 2011) reduce the time of a decomposition.",
        [],
        title="FastPCA: An R package for fast singular value decomposition",
    )
    got = _claims(doc)
    assert any(c.startswith("Using FastPCA to perform randomized decomposition") for c in got)
    assert not any(c.startswith("Randomized methods") for c in got)
