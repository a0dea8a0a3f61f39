"""Code–paper reconciliation on the planted paper and repository."""

from __future__ import annotations

from arakit.compiler import reconcile_paths
from arakit.compiler.reconcile import same_value
from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile


def test_every_planted_verdict_is_reported(paper: PaperFile, repo: PlantedRepo) -> None:
    verdicts = {v.key: v.verdict for v in reconcile_paths(paper.path, str(repo.path))}
    assert verdicts == {
        "learning_rate": "match",
        "momentum": "match",
        "weight_decay": "match",
        "epochs": "match",
        "warmup_epochs": "match",
        "batch_size": "mismatch",
        "dropout": "mismatch",
        "label_smoothing": "paper-only",
        "seed": "code-only",
        "hidden_size": "code-only",
        "depth": "code-only",
        "gate_init": "code-only",
        "use_norm": "code-only",
    }


def test_a_mismatch_carries_both_values_and_both_locations(
    paper: PaperFile, repo: PlantedRepo
) -> None:
    by = {v.key: v for v in reconcile_paths(paper.path, str(repo.path))}
    bs = by["batch_size"]
    assert (bs.paper_value, bs.paper_where, bs.code_value, bs.code_where) == (
        "256",
        "p. 1, §4.1",
        "128",
        "train.py:14",
    )
    assert "1024" in bs.note  # the ablation's value is mentioned, not compared
    dr = by["dropout"]
    assert (dr.paper_value, dr.code_value, dr.code_where) == ("0.2", "0.3", "config.yaml:4")


def test_equal_numbers_written_differently_match() -> None:
    assert same_value("1e-4", "0.0001")
    assert same_value("90", "90.0")
    assert not same_value("0.2", "0.3")
    assert same_value("'adam'", "Adam")
