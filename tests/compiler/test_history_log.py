"""The whole version history in evidence/logs/git_history.md: every commit on every ref, with
renames, the ref that holds it and the lines of small commits, on repositories the tests
build (tests/compiler/gitrepo.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from arakit import read_artifact
from arakit.codec.evidence import write_evidence_file
from arakit.compiler import CompileReport
from arakit.compiler.ground import params_of
from arakit.compiler.history_log import PATH, history_log
from arakit.compiler.repo.diffs import MAX_CHANGED
from arakit.compiler.repo.history import read_history
from arakit.query.index import Index
from arakit.query.search import search
from arakit.seal.level1 import validate
from tests.compiler.gitrepo import PlantedRepo, git_repo

SIM = "EMERGENCY_POS = {pos}\nEMERGENCY_ANGLE = 30\n"


def _log(path: Path) -> dict[str, list[str]]:
    h = read_history(path, params_of, [])
    assert h is not None
    table = history_log(h, path.name).tables[0]
    return {row[0]: row for row in table.rows}


def test_every_commit_on_every_ref_is_a_row_newest_first_with_the_ref_that_holds_it(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"fit.py": "lr = 1\n"}, "msg": "Fit script", "day": 1},
            {
                "on": "try-adam",
                "key": "b",
                "files": {"opt.py": "adam\n"},
                "msg": "Try Adam",
                "day": 2,
            },
            {
                "on": "main",
                "key": "c",
                "files": {"fit.py": "lr = 2\n"},
                "msg": "Raise lr",
                "day": 3,
            },
        ],
    )
    h = read_history(tmp_path, params_of, [])
    assert h is not None
    ev = history_log(h, "demo")
    rows = ev.tables[0].rows
    assert [r[0] for r in rows] == [repo.shas[k][:7] for k in ("c", "b", "a")]
    by_sha = {r[0]: r for r in rows}
    assert by_sha[repo.shas["a"][:7]][2] == "main"
    assert by_sha[repo.shas["b"][:7]][2].startswith("try-adam")
    assert by_sha[repo.shas["b"][:7]][3] == "Try Adam"
    assert ev.path == PATH and "3 commits" in (ev.source or "")


def test_a_rename_names_the_old_and_the_new_path(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"BO_IDW_main.py": "x = 1\n" * 20}, "msg": "Main script"},
            {"key": "b", "move": {"BO_IDW_main.py": "GLIS_BO_main.py"}, "msg": "Rename to GLIS"},
        ],
    )
    row = _log(tmp_path)[repo.shas["b"][:7]]
    assert row[4] == "R BO_IDW_main.py → GLIS_BO_main.py"


def test_a_small_commit_keeps_the_lines_it_changed_and_a_large_one_only_its_files(
    tmp_path: Path,
) -> None:
    big = "".join(f"w{k} = {k}\n" for k in range(MAX_CHANGED + 5))
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"sim.py": SIM.format(pos="2.0")}, "msg": "Simulator"},
            {"key": "b", "files": {"sim.py": SIM.format(pos="1.1")}, "msg": "Fix constants"},
            {"key": "c", "files": {"weights.py": big}, "msg": "Weights"},
        ],
    )
    log = _log(tmp_path)
    assert log[repo.shas["b"][:7]][5] == "sim.py: -EMERGENCY_POS = 2.0 / +EMERGENCY_POS = 1.1"
    assert log[repo.shas["c"][:7]][5] == "" and log[repo.shas["c"][:7]][4] == "A weights.py"


def test_a_changed_line_written_in_latin1_is_shown_with_its_letters(tmp_path: Path) -> None:
    old = "% dados de geof\u00edsica\nmu = 1\n".encode("latin-1")
    new = "% dados de geof\u00edsica\nmu = 2\n".encode("latin-1")
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"sim.m": old}, "msg": "Modelo"},
            {
                "key": "b",
                "files": {"sim.m": new, "notas.txt": "Refer\u00eancia\n".encode("latin-1")},
                "msg": "Ajuste",
            },
        ],
    )
    changed = _log(tmp_path)[repo.shas["b"][:7]][5]
    assert "+Refer\u00eancia" in changed and "\ufffd" not in changed


def test_the_compiled_log_is_found_by_search_and_passes_level_1(
    compiled: tuple[Path, CompileReport], repo: PlantedRepo, tmp_path: Path
) -> None:
    from arakit.query.index import Index
    from arakit.query.search import search

    out, report = compiled
    assert report.level1_errors == 0 and validate(out).passed
    art = read_artifact(out, strict=True)
    [log] = [f for f in art.evidence.files if f.path == PATH]
    assert len(log.tables[0].rows) == len(repo.shas)
    with Index(tmp_path / "i.sqlite") as idx:
        idx.refresh([out])
        hit = search(idx, "when was the learning rate raised to 0.1?").hits[0]
    assert hit.file == PATH and repo.shas["lr"][:7] in hit.text


def test_the_commit_head_points_at_is_marked_as_git_log_decorates_it(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"fit.py": "lr = 1\n"}, "msg": "Fit script", "day": 1},
            {"key": "b", "files": {"fit.py": "lr = 2\n"}, "msg": "Raise lr", "day": 2},
        ],
    )
    rows = _log(tmp_path)
    assert rows[repo.shas["b"][:7]][2] == "main (HEAD)"
    assert rows[repo.shas["a"][:7]][2] == "main"


def test_a_question_about_the_last_commit_finds_the_head_row(
    tmp_path: Path, minimal: Callable[..., Path]
) -> None:
    git_repo(
        tmp_path / "repo",
        [
            {"key": str(d), "files": {"fit.py": f"lr = {d}\n"}, "msg": msg, "day": d}
            for d, msg in enumerate(
                ("Change the fit", "Change the fit again", "Change the fit once more", "Tidy"),
                start=1,
            )
        ],
    )
    h = read_history(tmp_path / "repo", params_of, [])
    assert h is not None
    art = minimal({PATH: write_evidence_file(history_log(h, "repo"))})
    with Index(tmp_path / "i.sqlite") as idx:
        idx.refresh([art])
        hits = search(idx, "What did the last commit change?", max_tokens=400).hits
    rows = [h for h in hits if h.kind == "table_row"]  # the file's own caption aside
    assert "Subject = Tidy" in rows[0].text
