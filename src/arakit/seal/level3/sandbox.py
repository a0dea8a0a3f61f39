"""Run one command in isolation (bubblewrap by default, a limited process as fallback) under
bounds that hold for the run as a whole, and leave nothing of it running.

    Limits        wall clock, total memory, per-process address space, CPU seconds, file
                  size, process count, total disk
    run(job, limits, kind, uid) -> Outcome

Bounds and who keeps them (`Outcome.bounds` says, per run, which held on this machine):

    wall clock    a timeout that kills every process of the run
    memory        a cgroup for the run (v2, else v1; swap included where accounted), else a
                  watchdog summing the resident memory of the run's processes; plus
                  RLIMIT_AS per process
    processes     the cgroup's pids.max, and RLIMIT_NPROC for the run's own user ID (as
                  root each run has one: the quota is never shared between sandboxes)
    disk          the box: a tmpfs of the bound's size, else a watchdog on its usage; plus
                  RLIMIT_FSIZE per file
    cpu           RLIMIT_CPU per process

Every process of the run is gone when `run` returns: bwrap's PID namespace dies with its
init, and the cgroup and the run's user ID find whatever escaped the process group.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from arakit.errors import AraError
from arakit.seal.level3.bounds import Group, kill_until_gone, tree_rss
from arakit.seal.level3.identity import processes_of
from arakit.seal.level3.isolation import (
    Job,
    SandboxKind,
    bwrap_argv,
    pid_namespace_works,
    process_argv,
)

TICK_S = 0.2
LOG_CAP = 1 << 20  # bytes of each stream kept from its start, and from its end


class SandboxUnavailableError(AraError):
    """The requested sandbox cannot run on this machine (e.g. bwrap is not installed)."""

    exit_code = 2


@dataclass(frozen=True)
class Limits:
    """Bounds of one run. `memory_bytes`, `processes` and `disk_bytes` hold for the run as a
    whole; `timeout_s` is wall-clock; the others are per-process rlimits."""

    timeout_s: float = 600.0
    memory_bytes: int = 8 * 2**30
    cpu_seconds: int | None = None  # default: twice the timeout, at least 10 s
    file_bytes: int = 2 * 2**30
    processes: int = 256
    disk_bytes: int = 4 * 2**30

    def cpu(self) -> int:
        """CPU seconds allowed per process."""
        return self.cpu_seconds or max(10, int(2 * self.timeout_s) + 1)


@dataclass
class Outcome:
    """What happened: exit code or signal, which bound stopped the run, where its logs are."""

    exit_code: int | None
    signal: str | None
    timed_out: bool
    duration_s: float
    stdout: Path
    stderr: Path
    stopped_by: str | None = None  # "timeout", "memory bound", "disk bound", "process bound"
    memory_peak: int | None = None
    bounds: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and self.stopped_by is None


class CappedLog:
    """A stream of the run drained by a thread into memory: its first and last LOG_CAP bytes
    are kept, the middle is counted. The run can print without end and never blocks on a
    full pipe; a full box cannot swallow the error that says why."""

    def __init__(self, stream: BinaryIO) -> None:
        self.head = bytearray()
        self.tail = bytearray()
        self.cut = 0
        self._thread = threading.Thread(target=self._drain, args=(stream,), daemon=True)
        self._thread.start()

    def _drain(self, stream: BinaryIO) -> None:
        try:
            for data in iter(lambda: stream.read1(1 << 16), b""):  # type: ignore[attr-defined]
                room = LOG_CAP - len(self.head)
                self.head += data[:room]
                self.tail += data[room:]
                if len(self.tail) > LOG_CAP:
                    self.cut += len(self.tail) - LOG_CAP
                    del self.tail[:-LOG_CAP]
        except (OSError, ValueError):
            pass
        finally:
            stream.close()

    def save(self, path: Path) -> None:
        """Write what was kept (waits a little for the last bytes of a killed run)."""
        self._thread.join(timeout=10)
        middle = f"\n[... {self.cut} bytes not kept ...]\n".encode() if self.cut else b""
        path.write_bytes(bytes(self.head) + middle + bytes(self.tail))


def bwrap_path() -> str | None:
    """The bubblewrap executable, or None when it is not installed."""
    return shutil.which("bwrap") or (
        "/usr/bin/bwrap" if os.access("/usr/bin/bwrap", os.X_OK) else None
    )


def require_bwrap() -> str:
    """The bwrap executable; SandboxUnavailableError with what to install when it is missing."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise SandboxUnavailableError(
            "bubblewrap (bwrap) is not installed, so runs cannot be isolated",
            hint="install the `bubblewrap` package, or pass --sandbox process (weaker "
            "isolation, never a passing seal)",
        )
    return bwrap


