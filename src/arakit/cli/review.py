"""`ara review PATH [--model NAME] [--json] [--schema]`: Seal Level 2 (the argument)."""

from __future__ import annotations

from pathlib import Path

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
    force: bool = typer.Option(
        False,
        "--force",
        help="Replace a level2_report.json another tool wrote (kept by default; arakit's "
        "report then goes to level2_report.arakit.json).",
    ),
    profile: str = typer.Option(
        "upstream", "--profile", help="Level 1 profile checked first: upstream or strict."
    ),
) -> None:
    """Review the argument (Seal Level 2) and write level2_report.json.

    The file carries upstream's keys (review_version 3.1.0, overall.tier) and arakit's rule
    codes. Level 1 errors that leave nothing to judge (no claims, no experiment and no
    evidence, a cyclic trace) block a pass. Exit 0 when the grade is Weak Accept (tier
    Adequate) or better and nothing blocks it, 1 otherwise.
    """
    from arakit.cli.output import print_json

    if schema:
        from arakit.seal.level2 import report_schema

        print_json(report_schema())
        return
    if path is None:
        from arakit.errors import UsageError

        raise UsageError("give an artifact folder: ara review PATH", hint="or --schema")
    from arakit.seal.level2 import review, to_file
    from arakit.seal.profile import check_profile

    report = review(
        path,
        judge=model or "rules",
        use_cache=not no_cache,
        write=not no_write,
        level1_profile=check_profile(profile),
        force=force,
    )
    if json_out:
        root = Path(report.artifact) if Path(report.artifact).is_dir() else None
        print_json(to_file(report, root).model_dump(mode="json"))
    else:
        _summary(report)
    raise typer.Exit(0 if report.passed else 1)


def _summary(report) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console
    from arakit.seal.level2.upstream import TIERS

    out = console()
    for reason in report.blocked_by:  # the reason first: nothing else matters until fixed
        out.print(f"[red]blocked by Level 1[/]: {escape(reason)}")
    colour = "green" if report.passed else "red"
    out.print(
        f"[bold]{escape(report.artifact)}[/]: [{colour}]{report.grade}[/] "
        f"(tier {TIERS[report.grade]}, mean {report.mean_score:.2f}, "
        f"judge {escape(report.judge)}, {report.timings_ms.get('total', 0):.0f} ms)"
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
    for w in report.warnings[len(report.blocked_by) :]:
        out.print(f"[yellow]warning[/]: {escape(w)}")
    counts = ", ".join(f"{n} {k}" for k, n in report.counts().items() if n)
    wrote = f"; wrote {Path(report.report_file).name}" if report.report_file else ""
    out.print(f"{counts or 'no findings'}{escape(wrote)}")
    if report.kept_report:
        out.print(
            f"[yellow]kept[/] the level2_report.json another tool wrote "
            f"({escape(report.kept_report)}); use --force to replace it"
        )


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)
