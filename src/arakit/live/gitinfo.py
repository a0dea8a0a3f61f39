"""The state of the git working tree a command runs in: commit, branch, dirty, diff hash."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path
from typing import Any

from arakit import gitsafe

GIT_TIMEOUT_S = 5.0


def git(
    args: list[str], cwd: str | Path, *, timeout: float = GIT_TIMEOUT_S, hooks_path: bool = False
) -> str | None:
    """Output of a git command (stripped), or None when git is missing or the command fails.

    Nothing the repository's configuration names is run (see arakit.gitsafe); `hooks_path`
    keeps its core.hooksPath visible, for asking where its hooks live."""
    try:
        done = subprocess.run(
            gitsafe.argv(args, cwd, hooks_path=hooks_path),
            cwd=cwd,
            capture_output=True,
            timeout=timeout,
            check=False,
            env=gitsafe.env(),
            stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "replace").strip()


def tree_state(cwd: str | Path, exclude: list[Path] | None = None) -> dict[str, Any] | None:
    """{commit, branch, dirty, diff_hash} of the repository at cwd, or None outside git.

    diff_hash is the SHA-256 of `git diff HEAD` (tracked changes) plus the names of untracked
    files, so two runs on the same uncommitted edits share it. Paths in `exclude` (the
    artifact's own live files) do not count as changes.
    """
    out = git(["rev-parse", "--show-toplevel", "HEAD", "--abbrev-ref", "HEAD"], cwd)
    if out is None or len(out.splitlines()) != 3:
        return None
    top, commit, branch = out.splitlines()
    inside = [p for p in exclude or [] if Path(p).resolve().is_relative_to(Path(top).resolve())]
    specs = [f":(exclude,top){Path(p).resolve().relative_to(Path(top).resolve())}" for p in inside]
    specs = ["--", ":(top)", *specs] if specs else []
    status = git(["status", "--porcelain", "--untracked-files=normal", *specs], cwd) or ""
    state: dict[str, Any] = {"commit": commit, "branch": branch, "dirty": bool(status)}
    if status:
        try:
            diff = subprocess.run(
                gitsafe.argv(["diff", "HEAD", "--no-color", *specs], cwd),
                cwd=cwd,
                capture_output=True,
                timeout=GIT_TIMEOUT_S,
                check=False,
                env=gitsafe.env(),
                stdin=subprocess.DEVNULL,
            ).stdout
        except (OSError, subprocess.SubprocessError):
            diff = b""
        untracked = "\n".join(ln[3:] for ln in status.splitlines() if ln.startswith("??"))
        state["diff_hash"] = hashlib.sha256(diff + untracked.encode()).hexdigest()
    return state
