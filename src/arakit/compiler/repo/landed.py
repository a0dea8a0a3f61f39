"""Whether a stale branch of writing reached the main line by hand: the words its edits
brought into its files are in the main line's same files at the head, though no commit or
file version of it is.

A co-author's pull request editing the paper is often closed and its edits typed in again
on the main line (a review applied by hand, the project renamed on the way): the request's
commits and blobs never land, its words do. Words, not lines: the edits are re-wrapped and
re-worded when typed in. Only for branches without code (code that landed keeps its
files' content, which `history` compares), and only text files (a built PDF is no text).
"""

from __future__ import annotations

import re
from pathlib import Path

from arakit.compiler.repo.source import git

MAX_FILES = 20  # files of one branch compared
MIN_NEW_WORDS = 10  # fewer new words say too little to tell typed in from chance
_BINARY = (".pdf", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".zip", ".gz", ".tgz", ".eps")


def _words(text: str) -> set[str]:
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text)}


def share_typed_in(repo: Path, fork: str | None, final: dict[str, str], head: str) -> float:
    """The share of the words the branch brought into its final files (`final`: path ->
    blob; new against `fork`, the commit it started from) that the same paths hold at
    `head`; 0 when it brought fewer than MIN_NEW_WORDS."""
    added_total = 0
    found = 0
    paths = [p for p in final if not p.lower().endswith(_BINARY)][:MAX_FILES]
    for path in paths:
        mine = _words(git(repo, "cat-file", "-p", final[path], check=False))
        before = _words(git(repo, "show", f"{fork}:{path}", check=False)) if fork else set()
        added = mine - before
        if not added:
            continue
        now = _words(git(repo, "show", f"{head}:{path}", check=False))
        added_total += len(added)
        found += len(added & now)
    return found / added_total if added_total >= MIN_NEW_WORDS else 0.0
