"""Front matter from the layout of the first page, with page furniture recognised as such:
each test prints a first page the way a real template does and reads it back."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from arakit.compiler.pdf import read_document
from tests.compiler.pdffront import Author, FrontPage, make_front

TITLE = ["Sparse Estimators for Noisy", "Dynamical Systems"]
FULL_TITLE = "Sparse Estimators for Noisy Dynamical Systems"
THREE = [[Author("Marco Rossi", "1"), Author("Ana de la Cruz", "2"), Author("Li Wei", "1,2")]]
AFFILIATIONS = [
    ("1", "Department of Computer Science, University of Lugano, Switzerland"),
    ("2", "Institute for Robotics, 08034 Barcelona, Spain"),
]


def _read(tmp_path: Path, **kw: object):  # type: ignore[no-untyped-def]
    fp = FrontPage(title=TITLE, authors=kw.pop("authors", THREE), **kw)  # type: ignore[arg-type]
    return read_document(make_front(tmp_path / "paper.pdf", fp))


def test_every_author_of_a_row_is_read_without_marks_or_and(tmp_path: Path) -> None:
    doc = _read(tmp_path, affiliations=AFFILIATIONS)
    assert doc.title == FULL_TITLE
    assert doc.authors == ["Marco Rossi", "Ana de la Cruz", "Li Wei"]


def test_affiliations_lose_their_marks_and_keep_their_order(tmp_path: Path) -> None:
    doc = _read(tmp_path, affiliations=AFFILIATIONS)
    assert doc.affiliations == [text for _mark, text in AFFILIATIONS]


def test_an_arxiv_margin_stamp_is_furniture_that_gives_identifier_and_year(tmp_path: Path) -> None:
    doc = _read(tmp_path, stamp="arXiv:2301.04567v2  [cs.LG]  14 Feb 2023", title_size=15.0)
    assert doc.title == FULL_TITLE  # the stamp is set larger than the title, at 90 degrees
    assert doc.arxiv == "2301.04567v2"
    assert doc.year == "2023"
    assert not any("arXiv" in p.text for p in doc.paragraphs())


@pytest.mark.parametrize(
    ("head", "venue", "year"),
    [
        (["Draft version November 9, 2016", "Typeset using LaTeX twocolumn style"], "", "2016"),
        (["Published as a conference paper at ICLR 2024"], "ICLR 2024", "2024"),
        (["Preprint. Under review."], "", ""),
        (["Submitted to The Astrophysical Journal"], "Submitted to The Astrophysical Journal", ""),
        (
            ["Proceedings of the 40th International Conference on Machine Learning, 2023."],
            "Proceedings of the 40th International Conference on Machine Learning, 2023",
            "2023",
        ),
    ],
)
def test_status_and_venue_lines_above_the_title_are_not_the_title(
    tmp_path: Path, head: list[str], venue: str, year: str
) -> None:
    doc = _read(tmp_path, head=head)
    assert doc.title == FULL_TITLE
    assert doc.authors == ["Marco Rossi", "Ana de la Cruz", "Li Wei"]
    assert doc.venue == venue
    assert doc.year == year
    assert all(line in doc.furniture for line in head)


def test_a_draft_watermark_and_line_numbers_are_neither_title_nor_text(tmp_path: Path) -> None:
    doc = _read(tmp_path, watermark="DRAFT", line_numbers=True)
    assert doc.title == FULL_TITLE
    assert "DRAFT" not in " ".join(p.text for p in doc.paragraphs())
    assert not any(w.isdigit() for w in doc.abstract.split())


def test_a_journal_sidebar_is_furniture(tmp_path: Path) -> None:
    sidebar = ["DOI: 10.21105/joss.01234", "Software", "Editor: Open Journals", "License"]
    doc = _read(tmp_path, sidebar=sidebar, affiliations=AFFILIATIONS)
    assert doc.authors == ["Marco Rossi", "Ana de la Cruz", "Li Wei"]
    text = doc.abstract + " ".join(p.text for p in doc.paragraphs())
    assert "Open Journals" not in text


def test_a_citation_box_gives_venue_and_year_and_is_not_text(tmp_path: Path) -> None:
    box = [
        "To cite this work, please use the following bibtex entry:",
        "@article{rossi2021sparse,",
        "  title={Sparse Estimators for Noisy Dynamical Systems},",
        "  journal={European Journal of Control},",
        "  year={2021}",
        "}",
    ]
    doc = _read(tmp_path, cite_box=box, date="August 31, 2022")
    assert doc.venue == "European Journal of Control"
    assert doc.year == "2021"  # the citation names the venue's year, not the printed date
    assert "bibtex" not in doc.abstract + " ".join(p.text for p in doc.paragraphs())


def test_authors_side_by_side_with_their_affiliations_are_each_read(tmp_path: Path) -> None:
    grid = [
        ("Ada Lovelace", "University of London"),
        ("Alan Turing", "Princeton University"),
        ("Grace Hopper", "Yale University"),
    ]
    doc = _read(tmp_path, authors=[], grid=grid)
    assert doc.authors == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert doc.affiliations == ["University of London", "Princeton University", "Yale University"]


def test_a_page_without_authors_has_none(tmp_path: Path) -> None:
    doc = _read(tmp_path, authors=[])
    assert doc.title == FULL_TITLE
    assert doc.authors == []


def test_a_placeholder_after_the_names_is_not_an_author(tmp_path: Path) -> None:
    doc = _read(tmp_path, authors=[[Author("Daniel Foreman", "1"), Author("friends")]])
    assert doc.authors == ["Daniel Foreman"]


def test_a_template_line_under_the_title_is_not_an_author(tmp_path: Path) -> None:
    doc = _read(tmp_path, below_title=["A PREPRINT"], affiliations=AFFILIATIONS)
    assert doc.authors == ["Marco Rossi", "Ana de la Cruz", "Li Wei"]


def test_a_name_broken_across_two_author_rows_is_read_whole(tmp_path: Path) -> None:
    rows = [
        "Kimberly R. Ward, Mitchell Hayes, Lauren C Peres, Brooke L",
        "Fridley, and Alex Soupir",
    ]
    doc = _read(tmp_path, authors=[], raw_authors=rows)
    assert doc.authors == [
        "Kimberly R. Ward",
        "Mitchell Hayes",
        "Lauren C Peres",
        "Brooke L Fridley",
        "Alex Soupir",
    ]


def test_affiliations_run_together_with_numbers_are_split_at_them(tmp_path: Path) -> None:
    block = (
        "1 Department of Cutaneous Oncology, Moffitt Cancer Center 2 Department of "
        "Genitourinary Oncology, Moffitt Cancer Center 3 Department of Pediatrics, University "
        "of Missouri-Kansas City School of Medicine"
    )
    doc = _read(tmp_path, affiliation_block=block)
    assert doc.affiliations == [
        "Department of Cutaneous Oncology, Moffitt Cancer Center",
        "Department of Genitourinary Oncology, Moffitt Cancer Center",
        "Department of Pediatrics, University of Missouri-Kansas City School of Medicine",
    ]


def test_a_grid_of_authors_keeps_one_affiliation_per_column_whatever_it_names(
    tmp_path: Path,
) -> None:
    doc = _read(
        tmp_path,
        authors=[],
        grid=[("Bojie Li", "Pine AI"), ("Noah Shi", "University of Washington")],
    )
    assert doc.authors == ["Bojie Li", "Noah Shi"]
    assert doc.affiliations == ["Pine AI", "University of Washington"]


def test_names_set_apart_only_by_their_marks_are_each_an_author(tmp_path: Path) -> None:
    row = [Author("Huey Sun", "∗"), Author("Anabel Yong", "∗"), Author("Felipe Jin")]
    doc = _read(tmp_path, authors=[row], marks_only=True)
    assert doc.authors == ["Huey Sun", "Anabel Yong", "Felipe Jin"]


def test_a_preprint_footer_at_the_foot_of_the_first_page_is_furniture(tmp_path: Path) -> None:
    # the NeurIPS preprint option prints "Preprint. Under review." alone at the foot of
    # page 1, in small type; a paragraph running on to page 2 had taken it in
    fp = FrontPage(
        title=["Predicting Future Frames"],
        authors=[[Author("Marco Rossi")]],
        footer="Preprint. Under review.",
        intro=["Video prediction models were later used for driving and robotics " * 40],
    )
    path = make_front(tmp_path / "p.pdf", fp)
    with pymupdf.open(path) as pdf:
        page = pdf.new_page(width=612, height=792)
        page.insert_text((90, 90), "tasks of many kinds, as the survey shows.", fontsize=10)
        pdf.saveIncr()
    doc = read_document(path)
    assert not any("Under review" in p.text for p in doc.paragraphs())
    assert any(p.text.endswith("as the survey shows.") for p in doc.paragraphs())
    assert "Preprint. Under review." in doc.furniture


def test_a_status_sentence_in_the_body_is_not_taken_for_a_footer(tmp_path: Path) -> None:
    intro = ["Accepted values of the threshold range from one to three in earlier work."]
    fp = FrontPage(title=["Thresholds"], authors=[[Author("Marco Rossi")]], intro=intro)
    doc = read_document(make_front(tmp_path / "p.pdf", fp))
    assert any("Accepted values" in p.text for p in doc.paragraphs())


def test_a_template_placeholder_author_line_above_the_names_is_not_an_author(
    tmp_path: Path,
) -> None:
    # the ACL template's "First Author" left above the real names, set in its own size
    doc = _read(
        tmp_path,
        authors=[],
        below_title=["First Author"],
        raw_authors=["Weifan Jiang, Haoxuan Wu"],
    )
    assert doc.authors == ["Weifan Jiang", "Haoxuan Wu"]


def test_an_anonymous_submission_still_has_no_authors(tmp_path: Path) -> None:
    doc = _read(tmp_path, authors=[], raw_authors=["Anonymous Author(s)"])
    assert doc.authors == []


def test_a_nickname_in_parentheses_stays_in_the_name_a_note_does_not(tmp_path: Path) -> None:
    authors = [[Author("Marco Rossi", "1"), Author("Yuxi (Lucy) Lu", "2"), Author("Li Wei", "1")]]
    doc = _read(tmp_path, authors=authors, affiliations=AFFILIATIONS)
    assert doc.authors == ["Marco Rossi", "Yuxi (Lucy) Lu", "Li Wei"]
    rows = ["Marco Rossi (AAS) and Ana Cruz (Equal contribution)"]
    doc = _read(tmp_path, authors=[], raw_authors=rows)
    assert doc.authors == ["Marco Rossi", "Ana Cruz"]
