"""The people of a paper's first page: the author rows under the title and the
affiliations printed with them.

Authors are printed in a few ways: one row listing every name ("A¹, B², and C¹"), or
blocks side by side, each a name over its own affiliation lines and e-mail (IEEE, NeurIPS,
many preprints). In a side-by-side block the rows under the names are set in another style
(another size, weight or typeface) — they are the columns' affiliations whatever they name
("Robotics and Computer Vision" joins no two people). A thesis title page names its
author after a role line ("Performed by:", "Выполнил:") and its supervisor after another
("Supervisor:", "Научный руководитель:"); only the first is an author.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from arakit.compiler.pdf.document import Line
from arakit.compiler.pdf.names import (
    affiliation_like,
    institution_like,
    is_name,
    names_in,
    template_names,
)


@dataclass
class Row:
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
        return [text for text, _x in self.placed_cells(mark)]

    def placed_cells(self, mark: str = "") -> list[tuple[str, float]]:
        """The cells of `cells()` with the horizontal centre of each."""
        out: list[tuple[str, float, float]] = []
        prev: Line | None = None
        for p in self.pieces:
            if prev is not None and p.x0 - prev.x1 < 1.5 * p.size:
                text, x0, _ = out[-1]
                out[-1] = (f"{text} {p.plain(mark)}", x0, p.x1)
            else:
                out.append((p.plain(mark), p.x0, p.x1))
            prev = p
        return [(text, (x0 + x1) / 2) for text, x0, x1 in out]

    def style(self) -> tuple[float, bool, str]:
        """Size, weight and typeface family of the row's main text."""
        main = max(self.pieces, key=lambda p: len(p.text))
        return (round(main.size, 1), main.bold, _family(main.font))


def _family(font: str) -> str:
    """A typeface's family without the subset prefix and the size suffix of TeX fonts
    ("ABCDEF+CMR10" → "cmr", "NimbusRomNo9L-Medi" → "nimbusromno9l-medi")."""
    return re.sub(r"\d+$", "", font.split("+")[-1]).lower()


def rows_of(lines: list[Line], idx: list[int]) -> list[Row]:
    """The lines `idx` grouped by baseline, top to bottom; a line whose words stand apart
    by more than a word space (names set apart only by wide gaps, columns the reading
    order joined) is taken as the pieces printed."""
    rows: list[Row] = []
    for k in sorted(idx, key=lambda k: (lines[k].base or lines[k].y1, lines[k].x0)):
        ln = lines[k]
        base = ln.base or ln.y1
        row = rows[-1] if rows else None
        pieces = split_at_gaps(ln)
        if row and abs((row.pieces[0].base or row.pieces[0].y1) - base) < 2.0:
            row.pieces += pieces
            row.pieces.sort(key=lambda p: p.x0)
            row.keys.append(k)
        else:
            rows.append(Row(pieces, [k]))
    return rows


WIDE_GAP = 0.8  # a blank this many times the type size is no word space (about 0.25-0.5)


def split_at_gaps(line: Line) -> list[Line]:
    """The line cut at each blank wider than WIDE_GAP times its type size, each piece with
    its own box and superscripts."""
    cuts = [g for g in line.gaps if g[2] - g[1] >= WIDE_GAP * line.size]
    if not cuts:
        return [line]
    out: list[Line] = []
    start, x0 = 0, line.x0
    for at, left_end, right_start in [*cuts, (len(line.text), line.x1, line.x1)]:
        text = line.text[start:at]
        if text.strip():
            sup = [
                (max(a, start) - start, min(b, at) - start)
                for a, b in line.sup
                if a < at and b > start
            ]
            out.append(replace(line, text=text, x0=x0, x1=left_end, sup=sup, gaps=[]))
        start, x0 = at + 1, right_start
    return out or [line]


