"""Which programs of a repository its launch files run: a shell or job script's
`python src/train.py ...`, a Snakemake rule's `script:`, a ROS launch file's
`<node pkg="P" .../>` (the package whose package.xml names P, or the folder named P).

Scoping uses it to count a launch file as an entry point: a script run by a launcher at
the repository root is the root's experiment, with the launcher's values."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo.params.model import CodeParam

_PKG_NAME = re.compile(r"<name>\s*([\w\-]+)\s*</name>")


def resolve(script: str, launcher: str, files: set[str]) -> str:
    """The repository file `script` names, as run from `launcher` (its folder, the root,
    or a unique file of that name); "" when none."""
    name = script.strip("'\"").removeprefix("./")
    if not name or "$" in name:
        return ""
    base = PurePosixPath(launcher).parent
    for cand in (base / name, PurePosixPath(name), base.parent / name):
        c = str(cand).removeprefix("./")
        if c in files:
            return c
    tail = PurePosixPath(name).name
    hits = [f for f in files if PurePosixPath(f).name == tail]
    return hits[0] if len(hits) == 1 else ""


def package_folders(
    files: list[str], read: Callable[[str], str | None] | None = None
) -> dict[str, str]:
    """ROS package name -> its folder ("" for the root), from each package.xml (its
    <name>, read when `read` is given, else the folder's name)."""
    out: dict[str, str] = {}
    for f in files:
        if PurePosixPath(f).name != "package.xml":
            continue
        folder = str(PurePosixPath(f).parent)
        folder = "" if folder == "." else folder
        text = read(f) if read is not None else None
        m = _PKG_NAME.search(text or "")
        out[m.group(1) if m else PurePosixPath(folder).name] = folder
    return out


def launched(
    params: list[CodeParam], files: list[str], read: Callable[[str], str | None] | None = None
) -> list[tuple[str, str]]:
    """(launch file, what it runs: a file, or a package's folder) for every launch line."""
    have = set(files)
    packages: dict[str, str] | None = None
    out: list[tuple[str, str]] = []
    for p in params:
        if p.kind != "launch":
            continue
        if p.context.startswith("pkg:"):
            if packages is None:
                packages = package_folders(files, read)
            folder = packages.get(p.context[4:])
            if folder is not None:
                out.append((p.file, folder))
            continue
        target = resolve(p.context, p.file, have)
        if target:
            out.append((p.file, target))
    return out
