"""Scoping on real git repositories the tests make: a paper with several experiments has
several code folders, code the chosen folders load or implement joins them, a notebook at
the root that runs a chosen folder's model makes the root the code, a copied release of
another library is set aside, and the figure sources the paper inputs are not set aside as
another paper's."""

from __future__ import annotations

import json
from pathlib import Path

from arakit.compiler.ground import grounded
from arakit.compiler.pdf import read_document
from arakit.compiler.physical import scope_text
from arakit.compiler.pipeline import _full_text
from arakit.compiler.scope import set_aside
from arakit.compiler.scope.commit import edited_after_added
from tests.compiler.gitrepo import git_repo
from tests.compiler.pdfgen import PaperFile


def _scope(root: Path, text: str):  # type: ignore[no-untyped-def]
    with grounded(root, None, [], text, with_history=False) as g:
        assert g.scope is not None
        return g.scope


def _scoped(path: Path, files: dict[str, str], text: str):  # type: ignore[no-untyped-def]
    """The scope of a repository of one commit holding `files`, for a paper saying `text`."""
    return _scope(git_repo(path, [{"files": files, "msg": "code"}]).path, text)


def _julia_project(simple_heading: str) -> dict[str, str]:
    run = 'using DrWatson\ninclude(srcdir("{src}"))\nfor h in [6, 9, 12]\n    train(h, {lr})\nend\n'
    return {
        "Project.toml": 'name = "npu"\n',
        "scripts/fracode/run.jl": run.format(src="models.jl", lr="0.005"),
        "scripts/fracode/odedata.jl": "α = 0.05\nβ = 0.06\n",
        "scripts/simple/run.jl": run.format(src="data.jl", lr="0.001"),
        "scripts/arithmetic/add_runs.jl": run.format(src="data.jl", lr="0.005"),
        "scripts/arithmetic/mult_runs.jl": run.format(src="data.jl", lr="0.005"),
        "scripts/cartpole/run.jl": run.format(src="data.jl", lr="0.1"),
        "src/models.jl": "npu(x) = x\n",
        "src/data.jl": "batch = 100\n",
        "paper/main.tex": f"\\section{{{simple_heading}}}\n",
    }


_NPU_TEXT = (
    "The fractional SIR experiment is in scripts/fracode/. A cartpole example is in the "
    "same repository.\n§4.1 Equation Discovery of an Epidemiological Model\n"
    "§4.2 {simple}\n§4.3 Large Scale Arithmetic Task\n§5 Conclusion"
)


def test_sibling_experiment_folders_with_a_section_of_the_paper_each_are_its_code_too(
    tmp_path: Path,
) -> None:
    files = _julia_project("Simple Arithmetic Task")
    scope = _scoped(tmp_path / "r", files, _NPU_TEXT.format(simple="Simple Arithmetic Task"))
    # scripts/fracode, scripts/simple and scripts/arithmetic (3 of the 4 siblings) are the
    # scripts folder; src/ is what they include
    assert scope.folders == ["scripts", "src"]
    assert scope.why["src"].endswith(("loads src/models.jl", "loads src/data.jl"))
    assert scope.folder_of("scripts/simple/run.jl") == "scripts"
    reason = " ".join(scope.reasons)
    assert '"simple arithmetic task" is the experiment in scripts/simple/' in reason
    assert '"large scale arithmetic task" is the experiment in scripts/arithmetic/' in reason
    assert "cartpole" not in reason  # named in passing, no section of its own
    # the section each experiment folder is reported in, for reconciliation
    assert scope.sections == {"4.2": "scripts/simple", "4.3": "scripts/arithmetic"}
    assert scope.to_json()["sections"] == scope.sections
    said = scope_text(scope)  # the artifact says why each folder is in
    assert "Code read: `scripts/`, `src/`" in said and "- `src/`: scripts/" in said


