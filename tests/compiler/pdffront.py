"""First pages the way real templates print them, written with PyMuPDF: a title block,
authors in one row or in a grid, superscript affiliation marks, small capitals, and the
furniture around them (arXiv's rotated margin stamp, draft and preprint lines, a journal
sidebar, a DRAFT watermark, line numbers, a "to cite this work" box), then an abstract, an
introduction and a reference list in a numbered or an author–year style.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pymupdf

from tests.compiler.pdfgen import BOLD, REGULAR

W, H = 612.0, 792.0
_RAISED = re.compile(r"\^\{([^}]*)\}")
LEFT, RIGHT = 90.0, 522.0


@dataclass
class Author:
    """A name with its affiliation marks (printed as superscripts after the name)."""

    name: str
    marks: str = ""


@dataclass
class FrontPage:
    """What the test page prints: every field is optional furniture or content."""

    title: list[str]
    authors: list[list[Author]]  # rows of authors, each row printed "A, B, and C"
    grid: list[tuple[str, str]] = field(default_factory=list)  # (name, affiliation) side by side
    marks_only: bool = False  # authors set apart by their marks and space, no commas
    affiliations: list[tuple[str, str]] = field(default_factory=list)  # (mark, text)
    title_size: float = 17.0
    head: list[str] = field(default_factory=list)  # small lines above the title
    below_title: list[str] = field(default_factory=list)  # template lines under the title
    raw_authors: list[str] = field(default_factory=list)  # author rows printed as given
    affiliation_block: str = ""  # affiliations run together in one wrapped paragraph
    stamp: str = ""  # arXiv-style margin stamp, set at 90 degrees
    watermark: str = ""  # set diagonally across the page
    sidebar: list[str] = field(default_factory=list)  # journal sidebar left of the text
    line_numbers: bool = False
    date: str = ""
    cite_box: list[str] = field(default_factory=list)
    abstract: str = (
        "We study a toy problem. We show that the proposed estimator reduces the error by "
        "half on two benchmarks. Our method is simple."
    )
    intro: list[str] = field(default_factory=list)
    intro_heading: str = "1 Introduction"
    contents: list[str] = field(default_factory=list)  # a table of contents, one bold line each
    references: list[str] = field(default_factory=list)
    references_title: str = "References"
    footer: str = ""  # a template line at the foot of the first page ("Preprint. Under review.")
    numbered_refs: bool = True


class _Page:
    def __init__(self, doc: pymupdf.Document) -> None:
        self.doc = doc
        self.page = doc.new_page(width=W, height=H)
        self.font = pymupdf.Font(fontfile=str(REGULAR))
        self.y = 80.0

    def text(
        self, x: float, y: float, s: str, size: float, bold: bool = False, **kw: object
    ) -> None:
        name, path = ("djb", BOLD) if bold else ("dj", REGULAR)
        self.page.insert_text((x, y), s, fontname=name, fontfile=str(path), fontsize=size, **kw)

    def width(self, s: str, size: float) -> float:
        return float(self.font.text_length(s, fontsize=size))

    def centred(self, s: str, size: float, bold: bool = False) -> None:
        self.y += size * 1.4
        self.text((W - self.width(s, size)) / 2, self.y, s, size, bold)

    def wrapped(
        self, s: str, size: float = 10.0, x0: float = LEFT, x1: float = RIGHT, hang: float = 0
    ) -> None:
        """Lines of at most the column width; continuation lines set in by `hang`. A word
        written `networks^{1,2}` is printed with `1,2` raised and small after it."""
        line, first = "", True
        for word in s.split():
            trial = f"{line} {word}".strip()
            indent = 0 if first else hang
            if self.width(_RAISED.sub(r"\1", trial), size) > x1 - x0 - indent:
                self.y += size * 1.3
                self.marked(x0 + indent, self.y, line, size)
                line, first = word, False
            else:
                line = trial
        if line:
            self.y += size * 1.3
            self.marked(x0 + (0 if first else hang), self.y, line, size)

    def marked(self, x: float, y: float, line: str, size: float) -> None:
        """One line, its `^{...}` pieces raised and set at 60 % of the size."""
        last = 0
        for m in _RAISED.finditer(line):
            if m.start() > last:
                self.text(x, y, line[last : m.start()], size)
                x += self.width(line[last : m.start()], size)
            self.text(x, y - size * 0.35, m.group(1), size * 0.6)
            x += self.width(m.group(1), size * 0.6)
            last = m.end()
        if last < len(line):
            self.text(x, y, line[last:], size)

    def names(self, row: list[Author], size: float = 11.0, marks_only: bool = False) -> None:
        """One row of authors printed `A¹, B², and C¹` (or `A∗   B∗   C`)."""
        self.y += size * 1.6
        parts = []
        for k, a in enumerate(row):
            sep = "" if k == len(row) - 1 else (", and " if k == len(row) - 2 else ", ")
            sep = "   " if marks_only and sep else sep
            parts.append((a, sep))
        total = sum(
            self.width(a.name + sep, size) + self.width(a.marks, size * 0.6) for a, sep in parts
        )
        x = (W - total) / 2
        for a, sep in parts:
            self.text(x, self.y, a.name, size)
            x += self.width(a.name, size)
            if a.marks:
                self.text(x, self.y - size * 0.35, a.marks, size * 0.6)
                x += self.width(a.marks, size * 0.6)
            if sep:
                self.text(x, self.y, sep, size)
                x += self.width(sep, size)

    def grid(self, cells: list[tuple[str, str]], size: float = 11.0) -> None:
        """Authors side by side, each with its affiliation beneath (NeurIPS, ICLR)."""
        step = (RIGHT - LEFT) / len(cells)
        self.y += size * 1.6
        for k, (name, _aff) in enumerate(cells):
            x = LEFT + k * step + (step - self.width(name, size)) / 2
            self.text(x, self.y, name, size)
        self.y += 12
        for k, (_name, aff) in enumerate(cells):
            x = LEFT + k * step + (step - self.width(aff, 9)) / 2
            self.text(x, self.y, aff, 9)


def make_front(path: Path, fp: FrontPage) -> Path:
    """Write a one- or two-page paper with the given first page."""
    doc = pymupdf.open()
    p = _Page(doc)
    for line in fp.head:
        p.y += 10
        p.text(LEFT, p.y, line, 8)
    if fp.stamp:
        p.text(30, 560, fp.stamp, 18, rotate=90)
    if fp.watermark:
        p.text(
            150, 500, fp.watermark, 90,
            morph=(pymupdf.Point(150, 500), pymupdf.Matrix(1, 0, 0, 1, 0, 0).prerotate(45)),
        )  # fmt: skip
    p.y += 30
    for line in fp.title:
        p.centred(line, fp.title_size, bold=True)
    p.y += 6
    for line in fp.below_title:
        p.centred(line, 10)
    for row in fp.authors:
        p.names(row, marks_only=fp.marks_only)
    for line in fp.raw_authors:
        p.centred(line, 11)
    if fp.affiliation_block:
        p.y += 4
        p.wrapped(fp.affiliation_block, 9)
    if fp.grid:
        p.grid(fp.grid)
    for mark, aff in fp.affiliations:
        p.y += 13
        x = (W - p.width(aff, 9)) / 2
        if mark:
            p.text(x - 5, p.y - 3.5, mark, 6)
        p.text(x, p.y, aff, 9)
    if fp.date:
        p.y += 8
        p.centred(fp.date, 11)
    for k, line in enumerate(fp.sidebar):
        p.text(8, 300 + 12 * k, line, 6.5)  # wholly left of the text block
    if fp.cite_box:
        p.y += 12
        for line in fp.cite_box:
            p.y += 11
            p.text(LEFT + 20, p.y, line, 9)
    p.y += 18
    p.centred("Abstract", 11, bold=True)
    p.wrapped(fp.abstract, 10, LEFT + 30, RIGHT - 30)
    for line in fp.contents:
        p.y += 16
        p.text(LEFT, p.y + 12, line, 12, bold=True)
    p.y += 14
    p.text(LEFT, p.y + 12, fp.intro_heading, 12, bold=True)
    p.y += 16
    for para in fp.intro or [fp.abstract]:
        p.y += 4
        p.wrapped(para)
    if fp.references:
        p.y += 16
        p.text(LEFT, p.y + 12, fp.references_title, 12, bold=True)
        p.y += 16
        for k, ref in enumerate(fp.references, start=1):
            p.y += 2
            if fp.numbered_refs:
                p.wrapped(f"[{k}] {ref}", 9)
            else:
                p.wrapped(ref, 9, hang=12)  # author-year lists hang their continuation lines
    if fp.footer:
        p.text(LEFT, H - 60, fp.footer, 8)
    if fp.line_numbers:
        for k in range(1, 40):
            p.text(60, 60 + 18 * k, str(k), 6)
    doc.save(str(path))
    doc.close()
    return path
