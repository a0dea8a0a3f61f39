"""Distributions a paper sets: a prior (`normal(600, 100)` in brms code printed in the paper,
`the effect prior at Normal(0, 100)`) or an initialisation (`W1 ∼ N(0, 0.01)`), each one
setting whose value is the distribution as printed and whose numbers are its parameters
(`log(100)` gives 100, as the paper's own scale).

Only a distribution with numeric parameters is a setting: `ξ ∼ N(0, I)`, `Li ∼ 𝒩(μi, σi)` and
`λ ∼ Γ(n, 1)` describe a model's form. A sentence must also say it sets one (a prior, `∼`,
drawn or sampled from, initialised), so a distribution merely named is not read. A
log-uniform's bounds are left out: a text layer that flattens `10⁷` to `107` makes them
unreadable."""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import snake
from arakit.compiler.settings.numbers import parse_number

_FAMILY = (
    r"(?:half[- ]?normal|half[- ]?cauchy|half[- ]?student[- _]?t|log[- ]?normal|"
    r"student[- _]?t|inv[- _]?gamma|normal|gaussian|gamma|beta|uniform|unif|cauchy|"
    r"exponential|exp|poisson|laplace|N|𝒩|U|Γ)"
)
# a literal argument: `600`, `-0.5`, `log(100)`, `10⁷`, `1e-3`
_ARG = r"\s*(?:log\(\s*[-+−]?[\d.]+(?:e[-+]?\d+)?\s*\)|[-+−]?[\d.]+(?:e[-+]?\d+)?(?:\s?×\s?10)?[⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*)\s*"
_CALL = re.compile(
    rf"(?<![\w.]){_FAMILY}\s?\((?P<args>{_ARG}(?:,{_ARG}){{0,2}})\)",
    re.IGNORECASE,
)
_SETS = re.compile(
    r"\bpriors?\b|[∼~]|\b(?:drawn|sampled|sample|draw|initiali[sz]ed|initiali[sz]e)\s+"
    r"(?:\w+\s+){0,3}?from\b|\bdistributed\b",
    re.IGNORECASE,
)
# brms: `prior(normal(0, 50), class = "b", coef = "Blur", dpar = "beta")`
_BRMS_PART = re.compile(r"\b(?:class|coef|dpar|group|nlpar)\s*=\s*[\"']?(?P<v>[\w:.]+)")
# `X ∼ N(…)`, `X ~ normal(…)`: what follows the distribution
_TILDE = re.compile(
    r"(?P<name>[^\s,;()\[\]]*[^\W\d_][^\s,;()\[\]]*)\s*(?:\[[^\]]{0,20}\]\s*)?[∼~]\s*$"
)
# `the heterogeneity prior at Half-normal(2)`, `The prior on the Blur coefficient is N(0, 50)`
_NAMED = re.compile(
    r"(?:(?P<what>[\w-]+)\s+prior|prior\s+(?:on|for)\s+(?:the\s+)?"
    r"(?P<on>(?:[\w-]+\s+){0,3}?[\w-]+))\s+(?:(?:is|was|at|of|as|to|=)\s+)?(?:a\s+|an\s+)?$",
    re.IGNORECASE,
)
_FILLER = frozenset({"the", "a", "an", "this", "that", "our", "its", "their", "we", "used"})


def distribution_settings(text: str, where: Where, source: str = "prose") -> list[PaperSetting]:
    """Every distribution with numeric parameters that `text` sets."""
    if not _SETS.search(text):
        return []
    out: list[PaperSetting] = []
    for m in _CALL.finditer(text):
        if re.search(r"\blog[- ]?$", text[max(0, m.start() - 4) : m.start()], re.IGNORECASE):
            continue  # a log-uniform (see above)
        numbers = tuple(
            n for n in (_number(a) for a in m.group("args").split(",")) if n is not None
        )
        if not numbers:
            continue
        name = _name(text, m.start(), m.end())
        if not name:
            continue
        s = PaperSetting(
            snake(name) or "prior",
            name,
            m.group(0),
            numbers[0] if len(numbers) == 1 else None,
            "",
            where,
            numbers=numbers if len(numbers) > 1 else (),
            source=source,
        )
        s.extra["distribution"] = m.group(0)
        out.append(s)
    return out


def _number(arg: str) -> float | None:
    arg = arg.strip()
    inner = re.fullmatch(r"log\(\s*(.+?)\s*\)", arg)
    return parse_number(inner.group(1) if inner else arg)


def _name(text: str, start: int, end: int) -> str:
    """What the distribution is set for: brms's class/coef/dpar after it, the symbol before
    `∼`, the noun before `prior`; "prior" when the text says it is one; nothing otherwise."""
    before, after = text[max(0, start - 80) : start], text[end : end + 120]
    if re.search(r"\bprior\s*\(\s*$", before, re.IGNORECASE):
        close = after.find(")")
        parts = [p.group("v") for p in _BRMS_PART.finditer(after[: close if close >= 0 else None])]
        return " ".join(["prior", *parts])
    tilde = _TILDE.search(before)
    if tilde:
        kind = "prior" if re.search(r"\bpriors?\b", text, re.IGNORECASE) else "distribution"
        return f"{tilde.group('name')} {kind}"
    named = _NAMED.search(before)
    if named:
        words = (named.group("what") or named.group("on") or "").split()
        words = [w for w in words if w.lower() not in _FILLER]
        return " ".join([*words, "prior"]) if words else "prior"
    return "prior" if re.search(r"\bpriors?\b", before, re.IGNORECASE) else ""
