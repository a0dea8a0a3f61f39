"""What is not the paper's code: abandoned, test, documentation and website folders,
third-party code and a second paper's sources, each with the reason."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from arakit.compiler.scope.commit import blob_id
from arakit.compiler.texsources import own_sources, tex_tree

_ASIDE = [
    (
        re.compile(
            r"^(?:(?:old|olds|deprecated|attic|archived?|backups?|bak|unused|legacy|trash|obsolete|"
            r"abandoned|scratch|tmp)(?:[_\-].*)?|.*[_\-](?:old|deprecated|archived?|backups?|bak|"
            r"unused|legacy|obsolete))$",
            re.I,
        ),
        "abandoned code",
    ),
    (re.compile(r"^(?:tests?|testing|unittests?)$", re.I), "tests"),
    (
        re.compile(
            r"^(?:docs?|site|website|_site|public|www|gh-pages|slides|presentation|_layouts|_includes)$",
            re.I,
        ),
        "documentation or website",
    ),
    (
        re.compile(
            r"^(?:node_modules|third_party|thirdparty|vendor|external|extern|submodules?)$", re.I
        ),
        "third-party code",
    ),
]
_WEBSITE_FILES = (
    "_config.yml",
    "hugo.toml",
    "mkdocs.yml",
    "book.toml",
    "gatsby-config.js",
    "docusaurus.config.js",
)


def paper_dirs(tree: Path, files: list[str], blob: str, pdf_path: str) -> set[str]:
    """Folders of the tree read that hold the paper itself (its exact PDF), or the folder
    the PDF was committed in."""
    out = set()
    if blob:
        for f in files:
            if f.lower().endswith(".pdf"):
                try:
                    if blob_id(tree / f) == blob:
                        out.add(str(PurePosixPath(f).parent))
                except OSError:
                    continue
    if pdf_path:
        out.add(str(PurePosixPath(pdf_path).parent))
    return out


def set_aside(
    files: list[str],
    own: set[str],
    read: Callable[[str], str | None] | None = None,
    pdf: str = "",
    edited: Callable[[str], bool] | None = None,
) -> list[tuple[str, str]]:
    """Folders that are not the paper's code, with the reason. `own` are the folders that
    hold the paper itself (never another paper's); a LaTeX folder whose main file has the
    PDF's name (`src/tex/ms.tex` for `ms.pdf`), a folder of files that main file inputs
    (a thesis's chapters), or whose `\\title` is the title of a PDF kept in `own` is the
    paper's own sources too.

    A sub-folder with its own packaging (setup.py, pyproject.toml) is a copy of someone
    else's library unless `edited` (the repository's history) says the authors changed
    it after adding it: a research sub-project packaged for `pip install -e .` (a Hydra
    or Lightning template the experiments run) is the authors' code."""
    own = {"" if o == "." else o for o in own}
    out: dict[str, str] = {}
    built = tex_tree(files, own, read, pdf)
    built_dirs = {_folder(t) for t in built}
    dirs = {str(PurePosixPath(f).parent) for f in files} - {"."}
    for d in sorted(dirs):
        parts = d.split("/")
        for i, part in enumerate(parts):
            for rx, why in _ASIDE:
                if rx.match(part):
                    out.setdefault("/".join(parts[: i + 1]), why)
    for f in files:
        name = PurePosixPath(f).name
        parent = str(PurePosixPath(f).parent)
        if parent == ".":
            continue
        if name in _WEBSITE_FILES:
            out.setdefault(parent, f"a website ({name})")
        elif name in ("setup.py", "pyproject.toml"):
            if edited is None or not edited(parent):
                out.setdefault(parent, f"a separately packaged library ({name})")
        elif (
            name.endswith(".tex")
            and own
            and not any(
                parent == o or parent.startswith(o + "/") or o.startswith(parent + "/") for o in own
            )
            and parent not in built_dirs  # (a table never input beside ones that are)
            and not own_sources(f, files, own, read, pdf)
        ):
            out.setdefault(parent, f"another paper's sources ({name})")
    for folder, why in _released_copies(files, read, edited):
        out.setdefault(folder, why)
    return sorted(out.items())


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


MIN_COPY = 20  # Python modules of a released library copied in (a helper package is smaller)
_VERSION = re.compile(
    r"^__version__\s*(?::\s*str\s*)?=\s*['\"](\d+\.\d+(?:\.\d+)?[\w.+-]*)['\"]", re.M
)
_ROOT_PACKAGING = ("setup.py", "setup.cfg", "pyproject.toml")


def _released_copies(
    files: list[str],
    read: Callable[[str], str | None] | None,
    edited: Callable[[str], bool] | None,
) -> list[tuple[str, str]]:
    """(folder, why) for copies of a released Python library kept in the repository without
    its packaging (fastNLP/ with `__version__ = '0.5.6'` beside the project's parser/): a
    top-level package that declares a release number, holds many modules, is built by no
    packaging file of the repository, and that the history never edited after adding it.
    A copy the authors changed later is theirs (`edited`); without a history nothing is
    set aside."""
    if read is None or edited is None:
        return []
    packaging = " ".join(read(p) or "" for p in _ROOT_PACKAGING if p in files)
    inits = {_folder(f) for f in files if PurePosixPath(f).name == "__init__.py"}
    out = []
    for pkg in sorted(inits):
        if not pkg or _folder(pkg) in inits:
            continue  # a sub-package, or the root
        name = PurePosixPath(pkg).name
        modules = sum(1 for f in files if f.startswith(pkg + "/") and f.endswith(".py"))
        if modules < MIN_COPY or re.search(rf"\b{re.escape(name)}\b", packaging):
            continue
        m = _VERSION.search(read(f"{pkg}/__init__.py") or "")
        if m and not edited(pkg):
            out.append(
                (
                    pkg,
                    f"third-party code (a copy of the released library {name} {m.group(1)}: "
                    f"{modules} modules, built by no packaging of this repository, never "
                    "edited after it was added)",
                )
            )
    return out


# a folder named for a version of the code: `v1`, `v2.0`, `version_3`
_VERSION_FOLDER = re.compile(r"^(?:v|ver|version)[_\-]?(\d+)(?:\.\d+)*$", re.I)


def earlier_versions(folders: list[str]) -> list[tuple[str, str]]:
    """(folder, why) for the chosen folders named for an earlier version of the code
    (`v1/`) chosen beside the current one: a folder named for a later version, or one
    named for none (the code a repository moved on to keeps its plain name, the version it
    left is filed under its number)."""
    named = {
        f: int(m.group(1)) for f in folders if (m := _VERSION_FOLDER.match(PurePosixPath(f).name))
    }
    out: list[tuple[str, str]] = []
    for f, n in named.items():
        newer = [g for g in folders if g != f and (g not in named or named[g] > n)]
        if newer:
            where = "the root" if newer[0] in ("", ".") else f"{newer[0]}/"
            out.append((f, f"an earlier version of the code, beside {where}"))
    return out
