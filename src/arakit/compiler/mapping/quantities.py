"""Measured quantities in a sentence: "76.4% top-1 accuracy", "1.1 points", "703/703",
"342 seconds", "2x faster" — and not the numbers that only name or count things: years
and citations ("[12]", "(Chen et al., 1990)"), enumerators ("(1)", "(ii)"), labels
("Round 1", "Table 2", "Section 3"), footnote marks, and sizes written into a compound
("4-layer", "16-bit"), which describe the setup rather than a result.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CITATION = re.compile(
    r"\[[\d,\s–-]+\]|\((?:[A-Z][^()]*?\d{4}[a-z]?(?:;\s*)?)+\)|"
    # author-year in brackets (IJCAI, AAAI): "[Kingma et al., 2016; Tomczak and Welling, 2016]"
    r"\[(?:[A-Z][^\[\]]*?(?:19|20)\d\d[a-z]?(?:;\s*)?)+\]|"
    r"\b[A-Z][\w'-]+(?: et al\.| and [A-Z][\w'-]+)? \(\d{4}[a-z]?\)"
)
_ENUMERATOR = re.compile(r"\((?:\d{1,2}|[ivx]{1,4}|[a-h])\)|^\s*\d{1,2}[.)]\s")
_LABEL = re.compile(
    r"\b(?:Table|Tab\.|Figure|Fig\.|Figs\.|Section|Sec\.|Sect\.|Round|Algorithm|Alg\.|Eq\.|"
    r"Eqs\.|Equation|Step|Phase|Stage|Case|Appendix|Chapter|Part|Theorem|Lemma|Definition|"
    r"Item|Question|Experiment|Exp\.|Version|v)\s*\(?\d+(?:\.\d+)*\)?",
    re.I,
)
_NUMBER = re.compile(
    r"(?<![\w.\-/])(?P<num>[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:/\d+(?:\.\d+)?)?)"
    r"(?P<after>-?[A-Za-z%×]*)"
)
_RESULT_UNITS = re.compile(
    r"^\s*(?P<unit>%|points?\b|pp\b|×|x\b|times\b|ms\b|s\b|sec(?:onds?)?\b|min(?:utes?)?\b|"
    r"h\b|hours?\b|days?\b)",
    re.I,
)
_STOPPERS = frozenset(
    [
        "and",
        "or",
        "than",
        "over",
        "above",
        "below",
        "on",
        "in",
        "at",
        "with",
        "for",
        "of",
        "to",
        "from",
        "by",
        "the",
        "a",
        "an",
        "as",
        "on",
        "while",
        "which",
        "that",
        "when",
        "where",
        "after",
        "before",
    ]
)


@dataclass(frozen=True)
class Quantity:
    """A measured value as printed, its unit, and the words that say what it measures."""

    value: str
    unit: str
    what: str

    @property
    def printed(self) -> str:
        """`76.4%`, `1.1 points`, `703/703`."""
        joint = "" if self.unit in ("", "%", "x", "×") else " "
        return f"{self.value}{joint}{self.unit}"


def plain(sentence: str) -> str:
    """The sentence with citations, enumerators and labelled numbers blanked out."""
    text = CITATION.sub(" ", sentence)
    text = _ENUMERATOR.sub(" ", text)
    return _LABEL.sub(" ", text)


def measured(sentence: str) -> list[Quantity]:
    """The result quantities the sentence states, in order."""
    text = plain(sentence)
    out: list[Quantity] = []
    for m in _NUMBER.finditer(text):
        num, after = m.group("num"), m.group("after")
        if after.startswith("-") or (after and after not in ("%", "x", "×")):
            continue  # "4-layer", "2.1M": a size in a compound, or a word glued on
        rest = text[m.end("num") :]
        unit_m = _RESULT_UNITS.match(rest)
        fraction = "/" in num
        decimal = "." in num
        if not (unit_m or fraction or decimal):
            continue  # a bare integer counts or names something; it is not a result
        if re.fullmatch(r"(?:19|20)\d\d", num) and not unit_m:
            continue
        unit = unit_m.group("unit") if unit_m else ""
        tail = rest[unit_m.end() :] if unit_m else rest
        out.append(Quantity(num, unit, _what(tail, text[: m.start()])))
    return out


def _what(after: str, before: str) -> str:
    """What the number measures: the words after it ("76.4% top-1 accuracy"), else the
    noun just before ("an accuracy of 95%")."""
    words: list[str] = []
    clause = re.split(r"[,;:.()\[\]]", after[:60], maxsplit=1)[0]
    for w in re.findall(r"[A-Za-z][\w-]*", clause):
        if w.lower() in _STOPPERS or len(words) == 3:
            break
        words.append(w)
    if words:
        return " ".join(words)
    m = re.search(
        r"([A-Za-z][\w-]+(?: [A-Za-z][\w-]+)?)\s+(?:of|is|was|at|to|reach(?:es|ed)?|"
        r"achiev(?:es|ed)|=|above|below|over|under|around|about|than)\s*$",
        before,
    )
    if m is None:
        return ""
    kept = [w for w in m.group(1).split() if w.lower() not in _STOPPERS]
    return " ".join(kept)


def stated_numbers(sentence: str) -> list[str]:
    """Every number the sentence states as a value or a count ("400,000 objects", "90%",
    "30 year long"), as printed with the word after it: not years, citations, labels or
    enumerators, and not single digits standing alone."""
    text = plain(sentence)
    out: list[str] = []
    for m in _NUMBER.finditer(text):
        num, after = m.group("num"), m.group("after")
        if re.fullmatch(r"(?:19|20)\d\d", num) and not after:
            continue
        if re.fullmatch(r"\d", num) and not after and not _RESULT_UNITS.match(text[m.end() :]):
            continue
        unit = re.match(r"\s*([A-Za-z%×][\w-]*)", text[m.end("num") :])
        out.append(f"{num}{after}" if after else (f"{num} {unit.group(1)}" if unit else num))
    return out
