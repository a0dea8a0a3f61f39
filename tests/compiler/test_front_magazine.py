"""Front matter of magazine-style first pages (PNAS and similar): an abstract set in bold
without an "Abstract" heading, a "compiled on" date line, and a drop cap opening the body.
Each test prints such a page with PyMuPDF and reads it back."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.names import names_in
from tests.compiler.pdfgen import BOLD, REGULAR

ABSTRACT = (
    "Automatic differentiation has driven recent advances in machine learning, including "
    "deep neural networks. Partially observed stochastic dynamic systems have proved "
    "resistant to these benefits. We present a new approach which is applicable to a "
    "general class of models and is demonstrated to beat current methods on a challenging "
    "benchmark problem."
)
BODY = [
    "he particle filter is a widely used Monte Carlo algorithm which provides an",
    "unbiased estimate of the likelihood function for partially observed Markov",
    "process models. Maximization of the likelihood permits computation of the",
    "maximum likelihood parameter estimate and of profile confidence intervals.",
]


def _magazine_page(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)

    def put(x: float, y: float, text: str, size: float, bold: bool = False) -> None:
        name, font = ("djb", BOLD) if bold else ("dj", REGULAR)
        page.insert_text((x, y), text, fontname=name, fontfile=str(font), fontsize=size)

    put(60, 80, "Inference for Dynamic and Latent Variable", 21, bold=True)
    put(60, 106, "Models via Differentiable Particle Filtering", 21, bold=True)
    put(60, 135, "Kevin Tan, Giles Hooker, and Edward L. Ionides", 8.5, bold=True)
    put(60, 150, "This manuscript was compiled on November 2, 2023", 6.5)
    font = pymupdf.Font(fontfile=str(BOLD))
    y, line = 170.0, ""
    for word in ABSTRACT.split():
        if font.text_length(f"{line} {word}", fontsize=7.6) > 330:
            put(60, y, line, 7.6, bold=True)
            y, line = y + 10, word
        else:
            line = f"{line} {word}".strip()
    put(60, y, line, 7.6, bold=True)
    top = y + 40
    put(60, top + 11, "T", 26)  # the drop cap spans the first two lines of the body
    for k, text in enumerate(BODY):
        put(82 if k < 2 else 60, top + 11 * k, text, 9.1)
    doc.save(str(path))
    doc.close()
    return path


def test_an_unheaded_bold_abstract_is_the_abstract(tmp_path: Path) -> None:
    doc = read_document(_magazine_page(tmp_path / "paper.pdf"))
    assert doc.abstract == ABSTRACT


def test_a_drop_cap_is_neither_the_title_nor_a_word_of_its_own(tmp_path: Path) -> None:
    doc = read_document(_magazine_page(tmp_path / "paper.pdf"))
    assert (
        doc.title
        == "Inference for Dynamic and Latent Variable Models via Differentiable Particle Filtering"
    )
    body = " ".join(p.text for p in doc.paragraphs())
    assert body.startswith("The particle filter is a widely used")


def test_a_compiled_on_date_and_the_abstract_are_not_authors(tmp_path: Path) -> None:
    doc = read_document(_magazine_page(tmp_path / "paper.pdf"))
    assert doc.authors == ["Kevin Tan", "Giles Hooker", "Edward L. Ionides"]
    assert doc.affiliations == []


def test_and_in_small_capitals_does_not_join_the_last_name() -> None:
    assert names_in("J. C. SMITH, 24 AND B. WOHLER", small_caps=True) == [
        "J. C. SMITH",
        "B. WOHLER",
    ]


def _overleaf_page(path: Path) -> Path:
    doc = pymupdf.open()

    def put(page: pymupdf.Page, y: float, text: str, size: float = 10, bold: bool = False) -> None:
        name, font = ("djb", BOLD) if bold else ("dj", REGULAR)
        page.insert_text((72, y), text, fontname=name, fontfile=str(font), fontsize=size)

    one = doc.new_page(width=612, height=792)
    put(one, 90, "A Young Validated Planet in an Open Cluster", 17, bold=True)
    put(one, 120, "Ana Lopez and Li Wei", 11)
    put(one, 160, "ABSTRACT", 10, bold=True)
    put(one, 176, "We report the discovery of a planet and its validation as a transiting")
    put(
        one,
        189,
        "planet. Grazing transits are a cause for concern, as they are often indicative of",
    )
    put(one, 740, "Corresponding author: Ana Lopez", 8)
    put(one, 750, "ana@example.org", 8)
    two = doc.new_page(width=612, height=792)
    put(two, 80, "astrophysical false positives. Our follow-up data show that these are unlikely.")
    put(two, 100, "Keywords: Exoplanets, Transits, Young star clus-", 9)
    put(two, 111, "ters", 9)
    put(two, 140, "1. INTRODUCTION", 10, bold=True)
    put(two, 156, "Young planets are rare, and each one found teaches us how planets form.")
    doc.save(str(path))
    doc.close()
    return path


def test_an_abstract_cut_by_a_first_page_footnote_goes_on_overleaf(tmp_path: Path) -> None:
    doc = read_document(_overleaf_page(tmp_path / "paper.pdf"))
    assert doc.abstract.endswith(
        "often indicative of astrophysical false positives. Our follow-up data show that "
        "these are unlikely."
    )
    assert "Corresponding" not in doc.abstract
    assert doc.keywords == ["Exoplanets", "Transits", "Young star clusters"]
