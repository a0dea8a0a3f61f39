"""Scoping: which part of a repository, at which commit, is the paper's code.

The commit: the one that added this exact PDF (its git blob is looked up on every ref),
or its first parent when that commit holds nothing but the PDF (a build branch); HEAD
when the PDF is not in the history. When HEAD's code differs from that commit's, the
commit's tree is read instead, and the report says so.

The folders: where the paper's stated values are defined (a script that sets five of a
paragraph's values is that experiment's code), then folders or scripts the paper names,
then the largest code folder. Abandoned (`old/`, `deprecated/`), test, documentation and
website folders, separately packaged libraries and a second paper's folder are set
aside with the reason. `--code-folder` and `--at` override the choice."""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tarfile
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from arakit import gitsafe
from arakit.compiler.errors import InputError, SourceError
from arakit.compiler.repo.params import CodeParam
from arakit.compiler.repo.params.compiled import SOURCE_SUFFIXES
from arakit.compiler.repo.source import git
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import words
from arakit.compiler.texsources import own_sources, tex_tree

CODE_SUFFIXES = (
    ".py",
    ".sh",
    ".yaml",
    ".yml",
    ".json",
    ".toml",
    ".ini",
    ".cfg",
    ".gin",
    ".r",
    ".jl",
    ".m",
    ".ipynb",
    ".launch",
    ".smk",
    "snakefile",
    "makefile",  # (lower-cased: Makefile, GNUmakefile) a pipeline's launcher
    *SOURCE_SUFFIXES,
)
# files that are programs (not configs or launch scripts): what "the largest code folder" counts
_PROGRAMS = (".py", ".ipynb", *SOURCE_SUFFIXES)
MAX_TREE_BYTES = 512 * 1024 * 1024
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


@dataclass
class Scope:
    """The paper's code: the tree read, the commit it is from, the folders in scope, what
    was set aside and why."""

    root: Path
    tree: Path
    folders: list[str] = field(default_factory=lambda: [""])
    # files outside the folders that are the paper's code too: launch files that run the
    # folders' programs, scripts beside the paper
    files: list[str] = field(default_factory=list)
    excluded: list[tuple[str, str]] = field(default_factory=list)
    commit: str = ""
    commit_label: str = ""
    pdf_path: str = ""
    pdf_blob: str = ""
    head: str = ""
    head_differs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    # names the paper presents as its own method (> 0) or as baselines (< 0)
    method: dict[str, int] = field(default_factory=dict)

    def includes(self, rel: str) -> bool:
        """True for a file inside a chosen folder and outside every folder set aside."""
        inside = any(
            f == "" or rel == f or rel.startswith(f.rstrip("/") + "/") for f in self.folders
        )
        if rel in self.files:
            return True
        return inside and not any(rel.startswith(e.rstrip("/") + "/") for e, _ in self.excluded)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for reports."""
        return {
            "folders": self.folders,
            "files": self.files,
            "excluded": [{"folder": f, "reason": r} for f, r in self.excluded],
            "commit": self.commit,
            "commit_label": self.commit_label,
            "pdf_path": self.pdf_path,
            "head": self.head,
            "head_differs": self.head_differs,
            "reasons": self.reasons,
        }


def blob_id(path: Path) -> str:
    """The git blob id (SHA-1) of a file's bytes, as `git hash-object` computes it."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _has_git(root: Path) -> bool:
    return (root / ".git").exists() or ((root / "HEAD").is_file() and (root / "objects").is_dir())


def paper_commit(root: Path, pdf: Path | None) -> tuple[str, str, str]:
    """(commit, path of the PDF in the repository, reason). The commit is "" when the
    PDF is not in the history (or there is no PDF)."""
    if pdf is None:
        return "", "", "no PDF given: the tree is read at HEAD"
    blob = blob_id(pdf)
    # -m: a PDF first committed in a merge (both sides edited it, the merge settled its
    # bytes) is found only in the merge's diff, which `git log` leaves out by default
    log = git(
        root,
        "log",
        "--all",
        "--reverse",
        "-m",
        "--format=%H",
        f"--find-object={blob}",
        check=False,
    )
    commits = list(dict.fromkeys(log.split()))
    if not commits:
        return (
            "",
            "",
            f"{pdf.name} is not in the repository's history on any ref: the tree is read at HEAD",
        )
    first = commits[0]
    path = ""
    for line in git(root, "ls-tree", "-r", first, check=False).splitlines():
        meta, _, name = line.partition("\t")
        if meta.split()[-1:] == [blob]:
            path = name
            break
    return first, path, f"{path or pdf.name} was added at {first[:7]}"


