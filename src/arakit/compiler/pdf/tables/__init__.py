"""Tables on a PDF page: each "Table N" caption, the region it labels, its cells read by the
main method and checked against an independent one (see selfcheck.py)."""

from __future__ import annotations

import re
from typing import Any

from arakit.compiler.pdf.tables import bands, confines, finder, selfcheck
from arakit.compiler.pdf.tables.glyphs import TextLine, page_lines, underscore_rules
from arakit.compiler.pdf.tables.grid import Grid, flat_header
from arakit.compiler.pdf.tables.linenos import drop_line_numbers
from arakit.compiler.pdf.tables.captions import TABLE_WORD, captions, segments
from arakit.compiler.pdf.tables.raw import RawTable
from arakit.compiler.pdf.tables.region import (
    Region,
    Rules,
    find_region,
    near_gutter,
    page_rules,
)
from arakit.compiler.pdf.tables.stacked import stacked_beyond
from arakit.compiler.pdf.tables.rotated import add_label_column, rotated_labels

__all__ = ["RawTable", "flat_header", "may_caption", "page_tables"]

STACKED_OK = (
    "{n} sub-tables stacked under one caption, each read and checked on its own; the header "
    "rows of the second and later ones are written as body rows, in reading order"
)
_MAY_CAPTION = re.compile(rf"(?m)^\s*(?:{TABLE_WORD})(?:\s+|(?<=\.))[0-9A-Z]")


def may_caption(text: str) -> bool:
    """Whether a page's text has a line starting "Table N" (else it has no captioned table)."""
    return bool(_MAY_CAPTION.search(text))


