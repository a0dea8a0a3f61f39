"""The shipped JSON Schemas describe what the readers accept: every YAML file of every corpus
artifact, of every dialect fixture, and every file arakit's own writers produce validates."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from arakit.codec import schemas, yamlio
from arakit.live.capture import add_note
from tests.conftest import make_tree
from tests.fixtures.dialects import RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM
from tests.fixtures.minimal import FILES


def _validate_yaml_files(root: Path) -> int:
    n = 0
    for p in sorted(root.rglob("*.yaml")):
        rel = p.relative_to(root).as_posix()
        name = schemas.schema_for(rel)
        if name is None:
            continue
        data = yamlio.load(p.read_text(encoding="utf-8"), rel)
        jsonschema.validate(json.loads(json.dumps(data, default=str)), schemas.schema(name))
        n += 1
    return n


def test_every_schema_is_a_valid_schema_with_a_version() -> None:
    for name in schemas.names():
        doc = schemas.schema(name)
        jsonschema.Draft202012Validator.check_schema(doc)
        assert doc["schema_version"] == schemas.SCHEMA_VERSION


@pytest.mark.parametrize("files", [RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM, FILES])
def test_dialect_fixtures_and_what_arakit_adds_to_them_validate(tmp_path: Path, files) -> None:
    root = make_tree(tmp_path / "a", files)
    add_note(
        root, "We decided to keep the sparse probe because it is cheaper", note_type="decision"
    )
    add_note(root, "Sparse probes need no retraining", note_type="claim")
    assert _validate_yaml_files(root) >= 2


def test_both_trace_keys_at_once_do_not_validate() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"tree": [], "root": {"id": "N01"}}, schemas.schema("exploration_tree"))


def test_every_corpus_yaml_file_validates(real_corpus: Path) -> None:
    total = sum(_validate_yaml_files(a) for a in sorted((real_corpus / "artifacts").iterdir()))
    assert total > 80


def test_the_check_report_matches_its_schema(minimal) -> None:
    runner = CliRunner()
    doc = json.loads(runner.invoke(app, ["check", "--json", str(minimal())]).output)
    schema = json.loads(runner.invoke(app, ["schema", "check-report"]).output)
    jsonschema.validate(doc, schema)


def test_schemas_are_exported_into_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["schema", "--out", str(tmp_path)])
    assert result.exit_code == 0
    written = sorted(p.name for p in tmp_path.iterdir())
    assert "exploration_tree.schema.json" in written and "level2-report.schema.json" in written


def test_docs_hold_the_schemas_the_package_ships(tmp_path: Path) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs" / "schemas"
    CliRunner().invoke(app, ["schema", "--out", str(tmp_path)])
    for fresh in sorted(tmp_path.iterdir()):
        shipped = docs / fresh.name
        assert shipped.is_file() and shipped.read_text() == fresh.read_text(), (
            f"docs/schemas/{fresh.name} is stale: run `ara schema --out docs/schemas`"
        )


def test_format_doc_links_resolve_and_anchors_exist() -> None:
    import re

    doc = Path(__file__).resolve().parents[2] / "docs" / "format.md"
    text = doc.read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="([^"]+)"', text))
    for target in re.findall(r"\]\((#[^)]+|schemas/[^)]+)\)", text):
        if target.startswith("#"):
            assert target[1:] in anchors, target
        else:
            assert (doc.parent / target).is_file(), target
