"""`ara compile INPUTS... -o OUT`: a PDF, a repository, notes and logs → an artifact."""

from __future__ import annotations

import typer


def compile_cmd(
    inputs: list[str] = typer.Argument(
        ...,
        help="A paper PDF, a repository (folder, .bundle or file:// URL), notes (.md, .txt), logs (.jsonl, .csv).",
    ),
    output: str = typer.Option(
        ..., "--output", "-o", help="Folder to write the artifact to (new or empty)."
    ),
    model: str | None = typer.Option(
        None, "--model", help="Let this language model draft claims (falls back to rules)."
    ),
    force: bool = typer.Option(False, "--force", help="Write into a folder that is not empty."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    code_folder: str | None = typer.Option(
        None, "--code-folder", help="The folder that holds the paper's code (default: found)."
    ),
    at: str | None = typer.Option(
        None, "--at", help="Read the code at this commit (default: where the PDF was added)."
    ),
    profile: str = typer.Option(
        "upstream",
        "--profile",
        "-p",
        help="Level 1 profile the result is checked under: upstream (default) or strict.",
    ),
) -> None:
    """Compile sources into an artifact. Exit 0: passes Level 1; 1: Level 1 errors remain."""
    from arakit.cli.output import print_json
    from arakit.compiler import compile_sources
    from arakit.seal.profile import check_profile

    profile = check_profile(profile)

    if json_out:
        report = compile_sources(
            inputs,
            output,
            model=model,
            force=force,
            code_folder=code_folder,
            at=at,
            profile=profile,
        )
        print_json(report.to_json())
    else:
        with _bar() as (bar, task):
            report = compile_sources(
                inputs,
                output,
                model=model,
                force=force,
                progress=lambda stage: bar.advance(task),
                code_folder=code_folder,
                at=at,
                profile=profile,
            )
        _human(report)
    raise typer.Exit(0 if report.passed else 1)


def _bar():  # type: ignore[no-untyped-def]
    from contextlib import contextmanager

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from arakit.cli.output import console
    from arakit.compiler.pipeline import STAGES

    @contextmanager
    def run():  # type: ignore[no-untyped-def]
        err = console(stderr=True)
        if not err.is_terminal:  # no bar in pipes and logs: nothing but the report is printed
            bar = Progress(disable=True)
            yield bar, bar.add_task("compile", total=len(STAGES))
            return
        with Progress(
            TextColumn("compiling"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("stages"),
            console=err,
            transient=True,
        ) as bar:
            yield bar, bar.add_task("compile", total=len(STAGES))

    return run()


def _human(report) -> None:  # type: ignore[no-untyped-def]
    from rich.markup import escape
    from rich.table import Table

    from arakit.cli.output import console

    out = console()
    t = Table(title="coverage", show_edge=False)
    t.add_column("layer")
    t.add_column("got")
    t.add_column("missing")
    for layer, info in report.coverage.items():
        got = ", ".join(f"{k} {v}" for k, v in info.items() if k != "missing")
        t.add_row(layer, got, escape("; ".join(info.get("missing", [])) or "-"))
    out.print(t)
    if report.scope:
        folders = ", ".join(f or "(root)" for f in report.scope.get("folders", [])) or "(root)"
        where = report.scope.get("commit_label") or "the working tree"
        out.print(f"code: {escape(folders)} at {escape(where)}")
    counts: dict[str, int] = {}
    for v in report.reconciliation:
        counts[v.verdict] = counts.get(v.verdict, 0) + 1
    if counts:
        out.print("reconciliation: " + ", ".join(f"{n} {k}" for k, n in counts.items()))
    for w in report.warnings:
        out.print(f"[yellow]warning[/]: {escape(w)}")
    for f in report.findings:
        colour = "red" if f["severity"] == "error" else "yellow"
        out.print(
            f"{escape(f['file'])}: [{colour}]{f['severity']}[/] {f['code']} {escape(f['message'])}"
        )
    verdict = "[green]passes Level 1[/]" if report.passed else "[red]fails Level 1[/]"
    total = sum(report.seconds.values())
    out.print(
        f"{escape(report.output)}: {verdict} ({report.level1_errors} errors, "
        f"{report.level1_warnings} warnings, {report.profile} profile), "
        f"{len(report.files)} files in {total:.2f} s"
    )
    if report.strict_errors:
        codes = sorted({f["code"] for f in report.strict_errors})
        why = (
            ": counts below the format's quotas, which the sources do not fill"
            if all(c.startswith("L1-COUNT-") for c in codes)
            else ""
        )
        out.print(
            f"strict profile: {len(report.strict_errors)} more errors ({', '.join(codes)}){why}; "
            f"`ara validate --profile strict {escape(report.output)}` lists them"
        )


def register(app: typer.Typer) -> None:
    app.command("compile")(compile_cmd)
