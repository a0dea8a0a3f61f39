"""The text block of a two-column page: a left column set wholly as an indented list has
no line wider than a third of the page, yet it is body text, never a note in the margin;
a note in the margin set smaller than the body stays outside the text."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import REGULAR

LEFT_ITEM = [
    "(c) Data augmentation",
    "We added positive texts",
    "from other corpora to the",
    "training data, applied a",
    "vectorizer of 5000 terms",
    "and fed a 3-layer network.",
    "The third method gave the",
    "best results of the three.",
]
RIGHT = [
    "For the transformer we obtained a performance",
    "of 0.51, the best result among all the other",
    "models and techniques we tried in this work.",
    "It was obtained by encoding the entire texts",
    "and giving the class weights to the base model",
    "with AdamW as optimiser and three epochs of",
    "training; the total training time was two hours.",
]


def _page(path: Path, note: bool = False) -> Path:
    doc = pymupdf.open()
    page = doc.new_page(width=595, height=842)
    font = {"fontname": "dj", "fontfile": str(REGULAR)}
    for i, text in enumerate(LEFT_ITEM):
        x = 100 if i == 0 else 112  # the item's label hangs left of its indented body
        page.insert_text((x, 200 + 13 * i), text, fontsize=10, **font)
    for i, text in enumerate(RIGHT):
        page.insert_text((318, 200 + 13 * i), text, fontsize=10, **font)
    if note:
        for i, text in enumerate(["Received", "2 May 2022", "Accepted", "9 June 2022"]):
            page.insert_text((20, 400 + 9 * i), text, fontsize=6.5, **font)
    doc.save(path)
    return path


def test_an_indented_left_column_without_wide_lines_is_body_text(tmp_path: Path) -> None:
    doc = read_document(_page(tmp_path / "p.pdf"))
    text = " ".join(p.text for p in doc.paragraphs())
    assert "vectorizer of 5000 terms" in text
    assert "The third method gave the best results" in text
    assert "encoding the entire texts" in text


def test_a_smaller_note_in_the_left_margin_stays_outside_the_text(tmp_path: Path) -> None:
    doc = read_document(_page(tmp_path / "p.pdf", note=True))
    text = " ".join(p.text for p in doc.paragraphs())
    assert "vectorizer of 5000 terms" in text
    assert "Received" not in text and "9 June 2022" not in text
