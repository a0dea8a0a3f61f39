"""Reading order and sections of pages drawn with PyMuPDF: an appendix lettered "A." with no
word "Appendix" printed (amsart and many report classes), the same heading in a table of
contents, capitals of a display inside an appendix, and an equation number at the edge of
one column beside a line of the other."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.pdf import read_document
from tests.compiler.tablegen import MARGIN, W, Page

SENTENCE = (
    "The estimate holds for every step of the chain and the constant does not depend on "
    "the dimension of the state space."
)


def _page(p: Page, items: list[tuple[str, str]], y: float = MARGIN + 20) -> float:
    """Headings ("h", bold) and paragraphs ("p", three lines of prose) down one column."""
    for kind, text in items:
        if kind == "h":
            y += 8
            p.text(MARGIN, y, text, bold=True, size=10)
            y += 16
        elif kind == "eq":
            p.text(W / 2 - 30, y, text, bold=True, size=10)
            y += 16
        else:
            words = f"{text} {SENTENCE} {SENTENCE}".split()
            line = ""
            for word in words:
                if p.width(f"{line} {word}", size=10) > W - 2 * MARGIN:
                    p.text(MARGIN, y, line.strip(), size=10)
                    y += 12
                    line = ""
                line = f"{line} {word}"
            p.text(MARGIN, y, line.strip(), size=10)
            y += 16
    return y


def _paper(path: Path, contents: bool = False, display: bool = False) -> Path:
    p = Page()
    if contents:  # a table of contents: the same headings, one per line, in bold
        heads = ["Contents", "1 Introduction", "2 Results", "A. Proofs of the lemmas"]
        _page(p, [("h", h) for h in heads])
        p.page = p.doc.new_page(width=W, height=792.0)
    _page(
        p,
        [
            ("h", "1 Introduction"),
            ("p", "We study the mixing of a chain."),
            ("h", "2 Results"),
            ("p", "The chain mixes in time of order n log n."),
            ("h", "A. Proofs of the lemmas"),
            ("p", "This appendix proves the lemmas of Section 2."),
            ("h", "A.1. Proof of Lemma 1"),
            ("p", "We bound the moment first."),
        ]
        + ([("eq", "E R2"), ("p", "which proves the claim.")] if display else [])
        + [("h", "B. Numerical checks"), ("p", "The bounds match the simulations.")],
    )
    return p.save(path)


def _sections(path: Path) -> list[tuple[str, str, bool]]:
    return [(s.number, s.title, s.appendix) for s in read_document(path).sections if s.title]


def test_an_appendix_lettered_a_without_the_word_appendix_is_read_as_one(tmp_path: Path) -> None:
    got = _sections(_paper(tmp_path / "p.pdf"))
    assert ("1", "Introduction", False) in got
    assert ("2", "Results", False) in got
    assert ("A", "Proofs of the lemmas", True) in got
    assert ("A.1", "Proof of Lemma 1", True) in got
    assert ("B", "Numerical checks", True) in got


def test_a_lettered_line_of_a_table_of_contents_does_not_make_the_body_an_appendix(
    tmp_path: Path,
) -> None:
    got = _sections(_paper(tmp_path / "p.pdf", contents=True))
    body = got[got.index(("2", "Results", False)) :]  # from the body's own headings on
    assert ("1", "Introduction", False) in got
    assert ("A", "Proofs of the lemmas", True) in body
    assert ("B", "Numerical checks", True) in body


def test_capitals_of_a_display_in_an_appendix_are_no_heading(tmp_path: Path) -> None:
    got = _sections(_paper(tmp_path / "p.pdf", display=True))
    assert not any(number == "E" for number, _, _ in got), got
    assert ("B", "Numerical checks", True) in got


def test_an_equation_number_at_one_columns_edge_stays_out_of_the_other_column(
    tmp_path: Path,
) -> None:
    """Two columns 12 pt apart: the left column's "(1)" ends at the gutter on the baseline
    of a right-column line; it belongs to its equation, not to that sentence."""
    p = Page()
    mid, gap = W / 2, 6.0
    left, right = (MARGIN, mid - gap), (mid + gap, W - MARGIN)
    y = MARGIN + 20
    for k in range(30):
        base = y + 12 * k
        if k == 20:  # the display: equation centred, its number flush right
            p.text(left[0] + 80, base, "p = w f,", size=10)
            p.text(left[1] - p.width("(1)", size=10), base, "(1)", size=10)
        else:
            p.text(left[0], base, "left column text of the method section here", size=10)
        words = "the classifier reached an accuracy of ninety six percent on the test set"
        p.text(right[0], base, words if k != 20 else "overall average accuracy of 96%.", size=10)
    path = p.save(tmp_path / "two.pdf")
    text = " ".join(par.text for s in read_document(path).sections for par in s.paragraphs)
    assert "overall average accuracy of 96%" in text
    assert "(1) overall" not in text and "(1) accuracy" not in text
