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
instance counts as reached through its class. Notebooks are scripts too: their code cells
are read at their lines of the .ipynb file."""

from __future__ import annotations

import ast
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from arakit.compiler.repo.params.notebook import notebook_source
from arakit.compiler.repo.params.python import is_main_guard
from arakit.compiler.repo.syntax import parse_tolerant
from arakit.compiler.repo.syntax import nodes

MAX_MODULES = 1000  # modules parsed per repository
MAX_MODULE_BYTES = 512 * 1024
MAX_NOTEBOOK_BYTES = 8 * 1024 * 1024  # outputs included; the code read is far smaller
MAX_STEPS = 200_000  # names resolved in all, whatever the number of scripts

Ref = tuple[tuple[str, ...], int]  # a dotted name as written and its line


@dataclass(frozen=True)
class _Call:
    """A call as written: the callee's last name (`fit` in `star.fit(...)`), the keywords
    it passes (`**` for `**kwargs`) and how many positional arguments (99 for `*args`)."""

    callee: str
    keywords: frozenset[str]
    positional: int


def _calls_in(node: ast.AST) -> list[_Call]:
    out = []
    for n in nodes(node):
        if not isinstance(n, ast.Call):
            continue
        f = n.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        if not name:
            continue
        kws = frozenset(k.arg if k.arg else "**" for k in n.keywords)
        npos = 99 if any(isinstance(a, ast.Starred) for a in n.args) else len(n.args)
        out.append(_Call(name, kws, npos))
    return out


def _signature(fn: ast.FunctionDef | ast.AsyncFunctionDef, method: bool) -> list[str]:
    names = [a.arg for a in fn.args.posonlyargs + fn.args.args]
    static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in fn.decorator_list)
    return names[1:] if method and not static and names else names


@dataclass
class _Module:
    """One parsed module: its top-level definitions (name -> line span), the names each
    uses, and its import table (local name -> (module file, attribute or ""))."""

    rel: str
    tops: dict[str, tuple[int, int]] = field(default_factory=dict)
    uses: dict[str, list[Ref]] = field(default_factory=dict)  # "" = module-level code
    imports: dict[str, tuple[str, str]] = field(default_factory=dict)
    star: list[str] = field(default_factory=list)  # modules imported with `*`
    calls: dict[str, list[_Call]] = field(default_factory=dict)  # by top-level name, as uses
    # positional parameters of each function and method (`Star.fit`), `self` left out
    signatures: dict[str, list[str]] = field(default_factory=dict)


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
    for n in nodes(node):
        if isinstance(n, ast.Attribute):
            inner.add(id(n.value))
    for n in nodes(node):
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
            if text is not None and rel.endswith(".ipynb"):
                text = notebook_source(text) if len(text) <= MAX_NOTEBOOK_BYTES else None
            if text is not None and len(text) <= MAX_MODULE_BYTES:
                mod = self._parse(rel, text)
        self._mods[rel] = mod
        return mod

    def _parse(self, rel: str, text: str) -> _Module | None:
        tree = parse_tolerant(text)
        if tree is None:
            return None  # a module that cannot be parsed reaches nothing
        m = _Module(rel)
        for node in nodes(tree):
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
                m.calls[stmt.name] = _calls_in(stmt)
                if isinstance(stmt, ast.ClassDef):
                    for fn in stmt.body:
                        if isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                            m.signatures[f"{stmt.name}.{fn.name}"] = _signature(fn, True)
                else:
                    m.signatures[stmt.name] = _signature(stmt, False)
                continue
            if isinstance(stmt, ast.Assign | ast.AnnAssign):
                targets = stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]
                for t in targets:
                    for n in nodes(t):
                        if isinstance(n, ast.Name):
                            m.tops.setdefault(n.id, span)
                            m.uses.setdefault(n.id, []).extend(
                                _names_in(stmt.value) if stmt.value else []
                            )
                            m.calls.setdefault(n.id, []).extend(
                                _calls_in(stmt.value) if stmt.value else []
                            )
            if isinstance(stmt, ast.If) and is_main_guard(stmt.test):
                m.tops["__main__"] = span  # runs only as a script, never on import
                m.uses["__main__"] = _names_in(stmt)
                m.calls["__main__"] = _calls_in(stmt)
            elif not isinstance(stmt, ast.Import | ast.ImportFrom):
                module_level += _names_in(stmt)
                m.calls.setdefault("", []).extend(_calls_in(stmt))
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


class Passed:
    """What the code that runs passes to each callee (by its last name): the keywords, and
    the most positional arguments; a default it passes is not the value that ran."""

    def __init__(self, reach: Reach, starts: list[str], reached: list[tuple[str, str]]) -> None:
        self.reach = reach
        self.keywords: dict[str, set[str]] = {}
        self.positional: dict[str, int] = {}
        for rel in starts:
            m = reach.module(rel)
            for calls in m.calls.values() if m else []:
                self._add(calls)
        for rel, name in reached:
            m = reach.module(rel)
            self._add(m.calls.get(name, []) if m else [])

    def _add(self, calls: list[_Call]) -> None:
        for c in calls:
            self.keywords.setdefault(c.callee, set()).update(c.keywords)
            self.positional[c.callee] = max(self.positional.get(c.callee, 0), c.positional)

    def overrides(self, rel: str, context: str, name: str) -> bool:
        """True when some call that runs passes `name` to the function or class `context`
        (`Star.fit`, `Model.__init__`, a dataclass `Config`) of `rel`: by keyword, through
        `**kwargs`, or by position."""
        parts = context.split(".")
        callee = parts[-2] if parts[-1] == "__init__" and len(parts) > 1 else parts[-1]
        kws = self.keywords.get(callee, set())
        if name in kws or "**" in kws:
            return True
        m = self.reach.module(rel)
        sig = m.signatures.get(context, []) if m else []
        return name in sig and sig.index(name) < self.positional.get(callee, 0)


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