def run(job: Job, limits: Limits, kind: SandboxKind, uid: int) -> Outcome:
    """Execute `job` as user `uid` under `limits`; never raises for a failing command, only
    for a missing tool."""
    if kind not in ("bwrap", "process"):
        raise AraError(f"unknown sandbox {kind!r}; expected bwrap or process")
    if kind == "bwrap":
        require_bwrap()
    group = Group.create(limits.memory_bytes, limits.processes)
    info_r, info_w = os.pipe()  # bwrap reports the host PID of the sandbox's init here
    stopped: str | None = None
    peak: int | None = None
    start = time.monotonic()
    try:
        if kind == "bwrap":
            argv, env, cwd = bwrap_argv(require_bwrap(), job, uid, info_w), None, None
        else:
            argv, env, cwd = process_argv(job, uid)
        argv = _with_limits(argv, limits)
        if group is not None:
            argv = group.launcher(argv)
        proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=cwd,
            env=env if env is not None else {"PATH": "/usr/bin:/bin"},
            start_new_session=True,
            close_fds=True,
            pass_fds=(info_w,) if kind == "bwrap" else (),
        )
        os.close(info_w)
        info_w = -1
        logs = [CappedLog(proc.stdout), CappedLog(proc.stderr)]  # type: ignore[arg-type]
        stopped = _watch(proc, limits, job, group)
        if kind == "bwrap":
            init = _read_info(info_r)
        else:  # the init of its PID namespace, when it has one (not root, unshare --fork)
            own_pids = os.geteuid() != 0 and pid_namespace_works()
            init = _first_child(proc.pid) if own_pids else None
        _end(proc, group, uid, init)
        job.logs.mkdir(parents=True, exist_ok=True)
        out_path, err_path = job.logs / "stdout.log", job.logs / "stderr.log"
        logs[0].save(out_path)
        logs[1].save(err_path)
        rc = proc.returncode
        if group is not None:
            peak = group.memory_peak()
            if stopped is None and group.oom_killed():
                stopped = "memory bound"  # the kernel killed a process of the run for it
        if stopped is None and not job.box.mounted and job.box.usage() > limits.disk_bytes:
            stopped = "disk bound"  # past the bound between two looks of the watchdog
    finally:
        os.close(info_r)
        if info_w >= 0:
            os.close(info_w)
        if group is not None:
            group.remove()
    duration = time.monotonic() - start
    sig = None
    if rc < 0:
        sig = signal.Signals(-rc).name
    elif kind == "bwrap" and rc > 128 and rc - 128 in signal.valid_signals():
        sig = signal.Signals(rc - 128).name  # bwrap reports a killed child as 128 + signal
    return Outcome(
        exit_code=None if rc < 0 else rc,
        signal=sig,
        timed_out=stopped == "timeout",
        duration_s=duration,
        stdout=out_path,
        stderr=err_path,
        stopped_by=stopped,
        memory_peak=peak,
        bounds=describe(limits, job, group),
    )


