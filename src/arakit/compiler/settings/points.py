"""Values a paper reports rather than sets: the points of a study's sweep at which it reads
an outcome, and the indices and limits of its equations.

- an outcome read at a point: `accuracy peaks at an intermediate cost (0.927 at N2q = 6)`,
  `slips to 0.75 at N2q = 12`, `reaching N2q = 3.2 at λ = 0.04 with no loss of accuracy`:
  the value beside a measured number (or an outcome verb) in the same clause is where the
  result was read, a position on the plot's axis, not the configuration the study ran with;
- a point of a declared sweep: once `λ ∈ {0, 0.005, …, 0.15}` is stated, `the λ = 0 row`
  and `at λ = 0.04` name members of that sweep (a value then chosen from it, `we use
  λ = 0.04`, is a setting);
- notation: an index running over a range (`k = 1, 2, …, N`), the limit of a sum or a
  union (`∑ … 𝑡=1`), a term of a display equation before its number (`A = 1 X ah (2)`)."""

from __future__ import annotations

import re

from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import NUMBER, parse_number
from arakit.compiler.settings.patterns import RESULT_NOUNS, unit_noun

# a measured number (a decimal or a percentage), then the point it was read at: `0.927 at
# N2q = 6`, `(0.56) at N2q = 18`, `0.87 at the full N2q = 24`, `+0.11 at N2q = 6`
_MEASURED_AT = re.compile(
    r"(?<![=\w.,])[+−-]?(?:\d*\.\d+|\d+(?:\.\d+)?\s?%)\)?\s+(?:at|for|when)\s+"
    r"(?:the\s+)?(?:[a-z]+\s+)?$"
)
# verbs by which a results passage says how an outcome moved along the axis
_OUTCOME_VERB = re.compile(
    r"\b(?:peak(?:s|ed|ing)?|collaps(?:e|es|ed|ing)|falls?|falling|fell|drop(?:s|ped|ping)?|"
    r"slip(?:s|ped)?|degrad(?:e|es|ed)|declin(?:e|es|ed)|saturat(?:e|es|ed)|plateau(?:s|ed)?|"
    r"rises?|rose|reach(?:es|ed|ing)?|holds?|held|stay(?:s|ed)?|remain(?:s|ed)?|recover(?:s|ed)?|"
    r"beats?)\b",
    re.IGNORECASE,
)
# a bare measured number: a decimal not itself the value of an `=`
_BARE_DECIMAL = re.compile(r"(?<![=≈<>≤≥\w.])\s?[+−-]?\d*\.\d+(?![\w.])")
# where a value is placed on the axis: `at`, `above`, `until`, `when … (N = 0)`
_POINT_BEFORE = re.compile(r"\b(?:at|above|below|until|beyond|past)\s+(?:the\s+)?$", re.IGNORECASE)
# a choice made from a sweep: the value the study then ran with is a setting
_CHOSEN = re.compile(
    r"\b(?:we\s+(?:use|used|set|fix|fixed|chose|choose|select|selected|adopt|adopted|pick|"
    r"picked|keep|kept)|(?:is|are|was|were)\s+(?:set|fixed|chosen|selected|used|defined)|unless\s+"
    r"noted|default|throughout)\b",
    re.IGNORECASE,
)


def _clause(sentence: str, start: int, end: int) -> str:
    """The clause around a span: from the last `;` or sentence break before it to the next
    one after it."""
    left = max(sentence.rfind(c, 0, start) for c in ";:") + 1
    stops = [i for i in (sentence.find(c, end) for c in ";:") if i >= 0]
    return sentence[left : min(stops, default=len(sentence))]


