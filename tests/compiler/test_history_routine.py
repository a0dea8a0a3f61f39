"""Work that leaves the marks of a dead end without giving anything up: a print added and
taken out, hyperparameters tried and set back, a third-party file dropped, launch scripts
deleted once their runs are over, files moved by a restructuring, a variant folded into the
evaluator that kept its name, and a file deleted after it was already retired; each beside
the real dead end it must not hide."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.routine import routine
from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import ref_status, script

TRAIN = '''"""Train the captioning model."""
import torch

MODEL_ARGS = {{
    "embedding_dimension": {emb},
    "hidden_size": {hidden},
}}


def train(model, loader):
    for batch in loader:
{body}        loss = model(batch)
        loss.backward()
'''
MODELS = '''"""Caption generators."""
import torch


class Captioner(torch.nn.Module):
    def forward(self, image):
        encoded = self.encoder(image)
{extra}        return self.decoder(encoded)
'''
ATTENTION = """        weights = torch.softmax(self.attention(encoded), dim=-1)
        encoded = (weights * encoded).sum(dim=1)
        encoded = self.project(encoded)
"""


def _read(path: Path) -> History:
    h = read_history(path, params_of, [])
    assert h is not None
    return h


def _train(emb: int = 128, hidden: int = 64, body: str = "") -> str:
    return TRAIN.format(emb=emb, hidden=hidden, body=body)


def test_a_debug_print_or_values_set_back_are_routine_but_new_logic_is_not() -> None:
    base = _train()
    assert routine([(base, _train(body="        print(batch.shape)\n"))])
    assert routine([(base, _train(emb=256, hidden=32))])
    assert not routine([(MODELS.format(extra=""), MODELS.format(extra=ATTENTION))])
    # a version set and set back is a release withdrawn, not a tweak
    assert not routine([('__version__ = "1.0.b1"\n', '__version__ = "1.0.0"\n')])


def test_a_tweak_set_back_is_no_dead_end_but_an_approach_set_back_is(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"train.py": _train(), "models.py": MODELS.format(extra="")},
             "msg": "captioning"},
            {"files": {"train.py": _train(body="        print(batch.shape)\n")}, "msg": "cuda",
             "day": 2},
            {"files": {"train.py": _train()}, "msg": "go on", "day": 3},
            {"files": {"train.py": _train(emb=256, hidden=32)}, "msg": "change hyperparameters",
             "day": 4},
            {"files": {"train.py": _train()}, "msg": "more epochs", "day": 5},
            {"key": "att", "files": {"models.py": MODELS.format(extra=ATTENTION)},
             "msg": "attention pooling", "day": 6},
            {"key": "back", "files": {"models.py": MODELS.format(extra="")}, "msg": "captions",
             "day": 7},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "undo" and f.commits == [repo.shas["att"], repo.shas["back"]]


TAGGER = '''# -*- coding: utf-8 -*-
#
# Copyright 2011 Philipp Nolte
#
# Licensed under the Apache License, Version 2.0 (the "License");
"""Tag German text with a classifier."""
from nltk.tag.sequential import ClassifierBasedTagger


class GermanTagger(ClassifierBasedTagger):
    def feature_detector(self, tokens, index, history):
        word = tokens[index]
        return {"suffix": word[-3:], "prefix": word[:3], "upper": word[0].isupper()}
'''
OWN = TAGGER.replace("Philipp Nolte", "Ada Lovelace")
PLAY = '''"""Play the referential game."""
import argparse

p = argparse.ArgumentParser()
p.add_argument("--vocab_size", type=int, default=10)
args = p.parse_args()
print(run_game(args.vocab_size))
'''
RUN = """dataset=clevr-dale-two
python source/play.py --data "$dataset" --vocab_size 10 --n_epochs 10
python source/play.py --data "$dataset" --vocab_size 30 --n_epochs 10
"""


def test_a_third_party_file_or_a_finished_launcher_deleted_gives_up_nothing(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"src/german_tagger.py": TAGGER, "src/own_tagger.py": OWN,
                       "source/play.py": PLAY, "source/run_discriminators.sh": RUN,
                       "source/run_predictors.sh": RUN.replace("play.py", "predict.py")},
             "msg": "taggers and games"},
            {"files": {"src/german_tagger.py": None}, "msg": "dependency removed", "day": 2},
            {"files": {"source/run_discriminators.sh": None}, "msg": "output processor",
             "day": 3},
            {"key": "own", "files": {"src/own_tagger.py": None}, "msg": "tagger", "day": 4},
        ],
    )  # fmt: skip
    # the repository's own tagger deleted is a dead end; the copied one and the launcher of
    # a program that stays are not; a launcher of a program never committed is not judged
    [f] = _read(tmp_path).findings
    assert f.pattern == "deleted" and f.commits[-1] == repo.shas["own"]
    assert f.files == ["src/own_tagger.py"]


DECODER = '''"""Decode a message into a choice among the images."""
import torch


def decode(message, images):
    scores = torch.stack([{how} for image in images])
    choice = scores.argmax(dim=0)
    return choice, scores.softmax(dim=0)
'''


def test_a_restructuring_moves_code_and_a_variant_folded_into_its_namesake_is_kept(
    tmp_path: Path,
) -> None:
    evaluator = "def evaluate(tags, gold):\n    hits = sum(t == g for t, g in zip(tags, gold))\n"
    evaluator += "    return hits / max(len(gold), 1)\n"
    vectorised = evaluator.replace("sum(t == g", "np.sum(np.equal(tags, gold))  # (t == g")
    git_repo(
        tmp_path,
        [
            {"files": {"source/decoder.py": DECODER.format(how="image @ message"),
                       "source/pos_tagger_evaluator.py": evaluator,
                       "source/baseline_pos_tagger_evaluator.py": evaluator + "\n# baseline\n"},
             "msg": "decoder"},
            {"files": {"source/decoder.py": None,
                       "source/games/receiver.py": DECODER.format(how="(image * message).sum()")},
             "msg": "restructuring", "day": 2},
            {"files": {"source/pos_tagger_evaluator.py": None,
                       "source/baseline_pos_tagger_evaluator.py": vectorised},
             "msg": "vectorized evaluator", "day": 3},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


def test_a_file_already_kept_as_the_old_version_is_not_given_up_again_when_deleted(
    tmp_path: Path,
) -> None:
    converter = "def convert(model):\n    vectors = model.wv\n    return vectors.save('x')\n"
    git_repo(
        tmp_path,
        [
            {"files": {"src/converter.py": converter}, "msg": "converter"},
            {"key": "kept", "files": {"src/converter_deprecated.py": converter,
                                      "src/converter.py": converter.replace("wv", "vectors")},
             "msg": "converter modernised", "day": 2},
            {"files": {"src/converter_deprecated.py": None}, "msg": "setup fixes", "day": 3},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.pattern == "kept-old"


SUMMARY = """# Summary

