"""`ara validate PATH...`: Seal Level 1 on one artifact, several, or a folder of artifacts."""

from __future__ import annotations

from enum import StrEnum

import typer


class Format(StrEnum):
    human = "human"
    json = "json"
    sarif = "sarif"


def validate_cmd(
    paths: list[str] = typer.Argument(
        ..., help="Artifact folders, or folders that hold artifacts."
    ),
    json_out: bool = typer.Option(False, "--json", help="Same as --format json."),
    fmt: Format = typer.Option(Format.human, "--format", "-f", help="human, json or sarif."),
    warnings_as_errors: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only the summary."),
    profile: str = typer.Option(
        "upstream",
        "--profile",
        "-p",
        help="upstream (default): the rules the artifact's writers follow; strict: this "
        "format's own (every file, counts as quotas).",
    ),
) -> None:
    """Check structure (Seal Level 1). Exit 0: no errors; 1: errors; 2: unreadable input."""
    from arakit.cli.output import print_json
    from arakit.seal.batch import validate_many
    from arakit.seal.profile import check_profile

    if json_out:
        fmt = Format.json
    result = validate_many(
        paths,
        progress=_progress if fmt is Format.human else None,
        profile=check_profile(profile),
    )
    if fmt is Format.json:
        print_json(result.to_json())
    elif fmt is Format.sarif:
        from arakit.seal.sarif import to_sarif

        print_json(to_sarif(result.reports))
    else:
        _human(result, quiet)
    raise typer.Exit(result.exit_code(warnings_as_errors))


def _progress(total: int):  # type: ignore[no-untyped-def]
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    from arakit.cli.output import console

    return Progress(
        TextColumn("validating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console(stderr=True),
        transient=True,
    )


def _human(result, quiet: bool) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console

    out = console()
    for rep in result.reports:
        if not quiet:
            for f in rep.findings:
                colour = "red" if f.severity == "error" else "yellow"
                loc = f"{rep.artifact}/{f.location}"
                out.print(
                    f"{escape(loc)}: [{colour}]{f.severity}[/] [bold]{f.code}[/] "
                    f"{escape(f.message)}"
                )
                if f.hint:
                    more = f" ({f.doc})" if f.doc else ""
                    out.print(f"    [dim]hint: {escape(f.hint)}{escape(more)}[/]")
        if len(result.reports) == 1 and not result.unreadable:
            verdict = "[green]passes Level 1[/]" if rep.passed else "[red]fails Level 1[/]"
            out.print(
                f"{escape(rep.artifact)}: {verdict}: {rep.errors} errors, "
                f"{rep.warnings} warnings ({rep.profile} profile, {rep.duration_ms:.1f} ms)"
            )
    for _path, err in result.unreadable:
        out.print(f"[red]error[/]: {escape(str(err))}")
        if err.hint:
            out.print(f"    [dim]hint: {escape(err.hint)}[/]")
    if len(result.reports) + len(result.unreadable) > 1:
        t = Table(show_edge=False)
        for col in ("artifact", "result", "errors", "warnings", "ms"):
            t.add_column(col, justify="left" if col in ("artifact", "result") else "right")
        for rep in result.reports:
            t.add_row(
                escape(rep.artifact),
                "[green]pass[/]" if rep.passed else "[red]fail[/]",
                str(rep.errors),
                str(rep.warnings),
                f"{rep.duration_ms:.1f}",
            )
        for path, _ in result.unreadable:
            t.add_row(escape(path), "[red]unreadable[/]", "", "", "")
        out.print(t)
        passed = sum(r.passed for r in result.reports)
        out.print(
            f"{passed} of {len(result.reports) + len(result.unreadable)} artifacts pass Level 1"
        )


def register(app: typer.Typer) -> None:
    app.command("validate")(validate_cmd)
