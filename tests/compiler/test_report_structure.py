"""A report or thesis typeset with LaTeX's report class: a title page, a table of contents
and a list of figures whose entries end in dot leaders, then chapters headed "Chapter N"
with the title on the next line. Each test prints such pages and reads them back."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.contents import contents_pages
from arakit.compiler.pdf.layout import read_layout
from arakit.compiler.text import section_roles
from tests.compiler.test_structure import PARA, Pages

LEADERS = " . . . . . . . . . . . . . . . . . . . ."


def _report(p: Pages) -> None:
    """Title page, contents with an "Appendix" entry, list of figures, two chapters."""
    p.line("Exoplanet Detection", 24, bold=True)
    p.line("Coursework Report", 14)
    p.new_page()
    p.line("Contents", 24, bold=True)
    p.line("Introduction", 12, bold=True, gap=2.0)
    p.line("Transit fitting", 12, bold=True, gap=2.0)
    p.line("2.1 Background" + LEADERS + " 2", 12)
    p.line("2.2 Results" + LEADERS + " 4", 12)
    p.line("Appendix", 12, bold=True, gap=2.0)
    p.line(".1 Deferred figures" + LEADERS + " 9", 12)
    p.new_page()
    p.line("List of Figures", 24, bold=True)
    p.line("2.1 The light curve" + LEADERS + " 3", 12)
    p.line("2.2 The periodogram" + LEADERS + " 4", 12)
    p.line("2.3 The folded transit" + LEADERS + " 5", 12)
    p.new_page()
    p.line("Chapter 1", 24, bold=True)
    p.line("Introduction", 24, bold=True)
    p.line("In this work, we present our approach to detecting a planet candidate.", 12, gap=2)
    p.line(PARA, 12)
    p.new_page()
    p.line("Chapter 2", 24, bold=True)
    p.line("Transit fitting", 24, bold=True)
    p.line(PARA, 12, gap=2)
    p.line("2.1 Background", 17, bold=True, gap=2)
    p.line(PARA, 12)
    p.line("2.2 Results", 17, bold=True, gap=2)
    p.line("We find a planet slightly larger than Earth on a 5.4 day orbit.", 12)
    p.line(PARA, 12)


def _paper(title: str, abstract: str) -> Pages:
    """A paper's first lines: its title and a one-sentence abstract under its heading."""
    p = Pages()
    p.line(title, 16, bold=True)
    p.line("Abstract", 10, bold=True, gap=2.5)
    p.line(abstract)
    return p


def test_chapters_of_a_report_are_sections_and_its_contents_pages_are_not(
    tmp_path: Path,
) -> None:
    p = Pages()
    _report(p)
    doc = read_document(p.save(tmp_path / "r.pdf"))
    heads = [(s.number, s.title, s.appendix) for s in doc.sections if s.number]
    assert heads == [
        ("1", "Introduction", False),
        ("2", "Transit fitting", False),
        ("2.1", "Background", False),
        ("2.2", "Results", False),
    ]
    text = " ".join(p.text for s in doc.sections for p in s.paragraphs)
    assert "we present our approach" in text  # the first chapter's text is kept
    assert "Deferred figures" not in text and "periodogram" not in text  # the lists are not


def test_a_table_whose_rows_run_to_leader_dots_is_not_taken_for_a_contents_page(
    tmp_path: Path,
) -> None:
    p = _paper("Stellar Properties", "We measure the properties of a young star.")
    p.line("1 Introduction", 10, bold=True, gap=2.5)
    p.line(PARA)
    p.line("Table 1. Measured properties", 10, gap=2.5)
    p.line("Right Ascension . . . . . . . . 10:28:08.95", 9)
    p.line("Declination . . . . . . . . . . -64:30:18.76", 9)
    p.line("Johnson B mag . . . . . . . . . 11.119", 9)
    p.line("Johnson V mag . . . . . . . . . 10.635", 9)
    lines = read_layout(p.save(tmp_path / "t.pdf")).lines
    assert sum(". . . ." in ln.text for ln in lines) == 4  # as many leader rows as a contents page
    assert contents_pages(lines) == set()  # but no contents title: the page is kept


def test_a_results_subsection_named_for_its_subject_stays_in_the_results(
    tmp_path: Path,
) -> None:
    p = _paper("Graph Accelerators", "We present an accelerator for sparse graph analytics.")
    for head in ("1 Introduction", "2 Architecture", "3 Results", "3.1 Model Scaling"):
        p.line(head, 10, bold=True, gap=2.5)
        p.line(PARA)
    for head in ("3.2 Mobility Model", "3.3 Summary Discussion", "4 Conclusion"):
        p.line(head, 10, bold=True, gap=2.5)
        p.line(PARA)
    doc = read_document(p.save(tmp_path / "g.pdf"))
    roles = section_roles(doc.sections)
    assert [(s.number, roles[id(s)]) for s in doc.sections] == [
        ("1", "introduction"),
        ("2", "method"),
        ("3", "results"),
        ("3.1", "results"),  # about the model's scaling: a result
        ("3.2", "method"),  # describes a model itself
        ("3.3", "results"),  # the Results' own summary, not the paper's conclusion
        ("4", "conclusion"),
    ]
