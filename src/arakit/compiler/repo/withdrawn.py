"""Code added and then taken out again inside files that stay: an approach given up
without deleting a file.

A developer adds overloads that keep a heap in work-group local memory, and three days later
commits "removed local accessor overload" three times: no file goes, so the deleted-file
detectors see nothing, yet an approach was tried and dropped. The commit says it removes,
its diff takes out a block of code holding a definition (a function, class, template or
overload), the block's lines are not written again by the same commit (a move or a split
into another file is not a removal), and an earlier commit on the main line added those
lines, and the two subjects name the same thing ("added functions with local accessor",
"removed local accessor overload"). Commits that remove with the same message on the same
day are one piece of work, and it counts when it spans at least MIN_FILES files: a single
helper taken out of one file is upkeep.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from arakit.compiler.repo import paths
from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit, patches
from arakit.compiler.repo.source import git

MIN_BLOCK = 6  # code lines removed together to count as a block, not a tweak
MIN_LINE_CHARS = 8  # shorter lines (`}`, `end`, `return x`) are shared by any two blocks
MAX_CANDIDATES = 60  # removing commits read, newest first
MAX_LOOKBACK = 150  # earlier commits of the same files read to find the one that added a block
ADDED_SHARE = 0.7  # share of a block's lines an earlier commit added for it to be the adder
MIN_FILES = 2  # an approach spans files (a declaration and its implementation, a caller)
STEM = 6  # letters of a subject word compared
# words any subject may hold: what was done to the code, not what the code is
_PLAIN = {
    "added", "adding", "adds", "remove", "removed", "removes", "removing", "delete", "deleted",
    "function", "functions", "code", "update", "updated", "updates", "fixed", "fixes", "with",
    "from", "into", "that", "this", "some", "more", "also", "unused", "file", "files", "minor",
    "small", "change", "changes", "changed", "clean", "cleaned", "cleanup", "refactor",
}  # fmt: skip
KEPT_SHARE = 0.5  # share of a block written again by the removing commit: the code moved
_REMOVING = re.compile(
    r"\b(?:remov(?:e|ed|es|ing)|delet(?:e|ed|es|ing)|drop(?:ped|s|ping)?|"
    r"get rid of|got rid of|took out|take out)\b",
    re.I,
)
_REVERT = re.compile(r"^revert\b|This reverts commit", re.I)
# a definition in the common languages: Python/Julia/R functions, classes, C++ templates and
# function heads (`void compute(`, `inline void heap::swap(`)
_DEF = re.compile(
    r"^(?:async\s+)?def\s+\w|^class\s+\w|^struct\s+\w|^function\s+\w|^template\s*<|"
    r"^[\w.]+\s*<-\s*function\b|"
    r"^(?:(?:inline|static|virtual|constexpr|extern)\s+)*[\w:<>,*&\s]+?\s[*&]?[\w:~]+\s*\($"
)
_NAME = re.compile(
    r"(?:def|class|struct|function)\s+([\w.!]+)|^([\w.]+)\s*<-\s*function|([\w:~]+)\s*\($"
)


def withdrawn(repo: Path, main: list[Commit]) -> list[Finding]:
    """Dead ends for blocks of code that an earlier commit added and a later commit,
    saying it removes something, took out of files that stay."""
    order = {c.sha: i for i, c in enumerate(main)}
    candidates = [
        c
        for c in main
        if len(c.parents) == 1
        and _REMOVING.search(c.subject)
        and not _REVERT.search(c.message)
        and any(ch.status == "M" and _own_code(ch.path) for ch in c.changes)
    ][-MAX_CANDIDATES:]
    found: list[Finding] = []
    for c in candidates:
        files = [ch.path for ch in c.changes if ch.status == "M" and _own_code(ch.path)]
        blocks = _removed_blocks(
            git(repo, "show", "-U0", "--no-color", "--format=", c.sha, "--", *files, check=False)
        )
        if not blocks:
            continue
        earlier = patches(repo, f"{c.sha}^", files, MAX_LOOKBACK, "--no-merges")
        added = [(sha, _added_lines(diff)) for sha, diff in earlier if sha in order]
        for path, block, names in blocks:
            adder = next(
                (
                    sha
                    for sha, lines in added
                    if len(block & lines.get(path, set())) >= ADDED_SHARE * len(block)
                ),
                None,
            )
            if adder is not None and _same_work(main[order[adder]].subject, c.subject):
                found.append(_finding(main[order[adder]], c, path, names))
    return _merged(found)


def _words(subject: str) -> set[str]:
    """The content words of a subject, cut to their first STEM letters (`suppressed` and
    `suppression` meet)."""
    words = re.findall(r"[a-z][a-z0-9]{3,}", subject.lower().replace("_", " "))
    return {w[:STEM] for w in words if w not in _PLAIN and not _REMOVING.fullmatch(w)}


def _same_work(added: str, removed: str) -> bool:
    """Whether the subject that added the code and the one that removed it name the same
    thing ("added functions with local accessor" / "removed local accessor overload"): the
    history says in words that what was tried was taken out."""
    return bool(_words(added) & _words(removed))


def _own_code(path: str) -> bool:
    return paths.is_code(path) and not paths.is_test(path) and not paths.is_vendored(path)


def _norm(line: str) -> str:
    return " ".join(line.split())


def _removed_blocks(diff: str) -> list[tuple[str, set[str], list[str]]]:
    """(file, lines, names defined) for each run of removed lines of one hunk that holds a
    definition and at least MIN_BLOCK code lines, and that the same diff does not add back."""
    runs: list[tuple[str, list[str]]] = []
    added: dict[str, set[str]] = {}
    path = ""
    for raw in diff.splitlines():
        if raw.startswith("+++ "):
            path = raw[6:] if raw.startswith("+++ b/") else ""
            continue
        if raw.startswith(("--- ", "diff ", "index ")) or not path:
            continue
        if raw.startswith("@@"):
            runs.append((path, []))
        elif raw.startswith("-") and runs:
            runs[-1][1].append(raw[1:])
        elif raw.startswith("+"):
            added.setdefault(path, set()).add(_norm(raw[1:]))
    out = []
    for file, lines in runs:
        code = {_norm(x) for x in lines if len(_norm(x)) >= MIN_LINE_CHARS}
        names = [n for x in lines if _DEF.match(x.strip()) for n in _names(x.strip())]
        if len(code) < MIN_BLOCK or not names:
            continue
        if len(code & added.get(file, set())) >= KEPT_SHARE * len(code):
            continue  # written again in place: a rewrite of the same code
        out.append((file, code, names))
    return out


def _names(line: str) -> list[str]:
    m = _NAME.search(line)
    if m is None:
        return []
    name = next(g for g in m.groups() if g)
    return [name] if name not in ("if", "for", "while", "switch", "return") else []


def _added_lines(diff: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    path = ""
    for raw in diff.splitlines():
        if raw.startswith("+++ "):
            path = raw[6:] if raw.startswith("+++ b/") else ""
        elif raw.startswith("+") and path:
            out.setdefault(path, set()).add(_norm(raw[1:]))
    return out


def _finding(adder: Commit, remover: Commit, path: str, names: list[str]) -> Finding:
    return Finding(
        kind="dead_end",
        pattern="withdrawn",
        title="",
        commits=[adder.sha, remover.sha],
        files=[path],
        what=", ".join(dict.fromkeys(names)),
        why=f"added in {adder.short} ({adder.subject}), removed in {remover.short} "
        f"({remover.subject})",
        date=remover.date,
    )


def _merged(found: list[Finding]) -> list[Finding]:
    """One finding per piece of work: removals with the same message on the same day."""
    groups: dict[tuple[str, str], list[Finding]] = {}
    for f in found:
        subject = f.why.rsplit(" removed in ", 1)[-1].split(" ", 1)[-1]
        groups.setdefault((subject, f.date[:10]), []).append(f)
    out = []
    for group in groups.values():
        commits = list(dict.fromkeys(c for f in group for c in f.commits[:-1]))
        commits += list(dict.fromkeys(f.commits[-1] for f in group))
        files = list(dict.fromkeys(p for f in group for p in f.files))
        if len(files) < MIN_FILES:
            continue  # one helper taken out of one file: upkeep, not an approach
        names = list(dict.fromkeys(n for f in group for n in f.what.split(", ")))
        shown = ", ".join(PurePosixPath(p).name for p in files[:3])
        out.append(
            Finding(
                kind="dead_end",
                pattern="withdrawn",
                title=f"Code added and removed again in {shown}: {', '.join(names[:4])}"[:100],
                commits=commits[:20],
                files=files,
                what=f"{', '.join(names[:8])} in {', '.join(files[:6])}",
                why="; ".join(dict.fromkeys(f.why for f in group))[:600],
                lesson="",
                date=max(f.date for f in group),
            )
        )
    return out
