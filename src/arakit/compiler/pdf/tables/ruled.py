"""Tables with a full grid of rules: PyMuPDF's "lines" strategy finds the cells."""

from __future__ import annotations

from typing import Any

from arakit.compiler.pdf.chars import clean
from arakit.compiler.pdf.tables.booktabs import rule_tables
from arakit.compiler.pdf.tables.raw import RawTable


def ruled_tables(page: Any, pno: int) -> list[RawTable]:
    """Ruled tables: PyMuPDF finds the grid; each cell's text is the words inside its box,
    in reading order, so that cell text is exactly what is printed."""
    try:
        try:  # PyMuPDF 2 would consult its neural layout model first: the compiler runs without one
            tabs = page.find_tables(strategy="lines", use_layout=False)
        except TypeError:
            tabs = page.find_tables(strategy="lines")
    except Exception:  # a page whose drawings PyMuPDF cannot analyse has no ruled tables
        return []
    words = page.get_text("words")  # x0, y0, x1, y1, word, block, line, word_no
    if not tabs.tables:
        return rule_tables(page, pno, words)
    found = []
    for t in tabs.tables:
        cells: list[list[str]] = []
        for row in t.rows:
            cells.append([_cell_text(words, box) if box else "" for box in row.cells])
        cells = [r for r in cells if any(c for c in r)]
        if len(cells) >= 2 and max(len(r) for r in cells) >= 2:
            found.append(RawTable(pno, tuple(t.bbox), cells))
    return found


def _cell_text(words: list[Any], box: tuple[float, float, float, float]) -> str:
    inside = [
        w
        for w in words
        if box[0] - 1 <= (w[0] + w[2]) / 2 <= box[2] + 1
        and box[1] - 1 <= (w[1] + w[3]) / 2 <= box[3] + 1
    ]
    inside.sort(key=lambda w: (round(w[3]), w[0]))
    return clean(" ".join(w[4] for w in inside))
