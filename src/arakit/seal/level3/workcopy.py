"""The working copy a run sees: the artifact minus everything that holds or hints the answers.

Withheld: evidence/ (the expected numbers), trace/ and staging/ (they quote results), the
seal's own reports, VCS history, every symlink (one could point at evidence/ or outside),
anything that is not a regular file, and any file anywhere else whose bytes are those of an
evidence file, hard-linked or copied (matched by inode and by SHA-256). The copy also keeps
the SHA-256 of every file it shipped, so that an output the run did not write (a shipped
`metrics.json`) is never read as the run's result.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

WITHHELD = frozenset(
    {
        "evidence",
        "trace",
        "staging",
        ".git",
        ".hg",
        ".svn",
        "level3_report.json",
        "seal.json",
    }
)
_HASH_LIMIT = 256 << 20  # larger evidence files are matched by inode only


@dataclass
class WorkingCopy:
    """What was copied (relative path → SHA-256) and what was left out, with why."""

    shipped: dict[str, str] = field(default_factory=dict)
    left_out: list[str] = field(default_factory=list)
    evidence_copies: dict[str, str] = field(default_factory=dict)  # path → evidence file


def _sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _evidence_fingerprints(root: Path) -> tuple[dict[tuple[int, int], str], dict[str, str]]:
    """(inode → evidence path, SHA-256 → evidence path) of every regular evidence file."""
    inodes: dict[tuple[int, int], str] = {}
    digests: dict[str, str] = {}
    top = root / "evidence"
    if not top.is_dir() or top.is_symlink():
        return inodes, digests
    for dirpath, _, files in os.walk(top):
        for name in files:
            p = Path(dirpath) / name
            try:
                st = p.lstat()
            except OSError:
                continue
            if not stat.S_ISREG(st.st_mode) or st.st_size == 0:  # an empty file tells nothing
                continue
            rel = p.relative_to(root).as_posix()
            inodes[(st.st_dev, st.st_ino)] = rel
            if st.st_size <= _HASH_LIMIT:
                try:
                    digests[_sha256(p)] = rel
                except OSError:
                    continue
    return inodes, digests


def make_working_copy(root: Path, dest: Path) -> WorkingCopy:
    """Copy the artifact at `root` into `dest` (an existing empty folder), withholding what
    WITHHELD names, symlinks, special files and copies of evidence."""
    inodes, digests = _evidence_fingerprints(root)
    wc = WorkingCopy()
    _copy(root, dest, "", wc, inodes, digests)
    wc.left_out.sort()
    return wc


def _copy(
    src: Path,
    dst: Path,
    rel: str,
    wc: WorkingCopy,
    inodes: dict[tuple[int, int], str],
    digests: dict[str, str],
) -> None:
    with os.scandir(src) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        r = f"{rel}{e.name}"
        if not rel and e.name in WITHHELD:
            wc.left_out.append(r + ("/" if e.is_dir(follow_symlinks=False) else ""))
        elif e.is_symlink():
            wc.left_out.append(r)
        elif e.is_dir(follow_symlinks=False):
            (dst / e.name).mkdir()
            _copy(Path(e.path), dst / e.name, r + "/", wc, inodes, digests)
        elif e.is_file(follow_symlinks=False):
            st = e.stat(follow_symlinks=False)
            same = inodes.get((st.st_dev, st.st_ino))
            digest = _sha256(e.path)
            same = same or digests.get(digest)
            if same:
                wc.left_out.append(r)
                wc.evidence_copies[r] = same
                continue
            shutil.copyfile(e.path, dst / e.name, follow_symlinks=False)
            shutil.copymode(e.path, dst / e.name, follow_symlinks=False)
            wc.shipped[r] = digest
        else:
            wc.left_out.append(r)  # sockets, fifos, devices
