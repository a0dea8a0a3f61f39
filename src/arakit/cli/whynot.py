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
    from arakit.cli.search import answer
    from arakit.query.whynot import why_not

    answer(
        paths,
        index,
        json_out,
        "nothing recorded against this approach",
        lambda idx, ids: why_not(idx, approach, artifacts=ids, max_tokens=max_tokens),
    )


def register(app: typer.Typer) -> None:
    app.command("why-not")(why_not_cmd)
