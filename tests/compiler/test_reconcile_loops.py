"""A training loop's literal bound is the count that runs (`for epoch in range(1, 1000)`):
read as a parameter of kind `loop` and compared as the number of passes it makes (or its
bound, the number a `range(1, N)` is written for). Each test builds a real git repository
shaped like a notebook export that trains in a module-level loop."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.reconcile import Verdict
from arakit.compiler.repo.params.python import python_params
from tests.compiler.reconciled import one_paragraph, reconciled

EXPORT = """\
import torch

AE_lr = 2e-4
model = torch.nn.Linear(4, 4)
optimizer = torch.optim.Adam(model.parameters(), lr=AE_lr)

# Train the autoencoder
for epoch in range({bound}):
    for sample in []:
        optimizer.step()
    print(f"epoch {{epoch}}")
"""
TEXT = "We used the Adam optimizer with a learning rate of 0.0002 and trained the model for 100 epochs."


def _epochs(tmp_path: Path, bound: str) -> Verdict:
    files = {"train_ae.py": EXPORT.format(bound=bound)}
    found = reconciled(tmp_path, one_paragraph(TEXT, "3", "Method", 2), files)
    return next(v for v in found if v.key == "epochs")


def test_a_loop_that_runs_another_number_of_epochs_is_a_mismatch(tmp_path: Path) -> None:
    v = _epochs(tmp_path, "1, 1000")
    assert (v.verdict, v.code_value, v.code_where) == (
        "mismatch",
        "range(1, 1000)",
        "train_ae.py:8",
    )


def test_a_loop_written_for_the_papers_count_matches(tmp_path: Path) -> None:
    assert _epochs(tmp_path / "a", "1, 101").verdict == "match"
    assert _epochs(tmp_path / "b", "1, 100").verdict == "match"  # the bound the loop is written for
    assert _epochs(tmp_path / "c", "100").verdict == "match"


def test_loops_over_other_things_are_not_counts() -> None:
    source = "for i in range(10):\n    pass\nfor k in range(2, 9, 2):\n    pass\n"
    assert [(p.name, p.kind) for p in python_params(source, "s.py")] == [("k", "sweep")]
