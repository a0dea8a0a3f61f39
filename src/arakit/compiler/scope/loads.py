"""Code outside the chosen folders that is one unit with them.

- Code the chosen folders load: a Julia script's `include(srcdir("schedules.jl"))` or
  `include("../src/x.jl")`, an R script's `source("../R/fit.R")`, a C or C++ header's
  `#include <votess.ipp>` (the implementation of a header-style library in `src/`). The
  folder of the loaded file is the paper's code too: what runs is the script and what it
  loads. (Python imports are followed by repo/reach.py, which reads imported definitions
  without widening the scope.)
- The package defined at the root that a chosen folder's scripts load by its name: R's
  `library(SpatialGEV)` (DESCRIPTION's `Package:`, code in `R/`), Julia's `using NPU`
  (Project.toml's `name`, module `src/NPU.jl`): the examples run the package's code.
- A C or C++ header's implementation: `include/knn.hpp` and `src/knn.cpp` (or `.ipp`, `.cc`)
  are one unit even when the source includes the header rather than the other way round.
- A notebook or program at the repository root that runs a chosen folder's code: it
  imports one of its modules (`from models import ASRModel` for `model/models.py`, the
  folder on the path as Colab notebooks put it) or defines the same classes (the training
  notebook holding its own copy of `ASRModel` and `ResBlock`). A notebook is run code: the
  root is then the paper's code, the folder one part of it."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo.moved import runs_as_program
from arakit.compiler.repo.params.notebook import notebook_source
from arakit.compiler.repo.syntax import parse_tolerant
from arakit.compiler.texsources import normal_path
from arakit.compiler.repo.syntax import nodes

MAX_READ = 300  # files read for what they load
MAX_BYTES = 512 * 1024

_HEADERS = (".h", ".hh", ".hpp", ".hxx", ".cuh")
_IMPLEMENTATIONS = (".c", ".cc", ".cpp", ".cxx", ".ipp", ".tpp", ".inl", ".cu")
_LOADERS = (".jl", ".r", *_HEADERS, *_IMPLEMENTATIONS)
# the call that loads a file and the quoted name in it
_JULIA = re.compile(r"\binclude\(\s*(?:(srcdir|scriptsdir|projectdir)\()?([^)\n]{1,300})\)")
_R = re.compile(r"\b(?:source|sys\.source)\(\s*['\"]([^'\"\n]{1,300})['\"]")
_C = re.compile(r"^\s*#\s*include\s*[<\"]([^>\"\n]{1,300})[>\"]", re.M)
_QUOTED = re.compile(r"['\"]([^'\"\n]{1,200})['\"]")
_DRWATSON = {"srcdir": "src", "scriptsdir": "scripts", "projectdir": ""}


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


def _normal(path: str) -> str:
    """`scripts/x/../../src/a.jl` as `src/a.jl` ("" for the root)."""
    out = str(normal_path(PurePosixPath(path)))
    return "" if out == "." else out


def _named(text: str, rel: str) -> list[tuple[str, str]]:
    """(how it is named: "path" or "name", the name) of every file `rel`'s text loads."""
    low = rel.lower()
    out: list[tuple[str, str]] = []
    if low.endswith(".jl"):
        for m in _JULIA.finditer(text):
            quoted = _QUOTED.findall(m.group(2))
            if not quoted:
                continue
            base = _DRWATSON.get(m.group(1) or "")
            joined = "/".join(quoted)
            if base is not None:
                out.append(("path", f"{base}/{joined}" if base else joined))
            else:
                out.append(("here", joined))
    elif low.endswith(".r"):
        out += [("here", m) for m in _R.findall(text)]
    else:
        out += [("here", m) for m in _C.findall(text)]
    return out


def _resolve(how: str, name: str, here: str, have: set[str], by_name: dict[str, list[str]]) -> str:
    """The repository file a loaded name denotes: relative to the loading file, to the
    root, or (a C include path, `<votess.ipp>`) the one file of the repository with that
    name and path tail; "" when none or several."""
    if how == "path":
        return _normal(name) if _normal(name) in have else ""
    for cand in (_normal(f"{_folder(here)}/{name}"), _normal(name)):
        if cand in have:
            return cand
    tail = _normal(name)
    hits = [
        f for f in by_name.get(PurePosixPath(tail).name, []) if f.endswith("/" + tail) or f == tail
    ]
    return hits[0] if len(hits) == 1 else ""


