"""Labels set over several rows (LaTeX's `\\multirow`, a word processor's merged cell).

Such a label is centred vertically on the rows it names, so it sits on a baseline of its
own between two of them, or on the middle row's baseline. Papers bound the rows it names
by rules (a group between two midrules, a boxed group). A label is written in the first row
it names (as a header cell spanning columns is written in the first column it spans).

A row is such a label when, within one ruled group of three rows or more, its text lies in
columns every other row of the group leaves empty, and either it holds nothing else (its
own baseline) or it is the group's middle row with the label centred on the group.
"""

from __future__ import annotations

from arakit.compiler.pdf.tables.glyphs import TextLine, Word
from arakit.compiler.pdf.tables.grid import column_of, line_cells


def _columns(row: list[TextLine], bounds: list[float]) -> set[int]:
    return {c for ln in row for c in line_cells(ln, bounds)}


def lone_labels(band: list[TextLine], bounds: list[float]) -> list[TextLine]:
    """The lines of a ruled band (not its first) that are labels set over the band's rows:
    text in one column only, a column no other line of the band uses, with lines of two
    columns or more above and below it."""
    out = []
    for k, ln in enumerate(band):
        cols = set(line_cells(ln, bounds))
        if k == 0 or k == len(band) - 1 or len(cols) != 1:
            continue
        others = [m for m in band if m is not ln]
        if any(cols & set(line_cells(m, bounds)) for m in others):
            continue
        if len(line_cells(band[k - 1], bounds)) >= 2 and len(line_cells(band[k + 1], bounds)) >= 2:
            out.append(ln)
    return out


def lift_labels(rows: list[list[TextLine]], bounds: list[float]) -> list[list[TextLine]]:
    """The rows of one ruled group with a label set over them moved into the group's first
    row (see the module's doc). Rows without such a label come back as they were."""
    if len(rows) < 3:
        return rows
    cols = [_columns(r, bounds) for r in rows]
    for k in range(1, len(rows) - 1):
        others = [c for j, c in enumerate(cols) if j != k]
        alone = len(cols[k]) == 1 and not cols[k] & set().union(*others)
        if alone and all(len(c) >= 2 for c in others):
            return [rows[0] + rows[k], *rows[1:k], *rows[k + 1 :]]
    if len(rows) % 2 == 1:
        k = len(rows) // 2
        label = [w for ln in rows[k] for w in ln.words if column_of(w.cx, bounds) == 0]
        others = [c for j, c in enumerate(cols) if j != k]
        if label and _centred(label, rows) and all(0 not in c and len(c) >= 2 for c in others):
            keep = [
                TextLine([w for w in ln.words if column_of(w.cx, bounds) != 0]) for ln in rows[k]
            ]
            moved = [*rows[0], TextLine(label)]
            middle = [ln for ln in keep if ln.words]
            return [moved, *rows[1:k], middle, *rows[k + 1 :]]
    return rows


def _centred(label: list[Word], rows: list[list[TextLine]]) -> bool:
    """The label's middle is at the middle of the rows (within half a line)."""
    top = min(ln.y0 for ln in rows[0])
    bottom = max(ln.y1 for ln in rows[-1])
    mid = (min(w.y0 for w in label) + max(w.y1 for w in label)) / 2
    size = max(w.size for w in label)
    return abs(mid - (top + bottom) / 2) <= 0.5 * size
