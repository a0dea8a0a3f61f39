"""The front matter of a paper from the layout of its first page: title, every author,
affiliations, venue and year — with page furniture recognised as such.

The title is the largest type among the first page's lines above the abstract once
furniture (draft and preprint lines, arXiv stamps, template notes, dates, contacts) is set
aside; authors are the rows below it that parse as person names, after superscript marks
are dropped; affiliations are the rows that name institutions or start with a mark.
Venue and year come from what the page says: a citation box, a venue or status line, a
running head or foot, an arXiv stamp, a printed date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arakit.compiler.pdf.document import Line
from arakit.compiler.pdf.furniture import (
    ARXIV_STAMP,
    YEAR_RE,
    Furniture,
    bibtex_fields,
    furniture,
    venue_from_status,
)
from arakit.compiler.pdf.names import affiliation_like, institution_like, names_in

# the abstract's heading in the languages papers are commonly written in
_ABSTRACT_WORDS = (
    r"summary|r[ée]sum[ée]|resumen|resumo|riassunto|zusammenfassung|samenvatting|"
    r"sammanfattning|streszczenie|аннотация|摘要|要旨"
)
_ABSTRACT_RE = re.compile(rf"^a\s?bstract\b|^(?:{_ABSTRACT_WORDS})$", re.IGNORECASE)
_ABSTRACT_HEAD = re.compile(rf"^(?:a\s?bstract|{_ABSTRACT_WORDS})[.:—–-]?\s*", re.IGNORECASE)


@dataclass
class Front:
    """What the first page says about the paper, and the furniture seen there."""

    title: str = ""
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    venue: str = ""
    year: str = ""
    status: str = ""
    arxiv: str = ""
    doi: str = ""
    furniture: list[Furniture] = field(default_factory=list)


@dataclass
class _Row:
    """Pieces of text printed on one baseline of the first page, left to right."""

    pieces: list[Line]
    keys: list[int]  # indices of the pieces in the document's line list

    @property
    def size(self) -> float:
        return max(p.size for p in self.pieces)

    @property
    def text(self) -> str:
        return " ".join(p.text for p in self.pieces)

    @property
    def plain(self) -> str:
        return " ".join(p.plain() for p in self.pieces)

    def cells(self, mark: str = "") -> list[str]:
        """The row split where a wide gap separates its pieces (author grids); with `mark`,
        superscripts are replaced by it (an affiliation mark ends a name)."""
        out: list[str] = []
        prev: Line | None = None
        for p in self.pieces:
            if prev is not None and p.x0 - prev.x1 < 1.5 * p.size:
                out[-1] = f"{out[-1]} {p.plain(mark)}"
            else:
                out.append(p.plain(mark))
            prev = p
        return out


def is_abstract(line: Line) -> bool:
    """The line that opens the abstract (`Abstract`, `ABSTRACT`, `A BSTRACT`, `Summary`)."""
    return bool(_ABSTRACT_RE.match(line.text.strip()))


def without_abstract_heading(text: str) -> str:
    """The abstract's first line without its heading ("Abstract—This work ..." → "This work ...")."""
    return _ABSTRACT_HEAD.sub("", text)


def _rows(lines: list[Line], idx: list[int]) -> list[_Row]:
    rows: list[_Row] = []
    for k in sorted(idx, key=lambda k: (lines[k].base or lines[k].y1, lines[k].x0)):
        ln = lines[k]
        base = ln.base or ln.y1
        row = rows[-1] if rows else None
        if row and abs((row.pieces[0].base or row.pieces[0].y1) - base) < 2.0:
            row.pieces.append(ln)
            row.pieces.sort(key=lambda p: p.x0)
            row.keys.append(k)
        else:
            rows.append(_Row([ln], [k]))
    return rows


def read_front(
    lines: list[Line], body: float, end: int, extra: list[Line], running: list[str]
) -> tuple[Front, set[int]]:
    """Front matter from `lines[:end]` of the first page with text, and the indices of the
    lines it used; `extra` are that page's lines outside the text block or set at an angle
    (sidebars, margin stamps), `running` the running head and foot of that page."""
    front = Front()
    page = lines[0].page if lines else 1
    idx = [k for k in range(end) if lines[k].page == page]
    rows = _rows(lines, idx)
    content: list[_Row] = []
    citing: list[str] = []
    used: set[int] = set()
    for row in rows:
        if citing:
            citing.append(row.text)
            used.update(row.keys)
            continue
        kind = furniture(row.plain)
        if kind is not None:
            front.furniture.append(kind)
            used.update(row.keys)
            if kind.kind == "citebox":
                citing.append(row.text)
            continue
        if len(row.plain.strip()) <= 2 and not row.plain.strip().isalpha():
            continue  # a lone mark or page number
        content.append(row)
    for ln in extra:
        if ln.page == page:
            kind = furniture(ln.plain()) or Furniture("margin", ln.text)
            front.furniture.append(kind)
    title_rows = _title(content, body)
    front.title = _join_title([r.text for r in title_rows])
    after = content[content.index(title_rows[-1]) + 1 :] if title_rows else content
    people = _people(front, after)
    for row in [*title_rows, *people]:
        used.update(row.keys)
    _running(front, running)
    _venue_and_year(front, " ".join(citing))
    return front, used


