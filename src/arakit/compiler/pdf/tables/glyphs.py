"""Words of a PDF page built from its glyphs: baselines, super- and subscripts, bold, drawn
underscores, clean Unicode. Table methods read words from here rather than from PyMuPDF's
own word list, which splits numbers at some glyphs and loses scripts and fonts."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from arakit.compiler.pdf.chars import dotted, glyph_text, math_italic_g, script
from arakit.compiler.pdf.tables.marks import accents, marks_below
from arakit.compiler.pdf.tables.scripts import stacked_in_order

_BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|cmbx|cmb\d|-bd|\.b$", re.IGNORECASE)
WORD_GAP = 0.15  # a gap wider than this share of the font size separates two words
SCRIPT_SIZE = 0.85  # glyphs smaller than this share of the line's size may be scripts


@dataclass
class Printed:
    """Text printed at one place: box, baseline and font size."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    base: float
    size: float


@dataclass
class Glyph(Printed):
    """One printed character, bold or not, raised, lowered or on the baseline."""

    bold: bool
    shift: int = 0  # +1 raised, -1 lowered, 0 on the baseline
    oy: float = 0.0  # the glyph's own baseline (under its span's for TeX's \\d{e} dot)
    stray: bool = False  # a period or comma lowered under no letter (marks.py)


@dataclass
class Word(Printed):
    """A word as printed (scripts written out), and whether every letter and digit of it is
    bold (None for a word of marks only)."""

    bold: bool | None
    nested: bool = False  # a script set within a script (A_{D_r}): the text cannot show it
    stray: bool = False  # a period or comma lowered under no letter: the text cannot place it
    sunk: str = ""  # a symbol set below the word's baseline at full size (M⊙ for M_⊙)

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass
class TextLine:
    """Words sharing one baseline, left to right."""

    words: list[Word] = field(default_factory=list)

    def box(self) -> tuple[float, float, float, float]:
        """(x0, y0, x1, y1) around every word."""
        ws = self.words
        return (
            min(w.x0 for w in ws),
            min(w.y0 for w in ws),
            max(w.x1 for w in ws),
            max(w.y1 for w in ws),
        )

    x0 = property(lambda self: self.box()[0])
    y0 = property(lambda self: self.box()[1])
    x1 = property(lambda self: self.box()[2])
    y1 = property(lambda self: self.box()[3])

    @property
    def base(self) -> float:
        return max(self.words, key=lambda w: len(w.text)).base

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def _units(page: Any, clip: Any, textpage: Any = None) -> list[list[Glyph]]:
    """PyMuPDF's horizontal lines as lists of glyphs, with scripts marked in each."""
    units: list[list[Glyph]] = []
    data = page.get_text("rawdict", clip=clip, flags=0, textpage=textpage)
    for block in data.get("blocks", []):
        for line in block.get("lines", []):
            dx, dy = line.get("dir", (1.0, 0.0))
            if abs(dy) > 0.05 or dx < 0:  # rotated text (axis labels, margin stamps)
                continue
            glyphs = []
            spans = line.get("spans", [])
            line_text = "".join(c.get("c", "") for s in spans for c in s.get("chars", []))
            for span in spans:
                font = span.get("font", "")
                bold = bool(_BOLD_FONT_RE.search(font)) or bool(span.get("flags", 0) & 16)
                size = float(span.get("size", 0.0))
                base = float(span.get("origin", (0.0, 0.0))[1])
                for ch in span.get("chars", []):
                    text = math_italic_g(glyph_text(ch.get("c", ""), font), font, line_text)
                    if not text:
                        continue
                    x0, y0, x1, y1 = ch["bbox"]
                    oy = float(ch.get("origin", (0.0, base))[1])
                    # a span's origin is its first glyph's: after a symbol TeX sets on a
                    # baseline of its own (the radical of "√·"), the rest sit on theirs
                    own = oy if abs(oy - base) > 0.3 * size else base
                    glyphs.append(Glyph(text, x0, y0, x1, y1, own, size, bold, oy=oy))
            for unit in _by_baseline(glyphs):
                if any(g.text.strip() for g in unit):
                    _mark_scripts(unit)
                    units.append(unit)
    return units


