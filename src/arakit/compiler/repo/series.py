"""Reverts made one after another, folded into the one item of work they take back.

Backing out a line of work commit by commit (`git revert` of each, newest first) leaves a
run of revert commits minutes apart with nothing else between them on the main line:
"Revert "Heap instructions"", "Revert "Move heap macro"", ... thirteen times. Each revert is
not a dead end of its own: together they give up one piece of work. A run of at least
MIN_RUN reverts, each within GAP_MINUTES of the one before and adjacent on the main line,
becomes one finding citing every reverted commit and every revert.
"""

from __future__ import annotations

from datetime import datetime

from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit

MIN_RUN = 2  # reverts in a row that make one series
GAP_MINUTES = 60  # most time between two reverts of one series
MAX_LISTED = 6  # reverted subjects named in a series' title and description
_UNDOING = ("revert", "undo")


def fold_reverts(findings: list[Finding], main: list[Commit]) -> list[Finding]:
    """`findings` with each run of reverts replaced by one `revert-series` finding."""
    order = {c.sha: i for i, c in enumerate(main)}
    undos = sorted(
        (f for f in findings if f.pattern in _UNDOING and f.commits[-1] in order),
        key=lambda f: order[f.commits[-1]],
    )
    runs: list[list[Finding]] = []
    for f in undos:
        last = runs[-1][-1] if runs else None
        if (
            last is not None
            and order[f.commits[-1]] - order[last.commits[-1]] == 1
            and _minutes(last.date, f.date) <= GAP_MINUTES
        ):
            runs[-1].append(f)
        else:
            runs.append([f])
    folded = {id(f) for run in runs if len(run) >= MIN_RUN for f in run}
    out = [f for f in findings if id(f) not in folded]
    out += [_series(run, order) for run in runs if len(run) >= MIN_RUN]
    return out


def _minutes(a: str, b: str) -> float:
    try:
        return abs((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()) / 60
    except ValueError:
        return float("inf")


def _series(run: list[Finding], order: dict[str, int]) -> Finding:
    undone = sorted(run, key=lambda f: order.get(f.commits[0], -1))  # oldest work first
    targets = [f.commits[0] for f in undone]
    reverts = [f.commits[-1] for f in run]
    subjects = [f.title.split(": ", 1)[-1] for f in undone]
    named = "; ".join(subjects[:MAX_LISTED]) + (" ..." if len(subjects) > MAX_LISTED else "")
    files = list(dict.fromkeys(p for f in undone for p in f.files))
    first, last = reverts[0], reverts[-1]
    return Finding(
        kind="dead_end",
        pattern="revert-series",
        title=f"{len(run)} commits reverted one after another: {named}",
        commits=list(dict.fromkeys(targets + reverts)),
        files=files[:30],
        what="; ".join(f"{t[:7]} {s}" for t, s in zip(targets, subjects, strict=True)),
        why=f"{len(run)} reverts in a row ({first[:7]} to {last[:7]}, {run[0].date[:10]}) "
        "take this work back with nothing else committed between them",
        lesson=next((f.lesson for f in run if f.lesson), ""),
        date=run[-1].date,
        undoing=reverts,
    )
