"""How a study splits and filters its data, and values a verb sets, stated without `=`:

- a part of the data for each use: `section 2-21 for training, section 22 for validation
  and section 23 for testing`, `5,000 images for validation`;
- the folds of a cross-validation: `five-fold cross-validation`, `10-fold CV`;
- the parts of a split in percent: `divided into an 80% training and 20% holdout set`;
- a length limit: `sentences of length ≤ 10`, `sentences of length ≤ 15 and ≤ 40`;
- a value a verb gives a named quantity: `by lowering the deletion cost to 0.5 and
  insertion cost to 0.75`, `which sets the subset ratio to 0.5`.

Each is read only in a clause that reports no outcome."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake, words
from arakit.compiler.settings.numbers import MANTISSA, NUMBER, WORDS, parse_number
from arakit.compiler.settings.patterns import (
    configured,
    UNIT,
    about_hardware,
    clause_before,
    names_a_result,
    reports_a_result,
)

_USE = r"(?P<use>training|validation|testing|test|evaluation|development|tuning)"
_SPLIT_RE = re.compile(
    r"(?:(?P<what>sections?|folds?|splits?|subjects?|years?)\s+)?"
    rf"(?<![\w.,\-])(?P<a>{MANTISSA})(?:\s?[-–]\s?(?P<b>{MANTISSA}))?(?P<pct>\s?%)?"
    r"(?:\s+(?P<noun>[a-z][a-z\-]*s))?\s+for\s+(?:the\s+)?" + _USE + r"\b(?!\s+(?:time|speed))"
)
# nouns of what a run costs, not of what it holds
_COST_NOUNS = frozenset(words("hours minutes seconds days weeks gpus cpus cores times epochs"))


def splits(sentence: str) -> list[Found]:
    """`section 2-21 for training, section 22 for validation`: what part of the data each
    use takes (every number of a range of sections)."""
    out = []
    for m in _SPLIT_RE.finditer(sentence):
        noun = (m.group("noun") or "").lower()
        if noun in _COST_NOUNS or about_hardware(m.group(0)):
            continue
        clause = clause_before(sentence, m.start())
        if reports_a_result(clause) or names_a_result(clause):
            continue
        what = noun or (m.group("what") or "").lower() or ("share" if m.group("pct") else "")
        if not what:
            continue  # `10 for testing`: a count of nothing named
        name = f"{what} for {m.group('use')}"
        numbers = tuple(float(v.replace(",", "")) for v in (m.group("a"), m.group("b")) if v)
        value = m.group(0).split(" for ")[0].strip()
        unit = "%" if m.group("pct") else ""
        several = numbers if len(numbers) > 1 else ()
        out.append(Found(m.span("a"), name, value, unit, snake(name), several))
    return out


_FOLDS_RE = re.compile(
    rf"(?<![\w.\-])(?P<value>\d+|(?i:{'|'.join(sorted(WORDS, key=len, reverse=True))}))[-\s]fold\s+"
    r"(?:(?:stratified|nested|repeated|grouped)\s+)?(?:(?i:cross[-\s]?validat\w*)|CV)\b"
)


def folds(sentence: str) -> list[Found]:
    """`five-fold cross-validation`, `10-fold CV`: how many folds the data is split into."""
    out = []
    for m in _FOLDS_RE.finditer(sentence):
        if parse_number(m.group("value")) is None:
            continue
        name = "cross-validation folds"
        out.append(Found(m.span("value"), name, m.group("value"), "", "n_folds"))
    return out


_PART_USE = (
    r"(?P<use>training|train|test|testing|validation|holdout|hold-out|development|dev|"
    r"evaluation)"
)
_PCT_PART_RE = re.compile(
    rf"(?<![\w.,])(?P<value>{MANTISSA})\s?%\s+{_PART_USE}\b(?!\s+(?:accuracy|error|loss|score))"
)


# `80% of the data will be made into the training dataset with the other 20% becoming the
# test dataset`: a share, then the part it goes to (a set, not a score) in the same clause
_PCT_INTO_PART_RE = re.compile(
    rf"(?<![\w.,])(?P<value>{MANTISSA})\s?%\s+(?:of\s+the\s+(?:data(?:set)?|samples|examples)\s+)?"
    rf"(?:[a-z]+\s+){{0,5}}?(?:the\s+){_PART_USE}\s+(?:data(?:set)?|set|split|subset|partition)\b"
)


def percent_parts(sentence: str) -> list[Found]:
    """`divided into an 80% training and 20% holdout set`, `80% of the data will be made into
    the training dataset with the other 20% becoming the test dataset`: the share of each
    part, read when the sentence names two parts or more (one `80% training` alone may be a
    result)."""
    found = list(_PCT_PART_RE.finditer(sentence))
    if len(found) < 2:
        found = list(_PCT_INTO_PART_RE.finditer(sentence))
    if len(found) < 2 or reports_a_result(clause_before(sentence, found[0].start())):
        return []
    out = []
    for m in found:
        use = m.group("use").replace("-", "")
        name = f"{use} share"
        out.append(Found(m.span("value"), name, m.group("value"), "%", snake(name)))
    return out


_FRACTIONS = {
    "half": 1 / 2,
    "third": 1 / 3,
    "quarter": 1 / 4,
    "fourth": 1 / 4,
    "fifth": 1 / 5,
    "tenth": 1 / 10,
}
_FRACTION_RE = re.compile(
    r"\b(?P<value>(?:(?P<count>one|a|two|three|four)\s+)?(?P<part>half|thirds?|quarters?|"
    r"fourths?|fifths?|tenths?))\s+of\s+(?:the\s+|our\s+|all\s+)?(?:total\s+|whole\s+|"
    r"full\s+|available\s+|observational\s+)?(?:data(?:set)?|samples|observations|examples|"
    r"images|records|cases)\b",
    re.IGNORECASE,
)
_PART_USE_RE = re.compile(
    rf"\b{_PART_USE}\b(?!\s+(?:accuracy|error|loss|score|performance|time))", re.IGNORECASE
)


def fraction_parts(sentence: str) -> list[tuple[Found, float]]:
    """`a hold-out test set of observational data (one third of the total data)`, `two
    thirds of the samples for training`: a share of the data written as a fraction in
    words, read when the sentence names the part it goes to; with the fraction's value."""
    use = _PART_USE_RE.search(sentence)
    if not use or reports_a_result(clause_before(sentence, use.start())):
        return []
    out = []
    for m in _FRACTION_RE.finditer(sentence):
        part = m.group("part").lower().rstrip("s")
        count = (m.group("count") or "one").lower()
        times = 1 if count in ("one", "a") else parse_number(count)
        if times is None or (part == "half" and count not in ("one", "a")):
            continue
        name = f"{use.group('use').lower().replace('-', '')} share"
        out.append(
            (
                Found(m.span("value"), name, m.group("value"), "", snake(name)),
                times * _FRACTIONS[part],
            )
        )
    return out


