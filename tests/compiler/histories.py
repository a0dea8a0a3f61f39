"""Helpers of the history tests: read a built repository's history, and write a script
of distinct code lines about a topic."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history


def history_of(path: Path) -> History:
    """The history of the repository at `path` (which must have one)."""
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def script(topic: str, n: int = 12, run: bool = True) -> str:
    """A script of `n` distinct code lines about `topic`, run at the end when `run`."""
    body = "".join(f"    {topic}_value_{i} = compute_{topic}(batch, step={i})\n" for i in range(n))
    tail = f"\n\nrun_{topic}(load())\n" if run else ""
    return f"def run_{topic}(batch):\n{body}    return {topic}_value_0\n{tail}"


def ref_status(path: Path) -> dict[str, str]:
    """Each ref's status (merged, landed, stale, within, ...) in the repository at `path`."""
    return {r.label: r.status for r in history_of(path).refs}
