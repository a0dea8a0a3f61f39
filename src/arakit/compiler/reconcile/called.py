"""A function's default against the calls that pass the value: `def train(..., n_epochs=1)`
is what a caller gets when it passes nothing, so where a call of that function in the
paper's code passes `n_epochs` (by keyword, or by position as repo/params/positional.py
binds it), the call's value is what the run used and the default is never compared. A
call the author commented out after running it (`# train(..., n_epochs=5)` before the
line that loads the checkpoint it wrote; repo/disabled.py) is evidence of the run as well,
weaker than a live call: it turns a disagreement with the default into a match when it
passes the paper's value, and into no verdict when it passes another."""

from __future__ import annotations

from arakit.compiler.reconcile.match import value_relation
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

_SIGNATURE = ("default", "init")


def function_name(p: CodeParam) -> str:
    """The name a caller writes for the function whose default `p` is: `train` for
    `train` or `Trainer.train`, the class for its `__init__` (`Trainer`)."""
    parts = p.context.split(".")
    if parts and parts[-1] == "__init__":
        return parts[-2] if len(parts) > 1 else ""
    return parts[-1] if parts else ""


def calls_of(p: CodeParam, calls: list[CodeParam]) -> list[CodeParam]:
    """The calls among `calls` that pass the parameter `p` is the default of."""
    name = function_name(p)
    if not name:
        return []
    return [q for q in calls if q.bare == p.bare and q.context.split(".")[-1] == name]


def call_decides(
    s: PaperSetting, v: Verdict, params: list[CodeParam], disabled: list[CodeParam]
) -> Verdict:
    """The verdict once the calls of the function are heard (see the module doc)."""
    if v.verdict != "mismatch" or not v.involved or v.involved[0].kind not in _SIGNATURE:
        return v
    p = v.involved[0]
    live = calls_of(p, [q for q in params if q.kind == "call"])
    same = [q for q in live if value_relation(s, q) == "same"]
    if same:
        q = same[0]
        note = (
            f"the call at {q.location} passes {q.value} over the default {p.value} at {p.location}"
        )
        return verdict(s, "match", q, note, p)
    other = [q for q in live if value_relation(s, q) == "different"]
    if len({q.value for q in other}) == 1:
        q = other[0]
        note = (
            f"the call at {q.location} passes {q.value} (the default at {p.location} is {p.value})"
        )
        return verdict(s, "mismatch", q, note, p)
    if other:
        where = ", ".join(f"{q.value} at {q.location}" for q in other[:3])
        note = f"the calls pass several values ({where}); the default {p.value} is not the run's"
        return verdict(s, "paper-only", None, note)
    off = calls_of(p, disabled)
    same = [q for q in off if value_relation(s, q) == "same"]
    if same:
        q = same[0]
        note = (
            f"a call commented out at {q.location} passes {q.value} over the default "
            f"{p.value} at {p.location}: the run as made before the call was disabled"
        )
        return verdict(s, "match", q, note, p)
    if off:
        q = off[0]
        note = (
            f"the default is {p.value} at {p.location}, but a call commented out at "
            f"{q.location} passes {q.value}: which value the paper's run used is not decided"
        )
        return verdict(s, "paper-only", None, note)
    return v
