"""`ara schema [NAME] [--out DIR]`: the JSON Schemas of the format's YAML files and reports."""

from __future__ import annotations

from typing import Any

import typer

# report schemas, built from the models that write the reports
REPORTS = {
    "finding": "one finding of `ara validate --json` / `ara check --json`",
    "check-report": "`ara check --json` for one artifact",
    "level2-report": "level2_report.json (`ara review --json`)",
}


def schema_cmd(
    name: str = typer.Argument(
        None, help="A schema name (omit to list them): exploration_tree, staging, session, …"
    ),
    out: str = typer.Option(None, "--out", "-o", help="Write every schema into this folder."),
) -> None:
    """Print one JSON Schema, list them, or write them all (each carries schema_version)."""
    import json
    from pathlib import Path

    from arakit.cli.output import print_json
    from arakit.codec import schemas
    from arakit.codec.fs import atomic_write

    if out:
        for path in schemas.export(out):
            typer.echo(str(path))
        for report in REPORTS:
            path = Path(out) / f"{report}.schema.json"
            atomic_write(path, json.dumps(report_schema(report), indent=2) + "\n")
            typer.echo(str(path))
        return
    if name is None:
        for n in schemas.names():
            typer.echo(f"{n:18} {schemas.FILES[n]}")
        for r, what in REPORTS.items():
            typer.echo(f"{r:18} {what}")
        return
    print_json(report_schema(name) if name in REPORTS else schemas.schema(name))


def report_schema(name: str) -> dict[str, Any]:
    """The JSON Schema of a report arakit writes, with the schema_version of the format docs."""
    from arakit.codec.schemas import SCHEMA_VERSION
    from arakit.seal.findings import Finding

    if name == "level2-report":
        from arakit.seal.level2 import report_schema as level2

        doc = level2()
    elif name == "finding":
        doc = Finding.model_json_schema()
    else:
        finding = Finding.model_json_schema()
        props = dict(finding.get("properties", {}))
        props["fixable"] = {"type": "boolean"}
        issue = {
            "type": "object",
            "properties": {
                "code": {"type": "string"},
                "file": {"type": "string"},
                "line": {"type": ["integer", "null"]},
                "message": {"type": "string"},
                "reason": {"type": "string"},
            },
        }
        doc = {
            "title": "ara check --json",
            "type": "object",
            "properties": {
                "artifact": {"type": "string"},
                "profile": {"type": "string"},
                "passed": {"type": "boolean"},
                "errors": {"type": "integer"},
                "warnings": {"type": "integer"},
                "fixable": {"type": "integer"},
                "duration_ms": {"type": "number"},
                "findings": {"type": "array", "items": {**finding, "properties": props}},
                "fixed": {"type": "array", "items": issue},
                "skipped": {"type": "array", "items": issue},
            },
        }
    return {"schema_version": SCHEMA_VERSION, **doc}


def register(app: typer.Typer) -> None:
    app.command("schema")(schema_cmd)
