"""Front matter read from where the glyphs stand: names set apart on one row only by wide
gaps, an affiliation broken over lines after a comma, a thesis title page that names its
author alone under the degree line, an abstract page headed by the title in capitals, and
a journal sidebar line printed on a body line's baseline. First pages written with PyMuPDF
the way IEEE, thesis and JOSS templates set them, read back."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import BOLD, REGULAR

W, H = 612.0, 792.0
RUNNING = (
    "commit messages record why a change was made and a shared convention lets tools "
    "read them so that change logs and release notes can be written from the history "
)


class _Page:
    def __init__(self, doc: pymupdf.Document | None = None) -> None:
        self.doc = doc or pymupdf.open()
        self.page = self.doc.new_page(width=W, height=H)
        self.font = pymupdf.Font(fontfile=str(REGULAR))

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False) -> float:
        """Writes `s` at (x, y); returns where it ends."""
        name, path = ("djb", BOLD) if bold else ("dj", REGULAR)
        self.page.insert_text((x, y), s, fontname=name, fontfile=str(path), fontsize=size)
        return x + self.font.text_length(s, fontsize=size)

    def centred(self, cx: float, y: float, s: str, size: float, bold: bool = False) -> None:
        self.text(cx - self.font.text_length(s, fontsize=size) / 2, y, s, size, bold)

    def lines(self, x0: float, y: float, width: float, first: str, n: int, size: float) -> None:
        """`n` lines of running text `width` pt wide starting with `first`."""
        words = iter(first.split() + RUNNING.split() * 40)
        for k in range(n):
            line = ""
            for w in words:
                if self.font.text_length(f"{line} {w}", fontsize=size) > width:
                    self.text(x0, y + 1.2 * size * k, line.strip(), size)
                    line = w
                    break
                line = f"{line} {w}"


def test_names_set_apart_only_by_wide_gaps_are_each_an_author(tmp_path: Path) -> None:
    """IEEE: four names on one row, 14 pt apart and no commas; the two right of the page's
    middle were read as one line of the right column."""
    p = _Page()
    p.centred(W / 2, 70, "A First Look at Conventional Commits Classification", 22)
    x = 174.0
    for name in ["Qunhong Zeng", "Yuxia Zhang†", "Zhiqing Qiu", "Hui Liu"]:
        x = p.text(x, 105, name, 11) + 14
    p.centred(W / 2, 120, "School of Computer Science & Technology,", 10)
    p.centred(W / 2, 132, "Beijing Institute of Technology,", 10)
    p.centred(W / 2, 144, "Beijing, China", 10)
    p.text(50, 200, "Abstract—Commit classification plays a vital role in both industry.", 9)
    p.lines(50, 211, 250, "Modern distributed software development", 40, 9)
    p.lines(312, 200, 250, "the second column goes on", 40, 9)
    path = tmp_path / "ieee.pdf"
    p.doc.save(str(path))
    doc = read_document(path)
    assert doc.authors == ["Qunhong Zeng", "Yuxia Zhang", "Zhiqing Qiu", "Hui Liu"]
    assert doc.affiliations == [
        "School of Computer Science & Technology, Beijing Institute of Technology, Beijing, China"
    ]


def test_a_word_space_does_not_split_a_name(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 70, "A Study of Something Particular", 22)
    x = 200.0
    for word in ["Maria", "José", "Lopez", "Garcia"]:
        x = p.text(x, 105, word, 11) + 3  # set word by word, a word space apart
    p.centred(W / 2, 125, "University of Somewhere", 10)
    p.text(50, 200, "Abstract—We look at something.", 9)
    p.lines(50, 211, 250, "Something is studied", 40, 9)
    path = tmp_path / "spaced.pdf"
    p.doc.save(str(path))
    assert read_document(path).authors == ["Maria José Lopez Garcia"]


def test_a_thesis_names_its_author_alone_under_the_degree_and_its_abstract_under_the_title(
    tmp_path: Path,
) -> None:
    """A Spanish thesis: no "Autor:" line, the name alone between the degree line and the
    director; overleaf the title again in capitals, the abstract and "Palabras claves:"."""
    p = _Page()
    p.centred(W / 2, 190, "Universidad Nacional de Luján", 12)
    p.centred(W / 2, 350, "Algoritmos de Clasificación", 20.7, bold=True)
    p.centred(W / 2, 372, "en Ambientes de Streaming", 20.7, bold=True)
    p.centred(W / 2, 465, "Tesina de grado presentada para optar al título de", 12)
    p.centred(W / 2, 480, "Licenciado en Sistemas de Información", 12)
    p.centred(W / 2, 548, "Juan Cruz Cardona", 14.3)
    p.text(102, 716, "Director: Santiago Banchero", 12)
    p.centred(W / 2, 748, "2022", 12)
    q = _Page(p.doc)
    q.centred(W / 2, 110, "ALGORITMOS DE CLASIFICACIÓN", 12, bold=True)
    q.centred(W / 2, 127, "EN AMBIENTES DE STREAMING", 12, bold=True)
    q.lines(85, 170, 425, "La clasificación multi-etiquetas es un paradigma.", 8, 10.9)
    q.text(85, 300, "Palabras claves: clasificación, multi-etiquetas, streaming.", 10.9)
    r = _Page(p.doc)
    r.centred(W / 2, 110, "AGRADECIMIENTOS", 12, bold=True)
    r.lines(85, 150, 425, "En el tiempo que llevó realizar esta tesis.", 8, 10.9)
    path = tmp_path / "tesina.pdf"
    p.doc.save(str(path))
    doc = read_document(path)
    assert doc.title == "Algoritmos de Clasificación en Ambientes de Streaming"
    assert doc.authors == ["Juan Cruz Cardona"]
    assert doc.affiliations == ["Universidad Nacional de Luján"]
    assert doc.abstract.startswith("La clasificación multi-etiquetas es un paradigma.")
    assert "Palabras" not in doc.abstract and "tiempo que llevó" not in doc.abstract
    assert doc.keywords == ["clasificación", "multi-etiquetas", "streaming"]


def test_the_degree_named_under_the_degree_line_is_not_the_author(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 350, "Learning to Rank Commits", 20.7, bold=True)
    p.centred(W / 2, 465, "A thesis submitted in partial fulfilment of the requirements for", 12)
    p.centred(W / 2, 480, "Computer Science", 12)
    p.centred(W / 2, 548, "Ada Byron King", 14.3)
    p.text(102, 716, "Supervisor: Charles Babbage", 12)
    path = tmp_path / "thesis.pdf"
    p.doc.save(str(path))
    assert read_document(path).authors == ["Ada Byron King"]


def _joss_head() -> _Page:
    """A JOSS first page's title, authors, affiliation and "Summary" heading."""
    p = _Page()
    p.text(167, 130, "BowshockPy: A generator of synthetic observations", 17)
    p.text(167, 170, "Guillermo Blázquez-Calero, Guillem Anglada", 11.6, bold=True)
    p.text(167, 200, "1 Instituto de Astrofísica de Andalucía, CSIC, Granada, Spain", 9)
    p.text(167, 240, "Summary", 13.9, bold=True)
    return p


