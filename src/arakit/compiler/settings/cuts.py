"""Selection cuts: the bounds a study draws around its sample, each a setting named by what
it bounds:

- `we removed stars with ruwe ≥ 1.4, ipd frac multi peak > 2, and … ≥ 0.1`;
- `including only sources with modality flag == 1`;
- `stars with angular separations larger than 150 milliarcseconds were removed`,
  `effective temperatures that differed by more than 500K`;
- a band: `we limit our analysis to stars with 0.8 < B − V < 1.5`;
- the members kept by rank: `all but the 500 most variable genes were filtered out`, `we
  kept the top 2,000 highly variable genes`;
- the items of a list a selecting sentence opens with a colon (`we selected stars with the
  following criteria:` / `• Parallax error < 0.1 mas`).

A bound is read only where the sentence (or the list's lead-in) selects: removes, excludes,
keeps, limits, requires. Elsewhere an inequality states where a result holds (`the
bimodality drops for stars above Z > 90 pc`) or a step of a derivation."""

from __future__ import annotations

import re

from arakit.compiler.settings import patterns as P
from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake
from arakit.compiler.settings.numbers import NUMBER, parse_number

# what a selecting sentence does to its sample
SELECTING = re.compile(
    r"\b(?:select(?:s|ed|ing)?|remov(?:e|es|ed|ing)|exclud(?:e|es|ed|ing)|discard(?:s|ed|ing)?|"
    r"reject(?:s|ed|ing)?|keep(?:s|ing)?|kept|retain(?:s|ed|ing)?|restrict(?:s|ed|ing)?|"
    r"limit(?:s|ed|ing)?\s+(?:our|the|this|its|their)\b|requir(?:e|es|ed|ing)|"
    r"(?:includ(?:e|es|ed|ing)|us(?:e|ed|ing)|consider(?:ed)?)\s+only|cuts?\b|"
    r"filter(?:s|ed|ing)?|criteri(?:a|on))\b",
    re.IGNORECASE,
)
_OPERATOR = (
    r"(?P<op>==|>=|<=|[<>≤≥⩽⩾]|(?:greater|larger|higher|more|less|smaller|lower|fewer)\s+than|"
    r"at\s+(?:least|most))"
)
# units a cut's bound carries (angles, magnitudes, distances and speeds beside the usual)
_UNIT = (
    r"(?P<unit>(?:km\s?s\s?[−-]1|km/s|m\s?s\s?[−-]1|milliarcseconds?|arcseconds?|arcsec|"
    rf"arcmin|mas|mag|dex|[kM]?pc|[kMG]?yrs?|K|%|”|″|{P.UNIT})(?![A-Za-z]))?"
)
_CUT = re.compile(rf"\s*{_OPERATOR}\s*(?P<value>{NUMBER})(?:\s?{_UNIT})(?![\w.]\d|\s*[<>≤≥=×^/*+])")
# a band: `0.8 < B − V < 1.5`, with what it bounds between two bounds
_BAND = re.compile(
    rf"(?<![\w.])(?P<a>{NUMBER})\s*(?:<|≤|<=|⩽)\s*(?P<name>[^\s<>≤≥=,;()0-9][^<>≤≥=,;()]{{0,20}}?)"
    rf"\s*(?:<|≤|<=|⩽)\s*(?P<b>{NUMBER})(?:\s?{_UNIT})(?![\w.]\d)"
)
# `temperatures that differed by more than 500K`: the name stands before the relative clause
_DIFFERED = re.compile(r"\s+(?:that|which)\s+(?:differ(?:s|ed)?|var(?:y|ies|ied))\s+by\s*$")
_INTRODUCED = re.compile(r"\b(?:with|having|whose|where|that\s+have|which\s+have)\b")
_TEMPERATURE = re.compile(r"temperature|\bT_?eff\b", re.IGNORECASE)
_BULLET = "•▪◦‣∙–-*"
_STOP = P.LEAD_STOP | P.PREPOSITIONS | {"stars", "sources", "objects", "targets", "those"}


