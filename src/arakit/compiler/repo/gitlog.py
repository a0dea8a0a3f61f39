"""Reading git itself: every commit on every ref with its file changes, and the refs.

One `git log --all --raw -z` call gives each commit with the blob ids before and after every
change, which is enough to tell a deletion from a move, an undo from an edit, and whether a
branch's content ever reached the main line, without reading any file.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from arakit import gitsafe
from arakit.compiler.errors import SourceError
from arakit.compiler.repo.encoding import git_text
from arakit.compiler.repo.source import Marks, git

MAX_COMMITS = 50_000  # commits read from all refs; beyond this the read says it stopped
NULL_BLOB = "0" * 40


@dataclass(frozen=True)
class Change:
    """One file change in a commit: status A, M, D, R (rename), C (copy) or T (type)."""

    status: str
    path: str  # the path after the change (the deleted path for D)
    old_path: str | None  # the path before a rename or copy
    old_blob: str
    new_blob: str


@dataclass
class Commit:
    """One commit: hash, parents, author date, subject, body and file changes."""

    sha: str
    parents: list[str]
    date: str
    subject: str
    body: str = ""
    changes: list[Change] = field(default_factory=list)
    mainline: bool = True  # reachable from HEAD

    @property
    def short(self) -> str:
        """The first 7 characters of the hash."""
        return self.sha[:7]

    @property
    def files(self) -> list[str]:
        """Paths this commit touched (new paths for renames)."""
        return [c.path for c in self.changes]

    @property
    def message(self) -> str:
        """Subject and body together."""
        return f"{self.subject}\n\n{self.body}".strip()


@dataclass
class Ref:
    """A ref as the repository names it, with the commits it reaches."""

    name: str  # refs/... in full
    label: str  # short display name: main, origin/master-pdf, pull/3/head, v0.1
    kind: str  # branch | remote | tag | pull | other
    tip: str
    reach: int = 0  # commits reachable from the tip
    own: list[str] = field(default_factory=list)  # reachable from the tip, not from HEAD
    status: str = ""  # head | merged | landed | open | stale | publishing | maintenance | within
    landed: float | None = None  # share of the ref's final files present on the main line
    last_date: str = ""
    note: str = ""


def read_commits(repo: Path) -> tuple[list[Commit], bool, str]:
    """Every commit on every ref, oldest first (parents before children), whether the read
    stopped at MAX_COMMITS, and what went wrong when file changes could not be read (a
    repository with missing objects still gives its commits, without their changes)."""
    marks = Marks.new()
    fmt = marks.format("%H", "%P", "%aI", "%s", "%b", "")
    base = ["log", "--all", "--topo-order", "--reverse", "--no-color", fmt]
    limit = f"-n{MAX_COMMITS + 1}"
    problem = ""
    try:
        raw = ["--raw", "--no-abbrev", "-M", "-z", "--no-ext-diff", "--no-textconv"]
        out = git(repo, *base, *raw, limit)
    except SourceError as e:
        problem = f"file changes not read ({e.reason})"
        out = git(repo, *base, limit, check=False)
    records = (_parse_record(rec.split(marks.field)) for rec in marks.records(out))
    commits = [c for c in records if c is not None]
    # --reverse applies after -n: a truncated read holds the newest commits, oldest first
    return commits[-MAX_COMMITS:], len(commits) > MAX_COMMITS, problem


# control characters a commit message may carry (old merge tools wrote \x01 before each
# "Conflicts:" line): never written into the artifact, where Markdown readers refuse them
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _parse_record(parts: list[str]) -> Commit | None:
    if len(parts) < 6:
        return None
    sha, parents, date, subject, body = (p.strip("\0\n") for p in parts[:5])
    if len(sha) != 40:
        return None
    subject, body = _CONTROL.sub("", subject).strip(), _CONTROL.sub("", body).strip()
    commit = Commit(sha=sha, parents=parents.split(), date=date, subject=subject, body=body)
    tokens = parts[5].split("\0")
    i = 0
    while i < len(tokens):
        meta = tokens[i].lstrip("\n")
        i += 1
        if not meta.startswith(":"):
            continue
        fields = meta[1:].split()
        if len(fields) < 5:
            continue
        status = fields[4][:1]
        if status in ("R", "C"):
            if i + 1 >= len(tokens):
                break
            old, new = tokens[i], tokens[i + 1]
            i += 2
        else:
            if i >= len(tokens):
                break
            old, new = None, tokens[i]
            i += 1
        commit.changes.append(Change(status, new, old, fields[2], fields[3]))
    return commit


_KINDS = {"heads": "branch", "remotes": "remote", "tags": "tag", "pull": "pull"}
_KINDS["merge-requests"] = "pull"
_SKIP_REFS = ("refs/stash", "refs/notes/", "refs/original/", "refs/replace/")


def read_refs(repo: Path) -> list[Ref]:
    """Every ref that names a commit (annotated tags peeled); stash, notes and symbolic refs
    such as origin/HEAD left out. Refs kept under a namespace (refs/source/heads/x) are
    named by the part after it."""
    out = git(
        repo,
        "for-each-ref",
        "--format=%(refname)%1f%(objectname)%1f%(*objectname)%1f%(symref)",
        check=False,
    )
    refs: list[Ref] = []
    for line in out.splitlines():
        name, obj, peeled, symref = [*line.split("\x1f"), "", "", ""][:4]
        if not name.startswith("refs/") or symref or name.startswith(_SKIP_REFS):
            continue
        kind, label = _kind_and_label(name)
        if label.endswith("/HEAD") or label == "HEAD":
            continue  # a copy of the ref it points to
        refs.append(Ref(name=name, label=label, kind=kind, tip=peeled or obj))
    return refs


def _kind_and_label(name: str) -> tuple[str, str]:
    parts = name.split("/")[1:]
    for i, part in enumerate(parts[:3]):
        if part in _KINDS:
            rest = "/".join(parts[i + 1 :])
            kind = _KINDS[part]
            if kind == "pull":
                return kind, f"{part}/{rest}" if part == "pull" else f"mr/{rest}"
            return kind, rest
    return "other", "/".join(parts)


def ancestors(tips: Iterable[str], parents: dict[str, list[str]]) -> set[str]:
    """Every commit reachable from `tips` among the commits read."""
    seen: set[str] = set()
    stack = [t for t in tips if t in parents]
    while stack:
        sha = stack.pop()
        if sha in seen:
            continue
        seen.add(sha)
        stack.extend(p for p in parents.get(sha, ()) if p in parents and p not in seen)
    return seen


class BlobReader:
    """File contents by blob id, bounded in count and size, read through one
    `git cat-file --batch` process (a process per blob costs more than the reading)."""

    def __init__(self, repo: Path, most: int, chars: int) -> None:
        self.repo = repo
        self.most = most  # blobs read at most; the rest counted in `skipped`
        self.chars = chars  # characters of text kept per blob
        self.read = 0
        self.skipped = 0
        self._proc: subprocess.Popen[bytes] | None = None

    def __call__(self, blob: str, path: str) -> str | None:
        if self.read >= self.most:
            self.skipped += 1
            return None
        self.read += 1
        data = self._blob(blob)
        if data is None:
            return None
        text = git_text(data, newlines=False)
        return None if "\0" in text[:4096] else text[: self.chars]

    def _blob(self, blob: str) -> bytes | None:
        proc = self._start()
        if proc is None or proc.stdin is None or proc.stdout is None or len(blob) != 40:
            return None
        try:
            proc.stdin.write(blob.encode() + b"\n")
            proc.stdin.flush()
            header = proc.stdout.readline().split()
            if len(header) != 3 or header[1] != b"blob" or not header[2].isdigit():
                return None  # missing, or not a blob
            size = int(header[2])
            keep = bytearray()
            left = size + 1  # the content and its closing newline
            while left:
                chunk = proc.stdout.read(min(left, 1 << 16))
                if not chunk:
                    return None
                left -= len(chunk)
                if len(keep) < self.chars * 4:
                    keep += chunk
            return None if size > self.chars * 4 else bytes(keep[:size])
        except OSError:
            self.close()
            return None

    def _start(self) -> subprocess.Popen[bytes] | None:
        if self._proc is None:
            try:
                self._proc = subprocess.Popen(
                    gitsafe.argv(["-C", str(self.repo), "cat-file", "--batch"]),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    env=gitsafe.env({"LC_ALL": "C"}),
                )
            except OSError:
                return None
        return self._proc

    def close(self) -> None:
        """End the git process."""
        if self._proc is not None:
            if self._proc.stdin:
                self._proc.stdin.close()
            self._proc.wait(timeout=30)
            if self._proc.stdout:
                self._proc.stdout.close()
            self._proc = None


def author_words(repo: Path) -> frozenset[str]:
    """The lower-case words (3 letters or more) of every commit author's name and e-mail
    user name: who wrote the repository's own code."""
    out = git(repo, "log", "--all", "--format=%an%x00%ae", check=False)
    words: set[str] = set()
    for line in out.splitlines():
        name, _, mail = line.partition("\0")
        for part in (name, mail.split("@", 1)[0]):
            words |= {w for w in re.findall(r"[^\W\d_]{3,}", part.lower())}
    return frozenset(words)


def patches(
    repo: Path, head: str, paths: Iterable[str], most: int, *options: str
) -> list[tuple[str, str]]:
    """(commit hash, its patch with no context lines) for commits on the line of `head`
    that change `paths` (globs), newest first, at most `most`; `options` narrow the log
    (`-G regex`, `--no-merges`)."""
    marks = Marks.new()
    out = git(
        repo,
        "log",
        *options,
        "-p",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        f"-n{most}",
        marks.format("%H"),
        head,
        "--",
        *paths,
        check=False,
    )
    records = []
    for rec in marks.records(out):
        sha, _, diff = rec.partition("\n")
        records.append((sha.strip(), diff))
    return records