# the line that names who wrote a thesis or a report, and the lines naming everyone else
_AUTHOR_ROLE = re.compile(
    r"^(?:(?:performed|prepared|submitted|written|presented|carried out)\s+by\b|"
    r"вы?полнил[аи]?\b|vorgelegt von\b|eingereicht von\b|verfasst von\b|"
    r"réalisé par\b|présentée? par\b|realizado por\b|presentado por\b|"
    r"(?:authors?|student|candidate|автор|студент(?:ка)?|исполнитель|autor[ae]?|candidat[oa])"
    r"\s*(?::|$))",
    re.IGNORECASE,
)
# the heading of an APA manuscript's title-page note on the authors (their departments,
# changes of affiliation, disclosures, where to write): it follows the author block and is
# no author or affiliation
AUTHOR_NOTE = re.compile(r"^\W*authors?(?:['’]s|['’])?\s+notes?\W*$", re.I)
_OTHER_ROLE = re.compile(
    r"^(?:scientific\s+|thesis\s+|academic\s+)?(?:supervisors?|advis[oe]rs?|co-?supervisors?|"
    r"reviewers?|examiners?|referees?|consultants?|promot[eo]rs?|mentors?)\b|"
    r"^(?:научный\s+)?руководител|^рецензент|^консультант|^betreuer|^gutachter|^prüfer|"
    r"^directeur|^directrice|^encadrant|^rapporteur|^director|^tutor|^relatore|^correlatore",
    re.IGNORECASE,
)
# IEEE prints membership grades after a name: "Jin Wu, Member, IEEE"
_MEMBERSHIP = re.compile(
    r",?\s*(?:(?:senior|student|life|graduate\s+student)\s+)?(?:member|fellow),?\s+ieee\b",
    re.IGNORECASE,
)
_MAIL_IN_PARENS = re.compile(r"\(\s*[\w.+-]+@[\w-]+(?:\.[\w-]+)+\s*\)")


def without_mail(text: str) -> str:
    """A row without the e-mail printed in parentheses after a name."""
    return " ".join(_MAIL_IN_PARENS.sub(" ", text).split())


def is_role(text: str) -> bool:
    """A role line of a title page ("Выполнил:", "Supervisor: Dr. X")."""
    t = text.strip()
    return bool(_AUTHOR_ROLE.match(t) or _OTHER_ROLE.match(t))


# on a title page, a role word opens the row without a colon ("Студент гр. 8310   Рыжиков А.В.")
_LOOSE_AUTHOR_ROLE = re.compile(r"^(?:студент(?:ка)?|student|candidate|выполнил\w*)\b", re.I)


def thesis_people(rows: list[Row], title_page: bool = False) -> tuple[list[str], list[Row]]:
    """Authors of a title page that names them after a role line, and the rows read;
    empty when no row names the author's role. On a `title_page` (it says it is a thesis
    or a report), a role word opens its row without a colon too."""
    authors: list[str] = []
    used: list[Row] = []
    role = ""

    def author_role(text: str) -> bool:
        return bool(_AUTHOR_ROLE.match(text) or (title_page and _LOOSE_AUTHOR_ROLE.match(text)))

    carry = ""  # a name the row above broke off at its end ("..., Amanda" / "Martinez, ...")
    for row in rows:
        text = row.plain.strip()
        if author_role(text):
            role = "author"
        elif _OTHER_ROLE.match(text):
            role = "other"
        elif not role:
            continue
        used.append(row)
        if role != "author":
            continue
        cells = row.cells()
        for k, cell in enumerate(cells):
            cell = without_mail(cell)
            rest = re.sub(r"^[^:]*:\s*", "", cell) if ":" in cell else cell
            if author_role(cell) and rest == cell:
                continue  # the role word and what qualifies it ("Студент гр. 8310")
            rest, carry = (f"{carry} {rest}" if carry else rest), ""
            if k == len(cells) - 1:
                rest, carry = _broken_name(rest)
            if rest and not affiliation_like(rest):
                authors += [n for n in names_in(rest) if n not in authors]
    return (authors, used) if any(author_role(r.plain.strip()) for r in used) else ([], [])


