"""Deleted files that abandon nothing: code folded into another file by the same commit,
the sample script an editor writes into a new project, and unit tests."""

from __future__ import annotations

import re
from collections.abc import Callable

from arakit.compiler.repo import paths
from arakit.compiler.repo.describe import definitions
from arakit.compiler.repo.gitlog import Change, Commit

MAX_OTHERS = 30  # files of one commit read to see whether a deleted file's code moved there
# the sample script an editor writes into a new project (PyCharm's "print_hi")
_TEMPLATE_RE = re.compile(r"This is a sample Python script|Press Shift\+F10 to execute")


def editor_template(text: str) -> bool:
    """True for an editor's sample script."""
    return bool(_TEMPLATE_RE.search(text[:2000]))


# what unit tests are made of: pytest/unittest, Julia's Test, R's testthat, GoogleTest,
# MATLAB's unittest
_UNIT_TEST = re.compile(
    r"^\s*def test_\w*\(|^\s*import (?:pytest|unittest)\b|^from (?:pytest|unittest)\b|"
    r"^\s*@test(?:set)?\b|^\s*using Test\b|^\s*test_that\(|^\s*TEST(?:_F|_P)?\(|"
    r"matlab\.unittest",
    re.M,
)
_TEST_FOLDERS = {"test", "tests", "spec", "specs"}


def unit_test(text: str, path: str) -> bool:
    """A unit test: a file named `*_test.py`, `test*` or kept in a test/ folder that holds
    test functions or imports a test framework (the name alone also marks experiment
    variants, such as `fit_OE_test.py`, or benchmark scripts kept in test/scripts)."""
    *folders, name = path.lower().split("/")
    stem = name.rsplit(".", 1)[0]
    named = (
        stem.endswith(("_test", "_tests"))
        or stem.startswith(("test", "runtests"))
        or any(f in _TEST_FOLDERS for f in folders)
    )
    return named and bool(_UNIT_TEST.search(text[:20000]))


def folded(c: Commit, gone: Change, text: str, read: Callable[[str, str], str | None]) -> bool:
    """Most of what the deleted file defined (its classes and functions) is defined anew
    in files the same commit wrote: the code was folded into them, not dropped. A file
    that already defined one of those names held a rival version (an `_old` copy, a
    second loader): one of the two was given up, so nothing counts as moved.
    `read(blob, path)` gives a file's text."""
    names = definitions(text, gone.path)
    if not names:
        return False
    every = definitions(text, gone.path, shortest=1)
    written: set[str] = set()
    others = [
        ch
        for ch in c.changes
        if ch.status != "D" and ch.path != gone.path and paths.is_code(ch.path)
    ]
    for ch in others[:MAX_OTHERS]:
        other = read(ch.new_blob, ch.path)
        if not other:
            continue
        new = definitions(other, ch.path) & names
        if new and ch.status == "M":  # only what this commit defined there is moved
            before = definitions(read(ch.old_blob, ch.path) or "", ch.path, 1)
            if before & every:
                return False
            new -= before
        written |= new
    return len(names & written) * 2 >= len(names)
