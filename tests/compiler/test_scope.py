"""Scoping on real git repositories the tests make: which commit and which folders are
the paper's code, what is set aside and why, and the --code-folder / --at overrides."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from arakit.compiler import reconcile_paths
from arakit.compiler.errors import InputError
from arakit.compiler.atoms import Where
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.scope import Scope, choose_folders, paper_commit
from arakit.compiler.settings.model import PaperSetting
from tests.compiler.gitrepo import git_repo
from tests.compiler.pdfgen import PaperFile

# The planted paper states, in §4.1: learning rate 0.1, batch size 256, momentum 0.9,
# weight decay 1e-4, 90 epochs, dropout 0.2.
TRAIN = (
    "import argparse\n\n"
    "if __name__ == '__main__':\n"
    "    p = argparse.ArgumentParser()\n"
    "    p.add_argument('--lr', type=float, default={lr})\n"
    "    p.add_argument('--batch-size', type=int, default={bs})\n"
    "    p.add_argument('--momentum', type=float, default=0.9)\n"
    "    p.add_argument('--weight-decay', type=float, default=1e-4)\n"
    "    p.add_argument('--epochs', type=int, default=90)\n"
)


def _train(lr: str = "0.1", bs: str = "256") -> str:
    return TRAIN.replace("{lr}", lr).replace("{bs}", bs)


def _verdicts(found):  # type: ignore[no-untyped-def]
    return {(v.key, v.verdict, v.code_where) for v in found if not v.negative}


def test_the_tree_at_the_commit_that_added_the_pdf_is_read_when_head_moved_on(
    paper: PaperFile, tmp_path: Path
) -> None:
    pdf = paper.path.read_bytes()
    repo = git_repo(
        tmp_path / "r",
        [
            {"files": {"exp/train.py": _train()}, "msg": "experiment", "key": "code"},
            {"files": {"paper/paper.pdf": pdf}, "msg": "camera-ready paper", "key": "paper"},
            {"files": {"exp/train.py": _train(lr="0.05")}, "msg": "new defaults after the paper"},
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.commit == repo.shas["paper"]
    assert scope.head_differs == ["exp/train.py"]
    assert any("the tree at" in r and "is read, not HEAD" in r for r in scope.reasons)
    assert ("learning_rate", "match", "exp/train.py:5") in _verdicts(found)


def test_a_pdf_on_an_orphan_build_branch_reads_the_tree_it_was_built_from(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {"files": {"train.py": _train(bs="128")}, "msg": "code", "key": "code", "day": 1},
            {
                "orphan": "paper-pdf",
                "files": {"ms.pdf": paper.path.read_bytes()},
                "msg": "making a paper",
                "day": 2,
            },
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.commit == repo.shas["code"]
    assert any("holds no code" in r for r in scope.reasons)
    assert ("batch_size", "mismatch", "train.py:6") in _verdicts(found)


def test_abandoned_test_website_and_another_papers_folders_are_set_aside(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "paper/rwn.pdf": paper.path.read_bytes(),
                    "paper/rwn.tex": "\\documentclass{article}",
                    "src/train.py": _train(),
                    "src/old/train_v0.py": _train(lr="0.5", bs="32"),
                    "tests/test_train.py": "LR = 0.3\n",
                    "docs/_config.yml": "title: site\nbatch_size: 8\n",
                    "followup/paper2.tex": "\\documentclass{article}",
                    "followup/train.py": _train(lr="0.01", bs="512"),
                },
                "msg": "all",
            }
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.folders == ["src"]
    aside = dict(scope.excluded)
    assert aside["src/old"] == "abandoned code" and aside["tests"] == "tests"
    assert aside["docs"].startswith("documentation") and aside["followup"].startswith(
        "another paper"
    )
    assert {v.verdict for v in found if v.key == "batch_size" and not v.negative} == {"match"}


def test_the_folder_whose_values_agree_with_the_paper_is_chosen_over_a_second_experiment(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "experiments/imagenet/train.py": _train(),
                    "experiments/cifar/train.py": _train(lr="0.05", bs="128"),
                },
                "msg": "two experiments",
            }
        ],
    )
    _, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.folders == ["experiments/imagenet"]
    assert "experiments/imagenet/train.py" in scope.reasons[-1]


def test_code_folder_and_at_override_the_choice_and_say_so(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {"a/train.py": _train(), "b/train.py": _train(bs="64")},
                "msg": "v1",
                "key": "v1",
            },
            {"files": {"b/train.py": _train(bs="32")}, "msg": "v2"},
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path), code_folder="b", at=repo.shas["v1"])
    assert scope is not None and scope.folders == ["b"] and scope.commit == repo.shas["v1"]
    assert scope.why == {"b": "given with --code-folder"}
    assert any("--code-folder" in r for r in scope.reasons) and any(
        "--at" in r for r in scope.reasons
    )
    assert ("batch_size", "mismatch", "b/train.py:6") in _verdicts(found)
    with pytest.raises(InputError, match="no such commit"):
        reconcile_paths(paper.path, str(repo.path), at="nope")
    with pytest.raises(InputError, match="no such folder"):
        reconcile_paths(paper.path, str(repo.path), code_folder="missing")


def test_a_pdf_whose_bytes_were_first_committed_by_a_merge_is_found_at_that_merge(
    tmp_path: Path,
) -> None:
    root = tmp_path / "r"
    root.mkdir()

    def run(*args: str, check: bool = True) -> str:
        env = {
            "GIT_AUTHOR_NAME": "a",
            "GIT_AUTHOR_EMAIL": "a@x",
            "GIT_COMMITTER_NAME": "a",
            "GIT_COMMITTER_EMAIL": "a@x",
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
        }
        out = subprocess.run(
            ["git", "-C", str(root), *args], check=check, capture_output=True, text=True, env=env
        )
        return out.stdout.strip()

    def commit(text: str, msg: str) -> None:
        (root / "paper.pdf").write_text(text)
        run("add", "-A")
        run("commit", "-qm", msg)

    run("init", "-q", "-b", "main")
    commit("draft", "draft")
    run("checkout", "-qb", "beau")
    commit("beau's typos", "typos")
    run("checkout", "-q", "main")
    commit("my figures", "figures")
    run("merge", "-q", "--no-commit", "beau", check=False)  # both changed it: a conflict
    (root / "paper.pdf").write_text("the merged paper")
    run("add", "paper.pdf")
    run("commit", "-qm", "merged Beau's and my changes")
    merge = run("rev-parse", "HEAD")
    pdf = tmp_path / "paper.pdf"
    pdf.write_text("the merged paper")
    assert paper_commit(root, pdf) == (merge, "paper.pdf", f"paper.pdf was added at {merge[:7]}")  # fmt: skip


def test_a_paper_not_in_the_history_reads_head_and_says_why(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(tmp_path / "r", [{"files": {"train.py": _train()}, "msg": "code"}])
    _, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.pdf_path == ""
    assert "not in the repository's history" in scope.reasons[0]


def test_most_of_a_folders_per_figure_subfolders_collapse_into_that_folder() -> None:
    from arakit.compiler.scope import _collapse

    code = [
        "paper/figures/sho.py",
        "paper/figures/simulated/correct.ipynb",
        "paper/figures/rotation/rotation.ipynb",
        "paper/figures/astero/astero.ipynb",
        "paper/figures/transit/transit.ipynb",
        "paper/figures/error/error.py",
        "src/lib.py",
    ]
    chosen = {"paper/figures/simulated", "paper/figures/rotation", "paper/figures/astero"}
    assert _collapse(chosen, code) == ["paper/figures"]
    # two of five are not most of them, and the repository root is never taken this way
    assert _collapse({"paper/figures/simulated", "paper/figures/rotation"}, code) == [
        "paper/figures/rotation",
        "paper/figures/simulated",
    ]
    assert _collapse({"a", "b", "c"}, ["a/x.py", "b/y.py", "c/z.py", "d/w.py", "e/v.py"]) == [
        "a",
        "b",
        "c",
    ]


def test_a_folder_named_like_an_ordinary_word_is_named_by_the_paper_only_as_a_path() -> None:
    files = ["main.py", "env.py", "results/regret_plotting.py", "paper/make.sh"]
    prose = "The results show lower regret. The paper is organised as follows."
    folders, _, why = choose_folders(files, [], [], prose, own={"paper"})
    assert folders == [""] and "largest code folder" in why
    folders, _, why = choose_folders(files, [], [], "Run results/regret_plotting.py.", {"paper"})
    assert folders == ["results"] and why == "the paper names results"
    files = ["torchid/model.py", "examples/run.py", "examples/plot.py"]
    folders, _, why = choose_folders(files, [], [], "We use the torchid package.", set())
    assert folders == ["torchid"]


def test_notebooks_count_toward_the_largest_code_folder() -> None:
    files = [f"tasks/t{k}/t{k}.ipynb" for k in range(4)] + ["media/video/scene.py"]
    folders, _, _ = choose_folders(files, [], [], "", set())
    assert folders == ["tasks"]


def test_a_thesis_chapters_input_from_its_main_file_are_its_own_sources() -> None:
    from arakit.compiler.scope import set_aside

    texts = {
        "tesis.tex": "\\documentclass{book}\n\\input{content/intro}\n\\include{appendix/a.tex}\n"
        "% \\input{drafts/old}\n",
        "content/intro.tex": "\\chapter{Intro}\\input{tables/res}",
        "tables/res.tex": "\\begin{tabular}\\end{tabular}",
        "tables/unused.tex": "\\begin{tabular}\\end{tabular}",
        "appendix/a.tex": "\\chapter{A}",
        "drafts/old.tex": "\\chapter{Old}",
        "second/paper2.tex": "\\title{Another study}",
    }
    files = [*texts, "tesis.pdf"]
    aside = dict(set_aside(files, {""}, texts.get, "tesis.pdf"))
    # chapters, appendices and tables the main file inputs (down the tree) are the thesis;
    # a commented-out input is not, nor a second paper's folder
    assert set(aside) == {"drafts", "second"}
    assert aside["second"] == "another paper's sources (paper2.tex)"


def test_a_latex_only_repository_is_read_at_the_commit_of_its_pdf(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {"files": {"tesis.tex": "\\documentclass{book}"}, "msg": "write", "key": "src"},
            {"files": {"tesis.pdf": paper.path.read_bytes()}, "msg": "updates pdf", "key": "pdf"},
        ],
    )
    _, scope = reconcile_paths(paper.path, str(repo.path))
    # no code at either commit: the PDF's commit is the paper's, not the one before it
    assert scope is not None and scope.commit == repo.shas["pdf"]


def test_a_root_program_that_drives_the_chosen_folders_makes_the_root_the_code() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "cegar.py": "import checker\n",
        "checker.py": "p.add_argument('--interpreter', default='interpreter')\n",
        "setup.py": "packages=['cbmc']\n",
        "interpreter/exec.c": "#define OPLEN 5\n",
        "cbmc/synth.c": "#define N 3\n",
        "specs/p1.c": "int f(int x) { return x; }\n",
    }
    folders, _, why = entry_points(["cbmc", "interpreter"], [], list(files), [], set(), files.get)
    assert folders == [""] and "checker.py drives interpreter/" in why
    # setup.py names a package: packaging, not a driver
    del files["checker.py"]
    folders, _, _ = entry_points(["cbmc", "interpreter"], [], list(files), [], set(), files.get)
    assert folders == ["cbmc", "interpreter"]


def test_a_replication_package_of_research_question_folders_is_read_whole() -> None:
    files = [
        "RQ1/code/trend.py",
        "RQ3/Llama2/train.py",
        "RQ3/CodeLlama/train.py",
        "CheckPoints/adapter_config.json",
        "paper.pdf",
    ]
    params = [CodeParam("learning_rate", "1e-4", f, 5, "dict") for f in files[1:3]] + [
        CodeParam("per_device_train_batch_size", "20", f, 6, "dict") for f in files[1:3]
    ]
    settings = [
        PaperSetting(
            "learning_rate", "learning rate", "1e-4", 1e-4, "", Where(9, "6", "lr"), group=1
        ),
        PaperSetting("batch_size", "batch size", "20", 20.0, "", Where(9, "6", "batch"), group=1),
    ]
    prose = "RQ1 asks how common it is. RQ3 asks whether we can classify. We utilize CodeLlama."
    folders, _, why = choose_folders(files, params, settings, prose, {""}, prefer={"codellama": 2})
    assert folders == [""] and "RQ1, RQ3" in why and "CodeLlama" in why
    # a paper that names only one of them: the experiment's folder, the paper's own method
    folders, _, _ = choose_folders(
        files, params, settings, "RQ3 asks.", {""}, prefer={"codellama": 2, "llama2": -3}
    )
    assert folders == ["RQ3/CodeLlama"]


def test_a_folder_the_paper_prints_as_a_path_is_not_set_aside_as_abandoned() -> None:
    files = ["R/pca.R", "bench/paper/archive/script.R", "bench/paper/run.R", "old/try.R"]
    text = (
        "The full script is at github.com/u/p/blob/main/bench/paper/archive/script.R. See old/new."
    )
    _, aside, _ = choose_folders(files, [], [], text, set())
    assert dict(aside) == {"old": "abandoned code"}
    _, aside, _ = choose_folders(files, [], [], text + " Run old/try.R.", set())
    assert aside == []


def test_a_root_package_and_its_benchmark_scripts_are_read_whole() -> None:
    from arakit.compiler.scope import _root_package

    files = ["DESCRIPTION", "R/pca.R", "bench/run.R", "paper/paper.pdf", "paper/fig.R"]
    assert "R/ is the package DESCRIPTION defines" in _root_package(
        ["R", "bench"], files, {"paper"}
    )
    # the paper's own folder beside the package is no second folder; nor is a package
    # that is not defined at the root
    assert _root_package(["R", "paper"], files, {"paper"}) == ""
    assert _root_package(["R", "bench"], files[1:], {"paper"}) == ""


_BASE_YAML = (
    "learning_rate: 0.1\nbatch_size: 256\nmomentum: 0.9\nweight_decay: 0.0001\nepochs: 90\n"
)


def test_a_project_of_scripts_configs_and_a_package_at_the_root_is_read_whole(
    paper: PaperFile, tmp_path: Path
) -> None:
    run = (
        "import argparse\nimport subprocess\n\nfrom rwn.train import train\n\n"
        "p = argparse.ArgumentParser()\np.add_argument('--config_dir', default='configs')\n"
        "subprocess.run(['accelerate', 'launch', '-m', 'rwn.train'])\n"
    )
    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "configs/base.yaml": _BASE_YAML,
                    "configs/smoke.yaml": "epochs: 1\n",
                    "scripts/run_study.py": run,
                    "src/rwn/__init__.py": "",
                    "src/rwn/train.py": "def train(cfg):\n    return cfg\n",
                    "pyproject.toml": "[project]\nname = 'rwn'\n",
                    "paper/rwn.pdf": paper.path.read_bytes(),
                },
                "msg": "study",
            }
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.folders == [""]
    assert "scripts/run_study.py drives configs/" in scope.reasons[-1]
    assert ("learning_rate", "match", "configs/base.yaml:1") in _verdicts(found)


def test_a_root_makefile_that_runs_the_pipeline_makes_the_root_the_code() -> None:
    from arakit.compiler.entrypoints import entry_points
    from arakit.compiler.repo.params import params_of

    files = {
        "Makefile": (
            'ZLOW="0"\nZHIGH="1.9"\nSOURCE = src/feline.c\n\nrun:\n'
            "\t@. venv/bin/activate && \\\n"
            "\tpython src/preprocessing/lsd_cc_spectral.py --FWHM=250 --classic\n"
            "\t./feline.bin $(ZLOW) $(ZHIGH)\n"
        ),
        "src/feline.c": "const float redshift_step = 0.0002;\n",
        "src/preprocessing/lsd_cc_spectral.py": "import argparse\n",
        "joss/paper.md": "# FELINE\n",
    }
    params = [p for f, t in files.items() for p in params_of(t, f)]
    folders, _, why = entry_points(
        ["src/preprocessing"], [], list(files), params, {"joss"}, files.get
    )
    assert folders == [""] and "Makefile runs src/preprocessing/lsd_cc_spectral.py" in why


def test_a_root_build_file_that_compiles_the_chosen_sources_makes_the_root_the_code() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "setup.py": "Extension('mie', sources=['src/mie.cpp'])\n",
        "src/mie.cpp": "#define NMAX 200\n",
        "tests/test_mie.py": "",
    }
    folders, _, why = entry_points(["src"], [], list(files), [], set(), files.get)
    assert folders == [""] and "setup.py builds src/mie.cpp" in why
    # a setup.py that packages Python code builds nothing: the package folder stays
    files = {"setup.py": "packages=['pkg']\n", "pkg/core.py": "N = 2\n", "pkg/ext.c": ""}
    folders, _, _ = entry_points(["pkg"], [], list(files), [], set(), files.get)
    assert folders == ["pkg"]


def test_a_sub_package_that_imports_its_parent_package_widens_to_the_parent() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "source/mlt/__init__.py": "",
        "source/mlt/feature_extractors.py": "class ResNet: ...\n",
        "source/mlt/games/__init__.py": "",
        "source/mlt/games/play.py": (
            "from mlt.feature_extractors import ResNet\nfrom mlt.games.models import Sender\n"
        ),
        "source/mlt/games/models.py": "",
        "thesis/main.tex": "",
    }
    folders, _, why = entry_points(["source/mlt/games"], [], list(files), [], set(), files.get)
    assert folders == ["source/mlt"] and "mlt.feature_extractors" in why
    # importing only its own modules keeps the sub-package
    files["source/mlt/games/play.py"] = "from mlt.games.models import Sender\n"
    folders, _, _ = entry_points(["source/mlt/games"], [], list(files), [], set(), files.get)
    assert folders == ["source/mlt/games"]


def test_a_numbered_sibling_part_the_paper_names_joins_the_chosen_part() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "task1/Balance the data.ipynb": "{}",
        "task2/trainer.py": "import torch\n",
        "task3/notes.py": "",
        "submissions/make.py": "",
    }
    text = "Subtask 1 is binary. For subtask 2 we train a multi-label model (Task 2)."
    folders, _, why = entry_points(["task2"], [], list(files), [], set(), files.get, None, text)
    assert folders == ["task1", "task2"] and "the paper names Subtask 1" in why
    # a paper that never names the sibling part keeps the one chosen
    folders, _, _ = entry_points(["task2"], [], list(files), [], set(), files.get, None, "Task 2.")
    assert folders == ["task2"]


def test_tables_the_papers_main_file_inputs_are_its_own_when_the_pdf_is_built_into_a_folder() -> (
    None
):
    from arakit.compiler.scope import set_aside

    files = {
        "paper/build/main.pdf": "",
        "paper/main.tex": "\\input{generated/rank_table.tex}\n\\input{generated/results}\n",
        "paper/generated/rank_table.tex": "\\begin{tabular}{ll}\\end{tabular}\n",
        "paper/generated/results.tex": "",
        "followup/draft.tex": "\\title{Another study}\n",
        "src/train.py": "LR = 0.1\n",
    }
    aside = dict(set_aside(list(files), {"paper/build"}, files.get, "paper/build/main.pdf"))
    assert "paper/generated" not in aside
    assert aside["followup"].startswith("another paper's sources")


def test_a_squash_merged_pdf_is_read_at_its_commit_on_the_default_branch(
    paper: PaperFile, tmp_path: Path
) -> None:
    """A squash-merged pull request leaves the PDF's change twice, with identical trees:
    the PR branch's commit (kept under refs/pull/) and the squash commit on main."""
    pdf = paper.path.read_bytes()
    repo = git_repo(
        tmp_path / "r",
        [
            {"files": {"exp/train.py": _train()}, "msg": "experiment", "day": 1},
            {
                "on": "camera-ready",
                "files": {"paper/paper.pdf": pdf},
                "msg": "Update paper",
                "key": "pr",
                "day": 2,
                "ref": "refs/pull/19/head",
            },
            {
                "on": "main",
                "files": {"paper/paper.pdf": pdf},
                "msg": "Update paper (#19)",
                "key": "squash",
                "day": 3,
            },
        ],
    )
    commit, path, _ = paper_commit(repo.path, paper.path)
    assert (commit, path) == (repo.shas["squash"], "paper/paper.pdf")
    # a PDF only on an unmerged branch is still found there
    other = git_repo(
        tmp_path / "o",
        [
            {"files": {"exp/train.py": _train()}, "msg": "experiment", "day": 1},
            {
                "on": "draft",
                "files": {"paper/paper.pdf": pdf},
                "msg": "draft",
                "key": "d",
                "day": 2,
            },
            {"on": "main", "files": {"exp/train.py": _train(lr="0.2")}, "msg": "tune", "day": 3},
        ],
    )
    assert paper_commit(other.path, paper.path)[0] == other.shas["d"]


