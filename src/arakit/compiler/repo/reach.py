"""What the paper's scripts reach in the repository's own packages.

The experiment scripts of a paper often set few values themselves: the method lives in
an in-repository package they import (`import stardate as sd`, `from torchid.ssmodels_ct
import MechanicalStateSpaceSystem`), and its defaults are what ran. This module follows
the scripts' imports to the top-level functions, classes and constants they name, then
the names those use in turn (inside a module and across its imports, re-exports through
`__init__.py` and `from m import *` included), and says for each one which script
reaches it and at which line. A definition of the same package that no script reaches
(another model class's initialisation, an unused helper's default) is not reached.

Only names are followed (a call graph by name, not by type): a method called on an
instance counts as reached through its class."""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from arakit.compiler.repo.params.python import is_main_guard, parse_tolerant

MAX_MODULES = 1000  # modules parsed per repository
MAX_MODULE_BYTES = 512 * 1024
MAX_STEPS = 200_000  # names resolved in all, whatever the number of scripts

Ref = tuple[tuple[str, ...], int]  # a dotted name as written and its line


@dataclass
class _Module:
    """One parsed module: its top-level definitions (name -> line span), the names each
    uses, and its import table (local name -> (module file, attribute or ""))."""

    rel: str
    tops: dict[str, tuple[int, int]] = field(default_factory=dict)
    uses: dict[str, list[Ref]] = field(default_factory=dict)  # "" = module-level code
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    star: list[str] = field(default_factory=list)  # modules imported with `*`


