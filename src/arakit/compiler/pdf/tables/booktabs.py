"""Tables ruled only by horizontal lines (booktabs): rows by baseline, columns by position."""

from __future__ import annotations

from typing import Any

from arakit.compiler.pdf.chars import clean
from arakit.compiler.pdf.tables.raw import RawTable


def rule_tables(page: Any, pno: int, words: list[Any]) -> list[RawTable]:
    """Tables ruled only by horizontal lines (booktabs): rows by baseline, columns by the
    x positions of the row with the most cells."""
    try:
        try:
            tabs = page.find_tables(
                vertical_strategy="text", horizontal_strategy="lines", use_layout=False
            )
        except TypeError:
            tabs = page.find_tables(vertical_strategy="text", horizontal_strategy="lines")
    except Exception:  # nothing PyMuPDF can analyse on this page
        return []
    rules = [
        d["rect"] for d in page.get_drawings() if d["rect"].height < 2 and d["rect"].width > 30
    ]
    found = []
    for t in tabs.tables:
        x0, y0, x1, y1 = t.bbox
        near = [r for r in rules if y0 - 2 <= r.y0 <= y1 + 2]
        if len(near) < 2:
            continue
        x0, x1 = min([x0, *(r.x0 for r in near)]), max([x1, *(r.x1 for r in near)])
        inside = [
            w
            for w in words
            if w[0] >= x0 - 1 and w[2] <= x1 + 1 and y0 - 1 <= (w[1] + w[3]) / 2 <= y1 + 1
        ]
        grid = _grid(inside)
        if len(grid) >= 2 and max(len(r) for r in grid) >= 2:
            found.append(RawTable(pno, (x0, y0, x1, y1), grid))
    return found


def _grid(words: list[Any]) -> list[list[str]]:
    rows: list[list[Any]] = []
    for w in sorted(words, key=lambda w: (w[3], w[0])):
        if rows and abs(rows[-1][0][3] - w[3]) < 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    cells_by_row: list[list[tuple[float, str]]] = []
    for row in rows:
        row.sort(key=lambda w: w[0])
        cells: list[tuple[float, str]] = []
        last_x1 = None
        for w in row:
            gap_limit = max(4.0, 0.5 * (w[3] - w[1]))
            if last_x1 is not None and w[0] - last_x1 < gap_limit:
                cells[-1] = (cells[-1][0], f"{cells[-1][1]} {w[4]}")
            else:
                cells.append((w[0], w[4]))
            last_x1 = w[2]
        cells_by_row.append(cells)
    anchors = [x for x, _ in max(cells_by_row, key=len)]
    grid = []
    for cells in cells_by_row:
        out = [""] * len(anchors)
        for x, text in cells:
            col = max((i for i, a in enumerate(anchors) if a <= x + 2), default=0)
            out[col] = clean(f"{out[col]} {text}")
        grid.append(out)
    return grid
