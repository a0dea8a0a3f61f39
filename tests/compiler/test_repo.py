"""Physical grounding from a real repository: parameters with file:line, environment,
core modules, and history (revert, abandoned branch, config values over time)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from arakit.compiler.errors import InputError
from arakit.compiler.ground import ground_repo
from arakit.compiler.repo.params import json_params, python_params, toml_params, yaml_params
from arakit.compiler.repo.source import repo_folder
from tests.compiler.gitrepo import PlantedRepo


@pytest.fixture(scope="module")
def grounded(repo: PlantedRepo):  # type: ignore[no-untyped-def]
    return ground_repo(repo.path)


def test_argparse_dataclass_pydantic_and_constants_are_read_with_locations(grounded) -> None:  # type: ignore[no-untyped-def]
    got = {(p.kind, p.name, p.value, p.location) for p in grounded.params}
    assert ("argparse", "--lr", "0.1", "train.py:13") in got
    assert ("argparse", "--batch-size", "128", "train.py:14") in got
    assert ("dataclass", "ModelConfig.hidden_size", "2048", "model.py:8") in got
    assert ("pydantic", "TrainSettings.warmup_epochs", "5", "settings.py:7") in got
    assert ("constant", "SEED", "42", "train.py:8") in got
    assert ("yaml", "regularization.dropout", "0.3", "config.yaml:4") in got


def test_click_options_and_non_literal_defaults() -> None:
    src = (
        "import click, os\n\n"
        "@click.command()\n"
        "@click.option('--epochs', default=300, help='training epochs')\n"
        "@click.option('--data', default=os.environ.get('DATA'))\n"
        "def main(epochs, data):\n    pass\n"
    )
    params = python_params(src, "cli.py")
    assert [(p.kind, p.name, p.value, p.line, p.key) for p in params] == [
        ("click", "--epochs", "300", 4, "epochs")
    ]


def test_config_files_keep_values_exactly_as_written() -> None:
    assert [
        (p.name, p.value, p.line)
        for p in yaml_params("opt:\n  lr: 3e-4  # tuned\n  name: 'adam'\n", "c.yaml")
    ] == [
        ("opt.lr", "3e-4", 2),
        ("opt.name", "adam", 3),
    ]
    assert [
        (p.name, p.value, p.line) for p in toml_params("[train]\nbatch_size = 64\n", "c.toml")
    ] == [("train.batch_size", "64", 2)]
    assert [
        (p.name, p.value, p.line)
        for p in json_params('{\n  "optim": {\n    "lr": 1e-3\n  }\n}', "c.json")
    ] == [("optim.lr", "1e-3", 3)]


def test_a_python_file_that_does_not_parse_yields_no_parameters() -> None:
    assert python_params("def broken(:\n", "x.py") == []


def test_environment_names_each_source(grounded) -> None:  # type: ignore[no-untyped-def]
    env = grounded.environment
    assert ("torch==2.1.0", "requirements.txt:1") in env.dependencies
    assert ("torch>=2.1", "pyproject.toml") in env.dependencies
    assert ("python:3.11-slim", "Dockerfile:1") in env.images
    assert ("3.11", "Dockerfile:1") in env.python
    assert [(s.name, s.value, s.location) for s in env.seeds] == [
        ("random.seed", "SEED", "train.py:21")
    ]


def test_conda_environment_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "environment.yml").write_text(
        "name: x\ndependencies:\n  - python=3.10\n  - numpy=1.26\n"
    )
    env = ground_repo(tmp_path, with_history=False).environment
    assert env.python == [("3.10", "environment.yml:3")]
    assert env.dependencies == [("numpy=1.26", "environment.yml:4")]


def test_core_modules_are_those_the_entry_point_imports(grounded) -> None:  # type: ignore[no-untyped-def]
    assert grounded.execution == ["train.py", "model.py", "settings.py"]
    assert "schedule.py" not in grounded.execution


def test_history_finds_the_revert_and_the_abandoned_branch(grounded, repo: PlantedRepo) -> None:  # type: ignore[no-untyped-def]
    h = grounded.history
    assert h.branch == "main"
    reverts = [f for f in h.findings if f.pattern == "revert"]
    assert [(f.commits, f.files) for f in reverts] == [
        ([repo.shas["cosine"], repo.shas["revert"]], ["schedule.py"])
    ]
    assert [(b.name, [c.sha for c in b.commits]) for b in h.abandoned] == [
        ("exp/no-norm", [repo.shas["no_norm"]])
    ]
    assert all(c.mainline for c in h.commits) and repo.shas["no_norm"] not in {
        c.sha for c in h.commits
    }


def test_config_values_that_changed_over_time_are_followed(grounded, repo: PlantedRepo) -> None:  # type: ignore[no-untyped-def]
    changes = {c.key: [(v, sha) for v, sha, _ in c.values] for c in grounded.history.changes}
    assert changes["learning_rate"] == [("0.05", repo.shas["initial"]), ("0.1", repo.shas["lr"])]
    assert changes["dropout"] == [("0.1", repo.shas["config"]), ("0.3", repo.shas["dropout"])]
    assert "batch_size" not in changes


def test_a_git_bundle_is_cloned_with_all_its_branches(repo: PlantedRepo, tmp_path: Path) -> None:
    bundle = tmp_path / "rwn.bundle"
    subprocess.run(
        ["git", "-C", str(repo.path), "bundle", "create", str(bundle), "--all"],
        check=True,
        capture_output=True,
    )
    with repo_folder(str(bundle)) as folder:
        g = ground_repo(folder)
        assert g.history is not None
        assert [b.name for b in g.history.abandoned] == ["exp/no-norm"]
        assert len(g.history.commits) == 7
    assert not folder.exists()


def test_a_bundle_named_by_a_relative_path_is_read_with_all_its_refs(
    repo: PlantedRepo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    subprocess.run(
        ["git", "-C", str(repo.path), "bundle", "create", str(tmp_path / "r.bundle"), "--all"],
        check=True,
        capture_output=True,
    )
    monkeypatch.chdir(tmp_path)  # as a user types it: `ara compile paper.pdf r.bundle -o out`
    with repo_folder("r.bundle") as folder:
        branches = subprocess.run(
            ["git", "-C", str(folder), "branch", "--format=%(refname:short)"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        assert "exp/no-norm" in branches


def test_a_remote_url_is_refused_without_touching_the_network() -> None:
    with (
        pytest.raises(InputError, match="remote repositories are not fetched"),
        repo_folder("https://example.org/x.git"),
    ):
        pass