def test_a_sidebar_line_on_a_body_baseline_is_cut_off_and_the_summary_read_whole(
    tmp_path: Path,
) -> None:
    """JOSS: the sidebar's licence line stands on the baseline of a summary line, 11 pt
    left of it; the summary is read without it and past the sidebar."""
    p = _joss_head()
    side = ["DOI: 10.xxxxxx/draft", "Software", "• Review", "Editor: Open Journals"]
    side += ["Reviewers:", "Submitted: 01 January 1970", "License", "Authors of papers retain"]
    side += ["Creative Commons Attribution 4.0", "International License (CC BY 4.0)."]
    for k, s in enumerate(side):  # the last line ends 9 pt short of the summary's lines
        x = 158 - p.font.text_length(s, fontsize=7) if k == len(side) - 1 else 28
        p.text(x, 250 + 12 * k, s, 7)
    p.lines(167, 262, 386, "Collimated jets are a common phenomenon.", 8, 10)
    end = 250 + 12 * (len(side) - 1)
    p.text(167, end, "BowshockPy is an open-source Python package that generates", 10)
    p.lines(167, end + 12, 386, "cubes of an analytical model.", 4, 10)
    p.text(167, end + 70, "Statement of need", 13.9, bold=True)
    p.lines(167, end + 90, 386, "Jets from young stars matter.", 6, 10)
    path = tmp_path / "joss.pdf"
    p.doc.save(str(path))
    doc = read_document(path)
    assert "BowshockPy is an open-source Python package" in doc.abstract
    assert "License" not in doc.abstract and "Reviewers" not in doc.abstract


def _joss_sidebar_page(tmp_path: Path, submitted: str) -> Path:
    """A JOSS first page whose sidebar prints `submitted` and "Published: unpublished"."""
    p = _joss_head()
    side = ["DOI: 10.xxxxxx/draft", "Editor: Open Journals", submitted, "Published: unpublished"]
    for k, s in enumerate(side):
        p.text(28, 250 + 12 * k, s, 7)
    p.lines(167, 262, 386, "Collimated jets are a common phenomenon.", 8, 10)
    path = tmp_path / "joss.pdf"
    p.doc.save(str(path))
    return path


def test_a_template_sidebar_date_never_filled_in_is_neither_year_nor_venue(
    tmp_path: Path,
) -> None:
    """A JOSS draft's sidebar still prints the Unix epoch ("Submitted: 01 January 1970")
    and "Published: unpublished": the paper is not from 1970 and neither line is a venue."""
    doc = read_document(_joss_sidebar_page(tmp_path, "Submitted: 01 January 1970"))
    assert doc.year != "1970"
    assert "1970" not in doc.venue and "unpublished" not in doc.venue
    assert "1970" not in doc.status and "unpublished" not in doc.status


def test_a_sidebar_date_filled_in_gives_the_year(tmp_path: Path) -> None:
    doc = read_document(_joss_sidebar_page(tmp_path, "Submitted: 25 September 2025"))
    assert doc.year == "2025"


