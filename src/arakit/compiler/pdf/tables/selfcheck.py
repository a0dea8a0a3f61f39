"""Whether a table's cells can be called exact: two checks that do not depend on the main
method's own logic.

1. Digits: every run of digits printed in the table's box (as PyMuPDF's own word extraction
   reads it) is in exactly one cell, and no cell holds a digit run that is not printed.
2. Agreement: the independent method (finder.py) never joins words that the main method
   keeps apart in the body (no two cells in one of its cells, no two rows in one of its
   rows, no word left out but the last words of a cell its table stops short of, a word
   space from a word it placed), and cuts a main cell in two only at a word space; its finer
   cuts (a cell over two lines, "98.96 %") are allowed, its cuts of header text are not
   compared (they are unreliable).

3. Text: every letter and digit printed in the box, header included, is in a cell, and
   no cell holds one that is not printed (a header word lost or read twice fails).
4. Header: no word of the lowest header row lies across a column boundary; a header cell
   spanning columns is written in a column its rule, left edge or centre shows (grid.py);
   header lines stacked into cells tear no label (words a word space apart in two columns,
   a word hyphenated at its line's end followed by more words in its cell); a first row
   that nothing but its place marks as the header (no rule, type or figures) is a doubt.
5. Stacked: table lines right beyond the table's far rule, with no caption of their own,
   are a sub-table under the same caption (stacked.py): each is read and checked like this.
6. Marks: no bar is drawn over a word (an overline the text cannot carry), no word holds
   a script within a script (A_{D_r} would be written A_{Dr}), and no period or comma is
   printed lowered under the line but under no letter (a mark below that marks.py could not
   put on its letter, which would read as punctuation).
7. Labels: no body row without a label and without figures stands under labelled rows (a
   cell wrapped over lines that was not joined to its row).

A table passing all of them is `exact`; otherwise `partial`, with what failed.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from typing import Any

from arakit.compiler.pdf.chars import SUBSCRIPT, SUPERSCRIPT
from arakit.compiler.pdf.document import TableCheck
from arakit.compiler.pdf.tables.glyphs import TextLine, Word
from arakit.compiler.pdf.tables.grid import Grid, is_number

_DIGITS_RE = re.compile(r"\d+")
_PLAIN = {v: k for table in (SUPERSCRIPT, SUBSCRIPT) for k, v in table.items()}

DIGITS_OK = "every digit printed in the table's box is in exactly one cell"
AGREE_OK = (
    "an independent method (PyMuPDF's table finder) cuts the body into the same cells or "
    "finer ones, only at word spaces"
)
TEXT_OK = "every letter and digit printed in the table's box, header included, is in a cell"
HEADER_OK = (
    "no header word lies across a column boundary, and each spanning header cell is written "
    "in the column its rule, its left edge or its centre shows"
)
GAP = 0.45  # a cut at a gap this wide (share of the font size) is a column boundary


def digit_runs(text: str) -> Counter[str]:
    """The runs of digits in text, super- and subscript digits read as digits."""
    plain = "".join(chr(_PLAIN[ord(ch)]) if ord(ch) in _PLAIN else ch for ch in text)
    return Counter(_DIGITS_RE.findall(plain))


def check_digits(
    page: Any, bbox: tuple[float, float, float, float], grid: Grid, textpage: Any = None
) -> str | None:
    """None when the digits printed in the box and the digits in the cells are the same;
    else what differs."""
    x0, y0, x1, y1 = bbox
    inside = [
        w[4]
        for w in page.get_text("words", textpage=textpage)
        if x0 - 1 <= (w[0] + w[2]) / 2 <= x1 + 1 and y0 - 1 <= (w[1] + w[3]) / 2 <= y1 + 1
    ]
    printed = digit_runs(" ".join(inside))
    cells = digit_runs(" ".join(c for r in grid.header + grid.rows for c in r))
    if printed == cells:
        return None
    lost = sorted((printed - cells).elements())
    extra = sorted((cells - printed).elements())
    parts = []
    if lost:
        parts.append(f"printed but in no cell: {', '.join(lost[:6])}")
    if extra:
        parts.append(f"in cells but not printed: {', '.join(extra[:6])}")
    return "digits differ (" + "; ".join(parts) + ")"


def _ink(text: str) -> Counter[str]:
    """The letters and digits of text as plain characters (scripts, ligatures, math letters
    and accents taken apart; dotless i read as i), each counted."""
    plain = unicodedata.normalize("NFKD", text.replace("ı", "i").replace("ȷ", "j"))
    plain = "".join(chr(_PLAIN[ord(ch)]) if ord(ch) in _PLAIN else ch for ch in plain)
    return Counter(ch for ch in plain.casefold() if ch.isalnum())


def check_text(
    lines: list[TextLine], bbox: tuple[float, float, float, float], grid: Grid, also: list[str]
) -> str | None:
    """None when every letter and digit printed in the box (the page's `lines` whose words
    lie in it, and the texts `also` printed there, rotated labels) is in a cell, header
    included, and no cell holds one that is not printed there; else what differs (a header
    word lost or read twice, a line of the box left out of the table)."""
    x0, y0, x1, y1 = bbox
    inside = [
        w.text
        for ln in lines
        for w in ln.words
        if x0 - 1 <= w.cx <= x1 + 1 and y0 - 1 <= (w.y0 + w.y1) / 2 <= y1 + 1
    ] + also
    printed = _ink(" ".join(inside))
    cells = _ink(" ".join(c for r in grid.header + grid.rows for c in r))
    if printed == cells:
        return None
    lost, extra = printed - cells, cells - printed
    parts = []
    if lost:
        parts.append(f"{sum(lost.values())} printed letters or digits in no cell")
    if extra:
        parts.append(f"{sum(extra.values())} in cells but not printed")
    words = [w for w in inside if _ink(w) - cells]
    where = f" (e.g. {', '.join(repr(w) for w in words[:3])})" if words and lost else ""
    return "text differs: " + "; ".join(parts) + where


def check_agreement(grid: Grid, other: list[list[list[Word]]] | None) -> str | None:
    """None when the independent method's cells never join words the grid keeps apart: no
    cell of it holds words of two body cells, no row of it holds two body rows, it leaves
    no body word out, and where it cuts one of the grid's cells in two it cuts at a word
    space (a cut at a column-wide gap means the grid merged two columns). Else what differs."""
    if other is None:
        return "the independent method found no table in the region"
    where: dict[int, tuple[int, int]] = {}
    for r, row in enumerate(grid.words):
        for c, words in enumerate(row):
            for w in words:
                where[id(w)] = (r, c)
    theirs: dict[int, tuple[int, int]] = {}
    for fr, frow in enumerate(other):
        rows_hit: set[int] = set()
        for fc, fcell in enumerate(frow):
            cells = {where[id(w)] for w in fcell if id(w) in where}
            if len({c for _, c in cells}) > 1:
                r = min(r for r, _ in cells) + 1
                return f"the independent method joins two columns' words in body row {r}"
            rows_hit |= {r for r, _ in cells}
            for w in fcell:
                theirs[id(w)] = (fr, fc)
        if len(rows_hit) > 1:
            first, second = sorted(rows_hit)[:2]
            return f"the independent method puts body rows {first + 1} and {second + 1} on one row"
    for r, row in enumerate(grid.words):
        for c, words in enumerate(row):
            if not _left_out_joined(words, theirs):
                return f"the independent method leaves out words of body row {r + 1}"
            for a, b in itertools.pairwise(words):
                if id(a) not in theirs or id(b) not in theirs:
                    continue
                same_line = abs(a.base - b.base) < 0.3 * a.size
                if same_line and theirs[id(a)] != theirs[id(b)] and b.x0 - a.x1 >= GAP * a.size:
                    return f"the independent method cuts body row {r + 1}, column {c + 1} in two"
    return None


def _left_out_joined(words: list[Word], theirs: dict[int, tuple[int, int]]) -> bool:
    """Whether every word of one grid cell that the independent method left out of its
    cells is joined, by word spaces along its line, to a word of the cell it did place (its
    table stopped short of a long cell's last words): such a word cannot be a join of two
    cells, and the text check sees that it is in the table. A cell or a line of one it
    left out wholly is not vouched for."""
    lines: dict[float, list[Word]] = {}
    for w in words:
        key = next((k for k in lines if abs(k - w.base) < 0.3 * w.size), round(w.base, 1))
        lines.setdefault(key, []).append(w)
    for line in lines.values():
        line.sort(key=lambda w: w.x0)
        placed = [id(w) in theirs for w in line]
        if all(placed):
            continue
        if not any(placed):
            return False
        for k in range(len(line)):
            if placed[k]:
                continue
            near = [j for j in range(len(line)) if placed[j]]
            j = min(near, key=lambda j: abs(j - k))
            lo, hi = min(j, k), max(j, k)
            run = line[lo : hi + 1]
            if any(b.x0 - a.x1 >= GAP * a.size for a, b in itertools.pairwise(run)):
                return False
    return True


def check_bars(lines: list[TextLine], horizontal: list[tuple[float, float, float]]) -> str | None:
    """None unless a short bar is drawn over a word above its baseline (an overline, a
    macron, a strike): a mark the cell text cannot show, so the cells are not as printed."""
    for ln in lines:
        for w in ln.words:
            for x0, x1, y in horizontal:
                short = x1 - x0 <= 3.0 * w.size
                over = w.x0 - 1 <= x0 and x1 <= w.x1 + 1
                if "√" in w.text:
                    continue  # a radical's bar over its radicand: "√x" says it
                if short and over and w.y0 - 2 <= y <= w.base - 0.15 * w.size:
                    return f"a bar is drawn over {w.text!r}: the cell text cannot show it"
    return None


def check_nested(lines: list[TextLine]) -> str | None:
    """None unless a word holds a script set within a script (a subscript's subscript): the
    cell text writes both levels as one, so it is not as printed."""
    for ln in lines:
        for w in ln.words:
            if w.nested:
                return f"{w.text!r} has a script within a script: the cell text cannot show it"
    return None


def check_stray(lines: list[TextLine]) -> str | None:
    """None unless a period or comma is printed lowered under the line but under no letter
    (a mark below that could not be put on its letter): the cell text cannot show it."""
    for ln in lines:
        for w in ln.words:
            if w.stray:
                return f"{w.text!r} has a mark printed below the line under no letter"
    return None


def check_sunk(lines: list[TextLine]) -> str | None:
    """None unless a word holds a symbol printed below its baseline at the size of its
    letters (a subscript the font does not set smaller, M⊙ for M_⊙): the cell text writes
    it on the line, so it may not be as printed."""
    for ln in lines:
        for w in ln.words:
            if w.sunk:
                return f"{w.sunk!r} in {w.text!r} is set below the line: the text cannot show it"
    return None


def check_labels(grid: Grid) -> str | None:
    """None unless a body row has no label where the table's other rows have one, and no
    figure either: a line of text under a labelled row is most likely that row's cell
    wrapped over lines, not a row of its own (a row under a label set over several rows
    carries figures of its own)."""
    labelled = [r for r in grid.rows if r and r[0].strip()]
    if len(labelled) < 2:
        return None
    for k, row in enumerate(grid.rows[1:], start=2):
        cells = [c for c in row[1:] if c.strip()]
        if row[0].strip() or not cells or any(is_number(c.replace("**", "")) for c in cells):
            continue
        return f"body row {k} has no label and no figures: it may carry on the row above"
    return None


def verdict(
    method: str,
    digits: str | None,
    agreement: str | None,
    header: str | None = None,
    text: str | None = None,
) -> TableCheck:
    """The check's verdict from its parts."""
    checks = ((DIGITS_OK, digits), (TEXT_OK, text), (AGREE_OK, agreement), (HEADER_OK, header))
    failed = [f for _, f in checks if f]
    passed = [p for p, f in checks if not f]
    return TableCheck("partial" if failed else "exact", method, passed=passed, failed=failed)
