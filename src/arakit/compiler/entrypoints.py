"""What joins the paper's code folders after they are chosen (scope.py): the launch files
that run them and the scripts kept beside the paper.

- A launch file (shell or job script, Snakemake workflow, ROS launch file; see
  repo/launched.py) that runs a program of the chosen folders is the experiment's entry
  point. At the repository root, or when it starts a node of the package the folders
  belong to, it makes the whole repository (or that package) the paper's code: the
  repository is then the experiment. Elsewhere (`scripts/overnight.sh` running
  `pkg/train.py`) the launch file itself joins the scope, its folder does not.
- A program at the repository root, or in another top-level folder (`scripts/run.py` with
  `default="configs"`), that names a chosen top-level folder in a string
  (`default="interpreter"`, `"cbmc/synth.c"`) drives that folder's code (it compiles,
  runs or loads it): the root is the paper's code then (a project laid out as scripts/,
  configs/ and src/ is one experiment), its options the run's settings. Not when the
  README's commands (scope/documented.py) all run programs of the chosen folders and do
  not name that program: what the README tells readers to run is the experiment.
- A build file at the root (setup.py, CMakeLists.txt, a Makefile) that compiles a C, C++
  or Fortran source of a chosen folder (`sources=['src/ext.cpp']`) makes the root the
  code: the folder is the project's source tree, built and run from the root.
- A chosen folder of configs alone (YAML, or Python modules that only assign values) runs
  nothing: the programs beside it run it, or, with no program beside it, the programs that
  name it in a string (`join(DATADIR, 'priors', ...)` in `drivers/`, scope/configs.py).
  Widened so to a Python package the root's setup.py builds and the folders beside it
  that import it (`rudolf/` and `drivers/`), the root is the code: a package and its
  drivers, read whole.
- Numbered parts: a chosen `task2/` whose sibling `task1/` the paper names too ("Subtask 1",
  "Task 2") is one of the paper's parts, and the sibling joins the scope.
- A chosen folder that is a sub-package importing modules of its parent package
  (`language_games/play.py`: `from mlt.feature_extractors import ...`) widens to that
  parent package: the package it imports is part of what runs.
- Programs directly in the folder that holds the paper's PDF (`joss/draw.jl` beside
  `joss/paper.md`) are the paper's figure scripts: they join the scope as files, unless
  the folder keeps other PDFs too (earlier submissions, letters: a writing archive)."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from arakit.compiler.repo.launched import launched
from arakit.compiler.repo.moved import runs_as_program
from arakit.compiler.repo.params import is_source
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.scope import _PROGRAMS, CODE_SUFFIXES, _collapse
from arakit.compiler.scope.packages import _root_python_package
from arakit.compiler.scope.configs import config_loaders, configs_only, programs_beside
from arakit.compiler.scope.documented import documented_runs
from arakit.compiler.scope.loads import loaded_folders, root_runners
from arakit.compiler.scope.parts import sibling_experiments

MAX_FILES = 50


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


def _paper_only_folder(folder: str, files: list[str], tree: Path | None) -> bool:
    """True when the folder holds one PDF, the paper's (a JOSS `paper/` or `joss/`): a
    folder that keeps earlier manuscripts, letters or figure PDFs beside it is a writing
    archive, and its scripts are drafts rather than the paper's figure scripts."""
    if tree is not None and (tree / folder).is_dir():  # the listing leaves large files out
        return sum(1 for p in (tree / folder).iterdir() if p.suffix.lower() == ".pdf") <= 1
    pdfs = [f for f in files if f.lower().endswith(".pdf") and _folder(f) == folder]
    return len(pdfs) <= 1


