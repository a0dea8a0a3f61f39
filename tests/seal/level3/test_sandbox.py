"""The sandbox itself: limits, scrubbed environment, what is mounted, timeouts in both modes."""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

from arakit.seal.level3 import sandbox as sb
from tests.seal.level3.conftest import needs_bwrap, processes_with

pytestmark = [pytest.mark.sandbox, needs_bwrap]


def job(tmp_path: Path, command: str) -> sb.Job:
    for d in ("work", "out"):
        (tmp_path / d).mkdir(exist_ok=True)
    return sb.Job(
        command=command,
        workdir=tmp_path / "work",
        outdir=tmp_path / "out",
        log_dir=tmp_path / "logs",
        read_only=sb.python_prefixes(),
        bin_dirs=[Path(os.path.realpath(sys.executable)).parent],
    )


def run(tmp_path: Path, command: str, kind: sb.SandboxKind = "bwrap", **limits) -> tuple:  # type: ignore[no-untyped-def]
    o = sb.run(job(tmp_path, command), sb.Limits(**{"timeout_s": 20, **limits}), kind)
    return o, o.stdout.read_text(), o.stderr.read_text()


def _q(code: str) -> str:
    return "'" + code.replace("'", "'\"'\"'") + "'"


def test_memory_limit_stops_a_large_allocation(tmp_path: Path) -> None:
    o, _, err = run(tmp_path, "python3 -c " + _q("b = bytearray(1 << 30)"), memory_bytes=256 << 20)
    assert o.exit_code == 1 and "MemoryError" in err


def test_file_size_limit_stops_a_large_write(tmp_path: Path) -> None:
    code = "open('big', 'wb').write(b'x' * (8 << 20))"
    o, _, _ = run(tmp_path, "python3 -c " + _q(code), file_bytes=1 << 20)
    assert not o.ok
    assert o.signal == "SIGXFSZ" or o.exit_code != 0
    assert (tmp_path / "work" / "big").stat().st_size <= 1 << 20


def test_cpu_limit_stops_a_busy_loop(tmp_path: Path) -> None:
    o, _, _ = run(tmp_path, "python3 -c " + _q("while True: pass"), cpu_seconds=1)
    assert not o.timed_out
    assert o.signal in ("SIGXCPU", "SIGKILL")


def test_environment_is_cleared_home_and_tmp_are_fresh(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-not-leak")
    monkeypatch.setenv("PLAIN_SETTING", "also-not-passed")
    o, out, _ = run(tmp_path, "env; find $HOME /tmp -mindepth 1 | wc -l; pwd; id -u")
    assert o.ok
    assert "sk-should-not-leak" not in out and "PLAIN_SETTING" not in out
    assert "HOME=/home/sandbox" in out
    lines = out.strip().splitlines()
    assert lines[-3:-1] == ["0", "/ara/work"]
    assert lines[-1] == ("65534" if os.geteuid() == 0 else str(os.getuid()))


def test_only_the_working_copy_and_output_folder_are_writable(tmp_path: Path) -> None:
    _, out, _ = run(
        tmp_path,
        "for d in /ara/work /ara/out /tmp /home/sandbox / /usr /etc /ara; do "
        "touch $d/probe 2>/dev/null && echo W:$d || echo R:$d; done",
    )
    assert out.split() == [
        "W:/ara/work", "W:/ara/out", "W:/tmp", "W:/home/sandbox",
        "R:/", "R:/usr", "R:/etc", "R:/ara",
    ]  # fmt: skip


def test_scrub_env_drops_credentials_and_keeps_the_rest() -> None:
    env = {
        "PATH": "/usr/bin",
        "LANG": "C",
        "OPENAI_API_KEY": "x",
        "GITHUB_TOKEN": "x",
        "AWS_ACCESS_KEY_ID": "x",
        "GIT_ASKPASS": "x",
        "MY_SECRET": "x",
        "SSH_AUTH_SOCK": "x",
        "DB_PASSWORD": "x",
        "GOOGLE_APPLICATION_CREDENTIALS": "x",
        "OMP_NUM_THREADS": "2",
    }
    assert sb.scrub_env(env) == {"PATH": "/usr/bin", "LANG": "C", "OMP_NUM_THREADS": "2"}


@pytest.mark.parametrize("kind", ["bwrap", "process"])
def test_timeout_kills_the_whole_process_group_in_both_modes(tmp_path: Path, kind) -> None:
    token = f"ara-sleep-{uuid.uuid4().hex}"
    cmd = f"python3 -c 'import time; time.sleep(600)' {token} & exec sleep 600"
    o, _, _ = run(tmp_path, cmd, kind, timeout_s=1)
    assert o.timed_out and not o.ok
    assert processes_with(token) == []
