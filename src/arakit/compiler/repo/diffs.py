"""The changed lines of small commits: a value tweaked, a constant fixed, a call commented out.

Such commits are where a repository keeps the settings it tried and left: the message says
"fixed xmin, xmax constants", only the lines say the old value was 2.0. Two passes: `git log
--numstat` counts the lines each commit changed in text files, then `git show -U0` gives the
lines of the commits that changed few. Merges are left out (their changes are their
parents'); so are binary files.
"""

from __future__ import annotations

import re
from pathlib import Path

from arakit.compiler.repo.source import Marks, git

MAX_CHANGED = 12  # a commit that changed more lines than this is described by its files only
MAX_COMMITS = 3000  # small commits whose lines are read; the newest first
MAX_LINE = 120  # a changed line is cut to this many characters
BATCH = 400  # commits per `git show`
_NUMSTAT = re.compile(r"^(\d+)\t(\d+)\t")
_BINARY = re.compile(r"^-\t-\t")


def small_commits(repo: Path) -> list[str]:
    """Commits on any ref that changed between 1 and MAX_CHANGED lines of text, newest first
    (at most MAX_COMMITS)."""
    marks = Marks.new()
    out = git(
        repo, "log", "--all", "--no-merges", "-M", "--numstat", marks.format("%H"), check=False
    )
    small: list[str] = []
    for record in marks.records(out):
        lines = record.strip("\n").split("\n")
        sha = lines[0].strip()
        if len(sha) != 40:
            continue
        total = 0
        for line in lines[1:]:
            m = _NUMSTAT.match(line)
            if m:
                total += int(m.group(1)) + int(m.group(2))
            elif _BINARY.match(line):
                continue
            if total > MAX_CHANGED:
                break
        if 0 < total <= MAX_CHANGED:
            small.append(sha)
            if len(small) >= MAX_COMMITS:
                break
    return small


def changed_lines(repo: Path, shas: list[str]) -> dict[str, list[tuple[str, str]]]:
    """Per commit, (path, line) for each removed (`-…`) and added (`+…`) line, in order,
    blank lines and indentation dropped."""
    found: dict[str, list[tuple[str, str]]] = {}
    for i in range(0, len(shas), BATCH):
        marks = Marks.new()
        out = git(
            repo,
            "show",
            "-U0",
            "-M",
            "--no-color",
            "--no-ext-diff",
            "--no-textconv",
            marks.format("%H"),
            *shas[i : i + BATCH],
            check=False,
        )
        for record in marks.records(out):
            lines = record.split("\n")
            sha = lines[0].strip()
            if len(sha) != 40:
                continue
            found[sha] = _lines_of(lines[1:])
    return found


def _lines_of(lines: list[str]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    old = path = ""
    header = False  # between `diff --git` and the first hunk: the file names
    for line in lines:
        if line.startswith("diff --git"):
            header, old, path = True, "", ""
        elif line.startswith("@@"):
            header = False
        elif header:
            if line.startswith("--- "):
                old = _path(line[4:])
            elif line.startswith("+++ "):
                path = _path(line[4:]) or old
        elif line[:1] in ("-", "+") and path:
            body = line[1:].strip()
            if body:
                out.append((path, line[0] + body[:MAX_LINE]))
    return out


def _path(raw: str) -> str:
    raw = raw.strip().strip('"')
    if raw == "/dev/null":
        return ""
    return raw[2:] if raw[:2] in ("a/", "b/") else raw


def small_diffs(repo: Path) -> dict[str, list[tuple[str, str]]]:
    """The changed lines of every small commit on any ref (see the module's docstring)."""
    return changed_lines(repo, small_commits(repo))
