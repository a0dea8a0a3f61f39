"""Cuts set in multiples of a standard deviation, as a method states them:

- a clip: `we perform a 4σ clip on each action`, `3-sigma clipping of the light curve`;
- outliers removed beyond a multiple: `outliers greater than 3-σ were removed`;
- a detection threshold: `the 5-σ detection limits`, `a 5σ contrast curve`;
- the significance that selects what is shown: `significant (>3σ) linear trends`.

A multiple that reports how far two values stand apart (`discrepant by about 2-σ`, `within
1σ of the true values`, `from ≈2-σ to 15-σ`) or draws a contour (`1- and 2-σ contours`,
`1σ error bars`) is an outcome or a plot's convention, not a cut: only the nouns and verbs
of a cut make one a setting."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found

_SIGMA = r"(?P<value>\d+(?:\.\d+)?)\s?[-‐]?\s?(?:σ|sigma)(?![\w])"
# a multiple before the noun of a cut
_CUT_AFTER = re.compile(
    rf"(?<![\w.≈∼~±]){_SIGMA}\s*(?P<noun>clip(?:ping)?|cut|threshold|rejection|"
    r"detection\s+(?:limits?|thresholds?)|contrast\s+(?:curves?|limits?))\b",
    re.IGNORECASE,
)
# outliers beyond a multiple, removed: `outliers greater than 3-σ were removed`
_OUTLIERS = re.compile(
    rf"\boutliers?\s+(?:(?:greater|more|larger)\s+than|beyond|above|outside)\s+{_SIGMA}"
    r"[^.;]{0,40}?\b(?:removed|clipped|rejected|excluded|discarded|masked)\b",
    re.IGNORECASE,
)
# what a significance cut selects: `significant (>3σ) linear trends`
_SIGNIFICANT = re.compile(rf"\bsignifican\w*\s*\(\s*[>≥]\s*{_SIGMA}\s*\)", re.IGNORECASE)


def sigma_cuts(sentence: str) -> list[Found]:
    """Every cut the sentence sets as a multiple of σ (see the module docstring)."""
    out = []
    for m in _CUT_AFTER.finditer(sentence):
        noun = " ".join(m.group("noun").lower().split())
        name = "σ clip" if noun.startswith("clip") else noun
        out.append(Found(m.span("value"), name, m.group("value"), "σ", "sigma_" + name[:4]))
    for m in _OUTLIERS.finditer(sentence):
        span = m.span("value")
        out.append(Found(span, "outlier clipping", m.group("value"), "σ", "sigma_clip"))
    for m in _SIGNIFICANT.finditer(sentence):
        span = m.span("value")
        out.append(Found(span, "significance", m.group("value"), "σ", "sigma_significance"))
    return out
