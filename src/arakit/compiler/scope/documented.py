"""The programs a repository's README tells its readers to run.

A README's "How to reproduce" names commands: `bash scripts/reproduce_paper.sh`,
`python -m src.run_v2 --all`, `Rscript analysis/fit.R`. The programs those commands run
are the experiment's entry points, better evidence of what runs the paper than any
program that happens to import the code (an environment checker at the root that imports
`src.data` to see that the imports work). Scoping uses them to keep the chosen folders
when every documented program lies inside them (entrypoints.py)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo.launched import _module_path

# the README files read, at the repository root
_READMES = ("README.md", "README.rst", "README.txt", "README", "readme.md", "Readme.md")
MAX_README = 256 * 1024
# `python scripts/x.py`, `python3 -m src.run_v2`, `bash run.sh`, `Rscript a.R`,
# `julia --project b.jl`, `./run.sh`
_COMMAND = re.compile(
    r"(?:^|[\s`$>(|&;])(?:(?:python[\d.]*|py|bash|sh|zsh|source|Rscript|julia|matlab\s+-batch)"
    r"(?:\s+-{1,2}[\w=-]+)*\s+(?:(-m)\s+([A-Za-z_][\w.]*)|([\w./-]+\.(?:py|sh|R|r|jl|m|ipynb)))"
    r"|\./([\w./-]+\.(?:sh|py)))(?![\w/.-])",
    re.M,
)


def documented_runs(files: list[str], read: Callable[[str], str | None] | None) -> list[str]:
    """The repository files the root README's commands run (in the order written, each
    once): scripts by path, `-m` modules by their file (`src/run_v2.py`). Test runners
    (`python -m pytest`) and programs the repository does not hold are left out."""
    if read is None:
        return []
    have = set(files)
    out: list[str] = []
    for name in _READMES:
        if name not in have:
            continue
        text = (read(name) or "")[:MAX_README]
        for m in _COMMAND.finditer(text):
            module, path = m.group(2), m.group(3) or m.group(4)
            target = _module_path(module, have) if module else _path(path or "", have)
            if target and target not in out:
                out.append(target)
        break
    return out


def _path(path: str, have: set[str]) -> str:
    rel = str(PurePosixPath(path.removeprefix("./")))
    return rel if rel in have else ""
