"""History marks that give nothing up, each beside the real dead end it must not hide: a
notebook uploaded again under a new name and the old one deleted, a script deleted while
its notebook twin stays, a file brought back out of old/, a unit test or a benchmark
deleted, reverts of an ignore file, of a sync that wiped the code and of a tweak set back
within minutes, and a commented-out run loop; and the approaches that must still be found:
a clean-up told per folder, overloads added and removed again inside files that stay, and
trials the paper narrates tied to the commits that built them."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.narrated import narrated_nodes, narrated_trials, tie_to_commits
from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import history_of as _read
from tests.compiler.histories import script


def _notebook(code: str) -> str:
    lines = [f'    "{ln}\\n",' for ln in code.splitlines()]
    lines[-1] = lines[-1].rstrip(",").replace('\\n"', '"')
    return (
        '{\n "cells": [\n  {\n   "cell_type": "code",\n   "outputs": [],\n   "source": [\n'
        + "\n".join(lines)
        + '\n   ]\n  }\n ],\n "nbformat": 4\n}\n'
    )


def test_a_notebook_uploaded_again_under_a_new_name_is_no_dead_end(tmp_path: Path) -> None:
    first = script("asr")
    repo = git_repo(
        tmp_path,
        [
            {"files": {"README.md": "ASR\n", "helpers.py": script("helpers")}, "msg": "init"},
            {"files": {"[ASR]_model.ipynb": _notebook(first)}, "msg": "Add files via upload",
             "day": 1},
            {"files": {"ASR_model_train.ipynb": _notebook(first + script("extra", 3))},
             "msg": "Add files via upload", "day": 2},
            {"files": {"[ASR]_model.ipynb": None}, "msg": "Delete [ASR]_model.ipynb", "day": 2},
            # a notebook and the script exported from it: the script goes, the notebook stays
            {"files": {"ctc.py": script("ctc")}, "msg": "Add files via upload", "day": 3},
            {"files": {"ctc.ipynb": _notebook(script("ctc2"))}, "msg": "notebook", "day": 4},
            {"files": {"ctc.py": None}, "msg": "Delete ctc.py", "day": 5},
            {"files": {"prosody.py": script("prosody")}, "msg": "prosody features", "day": 6},
            {"key": "gone", "files": {"prosody.py": None}, "msg": "Delete prosody.py", "day": 9},
        ],
    )  # fmt: skip
    [f] = [f for f in _read(tmp_path).findings if f.kind == "dead_end"]
    assert f.pattern == "deleted" and f.files == ["prosody.py"]
    assert f.commits[-1] == repo.shas["gone"]


def test_a_file_brought_back_out_of_old_was_not_retired(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"extract.py": script("extract"), "vowels.py": script("vowels")},
             "msg": "features"},
            {"move": {"extract.py": "old/extract.py", "vowels.py": "old/vowels.py"},
             "msg": "move files", "day": 2},
            {"key": "back", "move": {"old/extract.py": "development/extract.py"},
             "msg": "development files", "day": 3},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "retired" and f.files[0] == "old/vowels.py"
    assert repo.shas["back"] not in f.commits


CATCH2 = """#include <catch2/catch_test_macros.hpp>
#include <knn.hpp>

