"""trace/events.jsonl: the append-only, hash-chained journal of captured events.

Each line is one JSON object: `seq`, `ts`, `kind`, `source`, `payload`, `provenance`, `prev`
(SHA-256 of the previous line's bytes, without its newline; "" for the first line) and `hash`
(SHA-256 of the event without `hash`, as canonical JSON). Appends hold an exclusive `flock` on
the journal file, write one whole line with a single `write`, and fsync before the lock is
released, so concurrent writers (several `ara run`, a git hook) never interleave or lose lines.

A last line without its newline is a torn write (power loss, kill -9 mid-append). The next
append, or `recover()`, moves it to `trace/events.quarantine.jsonl` and cuts the journal back to
the last whole line: nothing before it is lost. A whole line that is not an event (a merge
conflict marker, an editor's slip) never stops the journal: readers skip it (and say so),
appends chain from the last real event, and `recover()` moves it to the quarantine file.

The chain proves the file is whole only against something outside it: every append records
the head (seq, hash) in an anchor outside the artifact, the processing pass in the
repository's git refs, and `ara seal` in seal.json (see `arakit.live.anchor`); `verify()`
checks the chain against each anchor it finds, so an edited event with every later hash
recomputed, or a cut-off end, is caught.
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
    """What `recover()` found: the torn bytes and broken lines moved aside, if any."""

    torn_bytes: int = 0
    quarantined_to: str | None = None
    broken_lines: list[int] = field(default_factory=list)


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
    anchors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """A plain mapping for `--json`."""
        return {
            "events": self.events,
            "ok": self.ok,
            "broken_line": self.broken_line,
            "reason": self.reason,
            "torn_tail": self.torn_tail,
            "quarantined_lines": self.quarantined,
            "anchors": self.anchors,
        }


class Journal:
    """The journal of one artifact folder."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)
        self.path = self.root / JOURNAL
        self.quarantine = self.root / QUARANTINE
        self.skipped: list[tuple[int, str]] = []  # (line, why) of lines `events()` passed over

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
        fd = self._open_locked(os.O_RDWR | os.O_CREAT | os.O_APPEND)
        try:
            self._cut_torn_tail(fd)
            prev_seq, prev_hash = _last_event(fd)
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
            from arakit.live.anchor import record_local

            record_local(self.root, event["seq"], event["hash"])
            return event
        finally:
            os.close(fd)  # closing releases the flock

    def _open_locked(self, flags: int) -> int:
        """The journal opened and exclusively locked; reopened when `recover()` replaced the
        file while this caller waited, so that no append lands in an unlinked file."""
        while True:
            fd = os.open(self.path, flags, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX)
            try:
                if os.fstat(fd).st_ino == os.stat(self.path).st_ino:
                    return fd
            except FileNotFoundError:
                pass
            os.close(fd)

    def recover(self) -> Recovery:
        """Under the lock: quarantine a torn last line, and every whole line that is not an
        event (the journal is rewritten without them, atomically; events are untouched)."""
        if not self.path.exists():
            return Recovery()
        fd = self._open_locked(os.O_RDWR | os.O_APPEND)
        try:
            rec = self._cut_torn_tail(fd)
            rec.broken_lines = self._quarantine_broken_lines(fd)
            if rec.broken_lines:
                rec.quarantined_to = QUARANTINE
            return rec
        finally:
            os.close(fd)

    def _quarantine_broken_lines(self, fd: int) -> list[int]:
        with os.fdopen(os.dup(fd), "rb") as fh:
            fh.seek(0)
            lines = fh.read().split(b"\n")[:-1]
        broken = [n for n, raw in enumerate(lines, start=1) if _parse(raw) is None]
        if not broken:
            return []
        offset = 0
        records = []
        for n, raw in enumerate(lines, start=1):
            if n in broken:
                records.append(_quarantine_record(raw, offset, line=n))
            offset += len(raw) + 1
        self._to_quarantine(records)
        kept = b"".join(raw + b"\n" for n, raw in enumerate(lines, start=1) if n not in broken)
        tmp = self.path.with_name(f".{self.path.name}.recover")
        with open(tmp, "wb") as out:
            out.write(kept)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, self.path)  # appenders waiting on the old file reopen (_open_locked)
        return broken

    def _to_quarantine(self, records: list[bytes]) -> None:
        with open(self.quarantine, "ab") as q:
            q.write(b"".join(r + b"\n" for r in records))
            q.flush()
            os.fsync(q.fileno())

    def _cut_torn_tail(self, fd: int) -> Recovery:
        size = os.fstat(fd).st_size
        if size == 0 or os.pread(fd, 1, size - 1) == b"\n":
            return Recovery()
        start = _last_newline_before(fd, size) + 1
        torn = os.pread(fd, size - start, start)
        self._to_quarantine([_quarantine_record(torn, start)])
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
        """Every whole event with seq > after_seq. A line that is not an event is passed
        over and listed in `self.skipped` (`ara journal recover` moves it aside)."""
        out = []
        self.skipped = []
        for n, raw in self.lines():
            ev = _parse(raw)
            if ev is None:
                self.skipped.append((n, "not a JSON event"))
                continue
            if ev["seq"] > after_seq:
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
        from arakit.live.anchor import check_anchors

        prev_hash = ""
        expect_seq = 1
        hashes: dict[int, tuple[int, str]] = {}
        for n, raw in self.lines():
            ev = _parse(raw)
            reason = _check_line(ev, raw, prev_hash, expect_seq)
            if reason is not None:
                rep.ok, rep.broken_line, rep.reason = False, n, reason
                return rep
            rep.events += 1
            expect_seq += 1
            prev_hash = hashlib.sha256(raw).hexdigest()
            hashes[rep.events] = (n, str(ev["hash"]))  # type: ignore[index]
        problem = check_anchors(self.root, hashes, rep.anchors)
        if problem is not None:
            rep.ok, (rep.broken_line, rep.reason) = False, problem
            return rep
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


