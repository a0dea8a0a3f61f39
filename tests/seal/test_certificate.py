"""`arakit.seal.certificate` and `ara seal`: levels in order, stop or keep going, seal.json."""

from __future__ import annotations

import json
import subprocess
import sys
import os
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from arakit.cli.main import app
from arakit.errors import UsageError
from arakit.seal.certificate import (
    SealCertificate,
    content_hash,
    parse_levels,
    seal,
    write_certificate,
)
from tests.seal.level3.conftest import needs_bwrap, tiny_files

runner = CliRunner()


@pytest.fixture
def tiny(tree):  # type: ignore[no-untyped-def]
    return lambda **kw: tree(tiny_files(**kw))


def test_a_failing_level_1_stops_the_seal_and_later_levels_are_not_run(tiny) -> None:
    cert = seal(tiny(), [1, 2, 3])
    assert [(v.level, v.status) for v in cert.levels] == [
        (1, "failed"),
        (2, "not_run"),
        (3, "not_run"),
    ]
    assert cert.levels[0].details["errors"] > 0
    assert "--keep-going" in cert.levels[1].summary
    assert not cert.passed


@needs_bwrap
def test_keep_going_runs_every_level_and_level_3_can_pass_alone(tiny) -> None:
    cert = seal(tiny(), [1, 2, 3], keep_going=True)
    status = {v.level: v.status for v in cert.levels}
    assert status[1] == "failed" and status[3] == "passed"
    assert status[2] in ("passed", "failed")  # graded by the Level 2 rules, never skipped
    assert cert.levels[2].details["counts"]["reproduced"] == 2
    assert not cert.passed
    assert seal(tiny(), [3]).passed


@needs_bwrap
def test_level_3_that_does_not_reproduce_fails_the_seal(tiny, tmp_path: Path) -> None:
    cert = seal(tiny(score="0.9000"), [3], level3={"work_dir": tmp_path / "w"})
    assert cert.levels[0].status == "failed"
    assert cert.levels[0].details["claims"]["C01"] == "not_reproduced"


def test_level_1_alone_passes_on_a_valid_artifact(minimal) -> None:
    cert = seal(minimal(), [1])
    assert cert.passed and cert.levels[0].summary == "0 errors, 0 warnings"


def test_an_artifact_without_a_plan_fails_level_3_with_the_reason(minimal) -> None:
    cert = seal(minimal(), [3])
    assert cert.levels[0].status == "failed"
    assert "src/reproduce.yaml" in cert.levels[0].summary


def test_certificate_is_written_atomically_and_matches_its_schema(minimal) -> None:
    art = minimal()
    cert = seal(art, [1])
    path = write_certificate(cert)
    assert path == art / "seal.json"
    data = json.loads(path.read_text())
    jsonschema.validate(data, SealCertificate.model_json_schema(mode="serialization"))
    assert data["passed"] is True and data["tool"] == "arakit"
    assert data["content_sha256"] == content_hash(art)


def test_content_hash_changes_with_the_artifact_but_not_with_its_certificate(minimal) -> None:
    art = minimal()
    before = content_hash(art)
    write_certificate(seal(art, [1]))
    assert content_hash(art) == before
    (art / "src" / "execution" / "train.py").write_text("print('loss=0.10')\n")
    assert content_hash(art) != before


@pytest.mark.parametrize("text,levels", [("all", [1, 2, 3]), ("3", [3]), ("3,1", [1, 3])])
def test_levels_parse_from_the_command_line_forms(text: str, levels: list[int]) -> None:
    assert parse_levels(text) == levels


@pytest.mark.parametrize("text", ["0", "4", "two", ""])
def test_impossible_levels_are_a_usage_error(text: str) -> None:
    with pytest.raises(UsageError, match="expected 1, 2, 3, all"):
        parse_levels(text)


def test_level_2_missing_from_the_installation_is_not_available_and_not_passed(
    minimal, tmp_path: Path
) -> None:
    art = minimal()
    code = (
        "import sys, json\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'arakit.seal.level2':\n"
        "            raise ImportError('No module named arakit.seal.level2')\n"
        "sys.meta_path.insert(0, Block())\n"
        "from arakit.seal.certificate import seal\n"
        f"c = seal({str(art)!r}, [1, 2])\n"
        "print(c.model_dump_json())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    cert = json.loads(out.stdout)
    assert [lv["status"] for lv in cert["levels"]] == ["passed", "not_available"]
    assert "not available" in cert["levels"][1]["summary"]
    assert cert["passed"] is False


def test_ara_seal_writes_seal_json_and_exits_1_when_not_sealed(tiny) -> None:
    art = tiny()
    result = runner.invoke(app, ["seal", str(art), "--level", "1"])
    assert result.exit_code == 1
    assert "Level 1 (structural): failed" in result.output
    assert "not sealed" in result.output
    assert json.loads((art / "seal.json").read_text())["passed"] is False


def test_ara_seal_json_prints_the_certificate(minimal, tmp_path: Path) -> None:
    out = tmp_path / "cert.json"
    result = runner.invoke(app, ["seal", str(minimal()), "-l", "1", "--json", "-o", str(out)])
    assert result.exit_code == 0
    assert json.loads(result.output) == json.loads(out.read_text())


def test_ara_seal_with_a_bad_level_is_a_clean_usage_error(minimal) -> None:
    exe = Path(sys.executable).parent / "ara"
    r = subprocess.run(
        [str(exe), "seal", str(minimal()), "--level", "7"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 2
    assert r.stderr.startswith("error: --level '7'")
    assert "Traceback" not in r.stderr


@needs_bwrap
def test_the_polyfit_example_seals_at_every_level(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    out = tmp_path / "seal.json"
    result = runner.invoke(app, ["seal", str(EXAMPLES / "polyfit-ridge"), "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text())
    assert [lv["status"] for lv in data["levels"]] == ["passed", "passed", "passed"]
    assert data["levels"][2]["details"]["counts"]["reproduced"] == 12
    assert not (EXAMPLES / "polyfit-ridge" / "seal.json").exists()


@needs_bwrap
def test_seal_json_says_what_a_level_3_run_could_see_and_how_its_bounds_held(tiny) -> None:
    """Without root there is no tmpfs for the box and the runtime: the disk bound falls to a
    watchdog and the run sees host folders in /proc/self/mountinfo; seal.json says both."""
    details = seal(tiny(), [3]).levels[0].details
    assert details["isolation"] == "strong"
    assert set(details["bounds"]) == {"wall_clock", "memory", "processes", "disk", "cpu"}
    if os.geteuid() == 0:
        assert "tmpfs" in details["bounds"]["disk"]
        assert "mountinfo" not in details["isolation_note"]
    else:
        assert "watchdog" in details["bounds"]["disk"]
        assert "not run as root" in details["isolation_note"]
        assert "mountinfo inside the run still names" in details["isolation_note"]
