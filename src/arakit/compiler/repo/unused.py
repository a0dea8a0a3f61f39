"""Results prepared for the paper and never put in it: a LaTeX table file that no document
`\\input`s while the tables beside it are.

A thesis or paper kept in LaTeX often holds each results table in a file of its own
(`tables/evaluations/others.tex`) pulled in with `\\input{...}`. A table file written with
its siblings but never pulled in (its \\input never written, or commented out) holds
results the authors prepared and left out: a dead end citing the commit that added it.
Only tables in a folder some of whose tables ARE included count: a folder nobody includes
is an archive or generated output, not a choice made table by table.
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import BlobReader, Commit
from arakit.compiler.repo.source import git

MAX_TEX = 400  # .tex files read at the head
MAX_CHARS = 400_000
_INCLUDE = re.compile(
    r"\\(?:input|include|subfile|subimport\*?\{[^}]*\}|import\*?\{[^}]*\}|inputminted)"
    r"\s*\{([^}]+)\}"
)
_TABLE = re.compile(r"\\begin\{(?:tabular[x*]?|longtable|table\*?|tabu|supertabular)\}")
_COMMENT = re.compile(r"(?<!\\)%.*$", re.M)
_CAPTION = re.compile(r"\\caption(?:\[[^\]]*\])?\{([^{}]{3,160})")


def unused_tables(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    """One dead end per table file at `head` that no LaTeX file includes while a table in
    the same folder is included."""
    listing = git(repo, "ls-tree", "-r", "-z", "--full-tree", head, check=False).split("\0")
    tex: dict[str, str] = {}  # path -> blob
    for entry in listing:
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and path.lower().endswith(".tex"):
            tex[path] = parts[2]
    if len(tex) < 2 or len(tex) > MAX_TEX:
        return []
    read = BlobReader(repo, MAX_TEX, MAX_CHARS)
    try:
        texts = {p: read(b, p) or "" for p, b in tex.items()}
    finally:
        read.close()
    if not any("\\documentclass" in t for t in texts.values()):
        return []
    included: set[str] = set()
    for text in texts.values():
        for m in _INCLUDE.finditer(_COMMENT.sub("", text)):
            ref = m.group(1).strip().removeprefix("./")
            included.add(ref[:-4] if ref.lower().endswith(".tex") else ref)
    tables = [
        p
        for p, t in texts.items()
        if _TABLE.search(_COMMENT.sub("", t)) and "\\documentclass" not in t
    ]
    used = {p for p in tables if _included(p, included)}
    out: list[Finding] = []
    shown: set[str] = set()  # one finding per content: a copy in the slides is the same table
    for path in tables:
        folder = PurePosixPath(path).parent
        if path in used or not any(PurePosixPath(u).parent == folder for u in used):
            continue
        if tex[path] in shown or _copy_of_used(path, used):
            continue
        shown.add(tex[path])
        added = _added_in(path, commits)
        if added is None:
            continue
        caption = _CAPTION.search(texts[path])
        said = f' ("{caption.group(1).strip()}")' if caption else ""
        out.append(
            Finding(
                kind="dead_end",
                pattern="unused-table",
                title=f"Table {PurePosixPath(path).name} prepared and never included",
                commits=[added.sha],
                files=[path],
                what=f"the table in {path}{said}, added in {added.short} ({added.subject})",
                why=f"no LaTeX file includes {path}, while "
                + ", ".join(sorted(u for u in used if PurePosixPath(u).parent == folder)[:3])
                + " beside it are included",
                date=added.date,
            )
        )
    return out


def _copy_of_used(path: str, used: set[str]) -> bool:
    """`table-kevtan.tex` beside the included `table.tex`: someone's copy of a table the
    document shows, not results of its own."""
    p = PurePosixPath(path)
    return any(
        PurePosixPath(u).parent == p.parent
        and p.stem.startswith((f"{PurePosixPath(u).stem}-", f"{PurePosixPath(u).stem}_"))
        for u in used
    )


def _included(path: str, refs: set[str]) -> bool:
    stem = path[:-4]
    return any(stem == r or stem.endswith("/" + r) or r.endswith("/" + stem) for r in refs)


def _added_in(path: str, commits: dict[str, Commit]) -> Commit | None:
    """The oldest main-line commit that added `path` (commits are held oldest first)."""
    for c in commits.values():
        if c.mainline and any(ch.path == path and ch.status in "ACR" for ch in c.changes):
            return c
    return None


_DOCS = ("*.md", "*.Rmd", "*.rmd", "*.qmd", "*.tex", "*.rst", "*.txt")


def cited(repo: Path, head: str, names: list[str]) -> set[str]:
    """The strings among `names` (file names, or folder/name) that a document at `head`
    (Markdown, LaTeX, reST) mentions."""
    if not names:
        return set()
    patterns = [a for n in sorted(set(names)) for a in ("-e", n)]
    out = git(repo, "grep", "-o", "-h", "-I", "-F", *patterns, head, "--", *_DOCS, check=False)
    return {line.split(":", 1)[-1].strip() for line in out.splitlines()} & set(names)
