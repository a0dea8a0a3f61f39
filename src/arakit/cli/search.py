"""`ara search QUERY [PATH...] [--kind K] [--max-tokens N] [--json]`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import typer


def search_cmd(
    query: str = typer.Argument(..., help="Words, a parameter name, a value or an ID."),
    paths: list[str] = typer.Argument(None, help="Artifact folders (default: the current one)."),
    kind: list[str] = typer.Option(
        None,
        "--kind",
        "-k",
        help="Only passages of this kind (claim, trace, dead_end, param, source ...).",
    ),
    max_tokens: int = typer.Option(
        1500, "--max-tokens", "-t", min=1, help="Token budget for the answer."
    ),
    index: str = typer.Option(None, "--index", help="Index file (default: in the cache folder)."),
    json_out: bool = typer.Option(False, "--json", help="Print the hits as JSON."),
) -> None:
    """Search artifacts: ranked passages with their references, within a token budget."""
    from arakit.query.search import search

    answer(
        paths,
        index,
        json_out,
        "no match",
        lambda idx, ids: search(
            idx, query, artifacts=ids, kinds=kind or None, max_tokens=max_tokens
        ),
    )


def answer(
    paths: list[str] | None,
    index: str | None,
    json_out: bool,
    empty: str,
    ask: Callable[[Any, list[int]], Any],
) -> None:
    """Open and refresh the index for the artifacts under `paths`, run `ask(index, ids)` and
    print its SearchResult as text (or JSON); shared by `ara search` and `ara why-not`."""
    import sys

    from arakit.cli.output import print_json
    from arakit.query.index import Index, find_artifacts
    from arakit.query.search import render

    roots = find_artifacts(paths or ["."])
    with Index(index) as idx:
        idx.refresh(roots)
        result = ask(idx, idx.artifact_ids(roots))
    if json_out:
        print_json(result.model_dump())
        return
    sys.stdout.write(render(result) or f"{empty}\n")
    sys.stderr.write(f"~{result.tokens} tokens, {len(result.hits)} hits\n")


def register(app: typer.Typer) -> None:
    app.command("search")(search_cmd)
