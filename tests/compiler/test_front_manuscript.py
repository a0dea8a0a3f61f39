"""Front matter of manuscripts prepared for a journal rather than typeset by it: an APA
manuscript's title page (a running head, the title in bold at the text's size, its two
lines numbered in the margin, the abstract on the next page) and a Copernicus manuscript's
"Manuscript prepared for <journal>" line."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.chars import clean_span
from arakit.compiler.pdf.document import Document, DocSection, Paragraph
from arakit.compiler.pdf.furniture import furniture, venue_from_status
from arakit.compiler.pdf.opening import abstract_after_notes
from arakit.compiler.pdf.paragraphs import dehyphenate
from tests.compiler.pdfgen import BOLD, REGULAR

TITLE = ("Interoception and the Confidence of Liars:", "Two Studies with a Directed Lie Paradigm")
ABSTRACT = (
    "While much work studies how lies are detected, what makes a liar good is unclear.",
    "We examined how interoception relates to confidence in one's lies in two conditions.",
    "Our results suggest that interoceptive abilities are related to more confident lies,",
    "especially when participants believe that their bodily signals are being monitored.",
)


NOTE = (
    "Jane A. Doe, School of Psychology, University of Sussex; John Smith, School of",
    "Psychology, University of Sussex. The authors declare no conflict of interest.",
    "Correspondence concerning this article should be addressed to Jane A. Doe, School of",
    "Psychology, University of Sussex, Brighton, UK. E-mail: j.doe@sussex.ac.uk",
)


def _apa(path: Path, numbered: bool = True, bold: bool = True, note: bool = False) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)

    def put(x: float, y: float, s: str, size: float = 12.0, heavy: bool = False) -> None:
        name, font = ("djb", BOLD) if heavy else ("dj", REGULAR)
        page.insert_text((x, y), s, fontname=name, fontfile=str(font), fontsize=size)

    put(72, 40, "Running head: INTEROCEPTION AND LYING")
    put(530, 40, "1")
    for k, line in enumerate(TITLE):
        put(90, 230 + 24 * k, line, heavy=bold)
        if numbered:
            put(60, 230 + 24 * k, str(k + 1), size=6.0)
    if note:  # the authors, then the Author Note at the foot of the title page
        put(230, 310, "Jane A. Doe and John Smith")
        put(220, 334, "University of Sussex, Brighton, UK")
        put(270, 500, "Author Note")
        for k, line in enumerate(NOTE):
            put(90 if k % 2 == 0 else 72, 530 + 24 * k, line)
    page = doc.new_page(width=612, height=792)
    put(72, 40, "INTEROCEPTION AND LYING")
    put(530, 40, "2")
    put(280, 80, "Abstract")
    for k, line in enumerate(ABSTRACT):
        put(72, 110 + 24 * k, line)
    put(90, 230, "Keywords: deception, interoception, theory of mind")
    put(72, 270, "Introduction", heavy=True)
    put(72, 294, "Lying is a common part of social life, and people differ in how well they lie.")
    for n in (3, 4):  # the running head stands on every page
        page = doc.new_page(width=612, height=792)
        put(72, 40, "INTEROCEPTION AND LYING")
        put(530, 40, str(n))
        for k in range(10):
            put(
                72,
                110 + 24 * k,
                f"People lie in many settings, and some lie better than others {k}.",
            )
    doc.save(str(path))
    doc.close()
    return path


def test_a_running_head_is_furniture_never_the_title() -> None:
    for line in ("Running head: DECEPTION AND TOM", "Running title: Noise phenomena"):
        kind = furniture(line)
        assert kind is not None and kind.kind == "running"


def test_an_apa_title_page_gives_its_bold_title_without_head_or_line_numbers(
    tmp_path: Path,
) -> None:
    doc = read_document(_apa(tmp_path / "ms.pdf"))
    assert doc.title == " ".join(TITLE)
    assert doc.authors == []  # a manuscript blinded for review names no one
    assert "Running head" not in doc.title


def test_body_size_text_that_is_not_bold_is_still_no_title(tmp_path: Path) -> None:
    doc = read_document(_apa(tmp_path / "ms.pdf", numbered=False, bold=False))
    assert doc.title != " ".join(TITLE)  # two plain lines alone on a page: not set as a title


def test_a_manuscript_prepared_for_a_journal_names_it_as_printed() -> None:
    kind = furniture("Manuscript prepared for Geosci. Model Dev.")
    assert kind is not None and kind.kind == "status"
    # the abbreviated name keeps its last dot; a sentence's stop does not stay
    assert venue_from_status(kind.text) == "Manuscript prepared for Geosci. Model Dev."
    assert venue_from_status("Submitted to ApJ.") == "Submitted to ApJ"
    assert furniture("Prepared for the Department of Energy") is None  # a report's client


def test_an_author_note_is_neither_an_author_nor_an_affiliation_nor_the_abstract(
    tmp_path: Path,
) -> None:
    doc = read_document(_apa(tmp_path / "ms.pdf", note=True))
    assert doc.title == " ".join(TITLE)
    assert doc.authors == ["Jane A. Doe", "John Smith"]
    assert doc.affiliations == ["University of Sussex, Brighton, UK"]
    assert doc.abstract.startswith(ABSTRACT[0])  # the abstract overleaf, after the note
    assert "Correspondence" not in doc.abstract
    assert not any("Correspondence" in p.text for p in doc.paragraphs())


def test_an_abstract_after_pages_of_notes_is_the_abstract_not_a_section() -> None:
    doc = Document(path="p.pdf", pages=30, title="Quantifying uncertainty")
    for title, paras in (
        ("Graphical abstract", []),
        ("Abstract", ["Background: Uncertainty matters. Results: We compared two frameworks."]),
        ("Background", ["Lead is a pervasive pollutant."]),
    ):
        sec = DocSection(number="", title=title, level=1, page=3)
        sec.paragraphs = [Paragraph(p, 4, "") for p in paras]
        doc.sections.append(sec)
    abstract_after_notes(doc)
    assert doc.abstract == "Uncertainty matters. We compared two frameworks."  # labels dropped
    assert [s.title for s in doc.sections] == ["Graphical abstract", "Background"]
    doc.sections.insert(1, DocSection(number="", title="Abstract", level=1, page=4))
    doc.sections[1].paragraphs = [Paragraph("Another text.", 4, "")]
    abstract_after_notes(doc)  # an abstract already read is kept
    assert doc.abstract == "Uncertainty matters. We compared two frameworks."


def test_a_soft_hyphen_at_a_line_end_breaks_a_word_and_elsewhere_is_dropped() -> None:
    assert dehyphenate([clean_span("in epidemiol\u00ad"), "ogy the"]) == "in epidemiology the"
    assert clean_span("co\u00adoperate ") == "cooperate "
