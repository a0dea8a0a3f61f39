"""Venues and years a first page prints outside its front matter: a footer's statement of
where the paper was submitted (elsarticle's "Preprint submitted to X" beside a date), a
journal's citation line in the shapes publishers set it, a publisher's reference format
for citing the paper (ACM), and a byline's "By" before the first author."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.assemble import year_and_venue
from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.furniture import furniture, journal_citation, venue_from_status
from arakit.compiler.pdf.names import names_in
from tests.compiler.pdffront import Author, FrontPage, make_front

INTRO = ["Rivers carry sediment to the sea, and the load varies with the season. " * 30]


def _page(tmp_path: Path, **kw: object) -> tuple[str, str]:
    kw.setdefault("intro", INTRO)
    fp = FrontPage(
        title=["Sediment Loads of Small Rivers"],
        authors=[[Author("Marco Rossi"), Author("Jane A. Doe")]],
        **kw,  # type: ignore[arg-type]
    )
    doc = read_document(make_front(tmp_path / "p.pdf", fp))
    year, venue, _ = year_and_venue(doc, [])
    return venue, year


def test_a_preprint_footer_names_the_journal_without_its_date(tmp_path: Path) -> None:
    venue, year = _page(
        tmp_path, footer="Preprint submitted to Journal of Hydrology   March 21, 2021"
    )
    assert venue == "Preprint submitted to Journal of Hydrology"
    assert year == "2021"


def test_an_acceptance_footer_names_the_journal(tmp_path: Path) -> None:
    venue, _ = _page(tmp_path, footer="Accepted for publication in Water Resources Research")
    assert venue == "Accepted for publication in Water Resources Research"


def test_a_journal_citation_line_above_the_title_gives_the_journal_and_year(
    tmp_path: Path,
) -> None:
    venue, year = _page(tmp_path, head=["Journal of Hydrology 590 (2020) 125432"])
    assert (venue, year) == ("Journal of Hydrology", "2020")


def test_citation_lines_of_several_publishers_name_the_journal() -> None:
    lines = {
        "Journal of Hydrology 590 (2020) 125432": "Journal of Hydrology",
        "IEEE TRANSACTIONS ON SIGNAL PROCESSING, VOL. 14, NO. 8, AUGUST 2015": (
            "IEEE TRANSACTIONS ON SIGNAL PROCESSING"
        ),
        "Remote Sens. 2021, 13, 1234. https://doi.org/10.3390/rs13061234": "Remote Sens.",
        "Geosci. Model Dev., 8, 1–20, 2015": "Geosci. Model Dev.",
        "Ecology, 102(3), 2021, e03250": "Ecology",
        "Scientific Reports | (2021) 11:1234 | https://doi.org/10.1038/s41598": (
            "Scientific Reports"
        ),
        "MNRAS 000, 1–24 (2016)": "MNRAS",
    }
    for line, name in lines.items():
        assert journal_citation(line) == name, line
        assert getattr(furniture(line), "kind", "") == "venue", line
    assert journal_citation("Smith et al. 2020, 12, 3") == ""
    assert journal_citation("Table 1, 2, 2020") == ""


def test_a_venue_line_loses_the_copyright_sentence_run_on_after_it() -> None:
    line = (
        "Proceedings of the 38th International Conference on Machine Learning, PMLR 139, "
        "2021. Copyright 2021 by the author(s)."
    )
    assert venue_from_status(line) == (
        "Proceedings of the 38th International Conference on Machine Learning, PMLR 139, 2021"
    )


def test_the_acm_reference_format_names_the_proceedings(tmp_path: Path) -> None:
    intro = [
        "ACM Reference Format:",
        "Marco Rossi and Jane A. Doe. 2020. Sediment Loads of Small",
        "Rivers. In Proceedings of the International Workshop on Rivers (IWR’20). ACM,",
        "New York, NY, USA, 11 pages. https://doi.org/10.1145/nnnnnnn.nnnnnnn",
        *INTRO,
    ]
    venue, year = _page(tmp_path, intro=intro)
    assert venue == "Proceedings of the International Workshop on Rivers (IWR’20)"
    assert year == "2020"


def test_a_bylines_by_is_no_part_of_the_first_name() -> None:
    assert names_in("By Donald P. Green, Oliver Hyman-Metzger") == [
        "Donald P. Green",
        "Oliver Hyman-Metzger",
    ]
    assert names_in("BY DONALD P. GREEN", small_caps=True) == ["DONALD P. GREEN"]