def _stock_tree() -> dict[str, str]:
    """A framework's config tree copied into the project (mmdetection-shaped): one schedule
    the project's training loads through `_base_`, and a stock 3x schedule whose values
    happen to be the paper's, which 24 other stock detector configs build on."""
    files = {
        "source/configs/_base_/schedule_1x.py": "lr = 0.02\nmax_epochs = 12\n",
        "source/configs/frcnn/frcnn_1x.py": "_base_ = ['../_base_/schedule_1x.py']\nnum_classes = 80\n",
        "source/configs/common/sched_3x.py": (
            "optimizer = dict(type='SGD', lr=0.1, momentum=0.9, weight_decay=0.0001)\n"
            "batch_size = 256\ndropout = 0.2\ntotal_epochs = 90\n"
        ),
    }
    for i in range(24):
        files[f"source/configs/det{i}/det{i}_3x.py"] = (
            f"_base_ = '../common/sched_3x.py'\nnum_classes = {i + 2}\n"
        )
    return files


TRAIN_MMDET = (
    "import argparse\nfrom mmcv import Config\n\n"
    "if __name__ == '__main__':\n"
    "    p = argparse.ArgumentParser()\n"
    "    p.add_argument('--epochs', type=int, default=90)\n"
    "    p.add_argument('--weight-decay', type=float, default=1e-4)\n"
    "    cfg = Config.fromfile({path})\n"
)


