"""Whether a deleted file lives on in a new version beside it, and how a clean-up that
deletes many scripts is told: per folder of work.

Work kept through a web editor or a notebook service leaves uploads and deletions as
separate commits: "Add files via upload" writes `ASR+model_train.ipynb`, "Delete
[ASR]model+train.ipynb" follows a minute later. Nothing was given up: a new version took
the old one's place. It shows as a file added beside the deleted one (the same folder, a
name sharing a word) in the commits around the deletion that holds most of its lines.
"""

from __future__ import annotations

import re
from datetime import datetime

from arakit.compiler.repo import paths
from arakit.compiler.repo.finding import BlobReader
from arakit.compiler.repo.gitlog import Change, Commit
from arakit.compiler.repo.moved import LIVES_ON, code_lines

# a deleted file replaced by a new version written this close (commits and days) lives on
NEAR_COMMITS, NEAR_DAYS = 25, 60
MAX_NEAR_FILES = 30  # files of one commit read as a possible replacement
SPLIT_MIN, MAX_GROUPS = 8, 12  # a clean-up deleting this many scripts is told per folder
MIN_GROUP = 2  # scripts a folder needs to be told apart; single scripts are told together


def _days(a: str, b: str) -> float:
    try:
        return abs((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()) / 86400
    except ValueError:
        return float("inf")


class NearVersions:
    """The files added around each commit of `commits` (the main line, oldest first), read
    through `read` once each."""

    def __init__(self, commits: list[Commit], read: BlobReader) -> None:
        self.commits = commits
        self.read = read
        self._near: dict[int, list[tuple[str, set[str]]]] = {}
        self._blob_lines: dict[str, set[str]] = {}

    def replaced(self, i: int, c: Commit, gone: Change, born: int) -> bool:
        """At least LIVES_ON of the deleted file's lines are in files added beside it (the
        same folder, a name sharing a word) in the commits around the deletion, after the
        file itself was added: a notebook uploaded again under a new name and the old one
        deleted a commit later. Siblings deleted by the same commit carry nothing on, and a
        copy of a shared template under another name is no new version of it."""
        mine = self._lines_of(gone.old_blob, gone.path)  # a notebook read whole
        if not mine:
            return False
        here = paths.group_dir(gone.path)
        gone_paths = {ch.path for ch in c.changes if ch.status == "D"}
        start = max(born + 1, i - NEAR_COMMITS)
        pool: set[str] = set()
        for j in range(start, min(len(self.commits), i + NEAR_COMMITS + 1)):
            if _days(self.commits[j].date, c.date) > NEAR_DAYS:
                continue
            for path, lines in self._written_lines(j):
                if (
                    path not in gone_paths
                    and path != gone.path
                    and paths.group_dir(path) == here
                    and kin_names(path, gone.path)
                ):
                    pool |= lines
            if len(mine & pool) >= LIVES_ON * len(mine):
                return True
        return False

    def _written_lines(self, j: int) -> list[tuple[str, set[str]]]:
        """(path, lines) for each code file commit `j` added."""
        if j in self._near:
            return self._near[j]
        out: list[tuple[str, set[str]]] = []
        for ch in self.commits[j].changes[:MAX_NEAR_FILES]:
            if ch.status != "A" or not paths.is_code(ch.path):
                continue  # code merged into a file that stays is judged by lives_on
            lines = self._lines_of(ch.new_blob, ch.path)
            if lines:
                out.append((ch.path, lines))
        self._near[j] = out
        return out

    def _lines_of(self, blob: str, path: str) -> set[str]:
        """code_lines of a file version, read once."""
        if blob not in self._blob_lines:
            self._blob_lines[blob] = code_lines(self.read(blob, path) or "", path)
        return self._blob_lines[blob]


def kin_names(a: str, b: str) -> bool:
    """Two file names sharing a word of at least three letters, or one word the start of
    the other (`model` / `models`): a new version named after the old one."""
    wa = {w for w in paths.name_tokens(a) if len(w) >= 3}
    wb = {w for w in paths.name_tokens(b) if len(w) >= 3}
    return any(
        x == y or (min(len(x), len(y)) >= 4 and (x.startswith(y) or y.startswith(x)))
        for x in wa
        for y in wb
    )


def by_folder(deleted: list[Change]) -> list[list[Change]]:
    """A clean-up that deletes many scripts over several folders, one group per folder (the
    Taylor-series scripts, the rational-function scripts): each folder held one line of
    work, with its subfolders when scripts go from both. Fewer than SPLIT_MIN scripts stay
    one group; folders with fewer than MIN_GROUP
    scripts, and those past MAX_GROUPS, share one group."""
    if len(deleted) < SPLIT_MIN:
        return [deleted] if deleted else []
    folders = {paths.group_dir(ch.path) for ch in deleted}
    groups: dict[str, list[Change]] = {}
    for ch in deleted:
        groups.setdefault(_outermost(paths.group_dir(ch.path), folders), []).append(ch)
    ranked = sorted(_kin_folders(groups), key=len, reverse=True)
    kept = [g for g in ranked if len(g) >= MIN_GROUP][: MAX_GROUPS - 1]
    rest = [ch for g in ranked if not any(g is k for k in kept) for ch in g]
    return kept + ([rest] if rest else [])


def _outermost(folder: str, folders: set[str]) -> str:
    """The outermost of `folders` holding `folder` (`julia` for `julia/transpose` when
    scripts go from both): a folder's subfolders are part of its work."""
    parts = folder.split("/")
    for n in range(1, len(parts)):
        if "/".join(parts[:n]) in folders:
            return "/".join(parts[:n])
    return folder


def _kin_folders(groups: dict[str, list[Change]]) -> list[list[Change]]:
    """Folders named for the same thing told together (`models/dcca`, `models/jnf_dcca`,
    `trainers/add_dcca_trainer`: one model with its trainer): a word of at least four
    letters of one folder's name found in another's."""
    names = list(groups)
    words = {
        n: {w for w in re.split(r"[\W_]+", n.rsplit("/", 1)[-1].lower()) if len(w) >= 4}
        for n in names
    }
    joined: dict[str, str] = {n: n for n in names}

    def root(n: str) -> str:
        while joined[n] != n:
            n = joined[n]
        return n

    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if any(x in y or y in x for x in words[a] for y in words[b]):
                joined[root(b)] = root(a)
    out: dict[str, list[Change]] = {}
    for n in names:
        out.setdefault(root(n), []).extend(groups[n])
    return list(out.values())
