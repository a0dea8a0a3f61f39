"""`ara fmt PATH...`: tidy files in their own dialect, or `--to-canonical` to migrate them."""

from __future__ import annotations

import typer


def fmt_cmd(
    paths: list[str] = typer.Argument(..., help="Artifact folders."),
    check: bool = typer.Option(
        False, "--check", help="Change nothing; exit 1 if a file would change or is refused."
    ),
    diff: bool = typer.Option(False, "--diff", help="Change nothing; print what would change."),
    to_canonical: bool = typer.Option(
        False,
        "--to-canonical",
        help="Rewrite every file the way arakit writes it (field order and labels, `tree:`, "
        "key order): a migration from another tool's dialect.",
    ),
) -> None:
    """Tidy files without changing what they say: IDs padded where the file pads them,
    trailing whitespace, blank-line runs, final newline. Each file is checked before it is
    written (it must read back the same, keep every word and keep tables under their
    headings); a file that fails is refused with the reason and left as it was."""
    import difflib
    import sys

    from arakit.codec.fmt import format_artifact, write_result

    bad = 0
    for path in paths:
        result = format_artifact(path, canonical=to_canonical)
        for f in result.refused:
            sys.stderr.write(f"refused {path}/{f.path}: {f.reason}\n")
            bad += 1
        if diff:
            for f in result.changed:
                sys.stdout.writelines(
                    difflib.unified_diff(
                        f.before.splitlines(keepends=True),
                        f.after.splitlines(keepends=True),
                        f"{path}/{f.path}",
                        f"{path}/{f.path} (formatted)",
                    )
                )
        elif check:
            for f in result.changed:
                typer.echo(f"would reformat {path}/{f.path}")
                bad += 1
        else:
            for rel in write_result(path, result):
                typer.echo(f"reformatted {path}/{rel}")
    if bad:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("fmt")(fmt_cmd)