def entry_points(
    folders: list[str],
    excluded: list[tuple[str, str]],
    files: list[str],
    params: list[CodeParam],
    own: set[str],
    read: Callable[[str], str | None] | None = None,
    tree: Path | None = None,
    text: str = "",
    why: dict[str, str] | None = None,
) -> tuple[list[str], list[str], str]:
    """(folders, extra files, reason) once launch files and scripts beside the paper are
    taken in (see the module doc); the reason is "" when nothing changes. `why` ({folder:
    reason}, the chosen folders') gets the reason of every folder this adds."""
    inside_files = [
        f for f in files if not any(f == a or f.startswith(a + "/") for a, _ in excluded)
    ]
    code = [f for f in inside_files if f.lower().endswith(CODE_SUFFIXES)]
    have = set(code)

    def inside(rel: str) -> bool:
        return any(f == "" or rel == f or rel.startswith(f + "/") for f in folders)

    if folders == [""]:
        return folders, [], ""
    roots: dict[str, str] = {}
    config_folders = [f for f in folders if f and configs_only(f, code, read)]
    for part, named in _numbered_parts(folders, code, text):
        folders = sorted({*folders, part})
        roots.setdefault(part, f"the paper names {named}: {part}/ is its part too")
    for part, reason in sibling_experiments(folders, code, own, text):
        folders = sorted({*folders, part})
        roots.setdefault(part, reason)
    for unit, reason in loaded_folders(folders, code, read, own):
        folders = sorted({*folders, unit})
        roots.setdefault(unit, reason)
    # when every program the README tells readers to run lies in the chosen folders, a
    # program it does not name that imports them (an environment check) is not the run
    told = documented_runs(files, read)
    kept = bool(told) and all(inside(t) for t in told)
    runners = [(f, why) for f, why in root_runners(folders, code, read) if not kept or f in told]
    for _, reason in runners[:1]:
        roots.setdefault("", reason)
    # (a program that writes generated code into the package's src/ does not drive it)
    driven = [(f, d) for f, d in _root_drivers(folders, code, read) if not kept or f in told]
    for native, namespace in _r_native_code(folders, files, read):
        folders = sorted({*folders, native})
        roots.setdefault(native, f"{namespace} loads the package's compiled code in {native}/")
    extra: dict[str, str] = {}
    runs = launched([p for p in params if p.file in have], inside_files, read)
    for launcher, target in runs:
        if inside(launcher):
            continue
        if target in have and inside(target):
            if _folder(launcher) == "":
                roots[""] = f"{launcher} runs {target}"
            else:
                extra.setdefault(launcher, f"{launcher} runs {target}")
        elif target not in have and any(
            target == "" or f == target or f.startswith(target + "/") for f in folders
        ):  # a package folder holding the chosen folders: the package is the code
            roots.setdefault(target, f"{launcher} runs the package {target or 'at the root'}")
    for driver, folder in driven:
        roots.setdefault("", f"{driver} drives {folder}/")
    for build, source in _root_builds(folders, files, read):
        roots.setdefault("", f"{build} builds {source}")
    for sub, parent, module in _parent_packages(folders, files, read):
        folders = [parent if f == sub else f for f in folders]
        roots.setdefault(parent, f"{sub}/ imports {module} of its parent package {parent}/")
    # a folder of configs alone (config/*.yaml) runs nothing: when no launcher or program
    # named above runs it, the programs beside it that load them are the code (`run.py
    # --config config/sib.yaml`), the folder one part of it
    # (with no program beside it, `data/priors/` of prior modules, the programs that load
    # it by name elsewhere, `join(DATADIR, 'priors', ...)` in drivers/, are the code)
    for f in config_folders:
        parent = _folder(f)
        if any(r == "" or parent == r or parent.startswith(r + "/") for r in roots):
            continue
        if programs_beside(f, code, read):
            roots[parent] = f"{f}/ holds configs only: the programs beside it run them"
            continue
        for loader in config_loaders(f, code, read):
            roots.setdefault(_folder(loader), f"{loader} loads the configs in {f}/")
    reasons = []
    if roots:
        folders = _collapse(set(folders) | set(roots), code)
        if why is not None:
            why.update({f: r for f, r in roots.items() if f in folders})
        # (launch files that run it, code it loads, the paper's other experiments)
        reasons.append("what runs it widens it: " + ", ".join(sorted(set(roots.values()))[:4]))
        # widened to a package the root's setup.py builds and the drivers beside it: the root
        package = _root_python_package(folders, files, own, read)
        if package:
            folders = [""]
            if why is not None:
                why[""] = package
            reasons.append(f"{package}: the package and its scripts, read whole")
    extra = {f: why for f, why in extra.items() if not inside(f)}
    if extra:
        reasons.append("launch files: " + ", ".join(sorted(extra.values())[:3]))
    beside = sorted(
        f
        for f in code
        if _folder(f) in own - {"", "."}
        and f.lower().endswith(_PROGRAMS)
        and not inside(f)
        and _paper_only_folder(_folder(f), files, tree)
    )
    if beside:
        reasons.append("scripts beside the paper: " + ", ".join(beside[:4]))
    added = sorted(set(extra) | set(beside))[:MAX_FILES]
    return folders, added, "; ".join(reasons)


