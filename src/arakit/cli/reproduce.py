"""`ara reproduce PATH`: Seal Level 3, re-run the plan in a sandbox and compare with evidence."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import typer


class Sandbox(StrEnum):
    bwrap = "bwrap"
    process = "process"


def reproduce_cmd(
    path: str = typer.Argument(..., help="Artifact folder with src/reproduce.yaml."),
    run: list[str] = typer.Option(None, "--run", "-r", help="Only this run (repeatable)."),
    seeds: str = typer.Option(None, "--seeds", help="Seeds for every run, e.g. 0,1,2."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Executions in parallel."),
    sandbox: Sandbox = typer.Option(
        Sandbox.bwrap, "--sandbox", help="bwrap (isolated) or process (weaker: no isolation)."
    ),
    timeout: float = typer.Option(None, "--timeout", help="Seconds per execution (overrides)."),
    memory_gb: float = typer.Option(
        8.0, "--memory-gb", help="Memory for each execution as a whole (all its processes)."
    ),
    disk_gb: float = typer.Option(
        4.0, "--disk-gb", help="Disk for each execution as a whole (work copy, /tmp, HOME)."
    ),
    processes: int = typer.Option(256, "--processes", help="Processes per execution."),
    report: str = typer.Option(
        None, "--report", help="Where to write level3_report.json (default: in the artifact)."
    ),
    work_dir: str = typer.Option(
        None, "--work-dir", help="Keep working copies and logs here (default: a temp folder)."
    ),
    wheelhouse: str = typer.Option(
        None, "--wheelhouse", help="Local folder of wheels for the run's requirements."
    ),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Re-run the claims' code in isolation and compare with evidence/ (Seal Level 3).

    Exit 0 only when every expectation reproduced in the bwrap sandbox; 1 otherwise (the
    process sandbox can read evidence/, so it never passes).
    """
    from pathlib import Path

    from arakit.cli.output import print_json
    from arakit.errors import UsageError
    from arakit.seal.level3 import Limits, reproduce, write_report

    for name, value in (("--memory-gb", memory_gb), ("--disk-gb", disk_gb)):
        if not value > 0 or value != value or value == float("inf"):
            raise UsageError(f"{name} must be a positive number of GiB, got {value}")
    if processes < 1:
        raise UsageError(f"--processes must be at least 1, got {processes}")

    with _progress(json_out) as on_done:
        rep = reproduce(
            path,
            runs=run or None,
            seeds=_seeds(seeds),
            jobs=jobs,
            sandbox=sandbox.value,  # type: ignore[arg-type]
            timeout_s=timeout,
            limits=Limits(
                memory_bytes=int(memory_gb * 2**30),
                disk_bytes=int(disk_gb * 2**30),
                processes=processes,
            ),
            work_dir=work_dir,
            wheelhouse=wheelhouse,
            on_done=on_done,
        )
    dest = write_report(rep, report or Path(path) / "level3_report.json")
    if json_out:
        print_json(rep.model_dump(mode="json"))
    else:
        print_report(rep, dest)
    raise typer.Exit(0 if rep.passed else 1)


def _seeds(text: str | None) -> list[Any] | None:
    if not text:
        return None
    out: list[Any] = []
    for part in text.split(","):
        part = part.strip()
        if part:
            out.append(int(part) if part.lstrip("-").isdigit() else part)
    return out


class _progress:
    """A progress line on stderr while executions finish (nothing with --json)."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.done = 0

    def __enter__(self):  # type: ignore[no-untyped-def]
        if self.quiet:
            return None
        from arakit.cli.output import console

        self.err = console(stderr=True)
        return self.tick

    def tick(self, run: Any) -> None:
        self.done += 1
        colour = "green" if run.status == "ok" else "red"
        seed = "" if run.seed is None else f" seed {run.seed}"
        self.err.print(
            f"[dim]{self.done:>3}[/] {run.run}{seed}: [{colour}]{run.status}[/] "
            f"[dim]({run.duration_s:.2f} s)[/]"
        )

    def __exit__(self, *exc: object) -> None:
        return None


VERDICT_STYLE = {
    "reproduced": "green",
    "not_reproduced": "red",
    "failed_to_run": "red",
    "not_checkable": "yellow",
}


def print_report(rep: Any, dest: Any) -> None:
    """The human table: one row per expectation, then claims and a verdict line."""
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console

    out = console()
    t = Table(show_edge=False, pad_edge=False)
    for col in ("run", "metric", "expected", "measured", "verdict"):
        right = col in ("expected", "measured")
        t.add_column(col, justify="right" if right else "left", overflow="fold")
    for e in rep.expectations:
        style = VERDICT_STYLE[e.verdict]
        measured = "" if e.measured is None else f"{e.measured:.4g}"
        if e.spread:
            measured += f" ± {e.spread.std:.2g}"
        t.add_row(
            e.run,
            escape(e.metric),
            escape(e.expected_text or ""),
            measured,
            f"[{style}]{e.verdict.replace('_', ' ')}[/]",
        )
    out.print(t)
    out.print("[dim]measured: mean ± standard deviation over the run's seeds[/]")
    for e in rep.expectations:
        if e.verdict != "reproduced":
            out.print(f"  {e.run} {escape(e.metric)}: {escape(e.reason)}")
    if rep.claims:
        out.print(
            "claims: "
            + ", ".join(
                f"{c.claim} [{VERDICT_STYLE[c.verdict]}]{c.verdict.replace('_', ' ')}[/]"
                for c in rep.claims
            )
        )
    if rep.isolation == "weak":
        out.print(f"[yellow]warning[/]: {escape(rep.isolation_note)}")
    if rep.evidence_copies:
        out.print(
            "[yellow]withheld[/]: copies of evidence found outside evidence/: "
            + escape(", ".join(f"{k} (= {v})" for k, v in rep.evidence_copies.items()))
        )
    for what, how in rep.bounds.items():
        out.print(f"[dim]bound {what}: {escape(how)}[/]")
    c = rep.counts
    executions = sum(r.same_as is None for r in rep.runs)
    if rep.all_reproduced and not rep.passed:
        out.print(
            f"{escape(rep.artifact)}: [yellow]{c['reproduced']} of {len(rep.expectations)} "
            f"expectations reproduced under weak isolation: not a pass[/] ({executions} "
            f"executions in the {rep.sandbox} sandbox, {rep.duration_s:.1f} s)"
        )
    else:
        verdict = "[green]reproduced[/]" if rep.passed else "[red]not reproduced[/]"
        out.print(
            f"{escape(rep.artifact)}: {verdict}: {c['reproduced']} of {len(rep.expectations)} "
            f"expectations, {executions} executions in the {rep.sandbox} sandbox "
            f"({rep.duration_s:.1f} s)"
        )
    logs = f"; logs: {escape(rep.work_dir)}" if rep.work_dir_kept else ""
    out.print(f"[dim]report: {escape(str(dest))}{logs}[/]")


def register(app: typer.Typer) -> None:
    app.command("reproduce")(reproduce_cmd)
