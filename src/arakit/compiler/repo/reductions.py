"""How the code reduces values: each call of a mean, median, maximum, minimum or sum
(`attentionImage.mean(axis=0)`, `np.median(scores)`, `torch.max(x, dim=1)`) in a Python
file or a notebook's code cells, as a parameter of kind `reduction`: named by the variable
it assigns (`averageAttention`, or "" when it assigns none), valued by the reduction's
family (`mean`), with what it reduces as context (`attentionImage`). Reconciliation
compares them with the reduction a paper names (`the median attention across all twelve
heads`; reconcile/reductions.py)."""

from __future__ import annotations

import ast
from dataclasses import replace

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.notebook import notebook_cells, notebook_source
from arakit.compiler.repo.syntax import parse_tolerant
from arakit.compiler.repo.syntax import nodes

# a reduction's spelling -> its family (`np.average` is a mean; `np.maximum` is elementwise
# and reduces nothing, so it is absent)
FAMILY = {
    "mean": "mean",
    "nanmean": "mean",
    "average": "mean",
    "median": "median",
    "nanmedian": "median",
    "max": "max",
    "amax": "max",
    "nanmax": "max",
    "min": "min",
    "amin": "min",
    "nanmin": "min",
    "sum": "sum",
    "nansum": "sum",
}
MAX_BYTES = 2 * 1024 * 1024
MAX_FOUND = 2000


def reductions(text: str, rel: str) -> list[CodeParam]:
    """The reductions a Python file or notebook computes (see the module doc)."""
    if len(text) > MAX_BYTES:
        return []
    one_line = False
    if rel.endswith(".ipynb"):
        source = notebook_source(text)
        if source is None:
            source, one_line = _cells(text), True
    elif rel.endswith(".py"):
        source = text
    else:
        return []
    tree = parse_tolerant(source) if source else None
    if tree is None:
        return []
    out: list[CodeParam] = []
    for node in nodes(tree):
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = _name(node.targets[0])
            out += _calls(node.value, target, rel, node.lineno if target else 0)
        elif isinstance(node, ast.Expr | ast.Return) and node.value is not None:
            out += _calls(node.value, "", rel, 0)
        if len(out) >= MAX_FOUND:
            break
    return [replace(p, line=1) for p in out] if one_line else out


def _cells(text: str) -> str | None:
    """A notebook's code cells as one source, for a notebook stored on one line (its
    reductions are then all at line 1)."""
    cells = notebook_cells(text)
    if cells is None:
        return None
    parts = []
    for c in cells:
        if isinstance(c, dict) and c.get("cell_type") == "code":
            src = c.get("source")
            parts.append("".join(src) if isinstance(src, list) else str(src or ""))
    return "\n".join(p for p in parts if parse_tolerant(p) is not None) or None


def _name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _calls(value: ast.expr, target: str, rel: str, line: int) -> list[CodeParam]:
    """The reductions in one expression; the assigned name goes to the outermost one."""
    out: list[CodeParam] = []
    for node in nodes(value):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute | ast.Name):
            continue
        spelled = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        family = FAMILY.get(spelled)
        if family is None or (isinstance(node.func, ast.Name) and spelled in ("max", "min", "sum")):
            continue  # Python's own max(a, b), sum(list): not an array's reduction
        operand = ""
        if isinstance(node.func, ast.Attribute) and not _module(node.func.value):
            operand = _name(node.func.value)
        elif node.args:
            operand = _name(node.args[0])
        name = target if node is value else ""
        at = line if name else node.lineno
        out.append(CodeParam(name, family, rel, at, "reduction", context=operand))
    return out


def _module(node: ast.expr) -> bool:
    """`np`, `numpy`, `torch`, `statistics`, `jnp`, `tf.math`: a library, not an array."""
    root = node
    while isinstance(root, ast.Attribute):
        root = root.value
    return isinstance(root, ast.Name) and root.id in (
        "np",
        "numpy",
        "torch",
        "statistics",
        "jnp",
        "jax",
        "tf",
        "pd",
        "scipy",
        "math",
    )
