"""The live commands as a researcher calls them: help, artifact discovery, clean errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from arakit.errors import UsageError
from arakit.live.locate import find_artifact
from tests.live.helpers import ara, events, git_repo

COMMANDS = (
    ["run"],
    ["note"],
    ["ingest"],
    ["status"],
    ["journal"],
    ["journal", "verify"],
    ["journal", "recover"],
    ["hooks"],
    ["hooks", "install"],
    ["hooks", "uninstall"],
)


@pytest.mark.parametrize("cmd", COMMANDS, ids=" ".join)
def test_every_live_command_has_help(cmd: list[str], tmp_path: Path) -> None:
    r = ara([*cmd, "--help"], tmp_path)
    assert r.returncode == 0 and b"Usage" in r.stdout


def test_the_artifact_is_found_upward_from_the_working_directory(tmp_path: Path) -> None:
    (tmp_path / "study" / "PAPER.md").parent.mkdir()
    (tmp_path / "study" / "PAPER.md").write_text("---\ntitle: t\n---\n")
    deep = tmp_path / "study" / "src" / "exp"
    deep.mkdir(parents=True)
    assert find_artifact(start=deep) == (tmp_path / "study").resolve()


def test_ara_artifact_wins_over_the_search(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a" / "trace").mkdir(parents=True)
    (tmp_path / "b" / "trace").mkdir(parents=True)
    monkeypatch.setenv("ARA_ARTIFACT", str(tmp_path / "b"))
    assert find_artifact(start=tmp_path / "a") == tmp_path / "b"
    assert find_artifact(tmp_path / "a") == tmp_path / "a"


def test_no_artifact_anywhere_is_a_usage_error_with_a_hint(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as err:
        find_artifact(start=tmp_path)
    assert "--artifact" in (err.value.hint or "")


def test_the_one_artifact_in_a_sub_folder_is_found_from_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "ara").mkdir()
    (tmp_path / "ara" / "PAPER.md").write_text("---\ntitle: t\n---\n")
    (tmp_path / ".git" / "x").mkdir(parents=True)
    (tmp_path / ".git" / "x" / "PAPER.md").write_text("not an artifact\n")
    assert find_artifact(start=tmp_path) == (tmp_path / "ara").resolve()


def test_several_artifacts_below_must_be_chosen_between(tmp_path: Path) -> None:
    for name in ("one", "two/deep"):
        (tmp_path / name).mkdir(parents=True)
        (tmp_path / name / "PAPER.md").write_text("---\ntitle: t\n---\n")
    with pytest.raises(UsageError) as err:
        find_artifact(start=tmp_path)
    assert "one" in err.value.message and "two/deep" in err.value.message
    assert "--artifact" in (err.value.hint or "")


def test_note_prints_what_it_became(tmp_path: Path) -> None:
    (tmp_path / "trace").mkdir()
    r = ara(["note", "-a", str(tmp_path), "Why does the loss plateau at epoch 3?"], tmp_path)
    assert r.returncode == 0 and r.stdout == b"noted (event 1): N01\n"
    r = ara(["note", "-a", str(tmp_path), "--json", "--type", "heuristic", "Clip at 1.0"], tmp_path)
    out = json.loads(r.stdout)
    assert out["observations"] == ["O1"] and out["event"]["provenance"] == "user"


def test_a_bad_note_type_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "trace").mkdir()
    r = ara(["note", "-a", str(tmp_path), "--type", "rumour", "x"], tmp_path)
    assert r.returncode == 2 and b"is not a note type" in r.stderr and b"Traceback" not in r.stderr


def test_a_bad_bind_never_stops_the_command_and_is_left_out_of_the_record(tmp_path) -> None:
    (tmp_path / "trace").mkdir()
    cmd = ["sh", "-c", "touch ran; exit 4"]
    r = ara(["run", "-a", str(tmp_path), "--bind", "X9", "--bind", "O2", "--", *cmd], tmp_path)
    assert r.returncode == 4 and (tmp_path / "ran").exists()
    assert r.stderr == b"ara run: --bind 'X9' is not an ID of kind O/C, left out of the record\n"
    payload = events(tmp_path)[-1]["payload"]
    assert payload["exit_code"] == 4 and payload["bind"] == ["O2"]


def test_journal_verify_names_the_first_broken_line_and_exits_1(tmp_path: Path) -> None:
    (tmp_path / "trace").mkdir()
    for text in ("one", "two", "three"):
        ara(["note", "-a", str(tmp_path), "--type", "question", text], tmp_path)
    ok = ara(["journal", "verify", "-a", str(tmp_path)], tmp_path)
    assert ok.returncode == 0 and b"3 events, chain intact" in ok.stdout
    path = tmp_path / "trace/events.jsonl"
    lines = path.read_text().splitlines()
    path.write_text("\n".join([lines[0], lines[1].replace("two", "2"), lines[2]]) + "\n")
    bad = ara(["journal", "verify", "-a", str(tmp_path)], tmp_path)
    assert bad.returncode == 1 and b"trace/events.jsonl:2: hash does not match" in bad.stderr


def test_hooks_install_and_uninstall_from_the_command_line(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    r = ara(["hooks", "install", "-a", str(art)], repo)
    assert r.returncode == 0 and b"post-commit, post-merge, post-checkout, post-rewrite" in r.stdout
    assert (repo / ".git/hooks/post-checkout").exists()
    r = ara(["hooks", "uninstall"], repo)
    assert r.returncode == 0 and not (repo / ".git/hooks/post-checkout").exists()


def test_hooks_outside_git_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "trace").mkdir()
    r = ara(["hooks", "install", "-a", str(tmp_path)], tmp_path)
    assert r.returncode == 2 and b"not inside a git repository" in r.stderr
