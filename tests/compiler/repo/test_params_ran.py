"""What a run does that no plain assignment states: intervals a training loop writes as a
modulo test (`if epoch % 5 == 0: print(...)`), and the value a later assignment leaves."""

from __future__ import annotations

import json

from arakit.compiler.repo.params import params_of
from arakit.compiler.repo.params.intervals import interval_params

LOOP = """\
for epoch in range(100):
    loss = step()
    if epoch % 5 == 0:
        print(f"epoch {epoch} loss {loss}")
    if (epoch + 1) % 10 == 0:
        torch.save(model.state_dict(), "ckpt.pt")
    if epoch == 0 or (epoch + 1) % 20 == 0:
        score = evaluate(model, val_loader)
        print(score)
"""


def test_each_modulo_test_in_a_loop_is_an_interval_named_for_what_its_body_does() -> None:
    found = [(p.name, p.value, p.line, p.kind, p.help) for p in interval_params(LOOP, "train.py")]
    assert found == [
        ("print_every", "5", 3, "interval", "epoch % 5"),
        ("save_every", "10", 5, "interval", "epoch % 10"),
        ("eval_every", "20", 7, "interval", "epoch % 20"),
    ]


def test_arithmetic_on_parity_and_tests_outside_loops_are_not_intervals() -> None:
    source = """\
if n % 100 == 0:
    print(n)
for i in range(10):
    if i % 2 == 0:
        x = -x
    if i % size == 0:
        print(i)
"""
    assert interval_params(source, "s.py") == []


def test_a_notebook_cell_interval_points_at_its_line_of_the_ipynb() -> None:
    cell = LOOP.splitlines(keepends=True)[:4]
    nb = {"cells": [{"cell_type": "code", "source": cell, "metadata": {}, "outputs": []}]}
    text = json.dumps(nb, indent=1)
    found = [p for p in params_of(text, "train.ipynb") if p.kind == "interval"]
    line = text.splitlines().index('    "    if epoch % 5 == 0:\\n",') + 1
    assert [(p.name, p.value, p.line) for p in found] == [("print_every", "5", line)]


def test_a_value_a_later_assignment_replaces_before_any_read_is_not_a_setting() -> None:
    from arakit.compiler.repo.params.python import python_params

    source = (
        "epochs = 40\nlr = 0.1\nmodel = make(lr)\nepochs = 10\ntrain(model, epochs, lr)\nlr = 0.5\n"
    )
    found = [(p.name, p.value, p.line) for p in python_params(source, "train.py")]
    assert found == [("lr", "0.1", 2), ("epochs", "10", 4), ("lr", "0.5", 6)]


def test_a_later_notebook_cell_replaces_an_earlier_cells_unread_value() -> None:
    cells = [
        {
            "cell_type": "code",
            "source": ["epochs = 40\n", "lr = 0.1"],
            "metadata": {},
            "outputs": [],
        },
        {
            "cell_type": "code",
            "source": ["model = make(lr)\n", "epochs = 10\n", "train(model, epochs)"],
            "metadata": {},
            "outputs": [],
        },
    ]
    text = json.dumps({"cells": cells}, indent=1)
    found = [(p.name, p.value) for p in params_of(text, "run.ipynb") if p.kind == "script"]
    assert found == [("lr", "0.1"), ("epochs", "10")]


def test_a_modulo_test_of_a_computed_percentage_is_not_an_interval() -> None:
    source = (
        "for i, x in enumerate(data):\n"
        "    if (((i + 1) / len(data)) * 100) % 25 == 0:\n"
        "        print('progress')\n"
    )
    assert interval_params(source, "s.py") == []
