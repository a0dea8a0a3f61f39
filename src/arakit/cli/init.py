"""`ara init DIR`."""

from __future__ import annotations

import typer


def init_cmd(
    path: str = typer.Argument(..., help="Folder to create the artifact in (new or empty)."),
    title: str = typer.Option("", "--title", help="Title for PAPER.md."),
    force: bool = typer.Option(
        False, "--force", help="Add missing skeleton files to a non-empty folder."
    ),
) -> None:
    """Create a skeleton artifact; `ara validate` then lists what is left to write."""
    from arakit.skeleton import init_artifact

    written = init_artifact(path, title=title, force=force)
    typer.echo(f"created {len(written)} files in {path}")
    typer.echo(f"next: fill them in, then run `ara validate {path}` to see what is missing")


def register(app: typer.Typer) -> None:
    app.command("init")(init_cmd)
