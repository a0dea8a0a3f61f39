"""The numbered objects of one page, read once: captioned tables and the labels of plots."""

from __future__ import annotations

from typing import Any

from arakit.compiler.pdf.figures import FigureReading, page_figures
from arakit.compiler.pdf.tables import RawTable, may_caption, page_tables
from arakit.compiler.pdf.tables.glyphs import page_lines, underscore_rules
from arakit.compiler.pdf.tables.linenos import drop_line_numbers
from arakit.compiler.pdf.tables.region import page_rules


def page_objects(page: Any, pno: int) -> tuple[list[RawTable], list[FigureReading]]:
    """Tables and figure readings of one page, from one text extraction of it (building
    MuPDF's text page is the expensive step on a page full of plotted marks)."""
    textpage = page.get_textpage(flags=0)
    text = page.get_text("text", textpage=textpage)
    tables = may_caption(text)
    figures = "Fig" in text or "FIG" in text
    if not (tables or figures):
        return [], []
    rules = page_rules(page) if tables else None
    short = underscore_rules(rules.horizontal) if rules is not None else None
    lines = drop_line_numbers(page_lines(page, short_rules=short, textpage=textpage))
    found = page_tables(page, pno, lines, rules, textpage) if tables else []
    read = page_figures(page, pno, lines, textpage) if figures else []
    return found, read