def loaded_folders(
    folders: list[str],
    code: list[str],
    read: Callable[[str], str | None] | None,
    own: set[str],
) -> list[tuple[str, str]]:
    """(folder, why) for the folders holding code the chosen folders load or implement
    (see the module doc); `code` are the code files left after what was set aside."""
    if read is None or folders == [""]:
        return []

    def inside(rel: str) -> bool:
        return any(f == "" or rel.startswith(f + "/") for f in folders)

    have = set(code)
    by_name: dict[str, list[str]] = {}
    for f in code:
        by_name.setdefault(PurePosixPath(f).name, []).append(f)
    out: dict[str, str] = {}

    def add(target: str, why: str) -> None:
        d = _folder(target)
        if target and not inside(target) and d and d not in own and d not in out:
            out[d] = why

    package = _root_package(code, read)
    loaders = [f for f in code if inside(f) and f.lower().endswith(_LOADERS)][:MAX_READ]
    for rel in loaders:
        text = (read(rel) or "")[:MAX_BYTES]
        if package and package[2].search(text):  # `library(SpatialGEV)`, `using NPU`
            add(package[1], f"{rel} loads the package {package[0]} defined at the root")
        for how, name in _named(text, rel):
            target = _resolve(how, name, rel, have, by_name)
            add(target, f"{rel} loads {target}")
        if rel.lower().endswith(_HEADERS):  # its implementation, however the two are joined
            stem = PurePosixPath(rel).stem
            for f in code:
                if PurePosixPath(f).stem == stem and f.lower().endswith(_IMPLEMENTATIONS):
                    add(f, f"{f} implements {rel}")
    return sorted(out.items())


def _root_package(
    code: list[str], read: Callable[[str], str | None]
) -> tuple[str, str, re.Pattern[str]] | None:
    """(name, a file of its code, how a script loads it) for an R or Julia package defined
    at the repository root: `DESCRIPTION` naming `Package: X` with code in `R/`, or
    `Project.toml` naming `X` with its module `src/X.jl`; None otherwise."""
    have = set(code)
    m = re.search(r"^Package:\s*([\w.]+)", read("DESCRIPTION") or "", re.M)
    r_code = sorted(f for f in code if f.startswith("R/") and f.lower().endswith(".r"))
    if m and r_code:
        name = re.escape(m.group(1))
        return (
            m.group(1),
            r_code[0],
            re.compile(rf"\b(?:library|require)\(\s*['\"]?{name}\b|\b{name}::"),
        )
    m = re.search(r'^\s*name\s*=\s*"([\w.-]+)"', read("Project.toml") or "", re.M)
    if m and f"src/{m.group(1)}.jl" in have:
        name = re.escape(m.group(1))
        return (
            m.group(1),
            f"src/{m.group(1)}.jl",
            re.compile(rf"^\s*(?:using|import)\s+{name}\b", re.M),
        )
    return None


def _python(text: str, rel: str) -> ast.Module | None:
    if rel.endswith(".ipynb"):
        source = notebook_source(text) if len(text) <= 8 * MAX_BYTES else None
        return parse_tolerant(source) if source else None
    return parse_tolerant(text[:MAX_BYTES])


def _defined(tree: ast.Module) -> set[str]:
    return {s.name for s in tree.body if isinstance(s, ast.ClassDef | ast.FunctionDef)}


def root_runners(
    folders: list[str], code: list[str], read: Callable[[str], str | None] | None
) -> list[tuple[str, str]]:
    """(root notebook or program, why) for root files that run a chosen folder's Python
    code: they import one of its modules by its name, or define two or more of the same
    classes (a copy kept in the notebook that trains)."""
    if read is None or folders == [""]:
        return []
    modules: dict[str, tuple[str, set[str]]] = {}  # module name -> (file, classes it defines)
    for f in code:
        if f.endswith(".py") and any(f.startswith(d + "/") for d in folders if d):
            tree = _python(read(f) or "", f)
            classes = {s.name for s in tree.body if isinstance(s, ast.ClassDef)} if tree else set()
            modules.setdefault(PurePosixPath(f).stem, (f, classes))
    if not modules:
        return []
    out = []
    for f in code:
        if "/" in f or not f.endswith((".ipynb", ".py")) or f == "setup.py":
            continue
        text = read(f) or ""
        tree = _python(text, f)
        if tree is None or (f.endswith(".py") and not runs_as_program(text, f)):
            continue  # a notebook is run code; a root module of definitions runs nothing
        why = ""
        for node in nodes(tree):
            if isinstance(node, ast.ImportFrom) and node.module and not node.level:
                name = node.module.split(".")[-1]
                if name in modules and modules[name][0] != f and f"{name}.py" not in code:
                    why = f"{f} imports {modules[name][0]}"
                    break
        if not why:
            mine = _defined(tree)
            for mod, classes in modules.values():
                same = sorted(mine & classes)
                if len(same) >= 2:
                    why = f"{f} defines {', '.join(same[:3])} as {mod} does"
                    break
        if why:
            out.append((f, why))
    return out
