"""Values named by the phrase printed before them: `a FWHM of 250 km/s`, `a cache-size of
26GB`, `standard deviation 10−4`; `Random single-step pairs (60%)`; `A and B are set to x
and y, respectively`. Each function calls `add` (prose.Reader) for what it reads."""

from __future__ import annotations

import re

from arakit.compiler.settings import patterns as P
from arakit.compiler.settings.names import words
from arakit.compiler.settings.numbers import NUMBER


def respectively(sentence: str, add) -> None:  # type: ignore[no-untyped-def]
    for m in P.RESPECTIVELY_RE.finditer(sentence):
        names = [n for n in re.split(r",\s*|\s+and\s+", m.group("names")) if n.strip()]
        vals = re.findall(rf"({NUMBER})(?:\s?({P.UNIT}))?", m.group("values"))
        if len(names) != len(vals) or len(names) < 2 or any(map(P.names_a_result, names)):
            continue
        for raw, (v, u) in zip(names, vals, strict=True):
            name = P.lead(raw + " ", 4)
            if name and not P.names_a_result(name):
                add(m.start(), m.span(), name, v, u)


# one value with its unit in a list of values: `600 kg/m3`, `−500 kg/m3`
_VALUE_UNIT = rf"{NUMBER}(?:\s?{P.UNIT})?"
_VALUES = (
    rf"(?P<values>{_VALUE_UNIT}(?:\s*,\s*{_VALUE_UNIT})*\s*,?\s+and\s+(?:to\s+)?{_VALUE_UNIT})"
)
# `the density contrasts of A, B and C are, respectively, 600 kg/m3, −500 kg/m3 and 550
# kg/m3`: the word `respectively` before the values
_NAMES_THEN_VALUES = re.compile(
    rf"(?P<names>[^.;:]{{3,160}}?)\s+(?:are|were|is|was)\s*,?\s+respectively\s*,?\s+{_VALUES}"
)
# `equal to −19.865° and −7.439° (the same as …) for the inclination and declination,
# respectively`: the values first, their names after
_VALUES_THEN_NAMES = re.compile(
    rf"{_VALUES}(?:\s*\([^()]{{0,80}}\))?\s+(?:for|of)\s+(?:the\s+)?"
    r"(?P<names>[a-z][\w\- ]{1,40}?(?:\s*,\s*[a-z][\w\- ]{1,40}?)*,?\s+and\s+(?:the\s+)?"
    r"[a-z][\w\-]{1,30}(?:\s+[a-z][\w\-]{1,30})?)\s*,?\s+respectively"
)


_THE = re.compile(r"^the\s+")


def _names(text: str) -> list[str]:
    """The names of a list (`the density contrasts of the upper left sphere, upper right
    sphere and prism`): each item, with the head the first one shares (`density contrasts
    of`) put before every item."""
    items = [n.strip() for n in re.split(r",\s*|\s+and\s+", text) if n.strip()]
    head = (
        re.match(r"(?:.*?\s)??(?P<head>[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s+of)\s+", items[0])
        if items
        else None
    )
    if head:
        items[0] = items[0][head.end() :]
        items = [f"{head.group('head')} {_THE.sub('', i)}" for i in items]
    return items


def respectively_around(sentence: str, add) -> None:  # type: ignore[no-untyped-def]
    """Lists matched by `respectively` placed before the values, or with the names after
    them: one setting per name, each with its own value and unit."""
    if "respectively" not in sentence:
        return  # both forms need the word; the patterns are costly to try on every sentence
    for rx in (_NAMES_THEN_VALUES, _VALUES_THEN_NAMES):
        for m in rx.finditer(sentence):
            clause = P.clause_before(sentence, m.start("values"))
            if P.reports_a_result(clause) or P.names_a_result(P.lead(clause, 4)):
                continue  # `(R2 index of 0.99 and 0.98 for vC and iL, respectively)`
            raw = m.group("names")
            if rx is _NAMES_THEN_VALUES:
                raw = re.split(r"[;:()]|,\s(?=[a-z]+\s(?:we|they|it)\b)", raw)[-1]
            names = _names(raw)
            vals = re.findall(rf"({NUMBER})(?:\s?({P.UNIT}))?", m.group("values"))
            if len(names) != len(vals) or len(names) < 2:
                continue
            for raw_name, (v, u) in zip(names, vals, strict=True):
                name = P.lead(raw_name + " ", 6)
                if name and not P.names_a_result(name):
                    add(m.start("values"), m.span("values"), name, v, u)


