"""Layer sizes the paper states for a kind of layer (`LSTM with 64 and 128 neurons`, `a
3-layer network (512, 256 and 128)`) against the layers the code builds: the sizes given
to `LSTM(128)`, `Dense(units=512)`, `nn.LSTM(hidden_size=...)` calls. A stack of dense
layers is the calls a few lines apart in one file (its last layer, the output, left out);
the stack that shares most sizes with the paper's is the one compared."""

from __future__ import annotations

import re
from collections import defaultdict

from arakit.compiler.reconcile.match import code_numbers
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

_SIZE_NAMES = ("units", "hidden_size", "num_units", "out_features", "hidden_dim")
_KIND_OF_CALL = {
    "dense": "dense",
    "linear": "dense",
    "lstm": "lstm",
    "cudnnlstm": "lstm",
    "gru": "gru",
    "simplernn": "rnn",
    "rnn": "rnn",
}
_PAPER_KIND = [
    (re.compile(r"\blstms?\b", re.I), "lstm"),
    (re.compile(r"\bgrus?\b", re.I), "gru"),
    (
        re.compile(
            r"\bdense\b|\bfully[- ]connected\b|\bmlps?\b|\bfeed[- ]?forward\b|\bneural networks?\b",
            re.I,
        ),
        "dense",
    ),
]
_SIZE_WORDS = re.compile(r"\b(?:neurons?|units?|sizes?|hidden|widths?)\b", re.I)
STACK_GAP = 3  # lines between two layer calls of one model
MAX_OUTPUT = 10  # a last dense layer this small is the output layer, not a hidden one


def _kind(s: PaperSetting) -> str:
    if not _SIZE_WORDS.search(s.name):
        return ""
    for rx, kind in _PAPER_KIND:
        if rx.search(s.name):
            return kind
    return ""


def _layer_calls(params: list[CodeParam]) -> list[tuple[str, CodeParam, int]]:
    """(layer kind, the size's definition, the size) for each layer call with a size."""
    out = []
    for p in params:
        if p.kind != "call" or p.bare.lower() not in _SIZE_NAMES:
            continue
        kind = _KIND_OF_CALL.get(p.context.rsplit(".", 1)[-1].lower())
        nums = code_numbers(p.value)
        if kind and len(nums) == 1 and nums[0] == int(nums[0]) and nums[0] >= 1:
            out.append((kind, p, int(nums[0])))
    return out


def _stacks(
    calls: list[tuple[str, CodeParam, int]], kind: str
) -> list[list[tuple[CodeParam, int]]]:
    """Runs of `kind` layer calls a few lines apart in one file, in line order."""
    by_file: dict[str, list[tuple[CodeParam, int]]] = defaultdict(list)
    for k, p, n in calls:
        if k == kind:
            by_file[p.file].append((p, n))
    out: list[list[tuple[CodeParam, int]]] = []
    for items in by_file.values():
        items.sort(key=lambda x: x[0].line)
        run: list[tuple[CodeParam, int]] = []
        for p, n in items:
            if run and p.line - run[-1][0].line > STACK_GAP:
                out.append(run)
                run = []
            run.append((p, n))
        if run:
            out.append(run)
    return out


def layer_verdict(s: PaperSetting, params: list[CodeParam]) -> Verdict | None:
    """match or mismatch for a paper's layer sizes of one kind of layer, or None when the
    setting names no kind of layer or the code builds none of that kind."""
    kind = _kind(s)
    stated = [int(v) for v in s.values if v == int(v) and v >= 2]
    if not kind or not stated or len(stated) != len(s.values):
        return None
    calls = _layer_calls(params)
    if kind != "dense":
        sizes = [(p, n) for k, p, n in calls if k == kind]
        if not sizes:
            return None
        have = sorted({n for _, n in sizes})
        where = ", ".join(f"{n} at {p.location}" for p, n in sizes[:4])
        if set(stated) <= set(have):
            return verdict(s, "match", sizes[0][0], f"{kind.upper()} layers of the code: {where}")
        first = next((p for p, n in sizes if n not in stated), sizes[0][0])
        v = verdict(s, "mismatch", first, f"the code's {kind.upper()} layers: {where}")
        v.code_value = ", ".join(str(n) for n in have)
        return v
    best: list[tuple[CodeParam, int]] = []
    for stack in _stacks(calls, "dense"):
        if len(stack) >= 2 and stack[-1][1] <= MAX_OUTPUT:
            stack = stack[:-1]  # the output layer
        if len({n for _, n in stack} & set(stated)) > len({n for _, n in best} & set(stated)):
            best = stack
    if not best or len({n for _, n in best} & set(stated)) < min(2, len(stated)):
        return None
    hidden = [n for _, n in best]
    note = f"the code's hidden dense layers: {', '.join(map(str, hidden))} ({best[0][0].location})"
    v = verdict(s, "match" if hidden == stated else "mismatch", best[0][0], note)
    v.code_value = ", ".join(map(str, hidden))
    return v
