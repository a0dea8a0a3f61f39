"""Group labels printed rotated beside the rows they name (`\\rotatebox{90}{forget set 3%}`
set over a `\\multirow`): read bottom to top, written in the first row they name, in a
column of their own at the left of the table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from arakit.compiler.pdf.chars import glyph_text
from arakit.compiler.pdf.tables.grid import Grid


@dataclass
class Label:
    """A rotated run of text and its box."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def rotated_labels(
    page: Any, bbox: tuple[float, float, float, float], textpage: Any = None
) -> list[Label]:
    """The runs of text printed bottom to top that lie wholly in `bbox`."""
    import pymupdf

    out: list[Label] = []
    data = page.get_text("rawdict", clip=pymupdf.Rect(*bbox), flags=0, textpage=textpage)
    for block in data.get("blocks", []):
        for line in block.get("lines", []):
            dx, dy = line.get("dir", (1.0, 0.0))
            if abs(dx) > 0.05 or dy > -0.95:
                continue
            text = "".join(
                glyph_text(ch.get("c", ""), span.get("font", ""))
                for span in line.get("spans", [])
                for ch in span.get("chars", [])
            )
            x0, y0, x1, y1 = line["bbox"]
            inside = (
                x0 >= bbox[0] - 1 and x1 <= bbox[2] + 1 and y0 >= bbox[1] - 1 and y1 <= bbox[3] + 1
            )
            if text.strip() and inside:
                out.append(Label(" ".join(text.split()), x0, y0, x1, y1))
    return out


UNPLACED = "text printed rotated in the table ({text!r}) is in no cell"


def add_label_column(
    grid: Grid, labels: list[Label], rules: list[tuple[float, float, float]]
) -> Grid:
    """The grid with the rotated labels set just left of its first column as a column of
    their own: each label in the first body row of the group it is set beside (the rows
    between the rules around the label's middle that reach under it; without such rules, the
    rows along its height). Rotated text placed nowhere (column labels printed upwards in the
    header) is reported as the grid's problem: the cells are not all the table prints."""
    mids: list[float | None] = []
    lefts: list[float] = []
    for row in grid.words:
        words = [w for cell in row for w in cell]
        mids.append(sum((w.y0 + w.y1) / 2 for w in words) / len(words) if words else None)
        lefts += [w.x0 for w in row[0]] if row else []
    left = min(lefts, default=0.0)
    placed: dict[int, str] = {}
    lost: list[str] = []
    for lab in sorted(labels, key=lambda lab: lab.y0):
        if lab.x0 >= left - 1:
            lost.append(lab.text)  # printed among the columns (a label printed upwards)
            continue
        if lab.x1 < left - 3 * (lab.x1 - lab.x0):
            continue  # not beside the first column: no text of this table
        mid = (lab.y0 + lab.y1) / 2
        under = [r[2] for r in rules if r[0] <= lab.x1]  # a rule across the label's column
        top = max((y for y in under if y < mid), default=lab.y0 - 2)
        bottom = min((y for y in under if y > mid), default=lab.y1 + 2)
        rows = [k for k, m in enumerate(mids) if m is not None and top <= m <= bottom]
        if rows and rows[0] not in placed:
            placed[rows[0]] = lab.text
        else:
            lost.append(lab.text)
    problems = [grid.problem] if grid.problem else []
    if lost:
        problems.append(UNPLACED.format(text=lost[0]))
    if not placed:
        return Grid(grid.header, grid.rows, grid.words, "; ".join(problems) or None)
    return Grid(
        header=[["", *row] for row in grid.header],
        rows=[[placed.get(k, ""), *row] for k, row in enumerate(grid.rows)],
        words=[[[], *row] for row in grid.words],
        problem="; ".join(problems) or None,
    )
