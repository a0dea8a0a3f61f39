"""`ara index PATH... [--index FILE]`."""

from __future__ import annotations

import typer


def index_cmd(
    paths: list[str] = typer.Argument(..., help="Artifact folders, or folders that hold them."),
    index: str = typer.Option(
        None, "--index", help="Index file (default: arakit/index.sqlite in the cache folder)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print what was indexed as JSON."),
) -> None:
    """Build or refresh the search index (only files whose bytes changed are read again)."""
    import dataclasses

    from arakit.cli.output import print_json
    from arakit.query.index import Index, find_artifacts

    roots = find_artifacts(paths)
    with Index(index) as idx:
        stats = idx.refresh(roots)
        total = idx.count()
        where = idx.path
    if json_out:
        print_json({**dataclasses.asdict(stats), "index": str(where), "total_passages": total})
        return
    typer.echo(
        f"{where}: {stats.artifacts} artifact(s), {stats.files_seen} files seen, "
        f"{stats.files_indexed} (re)indexed, {stats.files_removed} removed; "
        f"{stats.passages} new passages, {total} in all ({stats.seconds:.2f} s)"
    )
    for problem in stats.problems:
        typer.echo(f"note: {problem} (indexed as plain text)", err=True)


def register(app: typer.Typer) -> None:
    app.command("index")(index_cmd)
