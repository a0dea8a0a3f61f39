"""The router: each journal event becomes a journey fact in the exploration tree, an
interpretation in staging, or nothing (a skip rule), and says which.

Journey facts (runs, crashes, reverts, questions, decisions, dead ends, pivots) go straight to
`trace/exploration_tree.yaml` with `support_level: explicit` and the event as `source_refs`.
Interpretations (claims, heuristics, concepts, constraints, architecture, unknown notes, an
agent's assertions) go to `staging/observations.yaml` to wait for a closure signal.

Provenance: what the researcher typed or ran is `user`; commands an agent ran are
`ai-executed`; an agent's assertions are `ai-suggested`. The event's provenance is carried over.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from arakit.live.classify import JOURNEY_TYPES, classify_note, key_terms
from arakit.live.workspace import PENDING, Workspace, event_ref
from arakit.model.staging import StagedObservation
from arakit.model.trace import TraceNode

# Commands that look around rather than try something: never a node.
TRIVIAL = frozenset(
    [
        "ls",
        "ll",
        "la",
        "cd",
        "pwd",
        "cat",
        "less",
        "more",
        "head",
        "tail",
        "echo",
        "clear",
        "history",
        "which",
        "type",
        "man",
        "git",
        "grep",
        "rg",
        "find",
        "vim",
        "vi",
        "nano",
        "emacs",
        "code",
        "open",
        "top",
        "htop",
        "nvidia-smi",
        "ps",
        "kill",
        "du",
        "df",
        "env",
        "export",
        "source",
        "exit",
        "ara",
        "pip",
        "conda",
        "mkdir",
        "rm",
        "cp",
        "mv",
        "touch",
        "chmod",
        "tree",
        "wc",
        "diff",
        "sort",
    ]
)
# Commands that run something worth recording even when the outcome was not captured.
EXPERIMENT_LIKE = re.compile(
    r"^(python\d?(\.\d+)?|torchrun|accelerate|deepspeed|sbatch|srun|make|pytest|bash|sh|julia|"
    r"Rscript|cargo|go|node|\./\S+)$"
)
_REQUEST = re.compile(r"^\s*(can|could|would|will) you\b|^\s*please\b", re.I)


@dataclass
class Routed:
    """What the router did with one event."""

    action: str  # node | staged | skipped | recorded
    reason: str
    node: TraceNode | None = None
    observation: StagedObservation | None = None
    affirm: list[str] = field(default_factory=list)
    cites: list[str] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)


def event_text(event: dict[str, Any]) -> str:
    """The words of an event, for topic matching (command, note, commit subject, assertion)."""
    p = event.get("payload") or {}
    parts = [
        command_string(p),
        str(p.get("text") or ""),
        str(p.get("subject") or ""),
        " ".join(str(k) for k in (p.get("metrics") or {})),
        str(p.get("choice") or ""),
    ]
    return " ".join(x for x in parts if x)


def command_string(payload: dict[str, Any]) -> str:
    """The command of a command event as one shell-quoted line."""
    argv = payload.get("argv")
    if isinstance(argv, list) and argv:
        return shlex.join(str(a) for a in argv)
    return str(payload.get("command") or "")


def _argv0(payload: dict[str, Any]) -> str:
    cmd = command_string(payload).strip()
    try:
        first = shlex.split(cmd)[0] if cmd else ""
    except ValueError:
        first = cmd.split()[0] if cmd.split() else ""
    return first.rsplit("/", 1)[-1] if not first.startswith("./") else first


def _node(event: dict[str, Any], type_: str, title: str, **fields: Any) -> TraceNode:
    values = {k: v for k, v in fields.items() if k != "extra"}
    return TraceNode(
        id="",
        type=type_,
        title=title[:120],
        support_level="explicit",
        source_refs=[event_ref(int(event["seq"])), *fields.pop("refs", [])],
        provenance=event.get("provenance") or "user",
        timestamp=str(event.get("ts", ""))[:19],
        **{k: v for k, v in values.items() if k != "refs"},
        extra=fields.get("extra", {}),
    )


def _tail_metrics(tail: str) -> dict[str, Any]:
    """Metrics in an output tail that no scanner saw (an ingested tool result)."""
    from arakit.live.metrics import OutputScanner

    scanner = OutputScanner()
    scanner.feed(tail.encode())
    scanner.close()
    return scanner.metrics


def _metrics_summary(metrics: dict[str, Any], limit: int = 8) -> str:
    items = list(metrics.items())[:limit]
    return ", ".join(f"{k}={v}" for k, v in items)


def route(ws: Workspace, event: dict[str, Any], *, model: str | None = None) -> Routed:
    """Apply one event to the workspace and say what became of it."""
    seq = int(event["seq"])
    if ws.has_event_node(seq):
        return Routed("skipped", f"event {seq} is already in the tree")
    kind = event.get("kind")
    if kind == "command":
        return _command(ws, event)
    if kind == "commit":
        return _commit(ws, event)
    if kind == "note":
        return _note(ws, event, model)
    if kind == "transcript":
        return _assertion(ws, event)
    return Routed("recorded", f"{kind} events are kept in the journal only")


def _command(ws: Workspace, event: dict[str, Any]) -> Routed:
    p = event.get("payload") or {}
    cmd = command_string(p)
    name = _argv0(p)
    if not cmd or name in TRIVIAL:
        return Routed("skipped", f"skip rule: `{name or cmd}` looks around, it tests nothing")
    code = p.get("exit_code")
    extra: dict[str, Any] = {"command": cmd}
    for key in ("exp", "log"):
        if p.get(key):
            extra[key] = p[key]
    parent = ws.current_question()
    if code is None:
        if not EXPERIMENT_LIKE.match(name):
            return Routed("skipped", f"skip rule: `{name}` with no recorded outcome")
        node = _node(
            event,
            "experiment",
            cmd,
            result="outcome not captured (" + str(p.get("origin") or "history") + ")",
            extra=extra,
        )
        ws.add_node(node, parent)
        return Routed("node", "command with unknown outcome", node=node)
    if code == 0:
        metrics = p.get("metrics") or _tail_metrics(str(p.get("tail") or ""))
        result = _metrics_summary(metrics) if metrics else "exit 0"
        if p.get("tail_line") and not metrics:
            result += f"; last output: {p['tail_line']}"
        node = _node(event, "experiment", cmd, result=result, extra=extra)
        ws.add_node(node, parent)
        return Routed("node", "command succeeded: experiment", node=node)
    failure = p.get("error_signature") or f"exit code {code}"
    node = _node(
        event,
        "dead_end",
        cmd,
        hypothesis=f"`{cmd}` runs to completion",
        failure_mode=failure,
        lesson=PENDING,
        extra=extra,
    )
    ws.add_node(node, parent)
    return Routed("node", "command failed: dead_end", node=node)


def _commit(ws: Workspace, event: dict[str, Any]) -> Routed:
    p = event.get("payload") or {}
    action = p.get("action")
    branches = ws.state["left_branches"]
    if action == "checkout":
        old, new = p.get("from_branch"), p.get("to_branch")
        if old and new and old != new:
            branches.pop(new, None)
            if old not in ("main", "master"):
                branches[old] = {"seq": int(event["seq"]), "head": p.get("from_commit")}
            return Routed("recorded", f"branch switch {old} → {new}")
        return Routed("recorded", "checkout without a branch change")
    if action == "merge":
        merged = set(p.get("merged_branches") or [])
        for b in list(branches):
            if b in merged or f"'{b}'" in str(p.get("subject") or ""):
                branches.pop(b)
        return Routed("recorded", "merge")
    reverted = p.get("reverts")
    if action == "commit" and reverted:
        subject = str(p.get("reverted_subject") or reverted)
        node = _node(
            event,
            "dead_end",
            f"Reverted: {subject}",
            hypothesis=subject,
            failure_mode=f"reverted by commit {str(p.get('commit', ''))[:12]}",
            lesson=PENDING,
            refs=[f"commit {reverted}"],
        )
        ws.add_node(node, ws.current_question())
        return Routed("node", "revert commit: dead_end", node=node)
    return Routed("recorded", f"{action or 'commit'}: kept in the journal")


def _ids(values: Any, prefix: str) -> list[str]:
    from arakit.model.ids import normalize_id

    out = []
    for v in values or []:
        for tok in re.findall(rf"\b{prefix}\d+\b", str(v)):
            out.append(normalize_id(tok))
    return out


def _note(ws: Workspace, event: dict[str, Any], model: str | None) -> Routed:
    from arakit.live.classify import is_affirmation

    p = event.get("payload") or {}
    text = str(p.get("text") or "").strip()
    if p.get("lesson_for"):
        return _lesson(ws, str(p["lesson_for"]), text)
    given = p.get("type")
    affirm = _ids(p.get("affirm"), "O")
    if not given and is_affirmation(text):
        affirm += [i for i in _ids([text], "O") if i not in affirm]
        if not affirm:
            affirm = ["*"]  # the open observation the note is about, found by topic
    if affirm and not given:
        return Routed("recorded", "affirmation note", affirm=affirm)
    note_type = given or classify_note(text)
    reason = "type given by the researcher" if given else f"rules say {note_type}"
    if note_type == "unknown" and model:
        from arakit.live.classify import label_with_model

        note_type, warning = label_with_model(model, text)
        reason = warning or f"model {model} says {note_type}"
    if p.get("origin") and not given:
        if note_type == "unknown":
            return Routed("skipped", "skip rule: ingested conversation with no research content")
        if _REQUEST.match(text):
            return Routed("skipped", "skip rule: a request to the agent, not a research note")
    bind = [b for b in p.get("bind") or [] if str(b).upper().startswith("N")]
    cites = _ids([text, *(p.get("bind") or [])], "O") + _ids([text], "C")
    parent = ws.current_question()
    title = text.splitlines()[0] if text else note_type
    if note_type in JOURNEY_TYPES:
        if note_type == "question":
            node = _node(event, "question", title, description=text)
            ws.add_node(node)
        elif note_type == "decision":
            alts = [str(a) for a in p.get("alts") or []] or [PENDING]
            node = _node(
                event, "decision", title, choice=p.get("choice") or text, alternatives=alts
            )
            ws.add_node(node, parent)
        elif note_type == "dead-end":
            node = _node(
                event,
                "dead_end",
                title,
                hypothesis=text,
                failure_mode=p.get("choice") or PENDING,
                lesson=PENDING,
            )
            ws.add_node(node, parent)
        else:
            q = ws.node(parent) if parent else None
            node = _node(
                event,
                "pivot",
                title,
                trigger=text,
                to=p.get("choice") or text,
                from_=(q.title if q is not None else None) or PENDING,
            )
            ws.add_node(node)
        return Routed("node", reason, node=node, affirm=affirm, cites=cites)
    obs = StagedObservation(
        id="",
        content=text,
        potential_type=note_type if note_type != "unknown" else "unknown",
        provenance=event.get("provenance") or "user",
        bound_to=bind or ([ws.nodes_added[-1]] if ws.nodes_added else _last_node(ws)),
        created=str(event.get("ts", ""))[:19],
        promoted=False,
    )
    obs.extra["source_event"] = int(event["seq"])
    ws.add_observation(obs)
    return Routed("staged", reason, observation=obs, affirm=affirm, cites=cites)


def _lesson(ws: Workspace, node_id: str, text: str) -> Routed:
    node = ws.node(node_id)
    if node is None or node.type != "dead_end":
        return Routed("skipped", f"{node_id} is not a dead_end of the trace; no lesson set")
    change = {"id": node.id, "field": "lesson", "before": node.lesson, "after": text}
    node.lesson = text
    ws.touch_trace()
    return Routed("recorded", f"lesson of {node.id} set by the researcher", changes=[change])


def _last_node(ws: Workspace) -> list[str]:
    nodes = ws.trace.nodes()
    return [nodes[-1].id] if nodes else []


def _assertion(ws: Workspace, event: dict[str, Any]) -> Routed:
    p = event.get("payload") or {}
    text = str(p.get("text") or "").strip()
    if not text or not key_terms(text):
        return Routed("skipped", "skip rule: empty assertion")
    label = classify_note(text)
    obs = StagedObservation(
        id="",
        content=text,
        potential_type=label if label not in JOURNEY_TYPES else "unknown",
        provenance=event.get("provenance") or "ai-suggested",
        bound_to=_last_node(ws),
        created=str(event.get("ts", ""))[:19],
        promoted=False,
    )
    obs.extra["source_event"] = int(event["seq"])
    ws.add_observation(obs)
    return Routed("staged", f"agent assertion, rules say {label}", observation=obs)
