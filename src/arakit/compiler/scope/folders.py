"""Which folders are the paper's code: where the paper's stated values are defined (a
script that sets five of a paragraph's values is that experiment's code), then folders or
scripts the paper names, then the largest code folder. What is set aside comes from
aside.py; launch files and scripts beside the paper are added by entrypoints.py."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo.params import CodeParam
from arakit.compiler.repo.superseded import superseded
from arakit.compiler.scope.aside import _folder, earlier_versions, set_aside
from arakit.compiler.scope.loaded import unloaded
from arakit.compiler.scope.model import _PROGRAMS, CODE_SUFFIXES
from arakit.compiler.scope.packages import (
    _built_package,
    _python_package,
    _root_package,
    imported_package,
)
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import words


# the reason a copied config tree's folder is set aside: a framework's stock configs, left
# out of the artifact's listings like third-party code
UNLOADED = "configs no run of the project loads"


def _unloaded_folders(
    files: list[str], stock: dict[str, str], aside: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """The outermost folders of a config tree whose every file is a config no run loads
    (loaded.py), each with the reason."""
    if not stock:
        return []
    busy = set()  # folders holding code that counts
    for f in files:
        if f not in stock and f.lower().endswith(CODE_SUFFIXES):
            d = _folder(f)
            while d:
                busy.add(d)
                d = _folder(d)
    out: dict[str, str] = {}
    for f, tree in stock.items():
        d = _folder(f)
        top = ""
        while d and d != tree and d not in busy:
            top, d = d, _folder(d)
        if top and not any(top.startswith(a + "/") or top == a for a, _ in aside):
            out[top] = f"{UNLOADED} ({tree}/)"
    return sorted(out.items())


def _superseded(
    files: list[str], read: Callable[[str], str | None] | None, aside: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """(file, why) for the code files the repository's notes call superseded or not to be
    used (repo/superseded.py), outside what is already set aside."""
    if read is None:
        return []
    out: dict[str, str] = {}
    for st in superseded(files, read):
        for f in st.paths:
            if f.lower().endswith(CODE_SUFFIXES) and not any(
                f == a or f.startswith(a + "/") for a, _ in aside
            ):
                out.setdefault(f, f"superseded ({st.where}: {_quote(st.sentence)})")
    return sorted(out.items())


def _quote(sentence: str, most: int = 120) -> str:
    s = " ".join(sentence.split())
    return f'"{s}"' if len(s) <= most else f'"{s[: most - 1]}…"'


def _experiment_files(
    settings: list[PaperSetting], params: list[CodeParam], prefer: dict[str, int] | None = None
) -> dict[str, float]:
    """The files that ran the paper's experiments: for every paragraph (or table) of
    settings, the script whose definitions agree with at least two of its values best."""
    from arakit.compiler.reconcile.align import align, build_units

    groups: dict[int, list[PaperSetting]] = {}
    for st in settings:
        if st.values and not st.negative:
            groups.setdefault(st.group, []).append(st)
    units = build_units(params)
    fits = [f for f in (align(g, units, prefer) for g in groups.values()) if f is not None]
    found: dict[str, float] = {}
    for f in fits:
        if f.agree >= 1.5:  # two of a paragraph's values, or one and the section's name
            found[f.unit.main] = found.get(f.unit.main, 0.0) + f.agree
    if not found:  # a short paper: each paragraph states one value the code also sets
        # (a value any program holds, 0, 1 or a small count, agrees by chance: a summation
        # index `k = 1` is no evidence that the script setting `k = 1.0` is the code)
        plain = [[s for s in g if not _tiny(s)] for g in groups.values()]
        for one in (align(g, units, prefer) for g in plain if g):
            if one is not None and one.conflicts == 0:
                found[one.unit.main] = found.get(one.unit.main, 0.0) + one.agree
    return found


TINY = 10  # integers up to this are what every program sets somewhere


def _tiny(setting: PaperSetting) -> bool:
    """True for a setting whose every value is a small whole number (0, 1, 2, ... 10)."""
    vals = setting.values
    return bool(vals) and all(v == int(v) and abs(v) <= TINY for v in vals)


def choose_folders(
    files: list[str],
    params: list[CodeParam],
    settings: list[PaperSetting],
    text: str,
    own: set[str],
    read: Callable[[str], str | None] | None = None,
    pdf: str = "",
    prefer: dict[str, int] | None = None,
    edited: Callable[[str], bool] | None = None,
) -> tuple[list[str], list[tuple[str, str]], str]:
    """(folders in scope, folders set aside, reason); `own` holds the paper itself (`pdf`,
    its path); `edited` tells a folder the history changed after adding it (aside.py).
    Launch files and scripts beside the paper are added by entrypoints.py."""
    # a folder the paper prints as a path (a link to `.../paper/archive/script.R`) is the
    # paper's however it is named
    aside = [
        (f, why) for f, why in set_aside(files, own, read, pdf, edited) if not _printed(f, text)
    ]
    stock = unloaded(files, read) if read is not None else {}
    aside += _unloaded_folders(files, stock, aside)
    aside += _superseded(files, read, aside)
    inside = [f for f in files if not any(f == a or f.startswith(a + "/") for a, _ in aside)]
    code = [f for f in inside if f.lower().endswith(CODE_SUFFIXES)]
    # scripts directly beside the paper's PDF are its figure scripts: they join the scope
    # as files (entrypoints.py), never making the writing folder the code folder
    beside = {f for f in code if _folder(f) in own - {"", "."}}
    # a config no run loads agrees with the paper by chance only
    scored = set(code) - beside - set(stock)
    scores = _experiment_files(settings, [p for p in params if p.file in scored], prefer)
    if scores:
        dirs = {str(PurePosixPath(f).parent) for f in scores}
        older = earlier_versions(sorted(dirs))
        folders = _collapse(dirs - set(dict(older)), code)
        aside += older
        ranked = sorted(scores.items(), key=lambda x: -x[1])[:3]
        top = ", ".join(f"{f} ({sc:g})" for f, sc in ranked)
        why = f"the paper's stated values are defined in {top}"
        package = _root_package(folders, files, own, read)
        if package:
            return [""], aside, f"{why}; {package}: the package and its scripts, read whole"
        users = _package_users(folders, code, sum(scores.values()), read)
        if users:
            return [users[0]], aside, f"{why}; {users[1]}"
        parts = _paper_parts(folders, code, text)
        if parts:
            return (
                [""],
                aside,
                (
                    f"{why}; the repository's top-level code folders ({', '.join(parts)}) are "
                    "the paper's parts, each named in it: a replication package, read whole"
                ),
            )
        return folders, aside, why
    named = sorted(
        {
            d
            for d in {str(PurePosixPath(f).parent) for f in code}
            if d != "." and d not in own and _names_folder(d, text)
        }
    )
    named += sorted(
        {
            str(PurePosixPath(f).parent)
            for f in code
            if re.search(rf"\b{re.escape(PurePosixPath(f).name)}\b", text)
        }
    )
    if named:
        folders = _collapse(set(named), code)
        why = "the paper names " + ", ".join(sorted(set(named))[:4])
        package = _root_package(folders, files, own, read)
        if package:
            return [""], aside, f"{why}; {package}: the package and its scripts, read whole"
        return folders, aside, why
    built = _built_package(code, files, read) or _python_package(files, read, text)
    if built:
        return (
            [built[0]],
            aside,
            f"no stated value is defined in the code: {built[1]} at the root makes the "
            f"repository a package, its code in {built[0]}/ is taken",
        )
    # (scripts beside the paper join as files, entrypoints.py: they never make the writing
    # folder the largest code folder)
    programs = [f for f in code if f.lower().endswith(_PROGRAMS) and f not in beside]
    used = imported_package(programs, code, read)
    if used:
        return (
            [used[0]],
            aside,
            f"no stated value is defined in the code: {used[1]} of the repository's programs "
            f"import {used[0]}/, the package they build on, which is taken",
        )
    counts = Counter(f.split("/")[0] if "/" in f else "" for f in programs)
    if counts:
        top = counts.most_common(1)[0][0]
        sub = Counter(
            "/".join(f.split("/")[:2])
            for f in programs
            if f.startswith(top + "/") and f.count("/") >= 2
        )
        if top and sub and sub.most_common(1)[0][1] >= 0.6 * counts[top]:
            top = sub.most_common(1)[0][0]
        return (
            [top],
            aside,
            f"no stated value is defined in the code: the largest code folder ({top or 'the root'}) is taken",
        )
    why = "no code folder stands out: the whole repository is read"
    scripts = sorted(f for f in beside if f.lower().endswith(_PROGRAMS))
    if scripts:  # (a language the scoper does not read, beside the paper's own scripts)
        why += f" (the only programs read are beside the paper: {', '.join(scripts[:3])})"
    return [""], aside, why


WEAK_FIT = 2.0  # the alignment of one paragraph's two values: a notebook may hold them by chance


def _package_users(
    folders: list[str], code: list[str], score: float, read: Callable[[str], str | None] | None
) -> tuple[str, str] | None:
    """(package folder, why) when the chosen folders are notebooks alone, chosen on weak
    evidence (two values of one paragraph), that import the repository's own package: the
    notebooks draw the figures with it, the package is the paper's method."""
    mine = [f for f in code if any(f.startswith(d + "/") for d in folders if d)]
    programs = [f for f in mine if f.lower().endswith(_PROGRAMS)]
    if score >= WEAK_FIT or not programs or not all(f.endswith(".ipynb") for f in programs):
        return None
    used = imported_package(programs, code, read)
    if used is None:
        return None
    return used[0], (
        f"those are notebooks, {used[1]} of which import {used[0]}/, the repository's own "
        "package: the package is the method they use, and is taken"
    )