def test_a_sibling_the_paper_gives_no_section_stays_out_and_one_experiment_stays_one_folder(
    tmp_path: Path,
) -> None:
    files = _julia_project("Results")
    text = _NPU_TEXT.format(simple="Results").replace("§4.3 Large Scale Arithmetic Task\n", "")
    scope = _scoped(tmp_path / "r", files, text)
    assert scope.folders == ["scripts/fracode", "src"]  # its own experiment, and what it loads
    alone = {k: v for k, v in files.items() if k.startswith(("scripts/fracode", "paper"))}
    one = _scoped(tmp_path / "r2", alone, _NPU_TEXT.format(simple="Simple Arithmetic Task"))
    assert one.folders == ["scripts/fracode"]


def test_a_header_library_is_its_headers_and_the_implementations_they_include(
    tmp_path: Path,
) -> None:
    files = {
        "include/knn.hpp": "#pragma once\n#define ARGS_DEFAULT_K 64\n#include <knn.ipp>\n",
        "include/grid.h": "#pragma once\nint grid(int n);\n",
        "src/knn.ipp": "#define KNN_GROWTH 2\n",
        "src/grid.cpp": '#include "grid.h"\nstatic const int kCells = 16;\n',
        "src/main.cpp": '#include "knn.hpp"\nint main() { return 0; }\n',
        "test/knn.cpp": '#include "knn.hpp"\n',
        "CMakeLists.txt": "add_subdirectory(src)\n",
        "python/make_cases.py": "import numpy\n\nprint(numpy.zeros(3))\nprint(1)\n",
    }
    scope = _scoped(tmp_path / "r", files, "The headers in include/ declare the k-NN search.")
    assert scope.folders == ["include", "src"]
    assert scope.why["src"] in (
        "include/knn.hpp loads src/knn.ipp",
        "src/grid.cpp implements include/grid.h",
    )
    assert not scope.includes("test/knn.cpp")
    headers = {"include/grid.h": files["include/grid.h"], "tools/x.py": "print(1)\nprint(2)\n"}
    alone = _scoped(tmp_path / "r2", headers, "The headers in include/ declare it.")
    assert alone.folders == ["include"]


_MODEL = (
    "import torch.nn as nn\n\n\nclass ResBlock(nn.Module):\n    pass\n\n\n"
    "class ASRModel(nn.Module):\n    def __init__(self, dropout=0.4):\n        pass\n"
)


def _notebook(*cells: str) -> str:
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "metadata": {}, "outputs": [], "source": c.splitlines(True)}
                for c in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        },
        indent=1,
    )


def test_a_training_notebook_at_the_root_that_defines_the_model_makes_the_root_the_code(
    tmp_path: Path,
) -> None:
    nb = _notebook(_MODEL, "model = ASRModel()\nfor epoch in range(30):\n    model.train()\n")
    files = {"model/models.py": _MODEL, "asr_resnet.ipynb": nb, "model_config.json": "{}"}
    scope = _scoped(tmp_path / "r", files, "The model is defined in model/models.py.")
    assert scope.folders == [""]
    assert "asr_resnet.ipynb defines ASRModel, ResBlock as model/models.py does" in scope.why[""]
    importing = {
        "model/models.py": _MODEL,
        "results.ipynb": _notebook("from models import ASRModel\nm = ASRModel()\n"),
    }
    scope2 = _scoped(tmp_path / "r2", importing, "The model is defined in model/models.py.")
    assert scope2.folders == [""] and "results.ipynb imports model/models.py" in scope2.why[""]
    plotting = {"model/models.py": _MODEL, "plots.ipynb": _notebook("import numpy\nprint(1)\n")}
    said = "The model is defined in model/models.py."
    assert _scoped(tmp_path / "r3", plotting, said).folders == ["model"]


def _library(n: int) -> dict[str, str]:
    out = {"fastlib/__init__.py": '"""fastlib: a toolkit."""\n__version__ = \'0.5.6\'\n'}
    out.update({f"fastlib/core/m{i}.py": f"def f{i}(epochs=10):\n    pass\n" for i in range(n)})
    return out


