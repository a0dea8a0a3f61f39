"""Whether a table's cells can be called exact: two checks that do not depend on the main
method's own logic.

1. Digits: every run of digits printed in the table's box (as PyMuPDF's own text extraction
   reads it) is in exactly one cell, and no cell holds a digit run that is not printed.
2. Agreement: the independent method (finder.py) cuts the table's body into the same cells
   (a cell it splits over two lines counts as one; header rows are left out, its cuts of
   wide header text are unreliable).

A table passing both is `exact`; otherwise `partial`, with what failed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from arakit.compiler.pdf.chars import SUBSCRIPT, SUPERSCRIPT
from arakit.compiler.pdf.document import TableCheck
from arakit.compiler.pdf.tables.grid import Grid

_DIGITS_RE = re.compile(r"\d+")
_PLAIN = {v: k for table in (SUPERSCRIPT, SUBSCRIPT) for k, v in table.items()}
_WS_RE = re.compile(r"\s+")

DIGITS_OK = "every digit printed in the table's box is in exactly one cell"
AGREE_OK = "an independent method (PyMuPDF's table finder) reads the same body cells"


def digit_runs(text: str) -> Counter[str]:
    """The runs of digits in text, super- and subscript digits read as digits."""
    plain = "".join(chr(_PLAIN[ord(ch)]) if ord(ch) in _PLAIN else ch for ch in text)
    return Counter(_DIGITS_RE.findall(plain))


def check_digits(page: Any, bbox: tuple[float, float, float, float], grid: Grid) -> str | None:
    """None when the digits printed in the box and the digits in the cells are the same;
    else what differs."""
    import pymupdf

    x0, y0, x1, y1 = bbox
    printed = digit_runs(page.get_text("text", clip=pymupdf.Rect(x0 - 1, y0 - 1, x1 + 1, y1 + 1)))
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


def _norm(row: list[str]) -> list[str]:
    return [_WS_RE.sub("", c.replace("**", "")) for c in row]


def _squeeze(rows: list[list[str]]) -> list[list[str]]:
    """Rows without empty rows and without columns empty in every row."""
    rows = [r for r in rows if any(r)]
    width = max((len(r) for r in rows), default=0)
    keep = [c for c in range(width) if any(c < len(r) and r[c] for r in rows)]
    return [[r[c] if c < len(r) else "" for c in keep] for r in rows]


def check_agreement(grid: Grid, other: list[list[str]] | None) -> str | None:
    """None when the other method's cells match the grid's body (rows it split over lines
    joined back; its rows above the body are skipped); else where they differ."""
    if other is None:
        return "the independent method found no table in the region"
    mine = _squeeze([_norm(r) for r in grid.rows])
    theirs = _squeeze([_norm(r) for r in other])
    if mine:
        first = next((k for k, r in enumerate(theirs) if r[: len(mine[0])] == mine[0]), None)
        if first is None and theirs and len(theirs[0]) == len(mine[0]):
            first = next((k for k, r in enumerate(theirs) if mine[0][0].startswith(r[0])), None)
        theirs = theirs[first:] if first is not None else theirs
    if mine and theirs and len(mine[0]) != len(theirs[0]):
        return f"the methods find {len(mine[0])} and {len(theirs[0])} columns"
    j = 0
    for i, row in enumerate(mine):
        if j >= len(theirs):
            return f"body row {i + 1} has no counterpart in the independent method"
        acc = list(theirs[j])
        j += 1
        while (
            acc != row
            and j < len(theirs)
            and all(not a or row[c].startswith(a) for c, a in enumerate(acc))
        ):
            acc = [a + b for a, b in zip(acc, theirs[j], strict=False)]
            j += 1
        if acc != row:
            return f"the methods disagree on body row {i + 1}"
    if j < len(theirs):
        return f"the independent method reads {len(theirs) - j} more row(s)"
    return None


def verdict(method: str, digits: str | None, agreement: str | None) -> TableCheck:
    """The check's verdict from its two parts."""
    failed = [f for f in (digits, agreement) if f]
    passed = [p for p, f in ((DIGITS_OK, digits), (AGREE_OK, agreement)) if not f]
    return TableCheck("partial" if failed else "exact", method, passed=passed, failed=failed)
