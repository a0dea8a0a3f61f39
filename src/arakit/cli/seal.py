"""`ara seal PATH --level 1|2|3|all`: run the levels in order and write seal.json."""

from __future__ import annotations

from typing import Any

import typer


def seal_cmd(
    path: str = typer.Argument(..., help="Artifact folder."),
    level: str = typer.Option("all", "--level", "-l", help="1, 2, 3, all, or a list: 1,3."),
    keep_going: bool = typer.Option(
        False, "--keep-going", help="Run every level even after one fails."
    ),
    sandbox: str = typer.Option("bwrap", "--sandbox", help="Level 3 sandbox: bwrap or process."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Level 3 executions in parallel."),
    out: str = typer.Option(None, "--out", "-o", help="Where to write seal.json."),
    json_out: bool = typer.Option(False, "--json", help="Print the certificate as JSON."),
    profile: str = typer.Option(
        "upstream", "--profile", help="Level 1 rules: upstream (default) or strict."
    ),
) -> None:
    """Seal an artifact: Level 1 structure, 2 argument, 3 reproduction; writes seal.json.

    Stops at the first level that fails unless --keep-going. Exit 0 when every requested
    level passed, 1 otherwise.
    """
    from arakit.cli.output import print_json
    from arakit.errors import UsageError
    from arakit.seal.certificate import parse_levels, seal, write_certificate
    from arakit.seal.profile import check_profile

    if sandbox not in ("bwrap", "process"):
        raise UsageError(f"--sandbox {sandbox!r}: expected bwrap or process")
    printer = None if json_out else _print_level
    cert = seal(
        path,
        parse_levels(level),
        keep_going=keep_going,
        level3={"sandbox": sandbox, "jobs": jobs},
        on_level=printer,
        profile=check_profile(profile),
    )
    dest = write_certificate(cert, out)
    if json_out:
        print_json(cert.model_dump(mode="json"))
    else:
        from arakit.cli.output import console

        levels = ", ".join(map(str, cert.requested))
        verdict = f"[green]sealed[/] (levels {levels})" if cert.passed else "[red]not sealed[/]"
        console().print(f"{cert.artifact}: {verdict}; certificate: {dest}")
    raise typer.Exit(0 if cert.passed else 1)


STYLE = {"passed": "green", "failed": "red", "not_available": "yellow", "not_run": "dim"}


def _print_level(v: Any) -> None:
    from rich.markup import escape

    from arakit.cli.output import console

    console().print(
        f"Level {v.level} ({v.name}): [{STYLE[v.status]}]{v.status.replace('_', ' ')}[/] "
        f"— {escape(v.summary)} [dim]({v.duration_s:.2f} s)[/]"
    )


def register(app: typer.Typer) -> None:
    app.command("seal")(seal_cmd)
