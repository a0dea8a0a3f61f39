"""Numbers as written: finding quoted numbers in prose and comparing them with table cells."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = re.compile(
    r"(?<![\w.])(?P<sign>[-−–]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<exp>[eE][-−+]?\d+)?(?![\w])"
)


@dataclass(frozen=True)
class Num:
    """A number as written: its value, how precisely it was written, and where."""

    value: float
    decimals: int
    sci: bool
    text: str
    start: int
    end: int

    def matches(self, other: float) -> bool:
        """True when `other`, rounded as this number was written, equals it (sign ignored)."""
        a, b = abs(self.value), abs(other)
        if self.sci or (b != 0 and (b >= 1e5 or b < 1e-3)):
            if a == 0:
                return b == 0
            digits = len(re.sub(r"\D", "", self.text.split("e")[0].split("E")[0]).lstrip("0"))
            return abs(a - b) <= 0.5 * 10 ** -(max(digits, 1) - 1) * a + 1e-12
        return abs(round(b, self.decimals) - a) < 10 ** -(self.decimals + 3)


def numbers(text: str) -> list[Num]:
    """Every number written in text (thousands commas, decimals, e-notation, unicode minus)."""
    out: list[Num] = []
    for m in _NUM.finditer(text):
        raw = m.group(0).replace("−", "-").replace("–", "-").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        frac = m.group("frac")
        out.append(
            Num(value, len(frac) - 1 if frac else 0, bool(m.group("exp")), m.group(0), *m.span())
        )
    return out


def worth_checking(n: Num, text: str) -> bool:
    """Skip counts, years, ordinals and parts of compound words; keep measured quantities."""
    before, after = text[max(0, n.start - 2) : n.start], text[n.end : n.end + 2]
    if re.match(r"-[A-Za-z0-9]", after) or re.search(r"[A-Za-z0-9]-$", before):
        return False  # "20-input", "5-256-256-2", "seeds 0-2"
    if re.search(r"[A-Za-z]$", before.rstrip("-")) and not before.endswith(" "):
        return False
    percent = after.lstrip().startswith("%")
    if n.decimals == 0 and not n.sci and not percent:
        if abs(n.value) < 10:
            return False  # small counts: "3 seeds", "two layers"
        if 1900 <= n.value <= 2100:
            return False  # years
    return True


def closest(value: float, cells: list[str]) -> str | None:
    """The cell whose first number is nearest to value (for 'the row holds ...' messages)."""
    best: tuple[float, str] | None = None
    for cell in cells:
        ns = numbers(cell)
        if not ns:
            continue
        d = abs(abs(ns[0].value) - abs(value))
        if best is None or d < best[0]:
            best = (d, cell.strip())
    return best[1] if best else None
