"""Total bounds on one run: memory for all its processes together, and how many it may have.

An rlimit is per process: four processes under a 1 GiB RLIMIT_AS hold 4 GiB. The total is a
control group made for the run and joined by its first process, so that every descendant is
in it: cgroup v2 (`memory.max`, `memory.swap.max`, `pids.max`) when the machine delegates
one, else cgroup v1 (`memory.limit_in_bytes` and `memory.memsw.limit_in_bytes`, `pids.max`).
Where neither can be made (no root, no delegation), `Watchdog` sums the resident memory of
the run's processes a few times a second and kills the run past the bound; the report says
which mechanism held each bound.
"""

from __future__ import annotations

import os
import signal
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CGROUP = Path("/sys/fs/cgroup")
_PAGE = os.sysconf("SC_PAGE_SIZE")


def _write(path: Path, value: str) -> bool:
    try:
        path.write_text(value)
        return True
    except OSError:
        return False


def _own_cgroups() -> dict[str, str]:
    """controller (or "" for v2) → this process's cgroup path, from /proc/self/cgroup."""
    out: dict[str, str] = {}
    try:
        for line in Path("/proc/self/cgroup").read_text().splitlines():
            _, ctrls, path = line.split(":", 2)
            for c in ctrls.split(",") if ctrls else [""]:
                out[c] = path
    except (OSError, ValueError):
        pass
    return out


@dataclass
class Group:
    """The control group(s) of one run: joined by the run's first process, removed after."""

    version: int
    dirs: list[Path]  # one per hierarchy (v1: memory and pids; v2: one)
    memory_file: Path | None = None
    pids_file: Path | None = None
    notes: list[str] = field(default_factory=list)

    @classmethod
    def create(cls, memory_bytes: int, processes: int) -> Group | None:
        """A cgroup bounding memory and processes, or None when this machine gives none."""
        own = _own_cgroups()
        name = f"arakit-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # the owner, for sweep_stale
        if (CGROUP / "cgroup.controllers").exists() and "" in own:
            return cls._v2(CGROUP / own[""].lstrip("/"), name, memory_bytes, processes)
        if "memory" in own and (CGROUP / "memory").is_dir():
            return cls._v1(own, name, memory_bytes, processes)
        return None

    @classmethod
    def _v2(cls, here: Path, name: str, memory: int, processes: int) -> Group | None:
        for parent in (here, CGROUP):
            d = parent / name
            try:
                d.mkdir()
            except OSError:
                continue
            if (d / "memory.max").exists() and _write(d / "memory.max", str(memory)):
                _write(d / "memory.swap.max", "0")
                g = cls(2, [d], memory_file=d / "memory.max")
                if (d / "pids.max").exists() and _write(d / "pids.max", str(processes)):
                    g.pids_file = d / "pids.max"
                return g
            _rmdir(d)
        return None

    @classmethod
    def _v1(cls, own: dict[str, str], name: str, memory: int, processes: int) -> Group | None:
        mem = CGROUP / "memory" / own["memory"].lstrip("/") / name
        try:
            mem.mkdir()
        except OSError:
            return None
        if not _write(mem / "memory.limit_in_bytes", str(memory)):
            _rmdir(mem)
            return None
        g = cls(1, [mem], memory_file=mem / "memory.limit_in_bytes")
        if not _write(mem / "memory.memsw.limit_in_bytes", str(memory)):
            g.notes.append("swap not bounded (no memsw accounting)")
        if "pids" in own and (CGROUP / "pids").is_dir():
            pids = CGROUP / "pids" / own["pids"].lstrip("/") / name
            try:
                pids.mkdir()
                if _write(pids / "pids.max", str(processes)):
                    g.dirs.append(pids)
                    g.pids_file = pids / "pids.max"
                else:
                    _rmdir(pids)
            except OSError:
                pass
        return g

    def launcher(self, argv: list[str]) -> list[str]:
        """argv prefixed by a shell that moves itself into the group, then execs argv: every
        process the run starts is born inside the bound."""
        procs = [str(d / "cgroup.procs") for d in self.dirs]
        joins = " && ".join(f'echo $$ > "${i + 1}"' for i in range(len(procs)))
        script = f'{joins} && shift {len(procs)} && exec "$@"'
        return ["/bin/sh", "-c", script, "sh", *procs, *argv]

    def pids(self) -> list[int]:
        """Every process in the group."""
        out: set[int] = set()
        for d in self.dirs:
            try:
                out.update(int(x) for x in (d / "cgroup.procs").read_text().split())
            except (OSError, ValueError):
                pass
        return sorted(out)

    def memory_peak(self) -> int | None:
        """The most memory the run held at once, in bytes, when the kernel tracks it."""
        d = self.dirs[0]
        for name in ("memory.peak", "memory.max_usage_in_bytes"):
            try:
                return int((d / name).read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return None

    def oom_killed(self) -> bool:
        """True when the kernel killed a process of the run for the memory bound."""
        name = "memory.events" if self.version == 2 else "memory.oom_control"
        return _counter(self.dirs[0] / name, "oom_kill") > 0

    def pids_hit(self) -> bool:
        """True when a fork was refused for the process bound."""
        return any(_counter(d / "pids.events", "max") > 0 for d in self.dirs)

    def kill(self, wait_s: float = 10.0) -> None:
        """SIGKILL every process in the group until it is empty (or `wait_s` passes)."""
        if self.version == 2:
            _write(self.dirs[0] / "cgroup.kill", "1")
        kill_until_gone(self.pids, wait_s)

    def remove(self) -> None:
        """Kill what is left and remove the group."""
        self.kill()
        for d in self.dirs:
            _rmdir(d)


def _counter(path: Path, key: str) -> int:
    """The value of `key` in a cgroup file of "key value" lines (0 when absent)."""
    try:
        for line in path.read_text().splitlines():
            name, _, value = line.partition(" ")
            if name == key:
                return int(value)
    except (OSError, ValueError):
        pass
    return 0


def kill_until_gone(find: Callable[[], list[int]], wait_s: float = 10.0) -> None:
    """SIGKILL whatever `find()` lists until it lists nothing (or `wait_s` passes): a
    process forking as it dies is caught on the next round."""
    deadline = time.monotonic() + wait_s
    while (pids := find()) and time.monotonic() < deadline:
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.02)


