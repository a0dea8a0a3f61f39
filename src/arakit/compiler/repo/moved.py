"""Deleted files that abandon nothing: code folded into another file by the same commit,
content carried into the files the same commit wrote (a script moved into the package, a
variant merged into the general script), the sample script an editor or a documentation
template writes into a new project, documentation examples, and unit tests."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo import paths
from arakit.compiler.repo.describe import definitions
from arakit.compiler.repo.gitlog import Change, Commit
from arakit.compiler.repo.params.python import is_main_guard

MAX_OTHERS = 30  # files of one commit read to see whether a deleted file's code moved there
MIN_SCRIPT_BYTES = 80  # smaller deleted files are placeholders, not work
MIN_LINES = 3  # a file of fewer code lines holds a constant or a header, not an approach
# share of a deleted file's lines found again in what the same commit wrote: the content
# moved (measured on real moves: 0.68-0.97; files truly given up: 0.00-0.06; a module
# rewritten into a general one: 0.26)
LIVES_ON = 0.5
MIN_LINE_CHARS = 12  # shorter lines (`end`, `return x`, `}`) are shared by any two files
# the sample script an editor writes into a new project (PyCharm's "print_hi"), and the
# example module of the Read the Docs tutorial template ("Lumache")
_TEMPLATE_RE = re.compile(
    r"This is a sample Python script|Press Shift\+F10 to execute|\bLumache\b|"
    r"Python library for cooks and food lovers"
)
_DOC_DIRS = {"doc", "docs", "documentation", "website", "site", "vignettes", "man"}


def numbered_into(c: Commit, path: str) -> bool:
    """`synth1.c` deleted while `synth.c` is written by the same commit (added or changed):
    numbered copies folded into one file, the job lives on."""
    kept = [ch.path for ch in c.changes if ch.status != "D"]
    return paths.numbered_copy(path, kept)


def runs_as_program(text: str, path: str) -> bool:
    """True for a Python file that does work when it is run: a `__main__` block, a loop or
    a `with` block at module level, or several calls there (a training script, an
    experiment driver). A module that only defines functions and classes, imports and
    constants (a helper library) does not: when a restructuring deletes one, its code went
    into the new layout, while a program deleted then is an experiment no longer run."""
    if not path.endswith(".py"):
        return False
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return "__main__" in text and "__name__" in text
    calls = 0
    for st in tree.body:
        if isinstance(st, ast.If) and is_main_guard(st.test):
            return True
        if isinstance(st, (ast.For, ast.While, ast.With, ast.AsyncFor, ast.AsyncWith)):
            return True
        calls += isinstance(st, ast.Expr) and isinstance(st.value, ast.Call)
    return calls >= 2


def documentation(path: str) -> bool:
    """Inside a documentation folder (docs/, doc/, vignettes/): an example notebook or page
    script taken down retires documentation, not an approach of the research."""
    return any(part in _DOC_DIRS for part in path.lower().split("/")[:-1])


# words of a file or folder name that say what the file serves rather than which approach it
# is: building and releasing the package, running jobs on a cluster, timing, drawing the
# figures, shared helpers
_SERVES = {
    "build", "release", "releases", "deploy", "publish", "install", "installer", "setup",
    "sshfs", "mount", "sync", "upload", "jobs", "job", "slurm", "condor", "sbatch", "submit",
    "benchmark", "benchmarks", "bench", "lint", "format", "bump", "version", "makefile",
    "plot", "plots", "plotting", "plotter", "viz", "vis", "visualize", "visualise",
    "figure", "figures", "fig", "figs", "utils", "util", "utilities", "utility", "helper",
    "helpers", "wrapper", "wrappers", "misc", "tools",
}  # fmt: skip
# folders of a manuscript's own sources and their build helpers (not paper/: a software
# paper keeps its benchmark scripts there)
_WRITING_DIRS = re.compile(r"^(?:manuscripts?|thesis|drafts?|latex|tex|slides|poster)$")
# folders that say nothing about the approach of the files in them
_PLAIN_DIRS = {
    "src", "source", "sources", "scripts", "script", "code", "codes", "lib", "experiments",
    "experiment", "notebooks", "notebook", "python", "py", "r", "julia", "bin", "modules",
    "module", "core", "pkg",
}  # fmt: skip


def _words(name: str) -> list[str]:
    """The words of a file or folder name: `build_release` -> build, release;
    `RandomSeedGenerator` -> random, seed, generator; `loss-plots` -> loss, plots."""
    spaced = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name)
    return [w for w in re.split(r"[^A-Za-z0-9]+", spaced.lower()) if w]


def serves_the_project(path: str) -> bool:
    """True when a file's name says it serves the project and holds no approach of the
    research: a build, release or job script, a plotting or helper module (by its name or
    its folder's), a script among a manuscript's sources, or a
    generic name (`train.py`, `model/utils.py`) in a folder whose name says nothing either.
    Deleting or retiring such a file gives no approach up; a generic name in a folder that
    names an approach (`rational/run.jl`) still may."""
    *folders, name = path.split("/")
    stem = name.rsplit(".", 1)[0]
    if any(w in _SERVES for w in _words(stem)):
        return True
    kept = [
        f
        for f in folders
        if f.lower() not in paths.RETIRE_DIRS and f.lower() not in paths.PARK_DIRS
    ]
    if any(w in _SERVES for f in kept for w in _words(f)):
        return True
    if any(_WRITING_DIRS.match(f.lower()) for f in kept):
        return True
    if stem.lower() not in paths.GENERIC_NAMES:
        return False
    last = kept[-1].lower() if kept else ""
    return not last or last in _PLAIN_DIRS or last in paths.GENERIC_NAMES


def abandons_nothing(
    c: Commit,
    gone: Change,
    text: str,
    read: Callable[[str, str], str | None],
    authors: frozenset[str] = frozenset(),
    exists: Callable[[str], bool] | None = None,
    existed: Callable[[str], bool] | None = None,
) -> bool:
    """True when deleting `gone` (last content `text`) by `c` gives up no work: a
    placeholder, a template, a unit test, code that moved into what `c` wrote, a third-party
    file (its copyright holder none of `authors`), or a launcher of programs that stay
    (`exists(file name)` says whether a file of that name is still in the tree)."""
    code = [ln for ln in text.splitlines() if ln.strip() and not _whole_comment(ln)]
    return (
        len(text.strip()) < MIN_SCRIPT_BYTES
        or len(code) < MIN_LINES
        or editor_template(text)
        or unit_test(text, gone.path)
        or third_party(text, authors)
        or (exists is not None and launches_kept(gone.path, text, exists, existed))
        or folded(c, gone, text, read)
        or lives_on(c, gone, text, read)
    )


# "Copyright 2011 Philipp Nolte", "Copyright (c) 2015-2019, Jane Doe": who holds the file
_COPYRIGHT = re.compile(
    r"copyright\s*(?:\(c\)|©)?\s*(?:\d{4}(?:\s*[-–,]\s*\d{4})*),?\s*(?:by\s+)?"
    r"(?P<who>[^\n,;<(]{3,60})",
    re.I,
)
# holders that name nobody: "the authors", "contributors"
_NOBODY = {"the", "and", "authors", "author", "contributors", "all", "rights", "reserved", "others"}


def third_party(text: str, authors: frozenset[str]) -> bool:
    """True when the file's header names a copyright holder and no holder shares a name
    word with the repository's commit authors (`authors`, lower-case words): code copied in
    from another project (a tagger, a solver), kept or dropped as a dependency is."""
    if not authors:
        return False
    head = "\n".join(text.splitlines()[:40])
    holders = [m.group("who") for m in _COPYRIGHT.finditer(head)]
    if not holders:
        return False
    for who in holders:
        words = set(re.findall(r"[^\W\d_]{3,}", who.lower())) - _NOBODY
        if not words or words & authors:
            return False
    return True


SHELL_EXT = (".sh", ".bash", ".zsh", ".slurm", ".sbatch", ".pbs", ".job")
# what a launch script runs: `python play.py`, `Rscript fit.R`, `julia run.jl`, `./train.sh`,
# `python -m pkg.train`
_RUNS_FILE = re.compile(r"(?<![\w.-])(?P<file>[\w.-]+\.(?:py|R|r|jl|m|sh|pl|rb|js))\b")
_RUNS_MODULE = re.compile(r"\s-m\s+(?P<mod>[A-Za-z_][\w.]*)")


def programs(path: str, text: str) -> set[str]:
    """The file names of the programs a shell script runs (itself left out); empty for a
    script that is not a shell script or runs none of the project's files."""
    if not path.lower().endswith(SHELL_EXT):
        return set()
    names: set[str] = set()
    for line in text.splitlines():
        if _whole_comment(line):
            continue
        names |= {m.group("file").rsplit("/", 1)[-1] for m in _RUNS_FILE.finditer(line)}
        names |= {m.group("mod").rsplit(".", 1)[-1] + ".py" for m in _RUNS_MODULE.finditer(line)}
    names.discard(path.rsplit("/", 1)[-1])
    return names


def launches_kept(
    path: str,
    text: str,
    exists: Callable[[str], bool],
    existed: Callable[[str], bool] | None = None,
) -> bool:
    """A shell launcher whose every program (`python source/play.py ...`) stays in the
    tree (`exists`): the runs it started are over, the approach they ran lives on. With
    `existed`, only programs in the tree before the deletion are asked about (a step
    removed long before is no loss of this commit)."""
    if not path.lower().endswith(SHELL_EXT):
        return False
    names = programs(path, text)
    if existed is not None:
        names = {n for n in names if existed(n)}
    return bool(names) and all(exists(n) for n in names)


def _whole_comment(line: str) -> bool:
    return line.lstrip().startswith(("#", "//", "%", "--", ";", "/*", "*"))


def _lines(text: str) -> set[str]:
    out = set()
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if len(line) >= MIN_LINE_CHARS and not _whole_comment(line):
            out.add(line)
    return out


# what any two files of a project share without sharing an approach: the imports
_IMPORT = re.compile(r"^(?:import|from|using|library|require|#include|include)\b")


def code_lines(text: str, path: str) -> set[str]:
    """The lines a file's content is compared by: whitespace-normalised lines of at least
    MIN_LINE_CHARS, without comments and imports; for a notebook, the lines of its code
    cells (its outputs and JSON quoting left out), so a notebook and the script exported
    from it compare line for line."""
    if path.lower().endswith(".ipynb"):
        text = notebook_code(text)
    return {line for line in _lines(text) if not _IMPORT.match(line)}


def _quoted(line: str) -> str:
    """The inside of one line of a notebook cell as the JSON file holds it
    (`    "x = f(y)\\n",`), or ""."""
    s = line.strip()
    s = s[:-1] if s.endswith(",") else s
    if len(s) < 2 or s[0] != '"' or s[-1] != '"':
        return ""
    s = s[1:-1]
    return s[:-2] if s.endswith("\\n") else s


def _unquote(quoted: str) -> str:
    try:
        return str(json.loads(f'"{quoted}"'))
    except ValueError:
        return quoted


def notebook_code(text: str) -> str:
    """The source of a notebook's code cells; the text itself when it is not a readable
    notebook (truncated or hand-edited JSON)."""
    try:
        cells = json.loads(text).get("cells") or []
    except (ValueError, AttributeError):  # cut short: the quoted source lines still read
        return "\n".join(_unquote(x) for x in map(_quoted, text.splitlines()) if x)
    out = []
    for cell in cells:
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            src = cell.get("source") or ""
            out.append(src if isinstance(src, str) else "".join(str(x) for x in src))
    return "\n".join(out)


def lives_on(c: Commit, gone: Change, text: str, read: Callable[[str, str], str | None]) -> bool:
    """At least LIVES_ON of what only the deleted file said (its lines the changed files did
    not already hold) is written anew by `c`: a script moved into the package under a new
    name, or a variant (`run_L1448.py`) merged into the general script. A rival copy
    (`simulation_old.h` beside `simulation.h`) whose own lines `c` does not carry over was
    given up. `read(blob, path)` gives a file's text."""
    mine = _lines(text)
    if not mine:
        return False
    written = [ch for ch in c.changes if ch.status != "D" and ch.path != gone.path]
    # code moves into code: files of the deleted one's kind are read first, so a commit that
    # also adds many data files (a restructuring that brings its traces along) spends the
    # MAX_OTHERS reads where the code went
    kind = PurePosixPath(gone.path).suffix.lower()
    written.sort(
        key=lambda ch: (not paths.is_code(ch.path), PurePosixPath(ch.path).suffix.lower() != kind)
    )
    pool: set[str] = set()
    held: set[str] = set()  # lines the changed files held before this commit
    for ch in written[:MAX_OTHERS]:
        pool |= _lines(read(ch.new_blob, ch.path) or "")
        if ch.status == "M":
            held |= _lines(read(ch.old_blob, ch.path) or "")
    own = mine - held  # what only the deleted file said
    return bool(own) and len(own & (pool - held)) >= LIVES_ON * len(own)


def editor_template(text: str) -> bool:
    """True for an editor's sample script."""
    return bool(_TEMPLATE_RE.search(text[:2000]))


# what unit tests are made of: pytest/unittest, Julia's Test, R's testthat, GoogleTest,
# Catch2/doctest, MATLAB's unittest
_UNIT_TEST = re.compile(
    r"^\s*def test_\w*\(|^\s*import (?:pytest|unittest)\b|^from (?:pytest|unittest)\b|"
    r"^\s*@test(?:set)?\b|^\s*using Test\b|^\s*test_that\(|^\s*TEST(?:_F|_P|_CASE)?\s*\(|"
    r"matlab\.unittest",
    re.M,
)
_TEST_FOLDERS = {"test", "tests", "spec", "specs"}


def unit_test(text: str, path: str) -> bool:
    """A unit test: a file named `*_test.py`, `test*` or kept in a test/ folder that holds
    test functions or imports a test framework (the name alone also marks experiment
    variants, such as `fit_OE_test.py`, or benchmark scripts kept in test/scripts)."""
    *folders, name = path.lower().split("/")
    stem = name.rsplit(".", 1)[0]
    named = (
        stem.endswith(("_test", "_tests"))
        or stem.startswith(("test", "runtests"))
        or any(f in _TEST_FOLDERS for f in folders)
    )
    return named and bool(_UNIT_TEST.search(text[:20000]))


def folded(c: Commit, gone: Change, text: str, read: Callable[[str, str], str | None]) -> bool:
    """Most of what the deleted file defined (its classes and functions) is defined anew
    in files the same commit wrote: the code was folded into them, not dropped. A file
    that already defined one of those names held a rival version (an `_old` copy, a
    second loader): one of the two was given up, so nothing counts as moved.
    `read(blob, path)` gives a file's text."""
    names = definitions(text, gone.path)
    if not names:
        return False
    every = definitions(text, gone.path, shortest=1)
    written: set[str] = set()
    others = [
        ch
        for ch in c.changes
        if ch.status != "D" and ch.path != gone.path and paths.is_code(ch.path)
    ]
    for ch in others[:MAX_OTHERS]:
        other = read(ch.new_blob, ch.path)
        if not other:
            continue
        new = definitions(other, ch.path) & names
        if new and ch.status == "M":  # only what this commit defined there is moved
            before = definitions(read(ch.old_blob, ch.path) or "", ch.path, 1)
            if before & every:
                return False
            new -= before
        written |= new
    return len(names & written) * 2 >= len(names)