# the end of a list of names that broke inside a name: ", Amanda" with no comma after it
# (one word: a whole name has two, and the last name of the list ends on no separator)
_BROKEN_NAME = re.compile(r"(?<=[,;&])\s*(?P<name>[^\W\d_][\w'’-]*)$")


def _broken_name(text: str) -> tuple[str, str]:
    """A listing row without the name it broke off at its end, and that name's start (to
    be read with the row below); the row whole and "" when it ends on a separator."""
    m = _BROKEN_NAME.search(text)
    if not m or not re.search(r",", text[: m.start()]):
        return text, ""
    return text[: m.start()], m.group("name")


@dataclass
class People:
    """Authors and affiliations read from the rows under the title."""

    authors: list[str]
    affiliations: list[str]
    rows: list[Row]


def read_people(rows: list[Row], title_page: bool = False) -> People:
    """Authors and affiliations from the rows between the title and the abstract, and the
    rows used. Rows that are neither end the block (the text that follows is body); a role
    line (a supervisor) ends it too."""
    thesis, used_rows = thesis_people(rows, title_page)
    if thesis:
        return People(thesis, [], used_rows)
    people = _listed_people(rows)
    alone = _names_alone(rows) if title_page and not people.authors else []
    if alone:
        return People([n for r in alone for n in names_in(r.plain)], [], alone)
    return people


