"""The journal: hash chain, verification, torn lines, kill -9, concurrent writers."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from arakit.live.journal import JOURNAL, QUARANTINE, Journal, event_hash


def _three(root: Path) -> Journal:
    j = Journal(root)
    for i in range(3):
        j.append("note", {"text": f"note {i}"}, source="test")
    return j


def test_appends_form_a_chain_of_seq_prev_and_hash(tmp_path: Path) -> None:
    j = _three(tmp_path)
    lines = (tmp_path / JOURNAL).read_bytes().splitlines()
    evs = [json.loads(x) for x in lines]
    assert [e["seq"] for e in evs] == [1, 2, 3]
    assert evs[0]["prev"] == ""
    assert evs[1]["prev"] == hashlib.sha256(lines[0]).hexdigest()
    assert evs[2]["prev"] == hashlib.sha256(lines[1]).hexdigest()
    assert all(e["hash"] == event_hash(e) for e in evs)
    rep = j.verify()
    assert rep.ok and rep.events == 3


def test_an_edited_line_is_reported_with_its_line_number(tmp_path: Path) -> None:
    j = _three(tmp_path)
    path = tmp_path / JOURNAL
    lines = path.read_text().splitlines()
    lines[1] = lines[1].replace("note 1", "note X")
    path.write_text("\n".join(lines) + "\n")
    rep = j.verify()
    assert not rep.ok and rep.broken_line == 2 and "hash" in (rep.reason or "")


def test_a_deleted_line_breaks_the_chain_where_it_was(tmp_path: Path) -> None:
    j = _three(tmp_path)
    path = tmp_path / JOURNAL
    lines = path.read_text().splitlines()
    path.write_text(lines[0] + "\n" + lines[2] + "\n")
    rep = j.verify()
    assert not rep.ok and rep.broken_line == 2 and "seq" in (rep.reason or "")


def test_a_torn_last_line_is_quarantined_and_nothing_before_it_is_lost(tmp_path: Path) -> None:
    j = _three(tmp_path)
    path = tmp_path / JOURNAL
    whole = path.read_bytes()
    with open(path, "ab") as fh:
        fh.write(b'{"seq":4,"ts":"2026-')
    rep = j.verify()
    assert rep.torn_tail and rep.broken_line == 4 and rep.events == 3
    ev = j.append("note", {"text": "after the crash"}, source="test")
    assert ev["seq"] == 4
    assert path.read_bytes().startswith(whole)
    assert j.verify().ok and j.verify().events == 4
    q = [json.loads(x) for x in (tmp_path / QUARANTINE).read_text().splitlines()]
    assert q[0]["bytes"] == '{"seq":4,"ts":"2026-' and q[0]["offset"] == len(whole)
    assert j.verify().quarantined == 1


_HALF_WRITER = """
import fcntl, os, sys, time
fd = os.open(sys.argv[1], os.O_RDWR | os.O_APPEND)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, b'{"seq": 99, "kind": "note", "payload": {"text": "half')
print("written", flush=True)
time.sleep(60)
"""


def test_kill_9_in_the_middle_of_an_append_is_recovered(tmp_path: Path) -> None:
    j = _three(tmp_path)
    path = tmp_path / JOURNAL
    before = path.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", _HALF_WRITER, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "written"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    assert j.verify().torn_tail
    rec = j.recover()
    assert rec.torn_bytes > 0 and rec.quarantined_to == QUARANTINE
    assert path.read_bytes() == before
    j.append("note", {"text": "next"}, source="test")
    rep = j.verify()
    assert rep.ok and rep.events == 4


_FLOODER = """
import sys
from arakit.live.journal import Journal
j = Journal(sys.argv[1])
print("ready", flush=True)
i = 0
while True:
    j.append("note", {"text": "x" * 200000, "i": i}, source="flood")
    i += 1
"""


def test_kill_9_of_a_busy_writer_leaves_a_journal_that_verifies_after_recovery(
    tmp_path: Path,
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", _FLOODER, str(tmp_path)], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    time.sleep(0.5)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    child.stdout.close()
    j = Journal(tmp_path)
    j.recover()
    rep = j.verify()
    assert rep.ok and rep.events >= 1
    j.append("note", {"text": "after"}, source="test")
    assert j.verify().ok


def test_concurrent_writers_lose_no_event_and_keep_the_chain(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom arakit.live.journal import Journal\nj = Journal(sys.argv[1])\n"
        "for i in range(50):\n    j.append('note', {'w': sys.argv[2], 'i': i}, source='w')\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(tmp_path), str(w)]) for w in range(8)
    ]
    assert all(p.wait() == 0 for p in procs)
    j = Journal(tmp_path)
    rep = j.verify()
    assert rep.ok and rep.events == 400
    seen = {(e["payload"]["w"], e["payload"]["i"]) for e in j.events()}
    assert len(seen) == 400


def test_unknown_event_kind_is_refused_with_the_allowed_kinds(tmp_path: Path) -> None:
    import pytest

    from arakit.live.journal import JournalError

    with pytest.raises(JournalError, match="kinds are command, commit"):
        Journal(tmp_path).append("gossip", {}, source="t")


def test_a_broken_last_line_is_stepped_over_and_recover_leaves_a_whole_chain(
    tmp_path: Path,
) -> None:
    j = _three(tmp_path)
    path = tmp_path / JOURNAL
    with open(path, "ab") as fh:
        fh.write(b">>>>>>> other-branch\n" + b"[" * 100_000 + b"\n")  # a marker, a JSON bomb
    assert [e["seq"] for e in j.events()] == [1, 2, 3]
    assert [n for n, _ in j.skipped] == [4, 5]
    ev = j.append("note", {"text": "after the marker"}, source="test")
    assert ev["seq"] == 4  # chained from the last real event
    rep = j.verify()
    assert not rep.ok and rep.broken_line == 4 and "recover" in (rep.reason or "")
    rec = j.recover()
    assert rec.broken_lines == [4, 5] and rec.quarantined_to == QUARANTINE
    rep = j.verify()
    assert rep.ok and rep.events == 4
    q = [json.loads(x) for x in (tmp_path / QUARANTINE).read_text().splitlines()]
    assert q[0]["bytes"] == ">>>>>>> other-branch" and q[0]["line"] == 4
    assert q[0]["sha256"] == hashlib.sha256(b">>>>>>> other-branch").hexdigest()


def test_an_append_waiting_while_recover_replaces_the_file_lands_in_the_new_file(
    tmp_path: Path,
) -> None:
    j = _three(tmp_path)
    with open(tmp_path / JOURNAL, "ab") as fh:
        fh.write(b"not an event\n")
    code = (
        "import sys\nfrom arakit.live.journal import Journal\nj = Journal(sys.argv[1])\n"
        "for i in range(200):\n    j.append('note', {'i': i}, source='w')\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)])
    for _ in range(20):
        j.recover()
        with open(tmp_path / JOURNAL, "ab") as fh:
            fh.write(b"not an event\n")
    assert writer.wait() == 0
    j.recover()
    rep = j.verify()
    assert rep.ok and rep.events == 203