_LIMIT_RE = re.compile(
    r"(?P<noun>[a-z][a-z\-]*s)\s+(?:of|with)\s+(?:a\s+)?(?P<what>length|size|duration)s?\s*"
    r"(?:≤|<=|<|up\s+to|at\s+most|of\s+at\s+most)\s*(?P<a>\d+)"
    r"(?:\s*(?:and|or|,)\s*(?:≤|<=|<)\s*(?P<b>\d+))?(?!\.\d|\d)"
)


def limits(sentence: str) -> list[Found]:
    """`We use sentences of length ≤ 10 in training`: the longest item a study keeps."""
    out = []
    for m in configured(_LIMIT_RE, sentence):
        name = f"maximum {m.group('noun')} {m.group('what')}"
        numbers = tuple(float(v) for v in (m.group("a"), m.group("b")) if v)
        value = sentence[m.start("a") - 2 if m.group(0).find("≤") >= 0 else m.start("a") : m.end()]
        several = numbers if len(numbers) > 1 else ()
        out.append(Found(m.span("a"), name, value.strip(), "", snake(name), several))
    return out


_VERB = r"(?:set|sets|setting|lower\w*|rais\w*|increas\w*|decreas\w*|reduc\w*|fix\w*|chang\w*)"
_TO_VALUE = rf"\s+to\s+(?P<value>{NUMBER})(?:\s?(?P<unit>{UNIT}))?(?![\w.]\d|\s?[×x*/^])"
_NAME = r"(?P<name>[a-z][\w\-]*(?:\s+(?!to\b)[a-z][\w\-]*){0,3}?)"
_SET_RE = re.compile(
    rf"\b(?:by|we|which|that)\s+(?:also\s+)?(?P<verb>{_VERB})\s+(?:the\s+)?{_NAME}{_TO_VALUE}"
)
_AND_RE = re.compile(rf"\s*(?:,\s*and|,|and)\s+(?:the\s+)?{_NAME}{_TO_VALUE}")


def set_values(sentence: str) -> list[Found]:
    """`by lowering the deletion cost to 0.5 and insertion cost to 0.75`, `which sets the
    subset ratio to 0.5 and the overlap ratio to 0.25`: each quantity the verb sets."""
    out = []
    for m in configured(_SET_RE, sentence):
        found = [m]
        while more := _AND_RE.match(sentence, found[-1].end()):
            found.append(more)
        # `lowering the deletion cost to 0.5`: a cost a method charges, which one sets
        # (`we reduce the cost to 2 hours` reports what a run took)
        priced = re.match(r"(?:set|lower|rais)", m.group("verb"))
        for f in found:
            name = f.group("name")
            if names_a_result(re.sub(r"\bcosts?$", "", name) if priced else name):
                continue
            unit = f.group("unit") or ""
            out.append(Found(f.span("value"), name, f.group("value"), unit, snake(name)))
    return out