def _joss_author_page(tmp_path: Path, marks: str, raise_by: float) -> Path:
    """A JOSS first page whose one author's affiliation marks are set 8 pt, `raise_by` pt
    above the 11.6 pt name's baseline, after its end."""
    p = _Page()
    p.text(167, 100, "BandKit.jl: Fast algorithms for matrix bandwidth", 17)
    end = p.text(167, 140, "Ada M. B. Lovelace", 11.6, bold=True)
    p.text(end + 1, 140 - raise_by, marks, 8)
    p.text(
        167, 156, "1 Department of Mathematics, Mount Allison University, Canada 2 Department", 9
    )
    p.text(167, 167, "of Economics, Mount Allison University, Canada", 9)
    p.text(167, 200, "Summary", 13.9, bold=True)
    p.lines(167, 220, 386, "The bandwidth of a matrix is a classic quantity.", 6, 10)
    path = tmp_path / "joss.pdf"
    p.doc.save(str(path))
    return path


def test_affiliation_marks_raised_onto_their_own_baseline_still_belong_to_the_name(
    tmp_path: Path,
) -> None:
    """JOSS sets "1,2" 4.4 pt above the name's baseline, so far that it reads as a row of
    its own above the name; the author is read, the marks are not an affiliation."""
    doc = read_document(_joss_author_page(tmp_path, "1,2", 4.4))
    assert doc.authors == ["Ada M. B. Lovelace"]
    assert doc.affiliations and not any(a.startswith(("1,2", "1", "2")) for a in doc.affiliations)


def test_a_row_of_numbers_in_body_type_above_the_name_is_no_mark_row(tmp_path: Path) -> None:
    """Only marks set smaller than the name and inside its height are its marks: a
    version line "2 3" in the name's own size is not taken for them."""
    p = _Page()
    p.text(167, 100, "BandKit.jl: Fast algorithms for matrix bandwidth", 17)
    p.text(167, 122, "2 3", 11.6)
    p.text(167, 140, "Ada M. B. Lovelace", 11.6, bold=True)
    p.text(167, 200, "Summary", 13.9, bold=True)
    p.lines(167, 220, 386, "The bandwidth of a matrix is a classic quantity.", 6, 10)
    path = tmp_path / "joss.pdf"
    p.doc.save(str(path))
    assert read_document(path).authors == []


def _joss_quoted_page(tmp_path: Path, affiliation: list[str]) -> Path:
    """A two-page JOSS draft whose title field was quoted (‘…’), the `affiliation` rows,
    the body's first heading under them, and the footer citing the paper."""
    p = _Page()
    p.text(167, 100, "‘votess: A GPU-capable Voronoi tessellator’", 17)
    p.text(167, 140, "Samridh Dev Singh 1, Chris Byrohl 2, and Dylan Nelson 2", 11.6, bold=True)
    for k, row in enumerate(affiliation):
        p.text(167, 165 + 11 * k, row, 8)
    p.text(167, 200, "Statement of need", 13.9, bold=True)
    p.lines(167, 220, 386, "Voronoi tessellations partition space around points.", 10, 10)
    foot = (
        "Singh et al. (2025). “votess: A GPU-capable Voronoi tessellator.” "
        "Journal of Open Source Software, ¿VOL? (¿ISSUE?), ¿PAGE?"
    )
    p.text(28, 770, foot, 7)
    second = _Page(p.doc)
    second.lines(167, 100, 386, "The algorithm clips a bounding box around each point.", 30, 10)
    second.text(28, 770, foot, 7)
    path = tmp_path / "joss.pdf"
    p.doc.save(str(path))
    return path


def test_a_quoted_joss_title_is_read_without_quotes_and_its_footer_gives_the_venue(
    tmp_path: Path,
) -> None:
    doc = read_document(_joss_quoted_page(tmp_path, ["1 Grinnell College, Grinnell, USA"]))
    assert doc.title == "votess: A GPU-capable Voronoi tessellator"
    assert doc.venue == "Journal of Open Source Software" and doc.year == "2025"


def test_two_affiliations_on_one_row_split_at_the_mark_and_the_heading_is_not_one(
    tmp_path: Path,
) -> None:
    rows = [
        "1 Grinnell College, 1115 8th Avenue, Grinnell, United States of America 2 Heidelberg",
        "University, Albert-Ueberle-Str. 2, Heidelberg, Germany",
    ]
    doc = read_document(_joss_quoted_page(tmp_path, rows))
    assert doc.affiliations == [
        "Grinnell College, 1115 8th Avenue, Grinnell, United States of America",
        "Heidelberg University, Albert-Ueberle-Str. 2, Heidelberg, Germany",
    ]


def test_a_street_number_does_not_split_an_affiliation(tmp_path: Path) -> None:
    row = "1 Institute for Theoretical Astronomy, Albert-Ueberle-Str. 2, Heidelberg, Germany"
    doc = read_document(_joss_quoted_page(tmp_path, [row]))
    assert doc.affiliations == [
        "Institute for Theoretical Astronomy, Albert-Ueberle-Str. 2, Heidelberg, Germany"
    ]
