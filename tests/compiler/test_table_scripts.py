"""Raised and lowered text set one over the other after a value (an asymmetric error) is
written raised first, then lowered, whatever order the page's text lines come in; a symbol
set below the line at full size (a unit's M⊙) makes the table partial, its text cannot show
it; a table whose caption number a sentence opened a line with pages before keeps the cells
read under its caption."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pymupdf

from arakit.compiler.pdf.document import Document, DocTable, TableCheck
from arakit.compiler.pdf.structure import _attach_tables
from arakit.compiler.pdf.tables.raw import RawTable
from arakit.compiler.pdf.tables.scripts import stacked_in_order
from tests.compiler.tablegen import REGULAR, read_one

SANS = REGULAR.parent / "DejaVuSans.ttf"
SIZE, SMALL = 9.0, 6.5
ROWS = [
    ("J0441-0826", "6.80", "+0.21", "\u22120.14", "0.030", "+0.008", "\u22120.009", "AU"),
    ("J0452+4932", "7.47", "+0.12", "\u22120.10", "0.046", "+0.011", "\u22120.002", "AU"),
]


def _errors_page(path: Path, sunk: float | None = None) -> Path:
    """A ruled table whose values carry an upper error raised over a lower one lowered, the
    sign of each set in another font than its digits (as TeX's math fonts print them), the
    last column's value followed by its unit; `sunk`: the mass column's unit [M⊙] printed
    under its name, the sun symbol that far below the line at the letters' size."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    serif, sans = pymupdf.Font(fontfile=str(REGULAR)), pymupdf.Font(fontfile=str(SANS))
    tw = pymupdf.TextWriter(page.rect)
    tw.append((100, 100), "Table 1: Fitted masses.", font=serif, fontsize=SIZE)
    xs = (100.0, 200.0, 320.0)
    for x, head in zip(xs, ("Name", "Mass", "Axis"), strict=True):
        tw.append((x, 130), head, font=serif, fontsize=SIZE)
    y = 130.0
    if sunk is not None:
        y += 11
        tw.append((xs[1], y), "[M", font=serif, fontsize=SIZE)
        at = xs[1] + serif.text_length("[M", fontsize=SIZE)
        tw.append((at, y + sunk), "\u2299", font=sans, fontsize=SIZE)
        at += sans.text_length("\u2299", fontsize=SIZE)
        tw.append((at, y), "]", font=serif, fontsize=SIZE)
    for name, v1, u1, d1, v2, u2, d2, unit in ROWS:
        y += 18
        tw.append((xs[0], y), name, font=serif, fontsize=SIZE)
        for x, value, up, down, tail in ((xs[1], v1, u1, d1, ""), (xs[2], v2, u2, d2, unit)):
            tw.append((x, y), value, font=serif, fontsize=SIZE)
            at = x + serif.text_length(value, fontsize=SIZE) + 0.5
            for text, dy in ((up, -3.5), (down, 2.5)):
                sign = sans.text_length(text[0], fontsize=SMALL)
                tw.append((at, y + dy), text[0], font=sans, fontsize=SMALL)
                tw.append((at + sign, y + dy), text[1:], font=serif, fontsize=SMALL)
            if tail:
                end = at + max(serif.text_length(t, fontsize=SMALL) for t in (up, down)) + 4
                tw.append((end, y), tail, font=serif, fontsize=SIZE)
    tw.write_text(page)
    for r in (118.0, 134.0 + (0 if sunk is None else 11), y + 8):
        page.draw_line((95, r), (420, r), width=0.5)
    doc.save(path)
    return path


def test_an_asymmetric_error_is_written_raised_then_lowered(tmp_path: Path) -> None:
    table = read_one(_errors_page(tmp_path / "errors.pdf"))
    assert table.rows == [
        [name, f"{v1}^{{{u1}}}_{{{d1}}}", f"{v2}^{{{u2}}}_{{{d2}}} {unit}"]
        for name, v1, u1, d1, v2, u2, d2, unit in ROWS
    ]


def test_a_symbol_set_below_the_line_at_full_size_makes_the_table_partial(
    tmp_path: Path,
) -> None:
    level = read_one(_errors_page(tmp_path / "level.pdf", sunk=0.0))
    below = read_one(_errors_page(tmp_path / "below.pdf", sunk=1.2))
    assert level.check is not None and below.check is not None
    assert not any("below the line" in f for f in level.check.failed)
    assert below.check.verdict == "partial"
    assert any("'⊙'" in f and "below the line" in f for f in below.check.failed)


@dataclass
class _G:
    text: str
    x0: float
    x1: float
    shift: int = 0


def test_a_lowered_run_set_inside_a_raised_one_goes_after_it() -> None:
    glyphs = [_G("6", 0, 5), _G("+", 5, 8, 1), _G("\u2212", 5, 8, -1), _G("1", 8, 11, -1)]
    glyphs += [_G("2", 8, 11, 1), _G(" ", 11, 13), _G("K", 14, 19)]
    assert "".join(g.text for g in stacked_in_order(glyphs)) == "6+2\u22121 K"


def test_scripts_side_by_side_keep_their_order() -> None:
    glyphs = [_G("x", 0, 5), _G("i", 5, 7, -1), _G("2", 8, 11, 1), _G("y", 12, 17)]
    assert [g.text for g in stacked_in_order(glyphs)] == ["x", "i", "2", "y"]


def test_a_raised_run_left_behind_a_later_word_goes_back_beside_its_value() -> None:
    glyphs = [_G("3", 0, 5), _G("+", 5, 8, 1), _G("\u2212", 5, 8, -1), _G("9", 8, 11, -1)]
    glyphs += [_G(" ", 11, 13), _G("A", 14, 19), _G("8", 8, 11, 1)]
    assert "".join(g.text for g in stacked_in_order(glyphs)) == "3+8\u22129 A"


def test_a_read_table_wins_over_a_sentence_that_opened_a_line_with_its_label() -> None:
    doc = Document(path="paper.pdf", pages=3)
    doc.tables.append(DocTable("3.1", "We derived these priors ...", [], [], 2))
    unread = RawTable(2, (0, 0, 1, 1), "3.1", "We derived these priors ...", failure="none")
    read = RawTable(
        3, (0, 0, 1, 1), "3.1", "Priors.", [["A", "B"]], [["1", "2"]], TableCheck("exact")
    )
    _attach_tables(doc, [unread, read])
    assert [(t.page, t.rows) for t in doc.tables] == [(3, [["1", "2"]])]
