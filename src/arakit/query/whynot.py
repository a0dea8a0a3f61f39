"""Why not: what was tried before and failed, before an agent tries it again.

The answer is a search restricted to failure knowledge: dead ends (with hypothesis, failure
mode and lesson), pivots (from, to, trigger), decisions (the rejected alternatives next to
the choice) and claims that were refuted, weakened or withdrawn, each with its reference.
"""

from __future__ import annotations

from collections.abc import Sequence

from arakit.query.index import Index
from arakit.query.search import SearchResult, search

FAILURE_KINDS = ("dead_end", "pivot", "decision", "refuted", "weakened", "withdrawn")


def why_not(
    index: Index,
    approach: str,
    *,
    artifacts: Sequence[int] | None = None,
    max_tokens: int = 1500,
) -> SearchResult:
    """Dead ends, pivots, decisions and refuted claims that match `approach`, best first,
    within `max_tokens`."""
    return search(index, approach, artifacts=artifacts, kinds=FAILURE_KINDS, max_tokens=max_tokens)