def _listed_people(rows: list[Row]) -> People:
    """Authors and affiliations printed as a list or as blocks under the title."""
    people = People([], [], [])
    affiliations = people.affiliations
    continuing = False  # the last row was an affiliation a further row may continue
    open_name = ""  # an author row that broke inside a name ("..., Brooke L" / "Fridley, ...")
    columns: list[float] = []  # centres of the author cells side by side in the last author row
    grid: list[list[str]] = []  # the affiliation lines under each of those cells
    name_style: tuple[float, bool, str] | None = None
    in_mail = False  # inside an e-mail block over several rows ("{a, b," / "c}@x.org")
    names_last = False  # the last row read was a row of authors
    addresses = _stacked_addresses(rows)
    for k, row in enumerate(rows):
        text = _MEMBERSHIP.sub("", row.plain).strip().strip(";")
        if not text.strip(","):
            continue
        if k in addresses:  # under a name in a stack of blocks: its address, whatever words
            if len(columns) > 1:
                _into_columns(grid, columns, row.placed_cells())
            elif continuing and affiliations:
                affiliations[-1] = f"{affiliations[-1].rstrip(',')}, {affiliation_text(text)}"
            else:
                affiliations.append(affiliation_text(text))
            continuing, names_last, open_name = True, False, ""
            people.rows.append(row)
            continue
        if _marks_above(row, rows[k + 1] if k + 1 < len(rows) else None):
            people.rows.append(row)  # the name's affiliation marks, raised onto their own row
            continue
        if in_mail or _MAIL_BLOCK.match(text):
            people.rows.append(row)  # the authors' addresses, not an affiliation
            in_mail = "}" not in text and "@" not in text
            continuing = False
            continue
        if template_names(text) and not people.authors:
            people.rows.append(row)  # the template's "First Author" left above the names
            continue
        if text.startswith("(") and text.endswith(")"):
            people.rows.append(row)  # "(equal contribution)", a collaboration's name
            continuing, open_name = False, ""
            continue
        if _prose(text) or _OTHER_ROLE.match(text) or AUTHOR_NOTE.match(text):
            break  # running sentences: the abstract or the body has begun; a supervisor
        marked = any(a == 0 for p in row.pieces[:1] for a, _ in p.sup)
        placed = row.placed_cells()
        cells = [c for c, _x in placed]
        listing = bool(re.search(r",|\s(?:and|&)\s", text))  # the row goes on listing names
        pending, open_name = open_name, ""
        # the list's last row may hold only the end of the name broken above ("Feiler")
        rest_of_name = len(text.split()) == 1 and not affiliation_like(text)
        goes_on = listing or rest_of_name
        joined = f"{pending} {cells[0]}" if pending and len(cells) == 1 and goes_on else ""
        small = _small_caps(row)
        found = names_in(joined, small) if joined else []
        marked_cells = row.cells(mark=", ")  # "Huey Sun∗ Anabel Yong∗": a mark ends a name
        found = found or [
            n for cell in marked_cells for n in names_in(_MEMBERSHIP.sub("", cell), small)
        ]
        found = _names_per_piece(row, found, small)
        bare = without_mail(text)  # "A. Bradley Duthie ( a.duthie@stir.ac.uk )"
        # the affiliation row above broke after a comma or a hyphen: this row goes on with it
        ends_open = bool(affiliations and people.rows) and people.rows[-1].plain.rstrip().endswith(
            (",", "-")
        )
        other_style = name_style is not None and row.style() != name_style
        # the author row above ended in a comma or "and": this row goes on listing names in
        # the same size, whatever weight or face the PDF reports for it
        listed_on = bool(found) and names_last and _list_goes_on(people, name_style, row)
        other_style = other_style and not listed_on
        names_last = False
        if marked:
            affiliations.append(affiliation_text(text))
            continuing = True
        elif other_style and len(columns) > 1:
            _into_columns(grid, columns, placed)  # a line under side-by-side names
            continuing = False
        elif found and not affiliation_like(bare) and not other_style:
            _close_grid(affiliations, grid)
            if joined:  # the name broken at the row's end is read whole
                people.authors = [a for a in people.authors if not pending.endswith(a)]
            people.authors += [n for n in found if n not in people.authors]
            names_last = True
            columns = [x for _c, x in placed] if len(placed) > 1 else []
            grid = [[] for _ in columns]
            name_style = row.style()
            open_name = "" if text.endswith((",", " and")) else _last_piece(joined or text)
            continuing = False
        elif 1 < len(columns) == len(cells) and any(affiliation_like(c) for c in cells):
            affiliations += [affiliation_text(c) for c in cells]  # one per author column
            columns, grid, continuing = [], [], False
        elif continuing and not ends_open and _heading_after(row, people.rows[-1]):
            break  # the body's first heading, set bold under a plain affiliation
        elif continuing and (ends_open or not institution_like(text)):
            more = affiliation_text(text)
            if more:
                affiliations[-1] = f"{affiliations[-1].rstrip(',')}, {more}"
        elif affiliation_like(text) or (found and other_style):
            if len(cells) > 1 and all(affiliation_like(c) for c in cells):
                affiliations += [affiliation_text(c) for c in cells]
            else:
                affiliations.append(affiliation_text(text))
            continuing = True
        else:
            break
        people.rows.append(row)
    _close_grid(affiliations, grid)
    people.affiliations = _split_numbered(affiliations)
    return people


BLOCK_GAP = 0.4  # of the type's size: more space than leading sets blocks apart


def _stacked_addresses(rows: list[Row]) -> set[int]:
    """The rows that print addresses under names stacked in blocks ("Kellie Ottoboni" over
    "Department of Statistics" over "University of California", a space, "Fraser Lewis"
    over "Medical Affairs and Evidence Generation" ...): when the first block is a row of
    names over rows that name an institution, it and every later block that opens with
    names hold them in their first row only, and their other rows are addresses — words such as
    "Reckitt Benckiser" that could be read as a name included."""
    if len(rows) < 4 or not all(r.pieces for r in rows):
        return set()
    gaps = [rows[k].pieces[0].y0 - rows[k - 1].pieces[0].y1 for k in range(1, len(rows))]
    leading = min((g for g in gaps if g > 0), default=0.0)
    starts = [0] + [
        k for k in range(1, len(rows)) if gaps[k - 1] > max(2 * leading, BLOCK_GAP * rows[k].size)
    ]
    blocks = [list(range(a, b)) for a, b in zip(starts, [*starts[1:], len(rows)], strict=True)]
    first = blocks[0]
    if len(first) < 2 or len(blocks) < 2 or not _names_row(rows[first[0]]):
        return set()
    if rows[first[0]].plain.rstrip().endswith((",", " and")):
        return set()  # the list of names goes on in the next row
    # the stack is set in one type (else the type tells names from addresses) and the row
    # under the names names an institution
    if any(abs(rows[k].size - rows[0].size) >= 0.35 for k in first):
        return set()
    if not any(affiliation_like(c) for c in rows[first[1]].cells()):
        return set()
    out = set(first[1:])
    for block in blocks[1:]:
        if not _names_row(rows[block[0]]):
            break
        out.update(block[1:])
    return out


