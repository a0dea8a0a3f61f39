"""Which lines of a table are its header.

Papers set the header apart by a rule under it (booktabs' midrule, a grid's heavier or
doubled line), by bold type, or not at all: a grid ruled alike under every row (a word
processor's table) may have no header row, and a key/value list never has one. So:

- the lines above the first rule under text are the header (at most a few);
- a ruled band of column labels just under it (text in two or more columns, nothing in the
  first column, no number, numbers in the rows below) is a header level too;
- in a grid ruled alike, the first row is the header only when it is set apart by type or
  labels a column of numbers; a number in it makes it a row.
"""

from __future__ import annotations

import re

from arakit.compiler.pdf.tables.glyphs import TextLine
from arakit.compiler.pdf.tables.grid import is_number, line_cells
from arakit.compiler.pdf.tables.captions import segments
from arakit.compiler.pdf.tables.region import Region

Rule = tuple[float, float, float]

NO_MARKED_HEADER = "no row is set apart as the header (no rule, type or column of numbers marks it)"


def line_bands(lines: list[TextLine], rules: list[Rule]) -> list[list[TextLine]]:
    """The lines grouped between rules (a line with no rule above it joins the band above)."""
    bands: list[list[TextLine]] = []
    for ln in lines:
        if bands and not any(bands[-1][-1].y1 - 1 <= r[2] <= ln.y0 + 1 for r in rules):
            bands[-1].append(ln)
        else:
            bands.append([ln])
    return bands


