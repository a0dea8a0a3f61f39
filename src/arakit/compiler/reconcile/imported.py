"""The verdict for a setting the paper's code folder does not define, against the
in-repository modules its scripts import (the method's package beside the experiment
scripts). Lower priority than the scoped folder: asked only for a setting that would
otherwise be paper-only.

Each script is judged on the definitions it reaches (see `arakit.compiler.repo.reach`):
the paper's value where every definition it reaches says so (a close name is enough
when the value is the same); a different value where every definition under a sure name
says the same other value; ambiguous where it reaches several values (a
library with one default per function), which never makes a mismatch. A mismatch needs
a script whose reached definition disagrees; a match needs a script whose agrees and
none that disagrees. When the paragraph aligns with one script, only what that script
reaches is asked."""

from __future__ import annotations

from collections import defaultdict

from arakit.compiler.reconcile.align import Fit
from arakit.compiler.reconcile.match import STRONG, WEAK, code_numbers, name_score, value_relation
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

_SKIP = ("seed", "launch", "log", "derived")


def _script(p: CodeParam) -> str:
    return p.via.rpartition(":")[0]


def _value(p: CodeParam) -> tuple[float, ...] | str:
    return tuple(round(x, 12) for x in code_numbers(p.value)) or p.value.strip()


def _origin(p: CodeParam) -> str:
    return f"{p.location} (an imported module, reached from {p.via})"


def judge_imported(s: PaperSetting, fit: Fit | None, imported: list[CodeParam]) -> Verdict | None:
    """The verdict from imported modules, or None when none of them names the setting."""
    score = {
        id(p): name_score(s, p)
        for p in imported
        if p.kind not in _SKIP and p.used and p.via and (fit is None or _script(p) == fit.unit.main)
    }  # with an aligned paragraph, only what its script reaches is its code
    named = [p for p in imported if score.get(id(p), 0.0) >= WEAK]
    if not named:
        return None
    by_script: dict[str, list[CodeParam]] = defaultdict(list)
    for p in named:
        by_script[_script(p)].append(p)
    same: list[CodeParam] = []
    different: list[CodeParam] = []
    ambiguous: list[list[CodeParam]] = []
    for script in sorted(by_script):
        defs = by_script[script]
        rel = {p.location: value_relation(s, p) for p in defs}
        # the same value under a close name agrees; only a sure name can disagree
        agree = [p for p in defs if rel[p.location] == "same"]
        disagree = [p for p in defs if rel[p.location] == "different" and score[id(p)] >= STRONG]
        if agree and not disagree:
            same.append(agree[0])
        elif disagree and not agree and len({_value(p) for p in disagree}) == 1:
            different.append(disagree[0])
        elif disagree:
            ambiguous.append(agree + disagree)
    if different:
        p = different[0]
        note = f"the code's value is at {_origin(p)}"
        if same:
            q = same[0]
            note += f"; {q.via} reaches the paper's value at {q.location}"
        v = verdict(s, "mismatch", p, note, *different[1:3])
        v.code_via = p.via
        return v
    if same:
        p = same[0]
        close = "; the code's name is only close to the paper's" if score[id(p)] < STRONG else ""
        v = verdict(s, "match", p, f"defined at {_origin(p)}{close}")
        v.code_via = p.via
        return v
    if ambiguous:
        defs = ambiguous[0]
        seen: dict[str, CodeParam] = {}
        for p in defs:
            seen.setdefault(p.location, p)
        values = ", ".join(f"{p.value} at {loc}" for loc, p in list(seen.items())[:4])
        note = (
            f"ambiguous: {_script(defs[0])} reaches several definitions of this setting in "
            f"imported modules ({values}); not compared"
        )
        return verdict(s, "paper-only", None, note)
    return None