def selects(sentence: str) -> bool:
    """True when the sentence removes, keeps or limits part of a sample."""
    return bool(SELECTING.search(sentence))


def opens_list(sentence: str) -> bool:
    """`we selected stars with the following criteria:`: a selecting lead-in to a list."""
    return sentence.rstrip().endswith(":") and selects(sentence)


def is_item(sentence: str) -> bool:
    """A list item: a bullet starts it."""
    return sentence.lstrip()[:1] in _BULLET


def _name_before(before: str) -> str:
    """The words a bound is for: back from the operator to a comma, a stop word or a
    preposition (`with a Gaia parallax` → `Gaia parallax`)."""
    differed = _DIFFERED.search(before)
    if differed:
        before = before[: differed.start()]
    clause = re.split(r"[,;:]\s|[•▪‣∙]|\s\(|\(\s", before)[-1]
    words: list[str] = []
    for w in reversed(clause.split()):
        if w.lower() in _STOP or not re.search(r"[^\W\d]", w):
            break
        words.append(w)
        if len(words) == 5:
            break
    # a cut may bound what elsewhere is a result (`parallax error < 0.1 mas`)
    return " ".join(reversed(words)).strip()


def cuts(sentence: str, in_list: bool = False) -> list[Found]:
    """Every bound the sentence draws around its sample (see the module docstring); a list
    item is read when `in_list` (the item follows a selecting lead-in)."""
    if not (in_list or selects(sentence)) or P.MATH_CONDITION.search(sentence):
        return []
    # in running text the sample is picked by what its members have (`stars with ruwe ≥
    # 1.4`); a bound without it tells how far a sample reaches (`dwarfs out to d > 2 kpc`)
    introduced = None if in_list else _INTRODUCED.search(sentence)
    if not in_list and introduced is None:
        return []
    out: list[Found] = []
    taken: list[tuple[int, int]] = []
    for m in _BAND.finditer(sentence):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        name = m.group("name").strip()
        if a is None or b is None or not re.search(r"[^\W\d]", name):
            continue
        text = sentence[m.start() : m.end()].strip()
        out.append(Found(m.span(), name, text, m.group("unit") or "", _key(name), (a, b)))
        taken.append(m.span())
    for m in _CUT.finditer(sentence):
        if any(x < m.end() and m.start() < y for x, y in taken):
            continue
        if introduced is not None and introduced.start() > m.start():
            continue
        name = _name_before(sentence[: m.start()])
        if not name:
            continue
        printed, unit = m.group("value"), (m.group("unit") or "").strip()
        if printed.endswith("K") and _TEMPERATURE.search(name):
            printed, unit = printed[:-1], "K"  # `more than 500K` in temperature: kelvin
        number = parse_number(printed)
        if number is None:
            continue
        op = " ".join(m.group("op").split())
        value = f"{op} {m.group('value')}"
        out.append(Found(m.span("value"), name, value, unit, _key(name), (number,)))
    return out


# `all but the 500 most variable genes`, `the top 2,000 highly variable genes`: a rank cut
_RANKED = re.compile(
    rf"\b(?:all\s+but\s+the|the\s+top|the)\s+(?P<value>{NUMBER})\s+"
    r"(?P<name>(?:most|least|highest|lowest|top|highly)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?)"
)


def ranked(sentence: str) -> list[Found]:
    """The members a selecting sentence keeps by rank (see the module docstring), named by
    the ranked noun phrase (`most variable genes`)."""
    if not selects(sentence):
        return []
    out = []
    for m in _RANKED.finditer(sentence):
        words = m.group("name").split()
        if words[-1] in _STOP or words[-1] in ("were", "was", "are", "is"):
            words = words[:-1]
        number = parse_number(m.group("value"))
        if number is None or len(words) < 2:
            continue
        name = " ".join(words)
        out.append(Found(m.span("value"), name, m.group("value"), "", _key(name), (number,)))
    return out


def _key(name: str) -> str:
    return snake(name) or name
