"""Session records: `trace/sessions/YYYY-MM-DD_NNN.yaml`, one per working session.

A session is a run of events on one UTC day with no gap longer than `SESSION_GAP_S`; the next
event after a longer pause (or on a new day) opens the next number. A record lists the events
it covers, the nodes and observations it added, and every change to logic/ with its before and
after, so that the history of a claim can be read back session by session.

Records come in the shape the artifact already uses. arakit's own: `session: <id>`, `started`,
`ended`, `events: {first, last}`, `nodes_added`, `observations_added`, `trace_changes`,
`logic_changes`. The upstream research manager's: a `session:` mapping (id, date, started,
last_turn, turn_count, summary), `events_logged` items (turn, type, id, routing, provenance,
summary) and `logic_revisions` (turn, entry, field, before, after, signal, provenance); arakit
adds `events: {first, last}` there too. When the artifact keeps `session_index.yaml`, each new
session gets an entry shaped like the ones before it. Records are edited in place (nothing
another writer put in them is rewritten).
"""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from arakit.codec import yamlio
from arakit.codec.fs import atomic_write
from arakit.codec.textfile import TextFile
from arakit.codec.yamledit import edit_yaml
from arakit.live.workspace import Workspace

SESSIONS = "trace/sessions"
INDEX = f"{SESSIONS}/session_index.yaml"
SESSION_GAP_S = 2 * 3600


def parse_ts(ts: str) -> datetime:
    """An event timestamp (ISO-8601, `Z` allowed) as an aware datetime."""
    return datetime.fromisoformat(ts.replace("Z", "+00:00"))


def upstream_shaped(ws: Workspace) -> bool:
    """True when the artifact's newest session record is in the research manager's shape
    (a `session:` mapping), so new records should be too."""
    folder = ws.root / SESSIONS
    if not folder.is_dir():
        return False
    for path in sorted(folder.glob("*.yaml"), reverse=True):
        if path.name == "session_index.yaml":
            continue
        try:
            head = path.read_text(errors="replace")[:4000]
        except OSError:
            continue
        for line in head.splitlines():
            if line.startswith("session:"):
                return not line[len("session:") :].strip()  # a mapping follows
    return False


