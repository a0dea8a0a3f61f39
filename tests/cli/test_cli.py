"""The `ara` command: help, exit codes, JSON and SARIF documents, init, show, stats, fmt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from tests.conftest import EXAMPLES
from tests.fixtures.minimal import FILES

runner = CliRunner()


def _all_commands() -> list[list[str]]:
    """Every command and sub-command the app registers (discovered, so new ones are covered)."""
    from typer.main import get_command

    def walk(cmd, prefix):  # type: ignore[no-untyped-def]
        out = []
        for name, sub in getattr(cmd, "commands", {}).items():
            out.append([*prefix, name])
            out += walk(sub, [*prefix, name])
        return out

    return walk(get_command(app), [])


COMMANDS = _all_commands()


def ara(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def ara_process(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed console script in a real process (what users run)."""
    exe = Path(sys.executable).parent / "ara"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, timeout=60)


def test_the_documented_commands_are_all_there():
    names = {" ".join(c) for c in COMMANDS}
    for expected in (
        "init",
        "validate",
        "show",
        "stats",
        "fmt",
        "review",
        "reproduce",
        "seal",
        "compile",
        "reconcile",
        "run",
        "note",
        "ingest",
        "status",
        "hooks install",
        "journal verify",
    ):
        assert expected in names


@pytest.mark.parametrize("cmd", [[], *COMMANDS], ids=lambda c: " ".join(c) or "ara")
def test_every_command_help_exits_zero(cmd):
    result = ara(*cmd, "--help")
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_short_help_flag_works():
    assert ara("-h").exit_code == 0


def test_version():
    result = ara("--version")
    assert result.exit_code == 0 and result.output.startswith("arakit ")


def test_validate_clean_artifact_exits_zero(minimal):
    result = ara("validate", str(minimal()))
    assert result.exit_code == 0
    assert "passes Level 1: 0 errors, 0 warnings" in result.output


def test_validate_with_errors_exits_one_and_prints_location_code_and_hint(minimal):
    root = minimal({"logic/claims.md": FILES["logic/claims.md"].replace("[E01]", "[E09]")})
    result = ara("validate", str(root))
    assert result.exit_code == 1
    assert f"{root}/logic/claims.md:3: error L1-REF-001 C01 Proof cites E09" in result.output
    assert "hint: cite an existing E ID" in result.output