def _names_row(row: Row) -> bool:
    """Every cell of the row is a person's name."""
    cells = [c for c in row.cells() if c.strip()]
    return bool(cells) and all(
        names_in(c, _small_caps(row)) and not affiliation_like(c) for c in cells
    )


# a row of affiliation marks only: "1,2,3", "∗ †", "a, b"
_MARKS_ROW = re.compile(r"^(?:[\d*∗†‡§¶]{1,3}|[a-e])(?:\s*,?\s*(?:[\d*∗†‡§¶]{1,3}|[a-e]))*$")


def _marks_above(row: Row, below: Row | None) -> bool:
    """True when the row holds only affiliation marks set smaller than the row under it
    and raised into that row's height: superscripts after a name that the PDF places on a
    baseline of their own (JOSS prints "1,2,3" over the end of "Luis M. B. Varona")."""
    if below is None or not _MARKS_ROW.match(row.plain.strip()):
        return False
    top, under = row.pieces[0], below.pieces[0]
    return row.size < 0.9 * below.size and top.y1 > under.y0 and top.y0 < under.y1


# an e-mail block: "{alice, bob}@uni.edu" over one or more rows, or a row of addresses
_MAIL_BLOCK = re.compile(r"^\{[\w.+-]+(?:,|\s|\}@)|^[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$")


def _list_goes_on(people: People, name_style: tuple[float, bool, str] | None, row: Row) -> bool:
    """True when the last row read was an author row that ended open (a trailing comma or
    "and") and this row is set in its size (its weight or face as the PDF reports it may
    differ: a list broken over two centred lines)."""
    if name_style is None or not people.rows or not people.authors:
        return False
    last = people.rows[-1].plain.rstrip()
    return last.endswith((",", " and")) and row.style()[0] == name_style[0]


def _names_alone(rows: list[Row]) -> list[Row]:
    """On a title page that names no author role, the author is the name standing alone
    on its row (under the degree line, above the supervisor's role line): the first row
    that is one whole name, with the name rows set right under it in the same type. A row
    that goes on from the row above in its type (the degree's name under "presented for
    the degree of") is not a name."""
    out: list[Row] = []
    for k, row in enumerate(rows):
        text = without_mail(row.plain).strip()
        if _OTHER_ROLE.match(text) or (out and row.style() != out[0].style()):
            break
        prev = rows[k - 1] if k else None
        goes_on = (
            prev is not None
            and prev.style() == row.style()
            and row.pieces[0].y0 - prev.pieces[0].y1 < 0.8 * row.size
        )
        whole = is_name(text) and names_in(text) == [text] and not institution_like(text)
        if whole and (not goes_on or out):
            out.append(row)
        elif out:
            break
    return out


def _names_per_piece(row: Row, found: list[str], small: bool) -> list[str]:
    """Names printed as separate pieces closer than a cell gap ("Yuanshun Yao  Xiaojun Xu
    Yang Liu"): when every piece is one whole name, the pieces are the names."""
    if len(row.pieces) < 2 or len(row.pieces) <= len(found):
        return found
    each = [names_in(_MEMBERSHIP.sub("", p.plain(", ")), small) for p in row.pieces]
    if all(len(n) == 1 for n in each):
        return [n[0] for n in each]
    return found