# folder names that are ordinary words of a paper's text: "results", "paper", "community"
# name such a folder only written as a path ("results/", "src/train.py")
_GENERIC_FOLDERS = frozenset(
    words(
        """
analysis appendix benchmark benchmarks code common community config configs core data demo
demos docs eval evaluation example examples experiment experiments figures images lib logs
main manuscript method methods misc model models notebooks notes output outputs paper papers
plots project report reports results runs scripts simulation simulations source src
supplementary test tests tools train training utils
"""
    )
)


def _paper_parts(folders: list[str], code: list[str], text: str) -> list[str]:
    """The top-level folders with programs when they are the paper's parts (`RQ1/`, `RQ3/` of a
    paper with research questions RQ1-RQ3): at least two, every one named in the paper by
    a name that is not an ordinary word, and the chosen folders below them but not all of
    them (the settings came from one part; the others are the paper's too). Else []."""
    tops = {f.split("/")[0] for f in code if "/" in f and f.lower().endswith(_PROGRAMS)}
    chosen = {f.split("/")[0] for f in folders if f}
    if len(tops) < 2 or not chosen <= tops or "" in folders:
        return []
    if chosen == tops and all("/" not in f for f in folders):
        return []  # the chosen folders are the top-level folders themselves
    for t in tops:
        if t.lower() in _GENERIC_FOLDERS or not re.search(rf"(?<![\w/]){re.escape(t)}\b", text):
            return []
    return sorted(tops)