_DRIVER_SUFFIXES = (".py", ".sh", ".jl", ".r", ".m")
_NOT_DRIVERS = ("setup.py", "conftest.py", "noxfile.py", "versioneer.py", "conf.py")


def _root_drivers(
    folders: list[str], code: list[str], read: Callable[[str], str | None] | None
) -> list[tuple[str, str]]:
    """(program at the root or in another top-level folder, chosen top-level folder it
    names in a string) pairs. A Python file drives only when it runs (`_runs`): a library
    module, often vendored, that pops a "config" keyword drives nothing."""
    if read is None:
        return []
    tops = sorted({f.split("/")[0] for f in folders if f})
    if not tops:
        return []
    names = "|".join(re.escape(t) for t in tops)
    quoted = re.compile(rf"[\"'](?:\./)?({names})(/[^\"'\n]*)?[\"']")
    dirs = {str(p) for f in code for p in PurePosixPath(f).parents}
    out = []
    for f in code:
        name = PurePosixPath(f).name.lower()
        if f.split("/")[0] in tops or name in _NOT_DRIVERS or not name.endswith(_DRIVER_SUFFIXES):
            continue
        text = read(f) or ""
        if name.endswith(".py") and not _runs(text, f):
            continue  # a library module naming "config" as a keyword runs nothing
        if _folder(f) == "" and _imports_top(text, tops):
            out.append((f, _imports_top(text, tops)))
            continue
        for m in quoted.finditer(text):
            # the folder, one of its code files or sub-folders: not a file written into
            # it (`experiments/figure.pdf`, a plot's output)
            path = (m.group(1) + (m.group(2) or "")).rstrip("/")
            if path in dirs or path.lower().endswith(CODE_SUFFIXES):
                out.append((f, m.group(1)))
                break
    return out


def _imports_top(text: str, tops: list[str]) -> str:
    """The chosen top-level folder a root program imports as a package (`from parser.cmds
    import Train`, `import parser.model`), or ""."""
    for t in tops:
        if re.search(
            rf"^\s*(?:from\s+{re.escape(t)}(?:\.\w+)*\s+import|import\s+{re.escape(t)}\.)",
            text,
            re.M,
        ):
            return t
    return ""


_CLI = re.compile(r"\.add_argument\(|@click\.(?:option|argument|command)\b|\btyper\.")


def _runs(text: str, path: str) -> bool:
    """A Python file that does something when run: a program (main guard, loops, calls at
    module level: repo.moved.runs_as_program), one call at module level, or a command
    line it declares; a module of definitions only (a vendored library's) runs nothing."""
    if runs_as_program(text, path) or _CLI.search(text):
        return True
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError):
        return True  # unreadable: keep the old reading rather than guess
    return any(isinstance(st, ast.Expr) and isinstance(st.value, ast.Call) for st in body)