def test_a_copied_release_of_another_library_is_set_aside_unless_the_authors_edited_it(
    tmp_path: Path,
) -> None:
    own = {
        "run.py": "from parser.cmds import train\n\nif __name__ == '__main__':\n    train()\n",
        "parser/__init__.py": "",
        "parser/cmds.py": "from fastlib.core.m0 import f0\n\ndef train(epochs=100):\n    f0()\n",
    }
    steps = [{"files": {**own, **_library(24)}, "msg": "v1"}]
    repo = git_repo(tmp_path / "r", steps)
    edited = edited_after_added(repo.path, "HEAD")
    files = sorted([*own, *_library(24)])
    read = lambda rel: (repo.path / rel).read_text()  # noqa: E731
    aside = dict(set_aside(files, set(), read, "", edited))
    assert aside["fastlib"].startswith(
        "third-party code (a copy of the released library fastlib 0.5.6: 25"
    )
    assert "parser" not in aside
    with grounded(repo.path, None, [], "", with_history=False) as g:
        assert g.scope is not None and g.scope.folders == [""]
        assert g.scope.third_party("fastlib/core/m0.py") and not g.scope.includes(
            "fastlib/core/m0.py"
        )
        # like an installed dependency's, the copy's defaults are not read as the paper's
        assert not [p for p in g.imported() if p.file.startswith("fastlib/")]
    # the authors changed their copy after adding it: theirs
    later = [
        *steps,
        {"files": {"fastlib/core/m1.py": "def f1(epochs=20):\n    pass\n"}, "msg": "tune"},
    ]
    repo2 = git_repo(tmp_path / "r2", later)
    read2 = lambda rel: (repo2.path / rel).read_text()  # noqa: E731
    assert "fastlib" not in dict(
        set_aside(files, set(), read2, "", edited_after_added(repo2.path, "HEAD"))
    )
    # a package the repository's own packaging builds is the project's, version or not
    packaged = git_repo(
        tmp_path / "r3",
        [
            {
                "files": {**own, **_library(24), "setup.py": "setup(packages=['fastlib'])\n"},
                "msg": "v1",
            }
        ],
    )
    read3 = lambda rel: (packaged.path / rel).read_text()  # noqa: E731
    assert "fastlib" not in dict(
        set_aside([*files, "setup.py"], set(), read3, "", edited_after_added(packaged.path, "HEAD"))
    )


def test_figure_sources_the_paper_inputs_from_a_sibling_folder_are_not_another_papers(
    tmp_path: Path,
) -> None:
    files = {
        "paper/main.tex": "\\documentclass{article}\n\\begin{document}\n\\input{../plots/pareto.tex}\n\\end{document}\n",
        "plots/pareto.tex": "\\begin{tikzpicture}\\end{tikzpicture}\n",
        "followup/draft.tex": "\\documentclass{article}\n",
    }
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "paper"}])
    read = lambda rel: (repo.path / rel).read_text()  # noqa: E731
    aside = dict(set_aside([*files, "paper/paper.pdf"], {"paper"}, read, "paper/paper.pdf"))
    # (the main file is main.tex beside paper.pdf; it inputs ../plots/pareto.tex)
    assert "plots" not in aside
    assert aside["followup"] == "another paper's sources (draft.tex)"


def test_the_text_scoping_reads_ends_with_the_papers_section_headings(paper: PaperFile) -> None:
    text = _full_text(read_document(paper.path))
    assert "\n§1 Introduction" in text


