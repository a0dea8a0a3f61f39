"""The sandbox itself, in the real bubblewrap and as a limited process: per-process limits,
bounds on the run as a whole, the allow-listed environment, what is visible and writable,
and that no process outlives its run."""

from __future__ import annotations

import os
import socket
import sys
import threading
import uuid
from pathlib import Path

import pytest

from arakit.seal.level3.isolation import pid_namespace_works
from arakit.seal.level3.runner import reproduce
from tests.seal.level3.conftest import (
    box_run,
    generous_timeout,
    needs_bwrap,
    processes_with,
    py,
    wait_for,
)

pytestmark = [pytest.mark.sandbox, needs_bwrap]
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="a user ID per run needs root")


run = box_run
# Without root a process run is held only by a PID namespace of its own (a user namespace)
HELD_PROCESS = pytest.param(
    "process",
    marks=pytest.mark.skipif(
        os.geteuid() != 0 and not pid_namespace_works(),
        reason="no user namespaces here: without root nothing finds a process run's setsid child",
    ),
)


@pytest.mark.parametrize("kind", ["bwrap", "process"])
def test_memory_limit_stops_a_large_allocation(tmp_path: Path, kind) -> None:
    o, _, err = run(tmp_path, py("b = bytearray(1 << 30)"), kind, memory_bytes=256 << 20)
    assert o.exit_code == 1 and "MemoryError" in err


FOUR_HOLDERS = (  # each holder says when its 300 MB are resident: no time margin anywhere
    "import os, subprocess, sys, time\n"
    "tmp = os.environ['TMPDIR']\n"
    'hold = \'import os, time; b = bytearray(300 << 20); b[::4096] = b"x" * len(b[::4096]); '
    'open(os.path.join(os.environ["TMPDIR"], "held-%d" % os.getpid()), "w").close(); '
    "time.sleep(600)'\n"
    "ps = [subprocess.Popen([sys.executable, '-c', hold]) for _ in range(4)]\n"
    "while all(p.poll() is None for p in ps) and "
    "sum(n.startswith('held-') for n in os.listdir(tmp)) < 4:\n"
    "    time.sleep(0.05)\n"
    "print('all alive', [p.poll() for p in ps], flush=True)\n"
    "if all(p.poll() is None for p in ps):\n"
    "    time.sleep(600)\n"  # all four hold: the run ends only when a bound acts
)


@pytest.mark.parametrize("kind", ["bwrap", "process"])
def test_memory_is_bounded_for_the_run_as_a_whole_not_per_process(tmp_path: Path, kind) -> None:
    """Four processes of 300 MB each stay under a per-process limit of 1 GiB, not under a
    total of 1 GiB: the run is stopped, whichever mechanism this machine has."""
    o, out, _ = run(tmp_path, py(FOUR_HOLDERS), kind, memory_bytes=1 << 30, timeout_s=300)
    assert o.stopped_by == "memory bound" and not o.ok
    if "cgroup" in o.bounds["memory"]:  # the kernel refuses the fourth: never all four at once
        assert "all alive [None, None, None, None]" not in out  # (a watchdog looks 5 times/s)


@pytest.mark.parametrize("kind", ["bwrap", "process"])
def test_without_a_cgroup_the_watchdog_keeps_the_memory_and_disk_bounds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind
) -> None:
    """What a machine without cgroups or mounts gets: the run is stopped all the same."""
    from arakit.seal.level3 import box as boxmod
    from arakit.seal.level3.bounds import Group

    monkeypatch.setattr(Group, "create", classmethod(lambda cls, m, p: None))
    monkeypatch.setattr(boxmod, "mount_tmpfs", lambda path, size: False)
    o, _, _ = run(tmp_path, py(FOUR_HOLDERS), kind, memory_bytes=1 << 30, timeout_s=300)
    assert o.stopped_by == "memory bound" and not o.ok  # not the timeout: the watchdog acted
    assert "watchdog" in o.bounds["memory"]
    fill = "while true; do head -c 1048576 /dev/zero >> f$((i=i+1)); done"
    o, _, _ = run(tmp_path, fill, kind, disk_bytes=16 << 20, file_bytes=2 << 20, timeout_s=30)
    assert o.stopped_by == "disk bound"
    assert "watchdog" in o.bounds["disk"]


@pytest.mark.parametrize("kind", ["bwrap", "process"])
def test_disk_is_bounded_for_the_run_as_a_whole(tmp_path: Path, kind) -> None:
    """Files under the per-file limit, in the working copy, /tmp and HOME, add up past the
    run's disk bound: the writes fail or the run is stopped, and nothing lands outside."""
    code = (
        "import os\n"
        "for d in ('.', os.environ['TMPDIR'], os.environ['HOME']):\n"
        "    for i in range(8):\n"
        "        open(os.path.join(d, f'f{i}'), 'wb').write(b'x' * (4 << 20))\n"
        "print('wrote 96 MB')\n"
    )
    o, out, err = run(tmp_path, py(code), kind, disk_bytes=32 << 20, file_bytes=8 << 20)
    assert not o.ok and ("No space left on device" in err or o.stopped_by == "disk bound")
    if o.stopped_by != "disk bound":  # a tmpfs box: the writes past the bound failed
        assert "wrote 96 MB" not in out  # (a watchdog may see it only when the run is done)
    assert list(tmp_path.iterdir()) == []  # the box is gone


