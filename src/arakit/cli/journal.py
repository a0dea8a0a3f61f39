"""`ara journal verify|recover`: check the hash chain of trace/events.jsonl and its anchors."""

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
    anchored = [a["where"] for a in rep.anchors if a["ok"]]
    if json_out:
        print_json(rep.as_dict())
    elif rep.ok:
        where = f"; matches {len(anchored)} anchor(s): {', '.join(anchored)}" if anchored else ""
        typer.echo(f"{JOURNAL}: {rep.events} events, chain intact{where}")
        if not anchored:
            typer.echo("no anchor found: the chain shows order, not that history is unedited")
    else:
        line = f":{rep.broken_line}" if rep.broken_line else ""
        typer.echo(f"{JOURNAL}{line}: {rep.reason}", err=True)
        typer.echo(f"{rep.events} events verified before it", err=True)
    if rep.quarantined and not json_out:
        typer.echo(f"{rep.quarantined} torn line(s) kept in trace/events.quarantine.jsonl")
    if not rep.ok:
        raise typer.Exit(1)


@journal_app.command("recover")
def recover_cmd(
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
) -> None:
    """Move a torn last line and lines that are not events to the quarantine file, and
    record runs that were kept outside the artifact when it could not be written."""
    from arakit.live import spool
    from arakit.live.journal import QUARANTINE, Journal
    from arakit.live.workspace import find_artifact

    root = find_artifact(artifact)
    rec = Journal(root).recover()
    if rec.torn_bytes:
        typer.echo(f"moved a torn line of {rec.torn_bytes} bytes to {QUARANTINE}")
    if rec.broken_lines:
        lines = ", ".join(map(str, rec.broken_lines))
        typer.echo(
            f"moved {len(rec.broken_lines)} line(s) that are not events ({lines}) to {QUARANTINE}"
        )
    late = spool.replay(root)
    if late:
        typer.echo(f"recorded {late} run(s) kept outside the artifact")
    if not (rec.torn_bytes or rec.broken_lines or late):
        typer.echo("nothing to recover")


def register(app: typer.Typer) -> None:
    app.add_typer(journal_app, name="journal")
