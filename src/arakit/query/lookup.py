"""Direct lookups an agent asks for by name: a parameter, a table cell, a path through the trace."""

from __future__ import annotations

import re
from collections import deque
from pathlib import Path
from typing import Any

from arakit.errors import UsageError
from arakit.model.artifact import Artifact
from arakit.query.chunks import slug


def _key(text: str) -> str:
    return re.sub(r"[\s_\-]+", "", text.lower())


SETTINGS = ("src/settings/code.md", "src/settings/repository.md")
_ITEM_RE = re.compile(r"^- (\d+): (`+) ?(.*?) ?\2(?: \((.*)\))?$")


def get_param(art: Artifact, name: str, root: Path | None = None) -> list[dict[str, Any]]:
    """Every parameter in src/configs/*.md whose name matches `name` (case, spaces and
    underscores ignored; a name that contains it counts when nothing matches exactly).
    When none does and the artifact's folder `root` is given, the lines of
    src/settings/*.md that set `name` (the settings the compiler listed beyond src/configs/)."""
    found = _config_params(art, name)
    return found if found or root is None else settings_lines(root, name)


def settings_lines(root: Path, name: str) -> list[dict[str, Any]]:
    """The lines of src/settings/*.md whose quoted source line sets `name` (`name = …`,
    `name: type = …`, `'name': …`, `name=…`), in the shape of a parameter: the quoted line
    as value, the repository file and line as source."""
    words = [w for w in re.split(r"[\s_\-]+", name.strip()) if w]
    if not words:
        return []
    spelled = r"[\s_\-]?".join(re.escape(w) for w in words)
    sets = re.compile(rf"(?<![A-Za-z0-9_]){spelled}['\"]?\s*(?::[^=]*=|[:=])", re.IGNORECASE)
    out: list[dict[str, Any]] = []
    for rel in SETTINGS:
        path = root / rel
        if not path.is_file():
            continue
        heading = where = ""
        for k, line in enumerate(path.read_text(encoding="utf-8", errors="replace").split("\n"), 1):
            if line.startswith("## "):
                heading = line[3:].strip()
                where = heading.split(" (", 1)[0]  # the file, without `(set aside as …)`
                continue
            m = _ITEM_RE.match(line)
            if not m or not where or not sets.search(m.group(3)):
                continue
            out.append(
                {
                    "ref": f"{rel}#{slug(heading)}",
                    "file": rel,
                    "line": k,
                    "name": name,
                    "value": m.group(3),
                    "rationale": "outside the paper's code; not used by reconciliation"
                    if rel.endswith("repository.md")
                    else "in the paper's code; the paper states no value for it",
                    "search_range": None,
                    "sensitivity": None,
                    "source": f"{where}:{m.group(1)}",
                }
            )
    return out


def _config_params(art: Artifact, name: str) -> list[dict[str, Any]]:
    want = _key(name)
    found = [(cfg, p) for cfg in art.configs for p in cfg.params]
    exact = [(c, p) for c, p in found if _key(p.name) == want]
    chosen = exact or [(c, p) for c, p in found if want and want in _key(p.name)]
    return [
        {
            "ref": f"{cfg.path}#{slug(p.name)}",
            "file": cfg.path,
            "line": p.pos.line if p.pos else None,
            "name": p.name,
            "value": p.value,
            "rationale": p.rationale,
            "search_range": p.search_range,
            "sensitivity": p.sensitivity,
            "source": p.source,
        }
        for cfg, p in chosen
    ]


def get_cell(art: Artifact, table: str, row: str, column: str) -> dict[str, Any]:
    """One cell of an evidence table, with its row and column headers and its reference.

    `table` is an evidence file (path, name, or a part of it such as `table3`); `row` the
    text of the row's first cell or `r4`; `column` a header or `c2` (both 1-based)."""
    files = [f for f in art.evidence.files if f.tables]
    want = table.strip().removeprefix("./").lower()
    ev = art.evidence.file(table) or next(
        (f for f in files if want and want in f.path.lower()), None
    )
    if ev is None or not ev.tables:
        names = ", ".join(f.name for f in files[:8]) or "none"
        raise UsageError(f"no evidence table {table!r}", hint=f"tables here: {names}")
    rows = [(t, r) for t in ev.tables for r in t.rows]
    m = re.fullmatch(r"r(\d+)", row.strip().lower())
    if m and 1 <= int(m.group(1)) <= len(rows):
        k = int(m.group(1)) - 1
    else:
        label = " ".join(row.lower().split())
        k = next(
            (i for i, (_t, r) in enumerate(rows) if r and " ".join(r[0].lower().split()) == label),
            -1,
        )
    if k < 0:
        firsts = ", ".join(r[0] for _t, r in rows[:8] if r)
        raise UsageError(f"{ev.path}: no row {row!r}", hint=f"rows: {firsts} (or r1, r2 ...)")
    t, r = rows[k]
    m = re.fullmatch(r"c(\d+)", column.strip().lower())
    c = int(m.group(1)) - 1 if m else t.column(column)
    if c is None or not 0 <= c < len(r):
        heads = ", ".join(h for h in t.header)
        raise UsageError(
            f"{ev.path}: no column {column!r}", hint=f"columns: {heads} (or c1, c2 ...)"
        )
    return {
        "ref": f"{ev.path}#r{k + 1}c{c + 1}",
        "file": ev.path,
        "caption": ev.caption or ev.title,
        "row": r[0] if r else "",
        "column": t.header[c] if c < len(t.header) else f"c{c + 1}",
        "value": r[c],
    }


def trace_path(art: Artifact, start: str, end: str) -> list[dict[str, Any]]:
    """The shortest chain of trace nodes from `start` to `end`, following parent → child
    edges and `also_depends_on` either way; each step says whether it goes down or up."""
    nodes = {n.id: n for n in (art.trace.nodes() if art.trace else [])}
    a, b = (art.get(start), art.get(end))
    for want, got in ((start, a), (end, b)):
        if got is None or got.id not in nodes:
            known = ", ".join(list(nodes)[:6]) or "none"
            raise UsageError(f"no trace node {want!r}", hint=f"trace nodes: {known} ...")
    edges: dict[str, list[tuple[str, str]]] = {k: [] for k in nodes}
    for n in nodes.values():
        parents = [c.id for c in n.children]
        for child in parents:
            edges[n.id].append((child, "down"))
            edges[child].append((n.id, "up"))
        for dep in n.also_depends_on or []:
            if dep in nodes:
                edges[dep].append((n.id, "down"))
                edges[n.id].append((dep, "up"))
    prev: dict[str, tuple[str, str] | None] = {a.id: None}
    queue = deque([a.id])
    while queue:
        cur = queue.popleft()
        if cur == b.id:
            break
        for nxt, way in edges[cur]:
            if nxt not in prev:
                prev[nxt] = (cur, way)
                queue.append(nxt)
    if b.id not in prev:
        raise UsageError(f"{a.id} and {b.id} are not connected in the trace")
    steps: list[dict[str, Any]] = []
    at: str | None = b.id
    while at is not None:
        link = prev[at]
        n = nodes[at]
        steps.append(
            {"id": n.id, "type": n.type, "title": n.title, "step": link[1] if link else "start"}
        )
        at = link[0] if link else None
    return steps[::-1]
