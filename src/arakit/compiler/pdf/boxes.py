"""Boxes set beside the running text: a journal's "Significance Statement", a key-points
panel, a sidebar. They are recognised by layout, not by their words: a tinted rectangle
drawn behind a few lines of text, narrower than the page, with running text beside it on
the same band of the page. Their lines are set apart so that they do not interleave with
the paragraphs next to them."""

from __future__ import annotations

from typing import Any

from arakit.compiler.pdf.document import Line

Box = tuple[float, float, float, float]
_MIN_W, _MIN_H = 80.0, 40.0  # a box of text holds a few words across and a few lines down
_WHITE = 0.97  # a fill this light on every channel is the page's own white


def sidebar_boxes(page: Any, lines: list[Line]) -> list[Box]:
    """The boxes of sidebars on a page: filled areas narrower than 60% of the page that
    hold at least three lines of text, with at least three lines of other text beside them,
    and are tinted (not white)."""
    width = page.rect.width
    cands = []
    for kind, b in page.get_bboxlog():
        w, h = b[2] - b[0], b[3] - b[1]
        if kind == "fill-path" and _MIN_W <= w < 0.6 * width and h >= _MIN_H:
            cands.append((b[0], b[1], b[2], b[3]))
    out = []
    for box in cands:
        inside = [ln for ln in lines if within(ln, box)]
        beside = [
            ln
            for ln in lines
            if not within(ln, box)
            and ln.y0 < box[3]
            and ln.y1 > box[1]
            and (ln.x1 <= box[0] or ln.x0 >= box[2])
        ]
        if len(inside) >= 3 and len(beside) >= 3 and _tinted(page, box):
            out.append(box)
    return out


def within(ln: Line, box: Box) -> bool:
    """True when the line's centre lies in the box."""
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _tinted(page: Any, box: Box) -> bool:
    """True when the box's background is not white: the commonest colour of a coarse
    rendering of it (text is thin; the background fills most of the pixels)."""
    import pymupdf

    pix = page.get_pixmap(clip=pymupdf.Rect(*box), dpi=12, alpha=False)
    if pix.width * pix.height == 0 or pix.n < 3:
        return False
    data = pix.samples
    counts: dict[tuple[int, int, int], int] = {}
    for i in range(0, len(data) - 2, pix.n):
        key = (data[i], data[i + 1], data[i + 2])
        counts[key] = counts.get(key, 0) + 1
    r, g, b = max(counts, key=lambda k: counts[k])
    return min(r, g, b) < 255 * _WHITE
