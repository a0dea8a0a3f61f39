"""One finding of the history: a dead end, a pivot or a re-run, with the commits that show
it; and the reader the detectors use for file contents."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Finding:
    """A dead end or pivot (or a re-run, `experiment`) with the commits that show it."""

    kind: str  # dead_end | pivot | experiment
    pattern: str  # revert | undo | deleted | retired | message | pivot | note | superseded | branch
    title: str
    commits: list[str]  # evidence, oldest first: what started the work, what gave it up
    files: list[str] = field(default_factory=list)
    what: str = ""  # what was tried and abandoned
    why: str = ""  # how the history shows it was abandoned
    lesson: str = ""  # as the history states it; empty when it states none
    date: str = ""
    ref: str = ""  # the ref, for findings about a branch
    to: str = ""  # for a pivot, what took the place of `what`, when known
    undoing: list[str] = field(default_factory=list)  # the reverts of a revert series


BlobReader = Callable[[str, str], str | None]  # (blob id, path) -> text or None