def describe(limits: Limits, job: Job, group: Group | None) -> dict[str, str]:
    """Which mechanism kept each bound for this run, in words for the report."""
    cg = f"cgroup v{group.version}" if group else None
    mem = f"{cg} for the whole run" if cg else "watchdog summing the run's resident memory"
    if group and group.notes:
        mem += f" ({'; '.join(group.notes)})"
    procs = "RLIMIT_NPROC " + (
        "for the run's own user ID" if os.geteuid() == 0 else "shared with the caller's user"
    )
    if group and group.pids_file:
        procs = f"{cg} pids.max, and {procs}"
    return {
        "wall_clock": f"{limits.timeout_s:g} s, then every process of the run is killed",
        "memory": f"{limits.memory_bytes} bytes: {mem}; RLIMIT_AS per process",
        "processes": f"{limits.processes}: {procs}",
        "disk": f"{limits.disk_bytes} bytes: {job.box.how}; RLIMIT_FSIZE "
        f"{limits.file_bytes} per file",
        "cpu": f"RLIMIT_CPU {limits.cpu()} s per process",
    }


def _watch(
    proc: subprocess.Popen[bytes], limits: Limits, job: Job, group: Group | None
) -> str | None:
    """Wait for the run; the bound that stopped it, if one did (the caller kills)."""
    deadline = time.monotonic() + limits.timeout_s
    while True:
        try:
            proc.wait(timeout=min(TICK_S, max(0.0, deadline - time.monotonic())))
            return None
        except subprocess.TimeoutExpired:
            pass
        if time.monotonic() >= deadline:
            return "timeout"
        if not job.box.mounted and job.box.usage() > limits.disk_bytes:
            return "disk bound"
        if group is None and tree_rss(proc.pid)[0] > limits.memory_bytes:
            return "memory bound"


def _end(proc: subprocess.Popen[bytes], group: Group | None, uid: int, init: int | None) -> None:
    """Kill every process of the run that is still there, and wait until none is."""
    _kill_group(proc.pid)
    if group is not None:
        group.kill()
    proc.wait()
    _await_sandbox_exit(init)
    if os.geteuid() == 0 and uid != 0:  # the run's own user: whatever left the group too
        kill_until_gone(lambda: processes_of(uid))


def _first_child(pid: int) -> int | None:
    """The first child of `pid` while it lives: for `unshare --fork`, the init of the PID
    namespace, whose end the caller awaits like bwrap's."""
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as fh:
            kids = fh.read().split()
    except OSError:
        return None
    return int(kids[0]) if kids else None


def _read_info(fd: int) -> int | None:
    os.set_blocking(fd, False)
    try:
        data = os.read(fd, 65536)
        obj, _ = json.JSONDecoder().raw_decode(data.decode().strip())
        return int(obj["child-pid"])
    except (OSError, ValueError, KeyError, IndexError):
        return None


def _await_sandbox_exit(init_pid: int | None, limit_s: float = 10.0) -> None:
    """Return once the sandbox's PID namespace is gone: its init exits only after every
    process in it has been killed, so no process of the run outlives the call."""
    if init_pid is None:
        return
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{init_pid}/stat", "rb") as fh:
                state = fh.read().rsplit(b")", 1)[1].split()[0]
        except OSError:
            return
        if state in (b"Z", b"X"):
            return
        time.sleep(0.01)  # never signal it ourselves: the PID may already be reused


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _with_limits(argv: list[str], limits: Limits) -> list[str]:
    prlimit = shutil.which("prlimit")
    if prlimit is None:
        raise SandboxUnavailableError(
            "prlimit (util-linux) is not installed; it sets the resource limits of a run",
            hint="install util-linux",
        )
    return [
        prlimit,
        f"--as={limits.memory_bytes}",
        f"--cpu={limits.cpu()}",
        f"--fsize={limits.file_bytes}",
        f"--nproc={limits.processes}",
        "--core=0",
        "--",
        *argv,
    ]