def _parse(raw: bytes) -> dict[str, Any] | None:
    """The event on a line, or None when the line is not one (not JSON, no integer seq)."""
    try:
        ev = json.loads(raw)
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested to crash
        return None
    if not isinstance(ev, dict) or type(ev.get("seq")) is not int:
        return None
    return ev


def _quarantine_record(raw: bytes, offset: int, line: int | None = None) -> bytes:
    rec: dict[str, Any] = {"quarantined": now_iso(), "offset": offset}
    if line is not None:
        rec["line"] = line
    rec["sha256"] = hashlib.sha256(raw).hexdigest()
    rec["bytes"] = raw.decode("utf-8", "backslashreplace")
    return canonical(rec)


def _check_line(
    ev: dict[str, Any] | None, raw: bytes, prev_hash: str, expect_seq: int
) -> str | None:
    if ev is None:
        try:
            json.loads(raw)
            what = "a JSON value, but not an event"
        except (ValueError, RecursionError) as e:
            what = f"not JSON ({getattr(e, 'msg', e)})"
        return f"{what}; `ara journal recover` moves such lines aside"
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


def _last_event(fd: int, max_lines: int = 10_000) -> tuple[int, str]:
    """(seq, SHA-256 of its line) of the last line that is an event, in a file that ends in a
    newline; (0, "") when there is none. Lines that are not events are stepped over."""
    end = os.fstat(fd).st_size - 1
    for _ in range(max_lines):
        if end < 0:
            return 0, ""
        start = _last_newline_before(fd, end) + 1
        raw = os.pread(fd, end - start, start)
        ev = _parse(raw)
        if ev is not None:
            return ev["seq"], hashlib.sha256(raw).hexdigest()
        end = start - 1
    raise JournalError(
        f"none of the last {max_lines} lines is an event; cannot continue the chain",
        file=JOURNAL,
        hint="run `ara journal recover` to move the broken lines aside",
    )
