"""The text block of a page and what lies beside it: a journal's sidebar, notes in the
margin, the line numbers of review copies."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import Any

from arakit.compiler.pdf.document import Line


def split_margins(lines: list[Line], rect: Any, margin: float) -> tuple[list[Line], list[Line]]:
    """(lines in the text block, lines beside it): the text block spans from the left edge
    its wide lines share to the rightmost wide line between the running head and foot; a
    journal's sidebar or a note in the margin lies wholly outside it and is page furniture.
    A sidebar line printed on a body line's baseline may have been read into it (JOSS:
    "International License (CC BY 4.0). BowshockPy is ..."): it is cut off where a blank
    in the line spans the block's edge."""
    top, bottom = rect.height * margin, rect.height * (1 - margin)
    wide = [
        ln for ln in lines if ln.x1 - ln.x0 > 0.3 * rect.width and ln.y0 > top and ln.y1 < bottom
    ]
    if len(wide) < 3:
        return lines, []
    left, right = _left_edge(wide) - 2, max(ln.x1 for ln in wide) + 2
    left = min(left, _narrow_left_column(lines, rect, top, bottom, left))
    lines = [piece for ln in lines for piece in _cut_at(ln, left)]
    inside = [ln for ln in lines if ln.x1 > left and ln.x0 < right]
    outside = [ln for ln in lines if not (ln.x1 > left and ln.x0 < right)]
    return inside, outside


def _narrow_left_column(
    lines: list[Line], rect: Any, top: float, bottom: float, left: float
) -> float:
    """Where a two-column page's left column starts when every wide line stands in the
    right column: a left column set wholly as an indented list (ACL's "(c) Data
    augmentation" items under a table) has no wide line, and its body text is not a note in
    the margin. Only lines in the body's type size count, so a journal's sidebar (set
    smaller) stays outside. `left` itself when the page is not so."""
    mid = rect.width / 2
    if left < mid - 0.05 * rect.width:
        return left
    body = _body_size(lines)
    column = [
        ln
        for ln in lines
        if ln.x1 <= mid + 2 and ln.y0 > top and ln.y1 < bottom and abs(ln.size - body) < 0.6
    ]
    if len(column) < 3:
        return left
    return min(left, _left_edge(column) - 2)


def _body_size(lines: list[Line]) -> float:
    """The type size most of the page's characters are set in."""
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[round(ln.size, 1)] += len(ln.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _left_edge(wide: list[Line]) -> float:
    """Where the text block starts: the leftmost start that at least three wide lines share
    (running text is aligned there), or the leftmost start when none is shared."""
    starts = [ln.x0 for ln in wide]
    shared = [x for x in starts if sum(abs(x - y) <= 2.0 for y in starts) >= 3]
    return min(shared or starts)


def _cut_at(line: Line, edge: float) -> list[Line]:
    """A line that starts left of `edge` and goes on past it, cut at a blank that spans
    the edge (its two sides were printed apart); the line itself when it has none."""
    if not (line.x0 < edge < line.x1):
        return [line]
    at = next(((a, x0, x1) for a, x0, x1 in line.gaps if x0 < edge <= x1 + 2.0), None)
    if at is None:
        return [line]
    a, x0, x1 = at
    head, tail = line.text[:a].rstrip(), line.text[a + 1 :].lstrip()
    if not head or not tail:
        return [line]
    shift = len(line.text) - len(tail)
    return [
        replace(
            line,
            text=head,
            x1=x0,
            sup=[(p, min(q, len(head))) for p, q in line.sup if p < len(head)],
            gaps=[g for g in line.gaps if g[0] < a],
        ),
        replace(
            line,
            text=tail,
            x0=x1,
            sup=[(p - shift, q - shift) for p, q in line.sup if p >= shift],
            gaps=[(g - shift, gx0, gx1) for g, gx0, gx1 in line.gaps if g > a],
        ),
    ]


def drop_line_numbers(lines: list[Line]) -> list[Line]:
    """Review and preprint styles number every line in the margin: a column of short
    numerals in small type is page furniture, not text."""
    numerals = [ln for ln in lines if ln.text.isdigit() and len(ln.text) <= 4]
    if len(numerals) < 5:
        return _few_line_numbers(lines, numerals)
    by_x: Counter[int] = Counter(round(ln.x1 / 4) for ln in numerals)
    columns = {x for x, n in by_x.items() if n >= 5}
    drop = {id(ln) for ln in numerals if round(ln.x1 / 4) in columns}
    return [ln for ln in lines if id(ln) not in drop]


SMALL_NUMERAL = 0.8  # a margin line number is set well below the text's size


def _few_line_numbers(lines: list[Line], numerals: list[Line]) -> list[Line]:
    """A page with only a few numbered lines (an APA manuscript's title page numbers its
    two title lines "1", "2"): the numerals are line numbers when they count up one by one,
    stand in one column left of all the page's other text, in type smaller than it."""
    text = [ln for ln in lines if not (ln.text.isdigit() and len(ln.text) <= 4)]
    if not text:
        return lines
    edge = min(ln.x0 for ln in text)
    margin = [ln for ln in numerals if ln.x1 < edge]  # not a page number beside a head
    if len(margin) < 2:
        return lines
    values = sorted(int(ln.text) for ln in margin)
    counting = values == list(range(values[0], values[0] + len(values)))
    column = max(ln.x1 for ln in margin) - min(ln.x1 for ln in margin) <= 4.0
    small = max(ln.size for ln in margin) < SMALL_NUMERAL * min(ln.size for ln in text)
    drop = {id(ln) for ln in margin} if counting and column and small else set()
    return [ln for ln in lines if id(ln) not in drop]
