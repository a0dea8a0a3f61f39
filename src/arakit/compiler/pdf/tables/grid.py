"""A table's cells from its region: columns, header levels and cell text, shared by the
methods (which differ in how they find the row and column boundaries)."""

from __future__ import annotations

import itertools
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
) -> tuple[list[list[str]], str | None]:
    """Header rows from the header lines: a line whose word groups each span several
    columns, or that has a rule under it, is a level of its own (its groups written in the
    first column they span); other lines stack into the cells of the level below them. No
    group reaches over a wall (a vertical rule). Also returns a doubt: a spanning group
    whose first column nothing printed shows (`shown`)."""
    width = len(bounds) + 1
    levels: list[list[str]] = []
    stack: list[TextLine] = []
    doubt: str | None = None
    placed_lines: list[TextLine] = []  # lines whose word groups were placed whole
    # each column's extent with the lowest header line's labels (a label wider than its
    # column's figures widens the column a spanning cell is centred on)
    wide = list(ranges)
    for w in lines[-1].words if lines else []:
        c = column_of(w.cx, bounds)
        a, b = wide[c]
        wide[c] = (min(a, w.x0), max(b, w.x1)) if b > a else (w.x0, w.x1)
    index = index_name_row(lines, bounds)
    for k, ln in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else None
        ruled = nxt is not None and any(ln.y1 - 1 <= r[2] <= nxt.y0 + 1 for r in rules)
        if index and nxt is None and stack:  # the labels above are a level of their own
            levels.append(place([stack], bounds, False)[0])
            stack = []
        groups = _groups(ln, walls or [])
        spanning = nxt is not None and (
            any(len(_span(g, ranges, groups, walled(rules, g, walls), wide)) > 1 for g in groups)
            or _tiled(groups, wide, line_cells(nxt, bounds))
        )
        if index and k == len(lines) - 2:
            ruled = spanning = False  # the lowest labels, over the index name's row
        if nxt is not None and (ruled or spanning):
            if stack:
                levels.append(place([stack], bounds, False)[0])
                stack = []
            row = [""] * width
            placed: list[tuple[TextLine, int]] = []
            for g in groups:
                cols = _span(g, ranges, groups, walled(rules, g, walls), wide)
                c = cols[0] if cols else column_of((g.x0 + g.x1) / 2, bounds)
                row[c] = f"{row[c]} {g.text}".strip()
                placed.append((g, c))
            for g, c in placed:
                own = walled(rules, g, walls)
                if doubt is None and not shown(g, c, groups, wide, own, walls or []):
                    doubt = (
                        f"header cell {g.text!r} is set over columns with no rule, edge or "
                        "centre to show which column it starts in"
                    )
            levels.append(row)
            placed_lines.append(ln)
        else:
            stack.append(ln)
    if stack:
        levels.append(place([stack], bounds, False)[0])
    stacked = [ln for ln in lines if not any(ln is placed for placed in placed_lines)]
    return levels, doubt or torn(stacked, bounds)


_HYPHENATED = re.compile(r"\w[-\u2010]$")


def torn(lines: list[TextLine], bounds: list[float]) -> str | None:
    """A doubt when header lines stacked into cells by the body's columns tear a label:
    two words a word space apart put in different columns ("time" | "(s)"), or a word
    hyphenated at a line's end followed by more words of its line in its cell (its line
    did not end there, so its pieces went to different cells)."""
    for ln in lines:
        for a, b in itertools.pairwise(ln.words):
            if b.x0 - a.x1 < 0.45 * a.size and column_of(a.cx, bounds) != column_of(b.cx, bounds):
                return f"header words {a.text!r} and {b.text!r}, a word space apart, fall in two columns"
        for c, text in line_cells(ln, bounds).items():
            words = text.split()
            if any(_HYPHENATED.search(w) for w in words[:-1]):
                return f"a header word hyphenated at its line's end is followed by {text!r} in column {c + 1}"
    return None


