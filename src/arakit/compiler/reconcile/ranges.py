"""A range the paper states (`0.4 < z < 1.4`, `a redshift range of 0.4-1.4`) against the
pair of definitions that bound it in the code (`ZLOW="0"` and `ZHIGH="1.9"`, `z_min`/`z_max`,
`min_z`/`max_z`): both ends compared, the lower bound's line given as the code's location."""

from __future__ import annotations

import re
from collections import defaultdict

from arakit.compiler.reconcile.match import code_numbers
from arakit.compiler.reconcile.verdicts import RUNTIME, Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import same_number

_LOW = ("low", "lo", "min", "lower", "start", "from", "begin")
_HIGH = ("high", "hi", "max", "upper", "end", "to", "stop")
_BOUNDS = "|".join(_LOW + _HIGH)
_SUFFIXED = re.compile(rf"^(?P<subj>[a-z][a-z0-9]*?)_?(?P<bound>{_BOUNDS})$")
_PREFIXED = re.compile(rf"^(?P<bound>{_BOUNDS})_?(?P<subj>[a-z][a-z0-9]*)$")
_SYMBOL = re.compile(r"\(\s*([A-Za-z]\w{0,3})\s*\)|(?<![\w.])([A-Za-z]\w{0,3})\s*<")
_NOT_SUBJECT = {"range", "of", "the", "interest", "a", "an", "in", "for", "values", "value"}


def _subjects(s: PaperSetting) -> set[str]:
    """What the range is of: its symbol (`z` of `(z)` or `0.4 < z`) and its name's words."""
    out = {w for w in re.findall(r"[a-z][a-z0-9]*", s.name.lower()) if w not in _NOT_SUBJECT}
    for m in _SYMBOL.finditer(f"{s.name} {s.value}"):
        out.add((m.group(1) or m.group(2)).lower())
    return out


def _is_range(s: PaperSetting) -> bool:
    return (
        len(s.values) == 2
        and ("range" in s.name.lower() or "range" in s.key or "<" in s.value)
        and s.values[0] < s.values[1]
    )


def range_verdict(s: PaperSetting, params: list[CodeParam]) -> Verdict | None:
    """match or mismatch against the code's bound pair for the range, or None when the code
    has no single pair of bounds for it."""
    if not _is_range(s):
        return None
    subjects = _subjects(s)
    ends: dict[tuple[str, str], dict[str, CodeParam]] = defaultdict(dict)
    for p in params:
        name = p.bare.lower()
        m = _SUFFIXED.match(name) or _PREFIXED.match(name)
        if m is None or m.group("subj") not in subjects or len(code_numbers(p.value)) != 1:
            continue
        side = "low" if m.group("bound") in _LOW else "high"
        ends[(p.file, m.group("subj"))].setdefault(side, p)
    pairs = [(e["low"], e["high"]) for e in ends.values() if "low" in e and "high" in e]
    run = [pr for pr in pairs if pr[0].kind in RUNTIME or pr[0].kind == "shell"]
    pairs = run or pairs
    values = {(code_numbers(lo.value)[0], code_numbers(hi.value)[0]) for lo, hi in pairs}
    if len(values) != 1:
        return None  # no bounds, or several pairs that disagree: not one range to compare
    lo, hi = pairs[0]
    (a, b) = values.pop()
    same = same_number(a, s.values[0]) and same_number(b, s.values[1])
    note = f"the code bounds it with {lo.name} = {lo.value} ({lo.location}) and {hi.name} = {hi.value} ({hi.location})"
    v = verdict(s, "match" if same else "mismatch", lo, note, hi)
    v.code_value = f"{lo.value} .. {hi.value}"
    return v
