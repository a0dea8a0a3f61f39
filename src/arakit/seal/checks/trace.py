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


# Spellings other writers use for a required field (upstream's own example and ara-cli write
# pivots as prior_direction/new_direction/reason; ara-cli's ARA002 reads `reason` on a dead
# end as why it failed). Both profiles accept them; strict notes them (L1-TRACE-009).
ALIASES: dict[str, tuple[str, ...]] = {
    "from": ("prior_direction",),
    "to": ("new_direction",),
    "trigger": ("reason",),
    "failure_mode": ("why_failed", "reason"),
    "result": ("outcome",),
    "description": ("question",),
}
_ID_LIST_RE = re.compile(r"(?:RW|[A-Z])\d{1,4}(?:\s*,\s*(?:RW|[A-Z])\d{1,4})*")
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
                entity=n.id or None,
                level="error" if _empty(n.type) else None,  # no type at all: not readable
            )
        else:
            for key in REQUIRED_BY_TYPE[n.type]:
                if key == "alternatives" and n.alternatives == []:
                    continue  # reported as L1-TRACE-008
                if not _empty(n.get(key)):
                    continue
                alias = next((a for a in ALIASES.get(key, ()) if not _empty(n.get(a))), None)
                if alias is None:
                    c.report(
                        "L1-TRACE-004",
                        TF,
                        _line(n),
                        f"{name} ({n.type}) has no {key}",
                        entity=n.id or None,
                    )
                else:
                    c.report(
                        "L1-TRACE-009",
                        TF,
                        _line(n),
                        f"{name} ({n.type}) writes {key} as `{alias}`",
                        entity=n.id or None,
                    )
        ent = n.id or None
        if n.type == "dead_end" and n.children:
            c.report(
                "L1-TRACE-002",
                TF,
                _line(n),
                f"{name} is a dead_end but has children " + ", ".join(ch.id for ch in n.children),
                entity=ent,
            )
        if n.type == "decision" and isinstance(n.alternatives, list) and not n.alternatives:
            c.report("L1-TRACE-008", TF, _line(n), f"{name} lists no alternatives", entity=ent)
        if n.support_level not in SUPPORT_LEVELS and not (
            c.upstream and c.live and n.support_level is None
        ):  # the research manager's node schema has no support_level
            c.report(
                "L1-TRACE-007",
                TF,
                _line(n),
                f"{name} support_level is {n.support_level!r}; write explicit or inferred",
                entity=ent,
            )
        if n.support_level == "explicit" and _empty(n.source_refs):
            c.report(
                "L1-TRACE-005",
                TF,
                _line(n),
                f"{name} is explicit but has no source_refs",
                entity=ent,
            )
        if c.upstream:
            _check_evidence_ids(c, n, name, claims, node_ids)
            evidence: list[object] = []
        else:
            evidence = list(n.evidence or [])
        for item in evidence:
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
                        entity=ent,
                    )
            elif kind == "node":
                if normalize_id(ref) not in node_ids:
                    c.report(
                        "L1-REF-006",
                        TF,
                        _line(n),
                        f"{name} evidence cites node {ref}, which does "
                        f"not exist; nodes are {id_range(node_ids)}",
                        entity=ent,
                    )
            elif not (c.exists(ref) or c.exists("evidence/" + ref)):
                c.report(
                    "L1-REF-006",
                    TF,
                    _line(n),
                    f"{name} evidence cites {ref!r}, which is "
                    "neither a claim ID nor a file of the artifact",
                    entity=ent,
                )
        for dep in n.also_depends_on or []:
            if dep not in node_ids:
                c.report(
                    "L1-REF-007",
                    TF,
                    _line(n),
                    f"{name} also_depends_on {dep}, which does "
                    f"not exist; nodes are {id_range(node_ids)}",
                    entity=ent,
                )


def _evidence_items(n: TraceNode) -> list[object]:
    ev = n.get("evidence")
    if ev is None:
        return []
    return list(ev) if isinstance(ev, list) else [ev]


def _check_evidence_ids(
    c: Checker, n: TraceNode, name: str, claims: list[str], node_ids: list[str]
) -> None:
    """Upstream: an `evidence:` item that is an ID (or a list of IDs) must resolve; prose,
    paper locators and working-repo paths are notes (upstream checklist section 12, ara-cli)."""
    from arakit.seal.checks.logic import id_pool

    pools: dict[str, list[str] | None] = {"C": claims, "N": node_ids}
    for item in _evidence_items(n):
        text = str(item).strip().strip("`'\"")
        if not isinstance(item, str | int) or not _ID_LIST_RE.fullmatch(text):
            continue
        for ref in re.split(r"\s*,\s*", text):
            kind = "RW" if ref.startswith("RW") else ref[:1]
            pool = pools[kind] if kind in pools else id_pool(c, kind)
            if pool is None or kind not in ("C", "N", "O", "E", "H", "G"):
                continue
            if normalize_id(ref) not in pool:
                what = "claims" if kind == "C" else "IDs of that kind"
                c.report(
                    "L1-REF-006",
                    TF,
                    _line(n),
                    f"{name} evidence cites {ref}, which does not exist; "
                    f"{what} are {id_range(pool)}",
                    entity=n.id or None,
                )


def check_acyclic(c: Checker) -> None:
    """Children and also_depends_on edges together must form a DAG. Every cycle is reported
    (each back edge of one depth-first walk), so that fixing one does not reveal the next."""
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
    seen: set[tuple[str, str]] = set()
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
                if (node, nxt) in seen:
                    continue  # the same edge written twice
                seen.add((node, nxt))
                cycle = [*path[path.index(nxt) :], nxt]
                c.report(
                    "L1-TRACE-001",
                    TF,
                    _line(where[nxt]),
                    "cycle in the trace: " + " → ".join(cycle),
                    entity=nxt,
                )
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                stack.append((nxt, iter(edges.get(nxt, []))))


CHECKS = (check_nodes, check_acyclic)
