"""trace/events.jsonl: the append-only, hash-chained journal of captured events.

Each line is one JSON object: `seq`, `ts`, `kind`, `source`, `payload`, `provenance`, `prev`
(SHA-256 of the previous line's bytes, without its newline; "" for the first line) and `hash`
(SHA-256 of the event without `hash`, as canonical JSON). Appends hold an exclusive `flock` on
the journal file, write one whole line with a single `write`, and fsync before the lock is
released, so concurrent writers (several `ara run`, a git hook) never interleave or lose lines.

A last line without its newline is a torn write (power loss, kill -9 mid-append). The next
append, or `recover()`, moves it to `trace/events.quarantine.jsonl` and cuts the journal back to
the last whole line: nothing before it is lost.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from arakit.errors import ArtifactError

JOURNAL = "trace/events.jsonl"
QUARANTINE = "trace/events.quarantine.jsonl"
EVENT_KINDS = ("command", "commit", "note", "transcript", "file")
PROVENANCES = ("user", "ai-suggested", "ai-executed", "user-revised")
_TAIL_CHUNK = 64 * 1024


class JournalError(ArtifactError):
    """The journal cannot be read or appended to (a broken line, a bad event)."""

    code = "LIVE-JOURNAL-001"


def canonical(obj: Any) -> bytes:
    """Canonical JSON bytes: sorted keys, no spaces, UTF-8 kept as is."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def event_hash(event: dict[str, Any]) -> str:
    """SHA-256 of the event without its `hash` key, as canonical JSON."""
    return hashlib.sha256(canonical({k: v for k, v in event.items() if k != "hash"})).hexdigest()


def now_iso() -> str:
    """The current UTC time as ISO-8601 with microseconds and a Z."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


@dataclass
class Recovery:
    """What `recover()` found: the torn bytes moved aside, if any."""

    torn_bytes: int = 0
    quarantined_to: str | None = None


@dataclass
class VerifyReport:
    """The result of checking the chain: ok, how many events, and the first broken line."""

    events: int = 0
    ok: bool = True
    broken_line: int | None = None
    reason: str | None = None
    torn_tail: bool = False
    quarantined: int = 0
    problems: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A plain mapping for `--json`."""
        return {
            "events": self.events,
            "ok": self.ok,
            "broken_line": self.broken_line,
            "reason": self.reason,
            "torn_tail": self.torn_tail,
            "quarantined_lines": self.quarantined,
        }


