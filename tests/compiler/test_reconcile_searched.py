"""A hyperparameter search's draw (`trial.suggest_float('dropout', 0.1, 0.5)`) decides the
value a run used: a paper value inside the searched range is the search's pick, never a
disagreement with the default of the model the trial builds (`dropout=0.05`)."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.repo.params.python import python_params
from arakit.compiler.repo.params.searched import drawn_by_search, search_bounds
from tests.compiler.reconciled import one_paragraph, reconciled

TUNE = """\
import optuna
import torch


class ConvAE(torch.nn.Module):
    def __init__(self, channels, conv_filters=64, dropout=0.05):
        super().__init__()
        self.drop = torch.nn.Dropout(dropout)


def objective(trial):
    conv_filters = trial.suggest_categorical('conv_filters', [32, 64, 128])
    dropout = trial.suggest_float('dropout', 0.0, {high})
    model = ConvAE(8, conv_filters=conv_filters, dropout=dropout)
    return 0.0


study = optuna.create_study()
study.optimize(objective, n_trials=50)
"""
TEXT = (
    "The tuned autoencoder uses a dropout of 0.119 and 32 convolutional filters "
    "(conv filters = 32), found by 50 trials of the search."
)


def _verdict(tmp_path: Path, key: str, high: str = "0.3"):  # type: ignore[no-untyped-def]
    found = reconciled(
        tmp_path, one_paragraph(TEXT, "3", "Tuning", 2), {"tune.py": TUNE.format(high=high)}
    )
    return next(v for v in found if v.key == key)


def test_a_paper_value_inside_the_searched_range_is_the_searchs_pick(tmp_path: Path) -> None:
    v = _verdict(tmp_path, "dropout")
    assert v.verdict == "match"
    assert v.code_where == "tune.py:13"
    assert "draws this setting from 0 to 0.3" in v.note


def test_the_default_a_search_replaces_is_never_reported_against_the_paper(
    tmp_path: Path,
) -> None:
    # 0.119 lies outside a search up to 0.1: not the default 0.05 of the model either way
    v = _verdict(tmp_path, "dropout", high="0.1")
    assert v.code_where != "tune.py:6"
    assert not (v.verdict == "mismatch" and v.code_value == "0.05")


def test_search_draws_are_read_with_their_range_and_kept_whatever_their_name() -> None:
    assert search_bounds("trial.suggest_int('sequence_length', 20, 40)") == (20.0, 40.0)
    assert search_bounds("trial.suggest_float('lr', low=1e-4, high=1e-2, log=True)") == (
        1e-4,
        1e-2,
    )
    assert search_bounds("tune.uniform(0.1, 0.5)") == (0.1, 0.5)
    assert search_bounds("hp.Int('units', min_value=32, max_value=256)") == (32.0, 256.0)
    # hyperopt's log-uniform takes the logs of its bounds; a fixed value is no draw
    assert search_bounds("hp.loguniform('lr', -9, -2)") is None
    assert search_bounds("np.random.uniform(0, 1)") is None
    assert drawn_by_search("trial.suggest_categorical('ff_dim', [32, 64])")
    assert not drawn_by_search("rng.choice([1, 2])")
    got = {(p.name, p.kind, p.line) for p in python_params(TUNE.format(high="0.3"), "tune.py")}
    assert ("conv_filters", "derived", 12) in got  # not a known setting name, still kept
