"""Sub-tables stacked under one caption: a second table set right beyond the region its
caption labels (a thesis's "Tab. 4.10" over two blocks of results), with no caption of
its own."""

from __future__ import annotations

from arakit.compiler.pdf.tables.captions import segments, within
from arakit.compiler.pdf.tables.glyphs import TextLine
from arakit.compiler.pdf.tables.region import (
    Region,
    Rules,
    closed_region,
    in_box,
    subcaption_run,
)


def stacked_beyond(
    region: Region,
    lines: list[TextLine],
    others: list[tuple[float, float, float, float]],
    rules: Rules,
    claimed: set[int] | None = None,
) -> Region | None:
    """Table lines just beyond the region's far side (away from its caption) with nothing
    between: at least two lines of several separated runs, the first within two and a half
    lines of the region, under a rule as wide as half the table. They are a second table
    with no caption of its own: sub-tables stacked under one caption, which the region
    leaves out; lines with a word of another caption's table (`claimed`, word ids) are
    not. Returns their region, or None."""
    size = max(ln.size for ln in region.lines)
    beyond = [
        ln
        for line in lines
        if (ln := within(line, region.x0 - size, region.x1 + size)) is not None
        and (ln.y0 >= region.y1 - 1 if region.below else ln.y1 <= region.y0 + 1)
        and ln not in region.lines
    ]
    beyond.sort(key=lambda ln: ln.y0 if region.below else -ln.y1)
    edge = region.y1 if region.below else region.y0
    found: list[TextLine] = []
    skip = subcaption_run(beyond, 0, region.below) if beyond else []
    if skip:  # the next sub-table's sub-caption ("(a) Results on ..."), between the two
        gap = (skip[0].y0 - edge) if region.below else (edge - skip[0].y1)
        if gap > 2.5 * size:
            return None
        edge = skip[-1].y1 if region.below else skip[-1].y0
    for i, ln in enumerate(beyond):
        if ln in skip:
            continue
        if found and subcaption_run(beyond, i, region.below):
            break  # the sub-caption of the next sub-table
        gap = (ln.y0 - edge) if region.below else (edge - ln.y1)
        if gap > 2.5 * size or len(segments(ln, 1.0 * ln.size)) < 2:
            break
        if any(o[1] <= ln.y1 and o[3] >= ln.y0 and o[0] < ln.x1 and o[2] > ln.x0 for o in others):
            break
        if any(in_box(ln, b) for b in rules.boxes) or any(
            id(w) in (claimed or ()) for w in ln.words
        ):
            break
        found.append(ln)
        edge = ln.y1 if region.below else ln.y0
    if len(found) < 2:
        return None
    lo = min(region.y1 if region.below else found[-1].y0, region.y0)
    hi = max(found[-1].y1 if region.below else region.y0, region.y1)
    span = region.x1 - region.x0
    ruled = [
        r
        for r in rules.horizontal
        if r[1] - r[0] >= 0.5 * span
        and r[0] < region.x1
        and r[1] > region.x0
        and lo - size <= r[2] <= hi + size
        and not region.y0 - 1 <= r[2] <= region.y1 + 1
    ]
    if not ruled:
        return None
    hrules = [
        r for r in rules.horizontal if r[1] > region.x0 and r[0] < region.x1 and r[1] - r[0] > 12
    ]
    bounds = (region.y1, 1e9) if region.below else (-1e9, region.y0)
    return closed_region(region.caption, found, hrules, rules, region.below, bounds)
