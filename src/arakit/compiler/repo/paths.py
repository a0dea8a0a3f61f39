"""What a path in a repository is: a script, a unit test, a scratch copy, a results file,
or a file retired into an old/-style folder."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

CODE_EXT = (
    ".py", ".ipynb", ".pyx", ".pxd", ".m", ".r", ".jl", ".sh", ".bash", ".pbs",
    ".slurm", ".sbatch", ".c", ".cc", ".cpp", ".cxx", ".h", ".hpp", ".hh", ".hxx", ".ipp", ".tpp",
    ".inl", ".cu", ".f90", ".f", ".js", ".ts",
    ".java", ".scala", ".go", ".rs", ".lua", ".pl", ".rb", ".stan", ".do", ".sas",
)  # fmt: skip
RESULT_EXT = (".csv", ".json", ".tsv", ".txt", ".npz", ".npy", ".pkl", ".h5", ".mat", ".parquet")
RETIRE_DIRS = {
    "old", "olds", "deprecated", "attic", "archive", "archived", "legacy", "unused",
    "obsolete", "graveyard", "abandoned", "discarded", "retired", "trash", "dead",
}  # fmt: skip
PARK_DIRS = {"tmp", "backup", "backups", "bak"}  # retired only when files are moved into them
RESULT_DIRS = {"results", "result", "outputs", "output", "out", "logs", "runs", "metrics"}
GENERIC_NAMES = {
    "main", "utils", "util", "__init__", "setup", "config", "configs", "train", "test", "model",
    "models", "run", "data", "dataset", "datasets", "helpers", "common", "plot", "plots", "eval",
    "evaluate", "loader", "index", "app", "cli", "script", "demo", "example", "readme",
}  # fmt: skip


def is_code(path: str) -> bool:
    """True for scripts and source files (what a deleted approach is made of)."""
    return path.lower().endswith(CODE_EXT)


# folders and files that tools write, never a person: byte-code caches, notebook
# checkpoints, test and type-checker caches, a desktop's folder metadata
_GENERATED_DIRS = {"__pycache__", ".ipynb_checkpoints", ".pytest_cache", ".mypy_cache"}
_GENERATED_NAMES = {".ds_store", "thumbs.db", "desktop.ini"}


def generated(path: str) -> bool:
    """True for a file a tool wrote (`__pycache__/x.pyc`, `.ipynb_checkpoints/...`,
    `.DS_Store`): adding or removing it changes nothing of the research."""
    *folders, name = path.lower().split("/")
    return (
        name in _GENERATED_NAMES
        or name.endswith((".pyc", ".pyo"))
        or any(f in _GENERATED_DIRS for f in folders)
    )


# literate analyses: R Markdown and Quarto documents whose chunks run (read as documents
# elsewhere, for the results they print)
_LITERATE_EXT = (".rmd", ".qmd")


def runs_code(path: str) -> bool:
    """True for code (is_code) and for literate analyses whose chunks run (`.Rmd`, `.qmd`):
    what a branch's work is made of when it lands or not."""
    return is_code(path) or path.lower().endswith(_LITERATE_EXT)


_TEST_DIRS = {"tests", "__tests__", "testing", "gtest", "googletest", "catch2"}


def is_test(path: str) -> bool:
    """Unit tests and fixtures: removed with what they test, not an approach of their own."""
    *folders, name = path.lower().split("/")  # string work: called for every file changed
    stem = name.rsplit(".", 1)[0]
    return (
        name.startswith(("test_", "gtest"))
        or stem in ("test", "tests")
        or name == "conftest.py"
        or any(part in _TEST_DIRS for part in folders)
    )


_TEACHING = re.compile(r"tutorial|summer[_-]?school|workshop", re.I)


def is_teaching(path: str) -> bool:
    """Tutorials and course material: taking one down retires teaching, not an approach."""
    return bool(_TEACHING.search(path))


_VENDOR_DIRS = {"third_party", "thirdparty", "third-party", "vendor", "vendored", "external",
                "extern", "externals", "deps", "node_modules", "site-packages"}  # fmt: skip
