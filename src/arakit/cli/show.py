"""`ara show PATH [ID] [--depth 1|2|3]`."""

from __future__ import annotations

import typer


def show_cmd(
    path: str = typer.Argument(..., help="Artifact folder."),
    key: str = typer.Argument(
        None, help="An ID (C01, E02, N07, H01, RW01, O1), a concept, or a file."
    ),
    depth: int = typer.Option(
        None,
        "--depth",
        "-d",
        min=1,
        max=3,
        help="1 = manifest, 2 = layer summaries, 3 = one entity or file.",
    ),
    json_out: bool = typer.Option(False, "--json", help="Print JSON with the token estimate."),
) -> None:
    """Read an artifact piece by piece (progressive disclosure), with a token estimate."""
    import sys

    from arakit.cli.output import print_json
    from arakit.codec import read_artifact
    from arakit.query.disclose import as_json, estimate_tokens, show

    art = read_artifact(path)
    if json_out:
        print_json(as_json(art, key, depth))
        return
    text = show(art, key, depth)
    sys.stdout.write(text)
    sys.stderr.write(f"~{estimate_tokens(text)} tokens\n")


def register(app: typer.Typer) -> None:
    app.command("show")(show_cmd)
