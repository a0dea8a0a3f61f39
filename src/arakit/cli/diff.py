"""`ara diff A B [--json]`: two artifacts, or FOLDER@REV for a commit of one."""

from __future__ import annotations

import typer


def diff_cmd(
    a: str = typer.Argument(..., help="Artifact folder, or FOLDER@REV (a git revision of it)."),
    b: str = typer.Argument(None, help="The other artifact (default: A's folder as it is now)."),
    json_out: bool = typer.Option(False, "--json", help="Print the changes as JSON."),
) -> None:
    """What changed: claims strengthened/weakened, parameters, evidence cells, trace nodes."""
    import sys

    from arakit.cli.output import print_json
    from arakit.query.diff import diff_paths, render_diff

    d = diff_paths(a, b or a.rpartition("@")[0] or a)
    if json_out:
        print_json(d.model_dump())
        return
    sys.stdout.write(render_diff(d))


def register(app: typer.Typer) -> None:
    app.command("diff")(diff_cmd)
