"""A fixed set of artifact folders served read-only: names, the index, models read on demand.

The MCP server (and anything else that serves artifacts) holds one Catalog. It never writes
inside the roots; it refreshes the index at most every `refresh_every` seconds (and at most
once per ten times a refresh's own duration), and re-reads an artifact's model only after
the index saw one of its files change.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from arakit.errors import UsageError
from arakit.model.artifact import Artifact
from arakit.query.index import Index, find_artifacts


class Catalog:
    """The artifacts below some roots, by unique name."""

    def __init__(
        self, paths: list[str | Path], index: str | Path | None = None, refresh_every: float = 2.0
    ) -> None:
        roots = find_artifacts(paths)
        self.roots: dict[str, Path] = {}
        for root in roots:
            name = root.name
            k = 2
            while name in self.roots:
                name, k = f"{root.name}-{k}", k + 1
            self.roots[name] = root
        self.index = Index(index)
        self.refresh_every = refresh_every
        self._last = 0.0
        self._took = 0.0
        self._models: dict[str, Artifact] = {}
        self.refresh(force=True)

    def close(self) -> None:
        """Close the index."""
        self.index.close()

    def refresh(self, force: bool = False) -> None:
        """Bring the index up to date (at most every `refresh_every` seconds)."""
        now = time.monotonic()
        # a refresh stats every file: over many artifacts it takes seconds, so it runs at
        # most once per ten times its own duration, and never more often than refresh_every
        if not force and now - self._last < max(self.refresh_every, 10 * self._took):
            return
        stats = self.index.refresh(list(self.roots.values()))
        if stats.files_indexed or stats.files_removed:
            self._models.clear()
        self._last = time.monotonic()
        self._took = self._last - now

    def ids(self, name: str | None = None) -> list[int]:
        """Index ids of one artifact (by name) or of all of them."""
        roots = [self.root(name)] if name else list(self.roots.values())
        return self.index.artifact_ids(roots)

    def root(self, name: str | None) -> Path:
        """The folder of an artifact by name; with one artifact, the name may be left out."""
        if not name:
            if len(self.roots) == 1:
                return next(iter(self.roots.values()))
            raise UsageError(
                "several artifacts are served: name one",
                hint="artifacts: " + ", ".join(sorted(self.roots)),
            )
        if name not in self.roots:
            raise UsageError(
                f"no artifact called {name!r}", hint="artifacts: " + ", ".join(sorted(self.roots))
            )
        return self.roots[name]

    def model(self, name: str | None) -> Artifact:
        """The artifact read into the model (cached until one of its files changes)."""
        from arakit.codec import read_artifact

        self.refresh()
        root = self.root(name)
        key = str(root)
        if key not in self._models:
            self._models[key] = read_artifact(root)
        return self._models[key]

    def listing(self) -> list[dict[str, Any]]:
        """Name, folder, title and counts of each artifact."""
        out = []
        for name in sorted(self.roots):
            art = self.model(name)
            out.append(
                {
                    "name": name,
                    "root": str(self.roots[name]),
                    "title": art.paper.title if art.paper else None,
                    "claims": len(art.claims or []),
                    "trace_nodes": len(art.trace.nodes()) if art.trace else 0,
                    "files": len(art.files),
                }
            )
        return out

    def read_file(self, name: str | None, rel: str) -> str:
        """A text file inside an artifact; a path that leaves the artifact is refused."""
        from arakit.codec.fs import read_text

        root = self.root(name)
        rel = rel.strip().lstrip("/")
        if not rel or ".." in Path(rel).parts:
            raise UsageError(
                f"{rel!r}: not a path inside the artifact", hint="give e.g. logic/claims.md"
            )
        return read_text(root, rel)
