"""`ara run` never stands between a researcher and their command.

Every fault here is real: no artifact, a `trace` that is a file, a read-only bind mount, a
tmpfs that fills while the command prints (piped and on a pseudo-terminal), a journal with a
merge-conflict marker in the middle, and a journal rewritten to hide an edit. In each, the
command runs to its end, its output and exit code are its own, one line on stderr says what
was not recorded, and what could not be recorded then is recorded later.
"""

from __future__ import annotations

import json
import os
import pty
import select
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from arakit.live.journal import JOURNAL, Journal, canonical, event_hash
from arakit.live.spool import spool_file
from tests.fixtures.mounts import fill, read_only, tmpfs
from tests.live.helpers import ARA, ara, events

LOUD = "import os, sys\nsys.stdout.buffer.write(os.urandom({n}))\nsys.stderr.write('done\\n')\nsys.exit({code})\n"


def ara_lines(stderr: bytes) -> list[bytes]:
    """The lines `ara run` itself wrote on stderr."""
    return [ln for ln in stderr.splitlines() if ln.startswith(b"ara run:")]


def test_without_an_artifact_the_command_runs_and_one_line_says_why(tmp_path: Path) -> None:
    code = "import sys; print('out'); print('err', file=sys.stderr); open('ran', 'w'); sys.exit(3)"
    r = ara(["run", "--", sys.executable, "-c", code], tmp_path, env={"ARA_ARTIFACT": ""})
    assert r.returncode == 3 and r.stdout == b"out\n" and (tmp_path / "ran").exists()
    assert r.stderr.startswith(b"err\n") and b"Traceback" not in r.stderr
    [line] = ara_lines(r.stderr)
    assert b"not recorded: no artifact found" in line


def test_an_explicit_artifact_that_does_not_exist_still_runs_the_command(tmp_path) -> None:
    r = ara(["run", "-a", str(tmp_path / "nope"), "--", "sh", "-c", "exit 5"], tmp_path)
    assert r.returncode == 5
    [line] = ara_lines(r.stderr)
    assert b"no such artifact folder" in line


def test_trace_that_is_a_file_runs_the_command_spools_it_and_records_it_later(
    tmp_path: Path,
) -> None:
    art = tmp_path / "a"
    art.mkdir()
    (art / "PAPER.md").write_text("# A\n")
    (art / "trace").write_text("not a folder")
    r = ara(["run", "-a", str(art), "--", "sh", "-c", "echo acc=0.5; exit 2"], tmp_path)
    assert r.returncode == 2 and r.stdout == b"acc=0.5\n"
    [line] = ara_lines(r.stderr)
    assert b"not recorded" in line and b"recorded by the next" in line
    assert spool_file(art).exists()
    (art / "trace").unlink()
    (art / "trace").mkdir()
    r = ara(["run", "-a", str(art), "--", "true"], tmp_path)
    assert r.returncode == 0 and b"1 earlier run(s)" in r.stderr
    first, second = events(art)
    assert first["payload"]["exit_code"] == 2 and first["payload"]["metrics"] == {"acc": 0.5}
    assert "recorded_late" in first["payload"] and "recorded_late" not in second["payload"]
    assert first["ts"] < second["ts"] and not spool_file(art).exists()
    assert Journal(art).verify().ok


def test_a_read_only_artifact_runs_the_command_and_records_it_when_writable_again(
    tmp_path: Path,
) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    ara(["run", "-a", str(art), "--", "true"], tmp_path)
    with read_only(art):
        with pytest.raises(OSError):
            (art / "probe").write_text("x")  # root too: it is a real read-only mount
        r = ara(["run", "-a", str(art), "--", "sh", "-c", "echo hi; exit 7"], tmp_path)
        assert r.returncode == 7 and r.stdout == b"hi\n"
        [line] = ara_lines(r.stderr)
        assert b"Read-only file system" in line and b"kept in" in line
    r = ara(["journal", "recover", "-a", str(art)], tmp_path)
    assert r.returncode == 0 and b"recorded 1 run(s)" in r.stdout
    assert [e["payload"]["exit_code"] for e in events(art)] == [0, 7]


