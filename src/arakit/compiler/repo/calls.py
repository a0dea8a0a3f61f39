"""An approach switched for another at the place it was used: the project's own function
whose last call was replaced by a call of another of its functions.

`propensity = mlp_propensity_estimation(ratings)` becomes `propensity =
masked_nb_propensity_estimation(truth, ratings, shape)` in a commit titled "Fix bug", and
nothing calls the first estimator again: it stays defined, imported by a notebook, never
run. The history shows it only in those two lines. Read from the head backwards: Python
functions defined at `head` and called nowhere; one `git log -G` over their names finds the
commit that swapped their last call for a call of another project function on the same
left-hand side. Each is a dead end citing that commit, the function given up and the one
that took its place.
"""

from __future__ import annotations

import re
from pathlib import Path

from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit, patches
from arakit.compiler.repo.source import git

MAX_UNCALLED = 25  # uncalled functions followed back through history
MAX_COMMITS = 400  # commits read that touch their names
MAX_DEFS = 3000  # functions defined at the head that are looked at
MAX_SOURCE_CHARS = 20_000_000  # source lines with a call read at the head
_WORD = re.compile(r"[A-Za-z_]\w*")
_DEF = re.compile(r"^\s*def ([A-Za-z]\w{3,})\s*\(")
_SPECIAL = re.compile(r"^(?:test|main$|setup$|forward$|run$|on_|training_|validation_|predict)")
_SOURCES = ("*.py", "*.ipynb")


def replaced_calls(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    """Dead ends for project functions whose last call a commit swapped for another's."""
    defs = _definitions(repo, head)
    if not defs:
        return []
    used = _used(repo, head, list(defs))
    uncalled = sorted(n for n in defs if n not in used)[:MAX_UNCALLED]
    if not uncalled:
        return []
    pattern = r"\b(" + "|".join(uncalled) + r")\s*\("
    # notebooks' diffs are JSON, slow to search and their outputs noise: Python files only
    records = patches(repo, head, ["*.py"], MAX_COMMITS, "-G", pattern)
    found: list[Finding] = []
    done: set[str] = set()
    for sha, diff in records:  # newest first: the last call swapped
        c = commits.get(sha)
        if c is None:
            continue
        for gone, came, path, line in _swaps(diff, set(uncalled), defs):
            if gone in done:
                continue
            done.add(gone)
            found.append(
                Finding(
                    kind="dead_end",
                    pattern="call-replaced",
                    title=f"{gone} replaced by {came} in {path.rsplit('/', 1)[-1]}",
                    commits=[c.sha],
                    files=sorted({path, defs[gone], defs[came]}),
                    what=f"{gone}() ({defs[gone]}), called in {path} until {c.short}; "
                    "still defined, never called since",
                    why=f"{c.short} ({c.subject}) calls {came}() in its place: {line}",
                    to=f"{came}() ({defs[came]})",
                    date=c.date,
                )
            )
    return found


def _definitions(repo: Path, head: str) -> dict[str, str]:
    """Top-level and method names defined in Python files at `head`, with their file."""
    out = git(repo, "grep", "-n", "-E", r"^\s*def [A-Za-z]", head, "--", "*.py", check=False)
    defs: dict[str, str] = {}
    for line in out.splitlines():
        parts = line.split(":", 3)
        if len(parts) < 4:
            continue
        m = _DEF.match(parts[3])
        if m and not _SPECIAL.match(m.group(1)) and not m.group(1).startswith("__"):
            defs.setdefault(m.group(1), parts[1])
        if len(defs) >= MAX_DEFS:
            break
    return defs


def _used(repo: Path, head: str, names: list[str]) -> set[str]:
    """The names some line at `head` calls or passes (not their definitions or imports):
    every source line read once, its words matched against `names`."""
    wanted = set(names)
    used: set[str] = set()
    out = git(repo, "grep", "-h", "-I", "-e", "(", head, "--", *_SOURCES, check=False)
    for line in out[:MAX_SOURCE_CHARS].splitlines():
        text = line.strip().strip('"').strip()
        if text.startswith(("from ", "import ")):
            continue
        if text.startswith("def "):
            text = text[4:].split("(", 1)[-1]  # a definition names itself, uses nothing
        used |= wanted.intersection(_WORD.findall(text))
    return used


_CALL = re.compile(r"^(?P<lhs>[^=()#]*?=)\s*(?P<name>[A-Za-z_]\w*)\s*\(")


def _swaps(diff: str, uncalled: set[str], defs: dict[str, str]) -> list[tuple[str, str, str, str]]:
    """(function gone, function come, file, new line) for each removed `x = gone(...)` whose
    place an added `x = other(...)` of the same file takes, `other` a project function."""
    out: list[tuple[str, str, str, str]] = []
    path = ""
    removed: dict[str, str] = {}  # lhs -> function, within the current file
    for raw in diff.splitlines():
        if raw.startswith("+++ "):
            path, removed = raw[6:] if raw.startswith("+++ b/") else "", {}
            continue
        if raw.startswith(("---", "@@", "diff ")) or not path:
            continue
        m = _CALL.match(raw[1:].strip().strip('"').strip())
        if m is None:
            continue
        lhs, name = " ".join(m.group("lhs").split()), m.group("name")
        if raw.startswith("-") and name in uncalled:
            removed[lhs] = name
        elif raw.startswith("+") and lhs in removed and name in defs and name != removed[lhs]:
            out.append((removed.pop(lhs), name, path, raw[1:].strip()[:160]))
    return out
