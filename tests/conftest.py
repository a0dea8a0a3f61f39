"""Shared fixtures: a folder from a dict in one call, and an isolated home for every test."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.fixtures.minimal import FILES as MINIMAL_FILES

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples"


def make_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Create files under root from {relative path: text or bytes}."""
    for rel, content in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            p.write_bytes(content)
        else:
            p.write_text(content, encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("ARA_RAISE_ERRORS", raising=False)


@pytest.fixture
def tree(tmp_path: Path) -> Callable[..., Path]:
    """tree({path: text}) → a folder holding exactly those files."""
    counter = iter(range(10_000))

    def build(files: dict[str, str | bytes], name: str | None = None) -> Path:
        return make_tree(tmp_path / (name or f"t{next(counter)}"), files)

    return build


@pytest.fixture
def minimal(tree: Callable[..., Path]) -> Callable[..., Path]:
    """minimal(changes) → the minimal valid artifact with files replaced (None deletes)."""

    def build(changes: dict[str, str | bytes | None] | None = None) -> Path:
        files: dict[str, str | bytes] = dict(MINIMAL_FILES)
        for rel, content in (changes or {}).items():
            if content is None:
                files.pop(rel, None)
            else:
                files[rel] = content
        return tree(files)

    return build


@pytest.fixture(scope="session")
def real_corpus() -> Path:
    """The real-world corpus (papers/ and artifacts/ by others); skips where it is absent."""
    from benchmarks.realworld.corpus import CorpusMissing, corpus_dir

    try:
        return corpus_dir()
    except CorpusMissing as exc:
        pytest.skip(str(exc))