def _into_columns(
    grid: list[list[str]], columns: list[float], placed: list[tuple[str, float]]
) -> None:
    """Each cell of a row under side-by-side names goes to the nearest name's column."""
    for text, x in placed:
        k = min(range(len(columns)), key=lambda j: abs(columns[j] - x))
        grid[k].append(text)


def _close_grid(affiliations: list[str], grid: list[list[str]]) -> None:
    """The affiliation of each column of a side-by-side block (each once, in order)."""
    for lines in grid:
        parts = [affiliation_text(t) for t in lines]
        text = ", ".join(p for p in parts if p)
        if text and text not in affiliations:
            affiliations.append(text)
    grid.clear()


def _prose(text: str) -> bool:
    """A row of running sentences (mostly lower-case words, ten or more): no author list or
    affiliation reads so — institutions and names are capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    lower = sum(w[:1].islower() for w in words)
    return len(words) >= 10 and lower >= 0.6 * len(words)


def _last_piece(text: str) -> str:
    """The text after the last separator of an author row (a name that may go on)."""
    return re.split(r",\s*(?:and\s+)?|\s+and\s+", text)[-1].strip()


HEADING_STEP = 1.5  # points a heading is set larger than the affiliation above it


def _heading_after(row: Row, above: Row) -> bool:
    """True when the row is a short line set bold or larger under a plain one: a section
    heading, not the next line of an affiliation."""
    text = row.plain.strip()
    return (
        ((row.style()[1] and not above.style()[1]) or row.size > above.size + HEADING_STEP)
        and "," not in text
        and len(text.split()) <= 6
        and not institution_like(text)
    )


def _split_numbered(affiliations: list[str]) -> list[str]:
    """Affiliations printed one after the other with bold numbers ("Dept. of X 2 Dept. of
    Y 3 ...", as JOSS sets them) are split at the numbers, rows rejoined where they broke;
    two affiliations ("... America 2 Heidelberg University, ...") when the mark stands
    between a word and an institution, as no street number does."""
    joined = " ".join(affiliations)
    found = list(re.finditer(r"\s(\d{1,2})\s+(?=[A-Z])", joined))
    marks = [int(m.group(1)) for m in found]
    if len(marks) >= 2 and marks[:2] == [2, 3]:
        parts = re.split(r"\s\d{1,2}\s+(?=[A-Z])", joined)
        return [re.sub(r"[\s,]*[*∗†‡§¶]?$", "", p.strip()) for p in parts if p.strip(" ,")]
    if marks == [2] and re.search(r"[^\W\d_]{3,}$", joined[: found[0].start()]):
        first, second = joined[: found[0].start()], joined[found[0].end() :]
        if institution_like(first) and institution_like(second.split(",")[0]):
            return [re.sub(r"[\s,]*[*∗†‡§¶]?$", "", x.strip()) for x in (first, second)]
    return affiliations


_NOTE = re.compile(
    r"\s*[*†‡§¶]\s*(?:corresponding author|equal contribution|work done)\b.*$", re.IGNORECASE
)


def affiliation_text(text: str) -> str:
    """An affiliation without a leading mark or a trailing note (`¶ Corresponding author`)."""
    text = _NOTE.sub("", text)
    text = re.sub(r"[,;]?\s*(?:\{[^{}]*\}|[\w.+-]+)@[\w-]+(?:\.[\w-]+)+", "", text)  # e-mails
    text = re.sub(r"^orcid:?\s*[\d-]+X?$", "", text.strip(), flags=re.IGNORECASE)
    return re.sub(r"^(?:\d{1,2}|[*†‡§¶])\s+(?=\S)", "", text).strip(" ,;")


def _small_caps(row: Row) -> bool:
    return any(re.search(r"csc|smallcaps|-sc\b|caps", p.font, re.IGNORECASE) for p in row.pieces)


__all__ = [
    "People",
    "Row",
    "affiliation_text",
    "is_name",
    "is_role",
    "read_people",
    "rows_of",
    "without_mail",
]
