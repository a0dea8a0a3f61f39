"""How values are combined: the paper naming a mean or a median of something (`combined
with the median attention across all twelve heads`) against the reductions the paper's
code computes of values named for it (repo/reductions.py). A disagreement is reported
only on firm ground: every reduction the code assigns to, or takes of, a name holding the
paper's word (`averageAttention = attentionImage.mean(axis=0)`) is the other of the two
statistics, and none is the paper's. Sums, maxima and sums divided by hand are never
read as a disagreement with a paper's mean."""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

# the reduction a paper names before what it reduces (`the median attention`, `the mean of
# the scores`); a word of at least five letters, not a function word
_NAMED = re.compile(
    r"\b(median|mean|average)\s+(?:of\s+(?:the\s+|all\s+)?)?([a-z]{5,})\b", re.IGNORECASE
)
_FAMILY = {"median": "median", "mean": "mean", "average": "mean"}
_OTHER = {"median": "mean", "mean": "median"}
_NOT_A_THING = frozenset(
    [
        "value",
        "values",
        "number",
        "score",
        "scores",
        "across",
        "between",
        "over",
        "under",
        "which",
        "where",
        "while",
        "their",
        "these",
        "those",
        "about",
        "after",
        "before",
        "using",
        "based",
        "during",
        "within",
    ]
)
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _words(name: str) -> set[str]:
    return {w.lower().rstrip("s") for w in _CAMEL.findall(name)}


def reduction_verdicts(sentences: list[Where], found: list[CodeParam]) -> list[Verdict]:
    """One mismatch per thing the paper reduces one way and the code another."""
    out: list[Verdict] = []
    seen: set[str] = set()
    for where in sentences:
        for m in _NAMED.finditer(where.sentence):
            family, noun = _FAMILY[m.group(1).lower()], m.group(2).lower()
            stem = noun.rstrip("s")
            if noun in _NOT_A_THING or stem in seen:
                continue
            about = [p for p in found if stem in _words(p.name) | _words(p.context)]
            if {p.value for p in about} != {_OTHER[family]}:
                continue  # the paper's own statistic, another kind, or nothing named for it
            named = [p for p in about if p.name]
            if not named:
                continue
            seen.add(stem)
            p = named[0]
            s = PaperSetting(f"{noun}_reduction", m.group(0), m.group(1), None, "", where)
            note = (
                f"{p.name} at {p.location} takes the {p.value} of {p.context or 'its values'}; "
                f"the code takes no {family} of anything named for {noun}"
            )
            out.append(verdict(s, "mismatch", p, note))
    return out