def test_a_note_on_a_read_only_artifact_is_a_clean_error_and_is_kept_until_writable(
    tmp_path: Path,
) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    with read_only(art):
        r = ara(["note", "-a", str(art), "the smaller model is faster"], tmp_path)
        assert r.returncode == 1 and b"Traceback" not in r.stderr
        assert b"Read-only file system" in r.stderr and b"kept in" in r.stderr
        assert not (art / "trace" / "events.jsonl").exists()
    r = ara(["journal", "recover", "-a", str(art)], tmp_path)
    assert r.returncode == 0
    assert [e["payload"]["text"] for e in events(art)] == ["the smaller model is faster"]


@contextmanager
def artifact_on_a_small_disk(tmp_path: Path, size: int, leave: int) -> Iterator[Path]:
    """An artifact on a tmpfs of `size` bytes filled until `leave` bytes are free."""
    with tmpfs(tmp_path / "disk", size) as disk:
        art = disk / "a"
        (art / "trace").mkdir(parents=True)
        fill(disk, leave=leave)
        yield art


def test_a_disk_that_fills_while_the_command_prints_never_hangs_or_cuts_the_output(
    tmp_path: Path,
) -> None:
    with artifact_on_a_small_disk(tmp_path, 2 << 20, leave=256 << 10) as art:
        loud = LOUD.format(n=16 << 20, code=4)  # random bytes: the gzip log fills the disk
        r = ara(["run", "-a", str(art), "--", sys.executable, "-c", loud], tmp_path, timeout=120)
        assert r.returncode == 4 and len(r.stdout) == 16 << 20
        assert r.stderr.startswith(b"done\n") and b"Traceback" not in r.stderr
        [line] = ara_lines(r.stderr)
        assert b"the output log was not kept: No space left on device" in line
        logs = list((art / "trace" / "logs").glob("*")) if (art / "trace/logs").is_dir() else []
        assert logs == []  # the cut log was removed, its space given back
    assert not (tmp_path / "disk" / "a").exists()  # the tmpfs is gone, nothing leaked


def test_a_full_disk_with_little_output_keeps_the_exit_code_and_spools_the_run(
    tmp_path: Path,
) -> None:
    with artifact_on_a_small_disk(tmp_path, 1 << 20, leave=0) as art:
        r = ara(["run", "-a", str(art), "--", "sh", "-c", "echo small; exit 9"], tmp_path)
        assert r.returncode == 9 and r.stdout == b"small\n" and b"Traceback" not in r.stderr
        [line] = ara_lines(r.stderr)
        assert b"No space left on device" in line and b"kept in" in line
        (art.parent / ".filler").unlink()
        r = ara(["run", "-a", str(art), "--", "true"], tmp_path)
        assert r.returncode == 0
        assert [e["payload"]["exit_code"] for e in events(art)] == [9, 0]


def test_on_a_terminal_a_full_disk_neither_kills_the_command_nor_hangs(tmp_path: Path) -> None:
    with artifact_on_a_small_disk(tmp_path, 2 << 20, leave=128 << 10) as art:
        marker = tmp_path / "finished"
        code = (
            "import os, sys\nfor _ in range(64):\n    sys.stdout.buffer.write(os.urandom(1 << 16)"
            ".hex().encode())\n    sys.stdout.flush()\n"
            f"open({str(marker)!r}, 'w').write('ok')\nsys.exit(6)\n"
        )
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(
                sys.executable, [*ARA, "run", "-a", str(art), "--", sys.executable, "-c", code]
            )
        got = 0
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            ready, _, _ = select.select([fd], [], [], 1.0)
            if not ready:
                continue
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            got += len(chunk)
        status = os.waitpid(pid, 0)[1]
        os.close(fd)
        assert os.waitstatus_to_exitcode(status) == 6
        assert marker.read_text() == "ok"  # the command ran to its end
        assert got >= 64 * (1 << 17)


