"""Values named by the phrase printed before them: `a FWHM of 250 km/s`, `a cache-size of
26GB`, `standard deviation 10−4`; `Random single-step pairs (60%)`; `A and B are set to x
and y, respectively`. Each function calls `add` (prose.Reader) for what it reads."""

from __future__ import annotations

import re

from arakit.compiler.settings import patterns as P
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


def percent(sentence: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
    phrase = P.lead(m.group("phrase") + " ", 5).strip(" -–")
    clause = P.clause_before(sentence, m.start())
    if not phrase or P.names_a_result(phrase) or P.reports_a_result(clause):
        return
    if not P.SETTING_PERCENT_NOUNS.search(phrase):
        return
    add(m.start(), m.span(), phrase, m.group("value"), "%")


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
    add(m.start("value"), m.span("value"), phrase, m.group("value"), unit)
    for v, u in P.MORE_RE.findall(m.groupdict().get("more") or ""):
        add(m.start("more"), m.span("more"), phrase, v, u)
