"""IEEE papers typeset in a font without small capitals print their headings at body size
and weight in title case ("IV. Results and Analysis", "B. Noise Model"); a JOSS paper
without an "Abstract" heading sets a figure after its Summary. Each test prints such pages
and reads them back."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.pdf import read_document
from tests.compiler.test_structure import PARA, Pages, _title


def _opening(heads: list[str]) -> Pages:
    """A title page, then each heading at body size with a paragraph under it."""
    p = Pages()
    _title(p)
    for head in heads:
        p.line(head, 10, gap=2.5)
        p.line(PARA)
    return p


def test_title_case_roman_headings_at_body_size_are_sections_in_their_order(
    tmp_path: Path,
) -> None:
    p = _opening(["I. Introduction", "II. Methods and Model"])
    p.line("III. Results and Analysis", 10, gap=2.5)
    p.line("A. Accuracy Against Cost", 10, gap=2.0)
    p.line(PARA)
    p.line("B. Noise Model", 10, gap=2.0)
    p.line(PARA)
    p.line("IV. Conclusion", 10, gap=2.5)
    p.line(PARA)
    p.line("Appendix A", 10, gap=2.5)
    p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [(s.number, s.title) for s in doc.sections] == [
        ("1", "Introduction"),
        ("2", "Methods and Model"),
        ("3", "Results and Analysis"),
        ("3.1", "Accuracy Against Cost"),
        ("3.2", "Noise Model"),
        ("4", "Conclusion"),
        ("A", "Appendix A"),
    ]


def test_a_stray_numeral_line_out_of_sequence_or_in_lower_case_is_running_text(
    tmp_path: Path,
) -> None:
    p = _opening(["I. Introduction", "II. Setup"])
    p.line("III. Results", 10, gap=2.5)
    p.line("V. Smith and Jones", 10)  # the sequence expects IV: a line of running text
    p.line("C. Wrong Letter", 10)  # section 3 has no A yet: no sub-section C
    p.line("A. the model is trained on it", 10)  # lower case: a sentence
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [s.number for s in doc.sections] == ["1", "2", "3"]
    assert "V. Smith and Jones" in doc.sections[-1].paragraphs[0].text


def test_two_title_case_numerals_alone_make_no_heading_style(tmp_path: Path) -> None:
    p = Pages()
    _title(p)
    p.line("1 Introduction", 10, bold=True, gap=2.5)
    p.line("I. Overview Of Things", 10, gap=1.3)
    p.line("II. Another Line Here", 10)
    p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert [s.title for s in doc.sections] == ["Introduction"]


def test_a_figure_caption_after_an_unheaded_summary_is_not_the_abstract(
    tmp_path: Path,
) -> None:
    p = Pages()
    p.line("fluxkit: Fast transport simulation", 16, bold=True)
    p.line("Ana Lopez and Tom Berg", 11, gap=2)
    p.line("Summary", 14, bold=True, gap=2.5)
    p.line("fluxkit simulates charge transport in disordered materials.")
    p.line("It runs on a laptop in minutes.")
    p.line("Figure 1: Transport regimes between band conduction and hopping.", 9, gap=6)
    p.line("Statement of need", 14, bold=True, gap=2.5)
    p.line(PARA)
    doc = read_document(p.save(tmp_path / "p.pdf"))
    assert doc.abstract == (
        "fluxkit simulates charge transport in disordered materials. "
        "It runs on a laptop in minutes."
    )
    assert [f.number for f in doc.figures] == ["1"]
