"""Printed values as numbers, in any notation papers and code use: `1e-5`, `0.00001`,
`10^-5`, `10−5` (a flattened superscript with a Unicode minus), `1 · 10−3`, `3×10−4`,
`2k`, `40,000`, `4.9M`, `20%`; and the units that scale them (`0.5 µs` is `5e-7` s)."""

from __future__ import annotations

import math
import re

_MINUS = "−–‐-"  # Unicode minus, en dash, hyphen, ASCII hyphen-minus
# the printed forms of one number; a thousands separator only between groups of three
MANTISSA = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_EXP = r"(?:[eE][-+−]?\d+)"
_POW = r"(?:\s?[×x·*⋅]\s?10(?:\s?(?:\^|\*\*)?\s?\{?[-−+]?\d{1,3}\}?|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))"
# an exponent set raised (`10⁸`, `10⁻⁴`): the text layer keeps it in superscript digits
_RAISED = r"(?:[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})"
_BARE_POW = r"(?:10(?:\^|\*\*)\{?[-−+]?\d{1,3}\}?|10[−]\d{1,2}(?!\d)|10" + _RAISED + ")"
_SUFFIX = r"(?:[kKMB](?![\w]))"
NUMBER = rf"(?:[-+−]?(?:{_BARE_POW}|{MANTISSA}{_EXP}?{_POW}?{_SUFFIX}?))"
_NUMBER_RE = re.compile(rf"^\s*{NUMBER}\s*$")
# values written with a constant or as a fraction: `e2` (e², its exponent flattened by the
# PDF), `1/√2`, `√3`, `1/3`
CONSTANT = (
    # a fraction: `1/3`, also at the end of a sentence (`α = 1/3.`), never `1/3.5`
    r"(?:(?<![\w./])\d{1,3}\s?/\s?[1-9]\d{0,2}(?![\w/√(]|\.\d)"
    r"|(?<![\w.])e\^?\{?[-−]?\d{1,2}\}?(?!\w|\.\d)"
    r"|(?:\d+(?:\.\d+)?\s?/\s?)?√\s?\d+(?:\.\d+)?(?!\w|\.\d))"
)
_E_POWER_RE = re.compile(r"e\^?\{?([-−]?\d{1,2})\}?")
_FRACTION_RE = re.compile(r"(\d{1,3})\s?/\s?([1-9]\d{0,2})")
_ROOT_RE = re.compile(r"(?:(\d+(?:\.\d+)?)\s?/\s?)?√\s?(\d+(?:\.\d+)?)")
_RAISED_RE = re.compile(r"(?<=10)" + _RAISED)
_PLAIN_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9}
WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}
# unit as printed → factor to the SI base (or to a plain count for %)
UNIT_SCALE: dict[str, float] = {
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "seconds": 1.0,
    "ms": 1e-3,
    "µs": 1e-6,
    "μs": 1e-6,
    "us": 1e-6,
    "ns": 1e-9,
    "min": 60.0,
    "minutes": 60.0,
    "h": 3600.0,
    "hours": 3600.0,
    "days": 86400.0,
    "hz": 1.0,
    "khz": 1e3,
    "mhz": 1e6,
    "ghz": 1e9,
    "nf": 1e-9,
    "µf": 1e-6,
    "μf": 1e-6,
    "pf": 1e-12,
    "µh": 1e-6,
    "μh": 1e-6,
    "mh": 1e-3,
    "nh": 1e-9,
    "kω": 1e3,
    "mω": 1e6,
    "mm": 1e-3,
    "cm": 1e-2,
    "km": 1e3,
    "mv": 1e-3,
    "kv": 1e3,
    "ma": 1e-3,
    "%": 1e-2,
    "kb": 1e3,
    "mb": 1e6,
    "gb": 1e9,
}


