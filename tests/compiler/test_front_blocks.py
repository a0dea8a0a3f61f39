"""Author blocks set side by side, names with their e-mail, thesis title pages and printed
dates: first pages written with PyMuPDF the way IEEE, pandoc and thesis templates set
them, read back."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import BOLD, REGULAR

W, H = 612.0, 792.0
RUNNING = (
    "federated learning trains a shared model on many clients without moving their data "
    "and each client sends only model updates to the servers that aggregate them "
)
WORDS = RUNNING.split()


class _Page:
    def __init__(self) -> None:
        self.doc = pymupdf.open()
        self.page = self.doc.new_page(width=W, height=H)
        self.font = pymupdf.Font(fontfile=str(REGULAR))

    def text(self, x: float, y: float, s: str, size: float, bold: bool = False) -> None:
        name, path = ("djb", BOLD) if bold else ("dj", REGULAR)
        self.page.insert_text((x, y), s, fontname=name, fontfile=str(path), fontsize=size)

    def centred(self, cx: float, y: float, s: str, size: float, bold: bool = False) -> None:
        self.text(cx - self.font.text_length(s, fontsize=size) / 2, y, s, size, bold)

    def column(self, x0: float, y: float, first: str, lines: int = 40) -> None:
        """A column of running text 250 pt wide starting with `first`."""
        words = iter(first.split() + WORDS * 40)
        for k in range(lines):
            line = ""
            for w in words:
                if self.font.text_length(f"{line} {w}", fontsize=9) > 250:
                    self.text(x0, y + 11 * k, line.strip(), 9)
                    line = w
                    break
                line = f"{line} {w}"

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


def _ieee(tmp_path: Path, blocks: list[list[str]]) -> Path:
    """An IEEE conference first page: title across, author blocks side by side (name in 11
    pt, affiliation lines and e-mail in 10 pt), a two-column body under them."""
    p = _Page()
    p.centred(W / 2, 70, "Study of Asynchronous Aggregation on Federated Learning", 20)
    step = (W - 100) / len(blocks)
    for k, block in enumerate(blocks):
        cx = 50 + step * (k + 0.5)
        p.centred(cx, 120, block[0], 11)
        for j, line in enumerate(block[1:]):
            p.centred(cx, 134 + 12.5 * j, line, 10)
    p.column(50, 230, "Abstract—We study asynchronous aggregation in federated learning.")
    p.column(312, 230, "the servers then send the aggregated model back to every client")
    return p.save(tmp_path / "ieee.pdf")


def test_two_author_blocks_side_by_side_over_two_columns_are_both_read(tmp_path: Path) -> None:
    blocks = [
        ["Senapati Sang Diwangkara", "School of Electrical Engineering", "Bandung, Indonesia"],
        ["Achmad Imam Kistijantoro", "School of Electrical Engineering", "Bandung, Indonesia"],
    ]
    doc = read_document(_ieee(tmp_path, blocks))
    assert doc.authors == ["Senapati Sang Diwangkara", "Achmad Imam Kistijantoro"]
    assert doc.affiliations == ["School of Electrical Engineering, Bandung, Indonesia"]
    body = " ".join(p.text for p in doc.paragraphs())
    assert "Kistijantoro" not in body


def test_a_line_under_side_by_side_names_is_their_affiliation_whatever_it_reads_like(
    tmp_path: Path,
) -> None:
    names = ["Ivan Efremov", "Ramil Khafizov", "Ramil Khusainov"]
    blocks = [[n, "Robotics and Computer Vision", "Innopolis University"] for n in names]
    doc = read_document(_ieee(tmp_path, blocks))
    assert doc.authors == names
    assert doc.affiliations == ["Robotics and Computer Vision, Innopolis University"]


def test_a_name_with_its_e_mail_in_parentheses_is_an_author(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 110, "Component response rate variation underlies stability", 18)
    p.centred(W / 2, 150, "A. Bradley Duthie ( alexander.duthie@stir.ac.uk )", 12)
    p.centred(W / 2, 175, "Biological and Environmental Sciences, University of Stirling", 12)
    p.centred(W / 2, 215, "Abstract", 11, bold=True)
    p.column(80, 235, "Complex systems are thought to be unstable.", 10)
    doc = read_document(p.save(tmp_path / "mail.pdf"))
    assert doc.authors == ["A. Bradley Duthie"]


def test_ieee_membership_grades_are_not_authors(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 90, "A Super Fast Attitude Determination Algorithm", 22)
    p.centred(
        W / 2, 125, "Jin Wu, Member, IEEE, Zebo Zhou and Yuhua Cheng, Senior Member, IEEE", 11
    )
    p.centred(W / 2, 170, "Abstract", 11, bold=True)
    p.column(80, 190, "Attitude determination is a basic problem.", 10)
    doc = read_document(p.save(tmp_path / "grades.pdf"))
    assert doc.authors == ["Jin Wu", "Zebo Zhou", "Yuhua Cheng"]


def test_a_thesis_title_page_gives_the_quoted_title_and_the_author_not_the_supervisor(
    tmp_path: Path,
) -> None:
    p = _Page()
    p.centred(W / 2, 90, "Московский государственный университет имени М. В. Ломоносова", 12)
    p.centred(W / 2, 170, "Факультет вычислительной математики и кибернетики", 12)
    p.centred(W / 2, 250, "Выпускная квалификационная работа", 14.3, bold=True)
    p.centred(
        W / 2, 300, "«Эволюционный алгоритм подбора гиперпараметров моделей»", 14.3, bold=True
    )
    for k, line in enumerate(
        [
            "Выполнил:",
            "студент 4 курса 417 группы",
            "Абрамов Валентин Андреевич",
            "Научный руководитель:",
            "к.ф.-м.н.",
            "Китов Виктор Владимирович",
        ]
    ):
        p.text(320, 340 + 21 * k, line, 12)
    p.centred(W / 2, 740, "Москва", 12)
    p.centred(W / 2, 762, "2024", 12)
    doc = read_document(p.save(tmp_path / "thesis.pdf"))
    assert doc.title == "Эволюционный алгоритм подбора гиперпараметров моделей"
    assert doc.authors == ["Абрамов Валентин Андреевич"]
    assert doc.year == "2024"
    assert doc.affiliations[0].startswith("Московский государственный университет")


def test_the_date_printed_under_the_title_gives_the_year(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 170, "RAFF.jl: Robust Algebraic Fitting Function in Julia", 17)
    p.centred(W / 2, 260, "19 May 2019", 12)
    p.text(134, 300, "Summary", 14.3, bold=True)
    p.column(134, 330, "RAFF.jl is a Julia package for fitting a function to data.", 30)
    doc = read_document(p.save(tmp_path / "pandoc.pdf"))
    assert doc.title == "RAFF.jl: Robust Algebraic Fitting Function in Julia"
    assert doc.year == "2019"
    assert doc.authors == []


def test_a_report_title_page_skips_its_document_type_and_stops_at_the_supervisor(
    tmp_path: Path,
) -> None:
    p = _Page()
    p.centred(W / 2, 300, "Final Year Project Report", 14.3)
    p.centred(W / 2, 325, "Development of dynamic balance algorithms", 14.3)
    p.centred(W / 2, 350, "for bipedal robot locomotion", 14.3)
    p.centred(W / 2, 390, "Mikhail Usvyatsov", 10)
    p.centred(W / 2, 415, "Innopolis University", 10)
    p.centred(W / 2, 450, "Supervisor: Prof. Evgeni Magid", 9)
    p.centred(W / 2, 490, "June 15, 2015", 9)
    doc = read_document(p.save(tmp_path / "report.pdf"))
    assert doc.title == "Development of dynamic balance algorithms for bipedal robot locomotion"
    assert doc.authors == ["Mikhail Usvyatsov"]
    assert doc.affiliations == ["Innopolis University"]
    assert doc.year == "2015"


def test_a_report_title_page_gives_the_topic_and_the_student_beside_the_role(
    tmp_path: Path,
) -> None:
    p = _Page()
    p.centred(W / 2, 90, "Санкт-Петербургский государственный университет", 12, bold=True)
    p.centred(W / 2, 300, "ОТЧЕТ", 12, bold=True)
    p.centred(W / 2, 318, "по учебной практике (НИР)", 12, bold=True)
    p.centred(W / 2, 336, "Тема: Разработка ИИ для управления роем дронов", 12, bold=True)
    p.text(72, 520, "Студент гр. 8310", 12)
    p.text(440, 520, "Рыжиков А.В.", 12)
    p.text(72, 550, "Руководитель", 12)
    p.text(440, 550, "Заславский М.М.", 12)
    p.centred(W / 2, 640, "Санкт-Петербург, 2023 г.", 12)
    doc = read_document(p.save(tmp_path / "otchet.pdf"))
    assert doc.title == "Разработка ИИ для управления роем дронов"
    assert doc.authors == ["Рыжиков А.В."]
    assert doc.year == "2023"


def test_a_thesis_author_line_with_an_e_mail_names_the_author(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 90, "CZECH UNIVERSITY OF LIFE SCIENCES PRAGUE", 11, bold=True)
    p.centred(W / 2, 250, "Space-Based Economic Intelligence:", 15, bold=True)
    p.centred(W / 2, 272, "Detecting Hidden Resource Anomalies", 15, bold=True)
    p.centred(W / 2, 320, "BACHELOR THESIS", 11)
    p.text(72, 560, "Author: Eren Ozturk (XOZTE001@studenti.czu.cz)", 10, bold=True)
    p.text(72, 578, "Supervisor: Dr. Jiri Brozek", 10, bold=True)
    p.centred(W / 2, 680, "Prague, 2026", 10, bold=True)
    doc = read_document(p.save(tmp_path / "bachelor.pdf"))
    assert doc.title == "Space-Based Economic Intelligence: Detecting Hidden Resource Anomalies"
    assert doc.authors == ["Eren Ozturk"]
    assert doc.year == "2026"


def _acl(tmp_path: Path, rows: list[tuple[str, bool]], under: list[str]) -> Path:
    """An ACL first page: title, author rows centred (with their weight), then the rows
    under them (affiliation, e-mail block), a two-column body."""
    p = _Page()
    p.centred(W / 2, 80, "Our Team at a Shared Task: Detecting Condescending Language", 15)
    y = 110.0
    for text, bold in rows:
        p.centred(W / 2, y, text, 12, bold)
        y += 14
    for text in under:
        p.centred(W / 2, y, text, 12)
        y += 14
    p.column(50, y + 40, "Abstract This paper details our system for the shared task.")
    p.column(312, y + 40, "the servers then send the aggregated model back to every client")
    return p.save(tmp_path / "acl.pdf")


def test_an_author_row_ending_in_a_comma_goes_on_in_the_next_row(tmp_path: Path) -> None:
    rows = [("Ana Maria Popescu, Mihai Ionescu,", True), ("Elena Dobre and Radu Stan", False)]
    under = ["University of Craiova", "{ana.popescu, mihai.io,", "elena.d, radu.stan}@mail.ro"]
    doc = read_document(_acl(tmp_path, rows, under))
    assert doc.authors == ["Ana Maria Popescu", "Mihai Ionescu", "Elena Dobre", "Radu Stan"]
    assert doc.affiliations == ["University of Craiova"]  # the e-mail block is no affiliation


def test_a_row_after_a_closed_author_row_in_another_weight_is_not_an_author(
    tmp_path: Path,
) -> None:
    rows = [("Ana Maria Popescu and Mihai Ionescu", True)]
    doc = read_document(_acl(tmp_path, rows, ["Faculty of Letters, Craiova"]))
    assert doc.authors == ["Ana Maria Popescu", "Mihai Ionescu"]
    assert doc.affiliations == ["Faculty of Letters, Craiova"]


def test_the_line_a_template_prints_under_the_correspondence_note_is_the_venue() -> None:
    from arakit.compiler.pdf.front import footnote_venue

    note = [
        "1Independent Researcher, Chile. Correspondence to: Ana Rojas",
        "<ana.rojas@example.org>.",
    ]
    assert footnote_venue([*note, "MAT4021 – Statistical Learning"]) == (
        "MAT4021 – Statistical Learning"
    )
    assert footnote_venue([*note, "Work done while at Example Labs."]) == ""
    assert footnote_venue([*note, "Code is available at https://example.org/code"]) == ""
    assert footnote_venue(note) == ""


def test_names_stacked_over_their_addresses_in_one_type_leave_the_addresses_out(
    tmp_path: Path,
) -> None:
    """A title page that stacks each author over the lines of his address, block under
    block, all in one type: a second address that reads like a name ("Reckitt Benckiser")
    is an address, because the first block shows the stack's shape."""
    p = _Page()
    p.centred(W / 2, 100, "Permutation Tests for Randomized Experiments", 18)
    blocks = [
        ["Kellie Ottoboni", "Department of Statistics", "University of California, Berkeley"],
        ["Fraser Lewis", "Medical Affairs and Evidence Generation", "Reckitt Benckiser"],
        ["Luigi Salmaso", "Department of Management and Engineering", "University of Padova"],
    ]
    y = 140.0
    for block in blocks:
        for line in block:
            p.centred(W / 2, y, line, 12)
            y += 15
        y += 12  # the space between two authors' blocks
    p.centred(W / 2, y + 20, "Abstract", 10, bold=True)
    p.column(80, y + 40, "Hypothesis tests based on linear models are widely accepted.")
    doc = read_document(p.save(tmp_path / "stack.pdf"))
    assert doc.authors == ["Kellie Ottoboni", "Fraser Lewis", "Luigi Salmaso"]


def test_a_list_of_names_broken_over_two_rows_is_no_stack(tmp_path: Path) -> None:
    p = _Page()
    p.centred(W / 2, 100, "Surface Coupling Grids and Tropical Cyclones", 18)
    p.centred(W / 2, 140, "Colin M. Zarzycki, Kevin A. Reed, Julio Bacmeister, Susan", 12)
    p.centred(W / 2, 155, "C. Bates, and Nan A. Rosenbloom", 12)
    p.centred(W / 2, 170, "National Center for Atmospheric Research, Boulder, USA", 12)
    p.centred(W / 2, 200, "Abstract", 10, bold=True)
    p.column(80, 220, "Tropical cyclones respond to the coupling grid in climate models.")
    doc = read_document(p.save(tmp_path / "list.pdf"))
    assert doc.authors == [
        "Colin M. Zarzycki",
        "Kevin A. Reed",
        "Julio Bacmeister",
        "Susan C. Bates",
        "Nan A. Rosenbloom",
    ]