def test_configs_of_a_copied_config_tree_that_no_run_loads_are_set_aside(
    paper: PaperFile, tmp_path: Path
) -> None:
    files: dict[str, str | bytes] = {**_stock_tree()}
    files["source/train.py"] = TRAIN_MMDET.replace("{path}", "'configs/frcnn/frcnn_1x.py'")
    files["source/pretraining/pretrain.py"] = _train()
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "detector and pretraining"}])
    _, scope = reconcile_paths(paper.path, str(repo.path))
    # the stock 3x schedule agrees with five of the paper's values, by chance
    assert scope is not None and scope.folders == ["source/pretraining"]
    aside = dict(scope.excluded)
    assert aside["source/configs/common"] == "configs no run of the project loads (source/configs/)"
    assert "source/configs/frcnn" not in aside and "source/configs/_base_" not in aside
    # a path built at run time (`'configs/' + name`): what is loaded cannot be told
    files["source/train.py"] = TRAIN_MMDET.replace("{path}", "'configs/' + args.config")
    repo = git_repo(tmp_path / "r2", [{"files": files, "msg": "detector and pretraining"}])
    _, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None
    assert not any("loads" in why for _, why in scope.excluded)


def test_hydra_configs_are_loaded_through_the_primary_config_and_its_defaults() -> None:
    from arakit.compiler.scope.loaded import unloaded

    files = {
        "app/src/eval.py": "@hydra.main(config_path='../configs', config_name='eval')\n",
        "app/configs/eval.yaml": "defaults:\n  - data: imagenet\n  - metric: [top1, bpp]\n",
        "jobs/run.sh": "python eval.py model=resnet50\n",
    }
    groups = {"data": ["imagenet", "cifar10"], "metric": ["top1", "bpp", "top5"],
              "model": ["resnet50", "vit"], "handler": ["ckpt"]}  # fmt: skip
    for g, names in groups.items():
        for n in names:
            files[f"app/configs/{g}/{n}.yaml"] = "x: 1\n"
    for i in range(12):
        files[f"app/configs/extra/e{i}.yaml"] = "y: 2\n"
    stock = unloaded(list(files), files.get)
    assert set(stock) == {
        "app/configs/data/cifar10.yaml",
        "app/configs/metric/top5.yaml",
        "app/configs/model/vit.yaml",
        "app/configs/handler/ckpt.yaml",
        *(f"app/configs/extra/e{i}.yaml" for i in range(12)),
    }
    # a project's handful of configs are its own, whatever names them
    small = {k: v for k, v in files.items() if "/extra/" not in k}
    assert unloaded(list(small), small.get) == {}


