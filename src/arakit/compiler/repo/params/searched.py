"""Values a hyperparameter search draws: Optuna's `trial.suggest_float('dropout', 0.1,
0.5)`, Keras Tuner's `hp.Int('units', 32, 256)`, Hyperopt's `hp.uniform('x', 0, 1)`, Ray
Tune's `tune.uniform(0.1, 0.5)` and their lists of choices. Such a line names the setting
it draws and the range or choices; the value a run used is whatever the search picked."""

from __future__ import annotations

import re

from arakit.compiler.settings.numbers import parse_number

# a draw from a range (a log-uniform draw of Hyperopt takes the bounds' logarithms, so it
# is not read as a range)
_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?"
_SEARCH_RE = re.compile(
    r"(?:\.suggest_(?:int|float|uniform|loguniform|discrete_uniform)|\bhp\.(?:Int|Float)"
    r"|\bhp\.q?uniform)\(\s*['\"][^'\"]*['\"]\s*,\s*(?:low\s*=\s*|min_value\s*=\s*)?"
    rf"({_NUM})\s*,\s*(?:high\s*=\s*|max_value\s*=\s*)?({_NUM})"
    r"|\btune\.(?:q?uniform|q?loguniform|q?randint|lograndint)\(\s*(?:lower\s*=\s*)?"
    rf"({_NUM})\s*,\s*(?:upper\s*=\s*)?({_NUM})"
)


def search_bounds(value: str) -> tuple[float, float] | None:
    """(low, high) when the code value is a hyperparameter search's draw from a range
    (`trial.suggest_int('sequence_length', 20, 40)`): the run's value is whatever the
    search picked in it, never a fixed number. None for anything else."""
    m = _SEARCH_RE.search(value)
    if m is None:
        return None
    lo, hi = (m.group(1), m.group(2)) if m.group(1) is not None else (m.group(3), m.group(4))
    a, b = parse_number(lo), parse_number(hi)
    if a is None or b is None or a > b:
        return None
    return a, b


_DRAW_RE = re.compile(
    r"(?:\.suggest_(?:int|float|uniform|loguniform|discrete_uniform|categorical)"
    r"|\bhp\.(?:Int|Float|Choice|choice|q?uniform|q?loguniform|q?normal|randint)"
    r"|\btune\.(?:q?uniform|q?loguniform|q?randint|lograndint|choice|grid_search))\("
)


def drawn_by_search(value: str) -> bool:
    """True when the code value is a hyperparameter search's draw (a range or a list of
    choices: `trial.suggest_categorical('batch_size', [32, 64])`, `tune.choice([2, 4])`)."""
    return _DRAW_RE.search(value) is not None