def split_header(region: Region, rules: list[Rule]) -> tuple[int, str | None]:
    """How many of the region's lines are above the first rule under text (the header).
    With no such rule the first line is the header only when it is mostly words and not
    set like the rows under it (`set_like_rows`); and a doubt is returned when nothing but
    its place marks it (no figures under it, no type of its own)."""
    lines = region.lines
    for r in rules:
        above = sum(1 for ln in lines if ln.y1 <= r[2] + 1)
        if 0 < above < len(lines):
            return (above if above <= max(4, len(lines) // 2) else 1), None
    first = lines[0]
    numeric = sum(1 for w in first.words if is_number(w.text))
    if len(lines) < 2 or numeric * 2 >= len(first.words):
        return 0, None
    if set_like_rows(lines):
        return 0, None
    figures = any(is_number(w.text) for ln in lines[1:] for w in ln.words)
    return 1, None if figures or _type_of_own(lines) else NO_MARKED_HEADER


def _weight(ln: TextLine) -> tuple[bool, float]:
    """A line's type: whether its first word is bold, and the share of its other words
    that are bold."""
    marks = [bool(w.bold) for w in ln.words]
    rest = marks[1:]
    return marks[0], (sum(rest) / len(rest) if rest else 0.0)


def set_like_rows(lines: list[TextLine]) -> bool:
    """The first line is set as the lines under it are: a bold first word as every other
    line's (row labels set in bold), and no more of its other words bold than theirs. A
    table's header is set apart by a rule, by type or by labelling figures, not by being
    first: such a line is the first row of a table with no header."""
    first, below = _weight(lines[0]), [_weight(ln) for ln in lines[1:]]
    if not first[0] or len(below) < 2 or not all(b[0] for b in below):
        return False
    return first[1] <= max(b[1] for b in below) + 0.1


def _type_of_own(lines: list[TextLine]) -> bool:
    """The first line is set in a weight the lines under it are not (all bold over plain)."""
    return _bold(lines[:1]) and not _bold(lines[1:])


def _bold(lines: list[TextLine]) -> bool:
    marks = [w.bold for ln in lines for w in ln.words if w.bold is not None]
    return bool(marks) and all(marks)


def ruled_alike(region: Region, rules: list[Rule]) -> bool:
    """A grid with a rule under every row (three bands or more, most of one line) where the
    rule under the first row is neither doubled nor heavier than the rules between the other
    rows, and the first row is not bold above plain rows: nothing marks a header."""
    bands = line_bands(region.lines, rules)
    if len(bands) < 3 or sum(1 for b in bands if len(b) == 1) < 0.6 * len(bands):
        return False
    for band in bands[1:]:
        if sum(1 for ln in band if len(segments(ln, ln.size)) > 1) > 1:
            return False  # unruled rows of several cells: a booktabs body, not a grid
    under = [r for r in rules if bands[0][-1].y1 - 1 <= r[2] <= bands[1][0].y0 + 1]
    inner = [r for r in rules if bands[1][-1].y1 - 1 <= r[2] <= bands[-1][0].y0 + 1]
    if len(under) != 1 or not inner:
        return False
    weight = region.weights.get(round(under[0][2]), 0.0)
    if weight > 1.2 * max(region.weights.get(round(r[2]), 0.0) for r in inner):
        return False
    body = [ln for band in bands[1:] for ln in band]
    return not (_bold(bands[0]) and not _bold(body))


def _cells(lines: list[TextLine], bounds: list[float]) -> dict[int, str]:
    cells: dict[int, str] = {}
    for ln in lines:
        for c, t in line_cells(ln, bounds).items():
            cells[c] = f"{cells.get(c, '')} {t}".strip()
    return cells


def labels_columns(bands: list[list[TextLine]], bounds: list[float]) -> tuple[bool, str | None]:
    """Whether the first band (row) of a grid ruled alike is its header, and a doubt when
    nothing tells: a number in it makes it a row; a label over a column of numbers makes it
    the header; otherwise it is read as a row and the doubt is reported."""
    first = _cells(bands[0], bounds)
    body = [_cells(band, bounds) for band in bands[1:]]
    if any(is_number(t) for t in first.values()):
        return _numbered_columns(first, body), None
    numbers: dict[int, list[bool]] = {}
    for row in body:
        for c, t in row.items():
            numbers.setdefault(c, []).append(is_number(t))
    numeric = [c for c, flags in numbers.items() if c > 0 and sum(flags) >= 0.6 * len(flags)]
    if any(first.get(c) for c in numeric):
        return True, None
    return False, NO_MARKED_HEADER


def _numbered_columns(first: dict[int, str], body: list[dict[int, str]]) -> bool:
    """A first row that numbers the columns ("Model/Data | 1 | 2 | 3": consecutive whole
    numbers after a label) over columns of measured values (decimals, "0.24 ± 0.01"): the
    header, not a row of values."""
    label = first.get(0, "")
    numbered = sorted((c, t) for c, t in first.items() if c > 0)
    if not label or is_number(label) or len(numbered) < 2:
        return False
    if not all(re.fullmatch(r"\d{1,3}", t) for _c, t in numbered):
        return False
    values = [int(t) for _c, t in numbered]
    if values != list(range(values[0], values[0] + len(values))):
        return False
    cells = [row.get(c, "") for row in body for c, _t in numbered]
    return bool(cells) and all(re.search(r"\d[.,]\d|±", t) for t in cells if t)


def label_band(region: Region, rules: list[Rule], n_head: int, bounds: list[float]) -> int:
    """How many lines just under the header form a ruled band of column labels (a second
    header level set off by its own rule): at most two lines, each with text in two or more
    columns, none in the first column, no number; with numbers in the rows below."""
    if n_head == 0 or n_head >= len(region.lines):
        return 0
    bands = line_bands(region.lines[n_head:], rules)
    if len(bands) < 2 or len(bands[0]) > 2:
        return 0
    below_rule = any(
        region.lines[n_head - 1].y1 - 1 <= r[2] <= region.lines[n_head].y0 + 1 for r in rules
    )
    if not below_rule:
        return 0
    for ln in bands[0]:
        cells = line_cells(ln, bounds)
        if 0 in cells or len(cells) < 2 or any(is_number(t) for t in cells.values()):
            return 0
    rest = [ln for band in bands[1:] for ln in band]
    if not any(is_number(t) for ln in rest for t in line_cells(ln, bounds).values()):
        return 0
    return len(bands[0])
