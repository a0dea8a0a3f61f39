"""Values that look comparable and are not: a code default that stands for "all" or "no
limit" (`--train_size 0`, `max_iter=-1`), a list of seed values read against a count of
runs (`seeds = [42]` against "three seeds"), and a paper sentence that states a plan
rather than the run ("The next experiment is three seeds ..."); and one that looks
different and is not: a count printed in thousands (`888k` for 888,237)."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

# names of sizes, limits and counts, where 0 or -1 is the usual "everything" / "no limit"
_SIZED = re.compile(
    r"(?:^|_)(?:size|sizes|max|limit|len|length|num|n|count|samples|subset|slice|top|"
    r"iter|iters|iterations|steps|examples|instances|sentences|tokens|docs|items)(?:_|$)"
)
# help text that says what 0 / -1 / None means: "0 means all", "-1 for no limit"
_SENTINEL_HELP = re.compile(
    r"(?:0|-1|none)\s*(?:\)|:|=|means?|for|stands for|uses?|takes?|to use)?\s*"
    r"(?:the\s+)?(?:all|whole|entire|full|every|no\s+limit|unlimited|infinite|no\s+maximum)",
    re.I,
)


def sentinel_default(setting: PaperSetting, param: CodeParam, code: tuple[float, ...]) -> bool:
    """True when the code's 0 or -1 for a size, limit or count means "all" (or "no
    limit") rather than a value: the paper's positive value is then what the run used,
    never a disagreement with it."""
    if len(code) != 1 or code[0] not in (0.0, -1.0) or not setting.number or setting.number <= 0:
        return False
    if _SENTINEL_HELP.search(param.help or ""):
        return True
    return _SIZED.search(param.bare.lower()) is not None


_COUNT = re.compile(r"^(?:n|num|nb|number|count)_?(?:of_)?(?:random_)?seeds?$", re.I)


def seed_values(setting: PaperSetting, param: CodeParam, code: tuple[float, ...]) -> str | None:
    """For a count of runs ("three seeds", "five trials") against a definition of seed
    values: `same` or `different` by the number of seeds listed, `unknown` for one seed
    value (a seed is not a count); None when this rule does not apply."""
    if setting.key != "repetitions" or "seed" not in param.bare.lower():
        return None
    if _COUNT.match(param.bare):
        return None  # `n_seeds = 3`: a count
    listed = param.value.strip().startswith(("[", "(", "{")) or len(code) > 1
    if "range(" in param.value or not listed or setting.number is None:
        return None if "range(" in param.value else "unknown"
    return "same" if len(code) == int(setting.number) else "different"


_PLAN = re.compile(
    r"\b(?:the\s+)?next\s+(?:\w+\s+){0,2}(?:experiments?|steps?|stud(?:y|ies)|stages?|phases?)\b"
    r"|\bfuture\s+(?:work|experiments?|stud(?:y|ies)|research|versions?)\b"
    r"|\bwe\s+(?:plan|intend|hope|aim|would\s+like)\s+to\b"
    r"|\b(?:remains?|is\s+left)\s+(?:for|to)\s+future\b",
    re.I,
)


def planned(setting: PaperSetting) -> bool:
    """True when the sentence stating the setting describes a plan or future work, not
    the run the paper reports."""
    return _PLAN.search(setting.where.sentence or "") is not None


_SCALED_RE = re.compile(r"^(\d+)(?:\.(\d+))?\s?([kKM])$")
_SCALE = {"k": 1e3, "K": 1e3, "M": 1e6}


def rounded_to_unit(setting: PaperSetting, code: float) -> bool:
    """`888k` for 888,237 tokens: a count printed in thousands or millions with at least two
    digits, within half a unit of its last digit."""
    m = _SCALED_RE.match(setting.value.strip())
    if m is None or setting.number is None or len(m.group(1) + (m.group(2) or "")) < 2:
        return False
    half = 0.5 * 10 ** -len(m.group(2) or "") * _SCALE[m.group(3)]
    return abs(setting.number - code) <= half * (1 + 1e-9)
