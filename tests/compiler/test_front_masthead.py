"""What a first page prints above the title names the venue: a dated course or workshop
header, a journal's name over the paper's DOI (OUP), a journal's citation line set beside a
preprint date and a template note on one baseline (MNRAS). A title in bold with the authors
in italics of the same size under it ends at the authors; a footnote mark on the title is
not part of it; a structured abstract loses its labels. First pages written with PyMuPDF,
read back."""

from __future__ import annotations

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


def _mnras(path: Path) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    fonts = {False: ("dj", REGULAR), True: ("djb", BOLD)}

    def put(x: float, y: float, s: str, size: float, bold: bool = False) -> None:
        page.insert_text(
            (x, y), s, fontname=fonts[bold][0], fontfile=str(fonts[bold][1]), fontsize=size
        )

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
