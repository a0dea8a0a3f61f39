"""Code–paper reconciliation on the planted paper and repository."""

from __future__ import annotations

from arakit.compiler import reconcile_paths
from arakit.compiler.reconcile import reconcile, same_value
from tests.compiler.gitrepo import PlantedRepo
from tests.compiler.pdfgen import PaperFile


def test_every_planted_verdict_is_reported(paper: PaperFile, repo: PlantedRepo) -> None:
    found, _ = reconcile_paths(paper.path, str(repo.path))
    verdicts = {v.key: v.verdict for v in found if not v.negative}
    assert verdicts == {
        "learning_rate": "match",
        "momentum": "match",
        "weight_decay": "match",
        "epochs": "match",
        "warmup_epochs": "match",
        "batch_size": "mismatch",
        "dropout": "mismatch",
        "label_smoothing": "paper-only",
        "n_gpus": "paper-only",  # `on 8 NVIDIA V100 GPUs`: the machine, stated by the paper only
        "seed": "code-only",
        "hidden_size": "code-only",
        "num_layers": "code-only",  # ModelConfig.depth
        "gate_init": "code-only",
        "use_norm": "code-only",
    }


def test_a_mismatch_carries_both_values_and_both_locations(
    paper: PaperFile, repo: PlantedRepo
) -> None:
    found, _ = reconcile_paths(paper.path, str(repo.path))
    by = {v.key: v for v in found if not v.negative}
    bs = by["batch_size"]
    assert (bs.paper_value, bs.paper_where, bs.code_value, bs.code_where) == (
        "256",
        "p. 1, §4.1",
        "128",
        "train.py:14",
    )
    dr = by["dropout"]
    assert (dr.paper_value, dr.code_value, dr.code_where) == ("0.2", "0.3", "config.yaml:4")


def test_a_value_reported_as_not_working_is_listed_not_compared(
    paper: PaperFile, repo: PlantedRepo
) -> None:
    found, _ = reconcile_paths(paper.path, str(repo.path))
    tried = [(v.key, v.paper_value, v.verdict) for v in found if v.negative]
    assert ("batch_size", "1024", "paper-only") in tried


def test_equal_numbers_written_differently_match() -> None:
    assert same_value("1e-4", "0.0001")
    assert same_value("90", "90.0")
    assert not same_value("0.2", "0.3")
    assert same_value("'adam'", "Adam")


def test_two_named_values_of_one_paragraph_claiming_one_code_value_are_not_a_mismatch() -> None:
    from arakit.compiler.pdf.document import DocSection, Document, Paragraph
    from arakit.compiler.repo.params import params_of
    from arakit.compiler.settings import paper_settings

    def verdicts(text: str) -> dict[str, tuple[str, str]]:
        doc = Document(path="p.pdf", pages=3)
        doc.sections = [
            DocSection("4", "Simulation setup", 1, 2, paragraphs=[Paragraph(text, 2, "4")])
        ]
        code = "n <- 40\nT <- 250\nk_rep <- 20\nout <- study(B = 100, k = 5, n = 10)\n"
        found = reconcile(paper_settings(doc), params_of(code, "sim.R"))
        return {v.key: (v.paper_value, v.verdict) for v in found}

    base = "We simulate n = 40 series of T = 250 time points. "
    # 'k = 5 or k = 10 iterations': the code's k = 5 is one of two stated alternatives
    got = verdicts(base + "We find that k = 5 or k = 10 iterations of LOOCV performs well.")
    assert got["k"] == ("5", "match")
    assert got["iterations"] == ("10 iterations", "paper-only")
    # one name, one value: a disagreement is still reported
    assert verdicts(base + "We use k = 8.")["k"] == ("8", "mismatch")
