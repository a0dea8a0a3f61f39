"""`ara review`: one-screen summary, JSON report valid against --schema, exit codes, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from arakit.seal.level2 import REPORT_FILE
from tests.conftest import EXAMPLES
from tests.seal.level2.helpers import with_table2

runner = CliRunner()


def ara(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.mark.parametrize("name", ["dropout-mlp", "polyfit-ridge"])
def test_review_of_each_example_writes_a_schema_valid_report_and_a_short_summary(
    tmp_path: Path, name: str
) -> None:
    root = shutil.copytree(EXAMPLES / name, tmp_path / name)
    result = ara("review", str(root))
    assert result.exit_code == 0, result.output
    assert "evidence relevance" in result.output and "wrote level2_report.json" in result.output
    assert len(result.output.splitlines()) <= 25  # one screen
    schema = json.loads(ara("review", "--schema").output)
    jsonschema.validate(json.loads((root / REPORT_FILE).read_text()), schema)


def test_json_output_is_the_report_and_failing_grade_exits_one(minimal) -> None:
    # four numeric slips in one node: D1 drops to 1, so the grade is Reject
    slips = "dropout-0.5 = 71.3, dropout-0.0 = 73.1, dropout-0.8 = 70.2 and 99.9% train."
    root = minimal(with_table2(slips))
    result = ara("review", str(root), "--json", "--no-write")
    data = json.loads(result.output)
    assert data["grade"] == "Reject" and result.exit_code == 1
    assert any(f["code"] == "L2-D1-002" for f in data["findings"])
    assert not (root / REPORT_FILE).exists()


def test_unknown_model_is_a_clean_error_naming_the_model(minimal) -> None:
    exe = Path(sys.executable).parent / "ara"
    proc = subprocess.run(
        [str(exe), "review", str(minimal()), "--model", "no-such-model-xyz"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "unknown model 'no-such-model-xyz'" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_review_help_exits_zero() -> None:
    result = ara("review", "--help")
    assert result.exit_code == 0 and "--model" in result.output


def test_summary_of_an_artifact_with_many_findings_still_fits_one_screen(minimal) -> None:
    from tests.fixtures.minimal import FILES

    no_baselines = FILES["logic/experiments.md"].replace("step decay\n", "none\n")
    no_setup = no_baselines.replace("  - **Hardware**: 1 CPU core\n", "")
    changes = with_table2("dropout-0.5 = 71.3, dropout-0.0 = 73.1, dropout-0.8 = 70.2 and 99.9%.")
    changes["logic/experiments.md"] = no_setup
    result = ara("review", str(minimal(changes)), "--no-write")
    lines = result.output.splitlines()
    assert "more findings in the JSON report" in result.output
    assert len(lines) <= 25