def percent(sentence: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
    phrase = P.lead(m.group("phrase") + " ", 5).strip(" -–")
    clause = P.clause_before(sentence, m.start())
    if not phrase or P.names_a_result(phrase) or P.reports_a_result(clause):
        return
    if not P.SETTING_PERCENT_NOUNS.search(phrase):
        return
    add(m.start(), m.span(), phrase, m.group("value"), "%")


# a preposition of a path or a place before a size (`along 50m transect line`, `across
# 2 km transects`): the size belongs to the noun after it, not to the words before
_ALONG = frozenset(words("along across over through within around into onto"))
_SIZED_AFTER = re.compile(
    r"\s+(?P<noun>[a-z][a-z\-]{2,}(?:\s+[a-z][a-z\-]{2,})?)(?=\s*[,;.)]|\s+(?:of|with|and)\b)"
)

# an observatory's instrument named by its size (`the Gemini South 8m telescope`, `a 2.5-m
# telescope`): what the observations were made with, not a setting of the study
_INSTRUMENT_AFTER = re.compile(r"\s*-?\s*(?:[A-Z][\w-]*\s+)?(?:telescopes?|reflector|refractor)\b")


def quantity(sentence: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
    """A value with its unit named by up to three words before it (QUANTITY_RE)."""
    phrase = P.lead(m.group("phrase") + " ", 3)
    toks = phrase.split()
    cut = [i for i, t in enumerate(toks[:-1]) if t.lower() in ("a", "an", "the")]
    if cut:
        phrase = " ".join(toks[cut[-1] + 1 :])  # `chosen a cache-size`: the cache-size
    clause = P.clause_before(sentence, m.start("value"))
    joint = sentence[m.end("phrase") : m.start("value")].strip()
    # `a FWHM of 250 km/s`, `a cache-size of 26GB`: an acronym or a hyphenated noun (`R 3 Ω` names nothing)
    named = joint == "of" and re.fullmatch(r"[A-Z]{3,6}|[a-z]{3,}(?:-[a-z]+)+", phrase) is not None
    if not phrase or phrase[0].isdigit() or (P.looks_like_symbol(phrase) and not named):
        return  # `3 Ω` after a bare symbol without `=` is not a statement
    last = m.group("phrase").split()[-1].lower()
    if not joint and last in P.NOT_A_NAME_END:
        return  # `resolved in the 0.36 m images`, `recurring every 8 days`: no name
    if P.names_a_result(phrase) or P.reports_a_result(clause) or P.about_hardware(clause):
        return
    if m.groupdict().get("unit") in P.HARDWARE_UNITS and not P.SOFTWARE_MEMORY.search(phrase):
        return  # `16 GB of RAM` describes the machine; `a cache size of 26GB` is a setting
    if P.RANGE_END_AFTER_RE.match(sentence, m.end()) and not m.groupdict().get("more"):
        return  # `latitudes between 0° and 20°`: one end of a range, not a value set
    if P.COMPARISON.search(sentence[: m.start("value")]) or P.OR_MORE.match(sentence, m.end()):
        return  # `close to 2 V`, `0.5 dex or more`: a bound or a comparison, not a setting
    if m.start("phrase") and sentence[m.start("phrase") - 1].isdigit():
        return  # `13th magnitude to 200 mmag`: the phrase starts inside a number
    value_end = m.end("value")
    if sentence[value_end : value_end + 2] == "s " and m.group("value") in ("0", "1"):
        return  # `0s represented the absence`: zeros, not seconds
    if sentence[value_end : value_end + 1] == "s" and re.fullmatch(
        r"[1-9]0|1[89]\d0|20\d0", m.group("value")
    ):
        return  # `the early 90s`, `the 1990s`: a decade
    if m.groupdict().get("unit") == "%" and not P.SETTING_PERCENT_NOUNS.search(phrase):
        return  # a percentage is a setting only when it names a share or a probability
    unit = m.groupdict().get("unit") or ""
    if _INSTRUMENT_AFTER.match(sentence, m.end()):
        return  # `the Keck I 10m telescope`: the instrument's aperture, as hardware is
    sized = _SIZED_AFTER.match(sentence, m.end())
    if last in _ALONG and sized and not set(sized.group("noun").split()) & P.LEAD_STOP:
        phrase = sized.group("noun")  # `a census along 50m transect line`: the line's length
    add(m.start("value"), m.span("value"), phrase, m.group("value"), unit)
    for v, u in P.MORE_RE.findall(m.groupdict().get("more") or ""):
        add(m.start("more"), m.span("more"), phrase, v, u)
