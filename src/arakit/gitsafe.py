"""How arakit runs git on a repository it did not make: nothing in the repository's own
configuration may execute.

A repository's `.git/config` can name commands that git runs on ordinary reads: an
fsmonitor (on every index refresh: status, diff), hooks (post-index-change, post-checkout),
a pager, an external diff, textconv drivers (log -p, diff), and clean/smudge/process
filters picked by `.gitattributes` (status, diff, checkout). `argv()` neutralises each one
with command-line configuration (which outranks every config file) and per-command flags,
and `env()` keeps git from prompting or paging. Filter drivers have free-form names, so the
names configured for a repository are listed once (`git config` runs nothing) and each is
overridden with an empty command.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

# Commands that may show diffs: external diff and textconv are switched off by flag.
_DIFF_COMMANDS = frozenset({"log", "show", "diff", "whatchanged", "format-patch", "range-diff"})
SAFE_CONFIG = (
    "core.fsmonitor=false",
    "core.hooksPath=/dev/null",
    "core.pager=cat",
    "core.editor=false",
    "core.askPass=",
    "core.sshCommand=false",
    "core.alternateRefsCommand=",
    "credential.helper=",
    "diff.external=",
    "submodule.recurse=false",
    "gc.auto=0",
    "maintenance.auto=false",
    "protocol.allow=never",
    "protocol.file.allow=always",
)

# Commands known never to touch the working tree's content, so no clean/smudge filter can
# run: they skip listing the configured drivers (`ara run` probes with rev-parse first).
_NO_WORKTREE = frozenset(
    {"rev-parse", "rev-list", "for-each-ref", "merge-base", "cat-file", "hash-object",
     "update-ref", "symbolic-ref", "config", "branch", "tag", "reflog", "bundle",
     "show-ref", "ls-tree", "name-rev", "log", "show", "var", "version"}
)  # fmt: skip

_filters: dict[str, list[str]] = {}


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The caller's environment with git made non-interactive: no prompt, no pager, no
    external diff from the environment, no optional index writes."""
    out = {
        k: v
        for k, v in os.environ.items()
        if k not in ("GIT_EXTERNAL_DIFF", "GIT_PAGER", "PAGER", "GIT_ASKPASS", "SSH_ASKPASS")
    }
    out.update(
        {
            "GIT_TERMINAL_PROMPT": "0",
            "GIT_PAGER": "cat",
            "PAGER": "cat",
            "GIT_OPTIONAL_LOCKS": "0",
        }
    )
    out.update(extra or {})
    return out


def config_args(
    where: str | Path | None = None, *, hooks_path: bool = False, filters: bool = True
) -> list[str]:
    """`-c key=value` pairs that switch off every command the configuration could run,
    including (with `filters`) the filter drivers configured for the repository at `where`.
    `hooks_path` keeps the repository's own core.hooksPath (to ask where hooks live)."""
    pairs = [kv for kv in SAFE_CONFIG if not (hooks_path and kv.startswith("core.hooksPath"))]
    args = [a for kv in pairs for a in ("-c", kv)]
    if not filters:
        return args
    return args + _filter_overrides(str(where) if where is not None else os.getcwd())


def argv(args: list[str], cwd: str | Path | None = None, *, hooks_path: bool = False) -> list[str]:
    """The full command line for `git ARGS` run at `cwd` (or `-C` inside `args`)."""
    args = list(args)
    where: str | Path | None = cwd
    if len(args) >= 2 and args[0] == "-C":
        where = args[1]
    head = 2 if args[:1] == ["-C"] else 0
    command = args[head] if len(args) > head else ""
    if command in _DIFF_COMMANDS:
        args[head + 1 : head + 1] = ["--no-ext-diff", "--no-textconv"]
    filters = command not in _NO_WORKTREE  # only these may skip listing filter drivers
    return ["git", *config_args(where, hooks_path=hooks_path, filters=filters), *args]


def _filter_overrides(where: str) -> list[str]:
    key = os.path.realpath(where)
    if key not in _filters:
        _filters[key] = _find_filters(key)
    return _filters[key]


def _find_filters(where: str) -> list[str]:
    try:
        pattern = r"^filter\..+\.(clean|smudge|process)$"
        safe = [a for kv in SAFE_CONFIG for a in ("-c", kv)]
        done = subprocess.run(
            ["git", *safe, "-C", where, "config", "--name-only", "--get-regexp", pattern],
            capture_output=True,
            timeout=10,
            env=env(),
            stdin=subprocess.DEVNULL,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return []
    names = set()
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        name = line.strip()[len("filter.") :].rpartition(".")[0]
        if name:
            names.add(name)
    out: list[str] = []
    for name in sorted(names):
        for part in ("clean=", "smudge=", "process=", "required=false"):
            out += ["-c", f"filter.{name}.{part}"]
    return out