def parse_number(text: str) -> float | None:
    """The number a printed value means, or None when it is not one number.

    `1e-5`, `0.00001`, `10^-5`, `10−5`, `1 · 10−3`, `3×10−4`, `2k`, `40,000` and `20%`
    (as 20) are all read; the Unicode minus counts as a minus sign.
    """
    v = text.strip().rstrip("%").strip()
    if v.startswith("±"):  # `±7`: the half-width of a symmetric window
        v = v[1:].lstrip()
    if v.lower() in WORDS:
        return float(WORDS[v.lower()])
    if m := _E_POWER_RE.fullmatch(v):
        return math.e ** int(m.group(1).replace("−", "-"))
    if m := _FRACTION_RE.fullmatch(v):
        return int(m.group(1)) / int(m.group(2))
    if m := _ROOT_RE.fullmatch(v):
        root = math.sqrt(float(m.group(2)))
        return float(m.group(1)) / root if m.group(1) else root  # `1/√2`, `√3`
    if not v or not _NUMBER_RE.match(v):
        return None
    v = _RAISED_RE.sub(lambda m: "^" + m.group(0).translate(_PLAIN_DIGITS), v)
    sign = 1.0
    if v[0] in "+-−":
        sign = -1.0 if v[0] != "+" else 1.0
        v = v[1:].lstrip()
    v = v.replace(",", "").replace(" ", "").replace("{", "").replace("}", "")
    for dash in _MINUS:
        v = v.replace(dash, "-")
    scale = 1.0
    if v and v[-1] in _SCALE:
        scale, v = _SCALE[v[-1]], v[:-1]
    try:
        m = re.fullmatch(r"10(?:\^|\*\*|-(?=\d))(-?\+?\d+)", v)
        if m:
            exp = m.group(1) if v[2] != "-" else "-" + m.group(1)
            return sign * 10.0 ** int(exp)
        m = re.fullmatch(r"(.+?)[×x·*⋅]10(?:\^|\*\*)?([-+]?\d+)", v)
        if m:
            return sign * float(m.group(1)) * 10.0 ** int(m.group(2)) * scale
        out = sign * float(v) * scale
    except (ValueError, OverflowError):
        return None
    return out if math.isfinite(out) else None


def normalize_value(value: str) -> float | None:
    """A printed value as a number for comparison (kept for callers of the old name)."""
    return parse_number(value)


def si(number: float, unit: str) -> float | None:
    """The number in SI base units when the unit scales it (`0.5`, `µs` → `5e-7`), else None."""
    factor = UNIT_SCALE.get(unit.strip().lower()) if unit else None
    if factor is None or factor == 1.0:
        return None
    return number * factor


def same_number(a: float, b: float, rel: float = 1e-9) -> bool:
    """True when two numbers are equal up to rounding in their last printed digit."""
    if a == b:
        return True
    return abs(a - b) <= rel * max(abs(a), abs(b))


# `10.636 paragraphs`, `10.000 images`: a count printed with a dot between groups of three,
# as many European languages write thousands (a count of things is never a fraction)
_DOT_GROUPED = r"(?<![\d.,])[1-9]\d{0,2}(?:\.\d{3})+(?![\d]|[.,]\d)"
DOT_COUNT_RE = re.compile(
    rf"(?P<value>{_DOT_GROUPED})\s+(?:[A-Za-z][\w\-]*\s+){{0,2}}?[a-z][a-z\-]{{2,}}(?<!s)s\b"
)
# `1,319 problems`: thousands written with a comma, the English convention
_COMMA_GROUPED_RE = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?:,\d{3})+(?![\d]|[.,]\d)")


def writes_dot_thousands(texts: list[str]) -> bool:
    """True when a document writes thousands with a dot: it prints a count as `10.636
    paragraphs` (three digits after the dot, before a plural noun) and never groups
    thousands with a comma (`1,319`), the convention that would make the dot a decimal."""
    return not any(_COMMA_GROUPED_RE.search(t) for t in texts) and any(
        DOT_COUNT_RE.search(t) for t in texts
    )


def dot_thousands_count(value: str, sentence: str, at: int) -> float | None:
    """The count a value printed `10.636` stands for when the sentence prints it before
    a plural noun at `at` (`10.636 paragraphs` is 10636); None otherwise."""
    m = DOT_COUNT_RE.match(sentence, at)
    if not m or m.group("value") != value.strip():
        return None
    return float(value.strip().replace(".", ""))
