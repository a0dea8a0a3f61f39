"""Dead ends and pivots in the main line's commits, by the marks abandoned work leaves:
reverts and undos, scripts deleted or retired into an old/-style folder, messages that say
something failed or that the work pivoted, and results files overwritten by later runs.

Each finding names the commits that show it (the one that started the work, the one that
gave it up) and says what was abandoned, from the files' own text where it can.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from arakit.compiler.repo.describe import describe
from arakit.compiler.repo.gitlog import Change, Commit

_REVERT_RE = re.compile(r"This reverts commit ([0-9a-f]{7,40})")
_UNDO_RE = re.compile(
    r"\b(?:revert(?:s|ed|ing|e)?|undo(?:ne|ing)?|undid|roll(?:ed|ing)?[ -]?back|back(?:ed)? out|"
    r"restor(?:e|es|ed|ing))\b",
    re.I,
)
_FAIL_RE = re.compile(
    r"\b(?:does ?n[o']?t (?:work|help|converge|improve|support)|did ?n[o']?t (?:work|help|"
    r"converge|improve|obtain)|not working|no improvement|untrainable|gave up|give up|"
    r"abandon(?:s|ed|ing)?|dead[ -]end|unfortunately|(?:is|are|was|were) worse|worse than)\b",
    re.I,
)
# "fails" alone also reports a single failing case; it counts when the line draws a conclusion
_WEAK_FAIL_RE = re.compile(r"\b(?:fail(?:s|ed)?|diverge[sd]?)\b", re.I)
_CONCLUDES_RE = re.compile(r"\b(?:showing|shows|because|therefore|hence|so we|due to|since)\b", re.I)
_FIX_RE = re.compile(r"^\s*(?:\W\s*)?(?:\[?fix(?:es|ed)?\]?|bug|hotfix|typo|ci\b|test)", re.I)
_PIVOT_RE = re.compile(r"\bpivot(?:s|ed|ing)?\b", re.I)
_BETTER_RE = re.compile(
    r"\b(?:works? (?:much |a lot )?better|much better|better than|instead(?: of)?|switch(?:es|ed)? to|"
    r"replac(?:e|es|ed|ing)\b)",
    re.I,
)
_MOVED_AWAY_RE = re.compile(
    r"\bmov(?:e|ed|es|ing)\b[^.\n]{0,40}\b(?:elsewhere|another repo|separate repo|new repo|"
    r"own repo|out of (?:the|this) repo)",
    re.I,
)
_WRONG_RE = re.compile(r"\b(?:bug|wrong|incorrect|mistake|error|fix(?:es|ed)?|corrected)\b", re.I)

CODE_EXT = (
    ".py", ".ipynb", ".pyx", ".pxd", ".m", ".r", ".jl", ".sh", ".bash", ".pbs", ".slurm",
    ".sbatch", ".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".cu", ".f90", ".f", ".js", ".ts",
    ".java", ".scala", ".go", ".rs", ".lua", ".pl", ".rb", ".stan", ".do", ".sas",
)  # fmt: skip
RESULT_EXT = (".csv", ".json", ".tsv", ".txt", ".npz", ".npy", ".pkl", ".h5", ".mat", ".parquet")
RETIRE_DIRS = {
    "old", "olds", "deprecated", "attic", "archive", "archived", "legacy", "unused",
    "obsolete", "graveyard", "abandoned", "discarded", "retired", "trash", "dead",
}  # fmt: skip
PARK_DIRS = {"tmp", "backup", "backups", "bak"}  # retired only when files are moved into them
RESULT_DIRS = {"results", "result", "outputs", "output", "out", "logs", "runs", "metrics"}
GENERIC_NAMES = {
    "main", "utils", "util", "__init__", "setup", "config", "configs", "train", "test", "model",
    "models", "run", "data", "dataset", "datasets", "helpers", "common", "plot", "plots", "eval",
    "evaluate", "loader", "index", "app", "cli", "script", "demo", "example", "readme",
}  # fmt: skip
MIN_SCRIPT_BYTES = 80  # smaller deleted files are placeholders, not work


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


BlobReader = Callable[[str, str], str | None]  # (blob id, path) -> text or None


def is_code(path: str) -> bool:
    """True for scripts and source files (what a deleted approach is made of)."""
    return path.lower().endswith(CODE_EXT)


def is_test(path: str) -> bool:
    """Unit tests and fixtures: removed with what they test, not an approach of their own."""
    p = PurePosixPath(path)
    name = p.name.lower()
    return (
        name.startswith("test_")
        or PurePosixPath(name).stem in ("test", "tests")
        or name.endswith(("_test.py", "_tests.py"))
        or name == "conftest.py"
        or any(part.lower() in ("tests", "__tests__", "testing") for part in p.parts[:-1])
    )


def is_scratch(path: str) -> bool:
    """Scratch and backup copies: their deletion abandons nothing."""
    name = PurePosixPath(path).name.lower()
    return bool(re.search(r"scratch|(?:^|[_.-])(?:tmp|temp|bkp|backup|copy)(?:[_.-]|$)", name))


def retire_dir(path: str, moved: bool) -> str | None:
    """The old/-style folder in `path` (as written), or None."""
    for part in PurePosixPath(path).parts[:-1]:
        low = part.lower()
        stem = re.sub(r"^(?:old|obsolete|deprecated)[_-]|[_-](?:old|obsolete|deprecated)$", "", low)
        if low in RETIRE_DIRS or stem != low or (moved and low in PARK_DIRS):
            return part
    return None


def _hidden(path: str) -> bool:
    return any(part.startswith(".") for part in PurePosixPath(path).parts)


def _is_result(path: str) -> bool:
    p = PurePosixPath(path.lower())
    if not p.name.endswith(RESULT_EXT):
        return False
    return any(part in RESULT_DIRS for part in p.parts[:-1]) or bool(
        re.search(r"result|summary|metrics|scores", p.name)
    )


def _group_top(path: str) -> str:
    """Deletions are grouped by their first two folders: one finding per area removed."""
    parts = PurePosixPath(path).parts[:-1]
    return "/".join(parts[:2]) if parts else "."


def _group_dir(path: str) -> str:
    parts = PurePosixPath(path).parts
    return "/".join(parts[:-1]) if len(parts) > 1 else "."


def message_lines(text: str) -> list[str]:
    """The lines of a commit message with wrapped lines joined back to their sentence."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        starts_item = bool(re.match(r"^(?:[-*\u2022+]|\d+[.)]|#)\s", line))
        if out and line and out[-1] and not starts_item and not out[-1].endswith((".", ":")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def _sentence_with(text: str, rx: re.Pattern[str]) -> str:
    for line in message_lines(text):
        line = line.strip(" -*\t")
        if rx.search(line) and not _FIX_RE.match(line):
            return line[:240]
    return ""


def failure_sentence(text: str) -> str:
    """The line of `text` that says an approach failed, or ""."""
    strong = _sentence_with(text, _FAIL_RE)
    if strong:
        return strong
    for line in message_lines(text):
        line = line.strip(" -*\t")
        if _WEAK_FAIL_RE.search(line) and _CONCLUDES_RE.search(line) and not _FIX_RE.match(line):
            return line[:240]
    return ""


class PatternFinder:
    """Runs every detector over the main line, oldest commit first."""

    def __init__(
        self,
        commits: list[Commit],
        read_blob: BlobReader,
        prefix: str = "",
        first_parent: set[str] | None = None,
    ) -> None:
        self.commits = commits
        # exact undos are looked for on the first-parent line only: inside merged branches,
        # formatting and conflict churn sets files back without abandoning anything
        self.first_parent = first_parent if first_parent is not None else {c.sha for c in commits}
        self.live: dict[str, set[str]] = {}  # file name -> the paths carrying it now
        self.born_at: dict[str, int] = {}  # path -> index of the commit that added it
        self.by_sha = {c.sha: c for c in commits}
        self.order = {c.sha: i for i, c in enumerate(commits)}
        self.read_blob = read_blob
        self.prefix = prefix
        self.findings: list[Finding] = []
        self.claimed: set[str] = set()  # commits a revert or undo finding already explains
        self.born: dict[str, str] = {}  # path -> commit that first added it (through renames)
        self.last_touch: dict[str, str] = {}  # path -> last commit that changed it
        self.produced: dict[tuple[str, str], str] = {}  # (path, blob) -> commit that wrote it
        self.readded: set[str] = set()

    def in_scope(self, path: str) -> bool:
        """True when `path` lies in the folder being read."""
        return not self.prefix or path.startswith(self.prefix)

    def run(self) -> list[Finding]:
        """Every finding, in commit order."""
        added_later: dict[str, int] = {}
        for i, c in enumerate(self.commits):
            for ch in c.changes:
                if ch.status in ("A", "R", "C"):
                    added_later[ch.path] = i
        self._added_at = added_later
        self._name_added_at: dict[str, int] = {}
        for path, i in added_later.items():
            name = PurePosixPath(path).name
            self._name_added_at[name] = max(i, self._name_added_at.get(name, -1))
        for i, c in enumerate(self.commits):
            self._index = i
            before = len(self.findings)
            self._reverts(c)
            if c.sha not in self.claimed:
                self._undo(c)
            if c.sha not in self.claimed:
                self._removed(c)
                self._superseded(c)
            if len(self.findings) == before and c.sha not in self.claimed:
                self._message(c)
            self._track(c)
        return self.findings

    # -- bookkeeping -------------------------------------------------------------------------

    def _track(self, c: Commit) -> None:
        for ch in c.changes:
            if ch.status in ("D", "R"):
                old = ch.old_path or ch.path
                self.live.get(PurePosixPath(old).name, set()).discard(old)
            if ch.status in ("A", "R", "C"):
                self.live.setdefault(PurePosixPath(ch.path).name, set()).add(ch.path)
                if ch.status == "A" or ch.path not in self.born_at:
                    start = self.born_at.get(ch.old_path or "", self.order[c.sha])
                    self.born_at[ch.path] = start if ch.status == "R" else self.order[c.sha]
            if ch.status in ("R", "C") and ch.old_path:
                self.born.setdefault(ch.path, self.born.get(ch.old_path, c.sha))
            elif ch.status == "A":
                self.born.setdefault(ch.path, c.sha)
            if ch.status != "D":
                self.produced[(ch.path, ch.new_blob)] = c.sha
            self.last_touch[ch.path] = c.sha

    def _previous_toucher(self, c: Commit) -> Commit | None:
        shas = [self.last_touch.get(ch.old_path or ch.path) for ch in c.changes]
        found = [self.by_sha[s] for s in shas if s and s in self.by_sha]
        return max(found, key=lambda x: self.order[x.sha]) if found else None

    # -- detectors ---------------------------------------------------------------------------

    def _reverts(self, c: Commit) -> None:
        m = _REVERT_RE.search(c.body)
        undone = None
        if m:
            undone = next((x for x in self.commits if x.sha.startswith(m.group(1))), None)
        elif _UNDO_RE.search(c.subject) and c.changes:
            undone = self._exact_undo_target(c) or self._previous_toucher(c)
        if undone is None or undone.sha == c.sha:
            return
        self.claimed.update((c.sha, undone.sha))
        self.findings.append(
            Finding(
                kind="dead_end",
                pattern="revert",
                title=f"Reverted: {undone.subject}",
                commits=[undone.sha, c.sha],
                files=[ch.path for ch in undone.changes][:20],
                what=f"{undone.short} {undone.subject}",
                why=f"undone by {c.short} ({c.subject})",
                lesson=_lesson(c),
                date=c.date,
            )
        )

    def _exact_undo_target(self, c: Commit) -> Commit | None:
        """The commit whose change to a file this commit reverses exactly, if any."""
        if c.sha not in self.first_parent:
            return None
        for ch in c.changes:
            if ch.status != "M":
                continue
            writer = self.produced.get((ch.path, ch.old_blob))
            w = self.by_sha.get(writer or "")
            if w and w.sha in self.first_parent and any(
                x.path == ch.path and x.old_blob == ch.new_blob and x.new_blob == ch.old_blob
                for x in w.changes
            ):
                return w
        return None

    def _undo(self, c: Commit) -> None:
        """A file set back to the exact content it had before another commit changed it."""
        target = self._exact_undo_target(c)
        if target is None or target.sha in self.claimed:
            return
        files = [
            ch.path
            for ch in c.changes
            if any(x.path == ch.path and x.old_blob == ch.new_blob for x in target.changes)
        ]
        self.claimed.update((c.sha, target.sha))
        self.findings.append(
            Finding(
                kind="dead_end",
                pattern="undo",
                title=f"Undone: {target.subject}",
                commits=[target.sha, c.sha],
                files=files,
                what=f"{target.short} {target.subject}",
                why=f"{c.short} ({c.subject}) sets {', '.join(files[:3])} back to the content "
                f"before {target.short}",
                lesson=_lesson(c),
                date=c.date,
            )
        )

    def _removed(self, c: Commit) -> None:
        """Scripts deleted for good, and scripts moved or added into an old/-style folder."""
        if _MOVED_AWAY_RE.search(c.message):
            return  # the message says the files went elsewhere
        new_names = {PurePosixPath(ch.path).name for ch in c.changes if ch.status in "ARC"}
        gone = {ch.path for ch in c.changes if ch.status == "D"}
        new_blobs = {ch.new_blob for ch in c.changes if ch.status in "ARC"}
        deleted: dict[str, list[Change]] = {}
        retired: dict[str, list[Change]] = {}
        for ch in c.changes:
            path = ch.path
            if not self.in_scope(path) or not is_code(path) or is_test(path) or _hidden(path):
                continue
            if ch.status == "D":
                if (
                    is_scratch(path)
                    or PurePosixPath(path).name in new_names
                    or ch.old_blob in new_blobs
                    or self._added_at.get(path, -1) > self._index
                    or self._moved_later(path)
                    or self._duplicate(path, gone)
                    or retire_dir(path, moved=True)  # already retired earlier
                ):
                    continue
                deleted.setdefault(_group_top(path), []).append(ch)
            elif ch.status in ("R", "A"):
                moved = ch.status == "R"
                where = retire_dir(path, moved)
                if where is None or (moved and retire_dir(ch.old_path or "", True)):
                    continue
                retired.setdefault(_group_dir(path), []).append(ch)
        for folder, changes in deleted.items():
            self._removal(c, "deleted", folder, changes)
        for folder, changes in retired.items():
            self._removal(c, "retired", folder, changes)

    def _duplicate(self, path: str, gone: set[str]) -> bool:
        """A newer file of the same distinctive name stays in the tree: it took over."""
        name = PurePosixPath(path).name
        if PurePosixPath(name).stem.lower() in GENERIC_NAMES:
            return False
        mine = self.born_at.get(path, -1)
        return any(
            p != path and p not in gone and self.born_at.get(p, -1) > mine
            for p in self.live.get(name, set())
        )

    def _moved_later(self, path: str) -> bool:
        """A distinctive file name that comes back later elsewhere: restructured, not dropped."""
        name = PurePosixPath(path).name
        if PurePosixPath(name).stem.lower() in GENERIC_NAMES:
            return False
        return self._name_added_at.get(name, -1) > self._index

    def _removal(self, c: Commit, pattern: str, folder: str, changes: list[Change]) -> None:
        notes: list[str] = []
        files: list[str] = []
        kept: list[str] = []
        for ch in changes:
            blob = ch.old_blob if pattern == "deleted" else ch.new_blob
            text = self.read_blob(blob, ch.path)
            if pattern == "deleted" and text is not None and len(text.strip()) < MIN_SCRIPT_BYTES:
                continue  # an empty placeholder
            files.append(ch.path)
            if ch.old_path:
                files.append(ch.old_path)
            desc = describe(text, ch.path) if text else ""
            name = PurePosixPath(ch.path).name
            notes.append(f"{name}: {desc}" if desc else name)
            kept.append(ch.path)
        if not kept:
            return
        born = sorted(
            {self.born.get(ch.old_path or ch.path, "") for ch in changes} - {"", c.sha},
            key=lambda s: self.order.get(s, 0),
        )
        where = folder if folder != "." else "the repository root"
        n = len(kept)
        noun = "script" if n == 1 else "scripts"
        if pattern == "deleted":
            title = f"{n} {noun} deleted from {where}"
            why = f"deleted in {c.short} ({c.subject})"
        else:
            title = f"{n} {noun} retired to {where}"
            why = f"moved or added into {where} in {c.short} ({c.subject})"
        better = _sentence_with(c.message, _BETTER_RE)
        self.findings.append(
            Finding(
                kind="pivot" if better else "dead_end",
                pattern=pattern,
                title=title,
                commits=[*born[:3], c.sha],
                files=files,
                what="; ".join(notes),
                why=why,
                lesson=better or _lesson(c),
                date=c.date,
            )
        )

    def _superseded(self, c: Commit) -> None:
        """Results files overwritten by a later run: the earlier numbers are superseded."""
        changed = [
            ch
            for ch in c.changes
            if ch.status == "M" and self.in_scope(ch.path) and _is_result(ch.path)
        ]
        if not changed:
            return
        earlier = sorted({self.last_touch[ch.path] for ch in changed if ch.path in self.last_touch})
        wrong = _sentence_with(c.message, _WRONG_RE)
        self.findings.append(
            Finding(
                kind="experiment",  # a re-run; whether the old numbers were wrong is judgment
                pattern="superseded",
                title=f"Results overwritten: {', '.join(PurePosixPath(ch.path).name for ch in changed[:3])}",
                commits=[*earlier[:3], c.sha],
                files=[ch.path for ch in changed],
                what="the results written by " + ", ".join(s[:7] for s in earlier[:3]),
                why=f"overwritten by {c.short} ({c.subject})",
                lesson=wrong,
                date=c.date,
            )
        )

    def _message(self, c: Commit) -> None:
        """A commit whose message says that something failed, or that the work pivoted."""
        pivot = _sentence_with(c.message, _PIVOT_RE)
        if pivot:
            prev = self._previous_toucher(c)
            self.findings.append(
                Finding(
                    kind="pivot",
                    pattern="pivot",
                    title=c.subject[:100],
                    commits=[*([prev.sha] if prev else []), c.sha],
                    files=c.files[:20],
                    what=f"{prev.short} {prev.subject}" if prev else "the approach before this commit",
                    why=pivot,
                    lesson=pivot,
                    date=c.date,
                )
            )
            return
        failed = failure_sentence(c.message)
        if failed:
            self.findings.append(
                Finding(
                    kind="dead_end",
                    pattern="message",
                    title=failed[:100],
                    commits=[c.sha],
                    files=c.files[:20],
                    what=c.subject,
                    why=f"{c.short} says: {failed}",
                    lesson=failed,
                    date=c.date,
                )
            )


def _lesson(c: Commit) -> str:
    """A sentence of the message that states a reason, when there is one."""
    return failure_sentence(c.message) or _sentence_with(c.message, _BETTER_RE)
