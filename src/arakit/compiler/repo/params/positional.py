"""Values passed by position to the project's own functions, named by their parameters.

A notebook runs the experiment as `genetic(xi_text, yi, model, 40, 1, load_cache())`:
40 and 1 are the population size and the number of generations because `genetic` is
defined in the repository as `def genetic(xi, yi, model, population_size, generations,
...)`. Each literal argument given by position to a function or class the repository
defines (resolved through the caller's imports, repo/reach.py) becomes a parameter named
after the parameter it binds (`population_size = 40`, kind `call`) at the call's
file:line, the callee as its context: the value that call ran with. A call whose value is
another call's argument (a curve drawn with `ax.plot(x, f(10.0, x))`) and the calls of a
test, debug or plotting function are not runs and give none. Keyword arguments of every
call are read by python.py already."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.notebook import notebook_source
from arakit.compiler.repo.syntax import parse_tolerant
from arakit.compiler.repo.reach import Reach

MAX_FILES = 400  # programs read for their calls
MAX_BYTES = 512 * 1024
MAX_NOTEBOOK_BYTES = 8 * 1024 * 1024
MAX_VALUE = 200


def _literal(node: ast.expr) -> bool:
    """A number, string or truth value written in place (`40`, `-1`, `1e-3`, `"adam"`)."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
    return isinstance(node, ast.Constant) and isinstance(node.value, int | float | str | bool)


def _chain(node: ast.expr) -> tuple[str, ...]:
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    return (node.id, *reversed(parts)) if isinstance(node, ast.Name) else ()


def positional_params(files: list[str], read: Callable[[str], str | None]) -> list[CodeParam]:
    """Literal positional arguments of calls of the repository's own functions and
    classes, in its Python files and notebooks, named by the parameters they bind."""
    reach = Reach(files, read)
    out: list[CodeParam] = []
    programs = [f for f in files if f.endswith((".py", ".ipynb"))][:MAX_FILES]
    sources: dict[str, str] = {}
    for rel in programs:
        text = read(rel)
        if text is None:
            continue
        if rel.endswith(".ipynb"):
            source = notebook_source(text) if len(text) <= MAX_NOTEBOOK_BYTES else None
        else:
            source = text if len(text) <= MAX_BYTES else None
        if source:
            sources[rel] = source
    # the names the repository defines: a call of any other name is a library's
    defined = {m.group(1) for src in sources.values() for m in _DEFINES.finditer(src)}
    for rel, source in sources.items():
        if defined.isdisjoint(_CALLED.findall(source)):
            continue
        tree = parse_tolerant(source)
        if tree is None:
            continue
        lines = source.splitlines()
        for node in _runs(tree):
            if _last(node.func) in defined and any(_literal(a) for a in node.args):
                out += _bound(reach, rel, node, lines)
    return out


# functions whose calls check or show the code rather than run the experiment
_NOT_RUNS = re.compile(r"^_*(?:test|debug|check|demo|plot|draw|show|visuali[sz]e)", re.I)


def _runs(tree: ast.AST) -> list[ast.Call]:
    """The calls that run something: not a call whose value is an argument of another
    call (`ax.plot(x, lorentz_psd(10.0, x))` draws a curve), and not the calls inside a
    test, debug or plotting function (`def test(): f(0.205, 0.205)`)."""
    out: list[ast.Call] = []
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and _NOT_RUNS.match(node.name):
            continue
        if isinstance(node, ast.Call):
            out.append(node)
            # its arguments' calls compute a value for it; the callee chain may call too
            stack.append(node.func)
            continue
        stack.extend(ast.iter_child_nodes(node))
    return out


_CALLED = re.compile(r"([A-Za-z_]\w*)\s*\(")
_DEFINES = re.compile(r"^[ \t]*(?:async[ \t]+)?(?:def|class)[ \t]+([A-Za-z_]\w*)", re.M)


def _last(func: ast.expr) -> str:
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _written(node: ast.expr, lines: list[str]) -> str:
    """A literal's text as written (its line sliced by the node's byte offsets)."""
    end = getattr(node, "end_lineno", None)
    if end != node.lineno or not 0 < node.lineno <= len(lines):
        return ""
    raw = lines[node.lineno - 1].encode("utf-8")
    return raw[node.col_offset : node.end_col_offset].decode("utf-8", "replace")


def _bound(reach: Reach, rel: str, call: ast.Call, lines: list[str]) -> list[CodeParam]:
    """The parameters one call passes by position to a project function or class."""
    chain = _chain(call.func)
    if not chain:
        return []
    found = reach.resolve(rel, chain)
    if found is None or not found[1]:
        return []
    module = reach.module(found[0])
    if module is None:
        return []
    name = found[1]
    signature = module.signatures.get(name) or module.signatures.get(f"{name}.__init__")
    if not signature:
        return []
    callee = ".".join(chain)
    out = []
    for i, arg in enumerate(call.args):
        if isinstance(arg, ast.Starred) or i >= len(signature):
            break
        if not _literal(arg):
            continue
        value = _written(arg, lines)
        if value and len(value) <= MAX_VALUE:
            out.append(CodeParam(signature[i], value, rel, arg.lineno, "call", context=callee))
    return out
