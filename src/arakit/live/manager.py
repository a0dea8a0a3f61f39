"""The Live Research Manager's processing pass: journal events → trace, staging, logic.

`record(root, kind, payload, ...)` appends one event and processes it; `process(root)` applies
every event not yet processed; `process_soon(root)` starts a detached process that does it, so
that `ara run` returns as soon as its event is in the journal (set ARA_LIVE_SYNC=1 to process
in the foreground instead). Commands that show state (`ara status`) process first. A pass holds the processing lock, so concurrent captures never
overwrite each other's nodes, and is idempotent: an event already in the tree is skipped.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.live.journal import Journal

DEFAULT_WINDOW = 5


@dataclass
class ProcessResult:
    """What a processing pass did."""

    events: int = 0
    nodes: list[str] = field(default_factory=list)
    observations: list[str] = field(default_factory=list)
    decisions: list[dict[str, Any]] = field(default_factory=list)
    written: list[str] = field(default_factory=list)


def window() -> int:
    """k of topic abandonment: $ARA_LIVE_WINDOW, default 5."""
    try:
        return max(1, int(os.environ.get("ARA_LIVE_WINDOW", DEFAULT_WINDOW)))
    except ValueError:
        return DEFAULT_WINDOW


def process(root: str | Path, *, k: int | None = None, model: str | None = None) -> ProcessResult:
    """Apply every unprocessed journal event to the artifact; returns what changed."""
    from arakit.live.closure import Closure
    from arakit.live.crystallize import Logic
    from arakit.live.router import route
    from arakit.live.sessions import SessionBook
    from arakit.live.workspace import Workspace, processing_lock

    root = Path(root)
    model = model or os.environ.get("ARA_LIVE_MODEL") or None
    res = ProcessResult()
    with processing_lock(root):
        ws = Workspace(root)
        events = Journal(root).events(after_seq=int(ws.state["last_seq"]))
        if not events:
            return res
        logic = Logic(root)
        book = SessionBook(ws)
        closure = Closure(ws, logic, book, k or window())
        for ev in events:
            sid = book.session_id(str(ev["ts"]))
            book.on_event(sid, ev)
            before = len(ws.nodes_added)
            routed = route(ws, ev, model=model)
            decisions = closure.apply(ev, routed, sid)
            added = ws.nodes_added[before:]
            for nid in added:
                book.add(sid, "nodes_added", nid)
            for change in routed.changes:
                book.add(sid, "trace_changes", {**change, "event": int(ev["seq"])})
            if routed.observation is not None:
                book.add(sid, "observations_added", routed.observation.id)
                res.observations.append(routed.observation.id)
            what = routed.action
            if routed.node is not None:
                what = f"node {routed.node.id} ({routed.node.type})"
            elif routed.observation is not None:
                what = f"staged {routed.observation.id} ({routed.observation.potential_type})"
            ws.reason(
                {
                    "turn": int(ev["seq"]),
                    "ts": ev["ts"],
                    "session": sid,
                    "event": ev.get("kind"),
                    "routed": what,
                    "why": routed.reason,
                    "signals": decisions,
                }
            )
            res.decisions += decisions
            ws.state["last_seq"] = int(ev["seq"])
            res.events += 1
        closure.mark_stale()
        res.nodes = list(ws.nodes_added)
        res.written = logic.save() + book.save() + ws.save()
    from arakit.live.anchor import record_git

    record_git(root)  # the journal's head, where an editor of the file alone cannot reach
    return res


ERRORS = ".ara-cache/live-errors.log"


def sync_wanted() -> bool:
    """True when $ARA_LIVE_SYNC asks for processing in the foreground."""
    return os.environ.get("ARA_LIVE_SYNC", "") not in ("", "0")


def process_soon(root: str | Path) -> None:
    """Process the journal now (ARA_LIVE_SYNC=1) or in a detached background process."""
    import sys

    if sync_wanted():
        process(root)
        return
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        os.posix_spawn(
            sys.executable,
            [sys.executable, "-m", "arakit.live.manager", str(Path(root).resolve())],
            dict(os.environ),
            file_actions=[(os.POSIX_SPAWN_DUP2, devnull, fd) for fd in (0, 1, 2)],
            setsid=True,
        )
    finally:
        os.close(devnull)


def _background(root: str) -> int:
    """Entry of the detached processor; failures go to .ara-cache/live-errors.log."""
    try:
        process(root)
    except Exception as e:
        from arakit.live.journal import now_iso

        path = Path(root) / ERRORS
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a") as fh:
            fh.write(f"{now_iso()} {type(e).__name__}: {e}\n")
        return 1
    return 0


def record(
    root: str | Path,
    kind: str,
    payload: dict[str, Any],
    *,
    source: str,
    provenance: str = "user",
    ts: str | None = None,
    apply: bool = True,
    model: str | None = None,
) -> tuple[dict[str, Any], ProcessResult]:
    """Append one event to the journal and (unless `apply` is false) process the journal."""
    event = Journal(root).append(kind, payload, source=source, provenance=provenance, ts=ts)
    result = process(root, model=model) if apply else ProcessResult()
    return event, result


if __name__ == "__main__":
    import sys

    sys.exit(_background(sys.argv[1]))
