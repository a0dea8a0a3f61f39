"""What an installed git hook runs: `python -m arakit.live.hook HOOK ARTIFACT STDIN_FILE ARGS...`.

It reads the repository state git just produced, appends one `commit` event (action commit,
merge, checkout or rewrite) and processes the journal. It never raises to the caller and
always exits 0: a hook must not disturb git.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from arakit.live.gitinfo import git

_REVERT = re.compile(r"This reverts commit ([0-9a-f]{7,40})")
_MOVE = re.compile(r"moving from (\S+) to (\S+)")


def _head(cwd: str) -> dict[str, Any]:
    out = git(["log", "-1", "--format=%H%x00%P%x00%s%x00%b", "HEAD"], cwd) or ""
    parts = [*out.split("\x00"), "", "", ""][:4]
    return {
        "commit": parts[0],
        "parents": parts[1].split(),
        "subject": parts[2],
        "body": parts[3][:2000],
        "branch": git(["rev-parse", "--abbrev-ref", "HEAD"], cwd),
    }


def describe(hook: str, args: list[str], stdin_text: str, cwd: str) -> dict[str, Any] | None:
    """The event payload for one hook call, or None when there is nothing to record."""
    if hook == "post-commit":
        p = _head(cwd)
        p["action"] = "merge" if len(p["parents"]) > 1 else "commit"
        m = _REVERT.search(p["body"])
        if m:
            full = git(["rev-parse", m.group(1)], cwd) or m.group(1)
            p["reverts"] = full
            p["reverted_subject"] = git(["log", "-1", "--format=%s", full], cwd)
        return p
    if hook == "post-merge":
        p = _head(cwd)
        p["action"] = "merge"
        p["squash"] = bool(args and args[0] == "1")
        merged = git(["branch", "--merged", "HEAD", "--format=%(refname:short)"], cwd) or ""
        p["merged_branches"] = [b for b in merged.splitlines() if b and b != p["branch"]]
        return p
    if hook == "post-checkout":
        if len(args) < 3 or args[2] != "1":
            return None  # a file checkout, not a branch switch
        moved = _MOVE.search(git(["reflog", "-1", "--format=%gs"], cwd) or "")
        return {
            "action": "checkout",
            "from_commit": args[0],
            "to_commit": args[1],
            "from_branch": moved.group(1) if moved else None,
            "to_branch": moved.group(2)
            if moved
            else git(["rev-parse", "--abbrev-ref", "HEAD"], cwd),
        }
    if hook == "post-rewrite":
        pairs = [ln.split()[:2] for ln in stdin_text.splitlines() if len(ln.split()) >= 2]
        return {"action": "rewrite", "how": args[0] if args else "", "rewritten": pairs}
    return None


def main(argv: list[str]) -> int:
    """Entry of the hook recorder; always returns 0."""
    try:
        hook, artifact, stdin_file, *args = argv
        stdin_text = Path(stdin_file).read_text(errors="replace") if stdin_file else ""
        cwd = str(Path.cwd())
        payload = describe(hook, args, stdin_text, cwd)
        if payload is None:
            return 0
        from arakit.live.manager import record

        record(Path(artifact), "commit", payload, source=f"git {hook}")
    except Exception as e:  # never disturb git; leave a trace for the curious
        sys.stderr.write(f"arakit hook: {type(e).__name__}: {e}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
