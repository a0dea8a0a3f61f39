"""Diacritics printed as glyphs of their own, put back on their letters.

TeX sets an accent over a letter (\\"o) as a spacing accent glyph overlapping it, and a mark
under a letter (\\d{e}, \\c{s}, \\b{n}) as a period, comma or bar lowered under it: the text
layer then reads "Sch¨on" or "e." where "Schön" and "ẹ" are printed. A mark is put on its
letter by position only: it must overlap the letter, and a mark below must sit below the
baseline. A lowered period or comma that overlaps no letter is stray: the cell text cannot
say where it is printed (the self-check then fails).
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from arakit.compiler.pdf.tables.glyphs import Glyph

# spacing accents and the combining marks they print over a letter
ABOVE = {
    "¨": "\u0308",
    "´": "\u0301",
    "`": "\u0300",
    "ˆ": "\u0302",
    "^": "\u0302",
    "˜": "\u0303",
    "~": "\u0303",
    "¸": "\u0327",
    "ˇ": "\u030c",
    "˘": "\u0306",
    "˙": "\u0307",
    "˚": "\u030a",
    "¯": "\u0304",
    "˝": "\u030b",
}
# glyphs that, lowered under a letter, are a mark below it: dot, comma, macron below
BELOW = {".": "\u0323", ",": "\u0326", "_": "\u0331", "¯": "\u0331", "ˍ": "\u0331"}
LOWERED = 0.12  # a mark whose baseline lies this share of its size under its neighbour's


def lowered(g: Glyph, beside: Glyph | None) -> bool:
    """A full-size glyph set below the baseline of the glyph beside it (a subscript is not:
    it is small and marked as a script)."""
    if beside is None or g.shift or beside.shift:
        return False
    return g.oy - beside.oy > LOWERED * g.size


def _over(mark: Glyph, letter: Glyph | None) -> bool:
    """The mark's middle lies within the letter's width."""
    if letter is None or not letter.text.isalpha():
        return False
    middle = (mark.x0 + mark.x1) / 2
    return letter.x0 - 0.05 * letter.size <= middle <= letter.x1 + 0.05 * letter.size


def marks_below(glyphs: list[Glyph]) -> list[Glyph]:
    """A line's glyphs with each lowered period, comma or bar under a letter joined to that
    letter as its combining mark (below the previous letter, else the next); the blank TeX
    sets after such a mark to make up the letter's width goes with it. A lowered period or
    comma under no letter is marked `stray`."""
    out: list[Glyph] = []
    k = 0
    while k < len(glyphs):
        g = glyphs[k]
        mark = BELOW.get(g.text)
        if mark is None:
            out.append(g)
            k += 1
            continue
        prev = next((o for o in reversed(out) if o.text.strip()), None)
        nxt = next((o for o in glyphs[k + 1 :] if o.text.strip()), None)
        if prev is not None and _over(g, prev) and lowered(g, prev):
            prev.text = unicodedata.normalize("NFC", prev.text + mark)
            k += 1
            blank = glyphs[k] if k < len(glyphs) else None
            if blank is not None and not blank.text.strip() and blank.x1 <= prev.x1 + 0.5:
                k += 1  # the kern back to the letter's width, not a word space
            continue
        if nxt is not None and _over(g, nxt) and lowered(g, nxt):
            nxt.text = unicodedata.normalize("NFC", nxt.text + mark)
            k += 1
            continue
        sides = [o for o in (prev, nxt) if o is not None]
        g.stray = g.text in ".," and bool(sides) and all(lowered(g, o) for o in sides)
        out.append(g)
        k += 1
    return out


def accents(glyphs: list[Glyph]) -> list[Glyph]:
    """A spacing accent printed over the next or previous letter (TeX's \\"o) is composed
    with it: Schön, not Sch¨on."""
    out: list[Glyph] = []
    k = 0
    while k < len(glyphs):
        g = glyphs[k]
        mark = ABOVE.get(g.text)
        if mark is not None and not g.shift:
            nxt = glyphs[k + 1] if k + 1 < len(glyphs) else None
            prev = out[-1] if out else None
            if nxt is not None and nxt.text.isalpha() and nxt.x0 < g.x1 - 0.3:
                nxt.text = unicodedata.normalize("NFC", nxt.text + mark)
                k += 1
                continue
            if prev is not None and prev.text.isalpha() and g.x0 < prev.x1 - 0.3:
                prev.text = unicodedata.normalize("NFC", prev.text + mark)
                k += 1
                continue
        out.append(g)
        k += 1
    return out
