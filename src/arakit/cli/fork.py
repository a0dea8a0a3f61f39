"""`ara fork SRC DST`."""

from __future__ import annotations

import typer


def fork_cmd(
    src: str = typer.Argument(..., help="The artifact to fork."),
    dst: str = typer.Argument(..., help="New (or empty) folder for the fork."),
    json_out: bool = typer.Option(False, "--json", help="Print what was made as JSON."),
) -> None:
    """Copy an artifact and record its lineage (forked_from in PAPER.md, a root trace node)."""
    from arakit.cli.output import print_json
    from arakit.query.fork import fork

    done = fork(src, dst)
    if json_out:
        print_json(done.model_dump())
        return
    at = f" at {done.commit[:12]}" if done.commit else ""
    typer.echo(
        f"{done.destination}: forked from {done.source}{at} on {done.date} "
        f"({done.files} files); lineage in PAPER.md forked_from and trace node {done.node}"
    )


def register(app: typer.Typer) -> None:
    app.command("fork")(fork_cmd)
