"""Two paper values that are not the run's setting and look like one: a total over the
stages the code runs one by one, and a value the paper gives for other people's work.

- A total: "trained for a total of 750 epochs – 500 for training and 250 for fine
  tuning" against a script that calls `fit(epochs=500)` then `fit(epochs=250)`. The
  paper's 750 is the sum of the code's values for that setting, not a disagreement with
  the first of them: it is a match, whose note names the stages.
- Other people's work: a sentence of the related-work section ("The dataset which they
  used consisted of 3743 samples") states what another study used; the code of this
  paper never ran it, so it is not compared."""

from __future__ import annotations

import re

from arakit.compiler.reconcile.match import STRONG, code_numbers, name_score
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import same_number

# a sentence that states a sum: `a total of 750 epochs`, `750 epochs in total`, `in all`
_TOTAL = re.compile(
    r"\b(?:a\s+total\s+of|in\s+total|total(?:ling|ing)?|in\s+all|altogether)\b", re.I
)
MAX_STAGES = 6


def others_work(s: PaperSetting) -> bool:
    """True for a setting read in the paper's related-work section."""
    return s.where.role == "related"


def others_verdict(s: PaperSetting) -> Verdict:
    """The verdict of a setting the paper states for other people's work."""
    v = verdict(
        s,
        "paper-only",
        None,
        "a value the paper gives for other people's work (its related-work section): not compared",
    )
    v.negative = True
    return v


def total_of_stages(v: Verdict, s: PaperSetting, pool: list[CodeParam]) -> Verdict | None:
    """A match when the paper's value is stated as a total and equals the sum of the
    values the code gives that setting at two or more places of one file (the stages the
    experiment runs in turn); None otherwise."""
    if v.verdict != "mismatch" or s.number is None or not _TOTAL.search(s.where.sentence):
        return None
    target = next((p for p in v.involved), None)
    if target is None:
        return None
    stages = [
        p
        for p in pool
        if p.file == target.file
        and p.used
        and name_score(s, p) >= STRONG
        and len(code_numbers(p.value)) == 1
    ]
    if not 2 <= len(stages) <= MAX_STAGES:
        return None
    total = sum(code_numbers(p.value)[0] for p in stages)
    if not same_number(total, s.number):
        return None
    parts = " + ".join(f"{p.value} at {p.location}" for p in stages)
    return verdict(
        s,
        "match",
        stages[0],
        f"the paper's total is the sum of the stages the code runs: {parts}",
        *stages[1:],
    )
