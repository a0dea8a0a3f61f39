"""The four closure signals, contradictions, staleness and abandoned branches.

After the router has placed an event, `Closure.apply` decides what the event settles:

- topic abandonment: an open observation that no event has touched (its bound nodes, its ID or
  its key terms) in the last `k` events crystallizes, as a claim with status `hypothesis`;
- verbal affirmation: `ara note --affirm O3`, or a first-person note that affirms it;
- empirical resolution: a finished run bound to the observation (`ara run --bind O3`); when its
  `--expect` conditions fail the observation becomes a dead_end, not a claim; a crash settles
  nothing;
- artifact commitment: a decision that cites the observation.

Every signal it fires, and every one it considers and rejects, is returned as a decision for
`trace/pm_reasoning_log.yaml`; every change to logic/ goes to the session record.
"""

from __future__ import annotations

import re
from typing import Any

from arakit.live.classify import is_negated, key_terms, same_subject, shares_topic
from arakit.live.crystallize import Logic, short_title
from arakit.live.router import Routed, event_text
from arakit.live.sessions import SessionBook
from arakit.live.workspace import PENDING, Workspace, event_ref
from arakit.model.ids import normalize_id
from arakit.model.staging import StagedObservation
from arakit.model.trace import TraceNode

STALE_SESSION_DAYS = 3
_EXPECT = re.compile(
    r"^\s*([A-Za-z_][\w./-]*)\s*(>=|<=|==|!=|>|<)\s*(-?[\d.]+(?:[eE][-+]?\d+)?)\s*$"
)
_OPS = {
    ">=": lambda a, b: a >= b,
    "<=": lambda a, b: a <= b,
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    ">": lambda a, b: a > b,
    "<": lambda a, b: a < b,
}


def check_expectations(expect: list[str], metrics: dict[str, Any]) -> tuple[bool, list[str]]:
    """(all hold, one line per condition) for conditions such as `acc>=0.9`."""
    ok, lines = True, []
    for cond in expect:
        m = _EXPECT.match(cond)
        if not m:
            ok = False
            lines.append(f"{cond!r} is not a condition like acc>=0.9")
            continue
        name, op, want = m.group(1), m.group(2), float(m.group(3))
        got = metrics.get(name)
        if not isinstance(got, (int, float)) or isinstance(got, bool):
            ok = False
            lines.append(f"expected {cond}, but the run reported no {name}")
        elif _OPS[op](float(got), want):
            lines.append(f"{cond} holds ({name}={got})")
        else:
            ok = False
            lines.append(f"expected {cond}, measured {name}={got}")
    return ok, lines


