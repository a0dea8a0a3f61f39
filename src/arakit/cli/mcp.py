"""`ara mcp [PATH...] [--http] [--port N] [--index FILE]`."""

from __future__ import annotations

import typer


def mcp_cmd(
    paths: list[str] = typer.Argument(
        None, help="Artifact folders, or folders of them (default: .)."
    ),
    http: bool = typer.Option(
        False, "--http", help="Streamable HTTP on 127.0.0.1 instead of stdio."
    ),
    port: int = typer.Option(8765, "--port", help="Port for --http."),
    index: str = typer.Option(None, "--index", help="Index file (default: in the cache folder)."),
) -> None:
    """Serve artifacts to agents over MCP (read-only): search, show, why_not, lookups, diff."""
    from arakit.mcp.server import serve

    serve(list(paths or ["."]), index=index, http=http, port=port)


def register(app: typer.Typer) -> None:
    app.command("mcp")(mcp_cmd)
