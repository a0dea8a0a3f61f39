"""Values written in prose that are derived from two table cells: differences (gains, gaps),
relative changes ("28% relative improvement") and ratios ("2.3× faster")."""

from __future__ import annotations

import re

from arakit.model import EvidenceFile
from arakit.seal.level2.evidence_refs import Label
from arakit.seal.level2.quotes import Num, numbers

_RATIO_AFTER = re.compile(r"^\s*(?:x|×|times|-?fold)\b", re.IGNORECASE)
_RELATIVE_WORDS = re.compile(
    r"\b(?:relative|improv\w*|reduc\w*|increas\w*|decreas\w*|gain\w*|drop\w*|lower|higher|"
    r"better|worse|faster|slower|speed-?up|cut|saving\w*|fewer|less|more)\b",
    re.IGNORECASE,
)


def named_row_pairs(mentioned: list[Label]) -> list[tuple[float, float]]:
    """Pairs of cells from the same column of the rows a clause names (at least two)."""
    rows: dict[tuple[str, int], set[int]] = {}
    for lab in mentioned:
        if lab.kind in ("row", "cell"):
            rows.setdefault((lab.file.path, lab.table), set()).add(lab.index)
    out: list[tuple[float, float]] = []
    for (path, t_i), idx in rows.items():
        if len(idx) < 2:
            continue
        f = next(lab.file for lab in mentioned if lab.file.path == path)
        table = f.tables[t_i]
        for c_i in range(1, len(table.header)):
            vals = [first_number(table.rows[r][c_i]) for r in idx if c_i < len(table.rows[r])]
            present = [v for v in vals if v]
            out += [(a, b) for a in present for b in present if _comparable(a, b)]
    return out


def cell_pairs(f: EvidenceFile) -> list[tuple[float, float]]:
    """Pairs of comparable cells of the same column or row, both orders (for ratios)."""
    out: list[tuple[float, float]] = []
    for t in f.tables:
        grid = [[first_number(c) for c in r[1:]] for r in t.rows]
        for r_i, cells in enumerate(grid):
            present = [a for a in cells if a is not None]
            out += [(a, b) for a in present for b in present if _comparable(a, b) and b]
            for c_i, a in enumerate(cells):
                column = [g[c_i] for g in grid[r_i + 1 :] if c_i < len(g)]
                for b in column:
                    if a is not None and b is not None and _comparable(a, b) and a and b:
                        out += [(a, b), (b, a)]
    return out


def derived(num: Num, diffs: list[float]) -> bool:
    """True when num is one of the given differences of two cells."""
    return not num.sci and any(num.matches(d) for d in diffs)


def cell_diffs(f: EvidenceFile, row: int | None = None, table: int | None = None) -> list[float]:
    """Differences between two cells of the same column, or of the same row (gains, gaps).

    With `row`, only differences that involve a cell of that row of that table.
    """
    out: list[float] = []
    for t_i, t in enumerate(f.tables):
        if table is not None and t_i != table:
            continue
        grid = [[first_number(c) for c in r[1:]] for r in t.rows]
        for r_i, cells in enumerate(grid):
            if row is not None and r_i != row:
                continue
            present = [a for a in cells if a is not None]
            out += [a - b for a in present for b in present if _comparable(a, b)]
            for c_i, a in enumerate(cells):
                column = [g[c_i] for g in grid if c_i < len(g)]
                out += [
                    a - b for b in column if a is not None and b is not None and _comparable(a, b)
                ]
    return [d for d in out if d != 0]


def _comparable(a: float | None, b: float | None) -> bool:
    """Both present and of similar size: a gain is not 'x minus almost nothing'."""
    if a is None or b is None or a == b:
        return False
    return min(abs(a), abs(b)) >= 1e-3 * max(abs(a), abs(b))


def first_number(cell: str) -> float | None:
    ns = numbers(cell)
    return ns[0].value if ns else None


def relative_match(num: Num, seg: str, pairs: list[tuple[float, float]]) -> bool:
    """True when num is a relative change written as a percentage (the clause says relative,
    improvement, reduction...) or a ratio (`×`, `times`, `-fold` after it) of a pair."""
    after = seg[num.end : num.end + 12]
    ratio = bool(_RATIO_AFTER.match(after))
    relative = num.percent and bool(_RELATIVE_WORDS.search(seg))
    if not (ratio or relative) or num.sci:
        return False
    for a, b in pairs:
        if ratio and num.matches(a / b):
            return True
        if relative and num._same(abs(a - b) / abs(b) * 100):
            return True
    return False
