"""Calls the author commented out: `# train(model, criterion, loader, optimizer, n_epochs=5)`
in a notebook whose next line loads the checkpoint that call wrote. Such a call is how the
run was made before it was disabled, so the keyword values it passes are evidence of
what ran (kind `disabled`, the callee as context, at the comment's file:line). They are
never a setting of the code as it stands: reconciliation consults them only to decide
whether a function's own default is what the paper's run used (reconcile/called.py)."""

from __future__ import annotations

import ast
import json
import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.notebook import notebook_cells

_COMMENTED = re.compile(r"^\s*#+\s?(.*\S)\s*$")
# a call as a whole statement: a name, maybe dotted, and an argument list that closes
_CALL_START = re.compile(r"^(?:[A-Za-z_][\w.]*\s*=\s*)?[A-Za-z_][\w.]*\s*\(.*\)\s*$")
MAX_LINE = 400
MAX_CALLS = 500
MAX_BYTES = 8 * 1024 * 1024


def disabled_calls(text: str, rel: str) -> list[CodeParam]:
    """The literal keyword arguments of each call commented out in a Python file or in a
    notebook's code cells (a minified notebook's cells all sit at line 1)."""
    if len(text) > MAX_BYTES:
        return []
    out: list[CodeParam] = []
    for line, comment in _comment_lines(text, rel):
        out += _keywords(comment, rel, line)
        if len(out) >= MAX_CALLS:
            break
    return out


def _comment_lines(text: str, rel: str) -> list[tuple[int, str]]:
    """(line, text after `#`) of every comment line of the program."""
    if rel.endswith(".py"):
        lines = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1)]
    elif rel.endswith(".ipynb"):
        lines = _notebook_lines(text)
    else:
        return []
    out: list[tuple[int, str]] = []
    for n, ln in lines:
        m = _COMMENTED.match(ln)
        if m is not None and len(m.group(1)) <= MAX_LINE:
            out.append((n, m.group(1)))
    return out


def _notebook_lines(text: str) -> list[tuple[int, str]]:
    """The code cells' lines with their line in the .ipynb file: a cell stored as a list
    of lines one per file line after its `"source": [`, else line 1."""
    cells = notebook_cells(text)
    if cells is None:
        return []
    raw = text.splitlines()
    out: list[tuple[int, str]] = []
    for cell in cells:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get("source")
        lines = source if isinstance(source, list) else [source]
        for ln in lines:
            if not isinstance(ln, str):
                continue
            body = ln.rstrip("\n")
            at = _find_line(raw, body) if len(raw) > 1 else 0
            out.append((at + 1, body))
    return out


def _find_line(raw: list[str], body: str) -> int:
    """The index of the file line that stores `body` as a JSON string, else 0."""
    want = json.dumps(body)[1:-1]
    return next((i for i, ln in enumerate(raw) if want and want in ln), 0)


def _keywords(comment: str, rel: str, line: int) -> list[CodeParam]:
    if not _CALL_START.match(comment):
        return []
    try:
        tree = ast.parse(comment, mode="exec")
    except (SyntaxError, ValueError, RecursionError):
        return []
    if len(tree.body) != 1:
        return []
    st = tree.body[0]
    call = st.value if isinstance(st, ast.Expr | ast.Assign) else None
    if not isinstance(call, ast.Call):
        return []
    callee = ast.get_source_segment(comment, call.func) or ""
    out: list[CodeParam] = []
    for k in call.keywords:
        value = k.value
        if isinstance(value, ast.UnaryOp) and isinstance(value.op, ast.USub):
            value = value.operand
        if k.arg and isinstance(value, ast.Constant) and not isinstance(value.value, bytes):
            text = ast.get_source_segment(comment, k.value) or ""
            out.append(CodeParam(k.arg, text, rel, line, "disabled", context=callee))
    return out
