"""Where a table is: the region tied to a "Table N" caption, above or below it, in its column
or across the page, bounded by rules, other captions, prose and figures."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from arakit.compiler.pdf.tables.captions import Caption, gutter, halves, segments, within
from arakit.compiler.pdf.tables.glyphs import TextLine, Word

_WORDY_RE = re.compile(r"[A-Za-z]{3,}")
# a sub-caption's label: "(a) Results on ...", "(ii) Stemmed", "a) ..." (subcaption, subfig)
_SUBCAPTION_RE = re.compile(r"^\(?(?:[a-h]|i{1,3}|iv|v|vi{1,3})\)\s*[A-Za-z]")
MARGIN = 0.06  # share of the page height where running heads and page numbers sit
NEAR = 200.0  # points above and below a caption where its page's columns are looked for


@dataclass
class Rules:
    """The straight rules drawn on a page: horizontal (x0, x1, y) and vertical (x, y0, y1)."""

    horizontal: list[tuple[float, float, float]] = field(default_factory=list)
    vertical: list[tuple[float, float, float]] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # images
    icons: list[tuple[float, float, float, float]] = field(default_factory=list)  # small images
    thickness: dict[int, float] = field(default_factory=dict)  # round(y) → horizontal rule
    drawings: list[Any] = field(default_factory=list)  # the page's paths, as PyMuPDF gives them

    def heavy(
        self, rule: tuple[float, float, float], among: list[tuple[float, float, float]]
    ) -> bool:
        """A rule drawn clearly thicker than the thinnest of `among` (booktabs draws its
        top and bottom rules heavier than the rule under the header)."""
        light = min((self.thickness.get(round(r[2]), 0.0) for r in among), default=0.0)
        own = self.thickness.get(round(rule[2]), 0.0)
        return light > 0 and own >= 1.4 * light and own >= 0.6


def page_rules(page: Any) -> Rules:
    """Rules from the page's drawings (lines, thin rectangles, rectangle edges) and the boxes
    of its images."""
    out = Rules(drawings=page.get_drawings())
    for d in out.drawings:
        for item in d.get("items", []):
            kind = item[0]
            if kind == "l":
                p, q = item[1], item[2]
                if abs(p.y - q.y) < 0.6 and abs(p.x - q.x) > 1.0:
                    out.horizontal.append((min(p.x, q.x), max(p.x, q.x), (p.y + q.y) / 2))
                    out.thickness[round((p.y + q.y) / 2)] = float(d.get("width") or 0.0)
                elif abs(p.x - q.x) < 0.6 and abs(p.y - q.y) > 1.0:
                    out.vertical.append(((p.x + q.x) / 2, min(p.y, q.y), max(p.y, q.y)))
            elif kind == "re":
                r = item[1]
                if r.height < 1.6 and r.width > 1.0:
                    out.horizontal.append((r.x0, r.x1, (r.y0 + r.y1) / 2))
                    out.thickness[round((r.y0 + r.y1) / 2)] = max(r.height, 0.1)
                elif r.width < 1.6 and r.height > 1.0:
                    out.vertical.append(((r.x0 + r.x1) / 2, r.y0, r.y1))
                elif d.get("type") in ("s", "fs") and not d.get("fill"):
                    out.horizontal += [(r.x0, r.x1, r.y0), (r.x0, r.x1, r.y1)]
                    out.vertical += [(r.x0, r.y0, r.y1), (r.x1, r.y0, r.y1)]
    out.horizontal = _merge(out.horizontal)
    # a vertical rule breaks across a doubled horizontal rule (\\hline\\hline): still one rule
    out.vertical = [(x, a, b) for a, b, x in _merge([(a, b, x) for x, a, b in out.vertical], 3.0)]
    try:
        infos = page.get_image_info()
    except Exception:  # an image PyMuPDF cannot describe is no table boundary we can use
        infos = []
    for info in infos:
        x0, y0, x1, y1 = info.get("bbox", (0, 0, 0, 0))
        if x1 - x0 > 20 and y1 - y0 > 20:
            out.boxes.append((x0, y0, x1, y1))
        elif x1 > x0 and y1 > y0:
            out.icons.append((x0, y0, x1, y1))
    return out


def _merge(
    rules: list[tuple[float, float, float]], reach: float = 1.5
) -> list[tuple[float, float, float]]:
    """Collinear pieces (a, b, at) that touch (less than `reach` apart) become one rule (TeX
    draws a ruled column row by row). Pieces apart along their line stay apart, even when
    the farther one sorts first (two tables side by side, their rules half a point apart)."""
    out: list[tuple[float, float, float]] = []
    for a, b, at in sorted(rules, key=lambda r: (round(r[2]), r[0])):
        if (
            out
            and abs(out[-1][2] - at) < 0.8
            and a <= out[-1][1] + reach
            and b >= out[-1][0] - reach
        ):
            pa, pb, pat = out[-1]
            out[-1] = (min(pa, a), max(pb, b), pat)
        else:
            out.append((a, b, at))
    return out


@dataclass
class Region:
    """The lines and rules of one table, with its caption and box."""

    caption: Caption
    lines: list[TextLine]
    rules: list[tuple[float, float, float]]
    vrules: list[tuple[float, float, float]]
    x0: float
    x1: float
    y0: float
    y1: float
    below: bool  # the table is below its caption
    weights: dict[int, float] = field(default_factory=dict)  # round(y) → a rule's thickness
    # the sub-caption set between the caption and the rows ("(b) Results on ..."), and
    # whether one is set right beyond the rows (they are sub-tables of some caption)
    subcaption: list[TextLine] = field(default_factory=list)
    subcaption_beyond: list[TextLine] = field(default_factory=list)

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return (self.x0, self.y0, self.x1, self.y1)


def column_span(cap: Caption, lines: list[TextLine], width: float) -> tuple[float, float]:
    """The horizontal span a table may take: the caption's column on a two-column page
    (when the caption sits in one column), else the whole text width."""
    xs0 = [ln.x0 for ln in lines]
    xs1 = [ln.x1 for ln in lines]
    lo = min([*xs0, cap.x0]) - 2
    hi = max([*xs1, cap.x1]) + 2
    mid = caption_gutter(cap, lines, width)
    if mid is not None and cap.x1 < mid + 2:
        return lo, mid
    if mid is not None and cap.x0 > mid - 2:
        return mid, hi
    return _beside_text(cap, lines, lo, hi)


def _beside_text(cap: Caption, lines: list[TextLine], lo: float, hi: float) -> tuple[float, float]:
    """The span left to a table whose caption has running text beside it on its own baseline
    (a table set in a box the text flows around, LaTeX's `wraptable`): from that text's edge
    (and no more than two lines' height beyond the caption's) to the far margin."""
    gap = 0.5 * cap.size
    for ln in lines:
        if not (ln.y0 < cap.y1 and cap.y0 < ln.y1):
            continue
        near = 6 * cap.size  # text set close beside it, not a column beyond a gutter
        left = [w for w in ln.words if cap.x0 - near < w.x1 < cap.x0 - gap]
        right = [w for w in ln.words if cap.x1 + gap < w.x0 < cap.x1 + near]
        left = [w for w in ln.words if w.x1 < cap.x0 - gap] if left else []
        right = [w for w in ln.words if w.x0 > cap.x1 + gap] if right else []
        if len(_WORDY_RE.findall(" ".join(w.text for w in left))) >= 3:
            lo = max(lo, max(w.x1 for w in left) + 1, cap.x0 - 4 * gap)
        if len(_WORDY_RE.findall(" ".join(w.text for w in right))) >= 3:
            hi = min(hi, min(w.x0 for w in right) - 1, cap.x1 + 4 * gap)
    return lo, hi


def near_gutter(cap: Caption, lines: list[TextLine], width: float) -> float | None:
    """The gutter of the columns around a caption: found among the lines near it first (a
    full-width table elsewhere on the page crosses the gutter), else on the whole page."""
    near = [ln for ln in lines if cap.y0 - NEAR <= ln.y0 and ln.y1 <= cap.y1 + NEAR]
    return gutter(near, width) or gutter(lines, width)


def caption_gutter(cap: Caption, lines: list[TextLine], width: float) -> float | None:
    """The gutter of the column the caption sits in; None when the caption is set across the
    page (a table or text right beside it runs across the gutter)."""
    mid = near_gutter(cap, lines, width)
    if mid is None:
        return None
    beside = [
        ln
        for ln in lines
        if cap.y0 - 4 * cap.size <= ln.y1
        and ln.y0 <= cap.y1 + 4 * cap.size
        and not (ln.y0 >= cap.y0 - 1 and ln.y1 <= cap.y1 + 1)
    ]
    for ln in beside:
        segs = segments(ln, ln.size)
        if len(segs) == 1 and _running_head(segs[0], width):
            continue
        if any(s.x0 < mid - 1 < mid + 1 < s.x1 for s in segs):
            return None  # a table or text right beside the caption runs across the gutter
    return mid


def _running_head(line: TextLine, width: float) -> bool:
    """A short line alone, centred on the page (a running head, a journal's banner): it
    crosses the gutter without setting anything across the page."""
    return (
        line.x1 - line.x0 < 0.5 * width and abs((line.x0 + line.x1) / 2 - width / 2) < 0.03 * width
    )


def _two_columns_of_prose(
    line: TextLine, x0: float, x1: float, mid: float | None, body: float
) -> bool:
    """A line across the gutter whose halves are each a line of running text (two-column
    prose below a full-width caption, not a table row)."""
    if mid is None or not x0 < mid < x1:
        return False
    parts = halves(line, mid)
    return len(parts) == 2 and _prose(parts[0], x0, mid, body) and _prose(parts[1], mid, x1, body)


def _prose(line: TextLine, x0: float, x1: float, body: float) -> bool:
    """A line of running text: one stretch of words from the left edge across most of the
    span, set at body size."""
    segs = segments(line, 1.2 * line.size)
    if len(segs) != 1 or line.size < 0.9 * body:
        return False
    if len(segments(line, 1.0 * line.size)) >= 3:
        return False  # two gaps of an em: columns set at the default \tabcolsep, not prose
    if 2 * sum(1 for w in line.words if _WORDY_RE.search(w.text)) < len(line.words):
        return False  # mostly figures: a dense row of numbers, not running text
    if (line.x1 - line.x0) > 0.85 * (x1 - x0):
        return True  # a full line of text across the column
    words = len(_WORDY_RE.findall(line.text))
    return (line.x1 - line.x0) > 0.7 * (x1 - x0) and line.x0 < x0 + 3 * line.size and words >= 4


def find_region(
    cap: Caption,
    lines: list[TextLine],
    others: list[tuple[float, float, float, float]],
    rules: Any,
    width: float,
    body: float,
    below: bool,
    height: float,
) -> Region | None:
    """Walk from the caption away in one direction collecting table lines; None when the
    first thing there is not table-like. `others` are the boxes of the other captions
    (table and figure) on the page."""
    x0, x1 = column_span(cap, lines, width)
    for o in others:  # a caption set beside this one on its baseline: the tables share the width
        if o[1] < cap.y1 and cap.y0 < o[3]:
            if o[0] >= cap.x1:
                x1 = min(x1, (cap.x1 + o[0]) / 2)
            elif o[2] <= cap.x0:
                x0 = max(x0, (o[2] + cap.x0) / 2)
    mid = near_gutter(cap, lines, width)
    margin = MARGIN * height
    lo_cap, hi_cap = (cap.y1 - 1, height) if below else (0.0, cap.y0 + 1)
    inside = [ln for line in lines if (ln := within(line, x0, x1)) is not None]
    if below:
        seq = sorted((ln for ln in inside if ln.y0 >= cap.y1 - 1), key=lambda ln: ln.y0)
    else:
        seq = sorted((ln for ln in inside if ln.y1 <= cap.y0 + 1), key=lambda ln: -ln.y1)
    hrules = [r for r in rules.horizontal if r[1] > x0 and r[0] < x1 and r[1] - r[0] > 12]
    wide = [r for r in hrules if r[1] - r[0] >= 0.5 * (x1 - x0)]
    near = cap.y1 if below else cap.y0
    head = ruled_head(lines, rules.horizontal, height)
    if head is not None:
        margin = max(margin, head + 0.5)
    taken: list[TextLine] = []
    edge = near
    first_rule: tuple[float, float, float] | None = None
    gaps: list[float] = []
    skip: list[TextLine] = []  # the lines of a sub-caption passed over
    beyond: list[TextLine] = []
    for i, ln in enumerate(seq):
        if ln.y0 < margin or ln.y1 > height - margin:
            break  # running heads, page numbers
        if ln in skip:
            continue
        gap = (ln.y0 - edge) if below else (edge - ln.y1)
        run = subcaption_run(seq, i, below)
        if run and taken:
            beyond = run
            break  # a sub-caption closes this sub-table
        if run and not skip and gap <= 2.5 * max(ln.size, cap.size):
            skip = run  # the sub-caption between the caption and its sub-table
            edge = run[-1].y1 if below else run[-1].y0
            continue
        lo, hi = (edge, ln.y0) if below else (ln.y1, edge)
        crossed = [r for r in hrules if lo - 1 <= r[2] <= hi + 1]
        bridge = [
            r
            for r in hrules
            if lo - 1 <= r[2] <= hi + 1
            and _aligned(r, first_rule, ln.size)
            and _opens(r[2], ln, edge, below, bool(taken))
        ]
        size = max(ln.size, cap.size) if not taken else ln.size
        limit = (2.5 if not taken else 1.5) * size
        if len(gaps) >= 2 and not bridge:  # much wider than the gaps between its rows
            limit = min(limit, max(3 * statistics.median(gaps), 0.8 * size))
        if gap > (2 * limit if bridge else limit):
            break
        if any(
            o[1] <= max(hi, ln.y1) + 1 and o[3] >= min(lo, ln.y0) - 1 and o[0] < x1 and o[2] > x0
            for o in others
        ):
            break  # another caption (table or figure) in the way
        if any(in_box(ln, b) for b in rules.boxes):
            break
        if taken and any(rules.heavy(r, wide) for r in crossed if r in wide):
            break  # booktabs' heavy top or bottom rule closes the table on this side
        if taken and not bridge and any(_closes(r, taken, edge, ln, below) for r in crossed):
            break  # a rule drawn tight on the table's edge, clear of the line beyond
        if taken and _outside_frame(ln, taken, rules.vertical):
            break
        if _two_columns_of_prose(ln, x0, x1, mid, body):
            break
        if _prose(ln, x0, x1, body) and not (taken and _between_rules(ln, hrules, taken)):
            break
        if not taken and len(segments(ln, 1.0 * ln.size)) < 2 and not bridge:
            return None  # prose or a lone label right at the caption: no table this side
        if bridge and first_rule is None:
            first_rule = bridge[0]
        if taken and not bridge:
            gaps.append(max(gap, 0.0))
        taken.append(ln)
        edge = ln.y1 if below else ln.y0
    if not taken:
        return None
    region = closed_region(cap, taken, hrules, rules, below, (lo_cap, hi_cap))
    region.subcaption, region.subcaption_beyond = skip, beyond
    return region


def subcaption_run(seq: list[TextLine], i: int, below: bool) -> list[TextLine]:
    """The lines of a sub-caption starting at seq[i] in walking order ("(a) Results on
    ...", perhaps wrapped over a few lines; walking up, its last line comes first): one run
    of words each, close together, the first in reading order labelled "(a)". Empty when
    seq[i] starts none."""
    run: list[TextLine] = []
    for ln in seq[i : i + 3]:
        if len(segments(ln, 1.0 * ln.size)) != 1 or not _WORDY_RE.search(ln.text):
            break
        if run:
            gap = (ln.y0 - run[-1].y1) if below else (run[-1].y0 - ln.y1)
            if gap > 0.6 * ln.size or abs(ln.size - run[-1].size) > 0.6:
                break
        run.append(ln)
        if below:
            return run if _SUBCAPTION_RE.match(run[0].text) else []
        if _SUBCAPTION_RE.match(ln.text):
            return run
    return []


def closed_region(
    cap: Caption,
    taken: list[TextLine],
    hrules: list[tuple[float, float, float]],
    rules: Rules,
    below: bool,
    bounds: tuple[float, float],
) -> Region:
    """The region of the lines taken, with the rules just beyond their text (booktabs' top
    and bottom rules) and the vertical rules crossing it; no rule outside `bounds` (y)."""
    lo_cap, hi_cap = bounds
    top = min(ln.y0 for ln in taken)
    bottom = max(ln.y1 for ln in taken)
    # the closing rules just beyond the text (booktabs' top and bottom rules)
    reach = 1.0 * max(ln.size for ln in taken)
    inner = [
        r
        for r in hrules
        if top - reach <= r[2] <= bottom + reach and r[2] > lo_cap and r[2] < hi_cap
    ]
    ys = [top, bottom] + [r[2] for r in inner]
    y0, y1 = min(ys), max(ys)
    xs = [w.x0 for ln in taken for w in ln.words] + [r[0] for r in inner]
    xe = [w.x1 for ln in taken for w in ln.words] + [r[1] for r in inner]
    left, right = min(xs), max(xe)
    vr = [
        v
        for v in rules.vertical
        if left - 2 <= v[0] <= right + 2 and v[2] > y0 + 1 and v[1] < y1 - 1
    ]
    taken.sort(key=lambda ln: ln.base)
    weights = {round(r[2]): rules.thickness.get(round(r[2]), 0.0) for r in inner}
    return Region(cap, taken, inner, vr, left, right, y0, y1, below, weights)


def ruled_head(
    lines: list[TextLine], horizontal: list[tuple[float, float, float]], height: float
) -> float | None:
    """The y of the rule under a running head set over a rule (fancyhdr's head rule, as
    theses and books set it): the page's top line, in its top eighth, with a rule as wide
    as half the text right under it, no rule over it and at most three runs of words (left,
    middle, right). None when the page has no such head."""
    if not lines:
        return None
    top = min(lines, key=lambda ln: ln.y0)
    if top.y1 > height / 8 or len(segments(top, 1.0 * top.size)) > 3:
        return None  # a head is set at the left, middle or right, not in many columns
    if any(
        top.x0 - 1 < r[1] and r[0] < top.x1 + 1 and 0 <= top.y0 - r[2] <= 1.5 * top.size
        for r in horizontal
    ):
        return None  # a rule over it: a table's top rule over its header, not a head
    left, right = min(ln.x0 for ln in lines), max(ln.x1 for ln in lines)
    for x0, x1, y in horizontal:
        wide = x1 - x0 >= 0.5 * (right - left)
        if (
            wide
            and 0 <= y - top.y1 <= 0.6 * top.size
            and not any(ln is not top and ln.y0 < y for ln in lines)
        ):
            return y
    return None


def _opens(y: float, ln: TextLine, edge: float, below: bool, inside: bool) -> bool:
    """A rule that belongs with the line beyond it (a top rule or a middle rule), not one
    that closes the table behind it (a bottom rule, followed by a float's gap)."""
    to_new = (ln.y0 - y) if below else (y - ln.y1)
    to_old = (y - edge) if below else (edge - y)
    if to_new > 0.8 * ln.size:
        return False
    return not inside or to_new <= 1.5 * max(to_old, 0.0) + 2.0


def _closes(
    r: tuple[float, float, float],
    taken: list[TextLine],
    edge: float,
    ln: TextLine,
    below: bool,
) -> bool:
    """A rule across the lines taken, drawn tight on their edge and well clear of the next
    line beyond: the table's top (or bottom) rule, with the text beyond it outside the table
    (a rule between two rows lies between them, not against one of them)."""
    left, right = min(t.x0 for t in taken), max(t.x1 for t in taken)
    if r[0] > left + ln.size or r[1] < right - ln.size:
        return False
    to_old = (r[2] - edge) if below else (edge - r[2])
    to_new = (ln.y0 - r[2]) if below else (r[2] - ln.y1)
    return to_old <= 0.3 * ln.size and to_new > 0.8 * ln.size


def _aligned(
    r: tuple[float, float, float], first: tuple[float, float, float] | None, size: float
) -> bool:
    """A rule that lines up with the table's first rule (a figure frame below does not)."""
    if first is None:
        return True
    return abs(r[0] - first[0]) <= 1.5 * size or abs(r[1] - first[1]) <= 1.5 * size


def _outside_frame(
    ln: TextLine, taken: list[TextLine], vertical: list[tuple[float, float, float]]
) -> bool:
    """A boxed table ends where its vertical rules end."""
    top, bottom = min(t.y0 for t in taken), max(t.y1 for t in taken)
    left, right = min(t.x0 for t in taken), max(t.x1 for t in taken)
    frame = [v for v in vertical if v[1] <= top + 1 and v[2] >= bottom - 1 and v[2] - v[1] > 8]
    size = max(t.size for t in taken)
    if not (
        any(abs(v[0] - left) < 1.5 * size for v in frame)
        and any(abs(v[0] - right) < 1.5 * size for v in frame)
    ):
        return False  # rules between columns only, no box around the table
    y0, y1 = min(v[1] for v in frame), max(v[2] for v in frame)
    cy = (ln.y0 + ln.y1) / 2
    return cy < y0 - 1 or cy > y1 + 1


def _between_rules(
    ln: TextLine, hrules: list[tuple[float, float, float]], taken: list[TextLine]
) -> bool:
    above = any(r[2] < ln.y0 and r[0] <= ln.x0 + 2 for r in hrules)
    below = any(r[2] > ln.y1 and r[0] <= ln.x0 + 2 for r in hrules)
    return above and below


def in_box(ln: TextLine, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def words_in(region: Region) -> list[Word]:
    """Every word of the region."""
    return [w for ln in region.lines for w in ln.words]