def index_name_row(lines: list[TextLine], bounds: list[float]) -> bool:
    """The last header line names the row labels' column only, under column labels that
    leave that column empty: the index name on a header row of its own (how pandas'
    `to_latex` sets a named index, "embedding size" under "train time  test time"). It is
    a header level of its own, not a second line of the labels above it."""
    if len(lines) < 2 or not bounds:
        return False
    if set(line_cells(lines[-1], bounds)) != {0}:
        return False
    return all(0 not in line_cells(ln, bounds) for ln in lines[:-1])


def shown(
    g: TextLine,
    c: int,
    groups: list[TextLine],
    ranges: list[tuple[float, float]],
    rules: list[tuple[float, float, float]],
    walls: list[float],
) -> bool:
    """Whether the print shows that header group `g` (one of its line's `groups`) starts in
    column `c`: a rule drawn under it starts over that column, a vertical rule closes it on
    the left there, or it lies within that column alone; else the closest of the ways it may
    be set (flush left on a column, centred within half an em on a run of columns no nearer
    a neighbouring group) starts there, and every way that starts elsewhere is off by three
    times as much (and by 0.3 pt at least)."""
    if not 0 <= c < len(ranges) or not ranges[c][1] > ranges[c][0]:
        return False
    a, b = ranges[c]
    if a - 1 <= g.x0 and g.x1 <= b + 1:
        return True
    under = [r for r in _rules_under(g, rules) if _own_rule(r, g, groups)]
    if under and a - 0.5 * g.size <= min(under, key=lambda r: r[2])[0] <= b:
        return True
    prev = ranges[c - 1][1] if c > 0 else float("-inf")
    if any(prev - 1 <= x <= a + 1 for x in walls) and all(x <= g.x0 or x >= g.x1 for x in walls):
        return True
    centre = (g.x0 + g.x1) / 2
    lim_lo = max([(o.x0 + o.x1) / 2 for o in groups if o.x1 <= g.x0], default=-1e9)
    lim_hi = min([(o.x0 + o.x1) / 2 for o in groups if o.x0 >= g.x1], default=1e9)
    used = [k for k, (p, q) in enumerate(ranges) if q > p]
    ways = [
        (abs(g.x0 - ranges[k][0]), k) for k in used if abs(g.x0 - ranges[k][0]) <= 0.35 * g.size
    ]
    for i in used:
        for j in used:
            if (
                j < i
                or ranges[i][0] < (lim_lo + centre) / 2
                or ranges[j][1] > (lim_hi + centre) / 2
            ):
                continue
            off = abs((ranges[i][0] + ranges[j][1]) / 2 - centre)
            if off <= 0.5 * g.size:
                ways.append((off, i))
    if not ways:
        return False
    best, start = min(ways)
    return start == c and all(off >= max(3 * best, 0.3) for off, k in ways if k != c)


def walled(
    rules: list[tuple[float, float, float]], g: TextLine, walls: list[float] | None
) -> list[tuple[float, float, float]]:
    """The rules cut at the vertical rules (walls) on either side of header group `g`: a
    rule drawn on across a wall (`\\cline{3-10}` under groups boxed apart by double rules)
    shows only the columns of the group's own box."""
    if not walls:
        return rules
    lo = max((x for x in walls if x <= g.x0), default=float("-inf"))
    hi = min((x for x in walls if x >= g.x1), default=float("inf"))
    return [(max(r[0], lo), min(r[1], hi), r[2]) for r in rules if min(r[1], hi) > max(r[0], lo)]


def _rules_under(
    g: TextLine, rules: list[tuple[float, float, float]]
) -> list[tuple[float, float, float]]:
    """The rules drawn just under a header group, reaching under it."""
    return [
        r for r in rules if g.y1 - 1 <= r[2] <= g.y1 + 1.5 * g.size and r[0] < g.x1 and r[1] > g.x0
    ]