class Journal:
    """The journal of one artifact folder."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.path = self.root / JOURNAL
        self.quarantine = self.root / QUARANTINE

    # -- writing --------------------------------------------------------------------------
    def append(
        self,
        kind: str,
        payload: dict[str, Any],
        *,
        source: str,
        provenance: str = "user",
        ts: str | None = None,
    ) -> dict[str, Any]:
        """Append one event under the lock, fsynced; returns the event as written.

        A torn last line found on the way is quarantined first (see `recover`).
        """
        if kind not in EVENT_KINDS:
            raise JournalError(
                f"unknown event kind {kind!r}; kinds are " + ", ".join(EVENT_KINDS), file=JOURNAL
            )
        if provenance not in PROVENANCES:
            raise JournalError(
                f"unknown provenance {provenance!r}; allowed: " + ", ".join(PROVENANCES),
                file=JOURNAL,
            )
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            self._cut_torn_tail(fd)
            last = _last_line(fd)
            prev_seq = 0
            prev_hash = ""
            if last is not None:
                prev_hash = hashlib.sha256(last).hexdigest()
                try:
                    prev_seq = int(json.loads(last)["seq"])
                except (ValueError, KeyError, TypeError):
                    raise JournalError(
                        "the last line is not an event; cannot continue the chain",
                        file=JOURNAL,
                        hint="run `ara journal verify` to find the damage",
                    ) from None
            event: dict[str, Any] = {
                "seq": prev_seq + 1,
                "ts": ts or now_iso(),
                "kind": kind,
                "source": source,
                "payload": payload,
                "provenance": provenance,
                "prev": prev_hash,
            }
            event["hash"] = event_hash(event)
            line = canonical(event) + b"\n"
            written = os.write(fd, line)
            if written != len(line):  # a short write: cut it, so no torn line stays behind
                os.ftruncate(fd, os.fstat(fd).st_size - written)
                raise JournalError("short write to the journal (disk full?)", file=JOURNAL)
            os.fsync(fd)
            return event
        finally:
            os.close(fd)  # closing releases the flock

    def recover(self) -> Recovery:
        """Quarantine a torn last line, if there is one, under the lock."""
        if not self.path.exists():
            return Recovery()
        fd = os.open(self.path, os.O_RDWR | os.O_APPEND)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            return self._cut_torn_tail(fd)
        finally:
            os.close(fd)

    def _cut_torn_tail(self, fd: int) -> Recovery:
        size = os.fstat(fd).st_size
        if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
            return Recovery()
        start = _last_newline_before(fd, size) + 1
        torn = os.pread(fd, size - start, start)
        record = canonical(
            {
                "quarantined": now_iso(),
                "offset": start,
                "bytes": torn.decode("utf-8", "backslashreplace"),
            }
        )
        with open(self.quarantine, "ab") as q:
            q.write(record + b"\n")
            q.flush()
            os.fsync(q.fileno())
        os.ftruncate(fd, start)
        os.fsync(fd)
        return Recovery(torn_bytes=len(torn), quarantined_to=QUARANTINE)

    # -- reading --------------------------------------------------------------------------
    def lines(self) -> Iterator[tuple[int, bytes]]:
        """(line number, bytes without newline) for every whole line."""
        if not self.path.exists():
            return
        with open(self.path, "rb") as fh:
            for n, raw in enumerate(fh, start=1):
                if raw.endswith(b"\n"):
                    yield n, raw[:-1]

    def events(self, after_seq: int = 0) -> list[dict[str, Any]]:
        """Every whole event with seq > after_seq; a line that is not JSON is an error."""
        out = []
        for n, raw in self.lines():
            try:
                ev = json.loads(raw)
            except ValueError as e:  # JSONDecodeError, or bytes that are not UTF-8
                raise JournalError(
                    f"line is not JSON ({getattr(e, 'msg', e)})",
                    file=JOURNAL,
                    line=n,
                    hint="run `ara journal verify` to see where the chain breaks",
                ) from None
            if isinstance(ev, dict) and int(ev.get("seq", 0)) > after_seq:
                out.append(ev)
        return out

    def verify(self) -> VerifyReport:
        """Check every line's JSON, seq, prev and hash; report the first broken line."""
        rep = VerifyReport()
        if self.quarantine.exists():
            with open(self.quarantine, "rb") as q:
                rep.quarantined = sum(1 for _ in q)
        if not self.path.exists():
            return rep
        prev_hash = ""
        expect_seq = 1
        for n, raw in self.lines():
            reason = _check_line(raw, prev_hash, expect_seq)
            if reason is not None:
                rep.ok, rep.broken_line, rep.reason = False, n, reason
                return rep
            rep.events += 1
            expect_seq += 1
            prev_hash = hashlib.sha256(raw).hexdigest()
        size = self.path.stat().st_size
        if size:
            with open(self.path, "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    rep.torn_tail = True
                    rep.ok = False
                    rep.broken_line = rep.events + 1
                    rep.reason = "torn last line (no newline): an append was cut off"
        return rep


def _check_line(raw: bytes, prev_hash: str, expect_seq: int) -> str | None:
    try:
        ev = json.loads(raw)
    except ValueError as e:  # JSONDecodeError, or bytes that are not UTF-8
        return f"not JSON ({getattr(e, 'msg', e)})"
    if not isinstance(ev, dict):
        return "not a JSON object"
    if ev.get("seq") != expect_seq:
        return f"seq is {ev.get('seq')!r}, expected {expect_seq}"
    if ev.get("prev") != prev_hash:
        return "prev does not match the SHA-256 of the line before (history was edited)"
    if ev.get("hash") != event_hash(ev):
        return "hash does not match the event's content (the line was edited)"
    return None


def _last_newline_before(fd: int, end: int) -> int:
    """Offset of the last b"\\n" before `end`, or -1."""
    pos = end
    while pos > 0:
        start = max(0, pos - _TAIL_CHUNK)
        chunk = os.pread(fd, pos - start, start)
        i = chunk.rfind(b"\n")
        if i >= 0:
            return start + i
        pos = start
    return -1


def _last_line(fd: int) -> bytes | None:
    """The last whole line (without newline) of a file that ends in a newline, or None."""
    size = os.fstat(fd).st_size
    if size == 0:
        return None
    start = _last_newline_before(fd, size - 1) + 1
    return os.pread(fd, size - 1 - start, start)
