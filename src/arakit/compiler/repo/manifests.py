"""Package manifests beyond requirements files: an R package's DESCRIPTION, a Julia
Project.toml, setup.py and setup.cfg. Each is read as text (setup.py is parsed, never run)
and yields what it requires, each item with the file and line that says it."""

from __future__ import annotations

import ast
import configparser
import re
import tomllib
from dataclasses import dataclass, field

from arakit.compiler.repo.syntax import nodes

# DESCRIPTION fields that list packages, and whether the package needs them to run
_R_FIELDS = {"Depends": "", "Imports": "", "LinkingTo": "", "Suggests": " (suggested)"}
_R_ITEM = re.compile(r"([A-Za-z][A-Za-z0-9.]*)\s*(\([^)]*\))?")


@dataclass
class Manifest:
    """What one manifest requires: (text, file:line) pairs."""

    python: list[tuple[str, str]] = field(default_factory=list)
    runtimes: list[tuple[str, str]] = field(default_factory=list)  # R, Julia: "R (>= 4.1)"
    dependencies: list[tuple[str, str]] = field(default_factory=list)


def r_description(text: str, rel: str) -> Manifest:
    """Depends / Imports / LinkingTo / Suggests of an R package (Debian control format: a
    field's value continues on indented lines); `R (>= x)` in Depends is the runtime."""
    out = Manifest()
    name, start, value = "", 0, ""
    lines = text.splitlines()
    for n, line in enumerate([*lines, "End:"], start=1):
        m = re.match(r"^([A-Za-z][A-Za-z0-9/@._-]*):(.*)$", line)
        if m or n > len(lines):
            if name in _R_FIELDS:
                _r_items(name, value, start, rel, out)
            name, start, value = (m.group(1), n, m.group(2)) if m else ("", n, "")
        elif line[:1].isspace():
            value += "\n" + line
    return out


def _r_items(name: str, value: str, start: int, rel: str, out: Manifest) -> None:
    for offset, chunk in enumerate(value.split("\n")):
        for item in chunk.split(","):
            m = _R_ITEM.search(item)
            if not m:
                continue
            spec = (m.group(1) + (" " + m.group(2) if m.group(2) else "")).strip()
            where = f"{rel}:{start + offset}"
            if m.group(1) == "R":
                out.runtimes.append((spec, where))
            else:
                out.dependencies.append((spec + _R_FIELDS[name], where))


def julia_project(text: str, rel: str) -> Manifest:
    """[deps] of a Julia Project.toml with their [compat] bounds; `julia = "1.6"` in
    [compat] is the runtime."""
    out = Manifest()
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return out
    deps, compat = (v if isinstance(v := data.get(k), dict) else {} for k in ("deps", "compat"))
    lines = text.splitlines()
    for name in deps:
        bound = compat.get(name)
        spec = f"{name} {bound}" if isinstance(bound, str) else name
        out.dependencies.append((spec, _line_of(lines, name, rel)))
    if isinstance(compat.get("julia"), str):
        out.runtimes.append((f"Julia {compat['julia']}", _line_of(lines, "julia", rel)))
    return out


def _line_of(lines: list[str], key: str, rel: str) -> str:
    pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
    n = next((i for i, line in enumerate(lines, start=1) if pattern.match(line)), 0)
    return f"{rel}:{n}" if n else rel


def setup_py(text: str, rel: str) -> Manifest:
    """install_requires and python_requires of setup(...) — keywords, a dict passed as
    **kwargs, or a module-level name they refer to; only literals are read."""
    out = Manifest()
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError):
        return out
    names: dict[str, ast.expr] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target = node.targets[0]
            if isinstance(target, ast.Name):
                names[target.id] = node.value
    pairs: list[tuple[str, ast.expr]] = []
    for sub in nodes(tree):
        if isinstance(sub, ast.keyword) and sub.arg:
            pairs.append((sub.arg, sub.value))
        elif isinstance(sub, ast.Dict):
            pairs += [
                (k.value, v)
                for k, v in zip(sub.keys, sub.values, strict=False)
                if isinstance(k, ast.Constant) and isinstance(k.value, str)
            ]
    for key, value in pairs:
        if isinstance(value, ast.Name):
            value = names.get(value.id, value)
        if key == "install_requires" and isinstance(value, ast.List | ast.Tuple):
            for elt in value.elts:
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                    out.dependencies.append((elt.value, f"{rel}:{elt.lineno}"))
        elif key == "python_requires" and isinstance(value, ast.Constant):
            out.python.append((str(value.value), f"{rel}:{value.lineno}"))
    return out


def setup_cfg(text: str, rel: str) -> Manifest:
    """[options] install_requires (one requirement per line) and python_requires."""
    out = Manifest()
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return out
    if not parser.has_section("options"):
        return out
    lines = text.splitlines()
    for req in parser.get("options", "install_requires", fallback="").splitlines():
        req = req.split("#", 1)[0].strip()
        if req:
            n = next((i for i, line in enumerate(lines, 1) if line.strip() == req), 0)
            out.dependencies.append((req, f"{rel}:{n}" if n else rel))
    spec = parser.get("options", "python_requires", fallback="").strip()
    if spec:
        out.python.append((spec, _line_of(lines, "python_requires", rel)))
    return out
