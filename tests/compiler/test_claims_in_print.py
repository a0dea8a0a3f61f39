"""Claims read from printed papers by what each sentence does and where it stands: the
findings of every results section (the strongest of each before the second of any), a
finding continued by a short sentence about it, a method section's sentence that reports
a result of a table, "we find that ..." and "underperforms"; and never a figure's
description, a web address, a prediction, what the authors focus on, a cited work's
result, or the paper's proposal said a third time. Papers written with PyMuPDF and read
back."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claim_sentences import claim_sentences, statement_of
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import write_paper


def _claims(tmp_path: Path, abstract: str, blocks: list[tuple[str, str, list[str]]]) -> list[str]:
    """The claim statements of a two-column paper with this abstract and these sections."""
    path = write_paper(
        tmp_path / "paper.pdf", "Second-Order Parsing of Toy Languages", abstract, blocks
    )
    doc = read_document(path)
    ctx = PaperContext(doc, extract_atoms(doc), "paper.pdf")
    return [statement_of(s.text) for s in claim_sentences(ctx)]


ABSTRACT = (
    "We propose a second-order parser for toy languages. Our parser reaches 81.2 UAS on the "
    "toy treebank, 3.1 points above the first-order baseline."
)
INTRO = (
    "1",
    "Introduction",
    ["Parsing toy languages is a common benchmark for grammar induction methods today."],
)
# one results section with many strong findings, and a second with one
MAIN_RESULTS = [
    f"Our parser outperforms the baseline by {k}.{k} points on language {k} of the treebank."
    for k in range(1, 9)
]


def test_the_strongest_finding_of_every_results_section_is_a_claim(tmp_path: Path) -> None:
    got = _claims(
        tmp_path,
        ABSTRACT,
        [
            INTRO,
            ("4.1", "Main results", [" ".join(MAIN_RESULTS)]),
            (
                "4.2",
                "Training methods",
                [
                    "In Table 3, we find that the EM algorithm significantly underperforms "
                    "direct optimisation."
                ],
            ),
        ],
    )
    assert any("EM algorithm significantly underperforms" in c for c in got), got


def test_a_finding_keeps_the_short_sentence_that_goes_on_about_it(tmp_path: Path) -> None:
    got = _claims(
        tmp_path,
        ABSTRACT,
        [
            INTRO,
            (
                "4",
                "Results",
                [
                    "Default PER achieved on the held-out language was 0.34. It ranged from "
                    "0.18 to 1.11, with median 0.30. The corpus has many speakers."
                ],
            ),
        ],
    )
    assert any(c.startswith("Default PER achieved") and "with median 0.30" in c for c in got), got


def test_a_method_section_sentence_reporting_a_table_result_is_a_claim(tmp_path: Path) -> None:
    got = _claims(
        tmp_path,
        ABSTRACT,
        [
            INTRO,
            (
                "3",
                "Method",
                [
                    "The relative mask module encodes the motion between two frames. However, "
                    "this module didn't perform as well as our heatmap mask module (Table 2)."
                ],
            ),
        ],
    )
    assert any("didn't perform as well as our heatmap" in c for c in got), got


def test_descriptions_predictions_addresses_and_cited_results_are_not_claims(
    tmp_path: Path,
) -> None:
    intro = [
        "The failure of extrapolation on arithmetic tasks has been shown by Trask et al. "
        "[2018], who also introduced a new class of units.",
        "In our case, we focus on producing a consistent transcription of every utterance.",
        "We predict the transfer of the open vowels to be noisy in the target language.",
        "Our algorithm's output is shown in the bottom row of the first figure.",
    ]
    results = [
        "Fig. 6 shows the error surface of the best of 20 models on each task.",
        "Our metrics were calculated using the following repository: https://github.com/"
        "example/pose-evaluation on every video.",
        "The NPUs are on par with the NMU for addition, but the NMU is better at multiplication.",
    ]
    guess = [
        "However, with more datasets to train on, the network could potentially outperform "
        "the filter methods in terms of robustness and accuracy."
    ]
    sections = [("1", "Introduction", intro), ("4", "Results", results)]
    got = _claims(tmp_path, ABSTRACT, [*sections, ("5", "Conclusion", guess)])
    for said in ("Trask", "we focus", "We predict", "bottom row", "error surface", "github"):
        assert not any(said in c for c in got), (said, got)
    assert not any("could potentially" in c for c in got), got
    assert any("NMU is better at multiplication" in c for c in got), got


def test_the_papers_proposal_restated_in_every_section_is_kept_twice_at_most(
    tmp_path: Path,
) -> None:
    abstract = (
        "We propose a second-order extension of neural dependency models for toy languages. "
        "We also propose a new design of the rule parameterisation for these models. "
        "Our parser reaches 81.2 UAS on the toy treebank, 3.1 points above the first-order "
        "baseline."
    )
    got = _claims(
        tmp_path,
        abstract,
        [
            (
                "1",
                "Introduction",
                [
                    "In this work, we propose the second-order neural model for toy grammars.",
                    "To learn better, we design a new neural architecture for rule scoring.",
                ],
            ),
            ("6", "Conclusion", ["We propose second-order neural models for toy languages."]),
        ],
    )
    proposals = [c for c in got if "propose" in c or "design a new" in c]
    assert len(proposals) == 2, got
    assert any("81.2 UAS" in c for c in got), got
