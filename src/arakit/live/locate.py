"""Where the artifact is: `--artifact`, else $ARA_ARTIFACT, else the nearest folder upward.

Standard library only, so that `ara run` can find it without loading the model.
"""

from __future__ import annotations

import os
from pathlib import Path

from arakit.errors import UsageError


def find_artifact(explicit: str | Path | None = None, start: str | Path | None = None) -> Path:
    """The artifact folder: `explicit`, else $ARA_ARTIFACT, else the nearest folder upward
    from `start` (default: the working directory) that holds PAPER.md or trace/."""
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
    raise UsageError(
        f"no artifact found in {here} or above (looked for PAPER.md or trace/)",
        hint="pass --artifact PATH, set ARA_ARTIFACT, or run `ara init` here",
    )
