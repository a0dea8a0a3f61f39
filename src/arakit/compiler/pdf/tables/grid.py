"""A table's cells from its region: columns, header levels and cell text, shared by the
methods (which differ in how they find the row and column boundaries)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arakit.compiler.pdf.paragraphs import dehyphenate
from arakit.compiler.pdf.tables.glyphs import TextLine, Word


NUMERIC_RE = re.compile(r"^[\s\d.,%±+\-−–()\[\]/×x*]+$")
_DIGIT_RE = re.compile(r"\d")


def is_number(text: str) -> bool:
    """A cell of figures: digits with signs, separators, brackets and units of one sign."""
    return bool(NUMERIC_RE.match(text)) and bool(_DIGIT_RE.search(text))


@dataclass
class Grid:
    """Header rows (multi-level, spanning cells in their first column) and body rows."""

    header: list[list[str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    words: list[list[list[Word]]] = field(default_factory=list)  # the words of each body cell
    problem: str | None = None  # what the method itself saw go wrong

    @property
    def width(self) -> int:
        return max((len(r) for r in self.header + self.rows), default=0)


def flat_header(levels: list[list[str]]) -> list[str]:
    """One header row from header levels: a spanning cell of an upper level names every
    column it spans ("Base (d=128) / Full")."""
    if not levels:
        return []
    width = max(len(r) for r in levels)
    out = [""] * width
    for k, row in enumerate(levels):
        below = levels[k + 1] if k + 1 < len(levels) else None
        carry = ""
        for c in range(width):
            text = row[c] if c < len(row) else ""
            if text:
                carry = text
            elif below is None or not (c < len(below) and below[c]):
                carry = ""
            piece = text or carry
            if piece:
                out[c] = f"{out[c]} / {piece}" if out[c] else piece
    return out


def cell_text(lines: list[list[Word]], bold: bool = False) -> str:
    """Words of one cell, line by line; a word broken by a hyphen at a line end is joined.
    In the body a cell printed wholly in bold is written `**text**`."""
    out = dehyphenate([" ".join(w.text for w in sorted(ws, key=lambda w: w.x0)) for ws in lines])
    out = out.strip()
    if bold and out:
        marks = [w.bold for ws in lines for w in ws if w.bold is not None]
        if marks and all(marks):
            out = f"**{out}**"
    return out


def line_cells(ln: TextLine, bounds: list[float]) -> dict[int, str]:
    """The text of one line by column (columns with no word of the line are absent)."""
    cols: dict[int, str] = {}
    for w in ln.words:
        c = column_of(w.cx, bounds)
        cols[c] = f"{cols.get(c, '')} {w.text}".strip()
    return cols


def column_of(x: float, bounds: list[float]) -> int:
    """The column whose span holds x, given the separators between columns."""
    col = 0
    for sep in bounds:
        if x > sep:
            col += 1
    return col


def separators_from_gaps(
    lines: list[TextLine], x0: float, x1: float, min_gap: float
) -> list[float]:
    """Column separators: the middles of x-stretches no word of `lines` covers, at least
    `min_gap` wide, strictly between the first and last word."""
    return [(a + b) / 2 for a, b in white_gaps(lines, min_gap)]


def white_gaps(lines: list[TextLine], min_gap: float) -> list[tuple[float, float]]:
    """The x-stretches (from, to) no word of `lines` covers, at least `min_gap` wide."""
    spans = sorted((w.x0, w.x1) for ln in lines for w in ln.words)
    if not spans:
        return []
    out: list[tuple[float, float]] = []
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a - reach >= min_gap:
            out.append((reach, a))
        reach = max(reach, b)
    return out


def place(rows: list[list[TextLine]], bounds: list[float], bold: bool) -> list[list[str]]:
    """Cell texts for rows made of one or more lines, columns cut at `bounds`."""
    return [[cell_text(lines, bold) for lines in row] for row in place_words(rows, bounds)]


def place_words(
    rows: list[list[TextLine]], bounds: list[float], spanning: list[TextLine] | None = None
) -> list[list[list[list[Word]]]]:
    """For each row and column, the cell's words line by line. On a spanning line a run of
    words closer than a column gap stays whole, in the column where it starts."""
    width = len(bounds) + 1
    span_ids = {id(ln) for ln in spanning or []}
    out = []
    for row in rows:
        cells: list[list[list[Word]]] = [[] for _ in range(width)]
        for ln in row:
            per: list[list[Word]] = [[] for _ in range(width)]
            col = -1
            last: Word | None = None
            for w in ln.words:
                joined = last is not None and w.x0 - last.x1 < 0.45 * w.size
                if not (id(ln) in span_ids and joined):
                    col = column_of(w.cx if id(ln) not in span_ids else w.x0 + 0.5, bounds)
                per[col].append(w)
                last = w
            for c in range(width):
                if per[c]:
                    cells[c].append(per[c])
        out.append(cells)
    return out


def col_ranges(lines: list[TextLine], bounds: list[float]) -> list[tuple[float, float]]:
    """The x-extent of the words of each column."""
    width = len(bounds) + 1
    lo = [float("inf")] * width
    hi = [float("-inf")] * width
    for ln in lines:
        for w in ln.words:
            c = column_of(w.cx, bounds)
            lo[c], hi[c] = min(lo[c], w.x0), max(hi[c], w.x1)
    return [(a, b) if a <= b else (0.0, 0.0) for a, b in zip(lo, hi, strict=True)]


def header_levels(
    lines: list[TextLine],
    bounds: list[float],
    ranges: list[tuple[float, float]],
    rules: list[tuple[float, float, float]],
    walls: list[float] | None = None,
) -> list[list[str]]:
    """Header rows from the header lines: a line whose word groups each span several
    columns, or that has a rule under it, is a level of its own (its groups written in the
    first column they span); other lines stack into the cells of the level below them. No
    group reaches over a wall (a vertical rule)."""
    width = len(bounds) + 1
    levels: list[list[str]] = []
    stack: list[TextLine] = []
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        ruled = nxt is not None and any(ln.y1 - 1 <= r[2] <= nxt.y0 + 1 for r in rules)
        groups = _groups(ln, walls or [])
        spanning = nxt is not None and any(len(_span(g, ranges, groups, rules)) > 1 for g in groups)
        if nxt is not None and (ruled or spanning):
            if stack:
                levels.append(place([stack], bounds, False)[0])
                stack = []
            row = [""] * width
            for g in groups:
                cols = _span(g, ranges, groups, rules)
                c = cols[0] if cols else column_of((g.x0 + g.x1) / 2, bounds)
                row[c] = f"{row[c]} {g.text}".strip()
            levels.append(row)
        else:
            stack.append(ln)
    if stack:
        levels.append(place([stack], bounds, False)[0])
    return levels


def _groups(ln: TextLine, walls: list[float]) -> list[TextLine]:
    out: list[TextLine] = []
    for w in ln.words:
        last = out[-1].words[-1] if out else None
        walled = last is not None and any(last.x1 <= x <= w.x0 for x in walls)
        if last is not None and w.x0 - last.x1 <= 0.8 * w.size and not walled:
            out[-1].words.append(w)
        else:
            out.append(TextLine([w]))
    return out


def _overlaps(g: TextLine, ranges: list[tuple[float, float]]) -> list[int]:
    return [i for i, (a, b) in enumerate(ranges) if b > a and g.x0 < b and g.x1 > a]


def _span(
    g: TextLine,
    ranges: list[tuple[float, float]],
    groups: list[TextLine],
    rules: list[tuple[float, float, float]],
) -> list[int]:
    """The columns a header group spans: those under the rule drawn just below it, else the
    widest run of columns it is centred over that no other group of its line claims."""
    used = [(a, b) for a, b in ranges if b > a] or [(g.x0, g.x1)]
    left, right = min(a for a, _ in used), max(b for _, b in used)
    under = [
        r
        for r in rules
        if g.y1 - 1 <= r[2] <= g.y1 + 1.5 * g.size
        and r[0] < g.x1
        and r[1] > g.x0
        and not (r[0] <= left + 1 and r[1] >= right - 1)  # a rule under the whole table
    ]
    if under:
        r = min(under, key=lambda r: r[2])
        cols = [i for i, (a, b) in enumerate(ranges) if b > a and a < r[1] - 1 and b > r[0] + 1]
        if cols:
            return cols
    own = _overlaps(g, ranges)
    if not own:
        return []
    taken = {i for other in groups if other is not g for i in _overlaps(other, ranges)}
    centre = (g.x0 + g.x1) / 2
    best = own
    lo, hi = own[0], own[-1]
    for i in range(lo, -1, -1):
        for j in range(hi, len(ranges)):
            cols = list(range(i, j + 1))
            if taken & set(cols) or (i == 0 and 0 not in own):
                continue
            a, b = ranges[i][0], ranges[j][1]
            if abs((a + b) / 2 - centre) <= max(g.size, 0.08 * (b - a)) and len(cols) > len(best):
                best = cols
    return best
