"""`ara why-not APPROACH [PATH...] [--max-tokens N] [--json]`."""

from __future__ import annotations

import typer


def why_not_cmd(
    approach: str = typer.Argument(..., help="What you are about to try, in words."),
    paths: list[str] = typer.Argument(None, help="Artifact folders (default: the current one)."),
    max_tokens: int = typer.Option(1500, "--max-tokens", "-t", min=1, help="Token budget."),
    index: str = typer.Option(None, "--index", help="Index file (default: in the cache folder)."),
    json_out: bool = typer.Option(False, "--json", help="Print the matches as JSON."),
) -> None:
    """Dead ends, pivots, rejected alternatives and refuted claims that match an approach."""
    import sys

    from arakit.cli.output import print_json
    from arakit.query.index import Index, find_artifacts
    from arakit.query.search import render
    from arakit.query.whynot import why_not

    roots = find_artifacts(paths or ["."])
    with Index(index) as idx:
        idx.refresh(roots)
        result = why_not(idx, approach, artifacts=idx.artifact_ids(roots), max_tokens=max_tokens)
    if json_out:
        print_json(result.model_dump())
        return
    sys.stdout.write(render(result) or "nothing recorded against this approach\n")
    sys.stderr.write(f"~{result.tokens} tokens, {len(result.hits)} matches\n")


def register(app: typer.Typer) -> None:
    app.command("why-not")(why_not_cmd)