def _label(root: Path, commit: str) -> str:
    out = git(root, "log", "-1", "--format=%h %ad %s", "--date=short", commit, check=False).strip()
    return out or commit[:7]


def _code_files(root: Path, commit: str) -> list[str]:
    names = git(root, "ls-tree", "-r", "--name-only", commit, check=False).splitlines()
    return [n for n in names if n.lower().endswith(CODE_SUFFIXES)]


def choose_commit(root: Path, pdf: Path | None, at: str | None) -> tuple[str, str, list[str]]:
    """(commit whose tree is the paper's, path of the PDF, reasons)."""
    if at:
        sha = git(root, "rev-parse", "--verify", "--quiet", f"{at}^{{commit}}", check=False).strip()
        if not sha:
            raise InputError(
                f"--at {at}: no such commit in the repository",
                hint="give a commit hash, branch or tag",
            )
        return sha, "", [f"read at {at} as asked (--at)"]
    commit, path, why = paper_commit(root, pdf)
    reasons = [why]
    if commit and not _code_files(root, commit):
        built = _built_from(root, commit)
        # a repository of LaTeX alone (a thesis) has no code at either commit: the PDF's
        # own commit is then the paper's
        if built and _code_files(root, built):
            reasons.append(
                f"{commit[:7]} holds no code (a build of the PDF): {built[:7]}, the commit it "
                "was built from, is read"
            )
            commit = built
    return commit, path, reasons


def _built_from(root: Path, commit: str) -> str:
    """The tree a code-less PDF commit was built from: its parent, or, for an orphan
    commit pushed by a CI job, the newest commit with code made before it on any ref."""
    parent = git(root, "rev-parse", "--verify", "--quiet", f"{commit}^", check=False).strip()
    if parent:
        return parent
    when = git(root, "log", "-1", "--format=%ct", commit, check=False).strip()
    if not when:
        return ""
    for cand in git(
        root, "rev-list", "--all", f"--before={when}", "--max-count=20", check=False
    ).split():
        if cand != commit and _code_files(root, cand):
            return cand
    return ""


def export_tree(root: Path, commit: str, dest: Path) -> Path:
    """The files of `commit` written under `dest` (no .git), by `git archive`."""
    try:
        done = subprocess.run(
            gitsafe.argv(["-C", str(root), "archive", "--format=tar", commit]),
            capture_output=True,
            env=gitsafe.env(),
            stdin=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as e:
        raise SourceError(str(root), f"git archive {commit[:7]} failed: {e}") from None
    if done.returncode != 0 or len(done.stdout) > MAX_TREE_BYTES:
        raise SourceError(
            str(root),
            f"git archive {commit[:7]} failed: {done.stderr.decode(errors='replace').strip()}",
        )
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        tar.extractall(dest, filter="data")
    return dest


@contextmanager
def paper_tree(root: Path, pdf: Path | None, at: str | None = None) -> Iterator[Scope]:
    """The scope's tree and commit (folders are chosen later, from the parameters)."""
    if not _has_git(root):
        yield Scope(root, root, reasons=["not a git repository: the folder is read as it is"])
        return
    head = git(root, "rev-parse", "--verify", "--quiet", "HEAD", check=False).strip()
    commit, path, reasons = choose_commit(root, pdf, at)
    scope = Scope(root, root, commit=commit or head, pdf_path=path, head=head, reasons=reasons)
    scope.pdf_blob = blob_id(pdf) if pdf is not None else ""
    scope.commit_label = _label(root, scope.commit) if scope.commit else ""
    if not commit or commit == head:
        yield scope
        return
    diff = git(
        root,
        "diff",
        "--name-only",
        commit,
        head,
        "--",
        *[f"*{s}" for s in CODE_SUFFIXES],
        "*Makefile",
        check=False,
    )
    scope.head_differs = diff.split()
    if not scope.head_differs and (root / ".git").exists():
        scope.reasons.append(
            f"HEAD's code is the same as at {commit[:7]}: the working tree is read"
        )
        yield scope
        return
    tmp = Path(tempfile.mkdtemp(prefix="ara-scope-"))
    try:
        try:
            scope.tree = export_tree(root, commit, tmp / "tree")
        except SourceError as e:  # objects missing from a partial clone or a damaged repository
            scope.reasons.append(
                f"the tree at {commit[:7]} cannot be read ({e.reason.splitlines()[0]}): "
                "the working tree is read instead"
            )
            yield scope
            return
        n = len(scope.head_differs)
        scope.reasons.append(
            f"HEAD differs from {commit[:7]} in {n} code file{'s' if n != 1 else ''}"
            + (f" ({', '.join(scope.head_differs[:4])}{', …' if n > 4 else ''})" if n else "")
            + f": the tree at {commit[:7]} is read, not HEAD"
        )
        yield scope
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


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
) -> list[tuple[str, str]]:
    """Folders that are not the paper's code, with the reason. `own` are the folders that
    hold the paper itself (never another paper's); a LaTeX folder whose main file has the
    PDF's name (`src/tex/ms.tex` for `ms.pdf`), a folder of files that main file inputs
    (a thesis's chapters), or whose `\\title` is the title of a PDF kept in `own` is the
    paper's own sources too."""
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
    return sorted(out.items())


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


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
        for f in fits:
            if f.conflicts == 0:
                found[f.unit.main] = found.get(f.unit.main, 0.0) + f.agree
    return found


