"""Settings the paper states: in prose, with their page and section."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import Where
from arakit.compiler.pdf import read_document
from arakit.compiler.settings import hyperparameters_in, normalize_value, paper_settings, stated
from tests.compiler.pdfgen import PaperFile

W = Where(page=3, section="4.1", sentence="")


@pytest.fixture(scope="module")
def found_settings(paper: PaperFile):  # type: ignore[no-untyped-def]
    return paper_settings(read_document(paper.path))


@pytest.mark.parametrize(
    ("sentence", "name", "value"),
    [
        ("We use a learning rate of 0.1 throughout.", "learning_rate", "0.1"),
        ("The batch size 256 fits on one node.", "batch_size", "256"),
        ("A weight decay of 1e-4 is applied.", "weight_decay", "1e-4"),
        ("We set the dropout rate to 0.3.", "dropout", "0.3"),
        ("Models are trained for 300 epochs.", "epochs", "300"),
        ("We use 4000 warmup steps.", "warmup_steps", "4000"),
        ("Gradient clipping at 1.0 keeps updates bounded.", "gradient_clipping", "1.0"),
    ],
)
def test_hyperparameter_mentions_keep_the_printed_value(
    sentence: str, name: str, value: str
) -> None:
    found = hyperparameters_in(sentence, W)
    assert [(h.name, h.value) for h in found] == [(name, value)]


def test_a_number_without_a_hyperparameter_name_is_not_a_hyperparameter() -> None:
    assert hyperparameters_in("The surviving runs lose 0.8 points in the first 5 epochs.", W) == []


def test_every_planted_hyperparameter_is_found_with_page_and_section(found_settings) -> None:  # type: ignore[no-untyped-def]
    settings = {
        name: (h.value, h.where.page, h.where.section)
        for name in (
            "learning_rate",
            "batch_size",
            "momentum",
            "weight_decay",
            "epochs",
            "dropout",
            "label_smoothing",
            "warmup_epochs",
        )
        if (h := stated(found_settings, name))
    }
    assert settings == {
        "learning_rate": ("0.1", 1, "4.1"),
        "batch_size": ("256", 1, "4.1"),
        "momentum": ("0.9", 1, "4.1"),
        "weight_decay": ("1e-4", 1, "4.1"),
        "epochs": ("90", 1, "4.1"),
        "dropout": ("0.2", 1, "4.1"),
        "label_smoothing": ("0.1", 2, "A"),
        "warmup_epochs": ("5", 2, "A"),
    }


def test_a_value_tried_in_an_ablation_is_not_taken_as_the_setting(found_settings) -> None:  # type: ignore[no-untyped-def]
    tried = [h for h in found_settings if h.name == "batch_size" and h.negative]
    assert [h.value for h in tried] == ["1024"]
    assert stated(found_settings, "batch_size").value == "256"


@pytest.mark.parametrize(
    ("a", "b"), [("1e-4", 0.0001), ("0.0001", 0.0001), ("1 × 10−4", 0.0001), ("76.4%", 76.4)]
)
def test_printed_values_normalise_to_numbers(a: str, b: float) -> None:
    assert normalize_value(a) == pytest.approx(b)
