"""Front matter of preprints and self-archived copies: a word-processor manuscript that labels
its title and authors ("Title: ...", "Authors: ..." with degrees, names broken across
lines) under a preprint server's stamp, an accepted version's statement naming the journal,
and an Elsevier-style page of highlights printed before the title page."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.furniture import accepted_venue, furniture, preprint_server
from tests.compiler.pdfgen import BOLD, REGULAR

STAMP = (
    "medRxiv preprint doi: https://doi.org/10.1101/2021.03.04.000001; this version posted "
    "March 5, 2021. The copyright holder for this preprint"
)
BODY = "Readers of the lab's notes often wonder how the reading of slow speech changes."


def _page(doc: pymupdf.Document) -> Callable[..., None]:
    """A new page, and how to print a line on it (x, y, text, size, bold)."""
    page = doc.new_page(width=612, height=792)

    def put(x: float, y: float, s: str, size: float = 12.0, heavy: bool = False) -> None:
        name, font = ("djb", BOLD) if heavy else ("dj", REGULAR)
        page.insert_text((x, y), s, fontname=name, fontfile=str(font), fontsize=size)

    return put


def _introduced(
    doc: pymupdf.Document, put: Callable[..., None], path: Path, x: int, y: int
) -> Path:
    """An introduction of twenty body lines at (x, y) under the front matter put so far,
    the document saved to `path`."""
    put(x, y, "1 Introduction", heavy=True)
    for k in range(20):
        put(x, y + 20 + 16 * k, BODY)
    doc.save(str(path))
    doc.close()
    return path


def _labelled(path: Path) -> Path:
    doc = pymupdf.open()
    for n in range(3):
        put = _page(doc)
        put(40, 20, STAMP, 6.0)  # the server's stamp over every page
        if n == 0:
            put(72, 80, "Title: Slow speech and the reading of sentences aloud")
            put(72, 110, "Authors: Maria K. Jones, M.S.[1], Peter Olsen, PhD[1], Anna")
            put(72, 126, "Berg, B.A.[2], & Tom R. Wills, PhD[1, 2]*")
            put(72, 160, "[1] The University of Somewhere, Department of Linguistics")
            put(72, 176, "[2] The University of Somewhere, Medical School")
            put(72, 210, "Abstract", heavy=True)
            put(72, 230, "Speaking slowly changes how listeners follow a sentence.")
            put(72, 246, "We recorded forty readers. Slow sentences were recalled better.")
        else:
            put(72, 80, "Introduction" if n == 1 else "Methods", heavy=True)
            for k in range(20):
                put(72, 100 + 16 * k, BODY)
    doc.save(str(path))
    doc.close()
    return path


def test_a_labelled_title_and_author_list_are_read_by_their_labels(tmp_path: Path) -> None:
    doc = read_document(_labelled(tmp_path / "ms.pdf"))
    assert doc.title == "Slow speech and the reading of sentences aloud"
    # degrees and marks dropped; a name broken at the row's end read whole
    assert doc.authors == ["Maria K. Jones", "Peter Olsen", "Anna Berg", "Tom R. Wills"]


def test_a_preprint_servers_stamp_names_the_server_and_the_year_posted(tmp_path: Path) -> None:
    assert preprint_server(STAMP) == "medRxiv"
    kind = furniture(STAMP)
    assert kind is not None and kind.kind == "preprint"
    doc = read_document(_labelled(tmp_path / "ms.pdf"))
    assert (doc.venue, doc.year) == ("medRxiv", "2021")


def test_an_accepted_versions_statement_names_the_journal_it_copies() -> None:
    cited = (
        "This is the accepted version of the following article: A. Smith et al., Freshwater "
        "Biology. 2019, which has been published in final form at DOI: 10.1111/x.1."
    )
    published = (
        "This is an Accepted Manuscript of an article published by the Society of Example "
        "Engineers in the Journal of Applied Examples. DOI: 10.1117/1.x"
    )
    assert accepted_venue(cited) == ("Freshwater Biology", "2019")
    assert accepted_venue(published) == ("Journal of Applied Examples", "")
    assert accepted_venue("Accepted for the workshop on rivers") == ("", "")
    for text in (cited, published):
        kind = furniture(text)
        assert kind is not None and kind.kind == "status"


def _accepted(path: Path, label: str = "") -> Path:
    doc = pymupdf.open()
    put = _page(doc)
    if label:
        put(72, 40, label, 10.0)
    else:  # the statement broken over two rows
        put(72, 40, "This is an Accepted Manuscript of an article published by the Society", 10.0)
        put(72, 52, "of Example Engineers in the Journal of Applied Examples. DOI: 10.1/x", 10.0)
    put(72, 100, "River Depth and the Growth of Algae", 18.0, heavy=True)
    put(230, 130, "Jane Doe, John Roe", 10.0)
    put(72, 170, "Abstract", heavy=True)
    put(72, 190, "We measured algae in ten rivers. Deep rivers held less algae than shallow.")
    return _introduced(doc, put, path, 72, 230)


def test_an_accepted_statement_broken_over_rows_is_read_whole(tmp_path: Path) -> None:
    doc = read_document(_accepted(tmp_path / "acc.pdf"))
    assert doc.title == "River Depth and the Growth of Algae"
    assert doc.venue == "Journal of Applied Examples"
    assert doc.authors == ["Jane Doe", "John Roe"]


def test_a_status_label_does_not_run_on_into_the_authors(tmp_path: Path) -> None:
    doc = read_document(_accepted(tmp_path / "pre.pdf", label="A PREPRINT"))
    assert doc.authors == ["Jane Doe", "John Roe"]


def _highlights(path: Path) -> Path:
    doc = pymupdf.open()
    put = _page(doc)
    put(90, 300, "Highlights", 17.0)
    put(90, 330, "River Depth and the Growth of Algae in Ten Lowland Rivers", heavy=True)
    put(90, 350, "Jane Doe, John Roe")
    put(100, 380, "• Deep rivers held less algae than shallow rivers in every sea-")
    put(110, 396, "son of the survey.")
    put(100, 420, "• Light, not nutrients, limited growth below two metres.")
    put = _page(doc)
    put(90, 100, "River Depth and the Growth of Algae in Ten Lowland Rivers", 17.0)
    put(200, 130, "Jane Doe, John Roe")
    put(90, 170, "Abstract", heavy=True)
    put(90, 190, "We measured algae in ten rivers over three years of sampling.")
    return _introduced(doc, put, path, 90, 230)


def test_a_page_of_highlights_before_the_title_page_is_a_box_of_findings(tmp_path: Path) -> None:
    doc = read_document(_highlights(tmp_path / "hl.pdf"))
    assert doc.title == "River Depth and the Growth of Algae in Ten Lowland Rivers"
    assert doc.authors == ["Jane Doe", "John Roe"]
    assert doc.abstract.startswith("We measured algae")
    assert doc.sidebars[-1] == (
        "Highlights: Deep rivers held less algae than shallow rivers in every season of the "
        "survey. Light, not nutrients, limited growth below two metres."
    )


def _abstract_overleaf(path: Path) -> Path:
    doc = pymupdf.open()
    put = _page(doc)
    put(90, 100, "River Depth and the Growth of Algae in Ten Lowland Rivers", 17.0)
    put(200, 130, "Jane Doe, John Roe")
    put(90, 170, "Abstract", heavy=True)
    for k in range(28):
        put(90, 190 + 16 * k, "We measured algae in ten rivers over three years of sampling and")
    put(100, 700, "∗Corresponding author", 10.0)
    put(90, 712, "Email addresses: jane.doe@example.org (Jane Doe), john.roe@example.org", 10.0)
    put(90, 724, "(John Roe)", 10.0)
    put = _page(doc)
    put(90, 100, "found that deep rivers held less algae than shallow ones.")
    return _introduced(doc, put, path, 90, 140)


def test_a_footnote_under_an_abstract_that_goes_on_overleaf_is_set_aside_whole(
    tmp_path: Path,
) -> None:
    doc = read_document(_abstract_overleaf(tmp_path / "ov.pdf"))
    assert doc.abstract.endswith(
        "sampling and found that deep rivers held less algae than shallow ones."
    )
    assert "Corresponding" not in doc.abstract
    assert "John Roe" not in doc.abstract  # the note's last line, a name in parentheses