def test_a_packaged_sub_project_the_authors_edited_is_theirs_a_copied_library_is_not(
    tmp_path: Path,
) -> None:
    from arakit.compiler.scope import edited_after_added, set_aside

    repo = git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "experiments/hydra-app/pyproject.toml": "[project]\nname = 'app'\n",
                    "experiments/hydra-app/src/train.py": "print(1)\n",
                    "libs/fastlib/setup.py": "setup(name='fastlib')\n",
                    "libs/fastlib/fastlib/core.py": "def f(): ...\n",
                    "main.py": "import fastlib\n",
                },
                "msg": "add a training template and a copy of fastlib",
                "key": "add",
            },
            {
                "files": {"experiments/hydra-app/src/train.py": "print(2)\n"},
                "msg": "template handles imagenet",
                "key": "edit",
            },
        ],
    )
    files = [
        "experiments/hydra-app/pyproject.toml",
        "experiments/hydra-app/src/train.py",
        "libs/fastlib/setup.py",
        "libs/fastlib/fastlib/core.py",
        "main.py",
    ]
    aside = dict(set_aside(files, set(), edited=edited_after_added(repo.path, repo.shas["edit"])))
    assert "experiments/hydra-app" not in aside
    assert "separately packaged" in aside["libs/fastlib"]
    # at the commit that added both, neither has been edited yet
    aside = dict(set_aside(files, set(), edited=edited_after_added(repo.path, repo.shas["add"])))
    assert "experiments/hydra-app" in aside


