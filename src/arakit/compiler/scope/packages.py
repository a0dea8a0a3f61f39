"""Packages defined at the repository root, for scoping (folders.py, entrypoints.py).

- An R or Julia package (`DESCRIPTION` with `R/*.R`, `Project.toml` with `src/<name>.jl`):
  with no stated value and no name pointing elsewhere, its source folder is the code.
- A Python package the root's packaging builds and the paper presents as software
  (`FastVPINNs: an efficient ... library`): the package, not the examples beside it.
- A package's source folder chosen together with another top-level folder (its benchmark
  scripts, the drivers that import it): the root, read whole."""

from __future__ import annotations

import re
from collections.abc import Callable

# a package defined at the repository root, and the folder its code lives in
_ROOT_PACKAGES = {"DESCRIPTION": ("R",), "Project.toml": ("src",), "pyproject.toml": ("src",),
                  "setup.py": ("src",), "Cargo.toml": ("src",)}  # fmt: skip


# a package whose root file says where its code is: what the package's users run
_PACKAGE_CODE = {"DESCRIPTION": ("R", ".r"), "Project.toml": ("src", ".jl")}


def _built_package(
    code: list[str], files: list[str], read: Callable[[str], str | None] | None
) -> tuple[str, str] | None:
    """(source folder, marker) of an R or Julia package defined at the repository root
    (`DESCRIPTION` with `R/*.R`, `Project.toml` with `src/*.jl`), or None. With no stated
    value and no name pointing elsewhere, the package is the paper's code, not the largest
    folder of examples or scripts beside it."""
    have = set(files)
    for marker, (folder, suffix) in _PACKAGE_CODE.items():
        if marker not in have:
            continue
        sources = [f for f in code if f.startswith(folder + "/") and f.lower().endswith(suffix)]
        if suffix == ".jl":  # a Julia package has its module file `src/<name>.jl`; a
            # DrWatson project's Project.toml names no module (its src/ holds helpers)
            m = re.search(r'^\s*name\s*=\s*"([\w.-]+)"', (read(marker) if read else "") or "", re.M)
            sources = [f for f in sources if m and f == f"src/{m.group(1)}.jl"]
        if sources:
            return folder, marker
    return None


# packaging files at the root and how each names the distribution it builds
_PACKAGE_NAME = {
    "pyproject.toml": re.compile(r'^\s*name\s*=\s*["\']([\w.-]+)["\']', re.M),
    "setup.cfg": re.compile(r"^\s*name\s*=\s*([\w.-]+)\s*$", re.M),
    "setup.py": re.compile(r"\bname\s*=\s*[\"']([\w.-]+)[\"']"),
}


def _python_package(
    files: list[str], read: Callable[[str], str | None] | None, text: str
) -> tuple[str, str] | None:
    """(package folder, packaging file) for a Python package the repository's root
    packaging file builds (`name = "fastvpinns"`, with `fastvpinns/__init__.py` or
    `src/fastvpinns/__init__.py`) when the paper names the package (`FastVPINNs`, any
    case): a paper about a library describes the importable package, not the example
    scripts beside it. None otherwise."""
    if read is None:
        return None
    have = set(files)
    for marker, rx in _PACKAGE_NAME.items():
        if marker not in have:
            continue
        for m in rx.finditer(read(marker) or ""):
            name = m.group(1).replace("-", "_").replace(".", "_").lower()
            for folder in (name, f"src/{name}"):
                if f"{folder}/__init__.py" not in have:
                    continue
                said = re.escape(m.group(1)).replace(r"\-", "[-_ ]?").replace("_", "[-_ ]?")
                if _presents_software(rf"(?<![\w/.-]){said}(?![\w/-])", text):
                    return folder, f"{marker} (the package {m.group(1)}, which the paper presents)"
    return None


_SOFTWARE = r"(?:library|package|toolbox|toolkit|framework|software|module|suite)"


def _presents_software(name: str, text: str) -> bool:
    """True when the paper presents `name` (a regular expression) as software: `FastVPINNs:
    An efficient tensor-based Python library`, `the FastVPINNs framework`, `a package
    called X`, or a software paper's "Statement of need" beside the name. A paper that names
    its algorithm as its package is named (`we extend GentleBoost to the online setting`)
    does not: its experiment scripts are its code."""
    if not re.search(name, text, re.I):
        return False
    if re.search(r"^\s*(?:§[\d.]*\s*)?statement of need\b", text, re.I | re.M):
        return True
    near = rf"{name}[^.\n]{{0,60}}?\b{_SOFTWARE}\b|\b{_SOFTWARE}\s+(?:\w+\s+){{0,2}}{name}"
    return re.search(near, text, re.I) is not None


