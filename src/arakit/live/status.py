"""`ara status`: the briefing — what is open, staged, stale, pending, failed, and settled."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from arakit.live.journal import Journal
from arakit.live.workspace import PENDING, Workspace

RECENT_DEAD_ENDS = 5


def _pending_fields(entity: Any, names: tuple[str, ...]) -> list[str]:
    out = []
    for name in names:
        v = entity.get(name) if hasattr(entity, "get") and not hasattr(entity, "FIELDS") else None
        if v is None:
            v = getattr(entity, name, None)
        if v == PENDING or (isinstance(v, list) and PENDING in v):
            out.append(name)
    return out


def briefing(root: str | Path) -> dict[str, Any]:
    """Open questions, staged and stale observations, pending bindings, recent dead ends,
    claims by status and journal health, as one JSON-ready mapping."""
    from arakit.live.crystallize import Logic

    from arakit.live.manager import process

    root = Path(root)
    process(root)  # a briefing shows every event, including runs still being processed
    ws = Workspace(root)
    nodes = ws.trace.nodes()
    questions = [
        {"id": n.id, "title": n.title or n.description}
        for n in nodes
        if n.type == "question" and not n.children
    ]
    open_obs = [o for o in ws.staging.observations if not o.promoted]
    staged = [
        {"id": o.id, "type": o.potential_type, "content": o.content, "provenance": o.provenance}
        for o in open_obs
        if not o.stale
    ]
    stale = [{"id": o.id, "content": o.content} for o in open_obs if o.stale]
    pending: list[dict[str, Any]] = []
    for n in nodes:
        fields = _pending_fields(n, ("lesson", "failure_mode", "alternatives", "choice", "from"))
        if fields:
            pending.append({"id": n.id, "fields": fields})
    claims_by_status: Counter[str] = Counter()
    if (root / "logic/claims.md").exists():
        for c in Logic(root).claims():
            claims_by_status[c.status or "(none)"] += 1
            fields = _pending_fields(c, ("falsification_criteria",))
            if c.verbatim.get("proof") == PENDING:
                fields.append("proof")
            if fields:
                pending.append({"id": c.id, "fields": fields})
    dead = [n for n in nodes if n.type == "dead_end"]
    recent = [
        {"id": n.id, "title": n.title, "failure_mode": n.failure_mode, "lesson": n.lesson}
        for n in sorted(dead, key=lambda n: n.timestamp or "")[-RECENT_DEAD_ENDS:]
    ]
    rep = Journal(root).verify()
    contradictions = [
        {"id": n.id, "title": n.title}
        for n in nodes
        if n.type == "decision" and n.status == "unresolved"
    ]
    return {
        "open_questions": questions,
        "staged": staged,
        "stale": stale,
        "pending": pending,
        "recent_dead_ends": recent,
        "unresolved": contradictions,
        "claims_by_status": dict(sorted(claims_by_status.items())),
        "journal": {**rep.as_dict(), "processed": int(ws.state.get("last_seq", 0))},
    }