# a folder named for a library and its full release (`boost_1.62.0`, `eigen-3.3.3`, `zlib1.2.11`)
_RELEASE_DIR = re.compile(r"^[a-z][a-z+]*[_-]?v?\d+\.\d+\.\d+[a-z]?$", re.IGNORECASE)


def is_vendored(path: str) -> bool:
    """Third-party code copied into the repository (a vendored library): adding, moving or
    deleting it changes a dependency, never the research, and its `old/` folders are its own."""
    parts = path.lower().split("/")[:-1]
    return any(p in _VENDOR_DIRS or _RELEASE_DIR.match(p) for p in parts)


_CI_PATH = re.compile(
    r"^(?:\.github/|\.circleci/|\.gitlab-ci|\.travis\.yml$|appveyor\.ya?ml$|azure-pipelines|"
    r"\.pre-commit-config\.ya?ml$|renovate\.json|\.readthedocs\.ya?ml$|codecov\.ya?ml$|"
    r"\.ci/|ci/)"
)


def is_ci(path: str) -> bool:
    """Continuous integration and automation files: undoing a change there undoes a build
    setting, not a research step."""
    return bool(_CI_PATH.match(path))


_SCRATCH_NOTEBOOK = re.compile(r"^(?:untitled\d*|playground|sandbox|testing|test\d*|debug)\.ipynb$")


_PACKAGING = {"setup.py", "versioneer.py", "_version.py", "noxfile.py", "fabfile.py", "tasks.py"}


def is_packaging(path: str) -> bool:
    """Packaging and build scripts (setup.py replaced by pyproject.toml): tooling, never
    an approach of the research."""
    return path.rsplit("/", 1)[-1].lower() in _PACKAGING


# files that keep a project usable without being its research: dependency manifests and
# citation files, and the project's front documents
_MANIFESTS = {
    "project.toml", "manifest.toml", "description", "namespace", "pyproject.toml", "setup.cfg",
    "environment.yml", "environment.yaml", "package.json", "citation.cff", ".gitignore",
    ".zenodo.json", "makefile.toml", "cargo.toml",
}  # fmt: skip
_FRONT_DOCS = {
    "readme",
    "changelog",
    "news",
    "contributing",
    "code_of_conduct",
    "authors",
    "history",
}


def upkeep(path: str) -> bool:
    """A file whose change maintains the project without touching its research: CI,
    packaging, dependency manifests, the test runner, the README or changelog, the
    documentation folder."""
    low = path.lower()
    *folders, name = low.split("/")
    stem = name.split(".", 1)[0]
    return (
        is_ci(path)
        or is_packaging(path)
        or stem in ("runtests", "conftest")  # a test runner; test folders can hold research specs
        or name in _MANIFESTS
        or name.startswith("requirements")
        or stem in _FRONT_DOCS
        or any(f in {"doc", "docs", "documentation"} for f in folders)
    )


def is_scratch(path: str) -> bool:
    """Scratch and backup copies, sandbox files (`sandbox.py`, Spanish `prueba_params.py`),
    and notebooks named as a scratch pad (testing.ipynb, Untitled1.ipynb): their deletion
    abandons nothing."""
    name = PurePosixPath(path).name.lower()
    return bool(
        re.search(
            r"scratch|sandbox|playground|(?:^|[_.-])(?:tmp|temp|bkp|backup|copy|pruebas?)"
            r"(?:[_.-]|$)",
            name,
        )
        or _SCRATCH_NOTEBOOK.match(name)
    )


def numbered_copy(path: str, added: list[str]) -> bool:
    """`data_server_1.py` deleted as `data_server.py` is added: numbered copies folded into
    one parameterised file, the job lives on."""
    p = PurePosixPath(path)
    base = re.sub(r"[_-]?\d+$", "", p.stem)
    if not base or base == p.stem:
        return False
    return any(PurePosixPath(a).name == base + p.suffix for a in added)


