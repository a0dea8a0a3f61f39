"""Who a run is: a user ID of its own, so that its limits and its processes are its own.

The kernel counts RLIMIT_NPROC per real user, so runs that all drop to `nobody` share one
process quota (one run's fork bomb starves the others) and cannot be told apart when a
process escapes its group with setsid. When arakit runs as root, each run gets a user ID from
a range no account uses, held by a lock file for as long as the run lives: its process quota
is its own, and "every process of this run" is "every process with this user ID".
Without root the run keeps the caller's user ID (bwrap maps it in a user namespace).
"""

from __future__ import annotations

import fcntl
import os
import random
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

FIRST_UID = 1_100_000
UID_COUNT = 65_536


def _lock_dir() -> Path:
    base = Path("/run") if os.access("/run", os.W_OK) else Path(tempfile.gettempdir())
    d = base / f"arakit-uids-{os.geteuid()}"
    d.mkdir(mode=0o700, exist_ok=True)
    return d


@contextmanager
def run_identity() -> Iterator[int]:
    """A user ID that no other live run holds (root), or the caller's own (otherwise)."""
    if os.geteuid() != 0:
        yield os.getuid()
        return
    folder = _lock_dir()
    rng = random.SystemRandom()
    for _ in range(1000):
        uid = FIRST_UID + rng.randrange(UID_COUNT)
        path = folder / str(uid)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            if os.fstat(fd).st_ino != os.stat(path).st_ino:  # released and removed meanwhile
                raise BlockingIOError
        except (BlockingIOError, FileNotFoundError):
            os.close(fd)
            continue
        try:
            yield uid
        finally:
            os.unlink(path)  # still holding the lock: a waiter sees the file gone and retries
            os.close(fd)
        return
    raise RuntimeError("no free user ID for the run after 1000 tries")


def chown_tree(top: Path, uid: int) -> None:
    """Give `top` and everything under it to `uid` (its own group), never following links."""
    os.lchown(top, uid, uid)
    for dirpath, dirnames, filenames in os.walk(top):
        for n in dirnames + filenames:
            os.lchown(os.path.join(dirpath, n), uid, uid)


def processes_of(uid: int) -> list[int]:
    """PIDs of every live process whose real user ID is `uid` (zombies excluded)."""
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/status", "rb") as fh:
                status = fh.read()
        except OSError:
            continue
        fields = dict(line.split(b":", 1) for line in status.splitlines() if b":" in line)
        state = fields.get(b"State", b"").strip()[:1]
        uids = fields.get(b"Uid", b"").split()
        if uids and int(uids[0]) == uid and state not in (b"Z", b"X"):
            found.append(int(d))
    return found