def _running(front: Front, running: list[str]) -> None:
    """A running head or foot: furniture, and when it cites the paper itself (JOSS, many
    journals: `Authors (2025). Title. Journal, vol(issue), pages`) its venue and year."""
    # a page number printed at the end of a running line is not part of what it says
    text = " ".join(" ".join(re.sub(r"\s+\d{1,4}$", "", r) for r in running).split())
    if not text:
        return
    key = " ".join(front.title.split())[:40].casefold()
    at = text.casefold().find(key) if len(key) > 10 else -1
    if at >= 0:
        head, rest = text[:at], text[at + len(" ".join(front.title.split())) :]
        year = YEAR_RE.search(head)
        venue = re.split(r",|\s\d|\s¿|https?://", rest.strip(" ."), maxsplit=1)[0].strip(" .")
        front.furniture.insert(0, Furniture("citation", text))
        if venue and not re.search(r"\d", venue):
            front.venue = front.venue or venue
        if year:
            front.year = front.year or year.group(1)
        return
    for line in running:
        kind = furniture(line)
        if kind is not None:
            front.furniture.append(kind)


def _title(rows: list[_Row], body: float) -> list[_Row]:
    """The consecutive rows set in the largest type, when they read as a title."""
    if not rows:
        return []
    top = max(r.size for r in rows)
    if top < body - 0.5:
        return []
    start = next(k for k, r in enumerate(rows) if abs(r.size - top) < 0.35)
    out = [rows[start]]
    for r in rows[start + 1 :]:
        gap = (r.pieces[0].y0 - out[-1].pieces[0].y1) if r.pieces else 99.0
        if abs(r.size - top) < 0.35 and gap < 1.5 * top:
            out.append(r)
        else:
            break
    text = " ".join(r.plain for r in out)
    if len(out) > 4 or len(text) > 300 or is_abstract(out[0].pieces[0]):
        return []
    if top <= body + 0.5 and (
        len(rows) == len(out) or (text.rstrip().endswith(".") and len(out) > 2)
    ):
        return []  # body-size text with nothing else around it is a paragraph, not a title
    return out


