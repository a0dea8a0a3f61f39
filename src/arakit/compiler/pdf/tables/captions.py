"""Table captions on a page ("Table N", IEEE's "TABLE I" over its title, Elsevier's label
over its title) and figure captions, with the page's columns they are read within: the
gutter of a two-column page, a line's word groups."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from arakit.compiler.pdf.paragraphs import dehyphenate
from arakit.compiler.pdf.tables.glyphs import TextLine

# The one recogniser of caption labels, for every reader of a page (tables, figures, the
# document's structure): `Table 2:`, `TABLE IV` (IEEE, its title on the next line),
# `Figure 3.`, `Fig.3 |`, `Table A.1 —`, and numbers within a chapter (`Tab. 4.10:`, a
# thesis or a book).
# A caption's label word in the languages papers and theses are commonly written in
# ("Таблица 3:", "Tabelle 2.", "Abb. 4:", "Рис. 1:"), as printed or in capitals.
_TABLE_WORDS = (
    "Table",
    "Tab.",
    "Tabelle",
    "Tableau",
    "Tabla",
    "Cuadro",
    "Tabella",
    "Tabel",
    "Tabela",
    "Tabell",
    "Tabulka",
    "Taulukko",
    "Таблица",
    "Табл.",
    "Таблиця",
)
_FIGURE_WORDS = (
    "Figure",
    "Fig.",
    "Abbildung",
    "Abb.",
    "Figura",
    "Figuur",
    "Rysunek",
    "Rys.",
    "Obrázek",
    "Kuva",
    "Рисунок",
    "Рис.",
    "Малюнок",
)
TABLE_WORD = "|".join(re.escape(w) + "|" + re.escape(w.upper()) for w in _TABLE_WORDS)
FIGURE_WORD = "|".join(re.escape(w) + "|" + re.escape(w.upper()) for w in _FIGURE_WORDS)
_TABLE_KIND = re.compile(rf"^(?:{TABLE_WORD})$")
LABEL_RE = re.compile(
    rf"^(?P<kind>{TABLE_WORD}|{FIGURE_WORD})(?:\s+|(?<=\.))"
    r"(?P<number>[0-9]+(?:\.[0-9]+)?|[A-Z]\.?[0-9]+|[IVXL]+)\s*(?P<sep>[:|—–]|\.(?!\d)|$)"
)


@dataclass(frozen=True)
class Label:
    """A caption's label: `table` or `figure`, its number as printed, the separator after
    it (empty when the label ends the line) and the text after the separator."""

    kind: str
    number: str
    sep: str
    rest: str


def caption_label(text: str) -> Label | None:
    """The caption label a line starts with, or None. A figure's label needs its separator:
    a line that starts `Figure 3` and ends there continues a sentence (`… shown in` /
    `Figure 3`); a table's label may stand alone over its title (IEEE)."""
    m = LABEL_RE.match(text)
    if not m:
        return None
    kind = "table" if _TABLE_KIND.match(m.group("kind")) else "figure"
    if kind == "figure" and not m.group("sep"):
        return None
    return Label(kind, m.group("number"), m.group("sep"), text[m.end() :])


def table_label(text: str) -> Label | None:
    """The label of a table caption the line starts with (`Table 2:`, `TABLE IV`)."""
    label = caption_label(text)
    return label if label is not None and label.kind == "table" else None


def figure_label(text: str) -> Label | None:
    """The label of a figure caption the line starts with (`Figure 3.`, `Fig.3 |`)."""
    label = caption_label(text)
    return label if label is not None and label.kind == "figure" else None


# A label set in bold with no separator after it: its words alone, `Fig` written without
# its period as well (SPIE's "**Fig 1** Modeling flow ...").
_BOLD_LABEL_RE = re.compile(
    rf"^(?P<kind>{TABLE_WORD}|{FIGURE_WORD}|Fig|FIG)\s+(?P<number>[0-9]+(?:\.[0-9]+)?|[A-Z]\.?[0-9]+|[IVXL]+)$"
)


def bold_label(line: TextLine) -> Label | None:
    """The label of a caption whose bold label is followed by its plain title with no
    separator ("**Table 1** Comparison of ...", SPIE's journals): the label's two words are
    bold and the word after them is not. A sentence starting "Table 3 summarizes" has no
    bold label, and a bold heading ("**Table 3 Results**") no plain word after it."""
    ws = line.words
    if len(ws) < 3 or not (ws[0].bold and ws[1].bold) or ws[2].bold is not False:
        return None
    m = _BOLD_LABEL_RE.match(f"{ws[0].text} {ws[1].text}")
    if m is None:
        return None
    kind = "table" if _TABLE_KIND.match(m.group("kind")) else "figure"
    return Label(kind, m.group("number"), "", " " + " ".join(w.text for w in ws[2:]))


@dataclass
class Caption:
    """A "Table N" caption: number, its text, box, and the lines it takes."""

    number: str
    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float


def segments(line: TextLine, gap: float) -> list[TextLine]:
    """The line cut wherever two neighbouring words are more than `gap` apart."""
    out: list[TextLine] = []
    for w in line.words:
        if out and w.x0 - out[-1].words[-1].x1 <= gap:
            out[-1].words.append(w)
        else:
            out.append(TextLine([w]))
    return out