def test_a_sub_folder_importing_its_parent_folders_module_by_path_widens_to_the_parent() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "code/__init__.py": "",
        "code/experiments/__init__.py": "",
        "code/experiments/utils.py": "def fid(): ...\n",
        "code/experiments/vae/__init__.py": "",
        "code/experiments/vae/vae_cifar10.py": (
            "from code.experiments.utils import fid\n\nif __name__ == '__main__':\n    fid()\n"
        ),
        "code/experiments/dmm/__init__.py": "",
        "code/experiments/dmm/dmm_cifar10.py": "from ..utils import fid\n",
        "code/plotting/loss.py": "import matplotlib\n",
    }
    folders, _, why = entry_points(["code/experiments/vae"], [], list(files), [], set(), files.get)
    assert folders == ["code/experiments"] and "code.experiments.utils" in why
    folders, _, why = entry_points(["code/experiments/dmm"], [], list(files), [], set(), files.get)
    assert folders == ["code/experiments"] and "..utils" in why
    # importing a module of another top-level folder is no reason to widen
    files["code/experiments/vae/vae_cifar10.py"] = "from code.plotting import loss\n"
    folders, _, _ = entry_points(["code/experiments/vae"], [], list(files), [], set(), files.get)
    assert folders == ["code/experiments/vae"]


