"""A PDF that still prints its template's placeholder text is said to be an unfinished
draft in PAPER.md, and its placeholder sentences are never claims; a finished paper is not
called a draft for one odd phrase."""

from __future__ import annotations

from arakit.compiler.assemble import paper_front
from arakit.compiler.pdf.document import Document
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
