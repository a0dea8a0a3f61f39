"""Pages with one table typeset the ways papers set them, written with PyMuPDF.

Booktabs (top, middle and bottom rules only), full grids, no rules at all; captions above or
below; header levels with spanning cells over partial rules; cells over several lines; bold
cells, superscript marks, minus signs; prose above and below, a figure with axis numbers,
two-column pages. The tests know every cell, so they can check what is read back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from arakit.compiler.pdf.tables import RawTable, page_tables

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
REGULAR, BOLD = FONT_DIR / "DejaVuSerif.ttf", FONT_DIR / "DejaVuSerif-Bold.ttf"
W, H, MARGIN = 612.0, 792.0, 72.0
SIZE, PITCH, PAD = 8.0, 12.0, 7.0
PROSE = (
    "The models were trained with the same budget and evaluated on the held-out split; the "
    "numbers reported below are means over three seeds with the standard deviation after the "
    "plus-minus sign, and the best value in each column is set in bold type."
)


@dataclass
class Cell:
    """One cell: its lines, bold or not, and a raised mark after it (a footnote dagger)."""

    text: str
    bold: bool = False
    mark: str = ""
    underscore_rule: bool = False  # draw `_` as a rule, the way TeX's \\_ is printed

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def cell(value: str | Cell) -> Cell:
    return value if isinstance(value, Cell) else Cell(value)


@dataclass
class Spec:
    """What to typeset: caption, header levels, body rows and the way it is ruled."""

    number: str
    caption: str
    header: list[list[str | Cell]]
    rows: list[list[str | Cell]]
    rules: str = "booktabs"  # booktabs | grid | none
    caption_below: bool = False
    column: str = "full"  # full | left | right (a two-column page)
    spans: list[tuple[int, int, int]] = field(default_factory=list)  # (level, first, last)
    prose_above: int = 3
    prose_below: int = 3
    figure_below: bool = False
    line_numbers: bool = False  # a review copy: counting integers in the margins by the prose
    prose_below_columns: int = 1  # 2: the text under a full-width table runs in two columns
    groups: list[int] | None = None  # a rule under these body rows (grid: only these)
    level_rules: bool = False  # booktabs: a full rule under every header level
    pad: float = PAD  # white space each side of a cell
    ieee: bool = False  # caption as IEEE sets it: "TABLE I" centred over its title in capitals
    # (column, first, last body row): the first row's cell set vertically centred over them
    multirow: list[tuple[int, int, int]] = field(default_factory=list)
    centred: list[int] = field(default_factory=list)  # body rows set centred across the table
    wide: list[int] = field(default_factory=list)  # body rows whose first cell runs on rightwards
    elsevier: bool = False  # caption as Elsevier sets it: bold "Table 1" over its plain title
    running_head: str = ""  # a short line centred on the page above the text (and the caption)
    # (first, last body row, text): a group label printed rotated left of those rows
    rotated: list[tuple[int, int, str]] = field(default_factory=list)
    wrap: bool = False  # set at the right of the text width, running text beside it (wraptable)
    corner: bool = False  # the header's first cell centred over all its levels (\\multirow)
    label: str = "Table"  # the caption's label word as the paper's language prints it
    doubled: list[int] = field(default_factory=list)  # grid: body rows with a doubled rule
    # under them, the vertical rules broken across it (TeX's \\hline\\hline)
    # how a spanning header cell (`spans`) is set: "" right in its first column over a rule
    # under its columns; "centre", "left" or "right" across its columns, no rule (multicolumn)
    span_align: str = ""
    # a second table set right under this one: a sub-table under the same caption, or
    # (when it has a caption) a table of its own captioned under it
    stacked: Spec | None = None
    head_rule: bool = False  # the running head flush left over a rule across the text (fancyhdr)
    even_rules: bool = False  # booktabs: top and bottom rules as thin as the rest (\\hline)


class Page:
    """A one-page PDF being written."""

    def __init__(self, line_numbers: bool = False) -> None:
        self.numbering = 1 if line_numbers else 0
        self.doc = pymupdf.open()
        self.page = self.doc.new_page(width=W, height=H)
        self.font = pymupdf.Font(fontfile=str(REGULAR))
        self.bold = pymupdf.Font(fontfile=str(BOLD))

    def width(self, text: str, bold: bool = False, size: float = SIZE) -> float:
        return (self.bold if bold else self.font).text_length(text, fontsize=size)

    def text(self, x: float, y: float, s: str, bold: bool = False, size: float = SIZE) -> None:
        name, path = ("djb", BOLD) if bold else ("dj", REGULAR)
        self.page.insert_text((x, y), s, fontname=name, fontfile=str(path), fontsize=size)

    def rule(self, x0: float, x1: float, y: float, width: float = 0.5) -> None:
        self.page.draw_line((x0, y), (x1, y), width=width)

    def prose(self, x0: float, x1: float, y: float, lines: int) -> float:
        words = (PROSE + " ") * 4
        k = 0
        for _ in range(lines):
            line = ""
            parts = words.split()
            while k < len(parts) and self.width(f"{line} {parts[k]}".strip(), size=9) < x1 - x0:
                line = f"{line} {parts[k]}".strip()
                k += 1
            y += 11.5
            self.text(x0, y, line, size=9)
            if self.numbering:
                label = str(self.numbering)
                at = 40 - self.width(label, size=7) if x0 < W / 2 else W - 40
                self.text(at, y, label, size=7)
                self.numbering += 1
        return y

    def save(self, path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.doc.save(str(path))
        self.doc.close()
        return path


def _cell_width(p: Page, c: Cell) -> float:
    return max(p.width(line, c.bold) for line in c.lines) + (
        p.width(c.mark, size=5) if c.mark else 0
    )


def _draw_cell(p: Page, c: Cell, x: float, y: float, right: float | None) -> None:
    for k, line in enumerate(c.lines):
        w = p.width(line, c.bold)
        at = (right - w - (p.width(c.mark, size=5) if c.mark else 0)) if right is not None else x
        base = y + k * PITCH
        if c.underscore_rule and "_" in line:
            cursor = at
            for j, piece in enumerate(line.split("_")):
                if j:
                    gap = p.width("_", c.bold)
                    p.rule(cursor + 0.5, cursor + gap - 0.5, base + 0.8, width=0.4)
                    cursor += gap
                p.text(cursor, base, piece, c.bold)
                cursor += p.width(piece, c.bold)
        else:
            p.text(at, base, line, c.bold)
        if c.mark and k == len(c.lines) - 1:
            p.text(at + w + 0.3, base - 3.2, c.mark, size=5)


def table_page(path: Path, spec: Spec) -> Path:
    """Write the page; the table's cells are exactly the spec's."""
    p = Page(spec.line_numbers)
    grid = [[cell(v) for v in row] for row in [*spec.header, *spec.rows]]
    ncol = max(len(r) for r in grid)
    widths = [0.0] * ncol
    starts = {(level, first) for level, first, _ in spec.spans} if spec.span_align else set()
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if not (c == 0 and r - len(spec.header) in spec.wide) and (r, c) not in starts:
                widths[c] = max(widths[c], _cell_width(p, v) + 2 * spec.pad)
    if spec.column == "full":
        left, right = MARGIN, W - MARGIN
    elif spec.column == "left":
        left, right = MARGIN, W / 2 - 9
    else:
        left, right = W / 2 + 9, W - MARGIN
    text_left = left
    if spec.wrap:  # the table keeps the right of the text width, the text flows at its left
        left = right - max(
            sum(widths), p.width(f"{spec.label} {spec.number}: {spec.caption}", size=9)
        )
    x0 = left + max(0.0, (right - left - sum(widths)) / 2)
    edges = [x0]
    for w in widths:
        edges.append(edges[-1] + w)
    y = MARGIN
    if spec.column != "full":  # the other column is running text all the way down
        other = (MARGIN, W / 2 - 9) if spec.column == "right" else (W / 2 + 9, W - MARGIN)
        p.prose(*other, MARGIN, 40)
    y = p.prose(text_left, right, y, spec.prose_above) + 16
    if spec.running_head and spec.head_rule:
        p.text(MARGIN, MARGIN - 4, spec.running_head, size=9)
        p.rule(MARGIN, W - MARGIN, MARGIN - 1.5, 0.4)
    elif spec.running_head:  # above the text of both columns
        p.text(
            W / 2 - p.width(spec.running_head, size=9) / 2, MARGIN - 8, spec.running_head, size=9
        )
    wrap_top = y

    def caption(y: float) -> float:
        if spec.ieee:
            centre = (edges[0] + edges[-1]) / 2
            for k, text in enumerate((f"TABLE {spec.number}", spec.caption.upper())):
                p.text(centre - p.width(text, size=9) / 2, y + 10 + 11 * k, text, size=9)
            return y + 27
        if spec.elsevier:
            p.text(left, y + 10, f"{spec.label} {spec.number}", bold=True, size=9)
            p.text(left, y + 21, spec.caption, size=9)
            return y + 27
        text = f"{spec.label} {spec.number}: {spec.caption}"
        p.text(left, y + 10, text, size=9)
        return y + 16

    if not spec.caption_below:
        y = caption(y)
    top = y
    outer = 0.5 if spec.even_rules else 0.8
    if spec.rules == "booktabs":
        p.rule(edges[0], edges[-1], y, outer)
    y += 3
    heights = [max(len(c.lines) for c in row) for row in grid]
    row_tops = []
    hidden = {(c, b) for c, first, last in spec.multirow for b in range(first, last + 1)}
    breaks: list[float] = []
    for r, row in enumerate(grid):
        row_tops.append(y)
        body_row = r - len(spec.header)
        if body_row in spec.centred:
            v = row[0]
            centre = (edges[0] + edges[-1]) / 2
            _draw_cell(p, v, centre - _cell_width(p, v) / 2, y + 9, None)
        for c, v in enumerate(row):
            if body_row in spec.centred or (c, body_row) in hidden or (spec.corner and c == r == 0):
                continue
            span = [s for s in spec.spans if s[0] == r and s[1] == c] if spec.span_align else []
            if span:  # set across its columns: centred on them, or flush left on the first
                v = cell(v)
                a, b = edges[span[0][1]], edges[span[0][2] + 1]
                at = {
                    "centre": (a + b - _cell_width(p, v)) / 2,
                    "right": b - spec.pad - _cell_width(p, v),
                }.get(spec.span_align, a + spec.pad)
                _draw_cell(p, v, at, y + 9, None)
                continue
            right_edge = edges[c + 1] - spec.pad if c > 0 else None
            _draw_cell(p, v, edges[c] + spec.pad, y + 9, right_edge)
        y += heights[r] * PITCH + 3
        if r - len(spec.header) in spec.doubled:
            p.rule(edges[0], edges[-1], y - 1)
            breaks.append(y - 1)
            y += 2.5
        if r == len(spec.header) - 1 and spec.rules == "booktabs":
            p.rule(edges[0], edges[-1], y - 1, 0.5)
            y += 2
        if r < len(spec.header) - 1:
            for level, first, last in spec.spans:
                if level == r and not spec.span_align:
                    p.rule(edges[first] + 3, edges[last + 1] - 3, y - 1, 0.4)
            if spec.level_rules:
                p.rule(edges[0], edges[-1], y - 1, 0.5)
        body_row = r - len(spec.header)
        if spec.rules == "grid" and (
            spec.groups is None or body_row < 0 or body_row in spec.groups
        ):
            p.rule(edges[0], edges[-1], y - 1)
        if spec.rules == "booktabs" and spec.groups and body_row in spec.groups:
            p.rule(edges[0] - (14 if spec.rotated else 0), edges[-1], y - 1, 0.4)
    if spec.corner:
        _draw_cell(
            p,
            grid[0][0],
            edges[0] + spec.pad,
            (row_tops[0] + row_tops[len(spec.header) - 1]) / 2 + 9,
            None,
        )
    for first, last, text in spec.rotated:  # read bottom to top, centred on its rows
        a, b = row_tops[len(spec.header) + first], row_tops[len(spec.header) + last] + PITCH
        mid = (a + b) / 2 + p.width(text) / 2
        p.page.insert_text(
            (edges[0] - 3, mid),
            text,
            fontname="dj",
            fontfile=str(REGULAR),
            fontsize=SIZE,
            rotate=90,
        )
    for c, first, last in spec.multirow:
        k = len(spec.header) + first
        v = grid[k][c]
        middle = (row_tops[k] + row_tops[len(spec.header) + last]) / 2 + 9
        right_edge = edges[c + 1] - spec.pad if c > 0 else None
        _draw_cell(p, v, edges[c] + spec.pad, middle, right_edge)
    bottom = y
    if spec.rules == "booktabs":
        p.rule(edges[0], edges[-1], bottom, outer)
    if spec.rules == "grid":
        p.rule(edges[0], edges[-1], top)
        for x in edges:  # drawn piece by piece where a doubled rule breaks them
            cuts = [(at, at + 2.5) for at in breaks]
            if x not in (edges[0], edges[-1]):  # left out beside a row set across (multicolumn)
                for b in spec.wide:
                    k = len(spec.header) + b
                    cuts.append((row_tops[k] - 1, [*row_tops, bottom][k + 1] - 1))
            ys = [top] + [v for cut in sorted(cuts) for v in cut] + [bottom - 1]
            for a, b in zip(ys[::2], ys[1::2], strict=True):
                p.page.draw_line((x, a), (x, b), width=0.5)
    if spec.stacked is not None:
        bottom = _sub_table(p, spec.stacked, left, right, bottom + 4)
        if spec.stacked.caption:  # the second table's own caption, set under it
            label = f"{spec.stacked.label} {spec.stacked.number}: {spec.stacked.caption}"
            p.text(left, bottom + 16, label, size=9)
            bottom += 16
    y = bottom + 6
    if spec.caption_below:
        y = caption(y)
    if spec.wrap:
        p.prose(text_left, left - 14, wrap_top - 2, int((y - wrap_top) / 11.5) + 1)
        left = text_left
    y += 14
    if spec.figure_below:
        box = pymupdf.Rect(left + 60, y + 10, right - 60, y + 130)
        p.page.draw_rect(box, width=0.8)
        for k, label in enumerate(("0", "20", "40", "60")):
            p.text(box.x0 - 3 - p.width(label, size=7), box.y1 - k * 38, label, size=7)
            p.text(box.x0 + k * (box.width / 3) - 3, box.y1 + 10, str(k * 100), size=7)
        p.page.draw_line(box.bl, box.tr, color=(0.8, 0.1, 0.1))
        y = box.y1 + 30
        p.text(left, y, "Figure 1: Accuracy over training steps for the three models.", size=9)
        y += 10
    if spec.prose_below_columns == 2:
        p.prose(left, (left + right) / 2 - 9, y, spec.prose_below)
        p.prose((left + right) / 2 + 9, right, y, spec.prose_below)
    else:
        p.prose(left, right, y, spec.prose_below)
    return p.save(path)


def _sub_table(p: Page, spec: Spec, left: float, right: float, y: float) -> float:
    """A second booktabs table right under the first (no caption of its own): its rules,
    header levels (spanning cells set as `span_align` says) and rows. Returns its bottom."""
    grid = [[cell(v) for v in row] for row in [*spec.header, *spec.rows]]
    ncol = max(len(r) for r in grid)
    widths = [0.0] * ncol
    starts = {(level, first) for level, first, _ in spec.spans}
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if (r, c) not in starts:  # a spanning cell is not its first column's width
                widths[c] = max(widths[c], _cell_width(p, v) + 2 * spec.pad)
    edges = [left + max(0.0, (right - left - sum(widths)) / 2)]
    for w in widths:
        edges.append(edges[-1] + w)
    p.rule(edges[0], edges[-1], y, 0.8)
    y += 3
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            span = [s for s in spec.spans if s[0] == r and s[1] == c]
            if span:
                a, b = edges[span[0][1]], edges[span[0][2] + 1]
                _draw_cell(p, v, (a + b - _cell_width(p, v)) / 2, y + 9, None)
                continue
            right_edge = edges[c + 1] - spec.pad if c > 0 else None
            _draw_cell(p, v, edges[c] + spec.pad, y + 9, right_edge)
        y += PITCH + 3
        if r == len(spec.header) - 1:
            p.rule(edges[0], edges[-1], y - 1, 0.5)
            y += 2
    p.rule(edges[0], edges[-1], y, 0.8)
    return y


def read_one(path: Path) -> RawTable:
    """The one table of the page whose cells were read (its caption found a table)."""
    doc = pymupdf.open(str(path))
    try:
        found = [t for k, page in enumerate(doc, start=1) for t in page_tables(page, k)]
    finally:
        doc.close()
    found = [t for t in found if t.check is not None]
    assert len(found) == 1, found
    return found[0]
