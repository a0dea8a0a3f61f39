"""Runs that could not be recorded, kept outside the artifact until they can be.

When `ara run` cannot append to the journal (read-only artifact, `trace` not a folder, disk
full, a broken journal), the event is appended to a spool file outside the artifact
(`locate.outside_path(root, "spool", ".jsonl")`). The next `ara run` on the same artifact
that records successfully, or `ara journal recover`, appends the spooled events first, in
order, with their original times and a note saying they were recorded late.
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path
from typing import Any

from arakit.live.locate import outside_path


def spool_file(root: str | Path) -> Path:
    """The spool of the artifact at `root` (it may not exist)."""
    return outside_path(root, "spool", ".jsonl")


def keep(root: str | Path, event: dict[str, Any], reason: str) -> Path:
    """Append one event (kind, source, payload, provenance, ts) to the spool, fsynced.

    Raises OSError when the spool cannot be written either."""
    path = spool_file(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    line = json.dumps({**event, "root": os.path.realpath(root), "reason": reason}) + "\n"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        data = line.encode()
        if os.write(fd, data) != len(data):
            raise OSError(28, "short write to the spool")
        os.fsync(fd)
    finally:
        os.close(fd)
    return path


def pending(root: str | Path) -> bool:
    """True when runs of this artifact wait in the spool (one stat: cheap on every run)."""
    return spool_file(root).exists()


def replay(root: str | Path) -> int:
    """Append every spooled event to the journal, oldest first; returns how many.

    The spool is locked while it is replayed; events appended are removed from it, so an
    append that fails half way leaves the rest for the next time (and raises)."""
    from arakit.live.journal import Journal, now_iso

    path = spool_file(root)
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return 0
    done = appended = 0
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        with os.fdopen(os.dup(fd), "rb") as fh:
            lines = [ln for ln in fh.read().splitlines() if ln.strip()]
        journal = Journal(root)
        try:
            for raw in lines:
                try:
                    ev = json.loads(raw)
                    payload = dict(ev["payload"])
                except (ValueError, KeyError, TypeError):
                    done += 1  # not an event we wrote: nothing to replay
                    continue
                payload["recorded_late"] = {"at": now_iso(), "because": ev.get("reason", "")}
                journal.append(
                    ev.get("kind", "command"),
                    payload,
                    source=ev.get("source", "ara run"),
                    provenance=ev.get("provenance", "user"),
                    ts=ev.get("ts"),
                )
                done += 1
                appended += 1
        finally:
            rest = lines[done:]
            if rest:
                os.ftruncate(fd, 0)
                os.pwrite(fd, b"".join(r + b"\n" for r in rest), 0)
                os.fsync(fd)
            else:
                os.unlink(path)
    finally:
        os.close(fd)
    return appended
