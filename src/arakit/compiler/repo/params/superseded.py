"""Assignments a later one replaces before anything reads them: `epochs = 40` at the top
of a script (or an early notebook cell) and `epochs = 10` further down, with no read of
`epochs` between them. The run never sees 40; only the last value is the setting.

Only the module's own top-level statements are followed, in order (a notebook's cells
joined at their lines of the .ipynb file): they run one after the other, so an earlier
value no statement reads before the next assignment of the same name is dead. A read in
between (`train(epochs)` after the first) makes both values run."""

from __future__ import annotations

import ast
from collections.abc import Callable
from arakit.compiler.repo.syntax import nodes


def _targets(st: ast.stmt) -> list[str]:
    if isinstance(st, ast.Assign):
        return [t.id for t in st.targets if isinstance(t, ast.Name)]
    if isinstance(st, ast.AnnAssign) and st.value is not None and isinstance(st.target, ast.Name):
        return [st.target.id]
    return []


def _statements(tree: ast.Module, main_guard: Callable[[ast.expr], bool]) -> list[ast.stmt]:
    out: list[ast.stmt] = []
    for st in tree.body:
        if isinstance(st, ast.If) and main_guard(st.test):
            out += st.body
        else:
            out.append(st)
    return out


def superseded(tree: ast.Module, main_guard: Callable[[ast.expr], bool]) -> set[tuple[str, int]]:
    """(name, line) of each top-level assignment that a later top-level assignment of
    the same name replaces before any statement reads it. `main_guard` tells the
    `if __name__ == "__main__":` test, whose body runs in line."""
    pending: dict[str, int] = {}  # name -> line of its latest assignment not yet read
    out: set[tuple[str, int]] = set()
    for st in _statements(tree, main_guard):
        read_from = st.value if isinstance(st, ast.Assign | ast.AnnAssign) else st
        reads = {
            n.id
            for n in nodes(read_from if read_from is not None else st)
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Load)
        }
        for name in reads:
            pending.pop(name, None)
        for name in _targets(st):
            if name in pending:
                out.add((name, pending[name]))
            pending[name] = st.lineno
    return out
