"""`ara ingest PATH`: agent transcripts and shell history → journal events.

Formats, detected from the content:

- Claude Code session JSONL (`{"type": "user"|"assistant", "message": {...}, "timestamp"}`),
- generic JSONL of `{role, content, tool_calls, timestamp}` (OpenAI-style `function.arguments`
  strings too),
- zsh extended history (`: 1700000000:0;cmd`) and bash history with HISTTIMEFORMAT
  (`#1700000000` before each command).

Commands an agent ran become `command` events (provenance ai-executed, with the outcome when
the transcript has the tool result); the user's words become `note` events (user); the agent's
assertions become `transcript` events that the router stages (ai-suggested). Every item carries
a key derived from its origin, time, text and occurrence, so ingesting a file twice adds nothing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from arakit.errors import ParseError, UsageError
from arakit.live.journal import Journal

SHELL_TOOLS = frozenset({"bash", "shell", "run_command", "execute_command", "terminal", "exec"})
_ASSERTION = re.compile(
    r"\b(shows?|showed|improv\w*|outperform\w*|reduc\w*|increas\w*|caus\w*|because|turns out|"
    r"confirm\w*|faster|slower|better|worse|the (issue|problem|bug|cause) (is|was))\b|\d+(\.\d+)?%",
    re.I,
)
_PLAN = re.compile(r"^(I'll|I will|Let me|Let's|Now I|Next,? I|I'm going to)\b", re.I)
_ZSH = re.compile(r"^: (\d{9,11}):\d+;(.*)$")
_BASH_TS = re.compile(r"^#(\d{9,11})$")


@dataclass
class Item:
    """One thing to journal: kind, payload, provenance, timestamp."""

    kind: str
    payload: dict[str, Any]
    provenance: str
    ts: str | None


@dataclass
class IngestReport:
    """How many items a file held, how many were new, and what processing made of them."""

    format: str
    found: int = 0
    added: int = 0
    duplicates: int = 0
    nodes: list[str] = field(default_factory=list)
    observations: list[str] = field(default_factory=list)


def _iso(value: Any) -> str | None:
    if isinstance(value, (int, float)):
        return datetime.fromtimestamp(float(value), UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, str) and value:
        try:
            dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return None


def assertions(text: str, limit: int = 3) -> list[str]:
    """Sentences of an agent's message that assert a finding (not plans, not questions)."""
    out = []
    for sent in re.split(r"(?<=[.!])\s+|\n+", text):
        s = sent.strip(" -*#>`")
        if (
            20 <= len(s) <= 400
            and not s.endswith("?")
            and not _PLAN.match(s)
            and _ASSERTION.search(s)
        ):
            out.append(s)
        if len(out) >= limit:
            break
    return out


