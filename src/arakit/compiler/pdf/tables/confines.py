"""What a table's box never holds: another caption (the box reached into a neighbouring
float) or a line of running text of one column of a two-column page (the box reached across
the gutter into the text beside the table). Either makes the table partial, whatever its
other checks found: a box drawn wrong makes every cell suspect."""

from __future__ import annotations

import re

from arakit.compiler.pdf.tables.captions import segments
from arakit.compiler.pdf.tables.glyphs import TextLine
from arakit.compiler.pdf.tables.region import Region

Box = tuple[float, float, float, float]
_WORDY_RE = re.compile(r"[A-Za-z]{3,}")


def foreign_caption(bbox: Box, others: list[tuple[Box, str]]) -> str | None:
    """The first of the other captions (box, text) whose box's centre lies inside the
    table's box, or None."""
    x0, y0, x1, y1 = bbox
    for (a0, b0, a1, b1), text in others:
        cx, cy = (a0 + a1) / 2, (b0 + b1) / 2
        if x0 < cx < x1 and y0 < cy < y1:
            return f"the table's box holds another caption ({text[:40]!r})"
    return None


def column_text(lines: list[TextLine], gutter: float | None, body: float) -> str | None:
    """A line of the table that is running text of one column: the table runs across the
    gutter of a two-column page, and the line lies wholly on one side of it, set at the
    body text's size (larger than the table's own lines) as one run of four words or more."""
    if gutter is None or not lines:
        return None
    if not min(ln.x0 for ln in lines) < gutter < max(ln.x1 for ln in lines):
        return None
    rows = [ln for ln in lines if len(segments(ln, 1.0 * ln.size)) > 1] or lines
    sizes = sorted(ln.size for ln in rows)
    own = sizes[len(sizes) // 2]  # the size of the table's rows
    for ln in lines:
        if not (ln.x1 <= gutter or ln.x0 >= gutter):
            continue
        if ln.size < 0.95 * body or ln.size < own + 0.8:
            continue
        if len(segments(ln, 1.0 * ln.size)) == 1 and len(_WORDY_RE.findall(ln.text)) >= 4:
            return f"running text of one column lies in the table's box ({ln.text[:40]!r})"
    return None


def foreign_subcaption(region: Region) -> str | None:
    """The rows end at a sub-caption ("(a) Results on ...") on their side away from the
    caption, with none between them and the caption: they carry a sub-caption of their own,
    so they may be a sub-table of another caption."""
    if not region.subcaption_beyond or region.subcaption:
        return None
    text = " ".join(ln.text for ln in region.subcaption_beyond)
    return f"the rows end at a sub-caption of their own ({text[:40]!r}), away from this caption"
