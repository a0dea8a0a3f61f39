"""A PDF that still prints its template's placeholder text, its authors' notes to one
another ("TODO: ...") or references LaTeX left unresolved ("Fig. ??") is said to be an
unfinished draft in PAPER.md, and its placeholder and note sentences are never claims; a
finished paper is not called a draft for one odd phrase or one slip."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.assemble import paper_front
from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.document import Document
from tests.compiler.pdfgen import write_paper
from tests.compiler.paperdoc import claims_of as _claims
from tests.compiler.paperdoc import document as _doc


def _template() -> Document:
    return _doc(
        "Lynx matches emission-line templates against every spectrum of a data cube. It "
        "picks up faint emitters with several lines while avoiding false positives.",
        [
            ("", "Statement of need", ["Here comes the statement of need."]),
            (
                "",
                "Acknowledgements",
                ["We acknowledge contributions from Jon Doe and Jane Doe."],
            ),
        ],
        title="LYNX: A something…",
    )


def test_a_template_draft_is_said_to_be_one_in_paper_md() -> None:
    doc = _template()
    paper = paper_front(doc, doc.title, [], "2024", "")
    draft = paper.extra["draft"]
    assert "unfinished template draft" in draft
    assert "LYNX: A something…" in draft and "Here comes the statement of need" in draft
    assert (paper.overview or "").startswith("The PDF is an unfinished template draft")


def test_placeholder_sentences_are_not_claims_and_the_capitalised_name_is_the_paper_s() -> None:
    got = _claims(_template())
    assert not any("Here comes" in c or "Doe" in c for c in got)
    assert any(c.startswith("Lynx matches emission-line templates") for c in got)


def test_a_finished_paper_with_one_odd_phrase_is_not_a_draft() -> None:
    doc = _doc(
        "We present a line finder for data cubes. Lorem ipsum is the example text we strip.",
        [],
        title="A Line Finder for Data Cubes",
    )
    paper = paper_front(doc, doc.title, [], "2024", "")
    assert "draft" not in paper.extra


def _printed(tmp_path: Path, paragraphs: list[str]) -> Document:
    """A two-column paper printing these paragraphs in its introduction, read back."""
    path = write_paper(
        tmp_path / "paper.pdf",
        "Animation with Keypoint Masks",
        "We animate a still image from a driving video with masks.",
        [("1", "Introduction", paragraphs)],
    )
    return read_document(path)


def test_the_authors_notes_left_in_the_text_make_it_a_draft(tmp_path: Path) -> None:
    doc = _printed(
        tmp_path,
        [
            "Image animation moves a still subject. TODO: add here table with two rows.",
            "Our method does not rely on GANs. TODO: does the next paragraph required?",
        ],
    )
    draft = paper_front(doc, doc.title, [], "2021", "").extra["draft"]
    assert "unfinished draft" in draft and "2 notes of the authors" in draft
    assert "TODO: add here table" in draft
    assert not any("TODO" in c for c in _claims(doc))


def test_unresolved_references_make_it_a_draft_and_one_is_a_slip(tmp_path: Path) -> None:
    two = _printed(
        tmp_path,
        [
            "The comparison is made in Fig.?? on an image of the Kodak [] dataset, with the "
            "settings of Section ?? for every codec."
        ],
    )
    assert "unresolved references" in paper_front(two, two.title, [], "2021", "").extra["draft"]
    one = _printed(tmp_path, ["Errors accumulate over time (Fig. ??) for every method we ran."])
    assert "draft" not in paper_front(one, one.title, [], "2021", "").extra


def test_words_and_code_that_look_like_marks_are_not_a_draft(tmp_path: Path) -> None:
    doc = _printed(
        tmp_path,
        [
            "Se presenta todo el método en la sección dos con todo detalle para el lector.",
            "The parser keeps parts = [] until the first token; vol. XXX of the series is cited.",
        ],
    )
    assert "draft" not in paper_front(doc, doc.title, [], "2021", "").extra
