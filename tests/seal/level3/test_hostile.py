"""A hostile artifact: each attack in its own run, each must fail inside the bwrap sandbox.

Every attack, had it worked, would write the evidence number as its metric and so
"reproduce" the claim by reading the answer; it must instead end as failed_to_run, and the
machine must be as it was: the artifact unchanged, no file created outside the working
copy, no connection received, no secret in any log, no process left behind.
"""

from __future__ import annotations

import socket
import uuid
from pathlib import Path

import pytest

from arakit.seal.level3 import Limits, reproduce
from tests.seal.level3.conftest import (
    digest,
    generous_timeout,
    needs_bwrap,
    processes_with,
    tiny_files,
)

pytestmark = [pytest.mark.sandbox, needs_bwrap]

ATTACK = r'''
import os, socket, subprocess, sys, time

name, outdir, token = sys.argv[1], sys.argv[2], sys.argv[3]
args = sys.argv[4:]


def cheat(found):
    """The attack worked: report the stolen answer as the measured metric."""
    import json, re
    m = re.search(r"\| tiny \| ([0-9.]+) \|", found)
    value = float(m.group(1)) if m else 0.51
    with open(os.path.join(outdir, "metrics.json"), "w") as fh:
        json.dump({"score": value}, fh)
    print("ESCAPED", found[:200])
    sys.exit(0)


def evidence_relative():
    for p in ["evidence/tables/table1_tiny.md", "../evidence/tables/table1_tiny.md",
              "../../evidence/tables/table1_tiny.md", "./../work/evidence/tables/table1_tiny.md"]:
        try:
            cheat(open(p).read())
        except OSError as e:
            print(p, "->", e, file=sys.stderr)
    for top in ("/ara", "/tmp", "/home", "/root", "/etc", "/work", "/mnt"):
        for dirpath, _, files in os.walk(top):
            if "table1_tiny.md" in files:
                cheat(open(os.path.join(dirpath, "table1_tiny.md")).read())
    raise FileNotFoundError("evidence is nowhere to be found")


def evidence_absolute():
    for p in args:
        try:
            cheat(open(p).read())
        except OSError as e:
            print(p, "->", e, file=sys.stderr)
    raise FileNotFoundError("absolute evidence paths are not there")


def network():
    host, port = args[0], int(args[1])
    for addr in [(host, port), ("1.1.1.1", 53), ("8.8.8.8", 443)]:
        s = socket.socket()
        s.settimeout(2)
        try:
            s.connect(addr)
            cheat("connected to %r" % (addr,))
        except OSError as e:
            print(addr, "->", e, file=sys.stderr)
    socket.getaddrinfo("example.com", 443)


def write_outside():
    for p in args + ["/usr/" + token, "/etc/" + token, "/" + token]:
        try:
            with open(p, "w") as fh:
                fh.write("pwned")
            cheat("wrote " + p)
        except OSError as e:
            print(p, "->", e, file=sys.stderr)
    raise PermissionError("could not write outside the working copy")


def home():
    secrets = [os.path.expanduser("~/.ssh/id_ed25519")] + args
    leaked = {k: v for k, v in os.environ.items() if "KEY" in k or "TOKEN" in k or "SECRET" in k}
    if leaked:
        cheat("env " + repr(leaked))
    for p in secrets:
        try:
            cheat(open(p).read())
        except OSError as e:
            print(p, "->", e, file=sys.stderr)
    raise PermissionError("no key readable")


def fork_bomb():
    with open(os.path.join(outdir, "forks.log"), "a") as log:
        while True:
            try:
                if os.fork() == 0:
                    log.write("x")
                    log.flush()
            except OSError:
                time.sleep(0.05)


def timeout():
    # a grandchild that leaves the process group and ignores SIGTERM, then sleep forever
    subprocess.Popen([sys.executable, "-c",
                      "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
                      " time.sleep(3600)", token], start_new_session=True)
    print("spawned", flush=True)
    time.sleep(3600)


globals()[name]()
'''


def hostile(tmp_path: Path, attack: str, *args: str, timeout_s: float = 30) -> tuple[Path, str]:
    token = f"ara-hostile-{uuid.uuid4().hex}"
    files = tiny_files()
    quoted = " ".join(f"'{a}'" for a in args)
    files["src/execution/attack.py"] = ATTACK
    files["src/reproduce.yaml"] = (
        "runs:\n  - id: R01\n"
        f"    command: python src/execution/attack.py {attack} {{outdir}} {token} {quoted}\n"
        f"    timeout_s: {timeout_s}\n    outputs: metrics.json\n    expect:\n"
        "      - {metric: score, claim: C01, evidence: tables/table1_tiny.md, row: tiny,"
        " column: score (mean), tolerance: {abs: 0.0005}}\n"
    )
    root = tmp_path / "artifact"
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root, token