def test_a_merge_conflict_marker_in_the_journal_never_stops_run_status_or_recover(
    tmp_path: Path,
) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    for i in range(3):
        ara(["run", "-a", str(art), "--", "sh", "-c", f"echo step={i}"], tmp_path)
    path = art / JOURNAL
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join([lines[0], b"<<<<<<< HEAD\n", *lines[1:]]))
    r = ara(["run", "-a", str(art), "--", "sh", "-c", "echo step=3"], tmp_path)
    assert r.returncode == 0 and ara_lines(r.stderr) == []  # recorded, and says nothing
    status = ara(["status", "-a", str(art)], tmp_path)
    assert status.returncode == 0, status.stderr
    assert b"BROKEN at line 2" in status.stdout and b"ara journal recover" in status.stdout
    assert ara(["journal", "verify", "-a", str(art)], tmp_path).returncode == 1
    rec = ara(["journal", "recover", "-a", str(art)], tmp_path)
    assert b"moved 1 line(s) that are not events (2)" in rec.stdout
    ok = ara(["journal", "verify", "-a", str(art)], tmp_path)
    assert ok.returncode == 0 and b"4 events, chain intact" in ok.stdout, ok.stderr
    quarantined = (art / "trace/events.quarantine.jsonl").read_text()
    assert "<<<<<<< HEAD" in quarantined
    assert [e["payload"]["metrics"]["step"] for e in events(art)] == [0, 1, 2, 3]


def rewrite_history(art: Path, edit_seq: int, text: str) -> None:
    """Edit one event and recompute seq/prev/hash of every later line: a chain that checks."""
    import hashlib

    path = art / JOURNAL
    evs = [json.loads(x) for x in path.read_bytes().splitlines()]
    out, prev = [], ""
    for ev in evs:
        if ev["seq"] == edit_seq:
            ev["payload"]["argv"] = ["sh", "-c", text]
        ev["prev"] = prev
        ev["hash"] = event_hash(ev)
        line = canonical(ev)
        out.append(line)
        prev = hashlib.sha256(line).hexdigest()
    path.write_bytes(b"".join(x + b"\n" for x in out))


def test_an_edit_with_every_later_hash_recomputed_fails_against_the_anchors(
    tmp_path: Path,
) -> None:
    from tests.live.helpers import git_repo

    art = git_repo(tmp_path / "repo")
    for i in range(3):
        ara(["run", "-a", str(art), "--", "sh", "-c", f"echo {i}"], art.parent)
    ok = ara(["journal", "verify", "-a", str(art)], art.parent)
    assert ok.returncode == 0 and b"matches 2 anchor(s)" in ok.stdout
    rewrite_history(art, 2, "echo forged")
    bad = ara(["journal", "verify", "-a", str(art)], art.parent)
    assert bad.returncode == 1
    assert b"does not match the hash" in bad.stderr and b"rewritten" in bad.stderr


def test_cutting_events_off_the_end_fails_against_the_anchor(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    for i in range(3):
        ara(["run", "-a", str(art), "--", "sh", "-c", f"echo {i}"], tmp_path)
    path = art / JOURNAL
    path.write_bytes(b"".join(path.read_bytes().splitlines(keepends=True)[:2]))
    bad = ara(["journal", "verify", "-a", str(art)], tmp_path)
    assert bad.returncode == 1 and b"cut off" in bad.stderr


def test_the_seal_certificate_anchors_the_journal_head(minimal) -> None:
    from arakit.live.anchor import anchors
    from arakit.seal.certificate import seal, write_certificate

    root = minimal()
    j = Journal(root)
    ev = j.append("note", {"text": "x"}, source="test")
    write_certificate(seal(root, [1]))
    assert next(a for a in anchors(root) if a.where == "seal.json").hash == ev["hash"]
