"""On-disk cache of model answers, keyed by (model, system, prompt, schema) hash.

Lives under the user cache dir: $XDG_CACHE_HOME/arakit/llm (default ~/.cache/arakit/llm).
One small JSON file per answer, written atomically, so concurrent callers never see half a file.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from arakit.codec.fs import atomic_write


def cache_dir() -> Path:
    """The folder answers are cached in (respects XDG_CACHE_HOME)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "arakit" / "llm"


def cache_key(model: str, prompt: str, system: str | None, schema: dict[str, object]) -> str:
    """A stable hex key for one question to one model."""
    blob = json.dumps(
        {"model": model, "system": system or "", "prompt": prompt, "schema": schema},
        sort_keys=True,
        ensure_ascii=False,
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def load(key: str) -> dict[str, object] | None:
    """The cached answer object for key, or None (a damaged entry counts as a miss)."""
    path = cache_dir() / key[:2] / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    answer = data.get("answer") if isinstance(data, dict) else None
    return answer if isinstance(answer, dict) else None


def store(key: str, model: str, answer: dict[str, object]) -> None:
    """Remember a validated answer; failures to write the cache are not errors."""
    path = cache_dir() / key[:2] / f"{key}.json"
    try:
        atomic_write(path, json.dumps({"model": model, "answer": answer}, ensure_ascii=False))
    except OSError:
        pass
