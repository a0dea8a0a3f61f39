"""`ara hooks install|uninstall`: git hooks that record commits, merges, checkouts, rewrites.

The installed hook is a small POSIX sh script. It first runs the hook that was there before
(kept as `<hook>.ara-chained`, same arguments and stdin), then starts the recorder
(`python -m arakit.live.hook`) in the background under a timeout, and always exits 0. When the
recorded interpreter is gone or arakit is uninstalled or broken, the recorder simply does not
run: git is never slowed down or stopped. `ARA_HOOK_SYNC=1` runs the recorder in the
foreground (tests, and people who want to see its errors).
"""

from __future__ import annotations

import os
import shlex
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

from arakit.errors import UsageError
from arakit.live.gitinfo import git

HOOKS = ("post-commit", "post-merge", "post-checkout", "post-rewrite")
MARK = "# arakit live capture hook"
CHAINED = ".ara-chained"
HOOK_TIMEOUT_S = 20

_TEMPLATE = """#!/bin/sh
{mark} (installed by `ara hooks install`; remove with `ara hooks uninstall`)
# Runs the hook that was here before, then records the event in the background. Never fails.
ara_py={python}
ara_artifact={artifact}
ara_hook={hook}
ara_dir=$(dirname "$0")
ara_in=""
if [ "$ara_hook" = post-rewrite ]; then
  ara_in=$(mktemp 2>/dev/null || echo "${{TMPDIR:-/tmp}}/ara-hook-$$")
  cat > "$ara_in"
fi
if [ -x "$ara_dir/$ara_hook{chained}" ]; then
  if [ -n "$ara_in" ]; then "$ara_dir/$ara_hook{chained}" "$@" < "$ara_in"
  else "$ara_dir/$ara_hook{chained}" "$@"; fi
fi
if [ -x "$ara_py" ]; then
  ara_to=""
  command -v timeout >/dev/null 2>&1 && ara_to="timeout {timeout}"
  if [ -n "$ARA_HOOK_SYNC" ]; then
    $ara_to "$ara_py" -m arakit.live.hook "$ara_hook" "$ara_artifact" "$ara_in" "$@" \\
      </dev/null >/dev/null 2>&1
    [ -n "$ara_in" ] && rm -f "$ara_in"
  else
    ( $ara_to "$ara_py" -m arakit.live.hook "$ara_hook" "$ara_artifact" "$ara_in" "$@" \\
      </dev/null >/dev/null 2>&1; [ -n "$ara_in" ] && rm -f "$ara_in" ) &
  fi
elif [ -n "$ara_in" ]; then
  rm -f "$ara_in"
fi
exit 0
"""


@dataclass
class HookReport:
    """What install/uninstall did, hook by hook."""

    hooks_dir: str
    installed: list[str] = field(default_factory=list)
    chained: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)


def hooks_dir(repo: str | Path) -> Path:
    """The repository's hooks folder (honours core.hooksPath)."""
    out = git(["rev-parse", "--path-format=absolute", "--git-path", "hooks"], repo, hooks_path=True)
    if out is None:
        raise UsageError(f"{repo}: not inside a git repository", hint="run `git init` first")
    return Path(out)


def hook_script(hook: str, artifact: Path, python: str | None = None) -> str:
    """The text of one installed hook."""
    return _TEMPLATE.format(
        mark=MARK,
        python=shlex.quote(python or sys.executable),
        artifact=shlex.quote(str(artifact.resolve())),
        hook=hook,
        chained=CHAINED,
        timeout=HOOK_TIMEOUT_S,
    )


def _ours(path: Path) -> bool:
    try:
        return MARK in path.read_text(errors="replace")[:400]
    except OSError:
        return False


def install(repo: str | Path, artifact: Path, python: str | None = None) -> HookReport:
    """Install the four hooks, keeping any existing hook as `<hook>.ara-chained`."""
    folder = hooks_dir(repo)
    folder.mkdir(parents=True, exist_ok=True)
    rep = HookReport(hooks_dir=str(folder))
    for hook in HOOKS:
        path = folder / hook
        if path.exists() and not _ours(path):
            keep = folder / (hook + CHAINED)
            if keep.exists():
                raise UsageError(
                    f"{keep} already exists; cannot keep {path} beside it",
                    hint="move one of them away, then run `ara hooks install` again",
                )
            os.replace(path, keep)
            rep.chained.append(hook)
        tmp = folder / f".{hook}.ara-tmp"
        tmp.write_text(hook_script(hook, artifact, python))
        tmp.chmod(tmp.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
        os.replace(tmp, path)
        rep.installed.append(hook)
    return rep


def uninstall(repo: str | Path) -> HookReport:
    """Remove our hooks and put back the hooks they chained."""
    folder = hooks_dir(repo)
    rep = HookReport(hooks_dir=str(folder))
    for hook in HOOKS:
        path = folder / hook
        if path.exists() and _ours(path):
            path.unlink()
            rep.removed.append(hook)
        keep = folder / (hook + CHAINED)
        if keep.exists() and not path.exists():
            os.replace(keep, path)
            rep.restored.append(hook)
    return rep
