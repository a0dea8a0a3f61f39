"""The one folder a run may write, on a file system of bounded size.

    box/                 a tmpfs of `disk_bytes` when it can be mounted (root), else a folder
      .ara-owner         PID of the arakit process that made it (stale boxes are swept)
      work/ out/         the working copy and {outdir}
      tmp/ home/ shm/    /tmp, $HOME and /dev/shm of the run

Everything the run can write lives in the box, so one size bounds it all, and a box mounted
as a file system of its own also hides the host path of the working copy from the run
(/proc/self/mountinfo names a bind by its path inside its file system). Without a mount the
bound is kept by `usage()` checks from the watchdog. The run's output never lands in the
box (it is piped and capped by the sandbox), so a full box still shows why it failed.
`close_box()` copies the outputs (capped) to a folder that stays, then unmounts and
removes the box.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

OWNER = ".ara-owner"
KEEP_OUT_BYTES = 16 << 20
PARTS = ("work", "out", "tmp", "home", "shm")
SWEPT = ("box", "runtime")  # tmpfs folders of a reproduction, swept when their owner died


@dataclass
class Box:
    """A run's writable world and how its size is bounded."""

    root: Path
    disk_bytes: int
    mounted: bool

    @property
    def how(self) -> str:
        """How the disk bound is kept, for the report."""
        if self.mounted:
            return f"tmpfs of {self.disk_bytes} bytes (in memory, counted in the memory bound)"
        return f"watchdog: the run is killed past {self.disk_bytes} bytes written"

    def part(self, name: str) -> Path:
        return self.root / name

    def usage(self) -> int:
        """Bytes the run holds in the box now."""
        if self.mounted:
            st = os.statvfs(self.root)
            return (st.f_blocks - st.f_bfree) * st.f_frsize
        return _du(self.root)


def _du(top: Path) -> int:
    total = 0
    stack = [str(top)]
    while stack:
        try:
            with os.scandir(stack.pop()) as it:
                for e in it:
                    try:
                        st = e.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    total += st.st_blocks * 512
                    if e.is_dir(follow_symlinks=False):
                        stack.append(e.path)
        except OSError:
            continue
    return total


def mount_tmpfs(path: Path, size: int) -> bool:
    """Mount a tmpfs of `size` bytes at `path` (root only); False when it cannot."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    r = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755,nosuid,nodev", "tmpfs", str(path)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
    )
    return r.returncode == 0


def unmount(path: Path) -> None:
    """Detach the file system at `path` (lazily: a process still in it cannot stop this)."""
    subprocess.run(["umount", "-l", str(path)], capture_output=True, stdin=subprocess.DEVNULL)


def open_box(path: Path, disk_bytes: int, uid: int | None) -> Box:
    """Make the box at `path` (a new folder), owned by root with its parts owned by `uid`."""
    path.mkdir(parents=True)
    box = Box(path, disk_bytes, mount_tmpfs(path, disk_bytes))
    (path / OWNER).write_text(str(os.getpid()))
    for name in PARTS:
        (path / name).mkdir()
        if uid is not None and os.geteuid() == 0:
            os.chown(path / name, uid, uid)
    for name in ("tmp", "shm"):
        os.chmod(path / name, 0o1777)
    return box


def close_box(box: Box, keep: Path | None) -> None:
    """Copy the outputs to `keep` (when given, capped), then unmount and remove the box."""
    try:
        if keep is not None:
            _copy_outputs(box.part("out"), keep / "out", KEEP_OUT_BYTES)
    finally:
        if box.mounted:
            unmount(box.root)
        shutil.rmtree(box.root, ignore_errors=True)


def _copy_outputs(src: Path, dst: Path, cap: int) -> None:
    """Regular files only (never a link the run made), up to `cap` bytes in all."""
    left = cap
    for dirpath, _, files in os.walk(src):
        for name in sorted(files):
            p = Path(dirpath) / name
            try:
                st = p.lstat()
            except OSError:
                continue
            if not p.is_file() or p.is_symlink() or st.st_size > left:
                continue
            target = dst / p.relative_to(src)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, target, follow_symlinks=False)
            left -= st.st_size


def sweep_stale() -> int:
    """Unmount and remove boxes (and runtimes, runtime.py) left mounted by an arakit process
    that died (kill -9 while a run was going); returns how many."""
    try:
        mounts = Path("/proc/self/mountinfo").read_text().splitlines()
    except OSError:
        return 0
    swept = 0
    for line in mounts:
        head, _, tail = line.partition(" - ")
        fields = head.split()
        if len(fields) < 5 or not tail.startswith("tmpfs "):
            continue
        point = Path(re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[4]))
        if point.name not in SWEPT:
            continue
        try:
            owner = int((point / OWNER).read_text())
        except (OSError, ValueError):
            continue
        if owner != os.getpid() and not Path(f"/proc/{owner}").exists():
            unmount(point)
            shutil.rmtree(point, ignore_errors=True)
            swept += 1
    return swept
