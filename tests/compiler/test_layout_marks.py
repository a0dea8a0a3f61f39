"""Marks PyMuPDF sets apart from the text they belong to: a radical sign drawn from the top
of its bar, and the words printed inside a plot."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf.layout import read_layout

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")


def _page(tmp_path: Path, draw) -> Path:  # type: ignore[no-untyped-def]
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    draw(page)
    out = tmp_path / "p.pdf"
    doc.save(out)
    return out


def _text(page: pymupdf.Page, xy: tuple[float, float], s: str, size: float = 10) -> None:
    page.insert_text(xy, s, fontname="dv", fontfile=str(FONT), fontsize=size)


def test_a_raised_radical_sign_is_read_where_it_stands_in_the_line(tmp_path: Path) -> None:
    def draw(page: pymupdf.Page) -> None:
        _text(page, (72, 300), "where one of the terms has Q = 1/")
        font = pymupdf.Font(fontfile=str(FONT))
        left = 72 + font.text_length("where one of the terms has Q = 1/", fontsize=10)
        _text(page, (left, 292), "√", 10)  # raised: drawn from the top of its bar
        width = font.text_length("√", fontsize=10)
        _text(page, (left + width, 300), "2 fixed. The kernel is simple.")

    layout = read_layout(_page(tmp_path, draw))
    text = " ".join(ln.text for ln in layout.lines)
    assert "Q = 1/√2 fixed." in text


def test_words_printed_inside_a_plot_are_not_body_text(tmp_path: Path) -> None:
    def draw(page: pymupdf.Page) -> None:
        _text(page, (72, 90), "We simulate a small dataset and fit it with the model below.")
        page.draw_rect(pymupdf.Rect(120, 120, 420, 300), color=(0, 0, 0), width=0.8)
        page.draw_polyline([(130, 280), (200, 200), (300, 230), (400, 140)], color=(0, 0, 1))
        for i, x in enumerate((120, 270, 420)):
            _text(page, (x - 3, 314), str(i * 5), 8)
        for i, y in enumerate((300, 210, 120)):
            _text(page, (100, y + 3), str(i * 10), 8)
        _text(page, (300, 150), "N = 200", 8)
        _text(page, (72, 345), "Figure 1. A simulated dataset and the fitted model.")
        _text(page, (72, 380), "The residuals appear uncorrelated in this figure.")

    layout = read_layout(_page(tmp_path, draw))
    text = " ".join(ln.text for ln in layout.lines)
    assert "N = 200" not in text
    assert "We simulate a small dataset" in text
    assert "Figure 1. A simulated dataset" in text
    assert "The residuals appear uncorrelated" in text
