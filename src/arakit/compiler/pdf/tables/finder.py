"""The independent method: PyMuPDF's table finder run on the table's region (its "lines"
strategy when the region is a ruled grid, its word-alignment "text" strategy otherwise),
each cell filled with the same words the main method reads."""

from __future__ import annotations

from typing import Any

from arakit.compiler.pdf.tables.glyphs import Word
from arakit.compiler.pdf.tables.grid import cell_text
from arakit.compiler.pdf.tables.region import Region, words_in

METHOD = "PyMuPDF find_tables on the region"
# A page with more paths than this (a plot of many thousand points) gives the finder only the
# paths near the region: it joins every path of the page with its neighbours, which takes
# minutes on such a page, while paths far from the region cannot make an edge inside it.
MANY_PATHS = 3000
NEAR_PATHS = 12.0  # points around the region whose paths the finder still sees


def extract(
    page: Any, region: Region, drawings: list[Any] | None = None
) -> list[list[list[Word]]] | None:
    """Rows of cells, each the words in it (header lines included), as PyMuPDF's finder
    cuts the region; None when it finds no table there. `drawings` are the page's paths
    when the caller has read them already."""
    import pymupdf

    x0, y0, x1, y1 = region.bbox
    clip = pymupdf.Rect(x0 - 2, y0 - 2, x1 + 2, y1 + 2)
    boxed = len(region.vrules) >= 2 and len(region.rules) >= len(region.lines)
    paths = None
    if drawings and len(drawings) > MANY_PATHS:
        near = pymupdf.Rect(
            clip.x0 - NEAR_PATHS, clip.y0 - NEAR_PATHS, clip.x1 + NEAR_PATHS, clip.y1 + NEAR_PATHS
        )
        paths = [d for d in drawings if d["rect"].intersects(near)]
    try:
        strategy = "lines" if boxed else "text"
        found = page.find_tables(clip=clip, strategy=strategy, paths=paths)
    except Exception:  # the finder fails on some drawings; then there is no second opinion
        return None
    if not found.tables:
        return None
    table = max(found.tables, key=lambda t: len(t.rows) * max(1, t.col_count))
    words = words_in(region)
    taken: set[int] = set()
    out = []
    for row in table.rows:
        cells = []
        for box in row.cells:
            inside = _inside(words, box, taken)
            taken |= {id(w) for w in inside}
            cells.append(inside)
        out.append(cells)
    return out


def texts(rows: list[list[list[Word]]]) -> list[list[str]]:
    """The finder's cells as text."""
    out = []
    for row in rows:
        cells = []
        for words in row:
            lines: dict[int, list[Word]] = {}
            for w in words:
                lines.setdefault(round(w.base), []).append(w)
            cells.append(cell_text([lines[k] for k in sorted(lines)], bold=True))
        out.append(cells)
    return out


def _inside(words: list[Word], box: Any, taken: set[int]) -> list[Word]:
    if box is None:
        return []
    x0, y0, x1, y1 = box
    return [
        w
        for w in words
        if id(w) not in taken and x0 - 1 <= w.cx <= x1 + 1 and y0 - 1 <= (w.y0 + w.y1) / 2 <= y1 + 1
    ]
