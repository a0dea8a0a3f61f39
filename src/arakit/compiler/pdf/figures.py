"""What can be read off a figure without digitising it: the tick labels and titles of its
axes and the other words printed in it (legend entries, data labels). A figure is never
read as a table; a figure without numbered axes (a diagram, a photograph) yields nothing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from arakit.compiler.pdf.tables.glyphs import TextLine, Word, page_lines
from arakit.compiler.pdf.tables.linenos import drop_line_numbers
from arakit.compiler.pdf.tables.captions import figure_label

_NUMBER_RE = re.compile(r"^[−\-+]?(\d[\d,]*(\.\d+)?|\.\d+)([%×]|[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)?$")
_NEAR = 60.0  # points between a caption and the artwork it labels


@dataclass
class FigureReading:
    """The labels printed in one figure: axis ticks and titles, and other words."""

    number: str
    page: int
    bbox: tuple[float, float, float, float]
    x_ticks: list[str] = field(default_factory=list)
    y_ticks: list[str] = field(default_factory=list)
    x_title: str = ""
    y_title: str = ""
    labels: list[str] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        """Both axes carry numbers (a plot, not a diagram)."""
        return len(self.x_ticks) >= 2 and len(self.y_ticks) >= 2

    @property
    def axes(self) -> str:
        """`x: Parameters, ticks 10⁵ … 10⁶; y: Accuracy (%), ticks 0 … 100`."""
        parts = []
        for name, title, ticks in (
            ("x", self.x_title, self.x_ticks),
            ("y", self.y_title, self.y_ticks),
        ):
            what = title or "(untitled)"
            parts.append(
                f"{name}: {what}, ticks {ticks[0]} … {ticks[-1]}" if ticks else f"{name}: {what}"
            )
        return "; ".join(parts)


def page_figures(
    page: Any, pno: int, lines: list[TextLine] | None = None, textpage: Any = None
) -> list[FigureReading]:
    """The labels of every captioned figure on the page (`lines` and `textpage` may be given
    when the caller has them already)."""
    lines = lines if lines is not None else drop_line_numbers(page_lines(page, textpage=textpage))
    caps = [(ln, m) for ln in lines if (m := figure_label(ln.text))]
    if not caps:
        return []
    art = _artwork(page)
    out = []
    for line, m in caps:
        box = _art_for(line, art)
        if box is None:
            continue
        if box[3] <= line.y0:  # art above: nothing from the caption down is in the figure
            box = (box[0], box[1], box[2], line.y0 - 25)
        else:
            box = (box[0], line.y1 + 10, box[2], box[3])
        out.append(_read(m.number, pno, box, lines, _vertical_text(page, box, textpage)))
    return out


Box = tuple[float, float, float, float]


def _artwork(page: Any) -> list[Box]:
    """Boxes of what is drawn or embedded on the page (paths and images, not text and not
    thin rules), from MuPDF's own log of the page's drawing operations (cheap even for
    plots of tens of thousands of marks)."""
    out = []
    for kind, (x0, y0, x1, y1) in page.get_bboxlog():
        if ("path" in kind or "image" in kind or "shade" in kind) and x1 - x0 > 4 and y1 - y0 > 4:
            out.append((x0, y0, x1, y1))
    return out


def _art_for(cap: TextLine, art: list[Box]) -> Box | None:
    """The artwork right above the caption (else right below it): the marks nearest to it
    that overlap it across, grown through every mark that touches them."""
    above = _grow(cap, [b for b in art if b[3] <= cap.y0 + 2], up=True)
    if above is not None:
        return above
    return _grow(cap, [b for b in art if b[1] >= cap.y1 - 2], up=False)


def _grow(cap: TextLine, boxes: list[Box], up: bool) -> Box | None:
    boxes = [b for b in boxes if b[0] < cap.x1 + 60 and b[2] > cap.x0 - 60]
    boxes.sort(key=lambda b: -b[3] if up else b[1])
    region: list[float] | None = None
    for b in boxes:
        if region is None:
            gap = cap.y0 - b[3] if up else b[1] - cap.y1
            if gap > _NEAR:
                return None
            region = list(b)
            continue
        if (b[3] < region[1] - 6) if up else (b[1] > region[3] + 6):
            break
        if b[0] <= region[2] + 6 and b[2] >= region[0] - 6:
            region = [
                min(region[0], b[0]),
                min(region[1], b[1]),
                max(region[2], b[2]),
                max(region[3], b[3]),
            ]
    if region is None or region[2] - region[0] < 40 or region[3] - region[1] < 30:
        return None
    return (region[0], region[1], region[2], region[3])


def _vertical_text(page: Any, box: Box, textpage: Any = None) -> list[str]:
    """Rotated lines in and beside the box (y-axis titles are set sideways)."""
    import pymupdf

    clip = pymupdf.Rect(box[0] - 30, box[1] - 5, box[2] + 5, box[3] + 5)
    out = []
    for block in page.get_text("dict", clip=clip, textpage=textpage).get("blocks", []):
        for line in block.get("lines", []):
            _, dy = line.get("dir", (1.0, 0.0))
            if abs(dy) > 0.9:
                text = "".join(s.get("text", "") for s in line.get("spans", [])).strip()
                if text:
                    out.append(text)
    return out


def _read(
    number: str,
    pno: int,
    box: tuple[float, float, float, float],
    lines: list[TextLine],
    vertical: list[str],
) -> FigureReading:
    x0, y0, x1, y1 = box
    words = [
        w
        for ln in lines
        for w in ln.words
        if x0 - 35 <= w.cx <= x1 + 10
        and y0 - 10 <= (w.y0 + w.y1) / 2 <= y1 + 25
        and not figure_label(ln.text)
    ]
    numbers = [w for w in words if _NUMBER_RE.match(w.text)]
    x_ticks = _row_of_numbers(numbers)
    y_ticks = _column_of_numbers([w for w in numbers if w not in x_ticks])
    used = {id(w) for w in x_ticks + y_ticks}
    below = [
        w for w in words if x_ticks and w.y0 > max(t.y1 for t in x_ticks) - 1 and id(w) not in used
    ]
    x_title = " ".join(w.text for w in sorted(below, key=lambda w: (round(w.base), w.x0)))
    used |= {id(w) for w in below}
    return FigureReading(
        number,
        pno,
        box,
        x_ticks=[w.text for w in x_ticks],
        y_ticks=[w.text for w in y_ticks],
        x_title=x_title,
        y_title=vertical[0] if vertical else "",
        labels=[w.text for w in words if id(w) not in used],
    )


def _row_of_numbers(numbers: list[Word]) -> list[Word]:
    """The longest run of numbers on one baseline, lowest first on a tie, left to right."""
    rows: dict[int, list[Word]] = {}
    for w in numbers:
        rows.setdefault(round(w.base), []).append(w)
    best = max(rows.values(), key=lambda r: (len(r), r[0].base), default=[])
    return sorted(best, key=lambda w: w.x0) if len(best) >= 2 else []


def _column_of_numbers(numbers: list[Word]) -> list[Word]:
    """The longest set of numbers sharing a right edge (a y-axis), top to bottom."""
    cols: dict[int, list[Word]] = {}
    for w in numbers:
        cols.setdefault(round(w.x1 / 2), []).append(w)
    best = max(cols.values(), key=len, default=[])
    return sorted(best, key=lambda w: w.y0) if len(best) >= 2 else []
