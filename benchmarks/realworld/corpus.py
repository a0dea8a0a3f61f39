"""Where the real-world corpus lives, and how to open its paper repositories.

The corpus is never copied into the project (licences vary). It is found through
``ARA_CORPUS``; without it, the ``shared/corpus`` folder beside the checkout (or beside one
of its parents) is used, so a clone anywhere under the workplace finds it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# ``ARA_TRUTH`` points the scorers at truth kept outside the project, for real material held
# back from the corpus (its licence or its role as a check keeps it out of the repository).
TRUTH = Path(os.environ.get("ARA_TRUTH") or Path(__file__).resolve().parent / "truth")


class CorpusMissing(RuntimeError):
    """The corpus folder could not be found; the message says where it was looked for."""


def corpus_dir() -> Path:
    """The corpus root (holding ``papers/`` and ``artifacts/``), or CorpusMissing."""
    env = os.environ.get("ARA_CORPUS")
    candidates = [Path(env)] if env else []
    candidates += [parent / "shared" / "corpus" for parent in ROOT.parents]
    candidates.append(Path("/work/shared/corpus"))
    for cand in candidates:
        if (cand / "papers").is_dir() or (cand / "artifacts").is_dir():
            return cand
    looked = ", ".join(str(c) for c in candidates)
    raise CorpusMissing(f"real-world corpus not found (set ARA_CORPUS); looked in: {looked}")


def papers() -> list[Path]:
    """Every paper + repository pair folder, sorted by name."""
    return sorted(p for p in (corpus_dir() / "papers").iterdir() if (p / "paper.pdf").is_file())


def artifacts() -> list[Path]:
    """Every collected artifact folder, sorted by name."""
    return sorted(p for p in (corpus_dir() / "artifacts").iterdir() if p.is_dir())


_CLONES: dict[str, Path] = {}


def clone(pair: Path) -> Path:
    """A clone of the pair's ``repo.bundle`` with every ref of the bundle fetched.

    Branches of the bundle appear as ``refs/remotes/origin/*`` and every other ref (tags,
    pull-request refs) under ``refs/bundle/*``. Clones are made once per process in a
    temporary folder and reused.
    """
    key = str(pair)
    if key in _CLONES:
        return _CLONES[key]
    dest = Path(tempfile.mkdtemp(prefix=f"ara-rw-{pair.name}-")) / pair.name
    bundle = pair / "repo.bundle"
    git = ["git", "-c", "core.hooksPath=/dev/null", "-c", "protocol.file.allow=always"]
    subprocess.run([*git, "clone", "-q", str(bundle), str(dest)], check=True)
    subprocess.run(
        [*git, "-C", str(dest), "fetch", "-q", str(bundle), "+refs/*:refs/bundle/*"],
        check=True,
    )
    _CLONES[key] = dest
    return dest


def cleanup() -> None:
    """Remove the clones made by :func:`clone`."""
    for path in _CLONES.values():
        shutil.rmtree(path.parent, ignore_errors=True)
    _CLONES.clear()
