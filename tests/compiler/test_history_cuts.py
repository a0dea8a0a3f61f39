"""History patterns of work cut by name or by content, on real git repositories the tests
build: sections cut from a paper's LaTeX, libraries tried and dropped, setups tried and
removed, approaches switched in a message, reverts of rebased commits, deleted C++ code
described from its own comments, and deletions that abandon nothing (code folded into
another file, an editor's template, a driver removed with code that moved)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from tests.compiler.gitrepo import git_repo

FILLER = "\n".join(
    f"Line {i} of the derivation states how the kernel term {i} enters the likelihood."
    for i in range(14)
)
PAPER = r"""\documentclass{aastex}
\begin{document}
\section{Introduction}
We model stellar variability with Gaussian processes.
\section{Method}
The solver factorizes the covariance matrix in linear time.
{extra}
\section{Results}
It is fast.
\end{document}
"""
KERNEL_SECTION = "\\section{Kernel approximation}\n" + FILLER + "\n"
BAND_H = """#ifndef _SOLVER_BAND_H_
#define _SOLVER_BAND_H_
#include <cmath>
#include <Eigen/Core>

namespace celerite {

/// The class solves the extended banded system with LAPACK
template <typename T>
class BandSolver {
public:
  BandSolver () {};
  // step one: pad the input
  void compute (int n) { int l = 1; }
};

}
#endif
"""
PARAM_H = """#ifndef _PARAMETERS_
#define _PARAMETERS_
namespace exoabc {
class BaseParameter {
public:
  virtual double value () const = 0;
};
class Parameter : public BaseParameter {
public:
  double value () const { return 1.0; };
};
}
#endif
"""
DIST_H = """#ifndef _DISTRIBUTIONS_
#define _DISTRIBUTIONS_
namespace exoabc {
class Distribution {
public:
  virtual double log_pdf (double x) const { return 0.0; };
};
}
#endif
"""
FIT = '''"""Fit the rotation model with MCMC."""
import numpy as np
{imports}

def fit(data):
    return np.mean(data)
'''


def _read(path: Path) -> History:
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def test_a_section_cut_from_the_paper_is_a_dead_end_citing_who_wrote_and_who_cut_it(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "draft", "files": {"paper/ms.tex": PAPER.replace("{extra}", KERNEL_SECTION)},
             "msg": "draft with the kernel approximation"},
            {"key": "cut", "files": {"paper/ms.tex": PAPER.replace("{extra}", "")},
             "msg": "removing kernel approximation section"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern) == ("dead_end", "section-cut")
    assert f.title == 'Section "Kernel approximation" cut from ms.tex'
    assert f.commits == [repo.shas["draft"], repo.shas["cut"]]
    assert f.files == ["paper/ms.tex"]
    assert "(14 lines): Line 0 of the derivation states how the kernel term 0" in f.what


def test_sections_moved_renamed_redone_or_fixed_parts_are_not_cuts(tmp_path: Path) -> None:
    intro = "\\section{Acknowledgements}\n" + FILLER + "\n"
    git_repo(
        tmp_path,
        [
            {"files": {"ms.tex": PAPER.replace("{extra}", KERNEL_SECTION + intro)},
             "msg": "draft"},
            # the section moves to its own file: its text is written again in the commit
            {"files": {"ms.tex": PAPER.replace("{extra}", intro), "kernel.tex": KERNEL_SECTION},
             "msg": "split the paper"},
            # the acknowledgements go: a fixed part of a paper, not a method
            {"files": {"ms.tex": PAPER.replace("{extra}", "")}, "msg": "drop thanks"},
            # a section reworded into another file under a new heading: rewritten, not cut
            {"files": {"ms.tex": PAPER.replace("{extra}", "\\section{Solver}\n" + FILLER),
                       "other.tex": "\\section{Physical characteristics}\n" + FILLER},
             "msg": "solver section"},
            {"files": {"ms.tex": PAPER.replace("{extra}", ""),
                       "other.tex": "\\section{Physical characteristics}\n" + FILLER + "\n"
                       + "\\subsection{The linear-time solver}\n" + FILLER.replace("kernel", "K")},
             "msg": "update manuscript"},
            # a section cut and written again later: deferred, not abandoned
            {"files": {"kernel.tex": None}, "msg": "not now"},
            {"files": {"kernel.tex": KERNEL_SECTION.replace("Line", "Row")}, "msg": "back"},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


def test_a_library_tried_and_dropped_cites_the_commit_that_first_imported_it(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"pkg/fit.py": FIT.format(imports="")}, "msg": "fit"},
            {"key": "try", "files": {"pkg/fit.py": FIT.format(imports="import dynesty")},
             "msg": "adding nested sampling"},
            {"key": "drop", "files": {"pkg/fit.py": FIT.format(imports="")},
             "msg": "removing dynesty dependency"},
            # a dependency the code never imported is packaging, not tried work
            {"files": {"requirements.txt": "numpy\n"}, "msg": "removing pandas dependency"},
        ],
    )  # fmt: skip
    found = [f for f in _read(tmp_path).findings if f.pattern == "removed-dependency"]
    assert [(f.kind, f.title, f.commits) for f in found] == [
        ("dead_end", "dynesty tried and removed", [repo.shas["try"], repo.shas["drop"]])
    ]
    assert found[0].files == ["pkg/fit.py"]


def test_a_setup_added_to_try_something_and_then_deleted_is_a_dead_end(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"fit.py": FIT.format(imports="")}, "msg": "fit"},
            {"key": "try", "files": {".travis.yml": "language: python\nscript: make paper\n"},
             "msg": "trying out travis"},
            {"files": {"config.yml": "steps: 10\n"}, "msg": "config"},
            {"key": "drop", "files": {".travis.yml": None, "config.yml": None},
             "msg": "removing travis build"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits) == (
        "dead_end",
        "tried",
        [repo.shas["try"], repo.shas["drop"]],
    )
    assert f.files == [".travis.yml"]  # config.yml was not added on trial


def test_a_message_that_switches_to_one_thing_and_removes_another_is_a_pivot(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"method.tex": "We interpolate the PGM grid.\n"}, "msg": "method"},
            {"key": "eep", "files": {"method.tex": "We interpolate in EEP.\n"},
             "msg": "changing to EEP and updating gyro model and removing PGM"},
            {"files": {"method.tex": "We interpolate in EEP, fast.\n"},
             "msg": "removed change to .gitignore"},
            {"move": {"method.tex": "paper/method.tex"}, "msg": "moving to paper/ and removing junk"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits) == ("pivot", "switched", [repo.shas["eep"]])
    assert (f.what, f.lesson) == (
        "PGM (removed in " + repo.shas["eep"][:7] + ")",
        "PGM replaced by EEP",
    )


def test_a_revert_of_a_rebased_commit_is_found_by_the_subject_git_quoted(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"ms.tex": "transit depth\n"}, "msg": "paper"},
            {"key": "term", "files": {"ms.tex": "transit signal\n"}, "msg": "transit terminology"},
            {"key": "back", "files": {"ms.tex": "transit depth\n", "notes.md": "kept\n"},
             "msg": 'Revert "transit terminology"\n\nThis reverts commit '
             "acb4e6d1e29bb66592fa6588bfaa6816c009655c."},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.title, f.commits) == (
        "revert",
        "Reverted: transit terminology",
        [repo.shas["term"], repo.shas["back"]],
    )


def test_a_deleted_cpp_solver_says_what_it_did_from_its_doc_comment(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"include/band.h": BAND_H, "include/solver.h": DIST_H}, "msg": "solvers"},
            {"files": {"include/band.h": None}, "msg": "huge refactor - removing banded solves"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.files) == ("dead_end", "deleted", ["include/band.h"])
    assert f.what == "band.h: BandSolver: The class solves the extended banded system with LAPACK"


def test_code_folded_into_another_file_a_template_and_a_driver_of_moved_code_abandon_nothing(
    tmp_path: Path,
) -> None:
    template = "# This is a sample Python script.\n\n# Press Shift+F10 to execute it.\n" + (
        "def print_hi(name):\n    print(f'Hi, {name}')\n"
    )
    driver = "#include <ctime>\nint main () {\n  return run_simulation(std::time(0));\n}\n"
    git_repo(
        tmp_path,
        [
            {"files": {"inc/parameter.h": PARAM_H, "inc/distributions.h": DIST_H,
                       "main.py": template, "sim/main.cpp": driver,
                       "sim/quad.h": BAND_H, "sim/ellint.h": PARAM_H.replace("Param", "Ell")},
             "msg": "start"},
            # parameter.h's classes move into distributions.h in the same commit
            {"files": {"inc/parameter.h": None,
                       "inc/distributions.h": DIST_H.replace("namespace exoabc {",
                                                             "namespace exoabc {\n" + PARAM_H)},
             "msg": "different memory management"},
            {"files": {"main.py": None}, "msg": "added doe"},
            # a unit test named *_test.py goes with what it tested
            {"files": {"stardate/priors_test.py": FIT.format(imports="import pytest")
                       + "\n\ndef test_prior():\n    assert fit([1]) == 1\n"},
             "msg": "prior tests"},
            {"files": {"stardate/priors_test.py": None}, "msg": "removing prior tests"},
            # a second copy of a header goes; the same content stays at its other path
            {"files": {"python/include/bandsolver.h": BAND_H}, "msg": "copy headers for the wheel"},
            {"files": {"python/include/bandsolver.h": None}, "msg": "deleting python/"},
            # a mirrored tree (python/include/celerite/ beside cpp/include/celerite/) goes,
            # its files differing a little from the ones that stay
            {"files": {"cpp/include/celerite/direct.h": BAND_H,
                       "python/include/celerite/direct.h": BAND_H.replace("LAPACK", "Eigen")},
             "msg": "vendor the headers"},
            {"files": {"python/include/celerite/direct.h": None}, "msg": "drop the python tree"},
            # a file deleted by a commit that says it renames things took a new name
            {"files": {"inc/genrp.h": PARAM_H.replace("Param", "Genrp")}, "msg": "genrp"},
            {"files": {"inc/genrp.h": None, "inc/celerite.h": PARAM_H.replace("Param", "Cel")},
             "msg": "renaming in C++"},
            # ... though what such a commit moves into an old/ folder is retired
            {"files": {"RLC/RLC_use_model.py": FIT.format(imports="")}, "msg": "use model"},
            {"move": {"RLC/RLC_use_model.py": "RLC/old/RLC_use_model.py"},
             "msg": "moving and renaming"},
            {"files": {"RLC/RLC_fit_OE_test.py": FIT.format(imports="import torch")},
             "msg": "OE fit on the test set"},
            {"files": {"RLC/RLC_fit_OE_test.py": None}, "msg": "drop the OE fit"},
            # the headers move (they come back elsewhere later); their driver goes with them
            {"files": {"sim/main.cpp": None, "sim/quad.h": None, "sim/ellint.h": None},
             "msg": "restructure"},
            {"files": {"include/quad.h": BAND_H, "include/ellint.h": PARAM_H.replace("Param", "Ell")},
             "msg": "headers back"},
        ],
    )  # fmt: skip
    assert [(f.pattern, f.title) for f in _read(tmp_path).findings] == [
        ("retired", "1 script retired to RLC/old"),
        ("deleted", "1 script deleted from RLC"),  # an experiment variant named *_test.py
    ]


def test_an_old_copy_deleted_is_still_a_dead_end_though_its_classes_live_on(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"inc/simulation.h": PARAM_H,
                       "inc/simulation_old.h": PARAM_H.replace("1.0", "0.5")}, "msg": "keep"},
            {"files": {"inc/simulation_old.h": None,
                       "inc/simulation.h": PARAM_H.replace("1.0", "2.0")}, "msg": "saving params"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.files) == ("deleted", ["inc/simulation_old.h"])


def test_work_in_progress_messages_and_notes_are_not_dead_ends(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"fit.py": FIT.format(imports="")}, "msg": "model toggle not working yet"},
            {"files": {"fit.py": FIT.format(imports="import os")}, "msg": "still not working"},
            {"files": {"README.md": "This method doesn't work yet but it will.\n"}, "msg": "doc"},
            {"files": {"fit.py": FIT.format(imports="import sys")},
             "msg": "The LSTM does not converge, so we abandon it"},
        ],
    )  # fmt: skip
    assert [(f.pattern, f.title) for f in _read(tmp_path).findings] == [
        ("message", "The LSTM does not converge, so we abandon it")
    ]


def test_a_pull_requests_trial_merge_ref_is_held_within_its_head(tmp_path: Path) -> None:
    src = tmp_path / "src"
    git_repo(
        src,
        [
            {"files": {"fit.py": FIT.format(imports="")}, "msg": "Fit", "day": 0},
            {"on": "pr", "files": {"gmc.py": BAND_H}, "msg": "Add GMC", "day": 1,
             "ref": "refs/pull/7/head"},
            {"on": "main", "files": {"fit.py": FIT.format(imports="import os")}, "msg": "Later",
             "day": 2},
            {"on": "trial", "merge": "pr", "ref": "refs/pull/7/merge", "day": 3},
            {"on": "main", "files": {"fit.py": FIT.format(imports="import re")}, "msg": "Much later",
             "day": 400},
        ],
    )  # fmt: skip
    subprocess.run(["git", "-C", str(src), "branch", "-q", "-D", "pr", "trial"], check=True)
    h = _read(src)
    refs = {r.label: (r.status, r.note) for r in h.refs}
    assert refs["pull/7/head"] == ("stale", "")
    assert refs["pull/7/merge"] == ("within", "pull/7/head")
    assert [f.ref for f in h.findings if f.pattern == "branch"] == ["pull/7/head"]


def test_a_replacement_made_to_avoid_a_fault_and_a_tutorial_taken_down_are_not_dead_ends(
    tmp_path: Path,
) -> None:
    notebook = '{"cells": [{"cell_type": "markdown", "source": ["# Multimodal VAEs, hands on"]}]}'
    git_repo(
        tmp_path,
        [
            {"files": {"model.py": FIT.format(imports=""),
                       "examples/tutorial_notebooks/summer_school/intro.ipynb": notebook * 3},
             "msg": "model and tutorial"},
            {"files": {"model.py": FIT.format(imports="import torch")},
             "msg": "replace torch no grad by detach to avoid nan issues with transformers."},
            {"files": {"examples/tutorial_notebooks/summer_school/intro.ipynb": None},
             "msg": "remove tutorial notebook for summer school"},
            {"files": {"model.py": FIT.format(imports="import jax")},
             "msg": "use jax instead of torch because it is faster"},
        ],
    )  # fmt: skip
    assert [(f.kind, f.pattern) for f in _read(tmp_path).findings] == [("pivot", "replaced")]


def test_a_section_that_goes_missing_in_a_rewrite_of_the_draft_is_not_a_cut(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"ms.tex": PAPER.replace("{extra}", KERNEL_SECTION)}, "msg": "draft"},
            # the authors say nothing of cutting: a draft rewritten ("arXiv text"), whose
            # sections are re-titled, merged or moved as often as they are dropped
            {"files": {"ms.tex": PAPER.replace("{extra}", "")}, "msg": "arXiv text"},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []
