"""`ara mcp`: search, show, why-not and lookups over a fixed set of artifacts, read-only.

Tools: search, show, why_not, get_param, get_cell, trace_path, list_artifacts, diff.
Resources: every file of every artifact as `ara://ARTIFACT/PATH` (a template), and each
artifact's PAPER.md listed. Nothing outside the roots given is read, nothing is written
(the search index lives in the user's cache folder). Transport: stdio, or streamable HTTP
bound to 127.0.0.1.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from arakit.errors import AraError
from arakit.query.catalog import Catalog

INSTRUCTIONS = """Research artifacts (Ara): claims, experiments, exploration trace with dead ends,
configs and evidence tables. Start with `search` (it cites references such as C05, N12,
src/configs/training.md#lr); ask `why_not` before trying an approach; open one entity with
`show`; read exact values with `get_param` and `get_cell`."""


def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Run a library call; an arakit error becomes a tool error with its message and hint."""
    from mcp.server.mcpserver.exceptions import ToolError

    try:
        return fn(*args, **kwargs)
    except AraError as e:
        raise ToolError(f"{e}" + (f" (hint: {e.hint})" if e.hint else "")) from None


def build_server(catalog: Catalog) -> Any:
    """The MCPServer with every tool and resource bound to `catalog`."""
    from mcp.server.mcpserver import MCPServer

    from arakit import __version__
    from arakit.query import lookup
    from arakit.query.disclose import show as show_text
    from arakit.query.search import render, search as run_search
    from arakit.query.whynot import why_not as run_why_not

    server = MCPServer(name="arakit", version=__version__, instructions=INSTRUCTIONS)

    def ranked(fn: Any, text: str, artifact: str | None, empty: str, **kw: Any) -> str:
        catalog.refresh()
        result = _call(fn, catalog.index, text, artifacts=catalog.ids(artifact), **kw)
        return str(render(result)) or empty

    @server.tool()
    def search(
        query: str, max_tokens: int = 1500, kind: str | None = None, artifact: str | None = None
    ) -> str:
        """Ranked passages (with references) answering `query`, within `max_tokens`.
        `kind` limits to claim, experiment, trace, dead_end, param, table_row, source ..."""
        kinds = [k.strip() for k in kind.split(",")] if kind else None
        return ranked(run_search, query, artifact, "no match", kinds=kinds, max_tokens=max_tokens)

    @server.tool()
    def show(artifact: str | None = None, id: str | None = None, depth: int = 1) -> str:
        """Progressive disclosure: depth 1 manifest, 2 layer summaries; or one entity or file
        in full when `id` is given (C01, E02, N07, H01, a concept, or a path)."""
        art = _call(catalog.model, artifact)
        return str(_call(show_text, art, id, depth))

    @server.tool()
    def why_not(approach: str, max_tokens: int = 1500, artifact: str | None = None) -> str:
        """Dead ends, pivots, rejected alternatives and refuted claims matching `approach`."""
        empty = "nothing recorded against this approach"
        return ranked(run_why_not, approach, artifact, empty, max_tokens=max_tokens)

    @server.tool()
    def get_param(name: str, artifact: str | None = None) -> list[dict[str, Any]]:
        """A configuration parameter by name: value, rationale, range, source and reference;
        when src/configs/ has none, the lines of src/settings/ that set it."""
        names = [artifact] if artifact else sorted(catalog.roots)
        out = []
        for n in names:
            root = _call(catalog.root, n)
            for p in _call(lookup.get_param, _call(catalog.model, n), name, root):
                out.append({"artifact": n, **p})
        return out

    @server.tool()
    def get_cell(table: str, row: str, column: str, artifact: str | None = None) -> dict[str, Any]:
        """One evidence table cell with its headers: `table` (file or e.g. table3), `row`
        (first-cell text or r4), `column` (header or c2)."""
        return dict(_call(lookup.get_cell, _call(catalog.model, artifact), table, row, column))

    @server.tool()
    def trace_path(from_id: str, to_id: str, artifact: str | None = None) -> list[dict[str, Any]]:
        """The chain of exploration-trace nodes between two nodes (N03 → N12)."""
        return list(_call(lookup.trace_path, _call(catalog.model, artifact), from_id, to_id))

    @server.tool()
    def list_artifacts() -> list[dict[str, Any]]:
        """Every artifact served: name, title and counts."""
        return list(_call(catalog.listing))

    @server.tool()
    def diff(a: str, b: str) -> dict[str, Any]:
        """What changed from artifact `a` to artifact `b` (both served): claims, parameters,
        evidence cells, trace nodes."""
        from arakit.query.diff import diff_artifacts

        result = _call(diff_artifacts, _call(catalog.model, a), _call(catalog.model, b))
        return dict(result.model_dump())

    @server.resource("ara://{artifact}/{+path}", name="artifact-file", mime_type="text/plain")
    def artifact_file(artifact: str, path: str) -> str:
        """A text file of an artifact."""
        return str(_call(catalog.read_file, artifact, path))

    for name in sorted(catalog.roots):
        if (catalog.roots[name] / "PAPER.md").is_file():
            server.resource(
                f"ara://{name}/PAPER.md", name=f"{name} manifest", mime_type="text/markdown"
            )(_manifest_reader(catalog, name))
    return server


def _manifest_reader(catalog: Catalog, name: str) -> Any:
    def read() -> str:
        return str(_call(catalog.read_file, name, "PAPER.md"))

    read.__name__ = f"manifest_{name}"
    return read


def serve(
    paths: list[str | Path],
    *,
    index: str | Path | None = None,
    http: bool = False,
    port: int = 8765,
) -> None:
    """Serve the artifacts under `paths` until stopped: stdio, or HTTP on 127.0.0.1:port."""
    catalog = Catalog(paths, index)
    try:
        server = build_server(catalog)
        if http:
            server.run("streamable-http", host="127.0.0.1", port=port)
        else:
            server.run("stdio")
    finally:
        catalog.close()


def dumps(value: Any) -> str:
    """JSON text for a tool answer (used by tests and the CLI)."""
    return json.dumps(value, ensure_ascii=False, indent=2, default=str)