def within(line: TextLine, x0: float, x1: float) -> TextLine | None:
    """The words of the line whose centres lie in [x0, x1], or None."""
    words = [w for w in line.words if x0 <= w.cx <= x1]
    return TextLine(words) if words else None


def halves(line: TextLine, mid: float | None, keep_across: bool = False) -> list[TextLine]:
    """The line cut at the gutter of a two-column page (two captions can share a baseline).
    With `keep_across`, a line whose words run over the gutter at a word space (a caption
    set across the page) stays whole."""
    if mid is None:
        return [line]
    parts = [
        TextLine([w for w in line.words if w.cx < mid]),
        TextLine([w for w in line.words if w.cx >= mid]),
    ]
    if keep_across and all(p.words for p in parts):
        left, right = parts[0].words[-1], parts[1].words[0]
        if right.x0 - left.x1 < 0.8 * left.size:
            return [line]
    return [p for p in parts if p.words]


Box = tuple[float, float, float, float]


def captions(
    lines: list[TextLine],
    width: float = 0.0,
    icons: list[Box] | None = None,
    hrules: list[tuple[float, float, float]] | None = None,
) -> tuple[list[Caption], list[TextLine]]:
    """The table captions of a page, and the lines that are figure captions. `icons` are the
    boxes of small pictures set in the text (a logo before a name): a gap they fill is no
    gap between columns. `hrules` are the page's horizontal rules (x0, x1, y): a caption
    never runs on across one (the rule under a caption opens its table)."""
    found: list[Caption] = []
    figures: list[TextLine] = []
    used: set[int] = set()  # ids of the words taken by a caption's later lines
    mid = gutter(lines, width) if width else None
    for i, line in enumerate(lines):
        pieces = halves(line, mid, keep_across=True)
        for seg in (
            c for half in pieces for s in segments(half, 2.5 * half.size) for c in _side_by_side(s)
        ):
            text = seg.text
            bold = bold_label(seg)
            if figure_label(text) or (bold and bold.kind == "figure"):
                figures.append(seg)
            m = table_label(text) or (bold if bold and bold.kind == "table" else None)
            if not m or id(seg.words[0]) in used:
                continue
            rest = m.rest.strip()
            title = None if rest else _title_under(seg, lines, i, mid)
            if title is None:
                if not m.sep and not (seg.words[0].bold and not seg.words[-1].bold):
                    continue  # "Table 3 summarizes ..." is a sentence, not a caption
                if not rest:
                    continue  # "... in\nTable 3." ends a sentence
            parts = [rest] if rest else []
            box = [seg.x0, seg.y0, seg.x1, seg.y1]
            if title is not None:  # "TABLE I" over its title, both centred (IEEE)
                box = [min(seg.x0, title.x0), seg.y0, max(seg.x1, title.x1), seg.y1]
            prev = seg
            lo, hi = _window(seg, mid)
            for j in range(i + 1, min(i + 16, len(lines))):
                nxt = within(
                    lines[j], max(lo, box[0] - 2 * seg.size), min(hi, box[2] + 2 * seg.size)
                )
                if nxt is None:
                    continue
                if _slice_of_text(nxt, lines[j]):
                    break  # the window cuts a line of other text (text flowing beside it)
                if nxt.y0 - prev.y1 > 0.6 * seg.size or abs(nxt.size - seg.size) > 0.6:
                    break
                if _columns(nxt, icons or []) > 1 or table_label(nxt.text):
                    break
                if _ruled_between(prev, nxt, hrules or []):
                    break
                parts.append(nxt.text)
                box = [min(box[0], nxt.x0), box[1], max(box[2], nxt.x1), nxt.y1]
                used.update(id(w) for w in nxt.words)
                prev = nxt
            found.append(Caption(m.number, _join(parts), box[0], box[1], box[2], box[3], seg.size))
    return found, figures


_LABEL_RE = re.compile(rf"^(?:{TABLE_WORD}|{FIGURE_WORD})$")


def _window(seg: TextLine, mid: float | None) -> tuple[float, float]:
    """Where a caption's later lines may lie across the page: within its own column when it
    starts in one of two (the other column's text, a word space beyond the gutter, is no
    part of it); anywhere when it is set across the gutter or the page has one column."""
    if mid is not None and seg.x1 <= mid + 1:
        return float("-inf"), mid
    if mid is not None and seg.x0 >= mid - 1:
        return mid, float("inf")
    return float("-inf"), float("inf")


def _ruled_between(
    upper: TextLine, lower: TextLine, hrules: list[tuple[float, float, float]]
) -> bool:
    """A horizontal rule drawn between two lines, under both of them (a table's top rule
    between its caption and its header)."""
    x0, x1 = max(upper.x0, lower.x0), min(upper.x1, lower.x1)
    return any(
        upper.base - 1 < y < lower.y0 + 0.5 * lower.size and r0 < x1 and r1 > x0
        for r0, r1, y in hrules
    )