def test_an_r_packages_compiled_code_joins_its_r_folder() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "DESCRIPTION": "Package: spatialGEV\nLinkingTo: TMB\n",
        "NAMESPACE": "export(fit)\nuseDynLib(spatialGEV, .registration=TRUE)\n",
        "R/fit.R": "fit <- function(kernel = c('spde', 'exp')) TMB::MakeADFun(DLL = 'spatialGEV')\n",
        "src/TMB/model.hpp": "template<class Type> Type model(objective_function<Type>* obj);\n",
        "src/old/model_v1.hpp": "",
        # a generator that writes into src/ does not drive the package
        "inst/include/make_templates.R": "writeLines(code, 'src/TMB/model.hpp')\n",
        "data-raw/sim.R": "x <- seq(0, 10, length.out = 20)\n",
    }
    folders, _, why = entry_points(["R"], [("src/old", "abandoned code")], list(files), [],
                                   set(), files.get)  # fmt: skip
    assert folders == ["R", "src"] and "NAMESPACE loads the package's compiled code" in why
    # no compiled code loaded: the R folder alone
    files["NAMESPACE"] = "export(fit)\n"
    folders, _, _ = entry_points(["R"], [], list(files), [], set(), files.get)
    assert folders == ["R"]


def test_a_root_program_that_writes_a_file_into_a_chosen_folder_does_not_drive_it() -> None:
    from arakit.compiler.entrypoints import entry_points

    files = {
        "experiments/run.py": "import torch\n",
        "experiments/models/net.py": "class Net: ...\n",
        "hpc/plotter.py": "plt.savefig('experiments/comparison.pdf')\n",
    }
    folders, _, _ = entry_points(["experiments/models"], [], list(files), [], set(), files.get)
    assert folders == ["experiments/models"]
    files["hpc/plotter.py"] = "subprocess.run(['python', 'experiments/run.py'])\n"
    folders, _, why = entry_points(["experiments/models"], [], list(files), [], set(), files.get)
    assert folders == [""] and "drives experiments/" in why


