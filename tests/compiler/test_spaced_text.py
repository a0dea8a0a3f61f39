"""Running text as manuscripts and theses set it: double-spaced lines still make one paragraph
up to the next indent or wide gap, and a word broken at a line end is joined as the paper
writes it."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.document import Line
from arakit.compiler.pdf.paragraphs import dehyphenate, reading_text
from tests.compiler.pdfgen import BOLD, REGULAR

SENTENCE = (
    "Component response rates vary across a system and the variation changes how likely "
    "the system is to be stable when it is large and densely connected. "
)


def _spaced(path: Path, paragraphs: int, lines_each: int, step: float) -> Path:
    """A page of running text in 12 pt whose baselines are `step` apart, each paragraph
    opening with an indent."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    font = pymupdf.Font(fontfile=str(REGULAR))
    page.insert_text(
        (72, 80), "Response Rates and Stability", fontname="db", fontfile=str(BOLD), fontsize=18
    )
    y = 120.0
    page.insert_text((72, y), "1 Introduction", fontname="db", fontfile=str(BOLD), fontsize=14)
    words = (SENTENCE * 40).split()
    for _ in range(paragraphs):
        for k in range(lines_each):
            x = 96.0 if k == 0 else 72.0
            line = ""
            while words and font.text_length(f"{line} {words[0]}", fontsize=12) < 540 - x:
                line = f"{line} {words.pop(0)}".strip()
            if k == lines_each - 1:
                line = line.rstrip(".,") + "."
            y += step
            page.insert_text((x, y), line, fontname="dj", fontfile=str(REGULAR), fontsize=12)
    doc.save(str(path))
    return path


def test_double_spaced_lines_make_one_paragraph_up_to_the_next_indent(tmp_path: Path) -> None:
    doc = read_document(_spaced(tmp_path / "ms.pdf", paragraphs=3, lines_each=8, step=26.0))
    intro = next(s for s in doc.sections if s.title == "Introduction")
    assert len(intro.paragraphs) == 3
    assert all(len(p.text.split()) > 60 for p in intro.paragraphs)


def test_single_spaced_text_keeps_its_paragraphs(tmp_path: Path) -> None:
    doc = read_document(_spaced(tmp_path / "ms.pdf", paragraphs=3, lines_each=8, step=14.5))
    intro = next(s for s in doc.sections if s.title == "Introduction")
    assert len(intro.paragraphs) == 3


def test_a_word_broken_before_a_capital_is_joined_as_the_paper_writes_it() -> None:
    vocab = Counter({"superpoint": 3})
    assert dehyphenate(["DBoW2 and Super-", "Point + SuperGlue"], vocab) == (
        "DBoW2 and SuperPoint + SuperGlue"
    )
    assert dehyphenate(["the Levenberg-", "Marquardt method"], vocab) == (
        "the Levenberg-Marquardt method"
    )


def test_a_raised_list_of_reference_numbers_after_a_value_is_a_citation() -> None:
    text = "diagonal elements are set to −11,2,5. Local stability"
    at = text.index("−1") + 2  # the raised "1,2,5", one span per glyph as PyMuPDF gives them
    line = Line(text, 1, 72, 100, 540, 112, 10.0, sup=[(k, k + 1) for k in range(at, at + 5)])
    assert reading_text(line) == "diagonal elements are set to −1. Local stability"
    squared = Line("N(0, 0.42)", 1, 72, 100, 540, 112, 10.0, sup=[(8, 9)])
    assert reading_text(squared) == "N(0, 0.4²)"
