"""Passages of files the model does not type: code by symbol, prose by section, YAML by entry.

A passage is the unit search returns: small enough that several fit in a token budget, large
enough to carry its own context (a function with its signature, a section under its heading,
one session entry), and named by a reference an agent can cite and open again
(`src/execution/train.py#fit`, `src/reconciliation.md#learning-rate`, `trace/sessions/x.yaml#N04`).
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from typing import Any

MAX_CHUNK_LINES = 40  # a longer symbol or section is cut into windows of this many lines
MAX_JSONL_LINES = 5000  # events past this in one file are not indexed
CODE_SUFFIXES = frozenset(
    re.split(
        r"\s+",
        ".py .pyx .m .jl .r .c .h .cc .cpp .hpp .cu .rs .go .java .js .ts .sh .bash .ipynb "
        ".f .f90 .scala .kt .lua .pl .tex .sql .cfg .ini .toml .txt .csv .tsv .rst .mk",
    )
)
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DEF_RE = re.compile(r"^(?:def|class|function|fn|func|sub|proc)\s+([A-Za-z_][\w.]*)")


@dataclass(frozen=True)
class Passage:
    """One addressable thing: its reference, kind (and sub-kind), where it is, and its text."""

    ref: str
    kind: str
    file: str
    line: int | None
    title: str
    text: str
    sub: str = ""


def slug(text: str) -> str:
    """A Markdown-style anchor: lower case, words joined by `-` (`Learning rate` → learning-rate)."""
    words = re.findall(r"[\w.]+", text.lower())
    return "-".join(words)[:80] or "section"


def _windows(lines: list[str], first: int) -> list[tuple[int, int]]:
    """(start, end) line spans (1-based, inclusive) of at most MAX_CHUNK_LINES, cut at blank
    lines where one is near."""
    spans: list[tuple[int, int]] = []
    i, n = 0, len(lines)
    while i < n:
        end = min(n, i + MAX_CHUNK_LINES)
        if end < n:
            for k in range(end, i + MAX_CHUNK_LINES // 2, -1):
                if not lines[k - 1].strip():
                    end = k
                    break
        spans.append((first + i, first + end - 1))
        i = end
    return spans


def _span_passages(
    rel: str, lines: list[str], a: int, b: int, kind: str, name: str | None
) -> list[Passage]:
    """Passages for lines a..b (1-based), split into windows when long; empty ones dropped.
    A window that starts inside an indented block (the middle of a long dict or function)
    names the lines that open the block in its title: `sim.py DEFAULTS = {`."""
    out = []
    body = lines[a - 1 : b]
    spans = _windows(body, a)
    for k, (s, e) in enumerate(spans):
        text = "\n".join(lines[s - 1 : e]).strip("\n")
        if not text.strip():
            continue
        ref = f"{rel}#{name}" if name and k == 0 else f"{rel}#L{s}-{e}"
        opened = _opening_lines(lines, a, s) if k else ""
        title = " ".join(x for x in (rel, name, opened) if x)
        out.append(Passage(ref, kind, rel, s, title, text))
    return out


def _opening_lines(lines: list[str], first: int, start: int, depth: int = 2) -> str:
    """The nearest lines above line `start` (1-based, not before `first`) that are indented
    less than it, outermost first, joined by ` › ` (at most `depth`, each cut to 60)."""
    k = start - 1
    while k < len(lines) and not lines[k].strip():
        k += 1
    if k >= len(lines):
        return ""
    indent = len(lines[k]) - len(lines[k].lstrip())
    found: list[str] = []
    for i in range(start - 2, first - 2, -1):
        line = lines[i]
        body = line.lstrip()
        if body and len(line) - len(body) < indent:
            found.append(body.rstrip()[:60])
            indent = len(line) - len(body)
            if not indent or len(found) >= depth:
                break
    return " › ".join(reversed(found))


def code_passages(rel: str, text: str) -> list[Passage]:
    """A source file cut by top-level symbol (Python through `ast`, others by `def`-like
    lines); the statements between symbols (constants, argument parsers) are passages too."""
    lines = text.split("\n")
    spans = _python_spans(text) if rel.endswith(".py") else None
    if spans is None:
        spans = _generic_spans(lines)
    out: list[Passage] = []
    for a, b, name in spans:
        out += _span_passages(rel, lines, a, b, "source", name)
    return out


def _python_spans(text: str) -> list[tuple[int, int, str | None]] | None:
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None  # Python 2 scripts, fragments: cut by lines instead
    spans: list[tuple[int, int, str | None]] = []
    loose: list[int] = []  # start of the current run of top-level statements
    last = 0
    for node in tree.body:
        start = min([d.lineno for d in getattr(node, "decorator_list", [])] + [node.lineno])
        end = getattr(node, "end_lineno", None) or node.lineno
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if loose:
                spans.append((loose[0], start - 1, None))
                loose = []
            spans.append((start, end, node.name))
        elif not loose:
            loose = [last + 1]
        last = end
    if loose:
        spans.append((loose[0], len(text.split("\n")), None))
    if not tree.body:
        spans.append((1, len(text.split("\n")), None))
    return spans


def _generic_spans(lines: list[str]) -> list[tuple[int, int, str | None]]:
    starts = [(i + 1, m.group(1)) for i, ln in enumerate(lines) if (m := _DEF_RE.match(ln))]
    if not starts:
        return [(1, len(lines), None)]
    spans: list[tuple[int, int, str | None]] = []
    if starts[0][0] > 1:
        spans.append((1, starts[0][0] - 1, None))
    for k, (line, name) in enumerate(starts):
        end = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(lines)
        spans.append((line, end, name))
    return spans


def markdown_passages(rel: str, text: str, kind: str = "doc") -> list[Passage]:
    """One passage per section (heading and the text under it), long sections in windows."""
    lines = text.split("\n")
    heads = [(i + 1, m.group(2)) for i, ln in enumerate(lines) if (m := _HEADING_RE.match(ln))]
    out: list[Passage] = []
    bounds: list[tuple[int, str | None]] = [(1, None)] if not heads or heads[0][0] > 1 else []
    bounds += [(line, title) for line, title in heads]
    title_doc = heads[0][1] if heads and heads[0][0] == 1 else ""
    for k, (line, heading) in enumerate(bounds):
        end = bounds[k + 1][0] - 1 if k + 1 < len(bounds) else len(lines)
        body = "\n".join(lines[line - 1 : end]).strip()
        if not body or (heading and body == lines[line - 1].strip()):
            continue
        for s, e in _windows(lines[line - 1 : end], line):
            chunk = "\n".join(lines[s - 1 : e]).strip()
            if not chunk:
                continue
            anchor = slug(heading) if heading else f"L{s}"
            ref = f"{rel}#{anchor}" if s == line else f"{rel}#L{s}-{e}"
            title = " — ".join(t for t in (title_doc, heading or "") if t) or rel
            out.append(Passage(ref, kind, rel, s, f"{rel}: {title}", chunk))
    return out


def flat(value: Any, depth: int = 0) -> str:
    """A YAML/JSON value as compact `key: value` lines (nested lists inline)."""
    if isinstance(value, dict):
        parts = []
        for k, v in value.items():
            scalars = isinstance(v, list) and all(not isinstance(x, dict | list) for x in v)
            if isinstance(v, dict | list) and v and depth < 3 and not scalars:
                parts.append(f"{k}:\n" + _indent(flat(v, depth + 1)))
            elif scalars:
                parts.append(f"{k}: {flat(v)}")
            else:
                parts.append(f"{k}: {_scalar(v)}")
        return "\n".join(parts)
    if isinstance(value, list):
        if all(not isinstance(v, dict | list) for v in value):
            return ", ".join(_scalar(v) for v in value)
        return "\n".join("- " + flat(v, depth + 1).replace("\n", "\n  ") for v in value)
    return _scalar(value)


def _scalar(v: Any) -> str:
    if isinstance(v, dict | list):
        return json.dumps(v, ensure_ascii=False, default=str)
    return "" if v is None else str(v)


def _indent(text: str) -> str:
    return "\n".join("  " + ln for ln in text.split("\n"))


def _entry_name(item: Any, key: str, i: int) -> str:
    if isinstance(item, dict):
        for k in ("id", "turn", "name", "key"):
            v = item.get(k)
            if isinstance(v, str | int) and str(v).strip():
                return str(v)
    return f"{key}[{i}]"


def yaml_passages(rel: str, text: str, kind: str) -> list[Passage]:
    """One passage per entry of each top-level list of mappings (session events, log turns),
    one for the remaining keys; unparsable YAML is cut by lines."""
    from arakit.codec import yamlio
    from arakit.errors import ArtifactError

    try:
        data = yamlio.load(text, rel)
    except ArtifactError:
        return text_passages(rel, text, kind)
    if not isinstance(data, dict):
        return text_passages(rel, text, kind)
    out: list[Passage] = []
    rest: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, dict) for v in value):
            for i, item in enumerate(value):
                name = _entry_name(item, str(key), i)
                line = getattr(item, "line", None)
                out.append(
                    Passage(f"{rel}#{name}", kind, rel, line, f"{rel} {key} {name}", flat(item))
                )
        else:
            rest[str(key)] = value
    if rest:
        line = getattr(data, "line", 1)
        out.insert(0, Passage(rel, kind, rel, line, rel, flat(rest)))
    return out


def jsonl_passages(rel: str, text: str) -> list[Passage]:
    """One passage per JSON line (journal events), up to MAX_JSONL_LINES."""
    out = []
    for i, line in enumerate(text.split("\n")[:MAX_JSONL_LINES], 1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except ValueError:
            body = line
        else:
            if isinstance(data, dict):
                data = {k: v for k, v in data.items() if k not in ("hash", "prev")}
            body = flat(data)
        out.append(Passage(f"{rel}#L{i}", "event", rel, i, f"{rel} line {i}", body))
    return out


def notebook_passages(rel: str, text: str) -> list[Passage]:
    """A Jupyter notebook's cells (code and Markdown) as one text, cut into windows."""
    try:
        cells = json.loads(text).get("cells", [])
        parts = [
            "".join(c.get("source", [])) if isinstance(c.get("source"), list) else str(c["source"])
            for c in cells
            if isinstance(c, dict) and c.get("source")
        ]
    except (ValueError, AttributeError, TypeError, KeyError):
        return text_passages(rel, text)
    return text_passages(rel, "\n\n".join(parts))


def text_passages(rel: str, text: str, kind: str = "source") -> list[Passage]:
    """A text file cut into windows of lines."""
    lines = text.split("\n")
    return _span_passages(rel, lines, 1, len(lines), kind, None)