{name} computes Mie scattering efficiencies for spherical particles.
{extra}
"""
REVIEW = (
    "It ports the Bessel routines from Fortran into optimized C++ and averages backscatter\n"
    "over the backward angles, important for lidar remote sensing of aerosol layers.\n"
)
OTHER = (
    "A graphical interface lets users explore refractive indices interactively, with\n"
    "sliders, colour maps and exports to spreadsheets for classroom demonstrations.\n"
)


def test_a_pull_request_of_writing_typed_in_by_hand_landed_but_one_never_typed_in_did_not(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"joss/paper.md": SUMMARY.format(name="AccelMie", extra=""),
                       "src/mie.cpp": "int main() { return 0; }\n"}, "msg": "paper"},
            {"on": "review", "files": {"joss/paper.md":
                                       SUMMARY.format(name="AccelMie", extra=REVIEW)},
             "msg": "Update paper.md", "day": 2, "ref": "refs/pull/1/head"},
            {"on": "main"},
            {"on": "ideas", "files": {"joss/paper.md":
                                      SUMMARY.format(name="AccelMie", extra=OTHER)},
             "msg": "Update paper.md", "day": 3, "ref": "refs/pull/2/head"},
            # the review's words typed in again on main, the package renamed on the way
            {"on": "main", "files": {"joss/paper.md": SUMMARY.format(
                name="ARTmie", extra=REVIEW.replace("important", "which is important"))},
             "msg": "Paper improvements by a co-author", "day": 200},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    status = {r.label: r.status for r in h.refs}
    assert (status["review"], status["ideas"]) == ("landed", "stale")
    titles = [f.title for f in h.findings if f.pattern == "branch"]
    assert titles and all("ideas" in t or "pull/2" in t for t in titles)


def test_launch_and_clean_up_scripts_replaced_by_a_build_file_are_tooling(tmp_path: Path) -> None:
    clean = "rm -f output/*.fits\nrm -rf build/\nrm -f catalog.txt\nmkdir -p output\n"
    git_repo(
        tmp_path,
        [
            {"files": {"source/play.py": PLAY, "run.sh": RUN, "cleanup.sh": clean,
                       "Makefile": "all:\n\tpython source/play.py\n"}, "msg": "pipeline"},
            {"files": {"run.sh": None, "cleanup.sh": None},
             "msg": "deleted cleanup.sh and run.sh because they got replaced with the extended "
                    "makefile", "day": 2},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


def test_a_stale_pull_request_from_a_branch_is_one_dead_end_and_cache_cleanups_are_none(
    tmp_path: Path,
) -> None:
    caches = {
        ".ipynb_checkpoints/fit-checkpoint.ipynb": "{}\n",
        "__pycache__/fit.cpython-39.pyc": "x\n",
    }
    git_repo(
        tmp_path,
        [
            {"files": {"fit.py": "def fit(x):\n    return x\n", **caches}, "msg": "fit"},
            # one-commit cleanups opened as pull requests and never merged
            {"on": "patch-1", "files": {".ipynb_checkpoints/fit-checkpoint.ipynb": None},
             "msg": "remove extraneous checkpoints", "day": 2, "ref": "refs/pull/44/head"},
            {"on": "main"},
            {"on": "patch-3", "files": {"__pycache__/fit.cpython-39.pyc": None},
             "msg": "Delete __pycache__ directory", "day": 2, "ref": "refs/pull/46/head"},
            {"on": "main"},
            # work on another approach, opened as a pull request and left
            {"on": "kalman", "files": {"kalman.py": "def kalman(x):\n    return 2 * x\n"},
             "msg": "Kalman smoother", "day": 3, "ref": "refs/pull/47/head"},
            {"on": "main", "files": {"fit.py": "def fit(x):\n    return x + 1\n"}, "msg": "go on",
             "day": 400},
        ],
    )  # fmt: skip
    status = ref_status(tmp_path)
    assert (status["patch-1"], status["patch-3"], status["pull/47/head"]) == (
        "maintenance",
        "maintenance",
        "within",  # the pull request is its branch, kalman
    )
    titles = [f.title for f in _read(tmp_path).findings if f.pattern == "branch"]
    assert titles == ["Abandoned branch kalman"]


def test_a_notebook_checkpoint_moved_into_an_old_folder_retires_nothing(tmp_path: Path) -> None:
    checkpoint = ".ipynb_checkpoints/beams-checkpoint.ipynb"
    git_repo(
        tmp_path,
        [
            {"files": {f"glets/{checkpoint}": script("beams"), "glets/gbd.py": script("gbd")},
             "msg": "beamlets"},
            {"move": {f"glets/{checkpoint}": f"old/glets/{checkpoint}"}, "msg": "tidy", "day": 5},
            {"files": {"glets/gbd.py": script("gbd", 14)}, "msg": "go on", "day": 9},
        ],
    )  # fmt: skip
    assert [f for f in _read(tmp_path).findings if f.pattern == "retired"] == []
