"""An approach switched off by commenting it out: a block of code a commit turned into
comments, line for line, and that is still commented out at the head.

Retraining a classifier on seven classes after three, a second training stage, an ensemble
member: when the authors stop using it they often keep the code as comments rather than
delete it. The commit shows it as the same lines removed and added back behind `#`. A
block of at least MIN_BLOCK lines counts (a print, a callback or a few settings commented
out are switched off for a run, not an approach given up), when most of it is still there,
still commented out, at the head (a block commented for a while and switched back on was
not given up).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from arakit.compiler.repo import paths
from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit, patches
from arakit.compiler.repo.moved import serves_the_project
from arakit.compiler.repo.source import git

MIN_BLOCK = 10  # code lines commented out together
STILL_THERE = 0.7  # share of the block still commented out at the head
MAX_COMMITS = 3000  # commits read, newest first
_SOURCES = ("*.py", "*.R", "*.r", "*.jl", "*.sh")  # languages commented with `#`
_MARK = re.compile(r"^\s*#+\s?")
_BREAK = "\0"
_PROSE = re.compile(r"^[A-Za-z][A-Za-z ,.'-]{6,}$")  # a remark in words, not code


def _norm(line: str) -> str:
    return " ".join(line.split())


def commented_out(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    """Dead ends for blocks of code commented out on the line of `head` and left so."""
    records = patches(repo, head, _SOURCES, MAX_COMMITS, "--no-merges")
    found: list[Finding] = switched_off(repo, head, commits, records)
    for sha, diff in reversed(records):  # oldest first
        c = commits.get(sha)
        if c is None:
            continue
        for path, block, note in _blocks(diff):
            if paths.is_test(path) or paths.is_vendored(path):
                continue
            if not _still_commented(repo, head, path, block):
                continue
            if _driver(block, git(repo, "show", f"{sha}^:{path}", check=False)):
                continue  # the loop that ran the file's own experiment: runs switched off
            first = next((b for b in block if b.startswith("#")), "")
            what = _MARK.sub("", first) if first else block[0]
            found.append(
                Finding(
                    kind="dead_end",
                    pattern="commented-out",
                    title=f"Code switched off in {PurePosixPath(path).name}: {what}"[:100],
                    commits=[c.sha],
                    files=[path],
                    what=f"{len(block)} lines of {path} commented out, from: "
                    + " / ".join(block[:4])[:300],
                    why=f"{c.short} ({c.subject}) comments them out; still commented out at "
                    "the head" + (f"; the commit notes: {note}" if note else ""),
                    lesson=note,
                    date=c.date,
                )
            )
    return found


# a subject that says the work switched ("switched to DinoV2 with registers", "use X
# instead of Y", "replaced X") or that a problem went away with the change
_SWITCH = re.compile(
    r"\b(?:switch(?:ed|es|ing)?|chang(?:ed|ing)|mov(?:ed|ing)|go(?:ne|ing)?) (?:back |over )?to\b|"
    r"\binstead\b|\breplac(?:e|ed|es|ing)\b",
    re.I,
)
_PROBLEM = re.compile(
    r"\b(?:problems?|issues?|bugs?|artifacts?|artefacts?)\b[^.]{0,30}\b(?:solved|fixed|gone|"
    r"resolved|disappear\w*)\b|\b(?:solv|fix|resolv)(?:es|ed|ing)?\b[^.]{0,30}\b(?:problems?|"
    r"issues?|artifacts?|artefacts?)\b|\b(?:works?|performs?) better\b|\bmore stable\b",
    re.I,
)
_KEY = re.compile(r"^\s*([A-Za-z_][\w.\[\]\"']*)\s*(?:=|<-|\()")
MAX_SWAPS = 8  # switched-off lines reported per repository


def switched_off(
    repo: Path, head: str, commits: dict[str, Commit], records: list[tuple[str, str]]
) -> list[Finding]:
    """Pivots for a line commented out with its replacement written beside it
    (`#model = load("vitb14")` above `model = load("vitb14_reg")`), by a commit whose
    subject says the work switched or that a problem went away, and still so at the head.
    A line commented out with nothing in its place, or with a subject that states no
    switch, is switched off for a run, not given up (`records`: the patches read)."""
    found: list[Finding] = []
    for sha, diff in reversed(records):  # oldest first
        c = commits.get(sha)
        if c is None or not (_SWITCH.search(c.subject) or _PROBLEM.search(c.subject)):
            continue
        for path, old, new in _swaps(diff):
            if paths.is_test(path) or paths.is_vendored(path) or serves_the_project(path):
                continue
            now = git(repo, "show", f"{head}:{path}", check=False)
            lines = {_norm(ln) for ln in now.splitlines()}
            if _norm(new) not in lines or not any(
                _MARK.match(ln) and _norm(_MARK.sub("", ln)) == _norm(old)
                for ln in now.splitlines()
            ):
                continue  # switched back, or the file moved on
            gone, came = _differing(old, new)
            name = PurePosixPath(path).name
            found.append(
                Finding(
                    kind="pivot",
                    pattern="switched-off",
                    title=f"{gone} replaced by {came} in {name}; the old line kept commented out"[
                        :100
                    ],
                    commits=[c.sha],
                    files=[path],
                    what=f"{old.strip()} (in {path}, commented out by {c.short})",
                    why=f"{c.short} ({c.subject}) comments the line out and writes its "
                    f"replacement beside it: {new.strip()}",
                    to=new.strip(),
                    lesson=msg_lesson(c.subject),
                    date=c.date,
                )
            )
            break  # one per commit
        if len(found) >= MAX_SWAPS:
            break
    return found


def msg_lesson(subject: str) -> str:
    """The part of the subject that says why: the sentence naming a problem or what works
    better, else the whole subject."""
    parts = [p.strip() for p in re.split(r"(?<=[.!;])\s+", subject) if p.strip()]
    return next((p for p in parts if _PROBLEM.search(p)), subject)


def _differing(old: str, new: str) -> tuple[str, str]:
    """What the old line held that the new one does not, and the reverse (tokens)."""
    tok = re.compile(r"[A-Za-z_][\w.]*|\d+(?:\.\d+)?")
    a, b = tok.findall(old), tok.findall(new)
    gone = [t for t in a if t not in b] or [old.strip()[:40]]
    came = [t for t in b if t not in a] or [new.strip()[:40]]
    return ", ".join(gone[:3]), ", ".join(came[:3])


def _swaps(diff: str) -> list[tuple[str, str, str]]:
    """(file, old line, new line) for each code line a hunk removes and adds back behind
    a comment mark, with a new line of the same name (`model = ...`) added in the same run
    of changes."""
    out: list[tuple[str, str, str]] = []
    path = ""
    removed: list[str] = []
    added: list[str] = []

    def flush() -> None:
        commented = {_norm(_MARK.sub("", a)) for a in added if _MARK.match(a)}
        live = [a for a in added if not _MARK.match(a)]
        for r in removed:
            key = _KEY.match(r)
            if _MARK.match(r) or key is None or _norm(r) not in commented:
                continue
            new = next(
                (a for a in live if (k := _KEY.match(a)) and k.group(1) == key.group(1)
                 and _norm(a) != _norm(r)),
                None,
            )  # fmt: skip
            if new is not None:
                out.append((path, r, new))
        removed.clear()
        added.clear()

    for raw in diff.splitlines():
        if raw.startswith("+++ "):
            flush()
            path = raw[6:] if raw.startswith("+++ b/") else ""
        elif raw.startswith(("---", "diff ")) or not path:
            continue
        elif raw.startswith("@@"):
            flush()
        elif raw.startswith("-"):
            if added:  # a new run of changes
                flush()
            if raw[1:].strip():
                removed.append(raw[1:])
        elif raw.startswith("+") and raw[1:].strip():
            added.append(raw[1:])
    flush()
    return out


def _blocks(diff: str) -> list[tuple[str, list[str], str]]:
    """(file, lines, note) for each run of at least MIN_BLOCK removed lines that the same
    commit adds back behind a comment mark; the note is a new comment the commit wrote in
    that file ("# not working at the moment"), or ""."""
    files: dict[str, tuple[list[str], set[str]]] = {}
    added_notes: dict[str, list[str]] = {}
    path = ""
    for raw in diff.splitlines():
        if raw.startswith("+++ "):
            path = raw[6:] if raw.startswith("+++ b/") else ""
            continue
        if raw.startswith(("---", "diff ")) or not path:
            continue
        removed, commented = files.setdefault(path, ([], set()))
        if raw.startswith("@@"):
            removed.append(_BREAK)  # a block is one stretch of the file
            continue
        line = raw[1:]
        if raw.startswith("-"):
            if line.strip():
                removed.append(_norm(line))
        elif raw.startswith("+") and _MARK.match(line):
            commented.add(_norm(_MARK.sub("", line)))
            added_notes.setdefault(path, []).append(_norm(_MARK.sub("", line)))
    out: list[tuple[str, list[str], str]] = []
    for path, (removed, commented) in files.items():
        run: list[str] = []
        for line in [*removed, _BREAK]:
            code = not line.startswith("#")
            if line != _BREAK and (line in commented or not code):
                run.append(line)
                continue
            if sum(1 for r in run if not r.startswith("#")) >= MIN_BLOCK:
                was = set(removed)
                notes = [n for n in added_notes.get(path, []) if n not in was and _PROSE.match(n)]
                out.append((path, run, notes[0][:160] if notes else ""))
                break  # one block per file and commit
            run = []
    return out


# a loop header, also behind a progress macro (`@progress for nr in 1:10`)
_LOOP = re.compile(r"^(?:@\w+\s+(?:name\s*=\s*\S+\s+)?)?(?:for|while)\b")
# a definition: Python/Julia `def f(` / `function f(`, R `f <- function(`
_DEFINES = re.compile(
    r"^\s*(?:def|function)\s+([A-Za-z_][\w!.]*)|^\s*([A-Za-z_][\w.]*)\s*<-\s*function\b", re.M
)


def _driver(block: list[str], before: str) -> bool:
    """True when the block is a loop that runs a function the file itself defines (`for nr
    in 1:10 ... produce_or_load(..., run, ...)`): the file's runs were switched off, often as
    it became a module other scripts call, while the experiment it defines stays."""
    code = [b for b in block if not b.startswith("#")]
    if not code or not (any(_LOOP.match(b) for b in code) or _in_loop(code[0], before)):
        return False
    own = {m.group(1) or m.group(2) for m in _DEFINES.finditer(before)}
    words = set(re.findall(r"[A-Za-z_][\w!.]*", " ".join(code)))
    return bool(own & words)


def _in_loop(first: str, before: str) -> bool:
    """Whether the line `first` sits inside a top-level loop of the file `before`."""
    lines = before.splitlines()
    at = next((i for i, ln in enumerate(lines) if _norm(ln) == first), None)
    if at is None:
        return False
    for ln in reversed(lines[: at + 1]):
        if ln.strip() and not ln[:1].isspace() and not ln.lstrip().startswith("#"):
            return bool(_LOOP.match(ln))  # the top-level statement holding it
    return False


def _still_commented(repo: Path, head: str, path: str, block: list[str]) -> bool:
    text = git(repo, "show", f"{head}:{path}", check=False)
    if not text:
        return False  # the file went later: its deletion is read elsewhere
    now = {_norm(_MARK.sub("", ln)) for ln in text.splitlines() if _MARK.match(ln)}
    code = [b for b in block if not b.startswith("#")]
    return sum(1 for b in code if b in now) >= STILL_THERE * len(code)