def _join_title(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = " ".join(p.split())
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and p[:1].islower():
            out = out[:-1] + p
        else:
            out = f"{out} {p}" if out else p
    return out


def _people(front: Front, rows: list[_Row]) -> list[_Row]:
    """Authors and affiliations from the rows between the title and the abstract; returns
    the rows used. Rows that are neither end the block (the text that follows is body)."""
    used: list[_Row] = []
    continuing = False  # the last row was an affiliation a further row may continue
    open_name = ""  # an author row that broke inside a name ("..., Brooke L" / "Fridley, ...")
    columns = 0  # author cells side by side in the last author row (a grid)
    for row in rows:
        text = row.plain.strip().strip(";")
        if not text.strip(","):
            continue
        if text.startswith("(") and text.endswith(")"):
            used.append(row)  # "(equal contribution)", a collaboration's name
            continuing, open_name = False, ""
            continue
        if _prose(text):
            break  # running sentences: the abstract or the body has begun
        marked = any(a == 0 for p in row.pieces[:1] for a, _ in p.sup)
        cells = row.cells()
        listing = bool(re.search(r",|\s(?:and|&)\s", text))  # the row goes on listing names
        pending, open_name = open_name, ""
        joined = f"{pending} {cells[0]}" if pending and len(cells) == 1 and listing else ""
        found = names_in(joined, _small_caps(row)) if joined else []
        marked_cells = row.cells(mark=", ")  # "Huey Sun∗ Anabel Yong∗": a mark ends a name
        found = found or [n for cell in marked_cells for n in names_in(cell, _small_caps(row))]
        ends_open = bool(front.affiliations) and front.affiliations[-1].endswith((",", "-"))
        if marked:
            front.affiliations.append(affiliation_text(text))
            continuing = True
        elif found and not affiliation_like(text):
            if joined:  # the name broken at the row's end is read whole
                front.authors = [a for a in front.authors if not pending.endswith(a)]
            front.authors += [n for n in found if n not in front.authors]
            columns = len(cells)
            open_name = "" if text.endswith((",", " and")) else _last_piece(joined or text)
            continuing = False
        elif 1 < columns == len(cells) and any(affiliation_like(c) for c in cells):
            front.affiliations += [affiliation_text(c) for c in cells]  # one per author column
            columns, continuing = 0, False
        elif continuing and (ends_open or not institution_like(text)):
            more = affiliation_text(text)
            if more:
                front.affiliations[-1] = f"{front.affiliations[-1].rstrip(',')}, {more}"
        elif affiliation_like(text):
            if len(cells) > 1 and all(affiliation_like(c) for c in cells):
                front.affiliations += [affiliation_text(c) for c in cells]
            else:
                front.affiliations.append(affiliation_text(text))
            continuing = True
        else:
            break
        used.append(row)
    front.affiliations = _split_numbered(front.affiliations)
    return used


def _prose(text: str) -> bool:
    """A row of running sentences (mostly lower-case words, ten or more): no author list or
    affiliation reads so — institutions and names are capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    lower = sum(w[:1].islower() for w in words)
    return len(words) >= 10 and lower >= 0.6 * len(words)


def _last_piece(text: str) -> str:
    """The text after the last separator of an author row (a name that may go on)."""
    return re.split(r",\s*(?:and\s+)?|\s+and\s+", text)[-1].strip()


def _split_numbered(affiliations: list[str]) -> list[str]:
    """Affiliations printed one after the other with bold numbers ("Dept. of X 2 Dept. of
    Y 3 ...", as JOSS sets them) are split at the numbers, rows rejoined where they broke."""
    joined = " ".join(affiliations)
    marks = [int(m.group(1)) for m in re.finditer(r"\s(\d{1,2})\s+(?=[A-Z])", joined)]
    if len(marks) < 2 or marks[:2] != [2, 3]:
        return affiliations
    parts = re.split(r"\s\d{1,2}\s+(?=[A-Z])", joined)
    return [p.strip(" ,") for p in parts if p.strip(" ,")]


_NOTE = re.compile(
    r"\s*[*†‡§¶]\s*(?:corresponding author|equal contribution|work done)\b.*$", re.IGNORECASE
)


def affiliation_text(text: str) -> str:
    """An affiliation without a leading mark or a trailing note (`¶ Corresponding author`)."""
    text = _NOTE.sub("", text)
    text = re.sub(r"[,;]?\s*(?:\{[^{}]*\}|[\w.+-]+)@[\w-]+(?:\.[\w-]+)+", "", text)  # e-mails
    return re.sub(r"^(?:\d{1,2}|[*†‡§¶])\s+(?=\S)", "", text).strip(" ,;")


def _small_caps(row: _Row) -> bool:
    return any(re.search(r"csc|smallcaps|-sc\b|caps", p.font, re.IGNORECASE) for p in row.pieces)


_SAYS_VENUE = re.compile(
    r"^(?:(?:paper |manuscript )?(?:submitted|accepted|presented|published)(?: for publication)?"
    r"\s+(?:to|at|in|for|by|as)|to appear\s+(?:in|at)|under review\s+(?:at|for|as)|in press)\s+\S",
    re.I,
)


def _venue_and_year(front: Front, citing: str) -> None:
    """Venue: a citation box, a venue line, a status that names where the paper went;
    year: the citation box, an arXiv stamp, then any furniture line with a year."""
    fields = bibtex_fields(citing) if citing else {}
    venue = fields.get("journal") or fields.get("booktitle") or front.venue
    year = fields.get("year", "") or front.year
    front.doi = fields.get("doi", "")
    for f in front.furniture:
        m = ARXIV_STAMP.search(f.text) if f.kind in ("arxiv", "margin") else None
        if m and not front.arxiv:
            front.arxiv = m.group("id") + (m.group("v") or "")
            stamp = YEAR_RE.search(m.group("date") or "")
            year = year or (stamp.group(1) if stamp else "")
        elif f.kind == "venue" and not venue:
            venue = f.text.rstrip(".")
        elif f.kind == "status":
            if _SAYS_VENUE.match(f.text) and not venue:
                venue = venue_from_status(f.text)
            elif not front.status:
                front.status = f.text
    front.venue = venue
    if not year:
        for f in front.furniture:
            m = YEAR_RE.search(f.text) if f.kind in ("venue", "status", "date", "rights") else None
            if m:
                year = m.group(1)
                break
    front.year = year
