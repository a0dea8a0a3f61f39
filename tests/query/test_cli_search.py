"""`ara index` and `ara search` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from arakit.cli.main import app

runner = CliRunner()


def test_index_then_search_prints_hits_with_references(minimal, tmp_path):
    art = minimal()
    db = str(tmp_path / "i.sqlite")
    done = runner.invoke(app, ["index", str(art), "--index", db])
    assert done.exit_code == 0, done.output
    assert "(re)indexed" in done.output
    found = runner.invoke(app, ["search", "half rate restart", str(art), "--index", db])
    assert found.exit_code == 0
    assert "N05 (trace/dead_end)" in found.stdout


def test_search_json_respects_the_budget_and_kind(minimal, tmp_path):
    art = minimal()
    db = str(tmp_path / "i.sqlite")
    out = runner.invoke(
        app,
        ["search", "restart", str(art), "--index", db, "--json", "-t", "60", "--kind", "claim"],
    )
    data = json.loads(out.stdout)
    assert data["tokens"] <= 60
    assert data["hits"] and {h["kind"] for h in data["hits"]} == {"claim"}


def test_search_outside_any_artifact_is_a_clean_usage_error(tmp_path):
    (tmp_path / "empty").mkdir()
    exe = Path(sys.executable).parent / "ara"
    done = subprocess.run(
        [str(exe), "search", "x", str(tmp_path / "empty")], capture_output=True, text=True
    )
    assert done.returncode == 2
    assert "no artifact below it" in done.stderr and "Traceback" not in done.stderr