def reported_point(sentence: str, start: int, end: int) -> bool:
    """True when the `name = value` at `start:end` is where a reported outcome was read
    (see the module docstring): a measured number stands right before it (`0.927 at`), or
    its clause tells how an outcome moved (an outcome verb) with a measured number or an
    outcome noun beside it, and places the value on the axis (`at`, `above`, `(`)."""
    before = sentence[:start]
    if _MEASURED_AT.search(before):
        return True
    clause = _clause(sentence, start, end)
    if _CHOSEN.search(clause) or not _OUTCOME_VERB.search(clause):
        return False
    rest = clause.replace(sentence[start:end], " ")
    measured = _BARE_DECIMAL.search(rest) or _outcome_noun(clause)
    counted = unit_noun(sentence[end:])  # `execute n = 10000 iterations`: a count set
    return bool(measured) and bool(_POINT_BEFORE.search(before)) and not counted


def _outcome_noun(text: str) -> bool:
    return bool({w.strip(".,()") for w in text.lower().split()} & (RESULT_NOUNS | {"chance"}))


_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|⋯|·\s?·\s?·")


def _members(value: str) -> tuple[list[float], float | None]:
    """The numbers of a printed set and, for a run with an ellipsis (`{0, 2, …, 24}`), its
    step (None when the set is listed in full)."""
    items = [i.strip() for i in value.strip("{}[]() ").split(",") if i.strip()]
    numbers = [n for i in items if (n := parse_number(i)) is not None]
    step = None
    if any(_ELLIPSIS.fullmatch(i) for i in items) and len(numbers) >= 3:
        step = numbers[1] - numbers[0]
    return numbers, step


def _in_sweep(number: float, value: str) -> bool:
    numbers, step = _members(value)
    if any(abs(number - n) < 1e-12 for n in numbers):
        return True
    if step and step > 0 and numbers[0] <= number <= numbers[-1]:
        k = (number - numbers[0]) / step
        return abs(k - round(k)) < 1e-9
    return False


def sweep_points(settings: list[PaperSetting]) -> list[PaperSetting]:
    """The settings without the points of a declared sweep (see the module docstring): a
    single value of a symbol that the paper sweeps over a printed set, stated in a sentence
    that tells how an outcome moved (an outcome verb) and makes no choice."""
    sweeps: dict[str, list[str]] = {}
    for s in settings:
        listed = s.value.lstrip()[:1] == "{" and (len(s.numbers) >= 3 or _ELLIPSIS.search(s.value))
        if s.source == "prose" and listed:
            sweeps.setdefault(s.key, []).append(s.value)
    if not sweeps:
        return settings
    out = []
    for s in settings:
        grid = sweeps.get(s.key)
        if (
            grid
            and s.source == "prose"
            and s.number is not None
            and not s.numbers
            and re.search(rf"=\s*{re.escape(s.value)}", s.where.sentence)
            and any(_in_sweep(s.number, g) for g in grid)
            and not _CHOSEN.search(s.where.sentence)
            and _OUTCOME_VERB.search(s.where.sentence)
        ):
            continue
        out.append(s)
    return out


# an index running over a range: `(𝑖= 1, 2, ⋯, ℎ)`, `𝑘= 1, 2, … , N_elem`
_INDEX_RUN = re.compile(rf"\s*,\s*{NUMBER}\s*,\s*(?:\.\s?\.\s?\.|…|⋯|·\s?·\s?·)")
# a big operator whose limits a text layer prints as `𝑡=1`
_BIG_OPERATOR = re.compile(r"[∑∏⋃⋂∫Σ∐]")
# a display equation's number after a value, with only symbols between: `A = 1 X ah (2)`
_EQUATION_TAIL = re.compile(r"(?:\s+[^\s\w]?\w{1,2}[^\s\w]?){1,4}\s+\(\d{1,2}\)(?!\w)")


def notation(sentence: str, name: str, value: str, end: int) -> bool:
    """True when `name = value` ending at `end` is notation (see the module docstring): an
    index whose run of values follows, a one-letter lower limit of a big operator in the
    same sentence, or a term of a display equation whose number follows a few symbols on."""
    if _INDEX_RUN.match(sentence, end):
        return True
    if len(name) == 1 and value in ("0", "1") and _BIG_OPERATOR.search(sentence):
        return True
    return bool(_EQUATION_TAIL.match(sentence, end))