def test_validate_unreadable_input_exits_two_with_a_message(tmp_path):
    result = ara_process("validate", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "no such file or folder" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr


def test_usage_error_exits_two():
    assert ara_process("validate", "--format", "yaml", ".").returncode == 2


def test_validate_json_is_a_document_with_findings(minimal):
    root = minimal({"trace/exploration_tree.yaml": "tree: [\n"})
    result = ara("validate", "--json", str(root))
    assert result.exit_code == 1
    doc = json.loads(result.output)
    (art,) = doc["artifacts"]
    assert art["passed"] is False and art["errors"] >= 1
    f = art["findings"][0]
    assert set(f) == {"code", "severity", "file", "line", "message", "hint", "entity", "doc"}
    assert doc["summary"]["artifacts"] == 1


def _sarif_for(root: Path, *options: str) -> dict:
    result = ara("validate", "--format", "sarif", *options, str(root))
    return json.loads(result.output)


def test_sarif_has_what_code_scanning_requires(minimal):
    root = minimal({"logic/claims.md": FILES["logic/claims.md"].replace("[E01]", "[E09]")})
    doc = _sarif_for(root)
    assert doc["version"] == "2.1.0" and doc["$schema"].endswith("sarif-2.1.0.json")
    (run,) = doc["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "arakit" and driver["rules"]
    rule_ids = [r["id"] for r in driver["rules"]]
    (res,) = run["results"]
    assert res["ruleId"] == "L1-REF-001" and rule_ids[res["ruleIndex"]] == "L1-REF-001"
    assert res["level"] == "error" and res["message"]["text"]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"].endswith("logic/claims.md")
    assert loc["region"]["startLine"] == 3


def test_sarif_validates_against_the_official_schema(minimal):
    schema_path = os.environ.get("SARIF_SCHEMA")
    if not schema_path:
        pytest.skip("SARIF_SCHEMA not set (.ci/run fetches the schema from @microsoft/jest-sarif)")
    schema = json.loads(Path(schema_path).read_text())
    root = minimal(
        {
            "logic/claims.md": FILES["logic/claims.md"].replace("[E01]", "[E09]"),
            "PAPER.md": FILES["PAPER.md"].replace("## Overview", "## Summary"),
        }
    )
    # a renamed PAPER.md section is a finding only under the strict profile
    doc = _sarif_for(root, "--profile", "strict")
    assert len(doc["runs"][0]["results"]) == 2
    jsonschema.validators.validator_for(schema)(schema).validate(doc)


def test_folder_of_artifacts_is_validated_with_a_summary_table(tree, minimal, tmp_path):
    parent = tmp_path / "corpus"
    parent.mkdir()
    good = minimal()
    bad = minimal({"logic/claims.md": "# Claims\n"})
    good.rename(parent / "good")
    bad.rename(parent / "bad")
    result = ara("validate", str(parent))
    assert result.exit_code == 1
    assert "1 of 2 artifacts pass Level 1" in result.output
    doc = json.loads(ara("validate", "--json", str(parent)).output)
    assert [a["passed"] for a in doc["artifacts"]] == [False, True]


def test_init_creates_a_skeleton_whose_findings_are_exactly_what_is_missing(tmp_path):
    dest = tmp_path / "study"
    result = ara("init", str(dest), "--title", "My study")
    assert result.exit_code == 0
    doc = json.loads(ara("validate", "--json", "--profile", "strict", str(dest)).output)
    found = sorted((f["code"], f["message"]) for f in doc["artifacts"][0]["findings"])
    assert found == sorted(
        [
            ("L1-PAPER-002", "front matter key `authors` is missing or empty"),
            ("L1-PAPER-002", "front matter key `year` is missing or empty"),
            ("L1-PAPER-002", "front matter key `domain` is missing or empty"),
            ("L1-PAPER-002", "front matter key `keywords` is missing or empty"),
            ("L1-PAPER-002", "front matter key `claims_summary` is missing or empty"),
            ("L1-PAPER-002", "front matter key `abstract` is missing or empty"),
            ("L1-LAYOUT-002", "src/configs/ holds no Markdown config file (training.md, model.md)"),
            ("L1-COUNT-001", "0 concepts defined; the format asks for at least 5"),
            ("L1-COUNT-002", "0 experiments planned; the format asks for at least 3"),
            ("L1-COUNT-008", "no `## C01: title` claims found"),
            (
                "L1-COUNT-010",
                "nothing to judge: no experiment (neither in logic/experiments.md nor as a "
                "trace experiment node) and no evidence file",
            ),
            ("L1-COUNT-003", "0 trace nodes; the format asks for at least 8"),
            ("L1-COUNT-004", "no dead_end node: record at least one failure"),
            ("L1-COUNT-005", "no decision node: record at least one choice"),
            ("L1-COUNT-006", "src/execution/ holds no file"),
            ("L1-COUNT-007", "evidence/ holds no file besides README.md"),
            ("L1-COUNT-009", "logic/problem.md has no observations"),
            ("L1-FIELD-001", "logic/problem.md has no `## Key Insight` with an Insight field"),
        ]
    )


def test_init_refuses_a_non_empty_folder(minimal):
    result = ara_process("init", str(minimal()))
    assert result.returncode == 2
    assert "is not empty" in result.stderr and "Traceback" not in result.stderr


def test_show_depth_one_is_a_short_manifest_with_a_token_estimate(minimal):
    result = ara_process("show", str(minimal()))
    assert result.returncode == 0
    assert result.stdout.startswith("# Warm restarts shorten training")
    tokens = int(result.stderr.strip().removeprefix("~").split()[0])
    assert 20 < tokens <= 250


def test_show_depth_two_lists_every_layer(minimal):
    out = ara("show", str(minimal()), "--depth", "2").output
    for needle in (
        "## Claims",
        "C02 [supported]: Restart period matters little",
        "## Experiments",
        "## Trace",
        "N05 dead end",
        "## Evidence",
        "tables/table1_epochs.md",
    ):
        assert needle in out


def test_show_one_entity_and_one_file_in_full(minimal):
    root = str(minimal())
    assert "- **Proof**: [E02, E03]" in ara("show", root, "C2").output
    assert (
        "failure_mode: Loss stayed on the plateau for 20 epochs." in ara("show", root, "N05").output
    )
    assert "| cosine restarts | 41 |" in ara("show", root, "tables/table1_epochs.md").output
    assert "- **Definition**: Step size" in ara("show", root, "learning rate").output
    doc = json.loads(ara("show", root, "C01", "--json").output)
    assert doc["depth"] == 3 and doc["tokens"] > 0


def test_show_unknown_key_is_a_clean_error(minimal):
    result = ara_process("show", str(minimal()), "C42")
    assert result.returncode == 2 and "nothing called 'C42'" in result.stderr


def test_stats_counts_entities_and_layers(minimal):
    doc = json.loads(ara("stats", "--json", str(minimal())).output)
    assert doc["entities"]["claims"] == 2 and doc["entities"]["concepts"] == 5
    assert doc["entities"]["trace_nodes"] == 8
    assert doc["trace"] == {
        "decision": 1,
        "dead_end": 1,
        "experiment": 3,
        "pivot": 1,
        "question": 2,
    }
    assert doc["layers"]["logic"]["files"] == 9
    assert ara("stats", str(minimal())).exit_code == 0


def test_fmt_rewrites_to_canonical_form_and_check_reports_it(minimal):
    claims = FILES["logic/claims.md"].replace("## C01:", "## C1:").replace("[E02, E03]", "[E2,E3]")
    root = minimal({"logic/claims.md": claims})
    check = ara("fmt", "--check", str(root))
    assert check.exit_code == 1 and "logic/claims.md" in check.output
    assert ara("fmt", str(root)).exit_code == 0
    assert (root / "logic/claims.md").read_text() == FILES["logic/claims.md"]
    assert ara("fmt", "--check", str(root)).exit_code == 0


def test_fmt_refuses_an_artifact_with_a_broken_file(minimal):
    result = ara_process("fmt", str(minimal({"trace/exploration_tree.yaml": "tree: [\n"})))
    assert result.returncode == 1
    assert "trace/exploration_tree.yaml:2" in result.stderr


def test_raise_errors_env_shows_the_traceback(tmp_path):
    env = {**os.environ, "ARA_RAISE_ERRORS": "1"}
    exe = Path(sys.executable).parent / "ara"
    r = subprocess.run(
        [str(exe), "stats", str(tmp_path / "nope")], capture_output=True, text=True, env=env
    )
    assert r.returncode != 0 and "Traceback" in r.stderr


@pytest.mark.parametrize("example", sorted(p.parent.name for p in EXAMPLES.glob("*/PAPER.md")))
def test_examples_pass_level1_with_zero_findings(example):
    result = ara("validate", "--json", str(EXAMPLES / example))
    doc = json.loads(result.output)
    assert doc["artifacts"][0]["findings"] == []
    assert result.exit_code == 0
