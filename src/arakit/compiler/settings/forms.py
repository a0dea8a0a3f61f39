"""Settings stated in two plain forms that need no vocabulary:

- values and what they are used as: `we used only 2, 3, and 5 as quantization levels`,
  `we use 0.5 as the threshold`;
- a range written as an inequality in brackets after what it bounds: `for the redshift
  range of interest (0.4 < z < 1.4)`."""

from __future__ import annotations

import re

from arakit.compiler.settings import patterns as P
from arakit.compiler.settings.glossary import SYMBOL
from arakit.compiler.settings.items import Found
from arakit.compiler.settings.numbers import NUMBER, parse_number

_LIST = rf"{NUMBER}(?:\s*,\s*{NUMBER})*(?:\s*,?\s*(?:and|or)\s+{NUMBER})?"
_USED_AS = re.compile(
    r"\b(?:use[sd]?|using|cho(?:se|sen|ose)|select(?:ed|s)?|t(?:ake|ook|aken)|set)\s+"
    rf"(?:only\s+|exactly\s+)?(?P<values>{_LIST})"
    r"\s+as\s+(?:the\s+|our\s+|its\s+|their\s+)?(?P<name>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})"
)
_BETWEEN = re.compile(
    rf"\(\s*(?P<a>{NUMBER})\s*(?:<|≤|<=)\s*(?P<sym>{SYMBOL})\s*(?:<|≤|<=)\s*(?P<b>{NUMBER})\s*\)"
)


def used_as(sentence: str) -> list[Found]:
    """`we used only 2, 3, and 5 as quantization levels`: the values and the noun phrase
    after `as` (up to its first preposition), one setting with every value."""
    out = []
    for m in _USED_AS.finditer(sentence):
        words = []
        for w in m.group("name").split():
            if w.lower() in P.LEAD_STOP or w.lower() in P.PREPOSITIONS:
                break
            words.append(w)
        name = " ".join(words)
        printed = re.findall(NUMBER, m.group("values"))
        numbers = tuple(n for v in printed if (n := parse_number(v)) is not None)
        clause = P.clause_before(sentence, m.start())
        if not name or P.names_a_result(name) or P.reports_a_result(clause):
            continue
        if len(numbers) != len(printed):
            continue
        listed = numbers if len(numbers) > 1 else ()
        out.append(Found(m.span("values"), name, m.group("values"), "", "", listed))
    return out


def between(sentence: str) -> list[Found]:
    """`the redshift range of interest (0.4 < z < 1.4)`: a range named by the words before
    the bracket (a plain word must end them: a bound inside a derivation has none)."""
    out = []
    for m in _BETWEEN.finditer(sentence):
        before = sentence[: m.start()].split()
        if not before or not P.is_plain_word(before[-1]) or before[-1].lower() in P.LEAD_STOP:
            continue  # `convex on (0 < x < 1)`: a bound in an argument, not a named range
        clause = re.split(r"\b(?:is|are|was|were|be|holds?)\b", sentence[: m.start()])[-1]
        subject = P.lead(clause, 5)
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not subject or not P.is_plain_word(subject.split()[-1]) or a is None or b is None:
            continue
        if a >= b or P.names_a_result(subject) or P.reports_a_result(subject):
            continue
        text = sentence[m.start() + 1 : m.end() - 1].strip()
        out.append(Found(m.span(), f"{subject} ({m.group('sym')})", text, "", "", (a, b)))
    return out
