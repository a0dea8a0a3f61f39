"""`ara reconcile PDF REPO`: where the paper and the code disagree on hyperparameters."""

from __future__ import annotations

import typer


def reconcile_cmd(
    pdf: str = typer.Argument(..., help="The paper's PDF."),
    repo: str = typer.Argument(..., help="The code: a folder, a .bundle or a file:// URL."),
    json_out: bool = typer.Option(False, "--json", help="Print the verdicts as JSON."),
) -> None:
    """Compare every hyperparameter in the paper with the code. Exit 1 when any value mismatches."""
    from arakit.cli.output import print_json
    from arakit.compiler import reconcile_paths

    verdicts = reconcile_paths(pdf, repo)
    if json_out:
        print_json([v.to_json() for v in verdicts])
    else:
        _human(verdicts)
    raise typer.Exit(1 if any(v.verdict == "mismatch" for v in verdicts) else 0)


def _human(verdicts) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console

    colours = {"match": "green", "mismatch": "red", "paper-only": "yellow", "code-only": "cyan"}
    t = Table(show_edge=False)
    for col in ("parameter", "verdict", "paper", "paper location", "code", "code location"):
        t.add_column(col)
    for v in verdicts:
        t.add_row(
            escape(v.key),
            f"[{colours[v.verdict]}]{v.verdict}[/]",
            escape(v.paper_value),
            escape(v.paper_where),
            escape(v.code_value),
            escape(v.code_where),
        )
    out = console()
    out.print(t)
    counts = {k: sum(v.verdict == k for v in verdicts) for k in colours}
    out.print(", ".join(f"{n} {k}" for k, n in counts.items()))


def register(app: typer.Typer) -> None:
    app.command("reconcile")(reconcile_cmd)
