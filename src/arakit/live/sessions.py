"""Session records: `trace/sessions/YYYY-MM-DD_NNN.yaml`, one per working session.

A session is a run of events on one UTC day with no gap longer than `SESSION_GAP_S`; the next
event after a longer pause (or on a new day) opens the next number. A record lists the events
it covers, the nodes and observations it added, and every change to logic/ with its before and
after, so that the history of a claim can be read back session by session.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from arakit.codec import yamlio
from arakit.codec.fs import atomic_write, read_text
from arakit.live.workspace import Workspace

SESSIONS = "trace/sessions"
SESSION_GAP_S = 2 * 3600


def parse_ts(ts: str) -> datetime:
    """An event timestamp (ISO-8601, `Z` allowed) as an aware datetime."""
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


class SessionBook:
    """The session records touched during one processing pass."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.records: dict[str, dict[str, Any]] = {}

    def session_id(self, ts: str) -> str:
        """The session an event at `ts` belongs to (opening a new one when needed)."""
        cur = self.ws.state.get("session") or {}
        when = parse_ts(ts)
        day = when.strftime("%Y-%m-%d")
        if cur.get("id", "").startswith(day):
            last = parse_ts(cur["last_ts"])
            if abs((when - last).total_seconds()) <= SESSION_GAP_S:
                cur["last_ts"] = max(ts, cur["last_ts"])
                return str(cur["id"])
        folder = self.ws.root / SESSIONS
        taken = {p.stem for p in folder.glob(f"{day}_*.yaml")} if folder.exists() else set()
        if cur.get("id", "").startswith(day):
            taken.add(cur["id"])
        n = 1
        while f"{day}_{n:03d}" in taken:
            n += 1
        sid = f"{day}_{n:03d}"
        self.ws.state["session"] = {"id": sid, "last_ts": ts}
        days = self.ws.state.setdefault("session_days", [])
        if day not in days:
            days.append(day)
        return sid

    def record(self, sid: str) -> dict[str, Any]:
        """The record of a session, read from disk the first time it is needed."""
        if sid not in self.records:
            rel = f"{SESSIONS}/{sid}.yaml"
            data: Any = None
            if (self.ws.root / rel).exists():
                data = yamlio.load(read_text(self.ws.root, rel), rel)
            if not isinstance(data, dict):
                data = {"session": sid}
            self.records[sid] = dict(data)
        return self.records[sid]

    def on_event(self, sid: str, event: dict[str, Any]) -> dict[str, Any]:
        """Extend the session's time span and event range with one event; returns the record."""
        rec = self.record(sid)
        ts, seq = event["ts"], int(event["seq"])
        rec["started"] = min(rec.get("started") or ts, ts)
        rec["ended"] = max(rec.get("ended") or ts, ts)
        span = rec.setdefault("events", {"first": seq, "last": seq})
        span["first"], span["last"] = min(span["first"], seq), max(span["last"], seq)
        return rec

    def add(self, sid: str, key: str, value: Any) -> None:
        """Append a value to one of the record's lists (nodes_added, logic_changes, ...)."""
        self.record(sid).setdefault(key, []).append(value)

    def save(self) -> list[str]:
        """Write every touched record atomically; returns their paths."""
        out = []
        for sid, rec in sorted(self.records.items()):
            rel = f"{SESSIONS}/{sid}.yaml"
            atomic_write(self.ws.root / rel, yamlio.dump(rec))
            out.append(rel)
        return out