def _by_baseline(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """A PyMuPDF line cut where it holds text on several baselines (a column of small
    numbers can come as one line): full-size glyphs by baseline, small ones with the
    nearest baseline, or apart when none is near."""
    ink = [g for g in glyphs if g.text.strip()]
    if not ink:
        return []
    size = max(g.size for g in ink)
    bases: list[float] = []
    for g in ink:
        if g.size >= SCRIPT_SIZE * size and all(abs(g.base - b) > 0.3 * size for b in bases):
            bases.append(g.base)
    if len(bases) <= 1:
        return [glyphs]
    groups: dict[float, list[Glyph]] = {}
    for g in glyphs:
        near = min(bases, key=lambda b: abs(g.base - b))
        key = near if abs(g.base - near) <= 0.6 * size else g.base
        groups.setdefault(key, []).append(g)
    return list(groups.values())


def _mark_scripts(glyphs: list[Glyph]) -> None:
    sizes = [g.size for g in glyphs if g.text.strip()]
    main = max(sizes)
    bases = [g.base for g in glyphs if g.text.strip() and g.size >= SCRIPT_SIZE * main]
    base = max(set(bases), key=bases.count) if bases else glyphs[0].base
    for g in glyphs:
        if g.size < SCRIPT_SIZE * main:
            if g.base < base - 0.12 * main:
                g.shift = 1
            elif g.base > base + 0.06 * main:
                g.shift = -1
        g.base = base if g.shift else g.base


def _join_units(units: list[list[Glyph]]) -> list[list[Glyph]]:
    """Units printed on one baseline become one line; a unit made only of small glyphs beside
    a line (a script PyMuPDF split off) joins that line as raised or lowered text."""
    big = [u for u in units if max(g.size for g in u) >= 4.5]
    big.sort(key=lambda u: max(g.size for g in u), reverse=True)
    lines: list[list[Glyph]] = []
    kept: list[tuple[float, float]] = []  # each line's (base, size), renewed as it grows
    for unit in big:
        size = max(g.size for g in unit)
        base = _base(unit)
        near = [i for i, (lb, ls) in enumerate(kept) if abs(lb - base) < 0.3 * min(size, ls)]
        home = min(near, key=lambda i: abs(kept[i][0] - base)) if near else None
        if home is None:
            for i, line in enumerate(lines):
                lbase, lsize = kept[i]
                offset = abs(base - lbase)
                scripted = size < SCRIPT_SIZE * lsize and 0.08 * lsize < offset < 0.6 * lsize
                if scripted and _beside(unit, line, lsize):
                    shift = 1 if base < lbase else -1
                    for g in unit:
                        g.shift, g.base = shift, lbase
                    home = i
                    break
        if home is None:
            lines.append(list(unit))
            kept.append((base, size))
        else:
            _insert(lines[home], unit)
            kept[home] = (_base(lines[home]), _size(lines[home]))
    return _tall_glyphs_joined(lines)


def _tall_glyphs_joined(lines: list[list[Glyph]]) -> list[list[Glyph]]:
    """A few glyphs on a baseline of their own whose height spans a whole line beside them
    (a radical, a big bracket or operator that TeX sets on its own axis) join that line."""
    boxes = {id(ln): _box(ln) for ln in lines}
    out = list(lines)
    for tall in sorted(lines, key=len):
        ink = [g for g in tall if g.text.strip()]
        if not ink or len(ink) > 6:
            continue
        tx0, ty0, tx1, ty1 = _box(ink)
        for line in out:
            if line is tall or len(line) <= len(tall):
                continue
            lx0, ly0, lx1, ly1 = boxes[id(line)]
            size = _size(line)
            inside = ty0 <= ly0 + 0.5 and ty1 >= ly1 - 0.5
            reach = lx0 - 3 * size <= tx0 and tx1 <= lx1 + 3 * size
            if not inside:
                inside = _raised_symbol(ink, line, size)
            if inside and reach and not any(g.x0 < tx1 - 0.3 and tx0 + 0.3 < g.x1 for g in line):
                base = _base(line)
                for g in tall:
                    g.base = base
                _insert(line, tall)
                out.remove(tall)
                break
    return out


def _raised_symbol(ink: list[Glyph], line: list[Glyph], size: float) -> bool:
    """One or two full-size symbols (no letter or digit) set on a baseline of their own
    that overlap the line's glyphs in height and touch one of them (the radical of "√·",
    which TeX hangs from a higher baseline): part of that line, not a line of their own."""
    if len(ink) > 2 or any(ch.isalnum() for g in ink for ch in g.text):
        return False
    if any(g.size < SCRIPT_SIZE * size for g in ink):
        return False
    offset = abs(_base(ink) - _base(line))
    if not 0.3 * size <= offset <= 0.9 * size:
        return False
    tx0, ty0, tx1, ty1 = _box(ink)
    return any(
        ty0 < g.y1 - 0.2 * size
        and g.y0 + 0.2 * size < ty1
        and min(abs(g.x0 - tx1), abs(tx0 - g.x1)) < 0.4 * size
        for g in line
        if g.text.strip()
    )


def _box(glyphs: list[Glyph]) -> tuple[float, float, float, float]:
    return (
        min(g.x0 for g in glyphs),
        min(g.y0 for g in glyphs),
        max(g.x1 for g in glyphs),
        max(g.y1 for g in glyphs),
    )


def _insert(line: list[Glyph], unit: list[Glyph]) -> None:
    """Put a unit into a line where it starts; each keeps its own glyph order (a ligature's
    box may start after the next letter's, so glyphs are never re-sorted one by one)."""
    x = unit[0].x0
    k = next((i for i, g in enumerate(line) if g.x0 > x + 0.1), len(line))
    line[k:k] = unit


def _size(glyphs: list[Glyph]) -> float:
    return max(g.size for g in glyphs)


def _base(glyphs: list[Glyph]) -> float:
    bases = [g.base for g in glyphs if not g.shift and g.text.strip()] or [glyphs[0].base]
    counts = Counter(bases)
    return max(set(bases), key=counts.__getitem__)


def _beside(unit: list[Glyph], line: list[Glyph], size: float) -> bool:
    ux0, ux1 = min(g.x0 for g in unit), max(g.x1 for g in unit)
    uy0, uy1 = min(g.y0 for g in unit), max(g.y1 for g in unit)
    ly0, ly1 = min(g.y0 for g in line), max(g.y1 for g in line)
    if uy1 < ly0 - 0.2 * size or uy0 > ly1 + 0.2 * size:
        return False
    return any(abs(ux0 - g.x1) < 0.4 * size or abs(g.x0 - ux1) < 0.4 * size for g in line)


def _words(glyphs: list[Glyph], underscores: list[tuple[float, float, float]]) -> list[Word]:
    words: list[Word] = []
    cur: list[Glyph] = []

    parts: list[list[Glyph]] = []

    def flush() -> None:
        if cur:
            words.append(_word(cur))
            parts.append(list(cur))
            cur.clear()

    prev: Glyph | None = None
    for k, g in enumerate(glyphs):
        if not g.text.strip():
            nxt = glyphs[k + 1] if k + 1 < len(glyphs) else None
            if prev is not None and nxt is not None and _underscore(prev, nxt, underscores):
                prev = Glyph("_", g.x0, g.y0, g.x1, g.y1, g.base, g.size, prev.bold)
                cur.append(prev)
                continue
            flush()
            prev = None
            continue
        if prev is not None:
            gap = g.x0 - prev.x1
            size = max(prev.size, g.size) if not (prev.shift or g.shift) else min(prev.size, g.size)
            if gap > WORD_GAP * size:
                rule = _underscore(prev, g, underscores)
                if rule is not None:
                    cur.append(
                        Glyph(
                            "_",
                            rule[0],
                            g.y0,
                            rule[1],
                            g.y1,
                            g.base,
                            g.size,
                            prev.bold and g.bold,
                        )
                    )
                else:
                    flush()
        cur.append(g)
        prev = g
    flush()
    return _small_caps_run(words, parts)


def _small_caps_run(words: list[Word], parts: list[list[Glyph]]) -> list[Word]:
    """Words of capitals all at the small-capital size of a word space-joined neighbour
    set in small capitals ("Ours (CIRCLES MASK)" where "Ours" prints "O" large and "URS"
    small) are its lower-case words too: one run of words set in small capitals."""
    sizes: list[float | None] = []  # the small-capital size a word shows, if any
    for gs in parts:
        letters = [g for g in gs if not g.shift and g.text.isalpha()]
        full = max((g.size for g in letters), default=0.0)
        lowered = [g.size for g in letters if g.text.islower() and g.size <= 0.9 * full]
        sizes.append(min(lowered) if lowered else None)
    for order in (range(len(words)), range(len(words) - 1, -1, -1)):
        for k in order:
            if sizes[k] is not None:
                continue
            letters = [g for g in parts[k] if not g.shift and g.text.isalpha()]
            if not letters or not all(g.text.isupper() for g in letters):
                continue
            for j in (k - 1, k + 1):
                if not 0 <= j < len(words) or sizes[j] is None:
                    continue
                a, b = sorted((words[j], words[k]), key=lambda w: w.x0)
                near = b.x0 - a.x1 < 0.45 * max(a.size, b.size)
                small = sizes[j] or 0.0
                if near and all(abs(g.size - small) <= 0.03 * small for g in letters):
                    words[k].text = words[k].text.lower()
                    sizes[k] = small
                    break
    return words


def _underscore(
    a: Glyph, b: Glyph, rules: list[tuple[float, float, float]]
) -> tuple[float, float, float] | None:
    """A short rule drawn in the gap between two glyphs on their baseline: TeX's `\\_`."""
    for x0, x1, y in rules:
        if (
            x0 >= a.x1 - 1.5
            and x1 <= b.x0 + 1.5
            and a.base - 0.1 * a.size <= y <= a.base + 0.4 * a.size
        ):
            return (x0, x1, y)
    return None


def small_caps(glyphs: list[Glyph]) -> list[Glyph]:
    """A word set in small capitals made by scaling (Times has none: `\\textsc{Methods}`
    prints "M" at the font's size and "ETHODS" smaller on the same baseline) reads as it is
    set: the smaller capitals are its lower-case letters ("Methods"). A word all of one
    size keeps its capitals: nothing printed shows its case."""
    letters = [g for g in glyphs if not g.shift and g.text.isalpha()]
    if len(letters) < 2 or not all(g.text.isupper() for g in letters):
        return glyphs
    full = max(g.size for g in letters)
    small = [g for g in letters if 0.6 * full <= g.size <= 0.9 * full]
    if not small or len(small) + sum(1 for g in letters if g.size > 0.97 * full) < len(letters):
        return glyphs
    if letters[0] in small:
        return glyphs  # a small capital first: not a capital word set in small caps
    for g in small:
        g.text = g.text.lower()
    return glyphs


def _word(glyphs: list[Glyph]) -> Word:
    glyphs = small_caps(accents(glyphs))
    text = ""
    nested = False
    k = 0
    while k < len(glyphs):
        g = glyphs[k]
        if g.shift:
            run = [g]
            while k + 1 < len(glyphs) and glyphs[k + 1].shift == g.shift:
                k += 1
                run.append(glyphs[k])
            text += script("".join(r.text for r in run), raised=g.shift > 0)
            ink = [r for r in run if r.text.strip()]
            sizes = [r.size for r in ink]
            nested = nested or (bool(ink) and max(sizes) > 1.15 * min(sizes))
        else:
            text += g.text
        k += 1
    marks = [g.bold for g in glyphs if any(ch.isalnum() for ch in g.text)]
    main = [g for g in glyphs if not g.shift] or glyphs
    bases = [g.base for g in main if g.text.strip()] or [main[0].base]
    common = max(set(bases), key=bases.count)
    sunk = next(
        (
            g.text
            for g in main
            if g.text.strip() and not g.text.isalnum() and g.base - common > 0.1 * g.size
        ),
        "",
    )
    return Word(
        text=unicodedata.normalize("NFC", dotted(text)),
        x0=min(g.x0 for g in glyphs),
        y0=min(g.y0 for g in main),
        x1=max(g.x1 for g in glyphs),
        y1=max(g.y1 for g in main),
        base=main[0].base,
        size=max(g.size for g in main),
        bold=all(marks) if marks else None,
        nested=nested,
        stray=any(g.stray for g in glyphs),
        sunk=sunk,
    )


def underscore_rules(rules: list[tuple[float, float, float]]) -> list[tuple[float, float, float]]:
    """The short horizontal rules (x0, x1, y) that may be drawn underscores."""
    return [r for r in rules if 1.5 <= r[1] - r[0] <= 9.0]


def page_lines(
    page: Any,
    clip: Any = None,
    short_rules: list[tuple[float, float, float]] | None = None,
    textpage: Any = None,
) -> list[TextLine]:
    """Every horizontal text line of the page (or of `clip`), top to bottom."""
    lines = []
    for glyphs in _join_units(_units(page, clip, textpage)):
        words = _words(marks_below(stacked_in_order(glyphs)), short_rules or [])
        if words:
            lines.append(TextLine(words))
    lines.sort(key=lambda ln: (round(ln.base, 1), ln.x0))
    return lines
