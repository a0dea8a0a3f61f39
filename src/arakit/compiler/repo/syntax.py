"""Python syntax trees, parsed once and walked once.

The parameter readers, the reach graph, the entry-point finder and the reduction reader
each parse the same module and look at every node of it (calls, dicts, loops, dead
branches, names read). Parsing each time and re-walking with `ast.walk`'s generators was
about a third of a compile on a large repository. So:

- `parse_tolerant(source)` keeps the trees of the most recently parsed sources (at most
  MAX_KEPT_CHARS of source, least recently used dropped first) and hands the same tree to
  every reader of the same text;
- `nodes(tree)` lists the nodes once, in `ast.walk`'s order (breadth first), and keeps the
  list on the tree, so later looks at the same tree or subtree only iterate a list.

Readers never change a tree, so a shared tree and its kept list stay right.
"""

from __future__ import annotations

import ast
import re
from collections import OrderedDict

# about 47 bytes of tree per byte of source: 3 MB of source kept is about 140 MB of trees
MAX_KEPT_CHARS = 3_000_000
_kept: OrderedDict[str, ast.Module | None] = OrderedDict()
_kept_chars = [0]

_KEPT = "_arakit_nodes"


def nodes(tree: ast.AST) -> list[ast.AST]:
    """Every node under `tree`, `tree` first, in the order `ast.walk` yields them."""
    kept = getattr(tree, _KEPT, None)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    out: list[ast.AST] = [tree]
    i = 0
    while i < len(out):
        node = out[i]
        i += 1
        for name in node._fields:
            value = getattr(node, name, None)
            if isinstance(value, ast.AST):
                out.append(value)
            elif isinstance(value, list):
                out.extend(v for v in value if isinstance(v, ast.AST))
    setattr(tree, _KEPT, out)
    return out


def parse_tolerant(source: str) -> ast.Module | None:
    """The module's syntax tree (see `_parse_tolerant`), shared by every reader of the same
    source while it is among the most recently parsed; None when it does not parse."""
    if source in _kept:
        _kept.move_to_end(source)
        return _kept[source]
    tree = _parse_tolerant(source)
    if len(source) <= MAX_KEPT_CHARS // 4:
        _kept[source] = tree
        _kept_chars[0] += len(source)
        while _kept_chars[0] > MAX_KEPT_CHARS:
            old, _ = _kept.popitem(last=False)
            _kept_chars[0] -= len(old)
    return tree


MAX_REPAIRS = 10


def _parse_tolerant(source: str) -> ast.Module | None:
    """The module's syntax tree; Python 2 source is read with its print statements blanked,
    and a script left with a broken line (an unclosed parenthesis in work in progress) is
    read with that line, and up to MAX_REPAIRS more, made `pass` (line numbers kept). None
    when it still does not parse."""
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        pass
    text = _python2_as_3(source)
    tried: set[int] = set()
    for _ in range(MAX_REPAIRS + 1):
        try:
            return ast.parse(text)
        except SyntaxError as e:
            lines = text.split("\n")
            n = e.lineno or 0
            if not 1 <= n <= len(lines) or n in tried:
                return None
            tried.add(n)
            line = lines[n - 1]
            lines[n - 1] = line[: len(line) - len(line.lstrip())] + "pass"
            text = "\n".join(lines)
        except (ValueError, RecursionError, MemoryError):
            return None
    return None


_PRINT_STMT = re.compile(r"^(\s*)print\b(?!\s*\()(?!\s*[=.\[])(.*)$", re.MULTILINE)
_EXCEPT_COMMA = re.compile(r"^(\s*except\s+[^:#]+?),\s*(\w+)\s*:", re.MULTILINE)


def _python2_as_3(source: str) -> str:
    """Python 2 source made parseable line for line: `print x` statements become `pass`
    (they set nothing) and `except E, e:` becomes `except E as e:`; line numbers are kept."""
    source = _PRINT_STMT.sub(lambda m: f"{m.group(1)}pass", source)
    return _EXCEPT_COMMA.sub(lambda m: f"{m.group(1)} as {m.group(2)}:", source)
