"""A function's default gives way to the calls that pass the value: a call in the paper's
code (live, or commented out after it ran) decides what the run used, never the `def`
line's default. Each test builds a real git repository shaped like a research project."""

from __future__ import annotations

import json
from pathlib import Path

from arakit.compiler.reconcile import Verdict
from arakit.compiler.repo.disabled import disabled_calls
from tests.compiler.reconciled import one_paragraph, reconciled

TEXT = "We train the classifier for 5 epochs with the Adam optimizer and a batch size of 50."
TRAIN = (
    "import torch\n\n\n"
    "def train(model, loader, optimizer, n_epochs: int = 1):\n"
    "    for epoch in range(n_epochs):\n"
    "        for x, y in loader:\n"
    "            optimizer.step()\n"
)


def _epochs(tmp_path: Path, files: dict[str, str]) -> Verdict:
    found = reconciled(tmp_path, one_paragraph(TEXT), files)
    return next(v for v in found if v.key == "epochs")


def _notebook(*cells: str) -> str:
    """A minified notebook (every cell on line 1), as some projects commit them."""
    return json.dumps(
        {
            "cells": [
                {"cell_type": "code", "source": c.splitlines(keepends=True), "metadata": {}}
                for c in cells
            ],
            "metadata": {},
            "nbformat": 4,
            "nbformat_minor": 5,
        }
    )


def test_a_call_passing_the_value_is_compared_not_the_functions_default(tmp_path: Path) -> None:
    run = "from train import train\n\ntrain(model, loader, opt, n_epochs=5)\n"
    v = _epochs(tmp_path, {"train.py": TRAIN, "run.py": run})
    assert v.verdict == "match" and v.code_where == "run.py:3"


def test_a_call_commented_out_after_the_run_is_its_evidence(tmp_path: Path) -> None:
    nb = _notebook(
        TRAIN,
        "model = Classifier()\noptimizer = Adam(model.parameters(), lr=2e-5)\n"
        "# train(model, train_dataloader, optimizer, n_epochs=5)\n"
        "model.load_state_dict(torch.load('checkpoints/epoch_2.tar'))\n",
    )
    v = _epochs(tmp_path, {"classifier.ipynb": nb})
    assert (v.verdict, v.code_value, v.code_where) == ("match", "5", "classifier.ipynb:1")
    assert "commented out" in v.note


def test_a_default_no_call_overrides_is_still_compared(tmp_path: Path) -> None:
    # a commented-out call of ANOTHER function with the same keyword says nothing of train()
    nb = _notebook(TRAIN, "# evaluate(model, n_epochs=5)\ntrain(model, loader, optimizer)\n")
    v = _epochs(tmp_path, {"classifier.ipynb": nb})
    assert (v.verdict, v.code_value) == ("mismatch", "1")


def test_commented_prose_and_code_that_is_no_call_are_not_read_as_calls() -> None:
    text = (
        "# train for 5 epochs (n_epochs=5)\n# n_epochs = 5\n#train(model,\n# fit(x, y, epochs=3)\n"
    )
    got = [(p.name, p.value, p.line, p.context) for p in disabled_calls(text, "a.py")]
    assert got == [("epochs", "3", 4, "fit")]
