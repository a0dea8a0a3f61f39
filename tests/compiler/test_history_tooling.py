"""What serves a project is no dead end when it goes: release and job scripts, plotting and
helper modules, a generic `train.py` in a folder that names nothing, and a commit titled
"Minor update" set back; while an approach deleted beside them, a generic script in a
folder that names an approach, and experiment settings retired to an archive folder are."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.repo.moved import serves_the_project
from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import history_of as _read
from tests.compiler.histories import script


def test_names_that_serve_the_project_are_told_from_names_of_approaches() -> None:
    for path in ("build_release.py", "hpc/jobs.sh", "scripts/loss-plots/div-loss.jl",
                 "models/SVDresnet/utilities.py", "train.py", "model/model.py",
                 "paper/v3/manuscript/replace.py"):  # fmt: skip
        assert serves_the_project(path), path
    for path in ("src/dalle/dall_e.py", "scripts/rational/run.jl", "examples/robot/main.py",
                 "src/learner.py", "exoabc/abcmodel.py"):  # fmt: skip
        assert not serves_the_project(path), path


def test_a_release_script_deleted_is_no_dead_end_while_an_approach_deleted_is(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"README.md": "x\n", "build_release.py": script("release"),
                       "src/dalle/dall_e.py": script("dalle"), "train.py": script("train"),
                       "src/core.py": script("core")}, "msg": "init"},
            {"files": {"build_release.py": None}, "msg": "Release Changes", "day": 10},
            {"files": {"train.py": None}, "msg": "minor update", "day": 11},
            {"key": "drop", "files": {"src/dalle/dall_e.py": None}, "msg": "remove dalle",
             "day": 12},
        ],
    )  # fmt: skip
    dead = [f for f in _read(tmp_path).findings if f.kind in ("dead_end", "pivot")]
    assert [(f.pattern, f.files, f.commits[-1]) for f in dead] == [
        ("deleted", ["src/dalle/dall_e.py"], repo.shas["drop"])
    ]


def test_a_commit_titled_minor_update_set_back_is_no_dead_end_but_a_named_one_is(
    tmp_path: Path,
) -> None:
    base = script("loss")
    repo = git_repo(
        tmp_path,
        [
            {"files": {"loss.py": base, "model.py": script("model")}, "msg": "init"},
            {"files": {"loss.py": base + "\n\ndef focal(x):\n    return gamma_focal(x, 2.0)\n"},
             "msg": "Minor update", "day": 3},
            {"files": {"loss.py": base}, "msg": "Minor update", "day": 4},
            {"key": "try", "files": {"model.py": script("model") +
                                     "\n\ndef attention(x):\n    return softmax_attend(x)\n"},
             "msg": "use attention pooling", "day": 6},
            {"key": "back", "files": {"model.py": script("model")}, "msg": "Minor update",
             "day": 8},
        ],
    )  # fmt: skip
    dead = [f for f in _read(tmp_path).findings if f.pattern in ("undo", "revert")]
    assert [(f.title, f.commits) for f in dead] == [
        ("Undone: use attention pooling", [repo.shas["try"], repo.shas["back"]])
    ]


def test_experiment_settings_moved_into_an_archive_folder_are_retired(tmp_path: Path) -> None:
    yaml = "model: small\nlearning_rate: 0.01\nepochs: 20\nbatch_size: 32\n"
    repo = git_repo(
        tmp_path,
        [
            {"files": {"run.py": script("run"), "experiments/small.yaml": yaml,
                       "experiments/heisenberg_small.yaml": yaml.replace("small", "heis"),
                       "experiments/large.yaml": yaml.replace("small", "large"),
                       "configs/base.yaml": yaml}, "msg": "experiments"},
            {"key": "sort", "move": {"experiments/small.yaml": "experiments/archive/small.yaml",
                                     "experiments/heisenberg_small.yaml":
                                         "experiments/archive/heisenberg_small.yaml",
                                     "configs/base.yaml": "settings/base.yaml"},
             "msg": "sorting for large experiments", "day": 5},
            {"move": {"experiments/archive/small.yaml": "experiments_archive/small.yaml",
                      "experiments/archive/heisenberg_small.yaml":
                          "experiments_archive/heisenberg_small.yaml"},
             "msg": "more checks", "day": 6},
        ],
    )  # fmt: skip
    [f] = [f for f in _read(tmp_path).findings if f.kind == "dead_end"]
    assert f.pattern == "retired" and f.title == "2 settings files retired to experiments/archive"
    assert f.commits[-1] == repo.shas["sort"]
