"""Numbers as papers write them: `3.57`, `3.57%`, `3.57 ± 0.1`, `≈3.6`, `1e-4`, `−0.5`.

Evidence cells keep their exact text (model.Table never converts); Level 3 reads the number
out of a cell only at comparison time, and knows how precisely it was written, so that an
expectation without a tolerance can be checked to the precision the author printed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_MINUSES = str.maketrans({"−": "-", "–": "-", "—": "-", "‒": "-", "﹣": "-", "－": "-"})
_NUM = r"[+-]?(?:\d[\d,_]*\.?\d*|\.\d+)(?:[eE][+-]?\d+)?"
_CELL = re.compile(
    rf"""^\s*(?P<approx>≈|~|∼|about\s+|approx\.?\s*)?\s*
    (?P<value>{_NUM}|[+-]?inf(?:inity)?|[+-]?∞)\s*
    (?P<unit>%|‰)?\s*
    (?:(?:±|\+/-|\+-)\s*(?P<spread>{_NUM})\s*%?)?\s*
    (?:\(.*\))?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
# a bold or italic cell, or one wrapped in code spans: **0.79**, *0.79*, `0.79`
_WRAP = re.compile(r"^(\*\*|\*|__|_|`)(.*)\1$")


@dataclass(frozen=True)
class Reading:
    """A number read from text: its value, the ± spread if written, and its written precision.

    `resolution` is one unit in the last written digit (0.001 for `0.789`, 100 for `6.3e+04`
    written as `6.322e+04` it is 1.0); None for infinities.
    """

    value: float
    spread: float | None = None
    approx: bool = False
    percent: bool = False
    resolution: float | None = None


def parse_number(text: str) -> Reading | None:
    """The number a cell or a string states, or None when it states none (e.g. `0/10`, `n/a`).

    Percent signs are kept as a flag and never rescale the value: `3.57%` reads as 3.57, the
    same unit the metric is expected to be reported in.
    """
    s = text.strip().translate(_MINUSES)
    while (m := _WRAP.match(s)) is not None:
        s = m.group(2).strip()
    m = _CELL.match(s)
    if m is None:
        return None
    raw = m.group("value").replace(",", "").replace("_", "")
    low = raw.lower().lstrip("+")
    if low.lstrip("-") in ("inf", "infinity", "∞"):
        return Reading(
            value=-math.inf if low.startswith("-") else math.inf, approx=bool(m["approx"])
        )
    try:
        value = float(raw)
    except ValueError:
        return None
    spread = m.group("spread")
    return Reading(
        value=value,
        spread=float(spread.replace(",", "")) if spread else None,
        approx=bool(m.group("approx")),
        percent=m.group("unit") is not None,
        resolution=_resolution(raw),
    )


def _resolution(raw: str) -> float:
    """One unit in the last digit written: `0.7890` → 1e-4, `6.322e+04` → 10, `9119` → 1."""
    mant, _, exp = raw.lower().partition("e")
    decimals = len(mant.partition(".")[2]) if "." in mant else 0
    return float(10.0 ** (int(exp or 0) - decimals))