def _text_of(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(
            str(c.get("text", ""))
            for c in content
            if isinstance(c, dict) and c.get("type") == "text"
        )
    return ""


def _command_of(name: Any, args: Any) -> str | None:
    if str(name or "").lower() not in SHELL_TOOLS:
        return None
    if isinstance(args, str):
        try:
            args = json.loads(args)
        except ValueError:
            return args or None
    if isinstance(args, dict):
        cmd = args.get("command") or args.get("cmd")
        if isinstance(cmd, list):
            return " ".join(str(x) for x in cmd)
        return str(cmd) if cmd else None
    return None


def _records(text: str, rel: str) -> list[tuple[int, dict[str, Any]]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            raise ParseError(
                f"line is not JSON ({e.msg}); expected one JSON object per line",
                file=rel,
                line=n,
                column=e.colno,
            ) from None
        if isinstance(rec, dict):
            out.append((n, rec))
    return out


def parse_transcript(text: str, rel: str) -> tuple[str, list[Item]]:
    """(format, items) of a Claude Code or generic JSONL transcript."""
    records = _records(text, rel)
    claude = any("message" in r and r.get("type") in ("user", "assistant") for _, r in records)
    fmt = "claude-code" if claude else "jsonl"
    items: list[Item] = []
    pending: dict[str, Item] = {}  # tool_use id → its command item, waiting for the result
    for _, rec in records:
        msg = rec.get("message") if claude else rec
        if not isinstance(msg, dict) or (claude and rec.get("isMeta")):
            continue
        role = msg.get("role") or rec.get("type")
        ts = _iso(rec.get("timestamp") or msg.get("timestamp"))
        content = msg.get("content")
        calls: list[tuple[str | None, Any, Any]] = []
        results: list[dict[str, Any]] = []
        if isinstance(content, list):
            for c in content:
                if not isinstance(c, dict):
                    continue
                if c.get("type") == "tool_use":
                    calls.append((c.get("id"), c.get("name"), c.get("input")))
                elif c.get("type") == "tool_result":
                    results.append(c)
        for tc in msg.get("tool_calls") or []:
            if isinstance(tc, dict):
                fn: dict[str, Any] = tc["function"] if isinstance(tc.get("function"), dict) else tc
                calls.append((tc.get("id"), fn.get("name"), fn.get("arguments", fn.get("input"))))
        words = _text_of(content).strip()
        if role == "user" and words and not results and not words.startswith("<"):
            items.append(Item("note", {"text": words[:2000], "origin": fmt}, "user", ts))
        elif role == "assistant" and words:
            for s in assertions(words):
                items.append(Item("transcript", {"text": s, "origin": fmt}, "ai-suggested", ts))
        for call_id, name, args in calls:
            cmd = _command_of(name, args)
            if cmd:
                item = Item("command", {"command": cmd, "origin": fmt}, "ai-executed", ts)
                items.append(item)
                if call_id:
                    pending[str(call_id)] = item
        for res in results:
            done = pending.pop(str(res.get("tool_use_id")), None)
            if done is not None:
                item = done
                out = (
                    _text_of(res.get("content"))
                    if not isinstance(res.get("content"), str)
                    else res["content"]
                )
                item.payload["exit_code"] = 1 if res.get("is_error") else 0
                item.payload["tail"] = str(out)[-1000:]
                if res.get("is_error"):
                    last = [ln for ln in str(out).splitlines() if ln.strip()]
                    item.payload["error_signature"] = last[-1][:300] if last else "tool error"
    return fmt, items


def parse_history(text: str) -> tuple[str, list[Item]]:
    """(format, items) of zsh extended history or bash history with timestamps."""
    items: list[Item] = []
    lines = text.splitlines()
    if any(_ZSH.match(ln) for ln in lines[:50]):
        cur: list[str] | None = None
        stamp = None
        for ln in lines:
            m = _ZSH.match(ln)
            if m:
                if cur is not None:
                    items.append(_hist("zsh", "\n".join(cur), stamp))
                stamp, cur = int(m.group(1)), [m.group(2)]
            elif cur is not None:
                cur.append(ln)
        if cur is not None:
            items.append(_hist("zsh", "\n".join(cur), stamp))
        return "zsh", items
    stamp = None
    for ln in lines:
        m = _BASH_TS.match(ln)
        if m:
            stamp = int(m.group(1))
        elif ln.strip() and stamp is not None:
            items.append(_hist("bash", ln, stamp))
            stamp = None
    if not items:
        raise UsageError(
            "no timestamped commands found",
            hint="use zsh EXTENDED_HISTORY, or bash with HISTTIMEFORMAT set, or a JSONL transcript",
        )
    return "bash", items


def _hist(origin: str, cmd: str, stamp: int | None) -> Item:
    return Item(
        "command", {"command": cmd.rstrip("\\").strip(), "origin": origin}, "user", _iso(stamp)
    )


def _key(item: Item, seen: dict[str, int]) -> str:
    text = item.payload.get("command") or item.payload.get("text") or ""
    base = f"{item.payload.get('origin')}|{item.kind}|{item.ts}|{text}"
    n = seen.get(base, 0)
    seen[base] = n + 1
    return hashlib.sha256(f"{base}|{n}".encode()).hexdigest()[:32]


def ingest(root: Path, path: str | Path) -> IngestReport:
    """Journal every new item of a transcript or history file, then process the journal."""
    from arakit.codec.fs import decode
    from arakit.live.manager import process

    src = Path(path)
    if not src.is_file():
        raise UsageError(
            f"{src}: no such file", hint="give a transcript (.jsonl) or a history file"
        )
    text = decode(src.read_bytes(), str(src))
    first = next((ln for ln in text.splitlines() if ln.strip()), "")
    if first.lstrip().startswith("{"):
        fmt, items = parse_transcript(text, str(src))
    else:
        fmt, items = parse_history(text)
    journal = Journal(root)
    known = {ev.get("payload", {}).get("key") for ev in journal.events()}
    rep = IngestReport(format=fmt, found=len(items))
    seen: dict[str, int] = {}
    for item in items:
        item.payload["key"] = _key(item, seen)
        if item.payload["key"] in known:
            rep.duplicates += 1
            continue
        journal.append(
            item.kind,
            item.payload,
            source=f"ingest {src.name}",
            provenance=item.provenance,
            ts=item.ts,
        )
        rep.added += 1
    if rep.added:
        res = process(root)
        rep.nodes, rep.observations = res.nodes, res.observations
    return rep