def _root_package(
    folders: list[str],
    files: list[str],
    own: set[str],
    read: Callable[[str], str | None] | None = None,
) -> str:
    """Why the root is the code when the chosen folders are the source folder of a package
    defined at the root (`R/` beside `DESCRIPTION`, or the Python package the root's
    setup.py builds) and another top-level folder (its benchmark scripts or drivers); ""
    otherwise. The paper's own folder does not count."""
    tops = {f.split("/")[0] for f in folders if f and f not in own and f.split("/")[0] not in own}
    if len(tops) < 2:
        return ""
    have = set(files)
    for marker, sources in _ROOT_PACKAGES.items():
        for src in sources:
            if marker in have and src in tops:
                return f"{src}/ is the package {marker} defines at the root, {', '.join(sorted(tops - {src}))} beside it"
    return _root_python_package(folders, files, own, read)


def _root_python_package(
    folders: list[str],
    files: list[str],
    own: set[str],
    read: Callable[[str], str | None] | None,
) -> str:
    """Why the root is the code when the chosen folders are a Python package the root's
    packaging file builds by name and another top-level folder, or a top-level folder
    whose programs import that package (`drivers/run_fit.py`: `from rudolf.fit import`);
    "" otherwise."""
    tops = {f.split("/")[0] for f in folders if f and f not in own and f.split("/")[0] not in own}
    for src, marker in _built_python_packages(set(files), read):
        others = sorted(tops - {src})
        if others and (src in tops or _imported(src, folders, files, read)):
            return (
                f"{src}/ is the package {marker} builds at the root, {', '.join(others)} beside it"
            )
    return ""


MAX_IMPORTERS = 200  # programs read for an import of the package


def _imported(
    package: str, folders: list[str], files: list[str], read: Callable[[str], str | None] | None
) -> bool:
    """True when a program of the chosen folders imports `package` by name."""
    if read is None:
        return False
    rx = re.compile(rf"(?:^|[\s\"])(?:from|import)\s+{re.escape(package)}\b", re.M)
    mine = [
        f
        for f in files
        if f.endswith((".py", ".ipynb")) and any(d and f.startswith(d + "/") for d in folders)
    ]
    return any(rx.search(read(f) or "") for f in mine[:MAX_IMPORTERS])


# `packages=['rudolf', 'rudolf.io']` (setup.py), `packages = ["rudolf"]` (pyproject.toml)
_PACKAGE_LIST = re.compile(r"\bpackages\s*=\s*\[([^\]]{0,2000})\]")


def _built_python_packages(
    have: set[str], read: Callable[[str], str | None] | None
) -> list[tuple[str, str]]:
    """(top-level package folder, packaging file) for the Python packages a packaging file
    at the root builds: a folder with `__init__.py` whose name the file gives as the
    distribution's name or in its package list (`packages=['rudolf']`)."""
    if read is None:
        return []
    out = []
    for marker in ("setup.py", "setup.cfg", "pyproject.toml"):
        text = (read(marker) or "") if marker in have else ""
        if not text:
            continue
        named = {m.group(1) for m in _PACKAGE_NAME[marker].finditer(text)}
        for listed in _PACKAGE_LIST.findall(text):  # (a package's first part: `rudolf.io`)
            named |= {q.split(".")[0] for q in re.findall(r"[\"']([\w.-]+)[\"']", listed)}
        names = {n.replace("-", "_").lower() for n in named}
        for d in sorted({f.split("/")[0] for f in have if f.count("/") == 1}):
            if f"{d}/__init__.py" in have and d.lower() in names:
                out.append((d, marker))
    return out


MIN_IMPORTERS = 2  # programs that import a folder by name before it counts as their package


def imported_package(
    importers: list[str], files: list[str], read: Callable[[str], str | None] | None
) -> tuple[str, int] | None:
    """(folder, how many of `importers` import it) for the top-level Python package of the
    repository that most of the given programs import by name (`import glets.gbd as gf`,
    `from kepler_kinematics import velocities`): a folder of two or more Python files
    outside the importers' own folders. None when no folder is imported by two programs.
    Notebooks and scripts that import the repository's own package are its users
    (figures, demonstrations); the package is the method they build on."""
    if read is None:
        return None
    by_folder: dict[str, int] = {}
    for f in files:
        if "/" in f and f.endswith(".py"):
            top = f.split("/")[0]
            by_folder[top] = by_folder.get(top, 0) + 1
    tops = {d for d, n in by_folder.items() if n >= 2 and re.fullmatch(r"[A-Za-z_]\w*", d)}
    outside = [f for f in importers if f.endswith((".py", ".ipynb"))][:MAX_IMPORTERS]
    counts: dict[str, int] = {}
    for d in sorted(tops):
        rx = re.compile(rf"(?:^|[\s\"'])(?:from|import)\s+{re.escape(d)}(?:\.\w+)*\s", re.M)
        n = sum(1 for f in outside if not f.startswith(d + "/") and rx.search(read(f) or ""))
        if n >= MIN_IMPORTERS:
            counts[d] = n
    if not counts:
        return None
    best = max(sorted(counts), key=lambda d: counts[d])
    return best, counts[best]
