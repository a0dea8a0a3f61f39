"""`ara reconcile PDF REPO`: where the paper and its code disagree on settings."""

from __future__ import annotations

import typer


def reconcile_cmd(
    pdf: str = typer.Argument(..., help="The paper's PDF."),
    repo: str = typer.Argument(..., help="The code: a folder, a .bundle or a file:// URL."),
    json_out: bool = typer.Option(False, "--json", help="Print the scope and verdicts as JSON."),
    code_folder: str | None = typer.Option(
        None, "--code-folder", help="The folder that holds the paper's code (default: found)."
    ),
    at: str | None = typer.Option(
        None, "--at", help="Read the code at this commit (default: where the PDF was added)."
    ),
) -> None:
    """Compare every setting the paper states with the code that ran it. Exit 1 on a mismatch."""
    from arakit.cli.output import print_json
    from arakit.compiler import reconcile_paths

    verdicts, scope = reconcile_paths(pdf, repo, code_folder=code_folder, at=at)
    if json_out:
        print_json(
            {
                "scope": scope.to_json() if scope else None,
                "verdicts": [v.to_json() for v in verdicts],
                "counts": _counts(verdicts),
            }
        )
    else:
        _human(verdicts, scope)
    raise typer.Exit(1 if any(v.verdict == "mismatch" for v in verdicts) else 0)


def _counts(verdicts) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from arakit.compiler.reconcile import VERDICTS

    return {k: sum(v.verdict == k for v in verdicts) for k in VERDICTS}


def _human(verdicts, scope) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console

    out = console()
    if scope is not None:
        folders = ", ".join([f or "(root)" for f in scope.folders] + scope.files[:12])
        out.print(f"code: {escape(folders)} at {escape(scope.commit_label or 'the working tree')}")
        for r in scope.reasons:
            out.print(f"  {escape(r)}")
    colours = {
        "match": "green",
        "mismatch": "red",
        "ambiguous": "magenta",
        "paper-only": "yellow",
        "code-only": "cyan",
    }
    t = Table(show_edge=False)
    for col in ("setting", "verdict", "paper", "paper location", "code", "code location"):
        t.add_column(col)
    for v in verdicts:
        t.add_row(
            escape(v.key),
            f"[{colours[v.verdict]}]{v.verdict}[/]",
            escape(v.paper_value),
            escape(v.paper_where),
            escape(v.code_value),
            escape(
                v.code_where + (f" (imported; reached from {v.code_via})" if v.code_via else "")
            ),
        )
    out.print(t)
    out.print(", ".join(f"{n} {k}" for k, n in _counts(verdicts).items()))


def register(app: typer.Typer) -> None:
    app.command("reconcile")(reconcile_cmd)
