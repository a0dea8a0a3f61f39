"""Short papers (research notes): no abstract, no section headings before the references,
a caption label set apart from its caption, a figure that is a picture, a sidebar box. What
they have is read; what they lack is said, never made up."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import BOLD, REGULAR
from tests.compiler.test_structure import PARA, Pages


def _note(p: Pages) -> None:
    p.line("Photometric Metallicities for Cool Stars", 16, bold=True)
    p.line("Ada Lovelace and Alan Turing", 11)
    p.line("Here we present a nearest-neighbour tool to estimate metallicities.", gap=3)
    p.line(PARA)


def test_the_text_of_a_note_without_headings_is_kept_before_its_references(
    tmp_path: Path,
) -> None:
    p = Pages()
    _note(p)
    p.line("REFERENCES", 10, bold=True, gap=2.5)
    p.line("Lovelace, A. 1843, Notes, 1, 1")
    doc = read_document(p.save(tmp_path / "n.pdf"))
    text = " ".join(para.text for para in doc.paragraphs())
    assert "Here we present a nearest-neighbour tool" in text
    assert PARA in text


def test_a_caption_beside_its_label_is_the_whole_caption(tmp_path: Path) -> None:
    p = Pages()
    _note(p)
    p.y += 30
    p.page.insert_text((72, p.y), "Figure 1.", fontname="dj", fontfile=str(REGULAR), fontsize=9)
    p.page.insert_text(
        (140, p.y), "Left: the training sample.", fontname="dj", fontfile=str(REGULAR), fontsize=9
    )
    p.line("Right: the mean metallicity of three million stars.", 9)
    p.line("Next paragraph of the running text goes on here at body size.", 10, gap=2.5)
    doc = read_document(p.save(tmp_path / "n.pdf"))
    assert [(f.number, f.caption) for f in doc.figures] == [
        ("1", "Left: the training sample. Right: the mean metallicity of three million stars.")
    ]


def test_a_line_that_starts_with_a_label_inside_a_sentence_is_no_caption(tmp_path: Path) -> None:
    p = Pages()
    _note(p)
    p.line("The posterior is compared with the true density in the right-hand panel of")
    p.line("Figure 4. In this figure, the true density is a dashed line.")
    doc = read_document(p.save(tmp_path / "n.pdf"))
    assert doc.figures == []
    assert "panel of Figure 4. In this figure" in " ".join(x.text for x in doc.paragraphs())


def test_a_figure_that_is_a_picture_is_filed_with_its_caption_and_says_nothing_was_read(
    tmp_path: Path,
) -> None:
    from arakit.compiler.evidence import figure_files

    p = Pages()
    _note(p)
    p.line("Figure 1. Our web application fitting a supernova light curve.", 9, gap=2.5)
    doc = read_document(p.save(tmp_path / "n.pdf"))
    (f,) = figure_files(doc, "A note")
    assert f.path.startswith("evidence/figures/figure1_")
    assert f.source == "Figure 1 in A note (p. 1)"
    assert f.tables == []  # no numbers invented
    fields = {x.name: x.value for x in f.extra_fields}
    assert fields["Extraction method"] == "visual_description"
    assert fields["Reading confidence"].startswith("low")
    assert fields["Figure type"].startswith("not determined")
    assert "Not described" in f.notes and "fitting a supernova light curve" in f.notes


def test_a_tinted_box_beside_the_running_text_is_a_sidebar_not_a_paragraph(
    tmp_path: Path,
) -> None:
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.draw_rect(pymupdf.Rect(380, 150, 560, 330), color=None, fill=(0.8, 0.85, 0.92))
    body = [
        "The particle filter is a widely used Monte Carlo algorithm",
        "which provides an unbiased estimate of the likelihood of",
        "partially observed Markov process models, and maximising",
        "it gives the maximum likelihood estimate of the parameters",
        "together with profile likelihood confidence intervals and",
        "model selection by likelihood ratio tests.",
    ]
    side = [
        "Significance Statement",
        "Many scientific models",
        "involve nonlinear systems",
        "observed only through",
        "noisy measurements.",
    ]
    page.insert_text(
        (72, 100),
        "Inference by Differentiable Filters",
        fontname="djb",
        fontfile=str(BOLD),
        fontsize=16,
    )
    for i, t in enumerate(body):
        page.insert_text((72, 170 + 14 * i), t, fontname="dj", fontfile=str(REGULAR), fontsize=10)
    for i, t in enumerate(side):
        page.insert_text((390, 175 + 14 * i), t, fontname="dj", fontfile=str(REGULAR), fontsize=9)
    for i in range(4):  # text across the page below: the box stands inside the text block
        page.insert_text(
            (72, 360 + 14 * i),
            "The resampling step of the filter is discrete, so its derivative is not the "
            "derivative of the expected value of the estimate.",
            fontname="dj",
            fontfile=str(REGULAR),
            fontsize=10,
        )
    path = tmp_path / "s.pdf"
    doc.save(path)
    read = read_document(path)
    text = " ".join(x.text for x in read.paragraphs()) + " " + read.abstract
    assert "Significance" not in text and "noisy measurements" not in text
    assert "unbiased estimate of the likelihood" in text
    assert read.sidebars == [
        "Significance Statement Many scientific models involve nonlinear systems observed "
        "only through noisy measurements."
    ]


def test_a_letter_that_prints_no_date_says_its_year_is_not_specified(tmp_path: Path) -> None:
    from arakit.compiler.pipeline import compile_sources
    from arakit.seal.level1 import validate

    p = Pages()
    p.line("Dear Dr. Kiss,", 11)
    p.line("Thank you for the opportunity to revise our manuscript on cardiac arrhythmias.")
    p.line("We have conducted a statistical test to compare the models, as suggested.")
    p.line("Referee: 1", 11, gap=2.5)
    p.line("The manuscript is well written; we have added the requested details on line 115.")
    pdf = p.save(tmp_path / "response.pdf")
    doc = pymupdf.open(pdf)
    doc.set_metadata({})  # no creation date either
    doc.save(tmp_path / "letter.pdf")
    out = tmp_path / "out"
    compile_sources([str(tmp_path / "letter.pdf")], out)
    head = (out / "PAPER.md").read_text(encoding="utf-8").split("---")[1]
    assert "year: Not specified in the provided sources" in head
    codes = [f.code for f in validate(out, profile="upstream").findings if f.severity == "error"]
    assert "L1-PAPER-002" not in codes


def test_a_list_item_with_a_hanging_indent_is_one_paragraph(tmp_path: Path) -> None:
    p = Pages()
    _note(p)
    p.line("Our key insights are as follows:", gap=2.5)
    p.line("1. We consider a novel one-parameter family of gradient esti-")
    p.y += 13
    p.page.insert_text(
        (LEFT_ITEM, p.y),
        "mators that trade bias against variance in the filter.",
        fontname="dj",
        fontfile=str(REGULAR),
        fontsize=10,
    )
    doc = read_document(p.save(tmp_path / "n.pdf"))
    texts = [x.text for x in doc.paragraphs()]
    item = [t for t in texts if "1. We consider" in t]
    assert item and item[0].endswith(
        "1. We consider a novel one-parameter family of gradient estimators that trade bias "
        "against variance in the filter."
    )


LEFT_ITEM = 72.0 + 12.0  # the hanging indent of a numbered item's later lines
