"""`ara note TEXT [--type ...] [--choice ...] [--alt ...] [--bind N07] [--affirm O3]`."""

from __future__ import annotations

import typer

from arakit.cli.run import ARTIFACT_HELP


def note_cmd(
    text: str = typer.Argument("", help="What you want to record, in your words."),
    note_type: str = typer.Option(
        None,
        "--type",
        "-t",
        help="question, decision, dead-end, pivot, claim, heuristic, concept, constraint, "
        "architecture (default: the rules decide).",
    ),
    choice: str = typer.Option(None, "--choice", help="Decision: what you chose; pivot: where to."),
    alt: list[str] = typer.Option([], "--alt", help="Decision: an alternative (repeatable)."),
    bind: list[str] = typer.Option([], "--bind", help="Trace node or observation it is about."),
    affirm: list[str] = typer.Option([], "--affirm", help="Observation you now affirm (O3)."),
    lesson: str = typer.Option(
        None, "--lesson", help="Dead end (N04) whose lesson TEXT is, in place of the pending one."
    ),
    model: str = typer.Option(
        None, "--model", help="Language model to label notes the rules leave unknown."
    ),
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the event and what it became."),
) -> None:
    """Record what you think, decide or abandon (provenance: user)."""
    from arakit.cli.output import print_json
    from arakit.live.capture import add_note
    from arakit.live.workspace import find_artifact

    root = find_artifact(artifact)
    event, res = add_note(
        root,
        text,
        note_type=note_type,
        choice=choice,
        alts=alt,
        bind=bind,
        affirm=affirm,
        lesson_for=lesson,
        model=model,
    )
    if json_out:
        print_json(
            {
                "event": event,
                "nodes": res.nodes,
                "observations": res.observations,
                "decisions": res.decisions,
            }
        )
        return
    made = res.nodes + res.observations
    fired = [f"{d['subject']} {d['reason']}" for d in res.decisions if d["outcome"] == "fired"]
    typer.echo(f"noted (event {event['seq']})" + (": " + ", ".join(made) if made else ""))
    for line in fired:
        typer.echo(f"  {line}")


def register(app: typer.Typer) -> None:
    app.command("note")(note_cmd)
