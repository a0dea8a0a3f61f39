"""The PDF document model on a planted two-column paper whose contents the test knows."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.compiler.errors import SourceError
from arakit.compiler.pdf import read_document
from tests.compiler import pdfgen
from tests.compiler.pdfgen import PaperFile


@pytest.fixture(scope="module")
def doc(paper: PaperFile):  # type: ignore[no-untyped-def]
    return read_document(paper.path)


def _planted_tables() -> dict[str, list[list[str]]]:
    out = {}
    for kind, payload in pdfgen.BODY + pdfgen.APPENDIX:
        if kind == "table":
            number, _caption, rows = payload  # type: ignore[misc]
            out[number] = rows
    return out


def test_title_authors_and_abstract_come_from_the_first_page(doc) -> None:  # type: ignore[no-untyped-def]
    assert doc.title == pdfgen.TITLE
    assert doc.authors == ["Ada Lovelace", "Alan Turing", "Grace Hopper"]
    assert doc.abstract == pdfgen.ABSTRACT


def test_numbered_sections_keep_number_level_and_page(doc) -> None:  # type: ignore[no-untyped-def]
    got = [(s.number, s.title, s.level) for s in doc.sections if s.number]
    assert got[:4] == [
        ("1", "Introduction", 1),
        ("2", "Related Work", 1),
        ("3", "Method", 1),
        ("3.1", "Gated residual blocks", 2),
    ]
    assert doc.section("4.3").title == "Ablation study"
    assert doc.section("4.3").page == 2
    appendix = doc.section("A")
    assert (
        appendix is not None
        and appendix.appendix
        and appendix.title == "Additional training details"
    )
    assert not doc.section("4.1").appendix


def test_every_table_is_read_with_exact_cells(doc) -> None:  # type: ignore[no-untyped-def]
    planted = _planted_tables()
    assert sorted(t.number for t in doc.tables) == sorted(planted)
    for t in doc.tables:
        assert [t.header, *t.rows] == planted[t.number], t.label


def test_table_captions_and_pages(doc) -> None:  # type: ignore[no-untyped-def]
    by = {t.number: t for t in doc.tables}
    assert by["1"].caption == "Top-1 and top-5 accuracy on the ImageNet validation set."
    assert (by["1"].page, by["1"].section) == (1, "4.2")
    assert by["3"].section == "A"


def test_figures_keep_label_caption_and_page(doc) -> None:  # type: ignore[no-untyped-def]
    assert [(f.number, f.caption) for f in doc.figures] == [
        ("1", "Architecture of a gated residual block with its scalar gate."),
        ("2", "Training loss of RWN-50 and ResNet-50 during the first 10 epochs."),
    ]


def test_display_equation_is_kept_as_text_with_its_number(doc) -> None:  # type: ignore[no-untyped-def]
    assert [(e.text, e.number, e.section) for e in doc.equations] == [
        ("y = x + g · F(x, W)", "1", "3.1")
    ]


def test_running_header_and_page_numbers_are_not_body_text(doc) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(p.text for p in doc.paragraphs())
    assert "Under review" not in text
    assert all(not p.text.strip().isdigit() for p in doc.paragraphs())
    assert doc.running and "Under review" in doc.running[0]


def test_words_hyphenated_at_line_ends_are_joined(doc, paper: PaperFile) -> None:  # type: ignore[no-untyped-def]
    assert paper.hyphenated, "the generator should have broken some words"
    text = " ".join(p.text for p in doc.paragraphs())
    for word in paper.hyphenated:
        assert word in text, word


def test_ligature_glyphs_become_plain_letters(doc) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(p.text for p in doc.paragraphs())
    assert "fit into existing training pipelines" in text
    assert "an efficient fused kernel" in text
    assert "\ufb01" not in text and "\ufb03" not in text


def test_two_columns_are_read_left_column_first(doc) -> None:  # type: ignore[no-untyped-def]
    intro = doc.section("1").paragraphs
    assert intro[0].text.startswith("Training deep residual networks [1]")
    assert intro[-1].text.endswith("at no extra cost.")


def test_reference_list_is_parsed_into_entries(doc) -> None:  # type: ignore[no-untyped-def]
    refs = {r.key: r for r in doc.references}
    assert sorted(refs) == ["1", "2", "3", "4", "5"]
    assert refs["1"].doi == "10.1109/CVPR.2016.90"
    assert refs["1"].authors == ["He, K.", "Zhang, X.", "Ren, S.", "Sun, J."]
    assert (refs["1"].year, refs["1"].title) == (
        "2016",
        "Deep residual learning for image recognition",
    )
    assert refs["2"].arxiv == "1706.02677"
    assert refs["4"].doi == "10.1109/CVPR.2017.243"
    assert refs["5"].short == "Loshchilov and Hutter, 2017"  # two authors are both named


def test_appendix_after_references_is_not_swallowed_by_the_last_reference(doc) -> None:  # type: ignore[no-untyped-def]
    last = doc.references[-1]
    assert last.text.endswith("arXiv:1608.03983")
    assert "label smoothing of 0.1" in doc.section("A").text


def test_a_file_that_is_not_a_pdf_is_refused_with_its_name(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\nthis is not really a pdf")
    with pytest.raises(SourceError) as e:
        read_document(bad)
    assert "broken.pdf" in str(e.value) and "not a readable PDF" in str(e.value)


def test_twelve_page_paper_keeps_every_table_exact(tmp_path: Path) -> None:
    made = pdfgen.make_paper(tmp_path / "long.pdf", min_pages=12)
    doc = read_document(made.path)
    assert doc.pages == made.pages >= 12
    planted = _planted_tables()
    assert {t.number: [t.header, *t.rows] for t in doc.tables} == planted
    assert doc.section("4.4") is not None and doc.section("A") is not None


def test_a_booktabs_table_without_vertical_rules_keeps_exact_cells(tmp_path: Path) -> None:
    rows = [
        ["Model", "BLEU", "Time (h)"],
        ["Transformer", "27.3", "12.5"],
        ["RNN + attention", "24.9", "30.0"],
    ]
    w = pdfgen.Writer()
    w.full_width("Attention Is Enough Here", 16, bold=True, center=True)
    w.heading("1", "Results")
    w.paragraph("Table 1 compares the models on the test set.")
    w.booktabs("1", "Translation quality on the test set.", rows)
    w.doc.save(str(tmp_path / "booktabs.pdf"))
    doc = read_document(tmp_path / "booktabs.pdf")
    assert doc.title == "Attention Is Enough Here"
    assert [[t.header, *t.rows] for t in doc.tables] == [rows]
    assert doc.tables[0].caption == "Translation quality on the test set."


def test_a_pdf_without_abstract_or_title_still_yields_its_sections(tmp_path: Path) -> None:
    w = pdfgen.Writer()
    w.heading("1", "Results")
    w.paragraph("We show that the method works on every input we tried.")
    w.doc.save(str(tmp_path / "bare.pdf"))
    doc = read_document(tmp_path / "bare.pdf")
    assert doc.title == ""
    assert [(s.number, s.title) for s in doc.sections] == [("1", "Results")]
    assert (
        doc.sections[0].paragraphs[0].text
        == "We show that the method works on every input we tried."
    )