def test_file_size_limit_stops_a_large_write(tmp_path: Path) -> None:
    code = "open('big', 'wb').write(b'x' * (8 << 20))"
    o, _, _ = run(tmp_path, py(code), file_bytes=1 << 20)
    assert not o.ok
    assert o.signal == "SIGXFSZ" or o.exit_code != 0


def test_cpu_limit_stops_a_busy_loop(tmp_path: Path) -> None:
    o, _, _ = run(tmp_path, py("while True: pass"), cpu_seconds=1)
    assert not o.timed_out
    assert o.signal in ("SIGXCPU", "SIGKILL")


SECRETS = {
    "OPENAI_API_KEY": "sk-should-not-leak",
    "MYSQL_PWD": "mysql-secret",
    "DB_PASS": "db-secret",
    "SENTRY_DSN": "https://key@sentry.example/1",
    "HTTPS_PROXY": "http://user:proxy-secret@proxy:3128",
    "PLAIN_SETTING": "also-not-passed",
}


@pytest.mark.parametrize("kind", ["bwrap", "process"])
def test_the_environment_is_an_allow_list_not_a_filtered_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind
) -> None:
    for k, v in SECRETS.items():
        monkeypatch.setenv(k, v)
    o, out, _ = run(tmp_path, "env", kind)
    assert o.ok
    names = {line.split("=", 1)[0] for line in out.splitlines()}
    assert names <= {"PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "PYTHONDONTWRITEBYTECODE",
                     "PYTHONNOUSERSITE", "LD_LIBRARY_PATH", "PWD", "SHLVL", "_"}  # fmt: skip
    assert not any(v in out for v in SECRETS.values())


def test_host_name_and_host_paths_are_hidden_inside_bwrap(tmp_path: Path) -> None:
    """The host name, the caller's paths and HOME appear nowhere a run looks; in
    /proc/self/mountinfo only as root (without root the box is a host folder, bound in)."""
    probe = "hostname; pwd; env; ls / /ara /home; " + py(
        "import sys; print(sys.prefix, sys.executable, sys.path)"
    )
    o, out, err = run(tmp_path, probe + "; echo ===; cat /proc/self/mountinfo")
    assert o.ok, err
    out, mountinfo = out.split("===\n")
    assert out.splitlines()[:2] == ["sandbox", "/ara/work"]
    assert socket.gethostname() not in out.splitlines()[2:] or socket.gethostname() == "sandbox"
    for host_path in (str(tmp_path), str(Path.home()), os.getcwd()):
        assert host_path not in out
        assert host_path not in mountinfo or os.geteuid() != 0
    binds = {f[4]: f[3] for f in (line.split() for line in mountinfo.splitlines())}
    if os.geteuid() == 0:  # the box is a tmpfs: its binds are named by their path in it
        for inside, part in [("/ara/work", "/work"), ("/tmp", "/tmp"), ("/home/sandbox", "/home")]:
            assert binds[inside] == part
    else:
        assert binds["/ara/work"].startswith(str(tmp_path))  # what the report says


SYSTEM_FS = ("tmpfs", "proc", "devtmpfs", "devpts", "mqueue")


def test_mountinfo_in_a_reproduction_names_no_host_folder(tiny, tmp_path: Path) -> None:
    """/proc/self/mountinfo names each bind by its path inside its source file system. As
    root the box and the runtime (interpreter and venv copies) are file systems of their own,
    so only system folders show; without root the report names every host folder that does."""
    plan = (
        "runs:\n  - id: R01\n    command: cat /proc/self/mountinfo > {outdir}/mountinfo.txt;"
        " python -c 'import sys; print(sys.prefix, sys.path)' > {outdir}/python.txt\n"
    )
    rep = reproduce(tiny(extra={"src/reproduce.yaml": plan}), work_dir=tmp_path / "w")
    assert rep.runs[0].status == "ok", rep.runs[0].error_tail
    out = tmp_path / "w" / "000-R01" / "logs" / "out"
    seen = (out / "mountinfo.txt").read_text() + (out / "python.txt").read_text()
    exe = os.path.realpath(getattr(sys, "_base_executable", sys.executable))
    cache = Path(os.environ["XDG_CACHE_HOME"])
    hosts = [str(tmp_path), str(Path.home()), str(cache), sys.base_prefix, exe, os.getcwd()]
    if os.geteuid() != 0:
        assert "mountinfo inside the run still names" in rep.isolation_note
        return
    for host in hosts:
        assert host not in seen
    for line in seen.splitlines()[:-1]:
        fields, _, tail = line.partition(" - ")
        root, fstype = fields.split()[3], tail.split()[0]
        assert fstype in SYSTEM_FS or root.startswith(("/usr", "/etc/")), line
    assert "mountinfo" not in rep.isolation_note


