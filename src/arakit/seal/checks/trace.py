"""trace/: node types and fields, source_refs, references, dead ends, and acyclicity."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from arakit.model.ids import id_range, normalize_id
from arakit.model.trace import NODE_TYPES, REQUIRED_BY_TYPE, SUPPORT_LEVELS, TraceNode

if TYPE_CHECKING:
    from arakit.seal.level1 import Checker

TF = "trace/exploration_tree.yaml"


def _line(n: TraceNode) -> int | None:
    return n.pos.line if n.pos else None


def _empty(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip()) or v == []


_CLAIM_RE = re.compile(r"C\d{1,4}")
_NODE_RE = re.compile(r"N\d{1,4}")
_FILE_RE = re.compile(r"[\w.-]+(/[\w.-]+)+|[\w-][\w.-]*\.[A-Za-z][A-Za-z0-9]{1,4}")


def _evidence_ref(item: object) -> tuple[str, str] | None:
    """What a trace node's evidence entry points at: ("claim", "C01"), ("node", "N13"),
    ("file", path), or None for a locator in the paper ("Table 1", "§4", "Appendix G") or a
    sentence of prose, which other tools write there too and which cites nothing this artifact
    could resolve."""
    if not isinstance(item, str) or not item.split():
        return None
    first = item.split()[0].strip("`'\"[](),;:")
    if _CLAIM_RE.fullmatch(first):
        return ("claim", first)
    if _NODE_RE.fullmatch(first):
        return ("node", first)
    if _FILE_RE.fullmatch(first) and not first.replace(".", "").isdigit():
        return ("file", first)
    return None


def check_nodes(c: Checker) -> None:
    if c.art.trace is None:
        return
    claims = c.art.ids("C")
    nodes = c.art.trace.nodes()
    node_ids = [n.id for n in nodes if n.id]
    for n in nodes:
        name = n.id or f"node at line {_line(n)}"
        if not n.id:
            c.report("L1-TRACE-006", TF, _line(n), "a node has no id")
        if n.type not in NODE_TYPES:
            c.report(
                "L1-TRACE-003",
                TF,
                _line(n),
                f"{name} has type {n.type!r}; allowed: " + ", ".join(NODE_TYPES),
            )
        else:
            for key in REQUIRED_BY_TYPE[n.type]:
                if key == "alternatives" and n.alternatives == []:
                    continue  # reported as L1-TRACE-008
                if _empty(n.get(key)):
                    c.report("L1-TRACE-004", TF, _line(n), f"{name} ({n.type}) has no {key}")
        if n.type == "dead_end" and n.children:
            c.report(
                "L1-TRACE-002",
                TF,
                _line(n),
                f"{name} is a dead_end but has children " + ", ".join(ch.id for ch in n.children),
            )
        if n.type == "decision" and isinstance(n.alternatives, list) and not n.alternatives:
            c.report("L1-TRACE-008", TF, _line(n), f"{name} lists no alternatives")
        if n.support_level not in SUPPORT_LEVELS:
            c.report(
                "L1-TRACE-007",
                TF,
                _line(n),
                f"{name} support_level is {n.support_level!r}; write explicit or inferred",
            )
        if n.support_level == "explicit" and _empty(n.source_refs):
            c.report("L1-TRACE-005", TF, _line(n), f"{name} is explicit but has no source_refs")
        for item in n.evidence or []:
            target = _evidence_ref(item)
            if target is None:
                continue
            kind, ref = target
            if kind == "claim":
                if normalize_id(ref) not in claims:
                    c.report(
                        "L1-REF-006",
                        TF,
                        _line(n),
                        f"{name} evidence cites {ref}, which does "
                        f"not exist; claims are {id_range(claims)}",
                    )
            elif kind == "node":
                if normalize_id(ref) not in node_ids:
                    c.report(
                        "L1-REF-006",
                        TF,
                        _line(n),
                        f"{name} evidence cites node {ref}, which does "
                        f"not exist; nodes are {id_range(node_ids)}",
                    )
            elif not (c.exists(ref) or c.exists("evidence/" + ref)):
                c.report(
                    "L1-REF-006",
                    TF,
                    _line(n),
                    f"{name} evidence cites {ref!r}, which is "
                    "neither a claim ID nor a file of the artifact",
                )
        for dep in n.also_depends_on or []:
            if dep not in node_ids:
                c.report(
                    "L1-REF-007",
                    TF,
                    _line(n),
                    f"{name} also_depends_on {dep}, which does "
                    f"not exist; nodes are {id_range(node_ids)}",
                )


def check_acyclic(c: Checker) -> None:
    """Children and also_depends_on edges together must form a DAG."""
    if c.art.trace is None:
        return
    edges: dict[str, list[str]] = {}
    where: dict[str, TraceNode] = {}
    for n in c.art.trace.nodes():
        if not n.id:
            continue
        where.setdefault(n.id, n)
        out = edges.setdefault(n.id, [])
        out.extend(ch.id for ch in n.children if ch.id)
    for n in c.art.trace.nodes():
        for dep in n.also_depends_on or []:  # dep is an extra parent of n
            if dep in edges and n.id:
                edges[dep].append(n.id)
    state: dict[str, int] = {}
    for start in edges:
        if state.get(start):
            continue
        stack = [(start, iter(edges[start]))]
        path = [start]
        state[start] = 1
        while stack:
            node, it = stack[-1]
            nxt = next(it, None)
            if nxt is None:
                state[node] = 2
                stack.pop()
                path.pop()
            elif state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                c.report(
                    "L1-TRACE-001",
                    TF,
                    _line(where[nxt]),
                    "cycle in the trace: " + " → ".join(cycle),
                )
                return
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(edges.get(nxt, []))))


CHECKS = (check_nodes, check_acyclic)
