"""Folders of configs: which chosen folders hold configuration only, and what runs them.

A folder of configs runs nothing by itself: YAML, JSON, TOML or INI files, or Python
modules that only assign values (`data/priors/KOI_7913_priors.py` holding
`priordict = {...}`, a loop filling it included). The programs that run it are either
beside it (`run.py --config config/sib.yaml`) or, when nothing beside it is a program,
the programs elsewhere that name it in a string (`join(DATADIR, 'priors', f'{star}_priors.py')`
in `drivers/run_fit.py`). entrypoints.py widens the scope to them."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import PurePosixPath

from arakit.compiler.repo.params import is_config
from arakit.compiler.scope.model import _PROGRAMS

MAX_LOADERS = 50
# programs that may load a config by a path they build
_LOADERS = (".py", ".sh", ".jl", ".r", ".m", ".ipynb")


def _folder(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


def configs_only(
    folder: str, code: list[str], read: Callable[[str], str | None] | None = None
) -> bool:
    """True for a folder whose code files are all configs: YAML, JSON, TOML, INI..., or
    Python modules that only assign values (`priordict = {...}`, read with `read`)."""
    mine = [c for c in code if c.startswith(folder + "/")]
    return bool(mine) and all(_is_config_file(c, read) for c in mine)


def _is_config_file(rel: str, read: Callable[[str], str | None] | None) -> bool:
    if is_config(rel) and not rel.lower().endswith(_PROGRAMS):
        return True
    return rel.endswith(".py") and read is not None and _values_only(read(rel) or "")


def _values_only(text: str) -> bool:
    """True for Python source that only imports and assigns values (a module of settings
    or priors, a loop filling its table included): no function, class or statement that
    calls something for its effect (`print(...)`, `fit(...)`)."""
    try:
        body = ast.parse(text).body
    except (SyntaxError, ValueError):
        return False
    values = any(isinstance(s, (ast.Assign, ast.AnnAssign)) for s in body)
    return values and all(_assigns(s) for s in body)


_ASSIGNS = (ast.Import, ast.ImportFrom, ast.Assign, ast.AnnAssign, ast.AugAssign)


def _is_doc(st: ast.stmt) -> bool:
    return isinstance(st, ast.Expr) and isinstance(st.value, ast.Constant)


def _assigns(st: ast.stmt) -> bool:
    if isinstance(st, _ASSIGNS) or _is_doc(st):
        return True
    if isinstance(st, (ast.For, ast.If)):
        return all(_assigns(s) for s in [*st.body, *st.orelse])
    return False


def programs_beside(folder: str, code: list[str], read: Callable[[str], str | None] | None) -> bool:
    """True when the folder holding `folder` holds programs outside it (not configs)."""
    parent = _folder(folder)
    return any(
        (parent == "" or c.startswith(parent + "/"))
        and not c.startswith(folder + "/")
        and c.lower().endswith(_PROGRAMS)
        and not _is_config_file(c, read)
        for c in code
    )


def config_loaders(
    folder: str, code: list[str], read: Callable[[str], str | None] | None
) -> list[str]:
    """The programs outside `folder` that name it in a string, by its path or its last
    name (`'data/priors'`, `join(DATADIR, 'priors', f'{star}_priors.py')`): what loads
    its configs. At most MAX_LOADERS, in path order."""
    if read is None:
        return []
    name = re.escape(PurePosixPath(folder).name)
    rx = re.compile(rf"[\"'](?:[\w./-]*/)?{name}(?:/[^\"'\n]*)?[\"']")
    out = []
    for c in code:
        if c.startswith(folder + "/") or not c.lower().endswith(_LOADERS):
            continue
        if rx.search(read(c) or ""):
            out.append(c)
            if len(out) >= MAX_LOADERS:
                break
    return out
