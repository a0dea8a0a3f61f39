"""Settings in the code a paper prints: read from lines set in a monospace font, marked as
from the printed code; prose that names functions in the same font gives none."""

from __future__ import annotations

from pathlib import Path

import fitz

from arakit.compiler.pdf import read_document
from arakit.compiler.settings import paper_settings

_BODY = [
    ("helv", "1 Example"),
    ("helv", "We show how the package is used on a simulated data set of many sites."),
    ("cour", "The main functions are fit(), sample() and predict() of the package"),
    ("helv", "and they are called as below. The seed makes the draws repeatable."),
    ("cour", "set.seed(123)"),
    ("cour", "n_loc <- 50   # number of locations"),
    ("cour", "fit <- model_fit(data = y, kernel = 'exp')"),
    ("cour", "sam <- model_sample(fit, n_draw = 2000, observation = TRUE)"),
    ("cour", "#> The samples contain 2000 draws of 107 parameters"),
    ("cour", "for (int k = 0; k < n_loc; k++) { a = 4; }"),
    ("helv", "The draws are summarised by their posterior means in every site we study."),
]


def _paper(path: Path) -> Path:
    doc = fitz.open()
    page = doc.new_page(width=595, height=842)
    page.insert_text((72, 80), "Fitting spatial models of extremes", fontname="hebo", fontsize=16)
    y = 140.0
    for font, text in _BODY:
        size = 14 if text == "1 Example" else 10
        page.insert_text((72, y), text, fontname="hebo" if size == 14 else font, fontsize=size)
        y += 16 if size == 14 else 13
    doc.save(path)
    return path


def test_assignments_in_printed_code_are_settings_marked_as_code(tmp_path: Path) -> None:
    doc = read_document(_paper(tmp_path / "paper.pdf"))
    got = [(s.name, s.number, s.source) for s in paper_settings(doc) if s.source == "code"]
    assert got == [("set.seed", 123, "code"), ("n_loc", 50, "code"), ("n_draw", 2000, "code")]
    seed = next(s for s in paper_settings(doc) if s.name == "set.seed")
    assert seed.key == "seed" and seed.where.page == 1 and seed.extra["code"] == "set.seed(123)"


def test_prose_set_in_the_code_font_and_printed_output_give_no_code_settings(
    tmp_path: Path,
) -> None:
    doc = read_document(_paper(tmp_path / "paper.pdf"))
    texts = [ln.text for ln in doc.code]
    assert not any(t.startswith("The main functions") for t in texts)
    code = [s for s in paper_settings(doc) if s.source == "code"]
    assert all(s.number != 107 for s in code)  # `#> … 107 parameters` is printed output
    assert all(s.name not in ("k", "a") for s in code)  # a loop counter, a one-letter step