def choose_folders(
    files: list[str],
    params: list[CodeParam],
    settings: list[PaperSetting],
    text: str,
    own: set[str],
    read: Callable[[str], str | None] | None = None,
    pdf: str = "",
    prefer: dict[str, int] | None = None,
) -> tuple[list[str], list[tuple[str, str]], str]:
    """(folders in scope, folders set aside, reason); `own` holds the paper itself (`pdf`,
    its path). Launch files and scripts beside the paper are added by entrypoints.py."""
    # a folder the paper prints as a path (a link to `.../paper/archive/script.R`) is the
    # paper's however it is named
    aside = [(f, why) for f, why in set_aside(files, own, read, pdf) if not _printed(f, text)]
    inside = [f for f in files if not any(f.startswith(a + "/") for a, _ in aside)]
    code = [f for f in inside if f.lower().endswith(CODE_SUFFIXES)]
    # scripts directly beside the paper's PDF are its figure scripts: they join the scope
    # as files (entrypoints.py), never making the writing folder the code folder
    beside = {f for f in code if _folder(f) in own - {"", "."}}
    scored = set(code) - beside
    scores = _experiment_files(settings, [p for p in params if p.file in scored], prefer)
    if scores:
        folders = _collapse({str(PurePosixPath(f).parent) for f in scores}, code)
        ranked = sorted(scores.items(), key=lambda x: -x[1])[:3]
        top = ", ".join(f"{f} ({sc:g})" for f, sc in ranked)
        why = f"the paper's stated values are defined in {top}"
        package = _root_package(folders, files, own)
        if package:
            return [""], aside, f"{why}; {package}: the package and its scripts, read whole"
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
        package = _root_package(folders, files, own)
        if package:
            return [""], aside, f"{why}; {package}: the package and its scripts, read whole"
        return folders, aside, why
    programs = [f for f in code if f.lower().endswith(_PROGRAMS)]
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
    return [""], aside, "no code folder stands out: the whole repository is read"


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


# a package defined at the repository root, and the folder its code lives in
_ROOT_PACKAGES = {"DESCRIPTION": ("R",), "Project.toml": ("src",), "pyproject.toml": ("src",),
                  "setup.py": ("src",), "Cargo.toml": ("src",)}  # fmt: skip


def _root_package(folders: list[str], files: list[str], own: set[str]) -> str:
    """Why the root is the code when the chosen folders are the source folder of a package
    defined at the root (`R/` beside `DESCRIPTION`) and another top-level folder (its
    benchmark scripts); "" otherwise. The paper's own folder does not count."""
    tops = {f.split("/")[0] for f in folders if f and f not in own and f.split("/")[0] not in own}
    if len(tops) < 2:
        return ""
    have = set(files)
    for marker, sources in _ROOT_PACKAGES.items():
        for src in sources:
            if marker in have and src in tops:
                return f"{src}/ is the package {marker} defines at the root, {', '.join(sorted(tops - {src}))} beside it"
    return ""


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
