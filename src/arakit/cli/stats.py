"""`ara stats PATH`."""

from __future__ import annotations

import typer


def stats_cmd(
    path: str = typer.Argument(..., help="Artifact folder."),
    json_out: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Count entities per kind and files per layer, and say which dialect the artifact is
    written in (and what in it differs from the format as arakit writes it)."""
    from arakit.cli.output import console, print_json
    from arakit.codec import read_artifact
    from arakit.codec.dialect import detect
    from arakit.query.stats import stats

    art = read_artifact(path)
    data = stats(art)
    dialect = detect(art)
    data["dialect"] = dialect.model_dump()
    if json_out:
        print_json(data)
        return
    from rich.table import Table

    t = Table(title=f"{path}: entities", show_edge=False)
    t.add_column("kind")
    t.add_column("count", justify="right")
    for k, v in data["entities"].items():
        t.add_row(k.replace("_", " "), str(v))
    for k, v in data["trace"].items():
        t.add_row(f"  trace {k}", str(v))
    lt = Table(title="layers", show_edge=False)
    for col in ("layer", "files", "bytes"):
        lt.add_column(col, justify="left" if col == "layer" else "right")
    for k, v in sorted(data["layers"].items()):
        lt.add_row(k, str(v["files"]), f"{v['bytes']:,}")
    out = console()
    out.print(t)
    out.print(lt)
    from rich.markup import escape

    form = f", trace form `{dialect.trace_form}`" if dialect.trace_form else ""
    out.print(
        f"dialect: [bold]{dialect.name}[/]{form}" + (" (recorded live)" if dialect.live else "")
    )
    for feat in dialect.features:
        out.print(f"  - {escape(feat)}")


def register(app: typer.Typer) -> None:
    app.command("stats")(stats_cmd)