def _printed(folder: str, text: str) -> bool:
    """True when the paper prints the folder as a path (`docs/paper/archive/run.R`,
    `.../blob/main/old/`)."""
    tail = "/" if "/" in folder else r"/[\w.-]+\.[A-Za-z]{1,4}\b"  # `old/run.py`, not `old/new`
    return re.search(rf"(?<![\w.-]){re.escape(folder)}{tail}", text) is not None


def _names_folder(folder: str, text: str) -> bool:
    """True when the paper's text names this folder: as a path, or by a name that is not an
    ordinary word (`torchid`, `FeatureRichEncoding`, `exp_2`)."""
    path = re.escape(folder)
    if re.search(rf"(?<![\w/.-]){path}/|/{path}\b", text):
        return True
    last = folder.rsplit("/", 1)[-1]
    if last.lower() in _GENERIC_FOLDERS:
        return False
    return re.search(rf"(?<![\w/]){path}\b", text) is not None


def _parent(d: str) -> str:
    p = str(PurePosixPath(d).parent)
    return "" if p == "." else p


def _collapse(dirs: set[str], code: list[str]) -> list[str]:
    """Folders without their sub-folders; siblings that are all the code of their parent,
    or three or more that are at least half of its sub-folders, become the parent."""
    norm = {"" if d == "." else d for d in dirs}
    norm = {d for d in norm if not any(d != o and (o == "" or d.startswith(o + "/")) for o in norm)}
    while True:
        parents: dict[str, set[str]] = {}
        for d in norm:
            if d:
                parents.setdefault(_parent(d), set()).add(d)
        merged = False
        for parent, kids in parents.items():
            if len(kids) < 2:
                continue
            under = {_child(parent, f) for f in code if parent == "" or f.startswith(parent + "/")}
            names = {k.rsplit("/", 1)[-1] for k in kids}
            folders = under - {""}
            # most of a folder's sub-folders (one per figure or example) are the paper's:
            # the folder is, with the scripts beside them (never the repository root)
            most = bool(parent) and len(kids) >= 3 and 2 * len(kids) >= len(folders)
            if under <= names or most:
                norm = (norm - kids) | {parent}
                merged = True
                break
        if not merged:
            return sorted(norm)


def _child(parent: str, f: str) -> str:
    """The first path part of `f` below `parent` ("" for a file directly in it)."""
    rest = f[len(parent) + 1 :] if parent else f
    return rest.split("/")[0] if "/" in rest else ""
