"""The rule checks of the Level 2 rules judge, registered per dimension.

Each check takes a Context and yields L2Findings; checks may note strengths with
`ctx.strength(dim, text)`. Add a check by appending it to its dimension's list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from arakit.seal.level2.context import Context
from arakit.seal.level2.report import L2Finding

Check = Callable[[Context], Iterable[L2Finding]]

CHECKS: dict[str, list[Check]] = {d: [] for d in ("D1", "D2", "D3", "D4", "D5", "D6")}


def register(dim: str) -> Callable[[Check], Check]:
    """Decorator: add a check to a dimension's list."""

    def add(fn: Check) -> Check:
        CHECKS[dim].append(fn)
        return fn

    return add


from arakit.seal.level2.checks import (  # noqa: E402  (modules register on import)
    coherence,
    design,
    exploration,
    falsifiability,
    numbers,
    rigor,
    scope,
)

__all__ = [
    "CHECKS",
    "Check",
    "coherence",
    "design",
    "exploration",
    "falsifiability",
    "numbers",
    "register",
    "rigor",
    "scope",
]