_NATIVE = (".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".f", ".f90", ".f95")


def _r_native_code(
    folders: list[str], files: list[str], read: Callable[[str], str | None] | None
) -> list[tuple[str, str]]:
    """(src folder, NAMESPACE file) for a chosen `R/` of an R package whose NAMESPACE
    loads compiled code (`useDynLib`): the package's C, C++ or Fortran sources in its
    `src/` (TMB templates, Rcpp functions) are what the R functions call."""
    if read is None:
        return []
    out = []
    for f in folders:
        if PurePosixPath(f).name != "R":
            continue
        pkg = _folder(f)
        at = f"{pkg}/" if pkg else ""
        namespace = f"{at}NAMESPACE"
        if f"{at}DESCRIPTION" not in files or namespace not in files:
            continue
        if "useDynLib" not in (read(namespace) or ""):
            continue
        native = f"{at}src"
        if native not in folders and any(
            x.startswith(native + "/") and x.lower().endswith(_NATIVE) for x in files
        ):
            out.append((native, namespace))
    return out


_BUILD_FILES = ("setup.py", "cmakelists.txt", "meson.build", "makefile", "gnumakefile")


def _root_builds(
    folders: list[str], files: list[str], read: Callable[[str], str | None] | None
) -> list[tuple[str, str]]:
    """(root build file, compiled source of a chosen folder it names) pairs."""
    if read is None:
        return []
    sources = [
        f
        for f in files
        if is_source(f)
        and not f.lower().endswith((".r", ".jl", ".m"))
        and any(d and f.startswith(d + "/") for d in folders)
    ]
    out = []
    for b in files:
        if "/" in b or b.lower() not in _BUILD_FILES or not sources:
            continue
        text = read(b) or ""
        hit = next((s for s in sources if re.search(rf"(?<![\w/]){re.escape(s)}\b", text)), "")
        if hit:
            out.append((b, hit))
    return out


_IMPORT = re.compile(r"^\s*(?:from|import)\s+(\.*)([A-Za-z_][\w.]*)?", re.M)


def _resolve_up(dotted: str, dots: str, here: str, have: set[str]) -> str:
    """The repository file an import names (`code.experiments.utils`, `..utils`), looked
    for below each folder holding `here` up to the root (the folder a script is run
    from, or a package installed from its parent folder), nearest first; "" when none."""
    parts = dotted.split(".") if dotted else []
    base = PurePosixPath(here).parent
    if dots:
        for _ in range(len(dots) - 1):
            base = base.parent
        bases = [base]
    else:
        bases = [base, *base.parents]
    for b in bases:
        stem = "/".join([*([] if str(b) == "." else [str(b)]), *parts])
        for cand in (f"{stem}.py", f"{stem}/__init__.py"):
            if cand in have:
                return cand
    return ""


def _parent_packages(
    folders: list[str], files: list[str], read: Callable[[str], str | None] | None
) -> list[tuple[str, str, str]]:
    """(chosen sub-package, its parent package folder, a module of the parent it imports)
    for chosen folders that import their parent package's other modules: by the
    package's name (`from mlt.feature_extractors import`, the package installed), or by
    a path the import resolves to in the repository (`from code.experiments.utils import`
    run from the root)."""
    if read is None:
        return []
    have = set(files)
    out = []
    for sub in folders:
        parent = _folder(sub)
        if not parent or f"{parent}/__init__.py" not in have or f"{sub}/__init__.py" not in have:
            continue
        pkg, own = PurePosixPath(parent).name, PurePosixPath(sub).name
        for f in files:
            if not (f.startswith(sub + "/") and f.endswith(".py")):
                continue
            for m in _IMPORT.finditer(read(f) or ""):
                dots, dotted = m.group(1), m.group(2) or ""
                parts = dotted.split(".")
                mod = f"{parent}/{parts[1]}" if len(parts) >= 2 else ""
                named = not dots and parts[0] == pkg and len(parts) >= 2 and parts[1] != own
                if named and (f"{mod}.py" in have or f"{mod}/__init__.py" in have):
                    out.append((sub, parent, ".".join(parts[:2])))
                    break
                target = _resolve_up(dotted, dots, f, have)
                if (
                    target.startswith(parent + "/")
                    and not target.startswith(sub + "/")
                    and target != f"{parent}/__init__.py"
                ):
                    out.append((sub, parent, dots + dotted))
                    break
            else:
                continue
            break
    return out


_NUMBERED = re.compile(r"^([A-Za-z]{2,})[_\-]?(\d{1,2})$")


def _names_part(text: str, stem: str, number: str) -> str:
    """The paper's words for part `number` of `stem` (`Subtask 1`, `task-2`, `Exp. 1`), or ""."""
    m = re.search(rf"\b(?:sub)?{re.escape(stem)}\.?[\s\-_]?0*{number}\b", text, re.I)
    return m.group(0) if m else ""


def _numbered_parts(folders: list[str], code: list[str], text: str) -> list[tuple[str, str]]:
    """(sibling folder, the paper's words for it) for numbered siblings (`task1/` beside a
    chosen `task2/`) that hold programs, when the paper names both the chosen part and the
    sibling by the same word and number."""
    if not text:
        return []
    have = {_folder(f) for f in code if f.lower().endswith(_PROGRAMS)}
    out = []
    for f in folders:
        m = _NUMBERED.match(PurePosixPath(f).name) if f else None
        if m is None or not _names_part(text, m.group(1), m.group(2)):
            continue
        parent = _folder(f)
        for d in sorted(have):
            if d == f or _folder(d) != parent or d in folders:
                continue
            n = _NUMBERED.match(PurePosixPath(d).name)
            if n is None or n.group(1).lower() != m.group(1).lower():
                continue
            named = _names_part(text, n.group(1), n.group(2))
            if named:
                out.append((d, named))
    return out
