"""Where the artifact is: `--artifact`, else $ARA_ARTIFACT, else the nearest folder upward.

Standard library only, so that `ara run` can find it without loading the model.
"""

from __future__ import annotations

import os
from pathlib import Path

from arakit.errors import UsageError


def find_artifact(explicit: str | Path | None = None, start: str | Path | None = None) -> Path:
    """The artifact folder: `explicit`, else $ARA_ARTIFACT, else the nearest folder upward
    from `start` (default: the working directory) that holds PAPER.md or trace/, else the
    one artifact (PAPER.md) in a sub-folder up to two levels down, as in a repository that
    keeps its artifact in `ara/`."""
    if explicit:
        p = Path(explicit)
        if not p.is_dir():
            raise UsageError(f"{p}: no such artifact folder", hint="create it with `ara init`")
        return p
    env = os.environ.get("ARA_ARTIFACT")
    if env:
        return find_artifact(env)
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "PAPER.md").is_file() or (folder / "trace").is_dir():
            return folder
    below = sorted(
        {
            p.parent
            for pattern in ("*/PAPER.md", "*/*/PAPER.md")
            for p in here.glob(pattern)
            if not any(part.startswith(".") for part in p.relative_to(here).parts)
        }
    )
    if len(below) == 1:
        return below[0]
    if below:
        names = ", ".join(str(p.relative_to(here)) for p in below[:5])
        raise UsageError(
            f"several artifacts below {here}: {names}",
            hint="pass --artifact PATH (or set ARA_ARTIFACT) to choose one",
        )
    raise UsageError(
        f"no artifact found in {here}, above it, or in its sub-folders (looked for PAPER.md or trace/)",
        hint="pass --artifact PATH, set ARA_ARTIFACT, or run `ara init` here",
    )


def outside_path(root: str | Path, kind: str, suffix: str) -> Path:
    """A file arakit keeps about the artifact at `root` outside of it, where a read-only or
    full artifact, or an editor of its files, does not reach:
    $XDG_STATE_HOME/arakit/<kind>/<key><suffix> (default ~/.local/state), keyed by the
    artifact's real path."""
    import hashlib

    base = os.environ.get("XDG_STATE_HOME") or os.path.join(
        os.path.expanduser("~"), ".local", "state"
    )
    key = hashlib.sha256(os.path.realpath(root).encode()).hexdigest()[:24]
    return Path(base) / "arakit" / kind / f"{key}{suffix}"
