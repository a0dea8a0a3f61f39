"""`ara check`: Level 1 plus the format lint, exit codes as ara-cli's, `--fix`, JSON and SARIF."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from arakit.cli.main import app
from tests.cli.test_cli import ara_process
from tests.fixtures.minimal import FILES

DASHED = FILES["logic/claims.md"].replace("## C01: ", "## C01 — ", 1)


def ara(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_a_clean_artifact_exits_0(minimal) -> None:
    result = ara("check", str(minimal()))
    assert result.exit_code == 0, result.output


def test_an_unfixed_fixable_finding_exits_1_and_fix_makes_it_clean(minimal) -> None:
    root = minimal({"logic/claims.md": DASHED})
    first = ara("check", str(root))
    assert first.exit_code == 1 and "L1-FMT-005" in first.output and "[fixable]" in first.output
    fixed = ara("check", "--fix", str(root))
    assert fixed.exit_code == 0 and "fixed L1-FMT-005" in fixed.output
    assert (root / "logic/claims.md").read_text() == FILES["logic/claims.md"]
    assert "fixed L1-" not in ara("check", "--fix", str(root)).output  # idempotent


def test_a_missing_folder_exits_2(tmp_path) -> None:
    result = ara_process("check", str(tmp_path / "nope"))
    assert result.returncode == 2 and "no such file or folder" in result.stderr


def test_json_marks_fixable_findings_and_sarif_knows_the_lint_rules(minimal) -> None:
    root = minimal({"logic/claims.md": DASHED})
    doc = json.loads(ara("check", "--json", str(root)).output)
    (f,) = [f for f in doc["findings"] if f["code"] == "L1-FMT-005"]
    assert f["fixable"] and f["line"] and doc["fixable"] == 1
    sarif = json.loads(ara("check", "--format", "sarif", str(root)).output)
    assert any(r["ruleId"] == "L1-FMT-005" for r in sarif["runs"][0]["results"])