TEST_CASE("knn regression", "[knn]") {
  REQUIRE(knn::count(3) == 3);
  REQUIRE(knn::count(4) == 4);
  REQUIRE(knn::count(5) == 5);
}
"""


def test_a_unit_test_or_a_benchmark_script_deleted_is_no_dead_end(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"test/knn.cpp": CATCH2, "benchmarks/time_knn.py": script("timing"),
                       "src/knn.cpp": "int count(int k) { return k; }\n"}, "msg": "knn"},
            {"files": {"test/knn.cpp": None}, "msg": "removed test", "day": 2},
            {"files": {"benchmarks/time_knn.py": None}, "msg": "removed benchmarks", "day": 3},
        ],
    )  # fmt: skip
    assert not _read(tmp_path).findings


TRAIN = '''"""Train the keypoint model."""


def train(model, data):
    for batch in data:
        loss = model(batch)
        loss.backward()
    return model
'''
ATTENTION = TRAIN.replace(
    "        loss = model(batch)\n",
    "        weights = model.attend(batch)\n        loss = model(batch * weights)\n",
)


def test_reverts_of_upkeep_a_wiping_sync_or_a_quick_tweak_abandon_nothing(
    tmp_path: Path,
) -> None:
    config = "dataset:\n  pairs_list: data/pairs.csv\n  frames: 64\n"
    repo = git_repo(
        tmp_path,
        [
            {"files": {"train.py": TRAIN, "config.yaml": config, "paper/main.tex": "x\n"},
             "msg": "init"},
            {"key": "ignore", "files": {".gitignore": ".idea\n"}, "msg": "add gitignore",
             "day": 1},
            {"revert": "ignore", "day": 1},
            {"key": "sync", "files": {"train.py": None, "config.yaml": None,
                                      "paper/main.tex": "y\n"}, "msg": "Updates from Overleaf",
             "day": 2},
            {"revert": "sync", "day": 2},
            {"key": "partial", "files": {"config.yaml": config.replace("pairs.csv",
                                                                        "pairs-partial.csv")},
             "msg": "partial data", "day": 3},
            {"revert": "partial", "day": 3},
            {"key": "att", "files": {"train.py": ATTENTION}, "msg": "attention weights",
             "day": 4},
            {"key": "undo", "revert": "att", "day": 9},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "revert" and f.commits == [repo.shas["att"], repo.shas["undo"]]


def test_a_clean_up_is_told_per_folder_of_work(tmp_path: Path) -> None:
    files = {f"scripts/taylor/{n}_exp_log_sin.py": script(f"taylor_{n}") for n in "abcde"}
    files |= {f"scripts/rational/{n}.py": script(f"rational_{n}") for n in ("run", "plot")}
    files |= {"scripts/rational_extra/fit.py": script("rational_fit"),
              "scripts/plots/loss.py": script("loss")}  # fmt: skip
    repo = git_repo(
        tmp_path,
        [
            {
                "files": {**files, **{f"src/{n}.py": script(f"lib_{n}") for n in "abcdefgh"}},
                "msg": "experiments",
            },
            {"key": "clean", "files": dict.fromkeys(files), "msg": "clean up", "day": 20},
        ],
    )
    found = [f for f in _read(tmp_path).findings if f.pattern == "deleted"]
    assert all(f.commits[-1] == repo.shas["clean"] for f in found)
    groups = sorted(sorted(f.files) for f in found)
    # plotting scripts (scripts/plots/, rational/plot.py) draw figures: no approach given up
    assert groups == [
        ["scripts/rational/run.py", "scripts/rational_extra/fit.py"],
        sorted(p for p in files if "taylor" in p),
    ]


def test_a_run_loop_commented_out_is_no_dead_end_but_an_approach_is(tmp_path: Path) -> None:
    model = "".join(f"    layer_{i} = dense(x, width={i})\n" for i in range(12))
    loop = "".join(f"    produce_or_load(run, seed={i}, width={i})\n" for i in range(12))
    before = f"def run(config):\n{model}    return layer_0\n\n\nfor nr in range(10):\n{loop}"
    after = "def run(config):\n" + model + "    return layer_0\n\n\n"
    after += "".join(f"# {ln}\n" for ln in f"for nr in range(10):\n{loop}".splitlines())
    stage = "".join(
        f"model.stage_two_{i} = retrain(model, classes=7, step={i})\n" for i in range(12)
    )
    git_repo(
        tmp_path,
        [
            {"files": {"fit.py": before, "stages.py": f"model = load()\n{stage}"},
             "msg": "experiments"},
            {"files": {"fit.py": after,
                       "stages.py": "model = load()\n"
                       + "".join(f"# {ln}\n" for ln in stage.splitlines())},
             "msg": "switch off", "day": 2},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "commented-out" and f.files == ["stages.py"]


HEADER = """#pragma once
template <typename T>
void compute(
  const T i,
  const global_accessor<T>& heap,
  const size_t offset,
  const struct args& args
);
{extra}"""
LOCAL_DECL = """template <typename T>
void compute(
  const T i,
  const sycl::local_accessor<T, 2>& heap,
  const size_t local_offset,
  const struct args& args
);
"""
IMPL = """#include "knn.hpp"
template <typename T>
void compute(const T i, const global_accessor<T>& heap, const size_t offset, const struct args& args) {{
  heap[offset] = i;
}}
{extra}"""
LOCAL_IMPL = """template <typename T>
void compute(
  const T i,
  const sycl::local_accessor<T, 2>& heap,
  const size_t local_offset,
  const struct args& args
) {
  heap[i][local_offset] = i * args.scale;
  heap[i][local_offset + 1] = i * args.shift;
}
"""


def test_overloads_added_and_removed_again_inside_files_that_stay(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"include/knn.hpp": HEADER.format(extra=""),
                       "src/knn.ipp": IMPL.format(extra="")}, "msg": "knn"},
            {"key": "add", "files": {"include/knn.hpp": HEADER.format(extra=LOCAL_DECL),
                                     "src/knn.ipp": IMPL.format(extra=LOCAL_IMPL)},
             "msg": "added functions with local accessor", "day": 2},
            {"key": "rm1", "files": {"include/knn.hpp": HEADER.format(extra="")},
             "msg": "removed local accessor overload", "day": 5},
            {"key": "rm2", "files": {"src/knn.ipp": IMPL.format(extra="")},
             "msg": "removed local accessor overload", "day": 5},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "withdrawn" and set(f.files) == {"include/knn.hpp", "src/knn.ipp"}
    assert f.commits == [repo.shas["add"], repo.shas["rm1"], repo.shas["rm2"]]


def test_a_single_helper_removed_from_one_file_is_upkeep(tmp_path: Path) -> None:
    helper = "".join(f"    out_{i} = suppress_stdout(step={i})\n" for i in range(8))
    base = "def bind(module):\n    return module\n"
    git_repo(
        tmp_path,
        [
            {"files": {"bind.py": base}, "msg": "bindings"},
            {"files": {"bind.py": base + f"\n\ndef quiet_stdout(call):\n{helper}    return 1\n"},
             "msg": "suppressed stdout", "day": 2},
            {"files": {"bind.py": base.replace("module", "mod")},
             "msg": "removed stdout suppression", "day": 3},
        ],
    )  # fmt: skip
    assert not _read(tmp_path).findings


def _paper(*paragraphs: str) -> Document:
    sec = DocSection("5", "Results", 1, 4, paragraphs=[Paragraph(p, 4, "5") for p in paragraphs])
    return Document(path="paper.pdf", pages=6, sections=[sec])


def test_trials_the_paper_narrates_are_tied_to_the_commits_that_built_them(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"segmentation.py": script("seg")}, "msg": "init"},
            {"key": "lstm", "files": {"segmentation.py": script("lstm")},
             "msg": "ConvLSTM implem", "day": 1},
            {"key": "seg", "files": {"segment.ipynb": _notebook(script("segformer"))},
             "msg": "Tried SegformerModel", "day": 2},
            {"files": {"frames.py": script("vptr")}, "msg": "VPTR training", "day": 3},
            {"files": {"README.md": "multi GPU\n"}, "msg": "DataParallel notes", "day": 4},
        ],
    )  # fmt: skip
    doc = _paper(
        "For future frames, we experimented with various models, including ConvLSTM, "
        "Segformer, and VPTR. Ultimately, we chose VPTR-NAR for its convergence.",
        "We explored DataParallel and DistributedParallel models, without success.",
        "We tested our model on the hidden set.",
    )
    trials = narrated_trials(doc)
    assert [t.name for t in trials] == ["ConvLSTM", "Segformer"]
    h = _read(tmp_path)
    tied = tie_to_commits(trials, list(h.all_commits.values()))
    assert [(t.name, [c.sha for c in t.commits], t.files) for t in tied] == [
        ("ConvLSTM", [repo.shas["lstm"]], ["segmentation.py"]),
        ("Segformer", [repo.shas["seg"]], ["segment.ipynb"]),
    ]
    # each becomes a dead end citing the page and the commits, outside the history's own
    # finding count (it carries no history pattern)
    ids = iter(range(100))
    nodes = narrated_nodes(doc, list(h.all_commits.values()), lambda: f"N{next(ids)}", "paper")
    assert [n.source_refs for n in nodes] == [
        ["paper: p. 4, §5", repo.shas["lstm"]],
        ["paper: p. 4, §5", repo.shas["seg"]],
    ]
    assert all(n.type == "dead_end" and "pattern" not in n.extra for n in nodes)