@root_only
def test_bwrap_runs_as_the_runs_own_unprivileged_user(tmp_path: Path) -> None:
    _, out, _ = run(tmp_path, "id -u; cat /proc/self/status | grep CapEff")
    uid, caps = out.split("\n", 1)
    assert int(uid) >= 1_000_000 and "0000000000000000" in caps


def test_only_the_box_is_writable(tmp_path: Path) -> None:
    _, out, _ = run(
        tmp_path,
        "for d in /ara/work /ara/out /tmp /home/sandbox /dev/shm / /usr /etc /ara /dev; do "
        "touch $d/probe 2>/dev/null && echo W:$d || echo R:$d; done",
    )
    assert out.split() == [
        "W:/ara/work", "W:/ara/out", "W:/tmp", "W:/home/sandbox", "W:/dev/shm",
        "R:/", "R:/usr", "R:/etc", "R:/ara", "R:/dev",
    ]  # fmt: skip


@root_only
def test_process_sandbox_is_an_unprivileged_user_that_cannot_touch_the_system(
    tmp_path: Path,
) -> None:
    token = uuid.uuid4().hex
    _, out, _ = run(
        tmp_path,
        f"id -u; grep CapEff /proc/self/status; touch /usr/{token} /etc/{token}; "
        f"hostname pwned-{token}; echo done",
        "process",
    )
    uid, caps, *_ = out.split("\n")
    assert int(uid) >= 1_000_000 and "0000000000000000" in caps
    assert not Path(f"/usr/{token}").exists() and not Path(f"/etc/{token}").exists()
    assert socket.gethostname() != f"pwned-{token}"


@pytest.mark.parametrize("kind", ["bwrap", HELD_PROCESS])
def test_timeout_kills_every_process_even_those_that_left_the_group(tmp_path, kind) -> None:
    token = f"ara-sleep-{uuid.uuid4().hex}"
    code = (
        "import signal, subprocess, sys, time\n"
        "subprocess.Popen([sys.executable, '-c', 'import signal, time; "
        "signal.signal(signal.SIGTERM, signal.SIG_IGN); time.sleep(600)', "
        f"'{token}'], start_new_session=True)\n"
        "print('spawned', flush=True)\n"
        "time.sleep(600)\n"
    )
    timeout = generous_timeout(tmp_path, kind)
    o, out, _ = run(tmp_path, py(code), kind, timeout_s=timeout)
    assert o.timed_out and not o.ok and o.duration_s >= timeout
    assert out.split() == ["spawned"]  # the escaping grandchild did start
    assert processes_with(token) == []


@pytest.mark.parametrize("kind", ["bwrap", HELD_PROCESS])
def test_an_orphan_left_by_a_run_that_exits_is_killed_too(tmp_path, kind) -> None:
    token = f"ara-orphan-{uuid.uuid4().hex}"
    cmd = f"setsid sh -c 'sleep 600; echo {token}' >/dev/null 2>&1 & echo started"
    o, out, _ = run(tmp_path, cmd, kind)
    assert o.ok and out.strip() == "started"
    assert processes_with(token) == []


@root_only
def test_each_sandbox_has_its_own_process_quota(tmp_path: Path) -> None:
    """A fork bomb at its ceiling in one sandbox does not stop another from starting
    processes: the quotas are per run, not one for every `nobody`. The bomb says when it is
    at its ceiling and stays there until the test lets it go (files, not time)."""
    bomb = py(
        "import os, time\n"
        "while not os.path.exists('/tmp/stop'):\n"
        "    try:\n"
        "        if os.fork() == 0:\n"
        "            time.sleep(600); os._exit(0)\n"
        "    except OSError:\n"
        "        open('/tmp/ceiling', 'w').close()\n"
        "        time.sleep(0.05)\n"
    )
    results: dict[str, tuple] = {}  # type: ignore[type-arg]

    def bombing() -> None:
        results["bomb"] = run(tmp_path / "a", bomb, processes=40, timeout_s=600)

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    t = threading.Thread(target=bombing)
    t.start()
    try:
        wait_for(lambda: list((tmp_path / "a").glob("box-*/tmp/ceiling")))
        o, out, err = run(tmp_path / "b", "for i in $(seq 20); do sleep 0.2 & done; wait; echo ok")
        assert t.is_alive()  # the bomb was at its ceiling all along
    finally:
        for box in (tmp_path / "a").glob("box-*"):
            (box / "tmp" / "stop").touch()
        t.join()
    assert o.ok and out.strip() == "ok", err
    assert results["bomb"][0].ok  # it stopped when told; its 39 children went with it
