"""The document model a PDF is read into: text with positions, sections, tables, references."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass
class Line:
    """One line of text as laid out: page (1-based), box, font size, bold, column.

    `sup` holds the character ranges of `text` set as superscripts (footnote and
    affiliation marks, exponents); `base` is the baseline of the line's main text; `font`
    the font most of its characters are set in; `gaps` the blanks where pieces printed
    apart were joined into the line, as (offset of the blank in `text`, x where the text
    before it ends, x where the text after it starts) — how far apart the glyphs stand,
    which the text's single space does not say (names in one row set apart by wide gaps)."""

    text: str
    page: int
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    bold: bool = False
    column: str = "full"  # left | right | full
    sup: list[tuple[int, int]] = field(default_factory=list)
    base: float = 0.0
    font: str = ""
    gaps: list[tuple[int, float, float]] = field(default_factory=list)

    def plain(self, mark: str = "") -> str:
        """The text without its superscripts (marks such as `Forgione¹` or `dynamics.²`);
        with `mark`, each superscript is replaced by it (", " to keep names apart)."""
        if not self.sup:
            return self.text
        out, last = [], 0
        for a, b in self.sup:
            out.append(self.text[last:a] + mark)
            last = b
        out.append(self.text[last:])
        return " ".join("".join(out).split())


@dataclass
class Paragraph:
    """Running text of one section, de-hyphenated, with the page it starts on."""

    text: str
    page: int
    section: str  # the section number, e.g. "4.1", or "" before the first section
    # where it runs onto a later page: (page, a few words of its first line there)
    turns: list[tuple[int, str]] = field(default_factory=list)
    # raised numbers dropped from `text` ("networks¹,²"): (offset in text, "1,2")
    marks: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class DocSection:
    """A numbered (or named) section: number, title, level, page, whether it is an appendix."""

    number: str
    title: str
    level: int
    page: int
    appendix: bool = False
    paragraphs: list[Paragraph] = field(default_factory=list)

    @property
    def label(self) -> str:
        """How the section is cited: `§4.1` (`§A` for appendices, the title when unnumbered)."""
        return f"§{self.number}" if self.number else self.title

    @property
    def text(self) -> str:
        """All paragraphs of the section joined."""
        return "\n\n".join(p.text for p in self.paragraphs)


@dataclass
class TableCheck:
    """How far a table's cells can be trusted: `exact` when every self-check passed,
    `partial` when one failed (`failed` says which), with the method that read the cells."""

    verdict: str  # exact | partial
    method: str = ""
    passed: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


@dataclass
class DocTable:
    """A numbered table: label, caption, header row (levels joined), rows of cell text as
    printed, page; `header_rows` keeps a multi-level header level by level, and `check` says
    whether the cells were verified (None: the cells could not be read)."""

    number: str
    caption: str
    header: list[str]
    rows: list[list[str]]
    page: int
    section: str = ""
    header_rows: list[list[str]] = field(default_factory=list)
    check: TableCheck | None = None

    @property
    def label(self) -> str:
        """`Table 2`."""
        return f"Table {self.number}"


@dataclass
class DocFigure:
    """A numbered figure: label, caption, page; for a plot, its axes and the labels printed
    in it (`(text, role)`: x tick, y tick, other), read as printed, no data point read."""

    number: str
    caption: str
    page: int
    section: str = ""
    axes: str = ""
    labels: list[tuple[str, str]] = field(default_factory=list)

    @property
    def label(self) -> str:
        """`Figure 3`."""
        return f"Figure {self.number}"


@dataclass
class Equation:
    """A display equation as text, with its number when it has one."""

    text: str
    page: int
    section: str
    number: str = ""


@dataclass
class Reference:
    """One entry of the reference list."""

    key: str  # "1" for [1]; an author-year key ("Chen1990") for unnumbered styles
    text: str
    authors: list[str] = field(default_factory=list)
    year: str = ""
    title: str = ""
    doi: str = ""
    arxiv: str = ""
    year_suffix: str = ""  # "a" of "2014a", which tells two works of a year apart

    @property
    def surname(self) -> str:
        """The first author's surname: `Chen` from "Chen, S." or "S. Chen"; `Lawry Aguila`
        from "Lawry Aguila, A."."""
        if not self.authors:
            return ""
        first = self.authors[0].strip()
        if "," in first:
            return first.split(",")[0].strip()
        words = [w for w in first.split() if not re.fullmatch(r"(?:[A-Z]\.-?)+", w)]
        return words[-1] if words else first

    @property
    def short(self) -> str:
        """`Lovelace et al., 2016` (the heading of a related-work entry)."""
        if not self.authors:
            return self.title[:60] or f"Reference {self.key}"
        tail = (
            " et al."
            if len(self.authors) > 2
            else (
                f" and {Reference('', '', self.authors[1:]).surname}"
                if len(self.authors) == 2
                else ""
            )
        )
        return f"{self.surname or '?'}{tail}, {self.year or 'n.d.'}{self.year_suffix}"


@dataclass
class Document:
    """Everything read from one PDF."""

    path: str
    pages: int
    title: str = ""
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    venue: str = ""  # as the page says: a journal, proceedings, "Submitted to ApJ"
    year: str = ""  # the year the page gives (citation box, venue line, stamp, date)
    status: str = ""  # a draft or preprint line ("Draft version May 22, 2018")
    arxiv: str = ""  # the arXiv identifier of the margin stamp, when there is one
    doi: str = ""
    keywords: list[str] = field(default_factory=list)
    furniture: list[str] = field(default_factory=list)  # first-page lines set aside as furniture
    abstract: str = ""
    sections: list[DocSection] = field(default_factory=list)
    tables: list[DocTable] = field(default_factory=list)
    figures: list[DocFigure] = field(default_factory=list)
    equations: list[Equation] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    footnotes: list[str] = field(default_factory=list)  # text of footnotes, set apart
    sidebars: list[str] = field(default_factory=list)  # text of boxes beside the running text
    sidebar_pages: list[int] = field(default_factory=list)  # the page of each of those boxes
    running: list[str] = field(default_factory=list)  # running header and footer of page 1
    metadata: dict[str, str] = field(default_factory=dict)  # the PDF's info dictionary
    damage: list[str] = field(default_factory=list)  # repairs MuPDF made while reading
    code: list[Line] = field(default_factory=list)  # lines of printed code (listings.py)

    def section(self, number: str) -> DocSection | None:
        """A section by its number (`4.1`)."""
        return next((s for s in self.sections if s.number == number), None)

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph, in reading order."""
        return [p for s in self.sections for p in s.paragraphs]
