"""Reference lists in numbered and author–year styles, and the sentences that cite them:
each entry is split where it is typeset to start, parsed, and found behind its citations."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.mapping.related import map_related
from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.references import parse_reference
from arakit.model import RelatedWork
from tests.compiler.pdffront import Author, FrontPage, make_front

AUTHOR_YEAR_REFS = [
    "Chen, S., Billings, S. A., & Grant, P. M. (1990). Non-linear system identification using "
    "neural networks. International Journal of Control, 51(6), 1191-1214.",
    "Forgione, M., & Piga, D. (2020). Model structures and fitting criteria for system "
    "identification with neural networks. In Proc. of the 14th IEEE AICT conference.",
    "Garnier, H., & Young, P. C. (2014a). The advantages of directly identifying "
    "continuous-time transfer function models. International Journal of Control, 87(7).",
    "Garnier, H., & Young, P. C. (2014b). Direct continuous-time approaches to system "
    "identification. Overview and benefits for practical applications.",
]
INTRO = [
    "Neural networks have a long history in system identification (Chen et al., 1990). We "
    "build on the fitting criteria of Forgione and Piga (2020) and compare against the "
    "refined instrumental variable method of Garnier and Young (2014b) as a baseline.",
]


def _paper(tmp_path: Path, refs: list[str], numbered: bool, intro: list[str]):  # type: ignore[no-untyped-def]
    fp = FrontPage(
        title=["Continuous-time Identification"],
        authors=[[Author("Marco Rossi"), Author("Li Wei")]],
        intro=intro,
        references=refs,
        numbered_refs=numbered,
    )
    return read_document(make_front(tmp_path / "p.pdf", fp))


def _cited(related: list[RelatedWork]) -> dict[str, str]:
    """Type by title of the references the text was found citing."""
    return {rw.title: rw.type for rw in related if rw.delta.startswith("Cited in")}


def test_an_author_year_list_is_split_at_its_hanging_indent(tmp_path: Path) -> None:
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS, numbered=False, intro=INTRO)
    assert [r.key for r in doc.references] == [
        "Chen1990",
        "Forgione2020",
        "Garnier2014a",
        "Garnier2014b",
    ]
    assert doc.references[0].title == "Non-linear system identification using neural networks"
    assert doc.references[1].short == "Forgione and Piga, 2020"


def test_author_year_citations_find_their_entry_and_type_its_relation(tmp_path: Path) -> None:
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS, numbered=False, intro=INTRO)
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert _cited(related) == {
        "Chen et al., 1990": "imports",
        "Forgione and Piga, 2020": "imports",
        "Garnier and Young, 2014b": "baseline",
    }


def test_a_reference_the_text_never_cites_is_listed_with_its_relation_unstated(
    tmp_path: Path,
) -> None:
    # a course paper lists nine references and cites none of them in the text: the reference
    # list is still the paper's related work, listed briefly rather than dropped
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS, numbered=False, intro=INTRO)
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    listed = [rw for rw in related if not rw.delta.startswith("Cited in")]
    assert [rw.title for rw in listed] == ["Garnier and Young, 2014a"]
    assert "no citation of it was found in the text" in listed[0].delta
    assert [rw.id for rw in related] == ["RW01", "RW02", "RW03", "RW04"]


def test_natbib_square_bracket_years_cite_their_author_year_entry(tmp_path: Path) -> None:
    # NeurIPS-style preprints print "Finn et al. [2016]": the bracket holds a year, not a
    # reference number, and the list is author-year (frames, a held-out pair, had none found)
    intro = [
        "Neural networks have a long history in system identification, Chen et al. [1990]. "
        "We compare against the refined method of Garnier and Young [2014b] as a baseline."
    ]
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS, numbered=False, intro=intro)
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert _cited(related) == {
        "Chen et al., 1990": "imports",
        "Garnier and Young, 2014b": "baseline",
    }


def test_a_reference_list_headed_in_another_language_is_read(tmp_path: Path) -> None:
    # a Spanish thesis prints "BIBLIOGRAFÍA" (TeX sets the accented i as a dotless i and a
    # combining acute); its list had been read as body text, with no reference at all
    intro = ["We follow the identification scheme of [2] and compare with [1]."]
    fp = FrontPage(
        title=["Identificación en tiempo continuo"],
        authors=[[Author("Marco Rossi")]],
        intro=intro,
        references=AUTHOR_YEAR_REFS[:2],
        references_title="BIBLIOGRAF\u0131\u0301A",
    )
    doc = read_document(make_front(tmp_path / "p.pdf", fp))
    assert [r.key for r in doc.references] == ["1", "2"]
    assert not any("Forgione" in p.text for p in doc.paragraphs())


def test_a_table_of_contents_naming_the_references_does_not_swallow_the_body(
    tmp_path: Path,
) -> None:
    # a thesis lists its chapters (unnumbered, bold) before the text: the "References" line
    # of the contents must not turn the introduction that follows into reference entries
    intro = ["We follow the identification scheme of [2] and compare with [1]."]
    fp = FrontPage(
        title=["Continuous-time Identification"],
        authors=[[Author("Marco Rossi")]],
        contents=["Overview", "References", "Data"],
        intro_heading="Introduction",
        intro=intro,
        references=AUTHOR_YEAR_REFS[:2],
    )
    doc = read_document(make_front(tmp_path / "p.pdf", fp))
    assert any("identification scheme" in p.text for p in doc.paragraphs())
    assert [r.key for r in doc.references] == ["1", "2"]


def test_raised_reference_numbers_cite_a_numbered_list(tmp_path: Path) -> None:
    # journals that cite by superscript ("networks^1,2", Nature style) print no brackets:
    # the raised numbers are the citations, and the reference list is numbered
    intro = [
        "Neural networks have a long history in system identification^{1}. We build on "
        "the fitting criteria of Forgione and Piga and compare against their results as a "
        "baseline^{2}. Continuous-time models are older^{3,4}. The models are small."
    ]
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS, numbered=True, intro=intro)
    assert not any("^" in p.text or "identification1" in p.text for p in doc.paragraphs())
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert _cited(related) == {
        "Chen et al., 1990": "imports",
        "Forgione and Piga, 2020": "baseline",
        "Garnier and Young, 2014a": "imports",
        "Garnier and Young, 2014b": "imports",
    }


def test_a_lone_raised_number_is_a_footnote_not_a_citation(tmp_path: Path) -> None:
    # a course paper that never cites its list marks one footnote ("The dataset^1 ..."):
    # one raised number is no way of citing a list of four
    intro = ["The dataset^{1} encompasses timestamped readings of both sensors."]
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS, numbered=True, intro=intro)
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert _cited(related) == {}


def test_raised_numbers_are_footnotes_where_the_text_cites_in_brackets(tmp_path: Path) -> None:
    intro = ["We follow the identification scheme of [2] and use a small model^{1}."]
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS[:2], numbered=True, intro=intro)
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert _cited(related) == {"Forgione and Piga, 2020": "imports"}


def test_a_numbered_list_is_split_at_its_numbers(tmp_path: Path) -> None:
    intro = ["We follow the identification scheme of [2] and compare with [1]."]
    doc = _paper(tmp_path, AUTHOR_YEAR_REFS[:2], numbered=True, intro=intro)
    assert [r.key for r in doc.references] == ["1", "2"]
    related = map_related(PaperContext(doc, extract_atoms(doc), "p.pdf"))
    assert {rw.title: rw.type for rw in related} == {
        "Chen et al., 1990": "baseline",
        "Forgione and Piga, 2020": "imports",
    }


def test_initials_first_entries_with_the_year_at_the_end_are_parsed() -> None:
    ref = parse_reference(
        "",
        "S. Chen, S. Billings, and P. Grant. Non-linear system identification using neural "
        "networks. International journal of control, 51(6):1191–1214, 1990.",
    )
    assert ref.authors == ["S. Chen", "S. Billings", "P. Grant"]
    assert (ref.year, ref.surname) == ("1990", "Chen")
    assert ref.title == "Non-linear system identification using neural networks"
    etal = parse_reference("", "M. Abadi et al. TensorFlow: Large-scale machine learning, 2015.")
    assert (
        etal.surname == "Abadi" and etal.title == "TensorFlow: Large-scale machine learning, 2015"
    )