def test_a_library_module_that_pops_a_config_keyword_does_not_drive_the_config_folder() -> None:
    """A bundled library's `kwargs.pop("config", None)` names no folder it runs: the
    project's own launcher, not a vendored module, makes the root the code."""
    from arakit.compiler.entrypoints import entry_points

    files = {
        "config/sib.yaml": "attach_r: 100\n",
        "parser/model.py": "class Parser: ...\n",
        "fastNLP/modules/encoder/gpt2.py": (
            "class GPT2:\n    def __init__(self, **kwargs):\n"
            "        config = kwargs.pop('config', None)\n"
        ),
    }
    folders, _, why = entry_points(["config", "parser"], [], list(files), [], set(), files.get)
    assert "gpt2.py" not in why
    files["run.py"] = "import sys\nmain(sys.argv, 'config/sib.yaml')\n"
    folders, _, why = entry_points(["config", "parser"], [], list(files), [], set(), files.get)
    assert folders == [""] and "run.py drives config/" in why


def test_hostile_text_beside_a_config_tree_is_read_in_one_pass() -> None:
    """Runs of path-like and option-like text (`a/a/a/...`, `a-a-a-...`, `x=[a,a,...`)
    once took quadratic time; they name no config, so every config of the tree counts."""
    from arakit.compiler.scope.loaded import unloaded

    files = {f"configs/m{i}.py": "x = 1\n" for i in range(25)}
    files["README.md"] = "a/" * 100_000 + "a-" * 100_000 + "x=[" + "a," * 50_000
    files["run.sh"] = "configs/" * 30_000 + " a=" * 60_000
    assert unloaded(list(files), files.get) == {}
    files["train.py"] = "cfg = Config.fromfile('configs/m3.py')\n"
    assert len(unloaded(list(files), files.get)) == 24


def test_a_scope_of_several_folders_says_which_folder_holds_a_file_and_why_each_is_in() -> None:
    scope = Scope(
        root=Path("."),
        tree=Path("."),
        folders=["scripts/fracode", "scripts/simple", "src"],
        why={"scripts/simple": "§4.2's values are set in scripts/simple/run.jl"},
        files=["run_all.sh"],
        excluded=[("src/old", "abandoned code")],
    )
    assert scope.folder_of("scripts/simple/run.jl") == "scripts/simple"
    assert scope.folder_of("scripts/fracode/a/b.jl") == "scripts/fracode"
    assert scope.folder_of("src/old/x.jl") is None  # set aside
    assert scope.folder_of("scripts/id-loss.jl") is None  # outside every folder
    assert scope.folder_of("run_all.sh") is None  # a launch file joins no experiment
    assert scope.to_json()["why"] == {"scripts/simple": scope.why["scripts/simple"]}
    root = Scope(root=Path("."), tree=Path("."), folders=["", "sub"])
    assert root.folder_of("sub/x.py") == "sub" and root.folder_of("x.py") == ""


def test_a_script_beside_the_paper_never_makes_the_papers_folder_the_code_folder() -> None:
    # a Go module the scoper does not read as programs, and a numpy check beside the paper
    files = ["go.mod", "main.go", "automata/hkc.go", "lin/nullspace.go", "paper/paper.tex",
             "paper/nullspace.py", "paper/paper.pdf"]  # fmt: skip
    folders, _, why = choose_folders(files, [], [], "", {"paper"})
    assert folders == [""] and why.startswith("no code folder stands out: the whole repository")
    assert "(the only programs read are beside the paper: paper/nullspace.py)" in why
    # a sub-folder of the paper's folder holding its figure scripts is code like any other
    files += ["paper/figures/toy.py", "paper/figures/fig2.py"]
    assert choose_folders(files, [], [], "", {"paper"})[0] == ["paper/figures"]


def _two_paragraphs() -> list[PaperSetting]:
    def st(key: str, value: float, group: int) -> PaperSetting:
        w = Where(4, "4.1", f"We use a {key} of {value:g}.")
        return PaperSetting(key, key.replace("_", " "), f"{value:g}", value, "", w, group=group)

    return [
        st("learning_rate", 0.1, 1),
        st("batch_size", 256, 1),
        st("momentum", 0.9, 2),
        st("epochs", 90, 2),
    ]


@pytest.mark.parametrize(
    ("older", "current"), [("v1", "src"), ("v1", "v2"), ("version_2", "version_3")]
)
def test_a_folder_named_for_an_earlier_version_is_set_aside_beside_the_current_code(
    older: str, current: str
) -> None:
    from arakit.compiler.repo.params import params_of

    # the first implementation kept in v1/ beside the rewrite, each stating some of the
    # paper's values (one paragraph's in each)
    code = {
        f"{older}/train.py": "learning_rate = 0.1\nbatch_size = 256\nprint(learning_rate, batch_size)\n",
        f"{current}/train.py": "momentum = 0.9\nepochs = 90\nprint(momentum, epochs)\n",
    }
    params = [p for f, t in code.items() for p in params_of(t, f)]
    folders, aside, _ = choose_folders(list(code), params, _two_paragraphs(), "", set())
    assert folders == [current]
    assert (older, f"an earlier version of the code, beside {current}/") in aside


