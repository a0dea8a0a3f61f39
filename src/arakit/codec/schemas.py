"""JSON Schemas of every YAML file of an artifact, shipped in the package (arakit/data/schemas)
with a `schema_version`; docs/format.md explains each. The schemas describe what arakit's
readers accept, every dialect included, so a file another tool wrote validates too."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "1.0"

# schema name -> the file it describes (a pattern for the session records)
FILES: dict[str, str] = {
    "exploration_tree": "trace/exploration_tree.yaml",
    "staging": "staging/observations.yaml",
    "session": "trace/sessions/YYYY-MM-DD_NNN.yaml",
    "session_index": "trace/sessions/session_index.yaml",
    "reasoning_log": "trace/pm_reasoning_log.yaml",
    "taste_log": "trace/taste_log.yaml",
    "reproduce": "src/reproduce.yaml",
}


def names() -> list[str]:
    """The names of the shipped schemas."""
    return list(FILES)


@cache
def _load(name: str) -> str:
    return (resources.files("arakit") / "data" / "schemas" / f"{name}.schema.json").read_text(
        encoding="utf-8"
    )


def schema(name: str) -> dict[str, Any]:
    """One schema as a mapping (a fresh copy); UsageError names the known ones."""
    if name not in FILES:
        from arakit.errors import UsageError

        raise UsageError(f"no schema called {name!r}", hint="schemas: " + ", ".join(names()))
    return json.loads(_load(name))  # type: ignore[no-any-return]


def schema_for(rel: str) -> str | None:
    """The schema name for a file of an artifact (relative path), or None."""
    for name, path in FILES.items():
        if rel == path:
            return name
    if rel.startswith("trace/sessions/") and rel.endswith(".yaml"):
        return "session"
    return None


def export(dest: str | Path) -> list[Path]:
    """Write every schema into `dest` as `<name>.schema.json`; returns the paths."""
    from arakit.codec.fs import atomic_write

    out = []
    for name in names():
        path = Path(dest) / f"{name}.schema.json"
        atomic_write(path, _load(name))
        out.append(path)
    return out