def retire_dir(path: str, moved: bool) -> str | None:
    """The old/-style folder in `path` (as written), or None."""
    for part in PurePosixPath(path).parts[:-1]:
        low = part.lower().lstrip(".")  # `.trash/` hides the folder from listings, no more
        stem = re.sub(
            r"^(?:old|obsolete|deprecated)[_-]|[_-](?:old|obsolete|deprecated|archived?|legacy)$",
            "",
            low,
        )
        if low in RETIRE_DIRS or stem != low or (moved and low in PARK_DIRS):
            return part
    return None


def name_tokens(path: str) -> set[str]:
    """The words of a file name (snake, kebab and camel case split)."""
    stem = PurePosixPath(path).stem
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", stem)
    return {t for t in re.split(r"[\W_]+", spaced.lower()) if t}


def widened(path: str, edited: list[str]) -> bool:
    """A file the same commit edits in the same folder whose name holds every word of the
    deleted file's name and more (`pos_tagger_evaluator.py` deleted as
    `baseline_pos_tagger_evaluator.py` is rewritten): the job went into it. The reverse, a
    variant with a word more (`comparison_noiseless.m` beside `comparison.m`), was dropped."""
    mine = name_tokens(path)
    folder = PurePosixPath(path).parent
    return bool(mine) and any(
        PurePosixPath(o).parent == folder and mine < name_tokens(o) for o in edited
    )


def rewritten(path: str, added: list[str]) -> bool:
    """A file added in the same commit and folder with nearly the same name words: the
    deleted file was rewritten under a new name, not dropped."""
    mine = name_tokens(path)
    folder = PurePosixPath(path).parent
    for other in added:
        if PurePosixPath(other).parent != folder:
            continue
        theirs = name_tokens(other)
        if mine and len(mine & theirs) / len(mine | theirs) >= 0.75:
            return True
    return False


def hidden(path: str) -> bool:
    """Inside a dot-folder (editor and notebook checkpoints)."""
    return path.startswith(".") or "/." in path


def is_result(path: str) -> bool:
    """A results file: data in a results-like folder, or named like results."""
    p = PurePosixPath(path.lower())
    if not p.name.endswith(RESULT_EXT):
        return False
    return any(part in RESULT_DIRS or "result" in part for part in p.parts[:-1]) or bool(
        re.search(r"result|summary|metrics|scores", p.name)
    )


_OLD_SUFFIX = re.compile(r"^(?P<base>.+?)[_-](?:old|legacy|deprecated|obsolete|orig)$", re.I)


def old_copy(path: str) -> str | None:
    """For `src/many_runs_old.py`, the path of the file it is the old copy of
    (`src/many_runs.py`); None for other names."""
    p = PurePosixPath(path)
    m = _OLD_SUFFIX.match(p.stem)
    return str(p.with_name(m.group("base") + p.suffix)) if m else None


def common_folder(files: list[str]) -> str:
    """The deepest folder holding every file, or the first folders of each when they share
    none ("a, b and c"), or "." for files at the root."""
    parts = [PurePosixPath(f).parts[:-1] for f in files]
    common: list[str] = []
    for level in zip(*parts, strict=False):
        if len(set(level)) != 1:
            break
        common.append(level[0])
    if common or all(not p for p in parts):
        return "/".join(common) or "."
    tops = sorted({p[0] if p else "." for p in parts})
    return ", ".join(tops[:-1][:4]) + f" and {tops[-1]}" if len(tops) > 1 else tops[0]


def subfolders(folder: str, files: list[str]) -> list[str]:
    """The folders right below `folder` that hold `files` (in order of first appearance)."""
    base = () if folder in (".", "") else PurePosixPath(folder).parts
    out: list[str] = []
    for f in files:
        parts = PurePosixPath(f).parts
        if len(parts) > len(base) + 1 and parts[len(base)] not in out:
            out.append(parts[len(base)])
    return out


def group_dir(path: str) -> str:
    """The folder holding `path`."""
    parts = PurePosixPath(path).parts
    return "/".join(parts[:-1]) if len(parts) > 1 else "."