class Closure:
    """Applies closure signals for one processing pass."""

    def __init__(self, ws: Workspace, logic: Logic, book: SessionBook, k: int = 5) -> None:
        self.ws, self.logic, self.book, self.k = ws, logic, book, k
        self.touched: dict[str, list[Any]] = ws.state.setdefault("touched", {})

    def open_observations(self) -> list[StagedObservation]:
        """Observations not yet promoted."""
        return [o for o in self.ws.staging.observations if not o.promoted]

    def apply(self, event: dict[str, Any], routed: Routed, sid: str) -> list[dict[str, Any]]:
        """Fire the signals this event carries; returns the decisions made (fired and rejected)."""
        seq = int(event["seq"])
        day = str(event["ts"])[:10]
        self.sid, self.seq, self.day = sid, seq, day
        out: list[dict[str, Any]] = []
        if routed.observation is not None:
            self.touched[routed.observation.id] = [seq, day]
            out += self._contradictions(routed.observation)
        out += self._affirmations(event, routed)
        out += self._empirical(event, routed)
        out += self._commitment(routed)
        out += self._touches(event, routed)
        out += self._abandonment()
        out += self._abandoned_branches(event)
        return out

    # -- helpers --------------------------------------------------------------------------
    def _stamp(self) -> str:
        return f"{self.day} (session {self.sid}, event {self.seq})"

    def _promote(
        self, obs: StagedObservation, signal: str, status: str, proof: list[str] | None = None
    ) -> dict[str, Any]:
        made = self.logic.crystallize(obs, status=status, stamp=self._stamp(), proof=proof)
        if made is None:
            return _decision(
                obs.id, signal, "rejected", f"type {obs.potential_type!r} has no home in logic/"
            )
        rel, change = made
        obs.promoted, obs.promoted_to, obs.crystallized_via = True, str(change["id"]), signal
        obs.stale = None
        self.ws.touch_staging()
        self.book.add(self.sid, "logic_changes", {**change, "via": signal, "event": self.seq})
        return _decision(obs.id, signal, "fired", f"crystallized as {change['id']} in {rel}")

    def _resolve(self, ref: str, text: str) -> list[StagedObservation]:
        if ref != "*":
            o = self.ws.observation(ref)
            return [o] if o is not None else []
        topical = [o for o in self.open_observations() if shares_topic(key_terms(o.content), text)]
        return topical[-1:]

    # -- the four signals -----------------------------------------------------------------
    def _affirmations(self, event: dict[str, Any], routed: Routed) -> list[dict[str, Any]]:
        out = []
        text = str((event.get("payload") or {}).get("text") or "")
        for ref in routed.affirm:
            found = self._resolve(ref, text)
            if not found:
                out.append(
                    _decision(ref, "verbal-affirmation", "rejected", "no open observation matches")
                )
            for obs in found:
                if obs.promoted:
                    out.append(
                        _decision(obs.id, "verbal-affirmation", "rejected", "already promoted")
                    )
                else:
                    if (obs.potential_type or "unknown") == "unknown":
                        obs.potential_type = "claim"  # what a researcher affirms is a claim
                    out.append(self._promote(obs, "verbal-affirmation", "hypothesis"))
        return out

    def _empirical(self, event: dict[str, Any], routed: Routed) -> list[dict[str, Any]]:
        p = event.get("payload") or {}
        if event.get("kind") != "command" or not p.get("bind"):
            return []
        out = []
        code = p.get("exit_code")
        expect = [str(x) for x in p.get("expect") or []]
        holds, lines = check_expectations(expect, p.get("metrics") or {})
        why = "; ".join(lines) or "finished with exit 0, no expectation given"
        for ref in p["bind"]:
            ref = normalize_id(str(ref))
            if code != 0:
                out.append(
                    _decision(ref, "empirical-resolution", "rejected", f"run failed (exit {code})")
                )
                continue
            target = ("supported" if holds else "refuted") if expect else "testing"
            if ref.startswith("C"):
                changes = self.logic.move_claim(ref, target, self._stamp())
                for ch in changes:
                    self.book.add(
                        self.sid,
                        "logic_changes",
                        {**ch, "via": "empirical-resolution", "event": self.seq},
                    )
                outcome = "fired" if changes else "rejected"
                out.append(_decision(ref, "empirical-resolution", outcome, f"→ {target}: {why}"))
                continue
            obs = self.ws.observation(ref)
            if obs is None or obs.promoted:
                out.append(
                    _decision(ref, "empirical-resolution", "rejected", "not an open observation")
                )
            elif expect and not holds:
                out.append(self._refute(obs, routed, why))
            else:
                proof = [normalize_id(str(p["exp"]))] if p.get("exp") else None
                out.append(self._promote(obs, "empirical-resolution", target, proof))
        return out

    def _refute(self, obs: StagedObservation, routed: Routed, why: str) -> dict[str, Any]:
        node = TraceNode(
            id="",
            type="dead_end",
            title=f"Refuted: {short_title(obs.content)}",
            support_level="explicit",
            source_refs=[event_ref(self.seq), f"staging {obs.id}"],
            provenance=obs.provenance or "user",
            hypothesis=obs.content,
            failure_mode=why,
            lesson=PENDING,
        )
        parent = routed.node.id if routed.node is not None else None
        self.ws.add_node(node, parent)
        obs.promoted, obs.promoted_to = True, node.id
        obs.crystallized_via = "empirical-resolution"
        self.ws.touch_staging()
        return _decision(obs.id, "empirical-resolution", "fired", f"refuted → dead_end {node.id}")

    def _commitment(self, routed: Routed) -> list[dict[str, Any]]:
        if routed.node is None or routed.node.type != "decision":
            return []
        out = []
        for ref in routed.cites:
            obs = self.ws.observation(ref)
            if obs is None or obs.promoted:
                continue
            out.append(self._promote(obs, "artifact-commitment", "hypothesis"))
        return out

    def _touches(self, event: dict[str, Any], routed: Routed) -> list[dict[str, Any]]:
        text = event_text(event)
        p = event.get("payload") or {}
        ids = {normalize_id(str(b)) for b in p.get("bind") or []}
        ids |= {normalize_id(t) for t in re.findall(r"\b[NO]\d+\b", text)}
        out = []
        for obs in self.open_observations():
            if routed.observation is obs:
                continue
            bound = set(obs.bound_to or [])
            hit = obs.id in ids or bound & ids or shares_topic(key_terms(obs.content), text)
            if routed.node is not None and routed.node.id in bound:
                hit = True
            if hit:
                self.touched[obs.id] = [self.seq, self.day]
                marked = self.ws.state.setdefault("marked_stale", [])
                if obs.stale and obs.id in marked:  # only what this manager marked stale
                    obs.stale = False
                    marked.remove(obs.id)
                    self.ws.touch_staging()
                out.append(
                    _decision(obs.id, "topic-abandonment", "rejected", "this event touches it")
                )
        return out

    def _abandonment(self) -> list[dict[str, Any]]:
        out = []
        logged = self.ws.state.setdefault("abandon_rejected", [])
        for obs in self.open_observations():
            last = self.touched.get(obs.id, [int(obs.extra.get("source_event", 0) or 0)])[0]
            if self.seq - int(last) < self.k:
                continue
            if (obs.potential_type or "unknown") == "unknown":
                if obs.id not in logged:
                    logged.append(obs.id)
                    out.append(
                        _decision(
                            obs.id,
                            "topic-abandonment",
                            "rejected",
                            f"idle {self.k} events but its type is unknown: left for the researcher",
                        )
                    )
                continue
            out.append(self._promote(obs, "topic-abandonment", "hypothesis"))
        return out

    def _contradictions(self, new: StagedObservation) -> list[dict[str, Any]]:
        neg = is_negated(new.content)
        rivals: list[tuple[str, str]] = []
        for o in self.ws.staging.observations:
            if (
                o is not new
                and same_subject(new.content, o.content)
                and is_negated(o.content) != neg
            ):
                rivals.append((o.id, o.content))
        if self.logic_has_claims():
            for c in self.logic.claims():
                text = c.statement or c.title
                if same_subject(new.content, text) and is_negated(text) != neg:
                    rivals.append((c.id, text))
        out = []
        for rid, rtext in rivals:
            new.extra.setdefault("contradicts", []).append(rid)
            if rid.startswith("O"):
                other = self.ws.observation(rid)
                if other is not None:
                    other.extra.setdefault("contradicts", []).append(new.id)
            else:
                change = self.logic.flag_claim(rid, new.id)
                if change:
                    self.book.add(self.sid, "logic_changes", {**change, "event": self.seq})
            node = TraceNode(
                id="",
                type="decision",
                title=f"Contradiction: {new.id} vs {rid}",
                support_level="inferred",
                provenance="ai-suggested",
                status="unresolved",
                choice=PENDING,
                alternatives=[f"{rid}: {rtext}", f"{new.id}: {new.content}"],
            )
            self.ws.add_node(node, self.ws.current_question())
            self.ws.touch_staging()
            out.append(_decision(new.id, "contradiction", "fired", f"contradicts {rid}; {node.id}"))
        return out

    def logic_has_claims(self) -> bool:
        """True when logic/claims.md exists (avoids reading logic/ when there is nothing)."""
        return (self.ws.root / "logic/claims.md").exists() or self.logic._art is not None

    def _abandoned_branches(self, event: dict[str, Any]) -> list[dict[str, Any]]:
        out = []
        left = self.ws.state["left_branches"]
        for branch, info in list(left.items()):
            if self.seq - int(info["seq"]) < self.k:
                continue
            left.pop(branch)
            node = TraceNode(
                id="",
                type="dead_end",
                title=f"Branch {branch} abandoned",
                support_level="explicit",
                source_refs=[event_ref(int(info["seq"])), f"branch {branch}"],
                provenance="user",
                hypothesis=f"the work on branch {branch} (head {str(info.get('head'))[:12]})",
                failure_mode=f"left unmerged and untouched for {self.k} events",
                lesson=PENDING,
            )
            self.ws.add_node(node, self.ws.current_question())
            out.append(_decision(branch, "branch-abandonment", "fired", f"dead_end {node.id}"))
        return out

    def mark_stale(self) -> None:
        """Set `stale: true` on open observations idle for STALE_SESSION_DAYS session-days."""
        days = sorted(self.ws.state.get("session_days", []))
        for obs in self.open_observations():
            since = self.touched.get(obs.id, [0, str(obs.created or "")[:10]])[1]
            idle = sum(1 for d in days if d > since)
            if idle >= STALE_SESSION_DAYS and not obs.stale:
                obs.stale = True
                self.ws.state.setdefault("marked_stale", []).append(obs.id)
                self.ws.touch_staging()


def _decision(subject: str, signal: str, outcome: str, reason: str) -> dict[str, Any]:
    return {"subject": subject, "signal": signal, "outcome": outcome, "reason": reason}