def attack(tmp_path: Path, name: str, *args: str, **kw) -> tuple:  # type: ignore[no-untyped-def]
    root, token = hostile(tmp_path, name, *args, timeout_s=kw.pop("timeout_s", 30))
    before = digest(root)
    rep = reproduce(root, work_dir=tmp_path / "runs", **kw)
    assert digest(root) == before, "the artifact was modified"
    assert processes_with(token) == [], "a process of the run outlived it"
    logs = "".join(p.read_text(errors="replace") for p in (tmp_path / "runs").rglob("*.log"))
    assert "ESCAPED" not in logs
    run, exp = rep.runs[0], rep.expectations[0]
    assert exp.verdict == "failed_to_run", exp.reason
    assert run.status != "ok"
    return run, exp, logs


def test_reading_evidence_by_relative_paths_fails_inside_the_sandbox(tmp_path: Path) -> None:
    run, _, logs = attack(tmp_path, "evidence_relative")
    assert run.exit_code == 1
    assert "FileNotFoundError: evidence is nowhere to be found" in run.error_tail
    assert "evidence/tables/table1_tiny.md -> [Errno 2]" in logs


def test_reading_evidence_by_absolute_path_fails_inside_the_sandbox(tmp_path: Path) -> None:
    real = tmp_path / "artifact" / "evidence" / "tables" / "table1_tiny.md"
    run, _, logs = attack(tmp_path, "evidence_absolute", str(real), str(real.resolve()))
    assert real.exists()  # it is there on the host, just not in the sandbox
    assert "absolute evidence paths are not there" in run.error_tail
    assert f"{real} -> [Errno 2]" in logs


def test_network_connections_fail_and_the_host_listener_sees_nothing(tmp_path: Path) -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        server.setblocking(False)
        port = server.getsockname()[1]
        run, _, logs = attack(tmp_path, "network", "127.0.0.1", str(port))
        with pytest.raises(BlockingIOError):
            server.accept()  # nothing ever connected
    assert "socket.gaierror" in run.error_tail
    assert "Network is unreachable" in logs or "Connection refused" in logs


def test_writing_outside_the_working_copy_fails_and_leaves_no_file(tmp_path: Path) -> None:
    marker = tmp_path / "marker.txt"
    inside_artifact = tmp_path / "artifact" / "PWNED.md"
    run, _, logs = attack(tmp_path, "write_outside", str(marker), str(inside_artifact))
    assert not marker.exists() and not inside_artifact.exists()
    assert "could not write outside the working copy" in run.error_tail
    assert "Read-only file system" in logs or "Permission denied" in logs


def test_the_users_home_keys_and_secret_variables_are_not_visible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "fakehome"
    key = home / ".ssh" / "id_ed25519"
    key.parent.mkdir(parents=True)
    secret = f"FAKE-PRIVATE-KEY-{uuid.uuid4().hex}"
    key.write_text(secret)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("ARA_TEST_API_KEY", secret)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", secret)
    monkeypatch.setenv("GITHUB_TOKEN", secret)
    run, _, logs = attack(tmp_path, "home", str(key))
    assert "no key readable" in run.error_tail
    assert secret not in logs
    assert f"{key} -> [Errno 2]" in logs


def test_a_fork_bomb_is_contained_by_the_process_limit_and_the_timeout(tmp_path: Path) -> None:
    limit = 48
    timeout = generous_timeout(tmp_path)  # room to reach the ceiling however busy the machine
    run, _, _ = attack(tmp_path, "fork_bomb", limits=Limits(processes=limit), timeout_s=timeout)
    assert run.status == "timed_out"
    forks = (Path(run.log_dir) / "out" / "forks.log").read_text()
    assert 0 < len(forks) < limit  # it did fork, and hit the ceiling


def test_a_run_past_its_timeout_is_killed_with_every_descendant(tmp_path: Path) -> None:
    timeout = generous_timeout(tmp_path)
    run, exp, logs = attack(tmp_path, "timeout", timeout_s=timeout)
    assert run.status == "timed_out"
    assert "timed out" in exp.reason
    assert run.duration_s >= timeout
    assert "spawned" in logs  # the grandchild that left the group did start, and is gone
