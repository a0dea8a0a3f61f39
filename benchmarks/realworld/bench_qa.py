"""Questions only code, configs or history answer: answer presence within 1,500 tokens for
BM25 over the PDF, BM25 over PDF + repository + git log, and `ara search` over the compiled
artifact (benchmarks/qa/ holds the questions and the scorer)."""

from __future__ import annotations


def run() -> dict[str, float]:
    """Score every question file against its paper + repository pair."""
    from benchmarks.qa.score import run as score
    from benchmarks.realworld import compiled

    try:
        return score(max_tokens=1500, show_misses=True)
    finally:
        compiled.cleanup()
