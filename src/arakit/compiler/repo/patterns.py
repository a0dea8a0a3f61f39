"""Dead ends and pivots in the main line's commits, by the marks abandoned work leaves:
reverts and undos, scripts deleted or retired into an old/-style folder; and, through
`stated`, messages that say something failed, was replaced for a reason or that the work
pivoted, trials given up, and results files overwritten by later runs.

Each finding names the commits that show it (the one that started the work, the one that
gave it up) and says what was abandoned, from the files' own text where it can.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import PurePosixPath

from arakit.compiler.repo import messages as msg
from arakit.compiler.repo import paths
from arakit.compiler.repo.describe import describe
from arakit.compiler.repo.finding import BlobReader, Finding
from arakit.compiler.repo.gitlog import Change, Commit
from arakit.compiler.repo.moved import (
    SHELL_EXT,
    abandons_nothing,
    documentation,
    launches_kept,
    numbered_into,
    serves_the_project,
    programs,
    runs_as_program,
)
from arakit.compiler.repo.routine import routine
from arakit.compiler.repo.versions import NearVersions, by_folder
from arakit.compiler.repo.stated import (
    explained,
    kept_old,
    rerun,
    results_dropped,
    superseded,
    swapped,
    tried,
)

__all__ = ["BlobReader", "Finding", "PatternFinder"]

# findings that already said a file was given up (moved to old/, kept as an _old copy)
_RETIRING = ("retired", "kept-old", "rewritten")
WIPE_MIN, WIPE_SHARE = 5, 0.8  # a commit deleting this share of the tree clears a branch
# a routine tweak (a value, a print) set back this soon was a slip or a look, not an idea run
ACCIDENT_MINUTES = 60


def _minutes(a: str, b: str) -> float:
    try:
        return abs((datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds()) / 60
    except ValueError:
        return float("inf")


CLEAN_UP = 0.8  # share of a commit's changes that are deletions for it to be a clean-up
# "removing all files in .gitignore", "untrack ignored files": files taken out of version
# control, their work not given up
_UNTRACK_RE = re.compile(r"\.?git\s?ignore|\bignored files\b|\buntrack", re.I)
# a notebook and the script exported from it (or paired with it) hold the same work
_TWIN_EXT = (".py", ".ipynb", ".r", ".rmd", ".jl", ".m")
_BENCH_DIRS = {"benchmark", "benchmarks", "bench", "benches", "perf"}


def _benchmark(path: str) -> bool:
    """In a benchmarks/ folder: scripts that time the software, tooling of a package, not
    an approach of its research."""
    return any(part in _BENCH_DIRS for part in path.lower().split("/")[:-1])


_SETTINGS_EXT = (".yaml", ".yml", ".json", ".toml", ".cfg", ".ini", ".conf")


def _kept_up(path: str) -> bool:
    """An upkeep file that runs nothing and sets nothing: an ignore file, a README, a
    changelog (a dependency pin in setup.cfg or a docs build script does run)."""
    low = path.lower()
    return paths.upkeep(path) and not paths.is_code(path) and not low.endswith(_SETTINGS_EXT)


def _archived_settings(ch: Change) -> bool:
    """An experiment's settings file (YAML, JSON, TOML) moved or added into an old/-style
    folder (`experiments/archive/`, `experiments_archive/`): its runs retired with it (not
    when the commit says it restructures: "refactor configs" sorts tuning variants away)."""
    return (
        ch.status in ("R", "A")
        and ch.path.lower().endswith(_SETTINGS_EXT)
        and paths.retire_dir(ch.path, ch.status == "R") is not None
    )


def _lines(text: str) -> set[str]:
    """The non-blank lines of a file, spaces folded."""
    return {" ".join(line.split()) for line in text.splitlines() if line.strip()}


def _words(lines: set[str]) -> set[str]:
    """The words and numbers of some lines."""
    return {w for line in lines for w in re.findall(r"\w+", line)}


def _generic(path: str) -> bool:
    return PurePosixPath(path).stem.lower() in paths.GENERIC_NAMES


class PatternFinder:
    """Runs every detector over the main line, oldest commit first."""

    def __init__(
        self,
        commits: list[Commit],
        read_blob: BlobReader,
        prefix: str = "",
        first_parent: set[str] | None = None,
        read_other: BlobReader | None = None,
        authors: frozenset[str] = frozenset(),
        read_program: BlobReader | None = None,
        read_near: BlobReader | None = None,
    ) -> None:
        self.commits = commits
        self.authors = authors  # the commit authors' name words: whose code is their own
        # files read to see whether deleted code moved (a budget apart from descriptions)
        self.read_other = read_other or read_blob
        # files deleted by a restructuring, read to see whether they ran as programs (a
        # budget of its own: these reads must not starve the checks of where code moved)
        self.read_program = read_program or self.read_other
        # files written around a deletion, read to see whether a new version replaced it
        self.near = NearVersions(commits, read_near or self.read_other)
        # exact undos are looked for on the first-parent line only: inside merged branches,
        # formatting and conflict churn sets files back without abandoning anything
        self.first_parent = first_parent if first_parent is not None else {c.sha for c in commits}
        self.live: dict[str, set[str]] = {}  # file name -> the paths carrying it now
        self.holders: dict[str, set[str]] = {}  # blob -> the paths holding that content now
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
        # files moved out of an old/-style folder into a live one: brought back, not retired
        self._brought_back: dict[str, int] = {}
        for i, c in enumerate(self.commits):
            for ch in c.changes:
                old = ch.old_path if ch.status == "R" else None
                if old and paths.retire_dir(old, True) and not paths.retire_dir(ch.path, True):
                    self._brought_back[old] = i
        self._name_added_at: dict[str, int] = {}
        for path, i in added_later.items():
            name = PurePosixPath(path).name
            self._name_added_at[name] = max(i, self._name_added_at.get(name, -1))
        # the name words and kind of every file added, with where it was last added
        self._added_names = [
            (paths.name_tokens(path), PurePosixPath(path).suffix.lower(), i)
            for path, i in added_later.items()
        ]
        for i, c in enumerate(self.commits):
            self._index = i
            before = len(self.findings)
            self._reverts(c)
            if c.sha not in self.claimed:
                self._undo(c)
            if c.sha not in self.claimed:
                self._removed(c)
                self.findings += tried(self, c) + superseded(self, c) + kept_old(self, c)
                self.findings += results_dropped(self, c) + swapped(self, c) + rerun(self, c)
            if c.sha not in self.claimed:
                self.findings[before:] = explained(self, c, self.findings[before:])
            if self._only_launchers_go(c):
                del self.findings[before:]  # launch scripts retired for a build file: tooling
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
            gone_path = ch.old_path if ch.status == "R" and ch.old_path else ch.path
            if ch.status in ("D", "R", "M", "T"):
                self.holders.get(ch.old_blob, set()).discard(gone_path)
            if ch.status != "D":
                self.holders.setdefault(ch.new_blob, set()).add(ch.path)

    def previous_toucher(self, c: Commit) -> Commit | None:
        shas = [self.last_touch.get(ch.old_path or ch.path) for ch in c.changes]
        found = [self.by_sha[s] for s in shas if s and s in self.by_sha]
        return max(found, key=lambda x: self.order[x.sha]) if found else None

    # -- detectors ---------------------------------------------------------------------------

    def _reverts(self, c: Commit) -> None:
        m = msg.REVERT_RE.search(c.body)
        undone = None
        if m:
            undone = next((x for x in self.commits if x.sha.startswith(m.group(1))), None)
            # a rebase or a bundle that rewrote hashes leaves the reverted hash dangling:
            # `git revert` also quoted the subject, and the commit holding it is the one
            undone = undone or self._by_subject(msg.reverted_subject(c.subject))
        elif msg.UNDO_RE.search(c.subject) and c.changes:
            undone = self._exact_undo_target(c)
            toucher = self.previous_toucher(c) if undone is None else None
            # a subject that says it reverts or restores names no commit: the last commit of
            # its files is the one undone, unless the message says that one's work is kept
            # ("Restore the framing ... the physical-device validation is unchanged")
            if (
                toucher is not None
                and not msg.keeps(c.message, toucher.subject)
                and self._brings_back(c, toucher)
            ):
                undone = toucher
        if undone is None or undone.sha == c.sha:
            return
        files = [ch.path for ch in undone.changes][:20]
        self._undone(
            c,
            undone,
            "revert",
            f"Reverted: {undone.subject}",
            files,
            f"undone by {c.short} ({c.subject})",
        )

    def _brings_back(self, c: Commit, target: Commit) -> bool:
        """Whether `c`, named an undo by its subject alone, sets `target` back in some file:
        it writes again words that `target` took out ("Restore single-step count to 500"
        after 500 was changed), or only takes out words `target` put in. A "restore" that
        adds what `target` never had (a choice lost from the working tree, written in beside
        `target`'s work) undoes nothing of it."""
        judged = False
        for ch in c.changes:
            mine = next((x for x in target.changes if x.path == ch.path), None)
            if ch.status != "M" or mine is None or mine.status != "M":
                continue  # added, deleted or renamed files are not judged word by word
            texts = [
                self.read_other(b, ch.path)
                for b in (mine.old_blob, mine.new_blob, ch.old_blob, ch.new_blob)
            ]
            if any(t is None for t in texts):
                return True  # unreadable: keep the subject's word
            t_old, t_new, c_old, c_new = (_lines(t or "") for t in texts)
            took_out, put_in = _words(t_old - t_new), _words(t_new - t_old)
            brought = _words(c_new - c_old) - _words(c_old - c_new)
            dropped = _words(c_old - c_new) - _words(c_new - c_old)
            if brought & took_out or (not brought and dropped & put_in):
                return True
            judged = True
        return not judged

    def _by_subject(self, subject: str) -> Commit | None:
        """The latest commit before the current one whose subject is `subject`."""
        if not subject:
            return None
        for x in reversed(self.commits[: self._index]):
            if x.subject == subject:
                return x
        return None

    def _exact_undo_target(self, c: Commit) -> Commit | None:
        """The commit whose every change to code this commit reverses exactly, if any: a
        toggle of one setting among other edits, or a data file regenerated, is not an undo."""
        if c.sha not in self.first_parent:
            return None
        back = {(ch.path, ch.new_blob, ch.old_blob) for ch in c.changes if ch.status == "M"}
        for ch in c.changes:
            if ch.status != "M" or not paths.is_code(ch.path):
                continue
            w = self.by_sha.get(self.produced.get((ch.path, ch.old_blob)) or "")
            if w is None or w.sha == c.sha or w.sha not in self.first_parent:
                continue
            code = [x for x in w.changes if paths.is_code(x.path)]
            if code and all(
                x.status == "M" and (x.path, x.old_blob, x.new_blob) in back for x in code
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
        why = (
            f"{c.short} ({c.subject}) sets {', '.join(files[:3])} back to the content "
            f"before {target.short}"
        )
        if self._routine(target) or msg.says_nothing(target.subject):
            # a tweak tried and set back, or a commit whose subject names nothing tried
            self.claimed.update((c.sha, target.sha))
            return
        self._undone(c, target, "undo", f"Undone: {target.subject}", files, why)

    def _accident(self, c: Commit, target: Commit) -> bool:
        """True when taking `target` back gives up no idea: it changed only files that keep
        the project up and set nothing that runs (an ignore file, a README), its only change to code was deleting it (a sync that
        wiped the code, restored by the revert), or it was a routine tweak (a value under the same name, a
        print) taken back within ACCIDENT_MINUTES."""
        changes = target.changes
        if not changes:
            return False
        if all(_kept_up(ch.path) for ch in changes):
            return True
        code = [ch for ch in changes if paths.is_code(ch.path)]
        if code and all(ch.status == "D" for ch in code):
            return True  # it only removed code: taking it back restores the work
        if _minutes(target.date, c.date) > ACCIDENT_MINUTES:
            return False
        versions = []
        for ch in changes:
            if ch.status != "M":
                return False
            old, new = self.read_other(ch.old_blob, ch.path), self.read_other(ch.new_blob, ch.path)
            if old is None or new is None:
                return False
            versions.append((old, new))
        return routine(versions)

    def _routine(self, target: Commit) -> bool:
        """True when what `target` changed in code is routine (debug output, comments,
        values under the same names): setting it back gives up no approach."""
        versions = []
        for ch in target.changes:
            if ch.status != "M" or not paths.is_code(ch.path):
                continue
            old, new = self.read_other(ch.old_blob, ch.path), self.read_other(ch.new_blob, ch.path)
            if old is None or new is None:
                return False
            versions.append((old, new))
        return routine(versions)

    def _undone(
        self, c: Commit, target: Commit, pattern: str, title: str, files: list[str], why: str
    ) -> None:
        """Record that `c` took back `target`: a dead end citing both commits (not when the
        target only changed continuous integration: a build setting, not a research step)."""
        self.claimed.update((c.sha, target.sha))
        if target.changes and all(paths.is_ci(ch.path) for ch in target.changes):
            return
        if self._accident(c, target):
            return
        if (
            msg.deferred(c.message)
            or self._redone(target)
            or msg.restores_removal(c.subject, target.subject)
        ):
            return  # set aside "for now", redone later, or a removal taken back
        self.findings.append(
            Finding(
                kind="dead_end",
                pattern=pattern,
                title=title,
                commits=[target.sha, c.sha],
                files=files,
                what=f"{target.short} {target.subject}",
                why=why,
                lesson=msg.lesson(c.message),
                date=c.date,
            )
        )

    def _removed(self, c: Commit) -> None:
        """Scripts deleted for good, and scripts moved or added into an old/-style folder."""
        if (
            msg.MOVED_AWAY_RE.search(c.message)
            or msg.TEMPORARY_RE.search(c.subject)
            or _UNTRACK_RE.search(c.subject)
        ):
            return  # the files went elsewhere, were temporary, or are ignored from now on
        renaming = bool(msg.RENAMING_RE.search(c.subject))  # files deleted took new names
        renaming = renaming or msg.restructuring(c.subject)  # or went into a new layout
        new_names = {PurePosixPath(ch.path).name for ch in c.changes if ch.status in "ARC"}
        gone = {ch.path for ch in c.changes if ch.status == "D"}
        if len(gone) >= WIPE_MIN and len(gone) >= WIPE_SHARE * sum(map(len, self.live.values())):
            return  # nearly every file goes: a branch cleared to start anew (a paper branch)
        added = [ch.path for ch in c.changes if ch.status in "AR"]
        edited = [ch.path for ch in c.changes if ch.status == "M"]
        reported = {p for f in self.findings if f.pattern in _RETIRING for p in f.files}
        new_blobs = {ch.new_blob for ch in c.changes if ch.status in "ARC"}
        deleted: list[Change] = []  # one finding for what the commit removed
        retired: dict[str, list[Change]] = {}
        rewritten: list[Change] = []
        came_back = 0  # deleted files that live on elsewhere: the commit restructures
        for ch in c.changes:
            path = ch.path
            if (
                not self.in_scope(path)
                or not (paths.is_code(path) or (_archived_settings(ch) and not renaming))
                or paths.is_test(path)
                or paths.is_teaching(path)
                or (paths.hidden(path) and not paths.retire_dir(path, True))
                or paths.is_vendored(path)
                or paths.is_packaging(path)
                or documentation(path)
                or _benchmark(path)
            ):
                continue
            if ch.status == "D":
                if (
                    paths.is_scratch(path)
                    or PurePosixPath(path).name in new_names
                    or ch.old_blob in new_blobs
                    or self._added_at.get(path, -1) > self._index
                    or self._moved_later(path)
                    or self._duplicate(path, gone)
                    or self.holders.get(ch.old_blob, set()) - gone - {path}  # a copy goes
                    or self._mirrored(path, gone)
                    or numbered_into(c, path)
                    or self._twin(path, gone)
                    or (renaming and not self._program(ch))
                ):
                    came_back += 1
                    continue
                if paths.retire_dir(path, moved=True) or path in reported:
                    continue  # already retired earlier, and said so then
                if paths.rewritten(path, added) or paths.widened(path, edited):
                    rewritten.append(ch)  # the same name words came back in this commit
                    continue
                deleted.append(ch)
            elif ch.status in ("R", "A"):
                moved = ch.status == "R"
                where = paths.retire_dir(path, moved)
                if (
                    where is None
                    or paths.is_scratch(path)
                    or (moved and paths.retire_dir(ch.old_path or "", True))
                    or self._retired_before(ch)
                    or self._brought_back.get(path, -1) > self._index
                ):
                    continue
                retired.setdefault(paths.group_dir(path), []).append(ch)
        reason = msg.sentence_with(c.message, msg.REASON_RE)
        if rewritten and reason:
            self._removal(
                c, "rewritten", paths.common_folder([r.path for r in rewritten]), rewritten
            )
        if came_back >= 2 * len(deleted) and all(_generic(d.path) for d in deleted):
            deleted = []  # a driver (main.cpp, run.py) removed with the code it ran, which moved
        clean_up = sum(ch.status == "D" for ch in c.changes) >= CLEAN_UP * len(c.changes)
        for group in by_folder(deleted) if clean_up else [deleted] if deleted else []:
            folder = paths.common_folder([d.path for d in group])
            self._removal(c, "deleted", folder, group, came_back)
        for folder, changes in retired.items():
            self._removal(c, "retired", folder, changes)

    def _new_code(self, c: Commit) -> int:
        """Code files `c` adds."""
        return sum(ch.status == "A" and paths.is_code(ch.path) for ch in c.changes)

    def _program(self, ch: Change) -> bool:
        """Whether the deleted file ran as a program (moved.runs_as_program): one that a
        restructuring deletes, with its content carried nowhere, is an experiment given up."""
        if not ch.path.endswith(".py"):
            return False  # only Python is judged; read nothing else (the reads are budgeted)
        text = self.read_program(ch.old_blob, ch.path)
        return text is not None and runs_as_program(text, ch.path)

    def _only_launchers_go(self, c: Commit) -> bool:
        """True when all `c` does is delete shell scripts that run no program of the
        project (a clean-up script) or only programs that stay ("deleted cleanup.sh and
        run.sh because they got replaced with the extended makefile")."""
        if not c.changes or any(ch.status != "D" for ch in c.changes):
            return False
        exists = self._exists_after(c)
        for ch in c.changes:
            text = self.read_other(ch.old_blob, ch.path)
            if text is None or not ch.path.lower().endswith(SHELL_EXT):
                return False
            if programs(ch.path, text) and not launches_kept(ch.path, text, exists, self._existed):
                return False
        return True

    def _existed(self, name: str) -> bool:
        """Whether a file of this name is in the tree before the current commit."""
        return bool(self.live.get(name))

    def _exists_after(self, c: Commit) -> Callable[[str], bool]:
        """Whether a file of a given name is in the tree once `c` is applied."""
        gone = {ch.old_path or ch.path for ch in c.changes if ch.status in ("D", "R")}
        new = {PurePosixPath(ch.path).name for ch in c.changes if ch.status in ("A", "R", "C")}
        return lambda name: name in new or bool(self.live.get(name, set()) - gone)

    def _redone(self, target: Commit) -> bool:
        """Every file the undone commit added is added again by a later commit: the work
        was taken back and then redone, not given up."""
        new = [ch.path for ch in target.changes if ch.status == "A"]
        return bool(new) and all(self._added_at.get(p, -1) > self._index for p in new)

    def _retired_before(self, ch: Change) -> bool:
        """A file added into an old/-style folder whose content another old/-style folder
        already holds: a copy of work retired earlier (counted there), not new work retired."""
        return ch.status == "A" and any(
            p != ch.path and paths.retire_dir(p, True) for p in self.holders.get(ch.new_blob, set())
        )

    def _twin(self, path: str, gone: set[str]) -> bool:
        """A file of the same name in another form stays beside it (`asr.py` exported from
        `asr.ipynb`, a notebook paired with its script): one copy of the work goes."""
        p = PurePosixPath(path)
        if p.suffix.lower() not in _TWIN_EXT:
            return False
        stem = p.stem.lower()
        return any(
            q not in gone and PurePosixPath(q).stem.lower() == stem
            for ext in _TWIN_EXT
            if ext != p.suffix.lower()
            for q in self._live_named(stem + ext)
        )

    def _live_named(self, name: str) -> set[str]:
        """Paths in the tree whose file name is `name`, whatever its letter case."""
        return {q for n, held in self.live.items() if n.lower() == name for q in held}

    def _mirrored(self, path: str, gone: set[str]) -> bool:
        """The same file under the same folder name stays elsewhere (`python/include/x/a.h`
        beside `cpp/include/x/a.h`): a mirrored copy goes, the code stays."""
        parts = PurePosixPath(path).parts
        depth = 3 if _generic(path) else 2
        if len(parts) < depth:
            return False
        tail = parts[-depth:]
        return any(
            p != path and p not in gone and PurePosixPath(p).parts[-depth:] == tail
            for p in self.live.get(parts[-1], set())
        )

    def _duplicate(self, path: str, gone: set[str]) -> bool:
        """A newer file of the same distinctive name stays in the tree: it took over."""
        name = PurePosixPath(path).name
        if PurePosixPath(name).stem.lower() in paths.GENERIC_NAMES:
            return False
        mine = self.born_at.get(path, -1)
        return any(
            p != path and p not in gone and self.born_at.get(p, -1) > mine
            for p in self.live.get(name, set())
        )

    def _moved_later(self, path: str) -> bool:
        """A distinctive file name that comes back later elsewhere, also under the naming
        style of a new layout (`oracleNetwork.cpp` as `utils/oracle-network.cpp`, the same
        name words and kind): restructured, not dropped."""
        name = PurePosixPath(path).name
        if PurePosixPath(name).stem.lower() in paths.GENERIC_NAMES:
            return False
        if self._name_added_at.get(name, -1) > self._index:
            return True
        words = paths.name_tokens(path)
        kind = PurePosixPath(name).suffix.lower()
        return len(words) >= 2 and any(
            i >= self._index and ext == kind and words <= theirs
            for theirs, ext, i in self._added_names
        )

    def _removal(
        self, c: Commit, pattern: str, folder: str, changes: list[Change], moved: int = 0
    ) -> None:
        """One finding for the scripts `c` deleted or retired (`changes`), less those whose
        work goes on; `moved` counts the commit's other deletions already seen to live on."""
        notes: list[str] = []
        files: list[str] = []
        kept: list[str] = []
        carried = moved  # deleted scripts whose code the history carries on
        for ch in changes:
            if serves_the_project(ch.path) or paths.generated(ch.path):
                continue  # a build, job, plotting or helper script, a notebook checkpoint or
                # a byte-code cache: no approach given up
            blob = ch.new_blob if pattern == "retired" else ch.old_blob
            text = self.read_blob(blob, ch.path)
            if (
                pattern == "deleted"
                and text is not None
                and abandons_nothing(
                    c,
                    ch,
                    text,
                    self.read_other,
                    self.authors,
                    self._exists_after(c),
                    self._existed,
                )
            ):
                carried += 1
                continue  # a placeholder, a template, a unit test, or code moved
            if pattern == "deleted" and self.near.replaced(
                self._index, c, ch, self.born_at.get(ch.path, -1)
            ):
                carried += 1
                continue  # its content was written again nearby: a new version replaced it
            if (
                pattern == "retired"
                and text is not None
                and launches_kept(ch.path, text, self._exists_after(c), self._existed)
            ):
                continue  # a job script set aside once its runs were over: its program stays
            files.append(ch.path)
            if ch.old_path:
                files.append(ch.old_path)
            desc = describe(text, ch.path) if text else ""
            name = PurePosixPath(ch.path).name
            notes.append(f"{name}: {desc}" if desc else name)
            kept.append(ch.path)
        if not kept:
            return
        if pattern == "deleted" and carried >= 2 * len(kept) and self._new_code(c) > carried:
            return  # a new layout: most deleted code went into the files it adds; the rest too
        born = sorted(
            {self.born.get(ch.old_path or ch.path, "") for ch in changes} - {"", c.sha},
            key=lambda s: self.order.get(s, 0),
        )
        where = folder if folder != "." else "the repository root"
        areas = paths.subfolders(folder, kept)
        if len(areas) > 1:
            where += f" ({', '.join(areas[:4])}{', ...' if len(areas) > 4 else ''})"
        n = len(kept)
        noun = "script" if n == 1 else "scripts"
        if all(p.lower().endswith(_SETTINGS_EXT) for p in kept):
            noun = "settings file" if n == 1 else "settings files"
        if pattern == "deleted":
            title = f"{n} {noun} deleted from {where}"
            why = f"deleted in {c.short} ({c.subject})"
        elif pattern == "rewritten":
            title = f"{n} {noun} in {where} replaced by a rewrite"
            why = f"deleted and written anew under a similar name in {c.short} ({c.subject})"
        else:
            title = f"{n} {noun} retired to {where}"
            why = f"moved or added into {where} in {c.short} ({c.subject})"
        better = msg.sentence_with(
            c.message, msg.REASON_RE if pattern == "rewritten" else msg.BETTER_RE
        )
        self.findings.append(
            Finding(
                kind="pivot" if better else "dead_end",
                pattern=pattern,
                title=title,
                commits=[*born[:3], c.sha],
                files=files,
                what="; ".join(notes),
                why=why,
                lesson=better or msg.lesson(c.message),
                date=c.date,
            )
        )
