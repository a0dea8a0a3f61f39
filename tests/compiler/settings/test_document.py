"""Settings the planted paper states, found with their page and section."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import Where
from arakit.compiler.pdf import read_document
from arakit.compiler.settings import paper_settings, settings_in, stated
from tests.compiler.pdfgen import PaperFile

W = Where(page=3, section="4.1", sentence="")


@pytest.fixture(scope="module")
def found_settings(paper: PaperFile):  # type: ignore[no-untyped-def]
    return paper_settings(read_document(paper.path))


def test_a_number_without_a_setting_name_is_not_a_setting() -> None:
    assert settings_in("The surviving runs lose 0.8 points in the first 5 epochs.", W) == []


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
    tried = [h for h in found_settings if h.key == "batch_size" and h.negative]
    assert [h.value for h in tried] == ["1024"]
    assert stated(found_settings, "batch_size").value == "256"
