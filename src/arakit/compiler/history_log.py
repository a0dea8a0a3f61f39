"""The whole version history as one evidence file: every commit on every ref, one row each.

The exploration tree shows the recent main line and what the history finds (dead ends,
pivots, decisions); everything else a repository's history says would be lost without
this file: what a script was called before a rename, when a module was added, why a
setting changed, which value a small commit replaced. `evidence/logs/git_history.md` is a
raw table, newest first: hash, date, the ref that holds the commit, subject, files
changed (renames as `old → new`), for a commit that changed few lines of text those lines,
and the message. Long messages and file lists are cut, and the caption says where.
"""

from __future__ import annotations

from collections import defaultdict

from arakit.compiler.repo.diffs import MAX_CHANGED
from arakit.compiler.repo.gitlog import Change
from arakit.compiler.repo.history import History
from arakit.compiler.text import clip
from arakit.model import EvidenceFile, Table

PATH = "evidence/logs/git_history.md"
MAX_MESSAGE = 300  # characters of a commit's message body
MAX_FILES = 30  # file changes listed per commit; the rest are counted
MAX_REFS = 3  # refs named for a commit that is not on the main line
HEADER = ["Commit", "Date", "Ref", "Subject", "Files", "Changed lines", "Message"]


def history_log(h: History, repo_name: str) -> EvidenceFile:
    """The evidence file of every commit `h` read, newest first."""
    holders = _holders(h)
    # newest first; commits of the same second in the order git gave them (parents first)
    order = {sha: k for k, sha in enumerate(h.all_commits)}
    commits = sorted(h.all_commits.values(), key=lambda c: (c.date, order[c.sha]), reverse=True)
    rows = [
        [
            c.short,
            c.date[:16].replace("T", " "),
            _ref(h, c.sha, c.mainline, holders),
            c.subject,
            _files(c.changes),
            _lines(h.diffs.get(c.sha, [])),
            clip(c.body, MAX_MESSAGE) if c.body else "",
        ]
        for c in commits
    ]
    refs = len(h.refs)
    source = (
        f"git log --all of {repo_name}: {len(commits)} commits on {refs} ref{'s' * (refs != 1)}"
    )
    if h.truncated:
        source += " (the newest only: the read stopped at its limit)"
    return EvidenceFile(
        path=PATH,
        title="Version history",
        source=source,
        caption="Every commit on every ref, newest first",
        notes=(
            f"Ref: the branch, tag or pull request that holds the commit ({h.branch} for the "
            f"main line; HEAD marks the commit checked out, the repository's last). Files: A added, M modified, D deleted, R renamed (old → new), at "
            f"most {MAX_FILES} per commit. Changed lines: the lines a commit removed (-) and "
            f"added (+), for commits that changed at most {MAX_CHANGED} lines of text. "
            f"Message: cut at {MAX_MESSAGE} characters."
        ),
        extraction_type="raw_table",
        tables=[Table(header=HEADER, rows=rows)],
    )


def _ref(h: History, sha: str, mainline: bool, holders: dict[str, list[str]]) -> str:
    """The Ref cell: the main line's name, or the refs holding a side commit; the commit
    HEAD points at says so, as `git log --decorate` does (the last commit of the repository)."""
    ref = h.branch if mainline else ", ".join(holders.get(sha, [])[:MAX_REFS])
    return f"{ref} (HEAD)" if h.head and sha == h.head else ref


def _holders(h: History) -> dict[str, list[str]]:
    """Commit → labels of the refs whose own commits (not on the main line) include it."""
    out: dict[str, list[str]] = defaultdict(list)
    for r in h.refs:
        for sha in r.own:
            out[sha].append(f"{r.label} ({r.status})" if r.status else r.label)
    return out


def _files(changes: list[Change]) -> str:
    parts = [
        f"{ch.status} {ch.old_path} → {ch.path}"
        if ch.status in ("R", "C") and ch.old_path
        else f"{ch.status} {ch.path}"
        for ch in changes[:MAX_FILES]
    ]
    if len(changes) > MAX_FILES:
        parts.append(f"and {len(changes) - MAX_FILES} more")
    return "; ".join(parts)


def _lines(changed: list[tuple[str, str]]) -> str:
    by_file: dict[str, list[str]] = defaultdict(list)
    for path, line in changed:
        by_file[path].append(line)
    return "; ".join(f"{path}: {' / '.join(lines)}" for path, lines in by_file.items())
