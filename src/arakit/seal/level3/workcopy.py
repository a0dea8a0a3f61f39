"""The working copy a run sees: the artifact minus everything that holds or hints the answers."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

# Withheld top-level entries. evidence/ holds the expected numbers; trace/ and staging/ quote
# results in node `result` fields and logs; reports and VCS history carry them too.
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


def make_working_copy(root: Path, dest: Path) -> list[str]:
    """Copy the artifact at `root` into `dest` (created), withholding WITHHELD and symlinks.

    Returns the relative paths that were left out, for the report. Symlinks are never copied
    or followed: one could point at evidence/ or outside the artifact.
    """
    dest.mkdir(parents=True, exist_ok=False)
    left_out: list[str] = []
    _copy(root, dest, "", left_out)
    return sorted(left_out)


def _copy(src: Path, dst: Path, rel: str, left_out: list[str]) -> None:
    with os.scandir(src) as it:
        entries = sorted(it, key=lambda e: e.name)
    for e in entries:
        r = f"{rel}{e.name}"
        if not rel and e.name in WITHHELD:
            left_out.append(r + ("/" if e.is_dir(follow_symlinks=False) else ""))
        elif e.is_symlink():
            left_out.append(r)
        elif e.is_dir(follow_symlinks=False):
            (dst / e.name).mkdir()
            _copy(Path(e.path), dst / e.name, r + "/", left_out)
        elif e.is_file(follow_symlinks=False):
            shutil.copy2(e.path, dst / e.name, follow_symlinks=False)
        else:
            left_out.append(r)  # sockets, fifos, devices
