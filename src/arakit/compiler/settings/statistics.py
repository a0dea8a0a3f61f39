"""Statistics a paper reports, never settings it chose:

- a test statistic with its degrees of freedom: `t(66) = 6.93`, `F(2, 645) = 4969`,
  `χ²(3) = 12.1`;
- an effect size: `η² = .94`, `ηp² = .12`, `ω² = .08`, `Cohen's d = 0.41`;
- a statistic of a fit: `χ2 = 276`, `χ²red = 3.0`, `∆BIC = 89`, `AIC = 412.3`, and the
  degrees of freedom it has (`the model has 91 degrees of freedom`);
- a mean, a spread or an effect written beside a p-value or a test statistic, as APA style
  writes results: `repeated pairs (M = .47) … t(66) = 6.93, p < .001`, `(d = 0.44, p < .05)`.

A symbol the paper reports that way once is a statistic wherever it stands
(`a substantial body of evidence (d = 0.44)`): `reported_symbols` collects them over the
paper's sentences. A symbol used the same way as a setting elsewhere (`d = 512`, `M = 4`)
is not touched unless its own paper reports it as a statistic."""

from __future__ import annotations

import re

from arakit.compiler.settings.numbers import parse_number

# a test statistic printed with its degrees of freedom: `t(66)`, `F(2, 645)`, `χ2(3)`, or
# with both of an F test's set as a subscript run into the letter: `F2,126`
_TEST = re.compile(
    r"(?:t|F|χ\s?[²2]|X\s?[²2]|z|H|U|W|r)\s?\(\s?\d[\d.,\s]*\)|F\s?\d{1,3}\s?,\s?\d{1,6}"
)
# an effect size whose symbol is a statistic in any paper
# (the square printed as `²`: `η2` may be a second learning rate)
_EFFECT = re.compile(r"(?:partial\s+)?[ηω]\s?[pG]?\s?²|[ηω]²?\s?[pG]²?|Cohen[’']?s\s+[dfhκ]")
# a statistic of a fit: χ² (reduced or not), an information criterion or its difference
_FIT = re.compile(
    r"(?:reduced\s+)?χ\s?(?:[²2]\s?(?:red|ν|dof)?|(?:red|ν|dof)\s?[²2])"
    r"|[∆Δ]?\s?(?:BIC|AIC|AICc|DIC|WAIC)",
)
# a count of degrees of freedom right after a value
_DOF_AFTER = re.compile(r"\s*(?:degrees\s+)?of\s+freedom\b|\s*(?:dof|d\.o\.f\.)(?!\w)")
# the symbols of descriptive statistics and effects that are statistics only beside a p-value
_APA = frozenset({"M", "SD", "SE", "SEM", "Mdn", "d", "r", "b", "β", "g", "OR", "RR"})
# a p-value as a result states it: an inequality (`p < .05`, `p ≤ 0.001`) or `p = .03`
_P_VALUE = re.compile(r"(?<![\w.])p\s?(?:[<>≤≥]\s?0?\.\d|=\s?0?\.0\d|=\s?\.\d)")
# a p-value by its name (`p`, `P`, `p-value`, `P value`); the `p` of a dropout or of a draw
# is a probability a paper sets, so the name alone decides nothing
_P_NAME = re.compile(r"[pP](?:[\s-]?values?)?")
# a value in scientific notation with a negative power (`2.58 × 10⁻⁶⁸`, `3e-7`): as a p
# it is a test's result, never a probability anyone sets
_TINY = re.compile(r"(?:[×x]\s?10\s?[⁻−-]|\de-\d)")
# words of a sentence that reports a test or an estimate beside its p-value
_TESTED = re.compile(
    r"\b(?:ANOVA|ANCOVA|MANOVA|t-tests?|tests?|significan\w*|estimates?|estimated|"
    r"confidence|credible|intervals?|CI|correlat\w*|regressions?|coefficients?|"
    r"Wilcoxon|Mann|Kruskal|Fisher|chi-squared?|odds ratios?|likelihood ratio)\b",
    re.I,
)
# an estimate or an interval around one, by its name: what the data gave
_ESTIMATE_NAME = re.compile(
    r"\b(?:point estimates?|estimated (?:effect|coefficient|value)s?|"
    r"(?:confidence|credible|HPD|compatibility) intervals?|\d+\s?%\s?CIs?)\b",
    re.I,
)
_ASSIGNED = re.compile(r"(?<![\w.])(?P<symbol>[A-Za-zβ]{1,3})\s?=\s?[−-]?\d*\.?\d")


def states_statistics(sentence: str) -> bool:
    """True when a sentence reports a test: a p-value or a statistic with its degrees of
    freedom."""
    return bool(_P_VALUE.search(sentence) or _TEST.search(sentence))


def reported_symbols(sentences: list[str]) -> frozenset[str]:
    """The APA symbols (M, SD, d, r …) a paper assigns a value in a sentence that reports a
    test: there they are statistics the paper reports."""
    out: set[str] = set()
    for sent in sentences:
        if states_statistics(sent):
            out.update(m.group("symbol") for m in _ASSIGNED.finditer(sent))
    return frozenset(out & _APA)


def is_statistic(
    name: str, sentence: str, reported: frozenset[str] = frozenset(), value: str = ""
) -> bool:
    """True when `name = value` in `sentence` is a reported statistic, not a setting: also a
    p-value (`P = 0.973` after an ANOVA, `p = 0.009` beside an estimate, any `P = 2.6 ×
    10⁻⁶⁸`) and an estimate or its interval by name (`the point estimate of 0.056`, `95%
    confidence interval = -0.010 to 0.049`; the level alone, `95%`, may be a setting)."""
    name = name.strip()
    if _TEST.fullmatch(name) or _EFFECT.fullmatch(name) or _FIT.fullmatch(name):
        return True
    if _P_NAME.fullmatch(name) and (
        _TINY.search(value)
        or (_probability(value) and (states_statistics(sentence) or _TESTED.search(sentence)))
    ):
        return True  # `p = 180` predictors is a count, whatever the sentence says
    if _ESTIMATE_NAME.search(name) and not re.fullmatch(r"\s*\d+(?:\.\d+)?\s?%\s*", value):
        return True
    return name in _APA and (name in reported or states_statistics(sentence))


def _probability(value: str) -> bool:
    """True when the value, read as the settings' numbers read it, could be a probability
    (0 to 1), or there is no number to read."""
    number = parse_number(value)
    return number is None or 0.0 <= number <= 1.0


def counts_freedom(sentence: str, end: int) -> bool:
    """True when the value ending at `end` counts degrees of freedom (`91 degrees of
    freedom`): a property of a fit, not a setting."""
    return bool(_DOF_AFTER.match(sentence, end))
