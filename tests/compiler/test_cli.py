"""`ara compile` and `ara reconcile` as a user runs them: exit codes, JSON, clean errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile


def ara(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from arakit.cli.main import run; run()", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_compile_and_reconcile_help_exit_zero() -> None:
    for cmd in ("compile", "reconcile"):
        res = ara(cmd, "--help")
        assert res.returncode == 0 and "Usage" in res.stdout


def test_compile_json_report_says_it_passes(
    paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    res = ara("compile", str(paper.path), str(repo.path), "-o", str(tmp_path / "out"), "--json")
    assert res.returncode == 0, res.stderr
    data = json.loads(res.stdout)
    assert data["passed_level1"] is True
    assert data["coverage"]["trace"]["dead_end"] >= 2
    assert set(data["seconds"]) == {"deconstruct", "map", "ground", "trace", "write"}


def test_compile_human_output_ends_with_the_verdict(
    paper: PaperFile, repo: PlantedRepo, tmp_path: Path
) -> None:
    res = ara("compile", str(paper.path), str(repo.path), "-o", str(tmp_path / "out"))
    assert res.returncode == 0, res.stderr
    assert "passes Level 1" in res.stdout.splitlines()[-1]
    assert "2 mismatch" in res.stdout


def test_reconcile_exits_one_when_values_disagree(paper: PaperFile, repo: PlantedRepo) -> None:
    res = ara("reconcile", str(paper.path), str(repo.path), "--json")
    assert res.returncode == 1
    mism = {
        v["key"]: (v["paper_value"], v["code_value"])
        for v in json.loads(res.stdout)["verdicts"]
        if v["verdict"] == "mismatch"
    }
    assert mism == {"batch_size": ("256", "128"), "dropout": ("0.2", "0.3")}


def test_a_bad_pdf_is_one_clean_error_line_not_a_traceback(tmp_path: Path) -> None:
    bad = tmp_path / "paper.pdf"
    bad.write_text("not a pdf at all")
    res = ara("compile", str(bad), "-o", str(tmp_path / "out"))
    assert res.returncode == 1
    assert "Traceback" not in res.stderr
    assert res.stderr.startswith(f"error: {bad}: not a readable PDF")


def test_a_remote_repository_is_refused_with_exit_two(paper: PaperFile, tmp_path: Path) -> None:
    res = ara("reconcile", str(paper.path), "https://example.org/code.git")
    assert res.returncode == 2 and "remote repositories are not fetched" in res.stderr
