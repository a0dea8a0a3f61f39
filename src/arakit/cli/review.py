"""`ara review PATH [--model NAME] [--json] [--schema]`: Seal Level 2 (the argument)."""

from __future__ import annotations

import typer

SHOWN = 10  # findings printed in the one-screen summary; the rest are in the JSON report


def review_cmd(
    path: str = typer.Argument(None, help="Artifact folder."),
    model: str = typer.Option(
        None, "--model", "-m", help="An `llm` model name to judge with (default: the rules)."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    schema: bool = typer.Option(False, "--schema", help="Print the report's JSON Schema."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Ask the model again."),
    no_write: bool = typer.Option(
        False, "--no-write", help="Do not write level2_report.json into the artifact."
    ),
) -> None:
    """Review the argument (Seal Level 2) and write level2_report.json.

    Exit 0 when the grade is Weak Accept or better, 1 otherwise.
    """
    from arakit.cli.output import print_json

    if schema:
        from arakit.seal.level2 import report_schema

        print_json(report_schema())
        return
    if path is None:
        from arakit.errors import UsageError

        raise UsageError("give an artifact folder: ara review PATH", hint="or --schema")
    from arakit.seal.level2 import review

    report = review(path, judge=model or "rules", use_cache=not no_cache, write=not no_write)
    if json_out:
        print_json(report.model_dump(mode="json"))
    else:
        _summary(report, written=not no_write)
    raise typer.Exit(0 if report.passed else 1)


def _summary(report, written: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console

    out = console()
    colour = "green" if report.passed else "red"
    out.print(
        f"[bold]{escape(report.artifact)}[/]: [{colour}]{report.grade}[/] "
        f"(mean {report.mean_score:.2f}, judge {escape(report.judge)}, "
        f"{report.timings_ms.get('total', 0):.0f} ms)"
    )
    t = Table(show_edge=False, pad_edge=False)
    for col in ("", "dimension", "score", "judge", "findings"):
        t.add_column(col, justify="right" if col in ("score", "findings") else "left")
    for d in report.dimensions:
        n = sum(f.dimension == d.dimension for f in report.findings)
        judge = escape(d.judge) + (" [yellow](fallback)[/]" if d.warning else "")
        t.add_row(d.dimension, d.name, f"{d.score}/5", judge, str(n))
    out.print(t)
    sev = {"critical": "red", "major": "red", "minor": "yellow", "suggestion": "dim"}
    for f in report.findings[:SHOWN]:
        out.print(
            f"{f.id} [{sev[f.severity]}]{f.severity}[/] {f.dimension} "
            f"{escape(f.location)}: {escape(f.message)}"
        )
    if len(report.findings) > SHOWN:
        out.print(f"[dim]… {len(report.findings) - SHOWN} more findings in the JSON report[/]")
    for w in report.warnings:
        out.print(f"[yellow]warning[/]: {escape(w)}")
    counts = ", ".join(f"{n} {k}" for k, n in report.counts().items() if n)
    out.print(f"{counts or 'no findings'}" + ("; wrote level2_report.json" if written else ""))


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)
