"""History patterns whose look-alikes flooded real histories with false dead ends: a run of
reverts backing out one piece of work, a branch of a built documentation site, a feature
named "dead-end" in a message, and deletions whose content lives on (a script moved into
the package, a variant merged into the general script) or that retire documentation, a
sandbox or a template; each next to the real pattern it must not hide."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import ref_status

HEAP = '''"""Heap instructions of the interpreter."""


def execute(op, heap):
    if op == "{op}":
        return heap.{call}()
    return heap
'''
GENERATE = '''"""Generate the bowshock model cube from a parameter file."""
import runpy
import sys

params = runpy.run_path(sys.argv[1])
model = BowshockModel(params["L0"], params["zj"], params["vj"], params["va"])
cube = model.project(params["i"], params["vsys"], params["distpc"])
cube.convolve(params["bmaj"], params["bmin"], params["pabeam"])
cube.add_noise(params["sigma_noise"])
cube.write(params["modelname"] + ".fits")
'''
FITTER = '''"""Fit the bowshock model to an observed cube with interactive sliders."""
import matplotlib.pyplot as plt
from matplotlib.widgets import Slider

fig, ax = plt.subplots()
slider_l0 = Slider(ax, "L0", 0.1, 2.0)
slider_vj = Slider(ax, "vj", 10.0, 200.0)
slider_l0.on_changed(lambda v: redraw(v, slider_vj.val))
plt.show()
'''


def _read(path: Path) -> History:
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def test_a_run_of_reverts_is_one_dead_end_citing_every_reverted_commit_and_revert(
    tmp_path: Path,
) -> None:
    steps: list[dict[str, object]] = [
        {"files": {"exec.py": HEAP.format(op="nop", call="copy")}, "msg": "Interpreter"}
    ]
    ops = [("alloc", "alloc"), ("free", "free"), ("load", "load")]
    for k, (op, call) in enumerate(ops):
        steps.append({"key": f"w{k}", "files": {f"heap_{op}.py": HEAP.format(op=op, call=call)},
                      "msg": f"Heap instruction {op}", "day": 1})  # fmt: skip
    for k in reversed(range(len(ops))):
        steps.append({"key": f"r{k}", "revert": f"w{k}", "day": 2})
    steps.append({"files": {"exec.py": HEAP.format(op="nop", call="view")}, "msg": "go on",
                  "day": 3})  # fmt: skip
    repo = git_repo(tmp_path, steps)
    [f] = _read(tmp_path).findings
    assert f.pattern == "revert-series" and f.kind == "dead_end"
    assert f.commits == [repo.shas[f"w{k}"] for k in range(3)] + [
        repo.shas[f"r{k}"] for k in (2, 1, 0)
    ]
    assert f.title.startswith("3 commits reverted one after another: Heap instruction alloc")
    assert f.undoing == [repo.shas[f"r{k}"] for k in (2, 1, 0)]


def test_a_single_revert_stays_its_own_dead_end(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"exec.py": HEAP.format(op="nop", call="copy")}, "msg": "Interpreter"},
            {"key": "w", "files": {"heap.py": HEAP.format(op="a", call="alloc")}, "msg": "Heap"},
            {"revert": "w", "day": 5},
            {"key": "v", "files": {"vm.py": HEAP.format(op="push", call="push")}, "msg": "VM"},
            {"revert": "v", "day": 9},
        ],
    )
    assert [f.pattern for f in _read(tmp_path).findings] == ["revert", "revert"]


def test_a_branch_of_a_built_documentation_site_is_publishing_not_abandoned(
    tmp_path: Path,
) -> None:
    site = {
        "index.html": "<html><body>docs</body></html>\n",
        "v0.4/index.html": "<html>v0.4</html>\n",
        "assets/documenter.js": "require(['jquery'], function($) {});\n",
        "assets/themes/light.css": "body { color: black; }\n",
        "search_index.js": "var documenterSearchIndex = {};\n",
        "stable": "v0.4",
        "versions.js": "var DOC_VERSIONS = ['stable', 'v0.4'];\n",
    }
    git_repo(
        tmp_path,
        [
            {"files": {"src/solver.jl": "function solve(x)\n    return 2x\nend\n"}, "msg": "go"},
            {"orphan": "gh-pages", "files": site, "msg": "build based on 1234abc", "day": 2},
            {"on": "main", "files": {"src/solver.jl": "solve(x) = 3x\n"}, "msg": "v2",
             "day": 400},
            # a branch of source that went stale is still abandoned
            {"on": "try-js", "files": {"web/app.js": "function app() { return 1; }\n"},
             "msg": "a web front end", "day": 401},
            {"on": "main", "files": {"src/solver.jl": "solve(x) = 4x\n"}, "msg": "v3",
             "day": 700},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    status = {r.label: r.status for r in h.refs}
    assert (status["gh-pages"], status["try-js"]) == ("publishing", "stale")
    assert [f.title for f in h.findings] == ["Abandoned branch try-js"]


def test_a_feature_named_dead_end_is_not_a_verdict_but_a_stated_dead_end_is(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"ast.jl": "rollout(s) = s\n"}, "msg": "start"},
            {"files": {"ast.jl": "rollout(s) = s + 1\n"},
             "msg": "Added metric recorder, non-sequential gen function, dead-end rollout."},
            {"files": {"ast.jl": "rollout(s) = s + 2\n"},
             "msg": "Importance sampling of the rollouts was a dead end."},
        ],
    )  # fmt: skip
    assert [f.title for f in _read(tmp_path).findings] == [
        "Importance sampling of the rollouts was a dead end."
    ]


def test_deleted_files_whose_content_lives_on_or_that_retire_docs_abandon_nothing(
    tmp_path: Path,
) -> None:
    lumache = '"""\nLumache - Python library for cooks and food lovers.\n"""\n\n' + (
        "def get_random_ingredients(kind=None):\n    return ['shells', 'gorgonzola', 'parsley']\n"
    )
    notebook = '{"cells": [{"source": "' + "model.plot()\\n" * 20 + '"}]}'
    git_repo(
        tmp_path,
        [
            {"files": {"generate_bowshock.py": GENERATE, "bowshock_fitter.py": FITTER,
                       "prueba_params.py": GENERATE.replace("model", "m2"),
                       "lumache.py": lumache, "docs/source/notebooks/example.ipynb": notebook,
                       "pkg/__init__.py": "\n"},
             "msg": "start"},
            # the script moves into the package under a new name, with a function around it
            {"files": {"generate_bowshock.py": None,
                       "pkg/genbow.py": "def generate():\n" + GENERATE},
             "msg": "runpy used for reading params file; installable with pip"},
            {"files": {"prueba_params.py": None, "lumache.py": None,
                       "docs/source/notebooks/example.ipynb": None},
             "msg": "notebooks rendered in readthedocs"},
            # a tool given up with no successor is still a dead end
            {"key": "gone", "files": {"bowshock_fitter.py": None}, "msg": "removed fitter"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.files) == ("deleted", ["bowshock_fitter.py"])


def test_a_results_table_never_included_while_its_siblings_are_is_a_dead_end(
    tmp_path: Path,
) -> None:
    table = "\\begin{{tabular}}{{lr}}\n{name} & {value} \\\\\n\\end{{tabular}}\n"
    doc = (
        "\\documentclass{{report}}\n\\begin{{document}}\n\\input{{tables/eval/f1.tex}}\n"
        "\\input{{tables/eval/time}}\n{extra}\\end{{document}}\n"
    )
    repo = git_repo(
        tmp_path,
        [
            {"files": {"thesis.tex": doc.format(extra=""),
                       "archive/old.tex": table.format(name="x", value=1)},
             "msg": "thesis"},
            {"key": "tables", "files": {
                f"tables/eval/{n}.tex": table.format(name=n, value=k)
                for k, n in enumerate(("f1", "time", "log_loss"))},
             "msg": "add tables with evaluation results"},
            # an \\input commented out does not include the table
            {"files": {"thesis.tex": doc.format(extra="% \\input{tables/eval/log_loss}\n")},
             "msg": "results chapter"},
            # someone's copy of an included table is not results of its own
            {"files": {"tables/eval/f1-kevtan.tex": table.format(name="f1", value=9)},
             "msg": "merge"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.commits, f.files) == (
        "unused-table",
        [repo.shas["tables"]],
        ["tables/eval/log_loss.tex"],
    )


def test_a_subject_that_names_what_went_and_what_came_is_a_pivot(tmp_path: Path) -> None:
    code = "def column_density(t):\n    return {body}\n"
    repo = git_repo(
        tmp_path,
        [
            {"files": {"rt.py": code.format(body="t * 2"), "Project.toml": "[deps]\n"},
             "msg": "start"},
            {"key": "co", "files": {"rt.py": code.format(body="t * 3")},
             "msg": "CO removed in pertinent lines and added the generalization for a linear "
                    "molecule"},
            {"key": "rl", "files": {"rt.py": code.format(body="t * 4"),
                                    "Project.toml": "[deps]\nCommonRLInterface = 1\n"},
             "msg": "Switch from RLInterface (depr) to CommonRLInterface"},
            # a value changed, or a file moved, is no change of approach
            {"files": {"rt.py": code.format(body="t * 5")}, "msg": "changed from 0.1 to 0.2"},
            {"files": {"rt.py": code.format(body="t * 6")}, "msg": "moved from a.py to b.py"},
        ],
    )  # fmt: skip
    found = [(f.kind, f.commits[-1], f.lesson) for f in _read(tmp_path).findings]
    assert found == [
        ("pivot", repo.shas["co"], "CO replaced by generalization"),
        ("pivot", repo.shas["rl"], "RLInterface replaced by CommonRLInterface"),
    ]


def test_a_branch_whose_logs_were_copied_to_main_but_whose_code_never_landed_is_abandoned(
    tmp_path: Path,
) -> None:
    logs = {f"logs/brahma/{k}.out": f"run {k}: 12 s\n" for k in range(8)}
    git_repo(
        tmp_path,
        [
            {"files": {"src/exec.c": "int exec(void) { return 0; }\n"}, "msg": "interpreter"},
            {"on": "brahma", "files": {"src/exec.c": "int exec(void) { return brahma(); }\n"},
             "msg": "First cut at Brahma", "day": 2},
            {"files": logs, "msg": "Added Brahma logs", "day": 3},
            # the logs, not the code, are copied onto main; main goes on for a year
            {"on": "main", "files": logs, "msg": "Added Brahma logs", "day": 4},
            # a pull request whose commits landed rebased through another one (new hashes
            # and contents, the same subjects and author dates)
            {"on": "octopus", "files": {"src/octopus.py": "class DataOctopus:\n    pass\n"},
             "msg": "Adds the DataOctopus class", "day": 5},
            {"on": "main", "files": {"src/octopus.py": "class DataOctopus:\n    kind = 1\n"},
             "msg": "Adds the DataOctopus class", "day": 5},
            {"files": {"src/exec.c": "int exec(void) { return 1; }\n"}, "msg": "go on",
             "day": 400},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    status = {r.label: r.status for r in h.refs}
    assert (status["brahma"], status["octopus"]) == ("stale", "landed")
    assert [f.title for f in h.findings] == ["Abandoned branch brahma"]


def test_results_a_commit_says_it_removes_from_the_readme_are_a_dead_end_with_its_reason(
    tmp_path: Path,
) -> None:
    readme = "# FastPCA\n\n## Benchmarks\n\nTiming: 8.5 s.\n{memory}"
    repo = git_repo(
        tmp_path,
        [
            {"files": {"README.Rmd": readme.format(memory="Memory: 321 MB.\n"),
                       "bench.R": "x <- bench::mark(fastpca(m), iterations = 10)\n" * 3},
             "msg": "paper benchmarking"},
            {"key": "cut", "files": {"README.Rmd": readme.format(
                memory="<!-- Because cannot figure out best way to assess memory usage\n-->\n")},
             "msg": "update readme with dependencies and remove memory benchmarking"},
            # old or duplicate results taken out are tidying, not a dead end
            {"files": {"README.Rmd": readme.format(memory="")},
             "msg": "remove duplicate results"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits) == ("dead_end", "results-cut", [repo.shas["cut"]])
    assert f.lesson == "Because cannot figure out best way to assess memory usage"


def test_scripts_archived_where_the_paper_still_points_are_kept_not_retired(
    tmp_path: Path,
) -> None:
    script = "data <- readRDS('kidney.rds')\nfit <- FastPCA(data, k = 100)\nprint(fit)\n"
    git_repo(
        tmp_path,
        [
            {"files": {"paper/benchmarking_script.R": script, "paper/fit_tsne.R": script,
                       "paper/paper.md": "# Paper\n"},
             "msg": "update for paper"},
            {"move": {"paper/benchmarking_script.R": "paper/archive/benchmarking_script.R",
                      "paper/fit_tsne.R": "paper/old/fit_tsne.R"},
             "msg": "paper benchmarking"},
            {"files": {"paper/paper.md": "# Paper\nThe full script: "
                       "https://github.com/x/y/blob/main/paper/archive/benchmarking_script.R\n"},
             "msg": "link the script"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.title) == ("retired", "1 script retired to paper/old")


def test_a_pivot_the_message_names_takes_in_the_scripts_it_deleted(tmp_path: Path) -> None:
    deps = 'using Pkg\nPkg.add(url="https://github.com/sisl/RLInterface.jl")\nPkg.instantiate()\n'
    repo = git_repo(
        tmp_path,
        [
            {"files": {"src/AST.jl": "using RLInterface\nstep(env) = env\n",
                       "tools/deps.jl": deps, "Project.toml": "[deps]\nRLInterface = 1\n"},
             "msg": "start"},
            {"key": "switch", "files": {"src/AST.jl": "using CommonRLInterface\nstep(e) = e\n",
                                        "tools/deps.jl": None,
                                        "Project.toml": "[deps]\nCommonRLInterface = 1\n"},
             "msg": "Switch from RLInterface (depr) to CommonRLInterface"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits[-1]) == ("pivot", "switched", repo.shas["switch"])
    assert "tools/deps.jl" in f.files and "Project.toml" in f.files


def test_restoring_what_a_commit_removed_is_no_dead_end_a_restore_of_work_is(
    tmp_path: Path,
) -> None:
    plots = "def plot_morphology(model):\n    return model.draw(kind='{kind}')\n"
    git_repo(
        tmp_path,
        [
            {"files": {"plots.py": plots.format(kind="morph")}, "msg": "plots"},
            {"files": {"plots.py": "def nothing():\n    return None\n"},
             "msg": "some comments removed"},
            {"files": {"plots.py": plots.format(kind="morph")},
             "msg": "restored plot morph. of BowshockModelPlot"},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


def test_code_that_falls_back_from_an_option_for_a_stated_fault_sets_it_aside(
    tmp_path: Path,
) -> None:
    utils = (
        'validate_backend = function(backend = c("pytorch", "tinygrad")){{\n'
        "  backend = match.arg(backend)\n"
        '  if("tinygrad" %in% backend){{\n    message("{text}")\n    backend = "pytorch"\n  }}\n'
        "  return(backend)\n}}\n"
    )
    slow = "Falling back to pytorch - current SVD in tinygrad is slow and memory hungry."
    repo = git_repo(
        tmp_path,
        [
            {"files": {"R/utils.R": "x <- 1\n"}, "msg": "start"},
            {"key": "tg", "files": {"R/utils.R": utils.format(text=slow),
                                    "inst/python/tinygrad_svd.py": "import tinygrad\n" * 5},
             "msg": "add validation for backend"},
            # a fallback for a missing device states no fault of the option
            {"files": {"R/gpu.R": 'message("Falling back to cpu - no GPU is available.")\n'},
             "msg": "gpu check"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.commits) == ("dead_end", [repo.shas["tg"]])
    assert f.files == ["R/utils.R", "inst/python/tinygrad_svd.py"] and f.lesson == slow


def test_a_duplicate_removed_and_numbered_copies_folded_into_their_base_abandon_nothing(
    tmp_path: Path,
) -> None:
    anneal = "int synth(int n) {{\n  int best = {k};\n  for (int i = 0; i < n; i++) best += i;\n  return best;\n}}\n"
    nop = "int check(int x) {\n  /* accept every candidate program */\n  int ok = x == x;\n  return ok;\n}\n"
    git_repo(
        tmp_path,
        [
            {"files": {f"anneal/synth{k}.c": anneal.format(k=k) for k in ("", "1", "2")}
             | {"checkers/nop.c": nop, "checkers/solver.c": nop.replace("check", "solve")},
             "msg": "annealing"},
            {"files": {"anneal/synth1.c": None, "anneal/synth2.c": None,
                       "anneal/synth.c": anneal.format(k="k")},
             "msg": "Add ITE instruction"},
            {"files": {"checkers/nop.c": None}, "msg": "Removed nop checker (it was a duplicate of id)"},
            # a checker given up is still a dead end
            {"files": {"checkers/solver.c": None}, "msg": "Remove the solver checker"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.files) == ("deleted", ["checkers/solver.c"])


def test_readme_results_rewritten_with_new_settings_are_a_pivot_a_rerun_alone_is_not(
    tmp_path: Path,
) -> None:
    readme = "# Place recognition\n\n| Method | Precision | Recall |\n|---|---|---|\n{rows}"
    rows = "| SuperGlue | {a} | {b} |\n| Scan Context | {c} | {d} |\n"
    launch = '<launch>\n  <param name="threshold" value="{t}"/>\n</launch>\n'
    repo = git_repo(
        tmp_path,
        [
            {"files": {"README.md": readme.format(rows=rows.format(a=0.844, b=0.396, c=0.849, d=0.312)),
                       "launch/superglue.launch": launch.format(t=145), "eval.py": "x = 1\n"},
             "msg": "first results"},
            {"key": "rerun",
             "files": {"README.md": readme.format(rows=rows.format(a=0.970, b=0.320, c=0.951, d=0.178)),
                       "launch/superglue.launch": launch.format(t=240)},
             "msg": "Add precision-recall curve graphics. Update results."},
            # the same numbers re-run without a change of settings re-run nothing given up
            {"files": {"README.md": readme.format(rows=rows.format(a=0.971, b=0.321, c=0.95, d=0.17)),
                       "eval.py": "x = 2\n"},
             "msg": "Update results"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits[-1]) == ("pivot", "rerun", repo.shas["rerun"])
    assert f.files == ["README.md", "launch/superglue.launch"]


def test_a_large_file_with_many_versions_is_followed_through_a_spread_of_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # each version of a followed file is parsed whole; a big module with a long history is
    # read at versions spread from first to last, and the summary counts the rest
    from arakit.compiler.repo import history as history_module

    monkeypatch.setattr(history_module, "MAX_FOLLOW_CHARS", 3 * 40)
    commits = [
        {"files": {"train.py": f"lr = 0.{n}\n" + "#" * 30 + "\n"}, "msg": f"lr {n}", "day": n}
        for n in range(1, 10)
    ]
    git_repo(tmp_path, commits)
    hist = read_history(tmp_path, params_of, ["train.py"])
    assert hist is not None
    (change,) = [c for c in hist.changes if c.name == "lr"]
    assert [v for v, _, _ in change.values] == ["0.1", "0.5", "0.9"]
    assert hist.versions_unread == 6


def test_a_branch_whose_r_markdown_analysis_never_landed_is_abandoned_though_its_figures_did(
    tmp_path: Path,
) -> None:
    figures = {f"manuscript/figures/fig{k}.png": f"PNG figure {k}\n" for k in range(6)}
    git_repo(
        tmp_path,
        [
            {"files": {"analyses/sim/sim.Rmd": "```{r}\nx <- rnorm(300)\n```\n"}, "msg": "sim"},
            # a fifth dataset's analysis, committed with copies of the paper's figures
            {"on": "extra_data", "files": {"analyses/extra/extra.Rmd": "```{r}\npca(x)\n```\n",
             **figures}, "msg": "Adding extra data to analyses folder", "day": 2},
            {"on": "main", "files": figures, "msg": "figures", "day": 3},
            {"files": {"analyses/sim/sim.Rmd": "```{r}\nx <- rnorm(500)\n```\n"}, "msg": "go on",
             "day": 400},
        ],
    )  # fmt: skip
    assert ref_status(tmp_path)["extra_data"] == "stale"