def _own_rule(r: tuple[float, float, float], g: TextLine, groups: list[TextLine]) -> bool:
    """A rule under `g` that no other group of its line stands over too: one rule drawn
    under two groups side by side (`\\cmidrule{2-5}` under "ML100K" and "Latent Factors")
    shows neither group's columns."""
    return not any(o is not g and r[0] < o.x1 and r[1] > o.x0 for o in groups)


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
    boxes: list[tuple[float, float]] | None = None,
) -> list[int]:
    """The columns a header group spans: those under the rule drawn just below it, else the
    widest run of columns it is centred over that no other group of its line claims, or
    its first column when it is set flush left on it (the columns' `boxes`, labels
    included) rather than centred."""
    used = [(a, b) for a, b in ranges if b > a] or [(g.x0, g.x1)]
    left, right = min(a for a, _ in used), max(b for _, b in used)
    under = [
        r
        for r in _rules_under(g, rules)
        if not (r[0] <= left + 1 and r[1] >= right - 1)  # a rule under the whole table
        and _own_rule(r, g, groups)
    ]
    if under:
        r = min(under, key=lambda r: r[2])
        cols = [i for i, (a, b) in enumerate(ranges) if b > a and a < r[1] - 1 and b > r[0] + 1]
        if cols:
            return cols
    own = _overlaps(g, ranges)
    if not own:
        return []
    if len(groups) == 1 and abs((g.x0 + g.x1) / 2 - (left + right) / 2) <= 0.5 * g.size:
        return [i for i, (a, b) in enumerate(ranges) if b > a]  # centred across the table
    taken = {i for other in groups if other is not g for i in _overlaps(other, ranges)}
    centre = (g.x0 + g.x1) / 2
    # no column nearer a neighbouring group of the line than this one
    lim_lo = max([(o.x0 + o.x1 + 2 * centre) / 4 for o in groups if o.x1 <= g.x0], default=-1e9)
    lim_hi = min([(o.x0 + o.x1 + 2 * centre) / 4 for o in groups if o.x0 >= g.x1], default=1e9)
    best = own
    lo, hi = own[0], own[-1]
    for i in range(lo, -1, -1):
        for j in range(hi, len(ranges)):
            cols = list(range(i, j + 1))
            if taken & set(cols) or (i == 0 and 0 not in own):
                continue
            if (i < lo and ranges[i][0] < lim_lo) or (j > hi and ranges[j][1] > lim_hi):
                continue
            a, b = ranges[i][0], ranges[j][1]
            if abs((a + b) / 2 - centre) <= max(g.size, 0.08 * (b - a)) and len(cols) > len(best):
                best = cols
    off = abs((ranges[best[0]][0] + ranges[best[-1]][1]) / 2 - centre)
    boxes = boxes or ranges
    flush = abs(g.x0 - boxes[own[0]][0])
    if _flush_left(g, boxes, own[0]) and (len(best) == 1 or 3 * flush < off):
        return own  # set flush left over its first column (`\\multicolumn{2}{l}{JC}`)
    return best


def _flush_left(g: TextLine, ranges: list[tuple[float, float]], c: int) -> bool:
    return abs(g.x0 - ranges[c][0]) <= 0.35 * g.size


def _tiled(
    groups: list[TextLine], ranges: list[tuple[float, float]], below: dict[int, str]
) -> bool:
    """Two or more groups each set flush left over a column, each over the same labels of
    the line `below` (its cells by column) up to the next group's column or the table's end:
    a level of labels each over a repeated set of columns ("20ng", "JC" over "Atributo
    Peso" pairs). Words that start wrapped header cells do not sit over repeated labels."""
    starts = []
    for g in groups:
        own = _overlaps(g, ranges)
        if not own or not _flush_left(g, ranges, own[0]):
            return False
        starts.append(own[0])
    used = [i for i, (a, b) in enumerate(ranges) if b > a]
    ends = [*starts[1:], used[-1] + 1 if used else 0]
    runs = {tuple(below.get(c, "") for c in range(s, e)) for s, e in zip(starts, ends, strict=True)}
    if len(runs) != 1 or not all(next(iter(runs))):
        return False
    widths = {e - s for s, e in zip(starts, ends, strict=True)}
    return len(groups) >= 2 and len(widths) == 1 and min(widths) >= 2
