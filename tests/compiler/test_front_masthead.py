"""What a first page prints above the title names the venue: a dated course or workshop
header, a journal's name over the paper's DOI (OUP), a journal's citation line set beside a
preprint date and a template note on one baseline (MNRAS). A title in bold with the authors
in italics of the same size under it ends at the authors; a footnote mark on the title is
not part of it; a structured abstract loses its labels. First pages written with PyMuPDF,
read back."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf

from arakit.compiler.assemble import year_and_venue
from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.opening import unlabelled
from tests.compiler.pdffront import FrontPage, make_front
from tests.compiler.pdfgen import BOLD, REGULAR

ABSTRACT = (
    "We study a toy problem. We show that the proposed estimator reduces the error by half "
    "on two benchmarks."
)


def test_a_dated_course_header_over_an_all_caps_title_is_the_venue_and_the_year(
    tmp_path: Path,
) -> None:
    pdf = make_front(
        tmp_path / "p.pdf",
        FrontPage(
            title=["SPEECH SEPARATION IN THE WAVEFORM DOMAIN"],
            title_size=12,
            authors=[],
            raw_authors=["Ada Lovelace, Charles Babbage"],
            head=["02456 DEEP LEARNING, DTU COMPUTE, FALL 2022"],
        ),
    )
    doc = read_document(pdf)
    assert doc.title == "SPEECH SEPARATION IN THE WAVEFORM DOMAIN"
    assert doc.authors == ["Ada Lovelace", "Charles Babbage"]
    assert doc.venue == "02456 DEEP LEARNING, DTU COMPUTE, FALL 2022"
    assert doc.year == "2022"
    assert not any(s.title.startswith("DEEP LEARNING") for s in doc.sections)


def _journal_page(path: Path, head: list[str]) -> Path:
    return make_front(
        path,
        FrontPage(
            title=["Sparse Signals in Noisy Gene Expression Data"],
            authors=[],
            raw_authors=["Ada Lovelace and Charles Babbage"],
            head=head,
        ),
    )


def test_a_journal_name_over_the_doi_is_the_venue(tmp_path: Path) -> None:
    head = ["Bioinformatics", "doi.10.1093/bioinformatics/xxxxxx", "Original Paper"]
    assert read_document(_journal_page(tmp_path / "p.pdf", head)).venue == "Bioinformatics"


def test_an_undated_line_over_the_title_names_no_venue(tmp_path: Path) -> None:
    assert read_document(_journal_page(tmp_path / "p.pdf", ["Gene Expression"])).venue == ""


def _writer(page: pymupdf.Page) -> Callable[..., None]:
    """put(x, y, text, size, bold=False): a line of text on the page."""
    fonts = {False: ("dj", REGULAR), True: ("djb", BOLD)}

    def put(x: float, y: float, s: str, size: float, bold: bool = False) -> None:
        page.insert_text(
            (x, y), s, fontname=fonts[bold][0], fontfile=str(fonts[bold][1]), fontsize=size
        )

    return put


def _mnras(path: Path) -> Path:
    doc = pymupdf.open()
    put = _writer(doc.new_page(width=612, height=792))

    put(60, 60, "MNRAS 000, 1–24 (2016)", 8)
    put(250, 60, "Preprint 12 December 2016", 8)
    put(400, 60, "Compiled using MNRAS LATEX style file v3.0", 8)
    put(60, 110, "Far-infrared photometry of nearby active galaxies", 17, bold=True)
    put(60, 130, "and the lack of a connection to nuclear activity", 17, bold=True)
    put(400, 124, "⋆", 10)
    put(60, 160, "Ada Lovelace and Charles Babbage", 12)
    put(60, 185, "Accepted XXX. Received YYY; in original form ZZZ", 9)
    put(250, 215, "ABSTRACT", 10, bold=True)
    put(250, 230, ABSTRACT[:60], 10)
    put(250, 243, ABSTRACT[60:], 10)
    put(60, 280, "1 INTRODUCTION", 10, bold=True)
    put(60, 295, "Galaxies and their black holes grow together over cosmic time.", 10)
    doc.save(str(path))
    return path


def test_a_journal_citation_line_beside_a_preprint_date_gives_venue_and_year(
    tmp_path: Path,
) -> None:
    doc = read_document(_mnras(tmp_path / "p.pdf"))
    assert doc.venue == "MNRAS"
    assert doc.year == "2016"
    assert doc.title.endswith("nuclear activity")  # the footnote star is not the title's
    year, venue, _ = year_and_venue(doc, ["2023-05-01"])
    assert (year, venue) == ("2016", "MNRAS")


def test_a_draft_or_placeholder_status_is_not_a_venue(tmp_path: Path) -> None:
    doc = read_document(_mnras(tmp_path / "p.pdf"))
    for status in (
        "Draft version May 18, 2022",
        "Accepted XXX. Received YYY; in original form ZZZ",
    ):
        doc.venue, doc.status = "", status
        assert year_and_venue(doc, [])[1] == ""
    doc.status = "Preprint submitted to Elsevier"
    assert year_and_venue(doc, [])[1] == "Preprint submitted to Elsevier"


def test_a_structured_abstract_loses_its_labels_even_one_set_inside_a_line() -> None:
    text = (
        "A common technique is to look Motivation. for enrichment of genes. Results. We "
        "develop a collapsed likelihood. Availability and Implementation. The code is free."
    )
    assert unlabelled(text) == (
        "A common technique is to look for enrichment of genes. We develop a collapsed "
        "likelihood. The code is free."
    )
    plain = "We report the results. Results: none of the baselines converge."
    assert unlabelled(plain) == plain  # one label is no structured abstract


def _publisher_box(path: Path, title: str, sidebar: bool = False) -> Path:
    """An Elsevier-style first page: the journal's name in a masthead box, set larger than
    the title, between "Contents lists available at ..." and "journal homepage: ...";
    authors under the title, an abstract under its heading."""
    doc = pymupdf.open()
    put = _writer(doc.new_page(width=612, height=792))

    put(240, 40, "Journal of Toy Problems 12 (2024) 101", 7)
    put(220, 60, "Contents lists available at ScienceDirect", 8)
    put(230, 84, "Journal of Toy Problems", 14)
    put(210, 104, "journal homepage: www.example.org/locate/toys", 8)
    put(60, 150, title, 13)
    put(60, 170, "Ada Lovelace, Charles Babbage", 10.5)
    put(60, 186, "Department of Mathematics, University of London, London, UK", 6.5)
    if not sidebar:
        put(60, 215, "Abstract", 9, bold=True)
        put(60, 230, ABSTRACT, 7.5)
    else:  # an article-info column beside an unheaded abstract, its labels level with it
        lines = [
            "We study a toy problem with a new estimator of the noise that it carries along.",
            "We show that the proposed estimator reduces the error by half on two benchmarks.",
            "These results are robust to every benchmark and every model that we have tried.",
            "Our method is simple, fast and easy to read for anyone who has seen the problem.",
        ]
        for k, text in enumerate(lines):
            put(60, 215 + 10 * k, ["JEL codes:", "Keywords:", "Toy problems", "Noise"][k], 6.5)
            put(200, 215 + 10 * k, text, 7.5)
    put(60, 260, "1. Introduction", 8, bold=True)
    body = "We read toy problems with a careful eye on the error they leave behind."
    for k in range(12):
        put(60, 275 + 10 * k, body, 8)
    doc.save(str(path))
    doc.close()
    return path


def test_the_name_in_a_publishers_masthead_box_is_the_venue_not_the_title(
    tmp_path: Path,
) -> None:
    doc = read_document(_publisher_box(tmp_path / "p.pdf", "Sparse Signals in Toy Data✩"))
    assert doc.title == "Sparse Signals in Toy Data"  # the box's larger name is no title
    assert doc.venue == "Journal of Toy Problems"
    assert doc.authors == ["Ada Lovelace", "Charles Babbage"]


def test_a_title_that_begins_with_the_word_abstract_is_no_abstract_heading(
    tmp_path: Path,
) -> None:
    title = "Abstract readability: evidence from toy journals"
    doc = read_document(_publisher_box(tmp_path / "p.pdf", title))
    assert doc.title == title
    assert doc.authors == ["Ada Lovelace", "Charles Babbage"]
    assert doc.abstract.startswith("We study a toy problem.")


def test_a_keywords_label_level_with_a_line_of_the_abstract_leaves_that_line_to_it(
    tmp_path: Path,
) -> None:
    pdf = _publisher_box(tmp_path / "p.pdf", "Sparse Signals in Toy Data", sidebar=True)
    doc = read_document(pdf)
    assert "the error by half" in doc.abstract
    assert "robust to every benchmark" in doc.abstract
