"""`ara run`: passthrough, exit codes, pty, metrics, logs with a cap, git state, nodes."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.live.helpers import ARA, ara, events, git_repo, load_yaml, sh

NOISY = r"""
import sys, time
out, err = sys.stdout.buffer, sys.stderr.buffer
out.write(bytes(range(256)))
err.write(b"\xff\xfe not utf-8 \r\n")
for i in range(3):
    out.write(b"\r 33%|###      | 1/3 [00:01<00:02, 1.00it/s]")
    out.flush()
out.write(b"\n\x1b[32mepoch=3 loss=0.25\x1b[0m\n")
out.write(b'{"acc": 0.91, "eval": {"f1": 0.8}}\n')
out.write(b"val_acc: 87.5%\n")
out.write(b"no newline at the end")
sys.exit(3)
"""


def test_output_is_passed_through_byte_for_byte_and_the_exit_code_kept(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    bare = subprocess.run([sys.executable, "-c", NOISY], capture_output=True, cwd=tmp_path)
    wrapped = ara(["run", "--artifact", str(art), "--", sys.executable, "-c", NOISY], tmp_path)
    assert wrapped.returncode == bare.returncode == 3
    assert wrapped.stdout == bare.stdout
    assert wrapped.stderr == bare.stderr


def test_metrics_are_found_and_progress_and_ansi_noise_ignored(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    ara(["run", "-a", str(art), "--", sys.executable, "-c", NOISY], tmp_path)
    p = events(art)[-1]["payload"]
    assert p["metrics"] == {"epoch": 3, "loss": 0.25, "acc": 0.91, "eval.f1": 0.8, "val_acc": 87.5}
    assert p["exit_code"] == 3 and p["pty"] is False
    assert p["argv"][1:] == ["-c", NOISY]
    assert "no newline at the end" in p["tail"]  # stdout and stderr interleave in the tail


def test_a_success_becomes_an_experiment_node_with_its_metrics(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    r = ara(
        ["run", "-a", str(art), "--exp", "E1", "--", "python3", "-c", "print('acc=0.93')"], tmp_path
    )
    assert r.returncode == 0 and r.stdout == b"acc=0.93\n"
    tree = load_yaml(art / "trace/exploration_tree.yaml")["tree"]
    node = tree[0]
    assert node["type"] == "experiment" and node["result"] == "acc=0.93"
    assert node["exp"] == "E01" and node["source_refs"] == ["trace/events.jsonl#1"]
    assert node["support_level"] == "explicit" and node["provenance"] == "user"


def test_a_crash_becomes_a_dead_end_with_the_last_exception_line(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    code = "import json\njson.loads('{oops')"
    r = ara(["run", "-a", str(art), "--", sys.executable, "-c", code], tmp_path)
    assert r.returncode == 1
    node = load_yaml(art / "trace/exploration_tree.yaml")["tree"][0]
    assert node["type"] == "dead_end"
    assert node["failure_mode"].startswith("json.decoder.JSONDecodeError: Expecting property name")
    assert node["lesson"] == "[pending]"


def test_a_signal_gives_128_plus_n_and_the_signal_name(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    r = ara(["run", "-a", str(art), "--", "sh", "-c", "kill -TERM $$"], tmp_path)
    assert r.returncode == 143
    p = events(art)[-1]["payload"]
    assert p["signal"] == "SIGTERM" and p["error_signature"] == "killed by SIGTERM"


def test_a_missing_command_exits_127_and_is_recorded(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    r = ara(["run", "-a", str(art), "--", "no-such-program-xyz"], tmp_path)
    assert r.returncode == 127 and b"command not found" in r.stderr
    assert events(art)[-1]["payload"]["exit_code"] == 127


def test_the_full_log_is_gzipped_and_cut_at_the_stated_cap(tmp_path: Path) -> None:
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    code = "import sys\nsys.stdout.write('y' * 5000)"
    r = ara(
        ["run", "-a", str(art), "--", sys.executable, "-c", code],
        tmp_path,
        env={"ARA_RUN_LOG_CAP": "1000"},
    )
    assert len(r.stdout) == 5000
    p = events(art)[-1]["payload"]
    assert p["log_truncated"] == {"cap_bytes": 1000, "kept_bytes": 1000}
    assert p["output_bytes"] == 5000
    with gzip.open(art / p["log"]) as fh:
        assert fh.read() == b"y" * 1000


def test_git_commit_dirty_flag_and_diff_hash_are_recorded(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "repo", {"train.py": "print('loss=1')\n"})
    repo = art.parent
    head = sh(["git", "rev-parse", "HEAD"], repo).stdout.strip()
    ara(["run", "-a", str(art), "--", sys.executable, "train.py"], repo)
    clean = events(art)[-1]["payload"]["git"]
    assert clean == {"commit": head, "branch": "main", "dirty": False}
    (repo / "train.py").write_text("print('loss=0.5')\n")
    ara(["run", "-a", str(art), "--", sys.executable, "train.py"], repo)
    ara(["run", "-a", str(art), "--", sys.executable, "train.py"], repo)
    d1, d2 = (e["payload"]["git"] for e in events(art)[-2:])
    assert d1["dirty"] and d1["diff_hash"] == d2["diff_hash"] and len(d1["diff_hash"]) == 64


def test_the_artifacts_own_files_do_not_make_the_tree_dirty(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    art = git_repo(repo)
    (repo / ".gitignore").write_text("")  # the artifact lives in the repo, tracked
    sh(["git", "add", "-A"], repo)
    sh(["git", "commit", "-qm", "track"], repo)
    ara(["run", "-a", str(art), "--", "true"], repo)
    ara(["run", "-a", str(art), "--", "true"], repo)
    assert events(art)[-1]["payload"]["git"]["dirty"] is False


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_the_command_gets_a_terminal_too(tmp_path: Path) -> None:
    import pty

    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    code = "import sys; print('tty', sys.stdout.isatty(), sys.stdin.isatty()); print('acc=0.5')"
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(tmp_path)
        os.execv(sys.executable, [*ARA, "run", "-a", str(art), "--", sys.executable, "-c", code])
    out = b""
    while True:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    status = os.waitpid(pid, 0)[1]
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0
    assert b"tty True True" in out
    p = events(art)[-1]["payload"]
    assert p["pty"] is True and p["metrics"] == {"acc": 0.5}


def test_lines_split_across_chunks_and_streams_are_parsed_whole() -> None:
    from arakit.live.metrics import OutputScanner

    s = OutputScanner()
    s.feed(b"train_lo", 1)
    s.feed(b"Traceback (most recent call last):\n", 2)
    s.feed(b"ss=0.125\n", 1)
    s.feed(b"KeyError: 'lr'\n", 2)
    s.close()
    assert s.metrics == {"train_loss": 0.125}
    assert s.last_exception == "KeyError: 'lr'"


def test_by_default_the_run_is_processed_in_the_background(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    from tests.live.helpers import tree

    monkeypatch.delenv("ARA_LIVE_SYNC")
    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    r = ara(["run", "-a", str(art), "--", "python3", "-c", "print('acc=0.5')"], tmp_path)
    assert r.returncode == 0 and events(art)[0]["payload"]["metrics"] == {"acc": 0.5}
    deadline = time.monotonic() + 30
    while not (art / "trace/exploration_tree.yaml").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert [n.type for n in tree(art)] == ["experiment"]


def test_status_processes_pending_events_before_it_reports(tmp_path: Path) -> None:
    import json

    from arakit.live.journal import Journal

    art = tmp_path / "a"
    (art / "trace").mkdir(parents=True)
    Journal(art).append(
        "command",
        {"argv": ["python", "x.py"], "exit_code": 2, "error_signature": "KeyError: 'lr'"},
        source="test",
    )
    r = ara(["status", "-a", str(art), "--json"], tmp_path)
    brief = json.loads(r.stdout)
    assert brief["recent_dead_ends"][0]["failure_mode"] == "KeyError: 'lr'"
    assert brief["journal"]["processed"] == 1 and brief["journal"]["ok"]