def _side_by_side(seg: TextLine) -> list[TextLine]:
    """A run of words cut where a second caption starts on the same baseline ("... domains
    Table 3: Classifier ..."): two captions set side by side, more than a word space apart."""
    out = [TextLine([seg.words[0]])]
    for k in range(1, len(seg.words)):
        w, prev = seg.words[k], seg.words[k - 1]
        nxt = seg.words[k + 1].text if k + 1 < len(seg.words) else ""
        starts = _LABEL_RE.match(w.text) and table_label(f"TABLE {nxt}")
        if starts and w.x0 - prev.x1 >= 1.0 * w.size:
            out.append(TextLine([w]))
        else:
            out[-1].words.append(w)
    return out


def _columns(line: TextLine, icons: list[Box]) -> int:
    """How many runs of words the line has, cut at gaps wider than 1.2 em that no small
    picture fills."""
    runs = 1
    for a, b in itertools.pairwise(line.words):
        if b.x0 - a.x1 <= 1.2 * line.size:
            continue
        filled = any(
            i[0] < b.x0 and i[2] > a.x1 and i[1] < line.y1 and i[3] > line.y0 for i in icons
        )
        runs += 0 if filled else 1
    return runs


def _slice_of_text(part: TextLine, line: TextLine) -> bool:
    """`part` is some of `line`'s words, and a word it leaves out is a word space away from
    it: the line runs on beyond the window (it is not a separate piece of text)."""
    rest = [w for w in line.words if w not in part.words]
    first, last = part.words[0], part.words[-1]
    return any(
        0 <= first.x0 - w.x1 < 0.6 * w.size or 0 <= w.x0 - last.x1 < 0.6 * w.size for w in rest
    )


def _title_under(
    seg: TextLine, lines: list[TextLine], i: int, mid: float | None
) -> TextLine | None:
    """The title line of a caption label set alone on its line ("TABLE I" centred over
    "COMPARISON OF METHODS", IEEE's style): the next line, close below, centred on the label
    and not a caption itself. A label ending a sentence ("in\nTable 3.") has none: it is
    followed by text set flush left, not centred on it."""
    if seg.words[-1].text.endswith("."):
        return None
    centre = (seg.x0 + seg.x1) / 2
    bold = all(w.bold for w in seg.words)
    for line in lines[i + 1 : i + 4]:
        for half in halves(line, mid):
            for s in segments(half, 2.5 * half.size):
                if s.y0 - seg.y1 > 0.8 * seg.size:
                    return None
                if s.y0 < seg.y1 - 1 or table_label(s.text):
                    continue
                if (
                    abs((s.x0 + s.x1) / 2 - centre) <= 1.5 * seg.size
                    and s.x1 - s.x0 > seg.x1 - seg.x0
                ):
                    return s
                if bold and abs(s.x0 - seg.x0) <= 1.0 and not all(w.bold for w in s.words):
                    return s  # a bold label over its plain title, both flush left (Elsevier)
    return None


def _join(parts: list[str]) -> str:
    return dehyphenate(parts).lstrip(":.|—– ")


def gutter(lines: list[TextLine], width: float) -> float | None:
    """The x of the white stripe between two columns of text, when the page has one: a
    position in the middle fifth of the page that few lines cross, with lines of text
    ending just left of it and starting just right of it. A stripe that no word crosses
    at all needs full lines on one side only: the other column may hold a figure, whose
    axis labels are no lines of text."""
    if len(lines) < 10:
        return None
    lo, hi = int(0.4 * width), int(0.6 * width)
    counts = [0] * (hi - lo + 1)
    for line in lines:
        for w in line.words:
            for x in range(max(lo, int(w.x0)), min(hi, int(w.x1)) + 1):
                counts[x - lo] += 1
    best = min(range(len(counts)), key=lambda k: (counts[k], abs(lo + k - width / 2)))
    if counts[best] > 0.25 * len(lines):
        return None
    mid = float(lo + best)
    left = right = 0
    for line in lines:
        if any(w.x0 < mid < w.x1 for w in line.words):
            continue  # a word across the middle: one line across the page
        lw = [w for w in line.words if w.x1 <= mid]
        rw = [w for w in line.words if w.x0 >= mid]
        if lw and rw and rw[0].x0 - lw[-1].x1 < 8:
            continue  # a word space at the middle: one line across the page
        if lw and mid - lw[-1].x1 < 30 and lw[-1].x1 - lw[0].x0 > 0.3 * width:
            left += 1
        if rw and rw[0].x0 - mid < 30 and rw[-1].x1 - rw[0].x0 > 0.3 * width:
            right += 1
    if left >= 3 and right >= 3:
        return mid
    if counts[best] == 0 and max(left, right) >= 8:
        return mid
    # columns of indented text (a list set in both columns) keep away from the gutter:
    # lines wholly on either side of a stripe almost nothing crosses
    sides = [0, 0]
    for line in lines:
        if line.x1 - line.x0 > 0.25 * width and (line.x1 <= mid or line.x0 >= mid):
            sides[line.x0 >= mid] += 1
    return mid if counts[best] <= 0.05 * len(lines) and min(sides) >= 3 else None
