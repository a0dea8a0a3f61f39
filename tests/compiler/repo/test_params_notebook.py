"""Parameters set in Jupyter notebooks: code cells read as Python, each definition at its
line of the .ipynb file; markdown, magics and a broken cell cost nothing else."""

from __future__ import annotations

import json

from arakit.compiler.repo.params import params_of


def _notebook(*cells: tuple[str, list[str]]) -> str:
    nb = {
        "cells": [
            {"cell_type": kind, "metadata": {}, "source": src}
            | ({"outputs": [], "execution_count": None} if kind == "code" else {})
            for kind, src in cells
        ],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 2,
    }
    return json.dumps(nb, indent=1)  # nbformat's layout: one source line per JSON line


def _line_of(text: str, needle: str) -> int:
    return next(n for n, ln in enumerate(text.splitlines(), 1) if needle in ln)


def test_a_cells_assignments_are_kept_at_their_notebook_line() -> None:
    text = _notebook(
        ("markdown", ["# Example 1\n", "nwalkers = 99 in prose\n"]),
        ("code", ["import numpy as np\n", "%matplotlib inline\n", "N = 200\n", "yerr = 2.5\n"]),
        ("code", ["sampler.run(nburn=500,\n", "            nsteps=2000)\n"]),
    )
    got = {(p.name, p.value): p.line for p in params_of(text, "figures/correct.ipynb")}
    assert got[("N", "200")] == _line_of(text, '"N = 200')
    assert got[("yerr", "2.5")] == _line_of(text, '"yerr = 2.5')
    assert got[("nburn", "500")] == _line_of(text, "nburn=500")
    assert got[("nsteps", "2000")] == _line_of(text, "nsteps=2000")
    assert ("nwalkers", "99") not in got  # markdown is not code


def test_a_cell_that_does_not_parse_costs_only_that_cell() -> None:
    text = _notebook(("code", ["def broken(:\n"]), ("code", ["seed = 42\n"]))
    assert [(p.name, p.value) for p in params_of(text, "nb.ipynb")] == [("seed", "42")]


def test_a_file_that_is_not_a_notebook_yields_nothing() -> None:
    assert params_of('{"cells": 3}', "x.ipynb") == []
    assert params_of("not json at all {", "x.ipynb") == []
