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


def test_several_values_of_one_paragraph_against_one_code_value_are_not_a_mismatch() -> None:
    from arakit.compiler.pdf.document import DocSection, Document, Paragraph
    from arakit.compiler.repo.params import params_of
    from arakit.compiler.settings import paper_settings

    code = "BATCH_SIZE = 64\nLEARNING_RATE = 0.001\nDROPOUT = 0.1\nEPOCHS = 90\n"

    def dropout(text: str) -> list[tuple[str, str]]:
        doc = Document(path="p.pdf", pages=3)
        doc.sections = [
            DocSection("4", "Training setup", 1, 2, paragraphs=[Paragraph(text, 2, "4")])
        ]
        found = reconcile(paper_settings(doc), params_of(code, "train.py"))
        return sorted((v.paper_value, v.verdict) for v in found if v.key == "dropout")

    base = "We train with a batch size of 64 and a learning rate of 0.001 for 90 epochs, "
    assert dropout(base + "with a dropout of 0.3.") == [("0.3", "mismatch")]
    # alternatives: one of them is the code's
    assert dropout(base + "with a dropout of 0.1 or a dropout of 0.3.") == [
        ("0.1", "match"),
        ("0.3", "paper-only"),
    ]