class SessionBook:
    """The session records touched during one processing pass."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.records: dict[str, Any] = {}
        self._read: dict[str, Any] = {}
        self.upstream = upstream_shaped(ws)

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

    def record(self, sid: str) -> Any:
        """The record of a session (its data), read from disk the first time it is needed."""
        if sid not in self.records:
            rel = f"{SESSIONS}/{sid}.yaml"
            current = TextFile.read(self.ws.root / rel, rel)
            data: Any = yamlio.load(current.text, rel) if current else None
            self._read[sid] = (current, data)
            if not isinstance(data, dict):
                data = (
                    {"session": {"id": sid, "date": sid[:10]}}
                    if self.upstream
                    else {"session": sid}
                )
            self.records[sid] = copy.deepcopy(data)
        return self.records[sid]

    def _upstream(self, rec: Any) -> bool:
        return isinstance(rec.get("session"), dict)

    def on_event(self, sid: str, event: dict[str, Any]) -> Any:
        """Extend the session's time span and event range with one event; returns the record."""
        rec = self.record(sid)
        ts, seq = event["ts"], int(event["seq"])
        if self._upstream(rec):
            head = rec["session"]
            head["started"] = min(str(head.get("started") or ts), ts)
            head["last_turn"] = max(str(head.get("last_turn") or ts), ts)
            head["turn_count"] = int(head.get("turn_count") or 0) + 1
        else:
            rec["started"] = min(rec.get("started") or ts, ts)
            rec["ended"] = max(rec.get("ended") or ts, ts)
        span = rec.get("events")
        if not isinstance(span, dict):
            span = rec["events"] = {"first": seq, "last": seq}
        span["first"], span["last"] = min(span["first"], seq), max(span["last"], seq)
        return rec

    def add(self, sid: str, key: str, value: Any) -> None:
        """Record what the session did: `nodes_added`, `observations_added` (IDs),
        `trace_changes`, `logic_changes` (change records)."""
        rec = self.record(sid)
        if not self._upstream(rec):
            rec.setdefault(key, []).append(value)
            return
        turn = int(rec["session"].get("turn_count") or 1)
        if key == "logic_changes":
            rec.setdefault("logic_revisions", []).append(self._revision(turn, value))
        else:
            rec.setdefault("events_logged", []).append(self._logged(turn, key, value))

    def _logged(self, turn: int, key: str, value: Any) -> dict[str, Any]:
        if key == "nodes_added":
            node = self.ws.node(str(value))
            return {
                "turn": turn,
                "type": node.type if node else "node",
                "id": str(value),
                "routing": "direct",
                "provenance": (node.provenance if node else None) or "user",
                "summary": (node.title if node else None) or str(value),
            }
        if key == "observations_added":
            obs = self.ws.observation(str(value))
            return {
                "turn": turn,
                "type": "observation",
                "id": str(value),
                "routing": "staged",
                "provenance": (obs.provenance if obs else None) or "user",
                "summary": (obs.content if obs else None) or str(value),
            }
        changed = ", ".join(f"{k}: {v}" for k, v in (value.get("after") or {}).items())
        return {
            "turn": turn,
            "type": "node_update",
            "id": str(value.get("id", "")),
            "routing": "direct",
            "provenance": "ai-executed",
            "summary": changed or "updated",
        }

    def _revision(self, turn: int, change: dict[str, Any]) -> dict[str, Any]:
        before, after = change.get("before") or {}, change.get("after") or {}
        fields = [*before, *(k for k in after if k not in before)] or ["entry"]
        out: dict[str, Any] = {
            "turn": turn,
            "entry": str(change.get("id", "")),
            "field": ", ".join(fields),
            "before": before.get(fields[0]) if len(fields) == 1 else before or None,
            "after": after.get(fields[0]) if len(fields) == 1 else after or None,
        }
        if change.get("via"):
            out["signal"] = change["via"]
        out["provenance"] = "ai-executed"
        return out

    def save(self) -> list[str]:
        """Write every touched record (edited in place when it exists) and the session index;
        returns the paths written."""
        out = []
        for sid, rec in sorted(self.records.items()):
            rel = f"{SESSIONS}/{sid}.yaml"
            if self._upstream(rec) and not rec["session"].get("summary"):
                rec["session"]["summary"] = self._summary(rec)
            current, _ = self._read.get(sid, (None, None))
            if current is None:
                atomic_write(self.ws.root / rel, yamlio.dump(rec))
            else:
                current.write(edit_yaml(current.text, rel, rec))
            out.append(rel)
        if self.records and self._index():
            out.append(INDEX)
        return out

    def _summary(self, rec: dict[str, Any]) -> str:
        logged = rec.get("events_logged") or []
        ids = [str(e.get("id")) for e in logged if isinstance(e, dict) and e.get("id")]
        turns = rec["session"].get("turn_count") or 0
        return f"arakit live capture: {turns} event(s)" + (f"; {', '.join(ids)}" if ids else "")

    # -- session_index.yaml ---------------------------------------------------------------
    def _index(self) -> bool:
        """Add the sessions of this pass to session_index.yaml when the artifact keeps one,
        each entry with the keys its predecessors have."""
        current = TextFile.read(self.ws.root / INDEX, INDEX)
        if current is None:
            return False
        data = yamlio.load(current.text, INDEX)
        new = copy.deepcopy(data)
        entries = new.get("sessions") if isinstance(new, dict) else new
        if not isinstance(entries, list):
            return False
        known = {str(e.get("id")) for e in entries if isinstance(e, dict)}
        model = next((e for e in reversed(entries) if isinstance(e, dict)), None)
        for sid, rec in sorted(self.records.items()):
            values = self._index_values(sid, rec, model)
            if sid in known:
                for e in entries:
                    if isinstance(e, dict) and str(e.get("id")) == sid:
                        e.update({k: v for k, v in values.items() if k in e and k != "id"})
            else:
                entries.append(values)
        return current.write(edit_yaml(current.text, INDEX, new))

    def _index_values(self, sid: str, rec: dict[str, Any], model: Any) -> dict[str, Any]:
        head = rec["session"] if self._upstream(rec) else rec
        events = rec.get("events") or {}
        known: dict[str, Any] = {
            "id": sid,
            "date": sid[:10],
            "timestamp": head.get("started") or sid[:10],
            "file": f"{sid}.yaml",
            "summary": head.get("summary") if self._upstream(rec) else self._plain_summary(rec),
            "turn_count": head.get("turn_count"),
            "events_count": (events.get("last", 0) - events.get("first", 0) + 1)
            if events
            else None,
            "claims_touched": sorted(
                {
                    ref
                    for c in rec.get("logic_changes") or rec.get("logic_revisions") or []
                    if isinstance(c, dict)
                    and (ref := str(c.get("id") or c.get("entry") or ""))
                    and ref.startswith("C")
                }
            ),
        }
        if not isinstance(model, dict):
            return {"id": sid, "file": known["file"], "summary": known["summary"]}
        out: dict[str, Any] = {}
        for key, example in model.items():
            if key == "path" and isinstance(example, str):  # keep its prefix (`ara/trace/...`)
                prev = str(model.get("id", ""))
                out[key] = example.replace(prev, sid) if prev and prev in example else known["file"]
            elif key in known and known[key] is not None:
                out[key] = known[key]
        out.setdefault("id", sid)
        return out

    def _plain_summary(self, rec: dict[str, Any]) -> str:
        parts = [
            f"{len(rec.get(k) or [])} {k.replace('_', ' ')}"
            for k in ("nodes_added", "observations_added", "logic_changes")
            if rec.get(k)
        ]
        return "arakit live capture" + (": " + ", ".join(parts) if parts else "")
