"""`ara reproduce`: the table, the report file, exit codes, and the example artifact."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from tests.conftest import EXAMPLES
from tests.seal.level3.conftest import needs_bwrap

pytestmark = [pytest.mark.sandbox, needs_bwrap]
runner = CliRunner()


def ara_process(*args: str) -> subprocess.CompletedProcess[str]:
    exe = Path(sys.executable).parent / "ara"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, timeout=300)


def test_help_exits_zero() -> None:
    for cmd in ("reproduce", "seal"):
        result = runner.invoke(app, [cmd, "--help"])
        assert result.exit_code == 0 and "Usage" in result.output


def test_reproduced_artifact_prints_the_table_writes_the_report_and_exits_0(tiny) -> None:
    art = tiny()
    result = runner.invoke(app, ["reproduce", str(art), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "reproduced: 2 of 2 expectations" in result.output
    assert "0.51 ± 0.01" in result.output
    report = json.loads((art / "level3_report.json").read_text())
    assert report["passed"] is True


def test_not_reproduced_exits_1_and_shows_both_numbers(tiny, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    args = ["--report", str(out), "--work-dir", str(tmp_path / "w")]
    result = runner.invoke(app, ["reproduce", str(tiny(score="0.6100")), *args])
    assert result.exit_code == 1
    assert "measured 0.51 vs expected 0.6100" in result.output
    assert "not reproduced" in result.output
    assert json.loads(out.read_text())["counts"]["not_reproduced"] == 1


def test_json_output_is_the_report(tiny, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["reproduce", str(tiny()), "--json", "--seeds", "1", "--report", str(tmp_path / "r")]
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert [r["seed"] for r in data["runs"]] == [1]
    assert data["sandbox"] == "bwrap" and data["isolation"] == "strong"


def test_process_sandbox_warns_that_isolation_is_weaker_and_never_exits_0(tiny) -> None:
    result = runner.invoke(app, ["reproduce", str(tiny()), "--sandbox", "process"])
    assert result.exit_code == 1
    assert "warning: WEAKER ISOLATION" in result.output
    assert "2 of 2 expectations reproduced under weak isolation: not a pass" in result.output


def test_artifact_without_plan_is_a_clean_error_naming_the_file(tiny) -> None:
    art = tiny()
    (art / "src" / "reproduce.yaml").unlink()
    r = ara_process("reproduce", str(art))
    assert r.returncode == 1
    assert r.stderr.startswith("error: src/reproduce.yaml: no reproduction plan")
    assert "Traceback" not in r.stderr


def test_the_polyfit_ridge_example_reproduces_with_ara_reproduce(tmp_path: Path) -> None:
    example = EXAMPLES / "polyfit-ridge"
    r = ara_process(
        "reproduce",
        str(example),
        "--jobs",
        "2",
        "--report",
        str(tmp_path / "l3.json"),
        "--work-dir",
        str(tmp_path / "runs"),
    )
    assert r.returncode == 0, r.stdout + r.stderr
    report = json.loads((tmp_path / "l3.json").read_text())
    assert report["counts"] == {
        "reproduced": 12,
        "not_reproduced": 0,
        "failed_to_run": 0,
        "not_checkable": 0,
    }
    assert {c["claim"] for c in report["claims"]} == {"C01", "C02", "C03", "C04"}
    assert not (example / "level3_report.json").exists()
