"""`ara run [--exp E01] [--tag t] [--bind O3] [--expect 'acc>=0.9'] -- CMD ARGS...`."""

from __future__ import annotations

import typer

ARTIFACT_HELP = (
    "Artifact folder (default: $ARA_ARTIFACT, else nearest folder up with PAPER.md or trace/)."
)


def run_cmd(
    command: list[str] = typer.Argument(..., help="The command and its arguments, after `--`."),
    exp: str = typer.Option(None, "--exp", help="Experiment plan this run executes (E01)."),
    tag: list[str] = typer.Option([], "--tag", help="A tag for the run (repeatable)."),
    bind: list[str] = typer.Option(
        [], "--bind", help="Observation or claim this run tests (O3, C01; repeatable)."
    ),
    expect: list[str] = typer.Option(
        [], "--expect", help="A condition on a reported metric, e.g. 'acc>=0.9' (repeatable)."
    ),
    pty: bool = typer.Option(
        None, "--pty/--no-pty", help="Force a pseudo-terminal on or off (default: when on a tty)."
    ),
    artifact: str = typer.Option(None, "--artifact", "-a", help=ARTIFACT_HELP),
) -> None:
    """Run a command exactly as you would, and record it in the artifact's trace.

    Output passes through unchanged and the exit code is the command's. A success becomes an
    experiment node, a failure a dead_end node with its error signature. Nothing about the
    artifact stops the command: without one (or when it cannot be written) the command runs
    and one line on stderr says why it was not recorded.
    """
    import sys

    from arakit.live.capture import locate, run_and_record

    root, why = locate(artifact)
    done = run_and_record(
        list(command),
        root,
        exp=exp,
        tags=tag,
        bind=bind,
        expect=expect,
        use_pty=pty,
        no_root_reason=why,
    )
    if done.error:
        sys.stderr.write(f"ara run: {done.error}\n")
    raise typer.Exit(done.exit_code)


def register(app: typer.Typer) -> None:
    app.command(
        "run",
        context_settings={"allow_interspersed_args": False, "ignore_unknown_options": True},
    )(run_cmd)
