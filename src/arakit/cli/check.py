"""`ara check PATH... [--fix]`: Level 1 plus the format lint; `--fix` applies the safe fixes."""

from __future__ import annotations

from enum import StrEnum

import typer


class Format(StrEnum):
    human = "human"
    json = "json"
    sarif = "sarif"


def check_cmd(
    paths: list[str] = typer.Argument(..., help="Artifact folders."),
    fix: bool = typer.Option(
        False, "--fix", help="Apply every automatic fix (small edits, each checked), then check."
    ),
    json_out: bool = typer.Option(False, "--json", help="Same as --format json."),
    fmt: Format = typer.Option(Format.human, "--format", "-f", help="human, json or sarif."),
    strict: bool = typer.Option(False, "--strict", help="Fail on warnings too."),
    profile: str = typer.Option(
        "upstream", "--profile", "-p", help="upstream (default) or strict; see `ara validate`."
    ),
) -> None:
    """Lint an artifact. Exit 0: clean; 1: errors, or fixable findings not fixed (or warnings
    with --strict); 2: not an artifact or unreadable."""
    from arakit.check import check_artifact
    from arakit.cli.output import print_json
    from arakit.seal.profile import check_profile

    if json_out:
        fmt = Format.json
    results = [(p, check_artifact(p, profile=check_profile(profile), fix=fix)) for p in paths]
    if fmt is Format.json:
        docs = [r.to_json() for _, r in results]
        print_json(docs[0] if len(docs) == 1 else docs)
    elif fmt is Format.sarif:
        from arakit.seal.sarif import to_sarif

        print_json(to_sarif([r.report for _, r in results]))
    else:
        for path, r in results:
            _human(path, r)
    raise typer.Exit(max(r.exit_code(strict) for _, r in results))


def _human(path: str, r) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape

    from arakit.cli.output import console

    out = console()
    for issue in r.fixes.applied if r.fixes else []:
        out.print(
            f"{escape(path)}/{escape(issue.file)}: [green]fixed[/] {issue.code} {escape(issue.message)}"
        )
    for issue, why in r.fixes.skipped if r.fixes else []:
        out.print(
            f"{escape(path)}/{escape(issue.file)}: [yellow]fix skipped[/] {issue.code}: {escape(why)}"
        )
    for k, f in enumerate(r.report.findings):
        colour = "red" if f.severity == "error" else "yellow"
        mark = " [cyan]\\[fixable][/]" if k in r.fixable else ""
        out.print(
            f"{escape(path)}/{escape(f.location)}: [{colour}]{f.severity}[/] [bold]{f.code}[/]"
            f"{mark} {escape(f.message)}"
        )
        if f.hint:
            more = f" ({f.doc})" if f.doc else ""
            out.print(f"    [dim]hint: {escape(f.hint)}{escape(more)}[/]")
    rep = r.report
    out.print(
        f"{escape(path)}: {rep.errors} errors, {rep.warnings} warnings, "
        f"{len(r.fixable)} fixable ({rep.profile} profile)"
    )


def register(app: typer.Typer) -> None:
    app.command("check")(check_cmd)
