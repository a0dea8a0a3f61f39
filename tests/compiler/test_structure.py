"""Running text and sections from pages typeset the ways real templates do: headings in
capitals or without numbers, footnotes and their marks, page numbers inside the text block,
compounds hyphenated at a line end."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import BOLD, FONT_DIR, REGULAR

ITALIC = FONT_DIR / "DejaVuSerif-Italic.ttf"

LEFT = 72.0


class Pages:
    """Lines placed one under the other on US-letter pages."""

    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page = self.doc.new_page(width=612, height=792)
        self.y = 90.0

    def line(
        self,
        text: str,
        size: float = 10.0,
        bold: bool = False,
        gap: float = 1.3,
        italic: bool = False,
    ) -> None:
        self.y += size * gap
        name, path = ("djb", BOLD) if bold else ("dji", ITALIC) if italic else ("dj", REGULAR)
        self.page.insert_text(
            (LEFT, self.y), text, fontname=name, fontfile=str(path), fontsize=size
        )

    def sup(self, text: str, after: str, size: float = 10.0) -> None:
        """A line whose last word carries a raised mark."""
        self.line(after, size)
        x = LEFT + pymupdf.Font(fontfile=str(REGULAR)).text_length(after, fontsize=size)
        self.page.insert_text(
            (x, self.y - size * 0.4),
            text,
            fontname="dj",
            fontfile=str(REGULAR),
            fontsize=size * 0.6,
        )

    def footnote(self, mark: str, text: str) -> None:
        y = 700.0
        self.page.insert_text((LEFT, y - 3), mark, fontname="dj", fontfile=str(REGULAR), fontsize=5)
        self.page.insert_text((LEFT + 4, y), text, fontname="dj", fontfile=str(REGULAR), fontsize=8)

    def number(self, n: int) -> None:
        self.page.insert_text((300, 735), str(n), fontname="dj", fontfile=str(REGULAR), fontsize=10)

    def new_page(self) -> None:
        self.page = self.doc.new_page(width=612, height=792)
        self.y = 90.0

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


PARA = "The estimator is trained on short windows of the record and evaluated on the rest of it."


def _title(p: Pages) -> None:
    p.line("Sparse Estimators", 16, bold=True)
    p.line("Marco Rossi and Li Wei", 11)
    p.line("Abstract", 10, bold=True, gap=2.5)
    p.line("We present a sparse estimator for noisy dynamical systems.")


def test_headings_in_capitals_at_body_size_are_sections(tmp_path: Path) -> None:
    p = Pages()
    _title(p)
    for head in ("1. INTRODUCTION", "2. A MOTIVATING EXAMPLE", "3. RESULTS"):
        p.line(head, 10, gap=2.5)
        p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "INTRODUCTION"),
        ("2", "A MOTIVATING EXAMPLE"),
        ("3", "RESULTS"),
    ]


def test_ieee_roman_numerals_are_sections_and_italic_letters_their_subsections(
    tmp_path: Path,
) -> None:
    p = Pages()
    _title(p)
    p.line("I. INTRODUCTION", 10, gap=2.5)
    p.line(PARA)
    p.line("II. PROPOSED SCHEME", 10, gap=2.5)
    p.line("A. Main idea", 10, gap=2.0, italic=True)
    p.line(PARA)
    p.line("B. Algorithm", 10, gap=2.0, italic=True)
    p.line(PARA)
    p.line("IV. CONCLUSION", 10, gap=2.5)
    p.line(PARA)
    p.line("E. B. de Lima received the degree in 2001.", 10, gap=2.0, italic=True)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "INTRODUCTION"),
        ("2", "PROPOSED SCHEME"),
        ("2.1", "Main idea"),
        ("2.2", "Algorithm"),
        ("4", "CONCLUSION"),
    ]


def test_an_abstract_headed_in_another_language_is_the_abstract(tmp_path: Path) -> None:
    p = Pages()
    p.line("Une méthode pour évaluer la traduction", 16, bold=True)
    p.line("Marie Curie", 11, gap=2)
    p.line("Résumé", 11, bold=True, gap=2.5)
    p.line("Nous proposons un cadre d'évaluation pour la traduction médicale.")
    p.line("1. INTRODUCTION", 10, gap=2.5)
    p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert doc.abstract == "Nous proposons un cadre d'évaluation pour la traduction médicale."


def test_affiliation_footnotes_under_the_abstract_heading_are_not_the_abstract(
    tmp_path: Path,
) -> None:
    p = Pages()
    p.line("Towards precise stellar ages", 16, bold=True)
    p.line("Ruth Angus1,2, Timothy Morton3", 12, gap=2)
    p.line("ABSTRACT", 12, gap=2.5)
    p.line("1American Museum of Natural History, Central Park West, New York, NY, USA", 10)
    p.line("2Department of Astronomy, University of Florida, Gainesville, FL, USA", 10)
    p.line("We present a new age-dating technique for main-sequence stars.", 12, gap=2)
    p.line("1. INTRODUCTION", 12, gap=2.5)
    p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert doc.abstract == "We present a new age-dating technique for main-sequence stars."
    assert (
        "Department of Astronomy, University of Florida, Gainesville, FL, USA" in doc.affiliations
    )


def test_a_paper_without_section_numbers_has_its_bold_headings_as_sections(tmp_path: Path) -> None:
    p = Pages()
    _title(p)
    for head in ("Summary of the package", "Statement of need", "Acknowledgements"):
        p.line(head, 12, bold=True, gap=2.5)
        p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [s.title for s in doc.sections] == [
        "Summary of the package",
        "Statement of need",
        "Acknowledgements",
    ]


def test_footnotes_are_set_apart_and_their_marks_leave_the_text(tmp_path: Path) -> None:
    p = Pages()
    _title(p)
    p.line("1 Introduction", 12, bold=True, gap=2.5)
    p.sup("1", "The method was funded by a grant.")
    p.line(PARA)
    p.footnote("1", "Grant agreement no. GA832003.")
    doc = read_document(p.save(tmp_path / "p.pdf"))
    text = " ".join(par.text for par in doc.paragraphs())
    assert "The method was funded by a grant. The estimator" in text
    assert "GA832003" not in text
    assert doc.footnotes == ["1Grant agreement no. GA832003."]


def test_page_numbers_in_the_text_block_do_not_break_sentences(tmp_path: Path) -> None:
    p = Pages()
    _title(p)
    p.line("1 Introduction", 12, bold=True, gap=2.5)
    p.y = 700
    p.line("The estimator is trained on short windows of the re-")
    p.number(1)
    p.new_page()
    p.line("cord and evaluated on the rest of it.")
    p.number(2)
    p.new_page()
    p.line(PARA)
    p.number(3)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert doc.paragraphs()[0].text.startswith(PARA + " The estimator")  # no "re- 1 cord"


def test_a_compound_the_paper_hyphenates_keeps_its_hyphen_across_a_line_end(
    tmp_path: Path,
) -> None:
    p = Pages()
    _title(p)
    p.line("1 Introduction", 12, bold=True, gap=2.5)
    p.line("We fit state-space models to data. The identifi-")
    p.line("cation of state-")
    p.line("space models is hard.")
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert doc.paragraphs()[0].text == (
        "We fit state-space models to data. The identification of state-space models is hard."
    )


def test_a_slug_never_names_a_raw_file_as_derived() -> None:
    from arakit.compiler.text import slug

    assert slug("A subset of methods provided by the LightCurve class") == (
        "a_of_methods_provided_by_the_lightcurve"
    )
    assert "derived" not in slug("Quantities derived from the fit")


def test_figure_legends_after_the_references_are_figures_not_references(
    tmp_path: Path,
) -> None:
    p = Pages()
    _title(p)
    p.line("1. Results", 10, bold=True, gap=2.5)
    p.line("Figure 1 shows how the estimator converges on the longest record.")
    p.line("References", 10, bold=True, gap=2.5)
    p.line("[1] A. Author. A study of estimators. Journal of Tests, 2001.")
    p.line("[2] B. Author. Another study. Journal of Tests, 2003.")
    p.new_page()
    p.line("Figure 1: Convergence of the sparse estimator on the longest record.", bold=True)
    p.line("Each panel shows one noise level; the dashed line is the true value.")
    p.line("Figure 2: Error against window length for three noise levels.", bold=True)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [(f.number, f.page) for f in doc.figures] == [("1", 2), ("2", 2)]
    assert doc.figures[0].caption.startswith("Convergence of the sparse estimator")
    assert len(doc.references) == 2
    assert not any("Figure" in r.text for r in doc.references)
