"""`ara journal verify|recover`: check the hash chain of trace/events.jsonl."""

from __future__ import annotations

import typer

from arakit.cli.run import ARTIFACT_HELP

journal_app = typer.Typer(help="The hash-chained event journal (trace/events.jsonl).")


@journal_app.command("verify")
def verify_cmd(
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Check every line's hash and link; report the first broken line (exit 1 if broken)."""
    from arakit.cli.output import print_json
    from arakit.live.journal import JOURNAL, Journal
    from arakit.live.workspace import find_artifact

    rep = Journal(find_artifact(artifact)).verify()
    if json_out:
        print_json(rep.as_dict())
    elif rep.ok:
        typer.echo(f"{JOURNAL}: {rep.events} events, chain intact")
    else:
        typer.echo(f"{JOURNAL}:{rep.broken_line}: {rep.reason}", err=True)
        typer.echo(f"{rep.events} events verified before it", err=True)
    if rep.quarantined and not json_out:
        typer.echo(f"{rep.quarantined} torn line(s) kept in trace/events.quarantine.jsonl")
    if not rep.ok:
        raise typer.Exit(1)


@journal_app.command("recover")
def recover_cmd(
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
) -> None:
    """Move a torn last line (from a crash mid-append) to the quarantine file."""
    from arakit.live.journal import Journal
    from arakit.live.workspace import find_artifact

    rec = Journal(find_artifact(artifact)).recover()
    if rec.torn_bytes:
        typer.echo(f"moved a torn line of {rec.torn_bytes} bytes to {rec.quarantined_to}")
    else:
        typer.echo("no torn line")


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal")