def test_with_nothing_stated_an_r_package_is_its_code_not_its_larger_examples_folder(
    tmp_path: Path,
) -> None:
    files = {
        "DESCRIPTION": "Package: spatialgev\nVersion: 1.0\n",
        "NAMESPACE": "useDynLib(spatialgev)\nexport(fit)\n",
        "R/fit.R": "fit <- function(y, kernel = 'spde', nu = 1) {\n  y\n}\n",
        "R/predict.R": "predict_gev <- function(fit, n = 100) {\n  fit\n}\n",
        "src/model.cpp": "#include <TMB.hpp>\nconst int kDefault = 3;\n",
        **{f"examples/ex{i}.R": f"library(spatialgev)\nfit(rnorm({i}))\n" for i in range(5)},
        "data-raw/simulate.R": "set.seed(1)\nn_loc <- 400\n",
    }
    scope = _scoped(tmp_path / "r", files, "We present a package for spatial extremes.")
    assert scope.folders == ["R", "src"]  # the package, and the compiled code it loads
    assert "DESCRIPTION at the root makes the repository a package" in scope.why["R"]
    # the examples the paper names run the package: it is their code too
    named = _scoped(tmp_path / "r1", files, "The examples in examples/ fit the model.")
    assert named.folders == ["R", "examples", "src"]
    assert named.why["R"].endswith("loads the package spatialgev defined at the root")
    # a DrWatson project's Project.toml names no module in src/: its scripts are the code
    drwatson = {
        "Project.toml": 'name = "npu"\n',
        "src/helpers.jl": "h(x) = x\n",
        **{f"scripts/run{i}.jl": f"for k in 1:{i + 2}\n    println(k)\nend\n" for i in range(3)},
    }
    assert _scoped(tmp_path / "r2", drwatson, "We present a unit.").folders == ["scripts"]


def test_a_folder_of_configs_alone_is_run_by_the_programs_beside_it(tmp_path: Path) -> None:
    files = {
        "config/sib.yaml": "epochs: 100\nbatch_size: 200\n",
        "config/lndmv.yaml": "epochs: 100\nlr: 0.001\n",
        "run.py": (
            "import argparse\n\nif __name__ == '__main__':\n    p = argparse.ArgumentParser()\n"
            "    p.add_argument('--config', required=True)\n    p.parse_args()\n"
        ),
        "parser/model.py": "class DMV:\n    pass\n",
        "tools/plot.py": "import sys\n\nprint(sys.argv)\nprint(1)\n",
    }
    scope = _scoped(tmp_path / "r", files, "The settings are in config/sib.yaml.")
    assert scope.folders == [""]
    assert scope.why[""] == "config/ holds configs only: the programs beside it run them"
    # a folder with its own programs stays the code, configs and all
    own = {
        "experiments/train.py": files["run.py"],
        "experiments/sib.yaml": "epochs: 100\n",
        "tools/plot.py": files["tools/plot.py"],
        "other/run.py": files["run.py"],
    }
    assert _scoped(tmp_path / "r2", own, "See experiments/train.py.").folders == ["experiments"]


def test_a_folder_of_prior_modules_is_run_by_the_drivers_that_load_it_by_name(
    tmp_path: Path,
) -> None:
    priors = "import numpy as np\n\npriordict = {'period': ('Normal', 24.278, 0.002), 'b': ('Uniform', 0, 1)}\n"
    files = {
        "setup.py": "from setuptools import setup\n\nsetup(name='stellar', packages=['stellar'])\n",
        "stellar/__init__.py": "",
        "stellar/fit.py": "def fit(path):\n    return open(path).read()\n",
        "stellar/paths.py": "DATADIR = '/home/data'\n",
        "drivers/run_fit.py": (
            "from os.path import join\nfrom stellar.fit import fit\nfrom stellar.paths import DATADIR\n\n"
            "if __name__ == '__main__':\n    fit(join(DATADIR, 'priors', 'kep_priors.py'))\n"
        ),
        "drivers/plot_lc.py": "import sys\n\nprint(sys.argv)\n",
        "data/priors/kep_priors.py": priors,
        "data/priors/koi_priors.py": priors.replace("24.278", "3.12"),
    }
    scope = _scoped(tmp_path / "r", files, "The priors are in data/priors/kep_priors.py.")
    # no program beside data/priors/: the drivers that name it run it, and the package the
    # root's setup.py builds with the drivers beside it is read whole
    assert scope.folders == [""]
    assert scope.why[""].startswith("stellar/ is the package setup.py builds at the root")
    assert any("drivers/run_fit.py loads the configs in data/priors/" in r for r in scope.reasons)
    # a module that computes is a program, not a config: the folder stays the code
    computed = {**files, "data/priors/kep_priors.py": "def prior():\n    return 24.278\n"}
    assert _scoped(tmp_path / "r2", computed, "See data/priors/kep_priors.py.").folders == [
        "data/priors"
    ]