def sweep_stale_groups() -> int:
    """Remove run cgroups left by an arakit process that died (kill -9 mid-run); returns
    how many. Only groups named for a PID that is gone are touched."""
    swept = 0
    for ctrl, path in _own_cgroups().items():
        here = CGROUP / (ctrl if ctrl else "") / path.lstrip("/")
        if ctrl and not (CGROUP / ctrl).is_dir():
            continue
        try:
            children = [d for d in here.iterdir() if d.name.startswith("arakit-")]
        except OSError:
            continue
        for d in children:
            owner = d.name.split("-")[1]
            if owner.isdigit() and not Path(f"/proc/{owner}").exists():
                Group(1, [d]).kill(wait_s=2)
                _rmdir(d)
                swept += 1
    return swept


def _rmdir(d: Path) -> None:
    for _ in range(50):
        try:
            d.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:
            time.sleep(0.02)


def tree_rss(root_pid: int) -> tuple[int, list[int]]:
    """(resident bytes summed over root_pid and every descendant, their PIDs)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat", "rb") as fh:
                stat = fh.read().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        pid = int(d)
        children.setdefault(int(stat[1]), []).append(pid)  # stat[1]: ppid
        rss[pid] = int(stat[21]) * _PAGE  # field 24: rss in pages
    total, seen, todo = 0, [], [root_pid]
    while todo:
        pid = todo.pop()
        seen.append(pid)
        total += rss.get(pid, 0)
        todo.extend(children.get(pid, []))
    return total, seen
