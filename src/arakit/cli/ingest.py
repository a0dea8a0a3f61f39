"""`ara ingest PATH`: agent transcripts (Claude Code, generic JSONL) and shell history."""

from __future__ import annotations

import typer

from arakit.cli.run import ARTIFACT_HELP


def ingest_cmd(
    path: str = typer.Argument(..., help="A .jsonl transcript, or a zsh/bash history file."),
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Record what an agent ran and said, and what you typed; ingesting twice adds nothing."""
    from dataclasses import asdict

    from arakit.cli.output import print_json
    from arakit.live.ingest import ingest
    from arakit.live.workspace import find_artifact

    rep = ingest(find_artifact(artifact), path)
    if json_out:
        print_json(asdict(rep))
        return
    typer.echo(
        f"{path} ({rep.format}): {rep.found} items, {rep.added} new, {rep.duplicates} already recorded"
    )
    if rep.nodes or rep.observations:
        typer.echo(
            f"  nodes {', '.join(rep.nodes) or '-'}; staged {', '.join(rep.observations) or '-'}"
        )


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
