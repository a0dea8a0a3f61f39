"""One compile of each paper + repository pair per process, shared by the benchmarks.

`artifact(pair)` runs `ara compile paper.pdf <clone of repo.bundle>` once (the library call
behind it, without a model) and returns the artifact folder; later calls reuse it.
Folders are removed by `cleanup()`, which `run.py` calls through `corpus.cleanup()`.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from benchmarks.realworld import corpus

_ARTIFACTS: dict[str, Path] = {}


def artifact(pair: Path) -> Path:
    """The artifact compiled from the pair's paper and a clone of its repository."""
    key = str(pair)
    if key not in _ARTIFACTS:
        from arakit.compiler import compile_sources

        out = Path(tempfile.mkdtemp(prefix=f"ara-rw-compiled-{pair.name}-")) / pair.name
        compile_sources([str(pair / "paper.pdf"), str(corpus.clone(pair))], str(out))
        _ARTIFACTS[key] = out
    return _ARTIFACTS[key]


def cleanup() -> None:
    """Remove every compiled artifact."""
    for path in _ARTIFACTS.values():
        shutil.rmtree(path.parent, ignore_errors=True)
    _ARTIFACTS.clear()
