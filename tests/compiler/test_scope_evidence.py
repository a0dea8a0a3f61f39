"""Scoping and parameters from what the repository runs and says, on repositories the
tests build with git: small numbers are no evidence of scope, a library paper's code is
its package, the README's launcher outweighs a program that imports the code, code the
notes call superseded is set aside, files are read in the format the code reads them,
and values passed by position are named by the parameters they bind."""

from __future__ import annotations

import json
from pathlib import Path

from arakit.compiler.atoms import Where
from arakit.compiler.entrypoints import entry_points
from arakit.compiler.ground import ground_repo
from arakit.compiler.repo.superseded import superseded
from arakit.compiler.scope import Scope, choose_folders
from arakit.compiler.settings.model import PaperSetting
from tests.compiler.gitrepo import git_repo


def _setting(key: str, value: float, group: int = 0) -> PaperSetting:
    where = Where(page=2, section="2", sentence=f"with {key} = {value:g}")
    return PaperSetting(key, key, f"{value:g}", value, "", where, group=group)


def _library(tmp_path: Path, k: str) -> Path:
    """A library packaged at the root with example scripts beside it."""
    return git_repo(
        tmp_path / "r",
        [
            {
                "files": {
                    "pyproject.toml": '[project]\nname = "fastlib"\nversion = "1.0"\n',
                    "fastlib/__init__.py": "",
                    "fastlib/model.py": "def build(width=64, depth=3):\n    return width\n",
                    "fastlib/geometry.py": "def mesh(n_cells=4):\n    return n_cells\n",
                    "examples/helmholtz/run.py": f"k = {k}\nn_epochs = 5000\n",
                    "examples/poisson/run.py": "n_epochs = 3000\n",
                    "examples/wave/run.py": "n_epochs = 2000\n",
                    "examples/heat/run.py": "n_epochs = 1000\n",
                    "joss/paper.md": "# FastLib\n",
                },
                "msg": "library, examples and the paper",
            }
        ],
    ).path


def _choose(root: Path, settings: list[PaperSetting], text: str) -> tuple[list[str], str]:
    g = ground_repo(root, with_history=False)
    folders, _, why = choose_folders(g.repo.files, g.params, settings, text, {"joss"}, g.repo.read)
    return folders, why


def test_a_small_whole_number_agreeing_does_not_make_an_example_the_code(
    tmp_path: Path,
) -> None:
    root = _library(tmp_path, "1.0")
    text = "FastLib: a tensor library for PDEs. The loss sums over elements k = 1, ..., N."
    folders, why = _choose(root, [_setting("k", 1)], text)
    # the package the root packaging builds and the paper names, not the example
    assert folders == ["fastlib"]
    assert "the package fastlib, which the paper presents" in why


def test_a_distinctive_value_agreeing_still_points_at_its_script(tmp_path: Path) -> None:
    root = _library(tmp_path, "37.5")
    text = "FastLib: a tensor library. We solve the Helmholtz problem with k = 37.5."
    folders, _ = _choose(root, [_setting("k", 37.5)], text)
    assert folders == ["examples/helmholtz"]


def test_a_package_the_paper_does_not_present_as_software_is_not_taken_for_the_code(
    tmp_path: Path,
) -> None:
    root = _library(tmp_path, "1.0")
    for text in ["A tensor library for PDEs.", "We extend FastLib to the online setting."]:
        folders, why = _choose(root, [_setting("k", 1)], text)
        assert folders != ["fastlib"] and "largest code folder" in why


def _two_folders(readme: str | None) -> dict[str, str]:
    files = {
        "env_check.py": "from src.data import load\nprint('[OK] imports work')\nload()\n",
        "scripts/reproduce.sh": "python -m src.run --all\npython scripts/figures.py\n",
        "scripts/figures.py": "import matplotlib\n",
        "src/data.py": "def load(n=300):\n    return n\n",
        "src/run.py": "from src.data import load\n\nif __name__ == '__main__':\n    load()\n",
    }
    if readme is not None:
        files["README.md"] = readme
    return files


def test_the_launcher_the_readme_names_keeps_the_experiments_two_folders(
    tmp_path: Path,
) -> None:
    readme = "## Reproduce\n\n```bash\nbash scripts/reproduce.sh\npython -m src.run --all\n```\n"
    files = _two_folders(readme)
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "two folders"}])
    g = ground_repo(repo.path, with_history=False)
    folders, _, why = entry_points(
        ["scripts", "src"], [], g.repo.files, g.params, set(), g.repo.read
    )
    assert folders == ["scripts", "src"] and "env_check.py" not in why


