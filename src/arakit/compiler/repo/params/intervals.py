"""Intervals a training loop writes as a modulo test: `if epoch % 5 == 0: print(...)` logs
every 5 epochs, `if (step + 1) % 1000 == 0: torch.save(...)` saves every 1,000 steps.
No assignment names such a value, so the keyword and assignment readers never see it,
yet it is what a paper's "the loss is printed every 100 epochs" states.

Each test whose divisor is a literal integer, inside a loop, becomes a parameter named
for what its body does (`print_every`, `eval_every`, `save_every`: the vocabulary's
log, evaluation and checkpoint intervals), kind `interval`, its help the test as written
(`epoch % 5`, whose counter says what is counted). A body that does none of those
(`if i % 2 == 0: x = -x`) is arithmetic, not an interval, and gives nothing."""

from __future__ import annotations

import ast
import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.syntax import parse_tolerant
from arakit.compiler.repo.syntax import nodes

MAX_INTERVALS = 100
# what a body does, by the last name of what it calls (first match wins: an evaluation
# that prints its score is an evaluation)
_VERBS = (
    ("eval", re.compile(r"^(?:eval\w*|valid\w*|test|test_\w+|run_validation|val_\w+)$", re.I)),
    ("save", re.compile(r"^(?:save\w*|checkpoint\w*|dump|store|to_disk|write_checkpoint)$", re.I)),
    (
        "print",
        re.compile(r"^(?:print|log|info|log_\w+|add_scalars?|write|display|set_postfix)$", re.I),
    ),
)


def _divisor(test: ast.expr) -> tuple[ast.expr, ast.Constant] | None:
    """(counter, divisor) of `counter % N == 0`, `not counter % N`, or such a test joined
    by `or`/`and` to others (`epoch == 0 or (epoch + 1) % 10 == 0`)."""
    if isinstance(test, ast.BoolOp):
        found = [d for v in test.values if (d := _divisor(v)) is not None]
        return found[0] if len(found) == 1 else None
    mod: ast.expr | None = None
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        mod = test.operand
    elif (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == 0
    ):
        mod = test.left
    if not (isinstance(mod, ast.BinOp) and isinstance(mod.op, ast.Mod)):
        return None
    n = mod.right
    if not (isinstance(n, ast.Constant) and type(n.value) is int and n.value > 1):
        return None
    return mod.left, n


def _number(n: ast.Constant) -> str:
    return str(n.value) if isinstance(n.value, int) else ""


def _verb(body: list[ast.stmt]) -> str | None:
    """What a body does: evaluates, saves or prints (see _VERBS), or None."""
    called: list[str] = []
    for st in body:
        for node in nodes(st):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name:
                    called.append(name)
    for verb, pattern in _VERBS:
        if any(pattern.match(c) for c in called):
            return verb
    return None


def _counter(node: ast.expr) -> str:
    """The counter's name: `epoch` in `epoch`, `(epoch + 1)`, `self.step`; "" for any
    other expression (`(i + 1) / n * 100 % 25` tests a percentage, not a count)."""
    if (
        isinstance(node, ast.BinOp)
        and isinstance(node.op, ast.Add | ast.Sub)
        and isinstance(node.right, ast.Constant)
    ):
        node = node.left
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def interval_params(source: str, rel: str) -> list[CodeParam]:
    """Intervals the file's loops write as modulo tests (see the module doc)."""
    tree = parse_tolerant(source)
    if tree is None:
        return []
    out: list[CodeParam] = []
    loops = [n for n in nodes(tree) if isinstance(n, ast.For | ast.AsyncFor | ast.While)]
    seen: set[int] = set()
    for loop in loops:
        for node in nodes(loop):
            if not isinstance(node, ast.If) or id(node) in seen or len(out) >= MAX_INTERVALS:
                continue
            seen.add(id(node))
            found = _divisor(node.test)
            verb = _verb(node.body) if found else None
            if found is None or verb is None:
                continue
            counter, n = found
            name, every = _counter(counter), _number(n)
            if not name:
                continue  # a test of something computed, not a loop's count
            out.append(
                CodeParam(
                    f"{verb}_every",
                    every,
                    rel,
                    n.lineno,
                    "interval",
                    help=f"{name} % {every}",
                )
            )
    return out
