"""Parameters in Jupyter notebooks: the code cells read as Python, each definition kept
at its line of the .ipynb file.

Research code often lives in notebooks (one per figure or experiment), so a value the paper
states is as likely to be set in a cell (`nwalkers = 32`, `nburn=500`) as in a script.
Each code cell is parsed on its own — one cell that does not parse (a half-written cell, a
cell of shell commands) costs only that cell. IPython magics and shell escapes (`%time`,
`!pip install`) are blanked so the rest of the cell parses. Lines are those of the .ipynb
file as nbformat writes it (one source line per JSON line); where a notebook stores a cell's
source as one string, its definitions point at the cell's `"source"` line.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from typing import Any

from arakit.compiler.repo.params.choices import choice_params
from arakit.compiler.repo.params.intervals import interval_params
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.python import is_main_guard, python_params
from arakit.compiler.repo.syntax import parse_tolerant
from arakit.compiler.repo.params.superseded import superseded

_SOURCE_KEY = re.compile(r'^\s*"source"\s*:\s*(\[)?')
_MAGIC = re.compile(r"^\s*[%!]")


def notebook_cells(text: str) -> list[Any] | None:
    """A notebook's cells as nbformat stores them, or None when `text` is not a notebook."""
    try:
        nb = json.loads(text)
    except (ValueError, RecursionError):
        return None
    cells = nb.get("cells") if isinstance(nb, dict) else None
    return cells if isinstance(cells, list) else None


def notebook_params(text: str, rel: str) -> list[CodeParam]:
    """Parameters of every code cell of a notebook; a file that is not a notebook yields none."""
    cells = notebook_cells(text)
    if cells is None:
        return []
    raw = text.splitlines()
    keys = [(i, m.group(1) is not None) for i, ln in enumerate(raw) if (m := _SOURCE_KEY.match(ln))]
    aligned = len(keys) == sum(isinstance(c, dict) and "source" in c for c in cells)
    out: list[CodeParam] = []
    k = -1
    for cell in cells:
        if not isinstance(cell, dict) or "source" not in cell:
            continue
        k += 1
        if cell.get("cell_type") != "code":
            continue
        lines = _source_lines(cell["source"])
        if lines is None:
            continue
        code = "\n".join("" if _MAGIC.match(ln) else ln for ln in lines)
        at, listed = keys[k] if aligned else (-1, False)
        for p in python_params(code, rel) + choice_params(code, rel) + interval_params(code, rel):
            # nbformat: `"source": [` on line at+1, the cell's first line on at+2
            line = at + 1 + p.line if listed else max(at + 1, 1)
            out.append(replace(p, line=line))
    return _last_assignments(text, out)


def _last_assignments(text: str, found: list[CodeParam]) -> list[CodeParam]:
    """The definitions without those a later cell replaces before any cell reads them
    (`epochs = 40` in one cell, `epochs = 10` in a later one: 10 ran)."""
    source = notebook_source(text)
    tree = parse_tolerant(source) if source is not None else None
    if tree is None:
        return found
    replaced = superseded(tree, is_main_guard)
    return [p for p in found if p.kind != "script" or (p.name, p.line) not in replaced]


def notebook_source(text: str) -> str | None:
    """The notebook's code cells as one Python source whose line numbers are those of the
    .ipynb file (every other line blank), for reading what the notebook imports and calls;
    None when it is not a notebook or its cells cannot be placed at their lines."""
    cells = notebook_cells(text)
    if cells is None:
        return None
    raw = text.splitlines()
    keys = [(i, m.group(1) is not None) for i, ln in enumerate(raw) if (m := _SOURCE_KEY.match(ln))]
    if len(keys) != sum(isinstance(c, dict) and "source" in c for c in cells):
        return None
    out = [""] * len(raw)
    k = -1
    for cell in cells:
        if not isinstance(cell, dict) or "source" not in cell:
            continue
        k += 1
        at, listed = keys[k]
        lines = _source_lines(cell["source"]) if cell.get("cell_type") == "code" else None
        if not lines or not listed or at + len(lines) >= len(out):
            continue
        for i, ln in enumerate(lines):
            out[at + 1 + i] = "" if _MAGIC.match(ln) else ln
    return "\n".join(out)


def _source_lines(source: Any) -> list[str] | None:
    """A cell's source as lines (nbformat stores a list of lines or one string)."""
    if isinstance(source, str):
        return source.split("\n")
    if isinstance(source, list) and all(isinstance(s, str) for s in source):
        return "".join(source).split("\n")
    return None