def test_a_root_program_still_widens_to_the_root_without_a_readme_or_when_it_names_it(
    tmp_path: Path,
) -> None:
    for n, readme in enumerate(
        [None, "Run `python env_check.py`, then `bash scripts/reproduce.sh`."]
    ):
        repo = git_repo(tmp_path / f"r{n}", [{"files": _two_folders(readme), "msg": "code"}])
        g = ground_repo(repo.path, with_history=False)
        folders, _, why = entry_points(
            ["scripts", "src"], [], g.repo.files, g.params, set(), g.repo.read
        )
        assert folders == [""] and "env_check.py imports src/data.py" in why


def test_code_the_readme_calls_superseded_is_set_aside_with_the_sentence(
    tmp_path: Path,
) -> None:
    readme = (
        "# Learner\n\n> Earlier finite-difference code under `src/learner.py`,\n"
        "> `src/train_*.py`, etc. is superseded and kept only for reference; do not use\n"
        "> it. Everything now runs through `src/run.py`.\n\n"
        "Old generators are left in `src/data.py` for reference.\n\n"
        "- `data/list.txt`: the repositories that do not use CI.\n"
    )
    files = {
        "README.md": readme,
        "src/learner.py": "lr = 0.5\n",
        "src/train_baseline.py": "epochs = 90\n",
        "src/run.py": "lr = 0.01\n",
        "src/data.py": "n = 300\n",
        "data/list.txt": "a\nb\n",
    }
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "v2 beside v1"}])
    g = ground_repo(repo.path, with_history=False)
    said = superseded(g.repo.files, g.repo.read)
    assert [(s.paths, s.where) for s in said] == [
        (("src/learner.py", "src/train_baseline.py"), "README.md:3")
    ]
    _, aside, _ = choose_folders(g.repo.files, g.params, [], "", set(), g.repo.read)
    reasons = dict(aside)
    assert reasons["src/learner.py"].startswith('superseded (README.md:3: "Earlier')
    assert "src/run.py" not in reasons and "src/data.py" not in reasons
    scope = Scope(root=repo.path, tree=repo.path, folders=["src"], excluded=aside)
    assert not scope.includes("src/learner.py") and scope.includes("src/run.py")


def test_a_key_value_input_file_the_launcher_reads_as_yaml_is_a_yaml_config(
    tmp_path: Path,
) -> None:
    launcher = (
        "using YAML\ninput_file, output_file = ARGS\n"
        "raw = open(input_file) do f\n    read(f, String)\nend\ninputs = YAML.load(raw)\n"
    )
    files = {
        "src/transport/run_transport.jl": launcher,
        "src/transport/transport_input.in": "# system\nN: 1000\ndisorder: 150\nT: 300\n",
        "src/other/notes.in": "N: 5\nT: 7\n",  # no program beside it reads YAML
        "src/transport/readme.txt": "N: 1\nT: 2\n",  # a .txt no program names
    }
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "simulation"}])
    g = ground_repo(repo.path, with_history=False)
    at = {(p.file, p.line, p.name, p.value) for p in g.params}
    assert ("src/transport/transport_input.in", 2, "N", "1000") in at
    assert ("src/transport/transport_input.in", 4, "T", "300") in at
    assert not any(p.file in ("src/other/notes.in", "src/transport/readme.txt") for p in g.params)


def test_values_passed_by_position_to_a_project_function_are_named_by_its_parameters(
    tmp_path: Path,
) -> None:
    module = "def genetic(x0, y0, model, population, generation, cache=None):\n    return x0\n"
    cell = "from attack import genetic\nimport numpy as np\n"
    call = (
        "grid = np.linspace(0, 1, 50)\nresult = genetic(xs, ys, model, 40, 1, verbose=False)\n"
        "ax.plot(grid, genetic(xs, ys, model, 7, 7))\n"  # a value drawn: no run
        "def test():\n    genetic(xs, ys, model, 8, 8)\n"  # a check: no run
    )
    lines = (cell + call).splitlines(keepends=True)
    cells = [{"cell_type": "code", "metadata": {}, "source": lines, "outputs": []}]
    notebook = json.dumps({"cells": cells, "metadata": {}, "nbformat": 4}, indent=1)
    files = {"attack.py": module, "demo.ipynb": notebook}
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "attack and its demo"}])
    g = ground_repo(repo.path, with_history=False)
    passed = {(p.name, p.value, p.file, p.line, p.context) for p in g.params if p.kind == "call"}
    # the call is the cell's fourth line: line 7 + 3 of the .ipynb file
    assert ("population", "40", "demo.ipynb", 10, "genetic") in passed
    assert ("generation", "1", "demo.ipynb", 10, "genetic") in passed
    # a library's function (numpy) binds no project parameter; a drawn value and a test's
    # call are not what ran
    assert not any(p[4] == "np.linspace" and p[0] != "num" for p in passed)
    assert {p[1] for p in passed if p[0] == "population"} == {"40"}
