"""Which LaTeX files are the paper's own sources: the main file named as the PDF
(`tesis.tex` for `tesis.pdf`) and everything it inputs, or a file with the PDF's title.
Scoping sets other LaTeX folders aside as another paper's."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import PurePosixPath


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


def own_sources(
    tex: str,
    files: list[str],
    own: set[str],
    read: Callable[[str], str | None] | None,
    pdf: str = "",
) -> bool:
    """True when `tex` is the source of the paper whose PDF lies in an `own` folder: the
    same file name (`ms.tex`, `ms.pdf`), or the same `\\title` as a .tex beside that PDF."""
    stem = PurePosixPath(tex).stem
    pdfs = [f for f in files if f.lower().endswith(".pdf") and _folder(f) in own] + [pdf]
    if any(PurePosixPath(p).stem == stem for p in pdfs):
        return True
    if read is None:
        return False
    mine = _title(read(tex) or "")
    if not mine:
        return False
    beside = [f for f in files if f.endswith(".tex") and _folder(f) in own and f != tex]
    return any(_title(read(f) or "") == mine for f in beside[:20])


_TEX_INPUT = re.compile(
    r"\\(?:input|include|subfile|includefrom|subimport\*?\{[^}]*\}|import\*?\{[^}]*\})"
    r"\s*\{([^{}\n]{1,200})\}"
)
MAX_TEX = 300


def tex_tree(
    files: list[str], own: set[str], read: Callable[[str], str | None] | None, pdf: str = ""
) -> set[str]:
    """The .tex files that build the paper: its main file (the .tex named as a PDF of an
    `own` folder, `tesis.tex` for `tesis.pdf`) and every file it `\\input`s or `\\include`s,
    followed down (a thesis's chapters in `content/`, its appendices)."""
    if read is None:
        return set()
    texs = {f for f in files if f.endswith(".tex")}
    stems = {
        PurePosixPath(f).with_suffix("")
        for f in files
        if f.lower().endswith(".pdf") and _folder(f) in own
    }
    if pdf:
        stems.add(PurePosixPath(pdf).with_suffix(""))
    # a PDF built into an output folder (`latexmk -outdir=build`: paper/build/main.pdf) has
    # its main file above it (paper/main.tex)
    near = [
        str(PurePosixPath(*s.parts[:k], s.name)) + ".tex"
        for s in stems
        for k in range(len(s.parts) - 1, max(len(s.parts) - 4, -1), -1)
    ]
    todo = list(dict.fromkeys(t for t in near if t in texs))[:1] if near else []
    todo = [str(s) + ".tex" for s in stems if str(s) + ".tex" in texs] or todo
    # `main.tex` beside `paper.pdf` (and a template's own .tex and .pdf beside them): the
    # files of the paper's folder that are documents
    beside = sorted(f for f in texs if _folder(f) in own and f not in todo)[:40]
    todo += [f for f in beside if _DOCUMENT.search(read(f) or "")][:4]
    seen: set[str] = set()
    while todo and len(seen) < MAX_TEX:
        tex = todo.pop()
        if tex in seen:
            continue
        seen.add(tex)
        body = re.sub(r"(?<!\\)%.*", "", read(tex) or "")
        base = PurePosixPath(_folder(tex))
        for m in _TEX_INPUT.finditer(body):
            name = m.group(1).strip()
            for cand in (normal_path(base / name), PurePosixPath(name)):
                c = str(cand) if str(cand).endswith(".tex") else f"{cand}.tex"
                if c in texs and c not in seen:
                    todo.append(c)
    return seen


_DOCUMENT = re.compile(r"^\s*\\documentclass\b", re.M)


def normal_path(path: PurePosixPath) -> PurePosixPath:
    """`paper/../plots/a.tex` as `plots/a.tex` (a figure input from a sibling folder)."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if parts:
                parts.pop()
        elif part != ".":
            parts.append(part)
    return PurePosixPath(*parts) if parts else PurePosixPath(".")


def _title(tex: str) -> str:
    m = re.search(r"\\title\s*(?:\[[^\]]*\])?\s*\{([^{}]{3,300})\}", tex[:200_000])
    return " ".join(re.findall(r"[a-z0-9]+", m.group(1).lower())) if m else ""
