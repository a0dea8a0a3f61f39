"""Experiment grids a launch script redefined over time.

A shell script that launches the runs holds the experiment's design: `N_SERVER=16` and
`for LOSS in 0% 10% 25%; do ... done` around the call of the training script. When a later
version sets several of those values differently (4 servers, losses 0% 10% 20%), the design
changed: the earlier grid is an alternative the work moved away from. Each launch script
whose first and final versions differ in at least MIN_CHANGED values gives one pivot that
names every changed value (earlier → final) and cites the commits that changed them.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from arakit.compiler.repo import messages as msg
from arakit.compiler.repo import paths
from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import BlobReader, Commit

MIN_CHANGED = 2  # values changed together: a redesign, not one setting tuned (a decision)
MAX_SCRIPTS = 20  # launch scripts followed
MAX_VERSIONS = 60  # versions of one script read
MAX_CHARS = 100_000  # characters of a script read
_SHELL = (".sh", ".bash", ".slurm", ".pbs", ".sbatch")
_ASSIGN = re.compile(
    r"^\s*(?:export\s+)?(?P<name>[A-Za-z_]\w*)=(?P<value>[^\s;#`$()]+)\s*(?:#.*)?$"
)
_LOOP = re.compile(
    r"^\s*for\s+(?P<name>[A-Za-z_]\w*)\s+in\s+(?P<value>[^;#\n]+?)\s*;?\s*(?:do\b|$)"
)


def grid_values(text: str) -> dict[str, str]:
    """The literal values a launch script sets (`NAME=value`) and sweeps (`for NAME in a b
    c`), by name; a name set twice keeps its first value (the default the rest overrides)."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = _ASSIGN.match(line) or _LOOP.match(line)
        if m and m.group("name") not in out:
            out[m.group("name")] = " ".join(m.group("value").split())
    return out


def _launches(text: str) -> bool:
    """True for a script that runs other scripts or programs over a sweep or settings."""
    return bool(
        re.search(
            r"^\s*(?:\./|python\d?\s|bash\s|sh\s|srun\s|mpirun\s|Rscript\s|julia\s)", text, re.M
        )
    )


def grid_changes(
    repo: Path, head: str, commits: dict[str, Commit], prefix: str = ""
) -> list[Finding]:
    """One pivot per launch script (under `prefix`) whose grid changed in at least
    MIN_CHANGED values, read along the first-parent line of `head`."""
    line: list[Commit] = []
    sha: str | None = head
    while sha in commits and len(line) < len(commits):
        c = commits[sha]
        line.append(c)
        sha = c.parents[0] if c.parents else None
    versions: dict[str, list[tuple[str, str]]] = {}  # path -> (commit, blob), oldest first
    for c in reversed(line):
        for ch in c.changes:
            if ch.status == "D":
                versions.pop(ch.path, None)
            elif ch.path.lower().endswith(_SHELL) and ch.path.startswith(prefix):
                versions.setdefault(ch.path, []).append((c.sha, ch.new_blob))
    scripts = [
        p
        for p, v in versions.items()
        if len(v) > 1 and not paths.is_ci(p) and not paths.is_vendored(p) and not paths.is_test(p)
    ]
    read = BlobReader(repo, MAX_SCRIPTS * MAX_VERSIONS, MAX_CHARS)
    try:
        found = [
            _script(path, versions[path][-MAX_VERSIONS:], commits, read)
            for path in scripts[:MAX_SCRIPTS]
        ]
    finally:
        read.close()
    return [f for f in found if f is not None]


def _script(
    path: str, log: list[tuple[str, str]], commits: dict[str, Commit], read: BlobReader
) -> Finding | None:
    grids: list[tuple[str, dict[str, str]]] = []
    for sha, blob in log:
        text = read(blob, path)
        if text and _launches(text):
            grids.append((sha, grid_values(text)))
    if len(grids) < 2:
        return None
    first, final = grids[0][1], grids[-1][1]
    changed = [n for n in final if n in first and first[n] != final[n]]
    if len(changed) < MIN_CHANGED:
        return None
    shown = [grids[0][0]] + [
        sha
        for (sha, vals), (_, before) in zip(grids[1:], grids[:-1], strict=True)
        if any(vals.get(n) != before.get(n) for n in changed)
    ]
    last = commits[shown[-1]]
    moves = "; ".join(f"{n} {first[n]} → {final[n]}" for n in changed)
    name = PurePosixPath(path).name
    return Finding(
        kind="pivot",
        pattern="grid",
        title=f"Experiment grid in {name} changed: {moves}"[:100],
        commits=shown[:6],
        files=[path],
        what=f"the grid of {path} as first committed: "
        + ", ".join(f"{n} = {first[n]}" for n in changed),
        why=f"{len(shown) - 1} later commits set {', '.join(changed)} anew ({moves})",
        to=f"the grid of {path} since {last.short}: "
        + ", ".join(f"{n} = {final[n]}" for n in changed),
        lesson=msg.lesson(last.message),
        date=last.date,
    )
