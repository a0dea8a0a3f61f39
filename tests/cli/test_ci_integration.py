"""The pre-commit hooks and the GitHub composite action: their YAML parses, the commands they
run exist, and their scripts run here as pre-commit and GitHub would run them."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO, make_tree
from tests.fixtures.minimal import FILES

ARA = Path(sys.executable).parent / "ara"
HOOKS = REPO / ".pre-commit-hooks.yaml"
ACTION = REPO / "action.yml"


def load(path: Path):  # type: ignore[no-untyped-def]
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def repo_with_artifact(tmp_path: Path, broken: bool = False) -> Path:
    files = dict(FILES)
    if broken:
        files["logic/claims.md"] = "# Claims\n"  # no claims: a Level 1 error
    make_tree(tmp_path / "repo" / "ara", files)
    return tmp_path / "repo"


def run(argv: list[str], cwd: Path, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    full = {**os.environ, "PATH": f"{ARA.parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    return subprocess.run(
        argv, cwd=cwd, env={**full, **(env or {})}, capture_output=True, text=True, timeout=300
    )


def test_every_hook_names_an_ara_command_that_exists() -> None:
    hooks = load(HOOKS)
    assert {h["id"] for h in hooks} == {"ara-check", "ara-check-fix", "ara-validate"}
    for h in hooks:
        assert h["language"] == "python" and h["pass_filenames"] is False
        argv = shlex.split(h["entry"])
        assert argv[0] == "ara"
        result = run([str(ARA), argv[1], "--help"], cwd=REPO)
        assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("hook", ["ara-check", "ara-validate"])
def test_hook_run_as_pre_commit_runs_it_passes_a_clean_artifact_and_fails_a_broken_one(
    tmp_path, hook
) -> None:
    [h] = [h for h in load(HOOKS) if h["id"] == hook]
    argv = [str(ARA), *shlex.split(h["entry"])[1:], *h["args"]]  # pass_filenames: false
    assert run(argv, cwd=repo_with_artifact(tmp_path)).returncode == 0
    broken = run(argv, cwd=repo_with_artifact(tmp_path / "b", broken=True))
    assert broken.returncode == 1 and "L1-COUNT-008" in broken.stdout


def test_action_is_a_composite_action_whose_scripts_take_inputs_only_from_env() -> None:
    action = load(ACTION)
    assert action["runs"]["using"] == "composite"
    assert {"path", "profile", "strict", "args", "upload-sarif", "sarif-file"} <= set(
        action["inputs"]
    )
    steps = action["runs"]["steps"]
    for step in steps:
        assert "${{" not in step.get("run", ""), step["name"]  # no injection through inputs
    [upload] = [s for s in steps if "upload-sarif" in s.get("uses", "")]
    assert upload["uses"].startswith("github/codeql-action/upload-sarif@")
    assert "steps.check.outputs.sarif-file" in upload["with"]["sarif_file"]


def _step(name: str) -> str:
    [step] = [s for s in load(ACTION)["runs"]["steps"] if s["name"] == name]
    return str(step["run"])


@pytest.mark.parametrize("broken", [False, True], ids=["clean", "broken"])
def test_check_step_writes_sarif_and_the_exit_code_as_github_would_read_them(
    tmp_path, broken
) -> None:
    repo = repo_with_artifact(tmp_path, broken=broken)
    outputs = tmp_path / "github_output"
    outputs.touch()
    env = {
        "INPUT_PATH": "ara",
        "INPUT_PROFILE": "upstream",
        "INPUT_STRICT": "false",
        "INPUT_ARGS": "",
        "INPUT_SARIF": "ara-check.sarif",
        "GITHUB_OUTPUT": str(outputs),
    }
    result = run(["bash", "-c", _step("Run ara check")], cwd=repo, env=env)
    assert result.returncode == 0, result.stderr  # the step records the status, later fails
    written = dict(line.split("=", 1) for line in outputs.read_text().splitlines())
    assert written == {"exit-code": "1" if broken else "0", "sarif-file": "ara-check.sarif"}
    sarif = json.loads((repo / "ara-check.sarif").read_text(encoding="utf-8"))
    assert sarif["version"] == "2.1.0"
    rule_ids = {r["ruleId"] for r in sarif["runs"][0]["results"]}
    assert ("L1-COUNT-008" in rule_ids) is broken
    schema = os.environ.get("SARIF_SCHEMA")
    if schema and Path(schema).is_file():
        import jsonschema

        jsonschema.validate(sarif, json.loads(Path(schema).read_text(encoding="utf-8")))
    failing = run(
        ["bash", "-c", _step("Fail on findings")], cwd=repo, env={"RC": written["exit-code"]}
    )
    assert failing.returncode == (1 if broken else 0)


def test_check_step_passes_strict_and_extra_arguments(tmp_path) -> None:
    repo = repo_with_artifact(tmp_path)
    shutil.rmtree(repo / "ara" / "src" / "configs")  # a warning under strict: LAYOUT-002
    outputs = tmp_path / "out"
    outputs.touch()
    env = {
        "INPUT_PATH": "ara",
        "INPUT_PROFILE": "strict",
        "INPUT_STRICT": "true",
        "INPUT_ARGS": "--fix",
        "INPUT_SARIF": "x.sarif",
        "GITHUB_OUTPUT": str(outputs),
    }
    result = run(["bash", "-c", _step("Run ara check")], cwd=repo, env=env)
    assert "Running: ara check ara --profile strict --strict --fix" in result.stdout
    assert "exit-code=1" in outputs.read_text()  # the warning fails under --strict