def page_tables(
    page: Any,
    pno: int,
    lines: list[TextLine] | None = None,
    rules: Rules | None = None,
    textpage: Any = None,
) -> list[RawTable]:
    """The captioned tables of one page (a page with no line starting "Table N" has none).
    `lines`, `rules` and `textpage` may be given when the caller has them already."""
    if lines is None and not may_caption(page.get_text("text", textpage=textpage)):
        return []
    rules = rules if rules is not None else page_rules(page)
    if lines is None:
        short = underscore_rules(rules.horizontal)
        lines = drop_line_numbers(page_lines(page, short_rules=short, textpage=textpage))
    caps, figures = captions(lines, page.rect.width, rules.icons, rules.horizontal)
    if not caps:
        return []
    sizes = sorted(w.size for ln in lines for w in ln.words)
    body = sizes[len(sizes) // 2] if sizes else 10.0
    extents = [(c.x0, c.y0, c.x1, c.y1) for c in caps] + [(f.x0, f.y0, f.x1, f.y1) for f in figures]

    def extents_but(cap: Any) -> list[tuple[float, float, float, float]]:
        return [e for e in extents if e != (cap.x0, cap.y0, cap.x1, cap.y1)]

    labelled = [((c.x0, c.y0, c.x1, c.y1), f"Table {c.number}") for c in caps]
    labelled += [((f.x0, f.y0, f.x1, f.y1), f.text) for f in figures]

    def others_of(cap: Any) -> list[tuple[tuple[float, float, float, float], str]]:
        return [(e, t) for e, t in labelled if e != (cap.x0, cap.y0, cap.x1, cap.y1)]

    sides: dict[int, tuple[Region | None, Region | None]] = {}
    for k, cap in enumerate(caps):
        others = extents_but(cap)
        sides[k] = (
            find_region(cap, lines, others, rules, page.rect.width, body, True, page.rect.height),
            find_region(cap, lines, others, rules, page.rect.width, body, False, page.rect.height),
        )
    chosen = _assign(sides)
    out = []
    for k, cap in enumerate(caps):
        region = chosen.get(k)
        if region is None:
            box = (cap.x0, cap.y0, cap.x1, cap.y1)
            failure = "no table-like lines next to its caption"
            out.append(RawTable(pno, box, cap.number, cap.text, failure=failure))
            continue
        grid, parts = _checked(page, region, lines, rules, textpage, body)
        bbox = region.bbox
        passed: list[str] = []
        pieces = [region]
        claimed = {
            id(w) for j, r in chosen.items() if j != k and r for ln in r.lines for w in ln.words
        }
        while len(pieces) < 4 and (
            more := stacked_beyond(pieces[-1], lines, extents_but(cap), rules, claimed)
        ):
            pieces.append(more)
        if len(pieces) > 1:  # sub-tables stacked under one caption, read one by one
            read = [(region, grid, parts)]
            read += [(p, *_checked(page, p, lines, rules, textpage, body)) for p in pieces[1:]]
            read.sort(key=lambda r: r[0].y0)
            grid = Grid(
                header=read[0][1].header,
                rows=[
                    row
                    for j, (_, g, _) in enumerate(read)
                    for row in (g.header if j else []) + g.rows
                ],
            )
            parts = [
                "; ".join(f"sub-table {j + 1}: {p[i]}" for j, (_, _, p) in enumerate(read) if p[i])
                or None
                for i in range(4)
            ]
            bbox = (
                min(p.x0 for p in pieces),
                min(p.y0 for p in pieces),
                max(p.x1 for p in pieces),
                max(p.y1 for p in pieces),
            )
            passed.append(STACKED_OK.format(n=len(pieces)))
        check = selfcheck.verdict(bands.METHOD, *parts)
        check.passed += passed if check.verdict == "exact" else []
        mid = near_gutter(cap, lines, page.rect.width)
        bounded = [
            confines.foreign_caption(bbox, others_of(cap)),
            confines.column_text([ln for p in pieces for ln in p.lines], mid, body),
            confines.foreign_subcaption(region),
        ]
        if any(bounded):
            check.failed += [b for b in bounded if b]
            check.verdict = "partial"
            check.passed = [p for p in check.passed if p not in passed]
        out.append(
            RawTable(
                pno,
                bbox,
                cap.number,
                cap.text,
                header=grid.header,
                rows=grid.rows,
                check=check,
            )
        )
    return out


def _checked(
    page: Any, region: Region, lines: list[TextLine], rules: Rules, textpage: Any, body: float
) -> tuple[Grid, list[str | None]]:
    """The grid of one region and what its self-checks found: digits, agreement, header
    and marks, text (None where a check passed). `lines` are the page's."""
    grid = bands.extract(region)
    box = (region.x0 - 2 * body, region.y0, region.x1, region.y1)
    labels = rotated_labels(page, box, textpage)
    if labels:
        grid = add_label_column(grid, labels, region.rules)
    problems = [grid.problem, selfcheck.check_bars(region.lines, rules.horizontal)]
    problems += [selfcheck.check_nested(region.lines), selfcheck.check_stray(region.lines)]
    problems.append(selfcheck.check_sunk(region.lines))
    problems.append(selfcheck.check_labels(grid))
    return grid, [
        selfcheck.check_digits(page, region.bbox, grid, textpage),
        selfcheck.check_agreement(grid, finder.extract(page, region, rules.drawings)),
        "; ".join(p for p in problems if p) or None,
        selfcheck.check_text(lines, region.bbox, grid, [label.text for label in labels]),
    ]


def _overlap(a: Region, b: Region) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def _assign(sides: dict[int, tuple[Region | None, Region | None]]) -> dict[int, Region | None]:
    """Each caption's table, no two captions sharing one: a caption with a table on one
    side only takes it first; a caption with tables on both sides takes the one no other
    caption took, else the side most captions of the page use, else the likelier one."""
    chosen: dict[int, Region | None] = {}
    for k, (below, above) in sides.items():
        if below is None or above is None:
            chosen[k] = below or above
    for k, (below, above) in sides.items():
        if k in chosen or below is None or above is None:
            continue
        labelled = [r for r in (below, above) if r.subcaption and not r.subcaption_beyond]
        if len(labelled) == 1 and (below.subcaption_beyond or above.subcaption_beyond):
            chosen[k] = labelled[0]  # its sub-caption between it and the caption, the other's
            continue  # beyond its rows: sub-tables of some other caption
        taken = [r for r in chosen.values() if r is not None]
        free = [r for r in (below, above) if not any(_overlap(r, t) for t in taken)]
        if len(free) == 1:
            chosen[k] = free[0]
            continue
        votes = [r.below for r in taken]
        if votes and votes.count(True) != votes.count(False):
            chosen[k] = below if votes.count(True) > votes.count(False) else above
        else:
            chosen[k] = _choose(below, above)
    return chosen


def _choose(below: Region | None, above: Region | None) -> Region | None:
    """The side of the caption that holds the table: the one whose lines look more like a
    table (several separated groups, rules); below on a tie, the commoner layout."""
    if below is None or above is None:
        return below or above

    def score(r: Region) -> float:
        multi = sum(1 for ln in r.lines if len(segments(ln, 1.0 * ln.size)) > 1)
        return multi + 2 * min(len(r.rules), 3)

    return below if score(below) >= score(above) else above
