"""`ara fmt PATH`: rewrite an artifact in canonical form."""

from __future__ import annotations

import typer


def fmt_cmd(
    paths: list[str] = typer.Argument(..., help="Artifact folders."),
    check: bool = typer.Option(
        False, "--check", help="Change nothing; exit 1 if a file would change."
    ),
) -> None:
    """Rewrite files canonically (two-digit IDs, field order, table layout). Refuses broken files."""
    from arakit.codec import read_artifact, render_artifact, write_artifact

    dirty = 0
    for path in paths:
        art = read_artifact(path, strict=True)
        if check:
            from pathlib import Path

            for rel, text in sorted(render_artifact(art).items()):
                p = Path(path) / rel
                if not p.exists() or p.read_bytes() != text.encode("utf-8"):
                    typer.echo(f"would reformat {p}")
                    dirty += 1
        else:
            for rel in write_artifact(art):
                typer.echo(f"reformatted {path}/{rel}")
    if check and dirty:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("fmt")(fmt_cmd)