def test_a_version_folder_beside_no_other_code_is_the_code() -> None:
    from arakit.compiler.repo.params import params_of

    code = {
        "v1/train.py": "learning_rate = 0.1\nbatch_size = 256\nprint(learning_rate, batch_size)\n",
        "v1/tune.py": "momentum = 0.9\nepochs = 90\nprint(momentum, epochs)\n",
    }
    params = [p for f, t in code.items() for p in params_of(t, f)]
    folders, aside, _ = choose_folders(list(code), params, _two_paragraphs(), "", set())
    assert folders == ["v1"] and not aside


def test_links_out_of_the_tree_at_the_papers_commit_are_left_out_and_named(
    paper: PaperFile, tmp_path: Path
) -> None:
    # a Nix build leaves `result -> /nix/store/...` committed; a link may also climb out
    repo = git_repo(
        tmp_path / "r",
        [{"files": {"exp/train.py": _train()}, "msg": "experiment"}],
    )
    os.symlink("/nix/store/abc-analysis", repo.path / "result")
    os.symlink("../../../etc/passwd", repo.path / "exp" / "up")
    os.symlink("train.py", repo.path / "exp" / "main.py")
    git = ["git", "-C", str(repo.path), "-c", "user.name=A", "-c", "user.email=a@example.org"]
    (repo.path / "paper").mkdir()
    (repo.path / "paper" / "paper.pdf").write_bytes(paper.path.read_bytes())
    for args in (["add", "-A"], ["commit", "-q", "-m", "paper"]):
        subprocess.run([*git, *args], check=True, capture_output=True)
    sha = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout.strip()
    (repo.path / "exp" / "train.py").write_text(_train(lr="0.05"))
    for args in (["add", "-A"], ["commit", "-q", "-m", "new defaults after the paper"]):
        subprocess.run([*git, *args], check=True, capture_output=True)

    found, scope = reconcile_paths(paper.path, str(repo.path))

    assert scope is not None and scope.commit == sha
    assert any("is read, not HEAD" in r for r in scope.reasons)
    left = [r for r in scope.reasons if "to outside the tree left out" in r]
    assert left and "result" in left[0] and "exp/up" in left[0] and "main.py" not in left[0]
    assert ("learning_rate", "match", "exp/train.py:5") in _verdicts(found)


def test_a_pdf_committed_before_any_code_is_read_with_the_first_commit_that_adds_code(
    paper: PaperFile, tmp_path: Path
) -> None:
    repo = git_repo(
        tmp_path / "r",
        [
            {"files": {"README.md": "# note\n"}, "msg": "init", "day": 1},
            {"files": {"paper.pdf": paper.path.read_bytes()}, "msg": "add paper", "day": 2},
            {"files": {"train.py": _train(bs="128")}, "msg": "add code", "key": "code", "day": 2},
            {"files": {"train.py": _train(bs="64")}, "msg": "later change", "day": 5},
        ],
    )
    found, scope = reconcile_paths(paper.path, str(repo.path))
    assert scope is not None and scope.commit == repo.shas["code"]
    assert any("the first later commit with code" in r for r in scope.reasons)
    assert ("batch_size", "mismatch", "train.py:6") in _verdicts(found)


def _reader(texts: dict[str, str]):  # type: ignore[no-untyped-def]
    return lambda f: texts.get(f)


def test_with_no_stated_value_the_package_the_notebooks_import_beats_the_largest_folder() -> None:
    texts = {
        "notebooks/paper.ipynb": '{"source": ["import beams.trace as rt\\n", "import numpy\\n"]}',
        "notebooks/coronagraph.ipynb": '{"source": ["from beams import gbd\\n"]}',
        "beams/trace.py": "import numpy as np\n",
        "beams/gbd.py": "from beams import trace\n",
    }
    files = [*texts, *(f"matlab/step{k}.m" for k in range(6))]
    folders, _, why = choose_folders(files, [], [], "", set(), read=_reader(texts))
    assert folders == ["beams"]
    assert "the package they build on" in why
    # one importing program is not enough to outweigh the largest folder
    del texts["notebooks/coronagraph.ipynb"]
    files = [*texts, *(f"matlab/step{k}.m" for k in range(6))]
    folders, _, _ = choose_folders(files, [], [], "", set(), read=_reader(texts))
    assert folders == ["matlab"]


def test_plot_notebooks_chosen_on_weak_evidence_give_way_to_the_package_they_import() -> None:
    from arakit.compiler.scope.folders import _package_users

    texts = {
        "notebooks/Plot_fit.ipynb": '{"source": ["import kinem.velocities as kv\\n"]}',
        "notebooks/Plot_cmd.ipynb": '{"source": ["from kinem import fits\\n"]}',
        "kinem/velocities.py": "X = 1\n",
        "kinem/fits.py": "Y = 2\n",
    }
    code = list(texts)
    users = _package_users(["notebooks"], code, 1.5, _reader(texts))
    assert users is not None and users[0] == "kinem"
    # strong agreement with the notebooks' values keeps them; so does a script among them
    assert _package_users(["notebooks"], code, 4.0, _reader(texts)) is None
    texts["notebooks/run.py"] = "import kinem\n"
    assert _package_users(["notebooks"], list(texts), 1.5, _reader(texts)) is None
