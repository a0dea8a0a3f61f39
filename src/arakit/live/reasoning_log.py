"""trace/pm_reasoning_log.yaml: the manager's reasoning, appended in the log's own shape.

arakit writes `turns:` items ({turn, ts, session, event, routed, why, signals}). The upstream
research manager writes `entries:` items ({turn: "2026-03-12_001#3", notes: [...]}, and older
{session, organizational_decisions, context_notes}). A log that already has a shape keeps it:
arakit's turns become upstream entries in an `entries:` log, and go under their own `turns:`
key in a log of any other shape. Nothing already in the log is rewritten.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from arakit.codec import yamlio
from arakit.codec.textfile import TextFile
from arakit.codec.yamledit import edit_yaml

PM_LOG = "trace/pm_reasoning_log.yaml"
_OTHER_TOP_KEY = re.compile(r"^[^\s#-]", re.M)


def append_turns(root: Path, turns: list[dict[str, Any]]) -> bool:
    """Add turns at the end of the log; returns True when the file changed."""
    if not turns:
        return False
    path = root / PM_LOG
    current = TextFile.read(path, PM_LOG)
    if current is None or current.text.strip() in ("", "turns: []"):
        from arakit.codec.fs import atomic_write

        return atomic_write(path, yamlio.dump({"turns": turns}))
    text = current.text
    if _only_turns(text):  # arakit's own log: append without parsing it
        block = yamlio.dump({"turns": turns}).split("\n", 1)[1]
        return current.write(text + ("" if text.endswith("\n") else "\n") + block)
    data = yamlio.load(text, PM_LOG)
    new = _with_turns(data, turns)
    return current.write(edit_yaml(text, PM_LOG, new))


def _only_turns(text: str) -> bool:
    """The log holds nothing but arakit's `turns:` list (no other top-level key)."""
    first, _, rest = text.partition("\n")
    return first.rstrip() == "turns:" and not _OTHER_TOP_KEY.search(rest)


def _with_turns(data: Any, turns: list[dict[str, Any]]) -> Any:
    import copy

    new = copy.deepcopy(data)
    if new is None:  # comments only
        return {"turns": list(turns)}
    if isinstance(new, list):
        return [*new, *turns]
    if not isinstance(new, dict):
        raise_shape(data)
    if isinstance(new.get("turns"), list):
        new["turns"] = [*new["turns"], *turns]
    elif isinstance(new.get("entries"), list):
        new["entries"] = [*new["entries"], *_as_entries(new["entries"], turns)]
    else:
        new["turns"] = list(turns)
    return new


def raise_shape(data: Any) -> None:
    from arakit.errors import WriteRefusedError

    raise WriteRefusedError(
        f"the reasoning log holds a {type(data).__name__}, not a mapping or a list; "
        "nothing was appended",
        file=PM_LOG,
        hint="make the file a mapping (for example `entries:` followed by a list)",
    )


def _as_entries(existing: list[Any], turns: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """arakit turns in the upstream research manager's shape: one entry per turn, numbered
    within its session (`2026-03-12_001#3`), its notes in words."""
    counts: dict[str, int] = {}
    for e in existing:
        if isinstance(e, dict) and isinstance(e.get("turn"), str) and "#" in e["turn"]:
            sid = e["turn"].split("#", 1)[0]
            counts[sid] = counts.get(sid, 0) + 1
    out = []
    for t in turns:
        sid = str(t.get("session") or "")
        counts[sid] = counts.get(sid, 0) + 1
        notes = [f"{t.get('event') or 'event'} {t.get('turn')}: {t.get('routed')} ({t.get('why')})"]
        for s in t.get("signals") or []:
            if isinstance(s, dict):
                notes.append(
                    f"closure signal {s.get('signal')} on {s.get('subject')}: {s.get('outcome')}"
                    + (f" ({s['reason']})" if s.get("reason") else "")
                )
        out.append({"turn": f"{sid}#{counts[sid]}", "notes": notes})
    return out