def _chain(node: ast.expr) -> tuple[str, ...]:
    """`sd.Star` gives (sd, Star); () when the base is not a name (`f().x`)."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ()
    return (node.id, *reversed(parts))


def _names_in(node: ast.AST) -> list[Ref]:
    """Every dotted name read inside `node` (`sd.Star`, `lnprob`), longest form only."""
    out: list[Ref] = []
    inner: set[int] = set()
    for n in ast.walk(node):
        if isinstance(n, ast.Attribute):
            inner.add(id(n.value))
    for n in ast.walk(node):
        if id(n) in inner or not isinstance(n, ast.Attribute | ast.Name):
            continue
        chain = _chain(n)
        if chain:
            out.append((chain, n.lineno))
    return out


class Reach:
    """The repository's Python modules, parsed on demand, and the names they resolve to."""

    def __init__(self, files: list[str], read: Callable[[str], str | None]) -> None:
        self.files = set(files)
        self._read = read
        self._mods: dict[str, _Module | None] = {}

    def module_file(self, dotted: str, here: str, level: int) -> str:
        """The repository file of an import (`torchid.ssmodels_ct` from examples/EMPS/x.py),
        or "" when it is not in the repository."""
        base = PurePosixPath(here).parent
        for _ in range(max(level - 1, 0)):
            base = base.parent
        parts = dotted.split(".") if dotted else []
        roots = [base] if level else [PurePosixPath("."), PurePosixPath("src"), base]
        for root in roots:
            stem = root.joinpath(*parts) if parts else root
            for cand in (f"{stem}.py", f"{stem}/__init__.py"):
                c = cand.removeprefix("./")
                if c in self.files:
                    return c
        return ""

    def module(self, rel: str) -> _Module | None:
        if rel in self._mods:
            return self._mods[rel]
        mod = None
        if len(self._mods) < MAX_MODULES:
            text = self._read(rel)
            if text is not None and len(text) <= MAX_MODULE_BYTES:
                mod = self._parse(rel, text)
        self._mods[rel] = mod
        return mod

    def _parse(self, rel: str, text: str) -> _Module | None:
        tree = parse_tolerant(text)
        if tree is None:
            return None  # a module that cannot be parsed reaches nothing
        m = _Module(rel)
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for a in node.names:
                    target = self.module_file(a.name, rel, 0)
                    if not target:
                        continue
                    if a.asname:
                        m.imports[a.asname] = (target, "")
                    else:  # `import a.b` binds `a`; `a.b.X` resolves through it
                        top = self.module_file(a.name.split(".")[0], rel, 0)
                        if top:
                            m.imports[a.name.split(".")[0]] = (top, "")
            elif isinstance(node, ast.ImportFrom):
                source = self.module_file(node.module or "", rel, node.level)
                for a in node.names:
                    sub = f"{node.module}.{a.name}" if node.module else a.name
                    submodule = self.module_file(sub, rel, node.level)
                    if a.name == "*":
                        if source:
                            m.star.append(source)
                    elif submodule:
                        m.imports[a.asname or a.name] = (submodule, "")
                    elif source:
                        m.imports[a.asname or a.name] = (source, a.name)
        module_level: list[Ref] = []
        for stmt in tree.body:
            span = (stmt.lineno, getattr(stmt, "end_lineno", None) or stmt.lineno)
            if isinstance(stmt, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                m.tops[stmt.name] = span
                m.uses[stmt.name] = _names_in(stmt)
                continue
            if isinstance(stmt, ast.Assign | ast.AnnAssign):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for t in targets:
                    for n in ast.walk(t):
                        if isinstance(n, ast.Name):
                            m.tops.setdefault(n.id, span)
                            m.uses.setdefault(n.id, []).extend(
                                _names_in(stmt.value) if stmt.value else []
                            )
            if isinstance(stmt, ast.If) and is_main_guard(stmt.test):
                m.tops["__main__"] = span  # runs only as a script, never on import
                m.uses["__main__"] = _names_in(stmt)
            elif not isinstance(stmt, ast.Import | ast.ImportFrom):
                module_level += _names_in(stmt)
        m.uses[""] = module_level
        return m

    def resolve(
        self, rel: str, chain: tuple[str, ...], seen: set[tuple[str, str]] | None = None
    ) -> tuple[str, str] | None:
        """(file, top-level name) a dotted name in `rel` denotes, or (file, "") for a
        module; None when it is not defined in the repository."""
        seen = set() if seen is None else seen
        m = self.module(rel)
        if m is None or not chain or (rel, chain[0]) in seen or len(seen) > 64:
            return None  # unreadable, or a cycle of re-exports
        seen.add((rel, chain[0]))
        head, rest = chain[0], chain[1:]
        if head in m.tops:
            return (rel, head)
        if head in m.imports:
            target, attr = m.imports[head]
            if attr:
                return self.resolve(target, (attr, *rest), seen)
            if not rest:
                return (target, "")
            return self.resolve(target, rest, seen) or self._submodule(target, rest, seen)
        for source in m.star:
            found = self.resolve(source, chain, seen)
            if found is not None:
                return found
        return None

    def _submodule(
        self, package: str, rest: tuple[str, ...], seen: set[tuple[str, str]]
    ) -> tuple[str, str] | None:
        """`a.b.X` where `a` is a package and `b` its module, not imported in `a`."""
        if not package.endswith("__init__.py"):
            return None
        sub = self.module_file(rest[0], package, 1)
        if not sub:
            return None
        return self.resolve(sub, rest[1:], seen) if rest[1:] else (sub, "")

    def enclosing(self, rel: str, line: int) -> str | None:
        """The top-level definition of `rel` that holds `line` ("" at module level), or None
        when the module cannot be read."""
        m = self.module(rel)
        if m is None:
            return None
        for name, (start, end) in m.tops.items():
            if start <= line <= end:
                return name
        return ""


def reached_from(
    reach: Reach, starts: list[str], inside: Callable[[str], bool]
) -> dict[tuple[str, str], list[tuple[str, int]]]:
    """Every top-level definition outside the scope (`inside` false) that the scripts
    `starts` reach, with each script that reaches it and the line of that script where
    the chain begins: {(file, name): [(script, line), ...]}. A module's own top-level
    code (name "") counts as reached with the module; its `__main__` block never does."""
    out: dict[tuple[str, str], list[tuple[str, int]]] = {}
    steps = 0
    for start in starts:
        m = reach.module(start)
        if m is None:
            continue
        queue: deque[tuple[str, str, tuple[str, int]]] = deque(
            (start, ".".join(chain), (start, line))
            for uses in m.uses.values()
            for chain, line in uses
        )
        seen: set[tuple[str, str]] = set()
        while queue and steps < MAX_STEPS:
            steps += 1
            rel, dotted, origin = queue.popleft()
            target = reach.resolve(rel, tuple(dotted.split(".")))
            if target is None or inside(target[0]) or target[1] == "__main__":
                continue
            for key in (target, (target[0], "")):
                if key in seen:
                    continue
                seen.add(key)
                out.setdefault(key, []).append(origin)
                mod = reach.module(key[0])
                for chain, _ in mod.uses.get(key[1], []) if mod else []:
                    queue.append((key[0], ".".join(chain), origin))
    return out
