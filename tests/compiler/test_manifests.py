"""Dependencies and runtimes from package manifests of R, Julia and setuptools projects."""

from __future__ import annotations

import subprocess
from pathlib import Path

from arakit.compiler.repo.environment import read_environment
from arakit.compiler.repo.manifests import julia_project, r_description, setup_cfg, setup_py
from arakit.compiler.repo.source import list_files

DESCRIPTION = """Package: SpatialSVD
Title: Fast decompositions for spatial data
Authors@R:
    person("Ana", "Ruiz", role = c("aut", "cre"))
Depends: R (>= 4.1.0)
Imports:
    irlba,
    uwot (>= 0.1.14)
Suggests: bench,
    testthat (>= 3.0.0)
License: MIT
"""


def test_r_description_lists_imports_suggests_and_the_r_version_by_line() -> None:
    m = r_description(DESCRIPTION, "DESCRIPTION")
    assert m.runtimes == [("R (>= 4.1.0)", "DESCRIPTION:5")]
    assert m.dependencies == [
        ("irlba", "DESCRIPTION:7"),
        ("uwot (>= 0.1.14)", "DESCRIPTION:8"),
        ("bench (suggested)", "DESCRIPTION:9"),
        ("testthat (>= 3.0.0) (suggested)", "DESCRIPTION:10"),
    ]


def test_julia_project_deps_carry_their_compat_bounds() -> None:
    text = (
        'name = "Stress"\n\n[deps]\nDistributions = "31c24e10"\nRandom = "9a3f8284"\n\n'
        '[compat]\njulia = "1.6"\nDistributions = "0.23, 0.24"\n'
    )
    m = julia_project(text, "Project.toml")
    assert m.dependencies == [
        ("Distributions 0.23, 0.24", "Project.toml:4"),
        ("Random", "Project.toml:5"),
    ]
    assert m.runtimes == [("Julia 1.6", "Project.toml:8")]


def test_setup_py_is_parsed_never_run_and_names_are_followed() -> None:
    marker = Path("/tmp/arakit-setup-py-must-not-run")
    marker.unlink(missing_ok=True)
    text = (
        f"import os\nos.system('touch {marker}')\n"
        "REQS = [\n    'numpy>=1.20',\n    'emcee',\n]\n"
        "setup(name='x', install_requires=REQS, python_requires='>=3.9')\n"
    )
    m = setup_py(text, "setup.py")
    assert m.dependencies == [("numpy>=1.20", "setup.py:4"), ("emcee", "setup.py:5")]
    assert m.python == [(">=3.9", "setup.py:7")]
    assert not marker.exists()  # parsed, never run


def test_setup_py_reads_a_kwargs_dict_and_survives_broken_code() -> None:
    text = "config = {\n    'install_requires': [\n        'gensim',\n    ],\n}\nsetup(**config)\n"
    assert setup_py(text, "setup.py").dependencies == [("gensim", "setup.py:3")]
    assert setup_py("setup(install_requires=[", "setup.py").dependencies == []


def test_setup_cfg_options_one_requirement_per_line() -> None:
    text = (
        "[metadata]\nname = effm\n\n[options]\npython_requires = >=3.6\n"
        "install_requires =\n    scipy\n    ase >=3.21.1\n"
    )
    m = setup_cfg(text, "setup.cfg")
    assert m.dependencies == [("scipy", "setup.cfg:7"), ("ase >=3.21.1", "setup.cfg:8")]
    assert m.python == [(">=3.6", "setup.cfg:5")]
    assert setup_cfg("[options\nbroken", "setup.cfg").dependencies == []


def test_manifests_under_docs_or_tests_are_not_the_run_environment(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs/requirements.txt").write_text("sphinx\n")
    (tmp_path / "test").mkdir()
    (tmp_path / "test/Project.toml").write_text('[deps]\nTest = "8dfed614"\n')
    (tmp_path / "DESCRIPTION").write_text(DESCRIPTION)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "."], check=True)
    env = read_environment(list_files(tmp_path))
    deps = [d for d, _ in env.dependencies]
    assert "irlba" in deps
    assert "sphinx" not in deps and "Test" not in deps
    assert env.runtimes == [("R (>= 4.1.0)", "DESCRIPTION:5")]


def test_a_readme_names_the_hardware_and_only_the_runs_seeds_are_kept(tmp_path: Path) -> None:
    files = {
        "README.md": (
            "# Low-rank study\n\n## Hardware and software\n\n"
            "The tested target host has four NVIDIA RTX 4000 Ada Generation GPUs with 20 GB\n"
            "each. Training uses one model replica per process.\n\n"
            "It can take multiple days even on four GPUs.\n"
        ),
        "train.py": "import torch\n# seed_everything(42)\ntorch.manual_seed(7)\n",
        "tests/test_reload.py": "import torch\ntorch.manual_seed(42)\n",
        "docs/hardware.md": "We used an NVIDIA A100 GPU.\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    subprocess.run(["git", "-C", str(tmp_path), "add", "."], check=True)
    env = read_environment(list_files(tmp_path))
    assert env.hardware == [
        (
            "The tested target host has four NVIDIA RTX 4000 Ada Generation GPUs with 20 GB "
            "each. (as the README states)",
            "README.md:5",
        )
    ]
    # a commented-out call and a test's seed are not the run's seed
    assert [(s.value, s.location) for s in env.seeds] == [("7", "train.py:3")]
