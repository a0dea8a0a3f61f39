"""The repository's history: commits, reverts, unmerged branches and config values over time."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from arakit.compiler.repo.params import CodeParam
from arakit.compiler.repo.source import git

MAX_COMMITS = 400
MAX_VERSIONS = 100  # versions of one config file read when following its values
_REVERT_RE = re.compile(r"This reverts commit ([0-9a-f]{7,40})")


@dataclass
class Commit:
    """One commit: hash, parents, author date, subject, body and touched files."""

    sha: str
    parents: list[str]
    date: str
    subject: str
    body: str = ""
    files: list[str] = field(default_factory=list)
    mainline: bool = True

    @property
    def short(self) -> str:
        """The first 7 characters of the hash."""
        return self.sha[:7]

    @property
    def reverts(self) -> str | None:
        """The hash this commit reverts, when it is a revert."""
        m = _REVERT_RE.search(self.body)
        if m:
            return m.group(1)
        return None


@dataclass
class Branch:
    """A branch whose tip was never merged into the main line, with its own commits."""

    name: str
    tip: str
    commits: list[Commit]
    fork_point: str | None


@dataclass
class ValueChange:
    """A config value that changed between two main-line commits."""

    key: str  # canonical key, e.g. learning_rate
    name: str  # as written
    file: str
    values: list[tuple[str, str, str]]  # (value, commit sha, date) in time order, deduplicated


@dataclass
class History:
    """Everything read from git."""

    head: str
    branch: str
    commits: list[Commit] = field(default_factory=list)
    abandoned: list[Branch] = field(default_factory=list)
    changes: list[ValueChange] = field(default_factory=list)

    def commit(self, sha: str) -> Commit | None:
        """A commit by full or abbreviated hash."""
        return next((c for c in self.commits if c.sha.startswith(sha)), None)


def _log(repo: Path, *rev: str) -> list[Commit]:
    fmt = "%x1e%H%x1f%P%x1f%aI%x1f%s%x1f%b%x1f"
    out = git(
        repo,
        "log",
        "--reverse",
        "--date-order",
        f"--format={fmt}",
        "--name-only",
        f"-n{MAX_COMMITS}",
        *rev,
    )
    commits = []
    for rec in out.split("\x1e"):
        if not rec.strip():
            continue
        parts = rec.split("\x1f")
        if len(parts) < 6:
            continue
        sha, parents, date, subject, body, files = parts[:6]
        commits.append(
            Commit(
                sha=sha,
                parents=parents.split(),
                date=date,
                subject=subject,
                body=body.strip(),
                files=[f for f in files.strip().splitlines() if f.strip()],
            )
        )
    return commits


def read_history(
    repo: Path, params_of: Callable[[str, str], list[CodeParam]], tracked: list[str]
) -> History | None:
    """Walk the history of `repo`; None when it is not a git repository or has no commits.

    `params_of(text, path)` extracts parameters from one version of a file; `tracked` lists
    the config files whose values are followed through time.
    """
    if git(repo, "rev-parse", "--is-inside-work-tree", check=False).strip() != "true":
        return None
    head = git(repo, "rev-parse", "--verify", "--quiet", "HEAD", check=False).strip()
    if not head:
        return None
    branch = git(repo, "rev-parse", "--abbrev-ref", "HEAD", check=False).strip() or "HEAD"
    hist = History(head=head, branch=branch, commits=_log(repo, "--first-parent", "HEAD"))
    for c in hist.commits:
        c.mainline = True
    merged = set(git(repo, "rev-list", "HEAD").split())
    refs = git(
        repo, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads"
    ).splitlines()
    for line in refs:
        name, _, tip = line.partition(" ")
        if not tip or tip in merged:
            continue
        own = _log(repo, f"HEAD..{name}")
        for c in own:
            c.mainline = False
        base = git(repo, "merge-base", "HEAD", name, check=False).strip() or None
        hist.abandoned.append(Branch(name=name, tip=tip, commits=own, fork_point=base))
    hist.changes = _value_changes(repo, hist, params_of, tracked)
    return hist


def _value_changes(
    repo: Path, hist: History, params_of: Callable[[str, str], list[CodeParam]], tracked: list[str]
) -> list[ValueChange]:
    changes: list[ValueChange] = []
    for path in tracked:
        shas = git(
            repo,
            "log",
            "--first-parent",
            "--reverse",
            "--format=%H%x1f%aI",
            "HEAD",
            "--",
            path,
            check=False,
        )
        series: dict[str, ValueChange] = {}
        for line in shas.splitlines()[-MAX_VERSIONS:]:
            sha, _, date = line.partition("\x1f")
            text = git(
                repo, "show", f"{sha}:./{path}", check=False
            )  # ./ : relative to repo, which may be a subfolder
            if not text:
                continue
            for p in params_of(text, path):
                vc = series.setdefault(p.name, ValueChange(p.key, p.name, path, []))
                if not vc.values or vc.values[-1][0] != p.value:
                    vc.values.append((p.value, sha, date))
        changes += [vc for vc in series.values() if len(vc.values) > 1]
    return changes
