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
    STATUS_LINES,
    Furniture,
    accepted_venue,
    bibtex_fields,
    furniture,
    preprint_server,
    run_on,
    venue_from_status,
)
from arakit.compiler.pdf.masthead import boxed_names, journal_name, masthead_venue, parts_of
from arakit.compiler.pdf.names import institution_like
from arakit.compiler.pdf.people import (
    Row,
    affiliation_text,
    is_role,
    read_people,
    rows_of,
    without_mail,
)

# the abstract's heading in the languages papers are commonly written in
_ABSTRACT_WORDS = (
    r"summary|r[ée]sum[ée]|resumen|resumo|riassunto|zusammenfassung|samenvatting|"
    r"sammanfattning|streszczenie|аннотация|摘要|要旨"
)
_ABSTRACT_RE = re.compile(rf"^a\s?bstract\b|^(?:{_ABSTRACT_WORDS})$", re.IGNORECASE)
# a bullet a word processor's heading style sets before the heading's word ("• Abstract")
_BULLET = r"[•●▪\uf0b7]"
_ABSTRACT_HEAD = re.compile(
    rf"^(?:{_BULLET}\s+)?(?:a\s?bstract|{_ABSTRACT_WORDS})[.:—–-]?\s*", re.IGNORECASE
)
# "Abstract" run into the text on its line, with the mark that sets it off if any
_RUN_IN = re.compile(r"^a\s?bstract\b\s*(?P<sep>[.:—–-])?\s*", re.IGNORECASE)
_BULLET_MARK = re.compile(rf"^{_BULLET}\s+")
TITLE_STEP = 2.5  # points above the text's size: type no run-in heading is set in
SAME_SIZE = 0.35  # points: lines this close in size are set in the same type


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


# what a page header's parts say: never an author's name or address
_HEADER_KINDS = ("venue", "status", "typeset", "arxiv", "date")


def is_abstract(line: Line, body: float = 0.0) -> bool:
    """The line that opens the abstract (`Abstract`, `ABSTRACT`, `A BSTRACT`, `Summary`, a
    run-in "Abstract—This work ..."). A line that only begins with the word is no heading
    when what follows it is no sentence (lower case: "Abstract readability: evidence ...")
    or when it is set in title type well above the text's (`body`, when known): a title
    such as "Abstract Interpretation of ..."."""
    text = _BULLET_MARK.sub("", line.text.strip())  # "• Abstract": a heading set with a bullet
    if not _ABSTRACT_RE.match(text):
        return False
    m = _RUN_IN.match(text)
    rest = text[m.end() :] if m else ""
    if not m or not rest or m.group("sep"):
        return True  # the heading alone, another language's, or set off by punctuation
    return not rest[:1].islower() and not (body and line.size >= body + TITLE_STEP)


def without_abstract_heading(text: str) -> str:
    """The abstract's first line without its heading ("Abstract—This work ..." → "This work ...")."""
    return _ABSTRACT_HEAD.sub("", text)


def read_front(
    lines: list[Line],
    body: float,
    end: int,
    extra: list[Line],
    running: list[str],
    beside: tuple[int, ...] = (),
) -> tuple[Front, set[int]]:
    """Front matter from `lines[:end]` of the first page with text, and the indices of the
    lines it used; `extra` are that page's lines outside the text block or set at an angle
    (sidebars, margin stamps), `running` the running head and foot of that page, `beside`
    the lines of another column printed level with the front matter (the second of two
    author blocks side by side, read after the first column)."""
    front = Front()
    page = lines[0].page if lines else 1
    idx = [k for k in range(end) if lines[k].page == page] + list(beside)
    rows = rows_of(lines, idx)
    content: list[Row] = []
    citing: list[str] = []
    used: set[int] = set()
    named = boxed_names([r.plain for r in rows])
    skip: set[int] = set()  # rows a status statement runs on into
    for n, row in enumerate(rows):
        if id(row) in skip:
            continue
        if citing:
            citing.append(row.text)
            used.update(row.keys)
            continue
        kind = furniture(without_mail(row.plain)) or _place_and_date(row.plain)
        if n in named:
            kind = Furniture("venue", " ".join(row.plain.split()))
        cells = row.cells()
        parts = parts_of(cells) if len(cells) > 1 and getattr(kind, "kind", "") != "citebox" else []
        if kind is None and any(p.kind in _HEADER_KINDS for p in parts):
            kind = parts[0]  # a header of parts set apart: "MNRAS 000, ... Preprint 12 ..."
        if kind is not None and kind.kind == "status":
            kind, taken = _status_run(rows, n, kind)
            for r in taken:
                used.update(r.keys)
                skip.add(id(r))
        if kind is not None:
            front.furniture.extend(parts or [kind])  # each part read on its own
            used.update(_furniture_keys(row, kind))
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
    title = _TOPIC.sub("", _join_title([r.text for r in title_rows]))
    front.title = _unquoted(_NOTE_MARK.sub("", title))
    if title_rows:
        above = content[: content.index(title_rows[0])]
        head = masthead_venue([(r.plain, r.size) for r in above], title_rows[0].size)
        front.furniture += [head] if head else []
    after = content[content.index(title_rows[-1]) + 1 :] if title_rows else content
    people = read_people(after, _title_page(content))
    front.authors, front.affiliations = people.authors, people.affiliations
    if not front.affiliations and people.authors and any(is_role(r.plain) for r in after):
        above = content[: content.index(title_rows[0])] if title_rows else []
        front.affiliations = _institution_above(above)
    for row in [*title_rows, *people.rows]:
        used.update(row.keys)
    _running(front, running)
    _venue_and_year(front, " ".join(citing))
    return front, used


def _status_run(rows: list[Row], n: int, kind: Furniture) -> tuple[Furniture, list[Row]]:
    """A status statement broken over rows ("This is an Accepted Manuscript of an article
    published by the Society of Photo-Optical Instrumentation" / "Engineers in the Journal
    of ..."): the rows after row `n` in its type, until one ends the sentence, read as one
    statement; the rows it took."""
    same = []
    for r in rows[n + 1 : n + 1 + STATUS_LINES]:
        if abs(r.size - rows[n].size) >= SAME_SIZE:
            break
        same.append(r)
    kind, more = run_on(kind, [r.plain for r in same])
    return kind, same[:more]


def _furniture_keys(row: Row, kind: Furniture) -> list[int]:
    """The lines of a furniture row that are furniture: a keyword list's label printed in a
    sidebar level with a line of the abstract beside it (Elsevier's "Keywords:" in the
    article-info column) leaves that line, a sentence of its own, to the abstract."""
    if kind.kind != "keywords" or len(row.pieces) < 2:
        return row.keys
    return [
        key
        for key, p in zip(row.keys, row.pieces, strict=True)
        if furniture(p.plain()) or len(p.plain().split()) < SENTENCE_WORDS
    ]


SENTENCE_WORDS = 8  # a piece this long beside a label is running text, not a keyword


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
        rest = rest.strip(" .”’\"'")  # the title may be cited in quotes: “Title.” Journal
        venue = re.split(r",|\s\d|\s¿|https?://", rest, maxsplit=1)[0].strip(" .")
        front.furniture.insert(0, Furniture("citation", text))
        if venue and not re.search(r"\d", venue):
            front.venue = front.venue or venue
        if year:
            front.year = front.year or year.group(1)
        return
    taken = 0
    for k, line in enumerate(running):
        if k < taken:
            continue  # read with the status statement above it
        kind = furniture(line) or _place_and_date(line)
        if kind is not None and kind.kind == "status":
            kind, more = run_on(kind, running[k + 1 :])
            taken = k + 1 + more
        if kind is not None:
            front.furniture.append(kind)


def _place_and_date(text: str) -> Furniture | None:
    """A title page's place and year ("Москва 2024", "Berlin, 2021", a year alone): the
    date the page prints."""
    t = " ".join(text.split())
    if re.fullmatch(r"(?:[^\W\d_][\w-]+,?\s+)?(?:19|20)\d\d(?:\s*(?:г\.?|год))?", t):
        return Furniture("date", t)
    return None


# the line of a title page that says what kind of document it is, printed in the title's
# type above the title itself
_DOCUMENT_TYPE = re.compile(
    r"^(?:[^\W\d_][\w'’]*\s+){0,3}(?:thesis|dissertation|report|project)$|"
    r"^(?:[^\W\d_]+\s+){0,2}(?:работа|диссертация|отч[её]т|проект)$|^диссертация$|"
    r"^(?:bachelor|master|diplom|studien|projekt)arbeit$|^dissertation$|^mémoire$|"
    r"^th[èe]se$|^tesis$|^tesi(?: di laurea)?$|^praca\s+\w+$|^(?:bakalářská|diplomová)\s+práce$",
    re.IGNORECASE,
)
# "Тема: …", "Title: …": a title page naming its topic after a label
_TOPIC = re.compile(r"^(?:тема|topic|title|thema|titel|sujet|tema|titolo)\s*:\s*", re.IGNORECASE)
# the mark of a footnote on the title ("... nuclear activity⋆"): a star, dagger or the like
_NOTE_MARK = re.compile(r"\s*[⋆†‡§¶∗✩☆★]+$")  # a title's note marks (Elsevier sets ✩)
_QUOTE_OPEN = '«“„"'


# the line of a title page that says for which degree the document is presented ("A thesis
# submitted in partial fulfilment of the requirements for the degree of", "Tesina de grado
# presentada para optar al título de", "Dissertation zur Erlangung des Grades")
_DEGREE = re.compile(
    r"\b(?:in partial fulfil+ment|for the degree of|requirements for the degree|"
    r"para optar al?|para obtener el|zur erlangung|pour l'obtention|en vue de l'obtention|"
    r"per il conseguimento|para obtenção|на соискание)\b|"
    r"^(?:[^\W\d_]+\s+){0,2}(?:thesis|dissertation|tesina|tesis|memoria|mémoire|tesi|"
    r"trabajo (?:de|final)|report)\b.{0,40}\b(?:submitted|presented|presentad[ao]|"
    r"présentée?|de grado|de fin de|final de)\b",
    re.IGNORECASE,
)


def _document_type(row: Row) -> bool:
    return bool(_DOCUMENT_TYPE.match(row.plain.strip(" .:")))


def _title_page(rows: list[Row]) -> bool:
    """A thesis or report title page: it says what kind of document it is (or for which
    degree it is presented) and names people by their role ("Author:", "Supervisor:")."""
    says = any(_document_type(r) or _DEGREE.search(r.plain) for r in rows)
    return says and any(is_role(r.plain) for r in rows)


def _title_page_title(rows: list[Row], body: float) -> list[Row]:
    """The title of a thesis or report title page: the row after a topic label, or the
    rows after the document-type line, or the row printed in quotation marks."""
    for k, r in enumerate(rows):
        if _TOPIC.match(r.plain.strip()):
            return _same_style_run(rows, k)
    for k, r in enumerate(rows[:-1]):
        nxt = rows[k + 1]
        follows = not is_role(nxt.plain) and not furniture(nxt.plain) and not _document_type(nxt)
        if _document_type(r) and follows and nxt.size >= body - 0.5:
            return _same_style_run(rows, k + 1)
    for k, r in enumerate(rows):
        if r.plain.strip()[:1] in _QUOTE_OPEN and not is_role(r.plain):
            return _same_style_run(rows, k)
    return []


def _same_style_run(rows: list[Row], k: int) -> list[Row]:
    """Row `k` and the rows right under it in the same type (a title broken over lines)."""
    out = [rows[k]]
    for r in rows[k + 1 : k + 4]:
        gap = r.pieces[0].y0 - out[-1].pieces[0].y1
        if abs(r.size - out[0].size) < SAME_SIZE and gap < 1.5 * r.size and not is_role(r.plain):
            out.append(r)
        else:
            break
    return out


def _title(rows: list[Row], body: float) -> list[Row]:
    """The consecutive rows set in the largest type, when they read as a title; on a thesis
    title page, the rows after the document-type line."""
    if not rows:
        return []
    if _title_page(rows):
        found = _title_page_title(rows, body)
        if found:
            return found
    # a manuscript that labels its front matter ("Title: ..." over "Authors: ...", as a
    # journal's submission form or a preprint made in a word processor prints it) names
    # its title by the label, in whatever type the text is set in
    labelled = next((k for k, r in enumerate(rows) if _TOPIC.match(r.plain.strip())), None)
    if labelled is not None and not is_role(rows[labelled].plain):
        return _same_style_run(rows, labelled)
    top = max(r.size for r in rows)
    if top < body - 0.5:
        return []
    start = next(k for k, r in enumerate(rows) if abs(r.size - top) < SAME_SIZE)
    nxt = rows[start + 1] if start + 1 < len(rows) else None
    if _document_type(rows[start]) and nxt is not None and abs(nxt.size - top) < SAME_SIZE:
        start += 1  # "Final Year Project Report" over the title in the same type
    out = [rows[start]]
    for r in rows[start + 1 :]:
        gap = (r.pieces[0].y0 - out[-1].pieces[0].y1) if r.pieces else 99.0
        # a title is set in one face: the row under it in the same size but another weight
        # or face (authors in italics under a bold title) begins what follows it
        if (
            abs(r.size - top) < SAME_SIZE
            and gap < 1.5 * top
            and r.style()[1:] == out[0].style()[1:]
        ):
            out.append(r)
        else:
            break
    text = " ".join(r.plain for r in out)
    if len(out) > 4 or len(text) > 300 or is_abstract(out[0].pieces[0], body):
        return []
    # a title set in bold at the text's size (an APA manuscript's title page) is set apart
    # by its weight: bold rows that end in no full stop are no paragraph
    bold = all(r.style()[1] for r in out) and not text.rstrip().endswith(".")
    if top <= body + 0.5 and (
        (len(rows) == len(out) and not bold) or (text.rstrip().endswith(".") and len(out) > 2)
    ):
        return []  # body-size text with nothing else around it is a paragraph, not a title
    return out


def _unquoted(title: str) -> str:
    """A title printed inside quotation marks (thesis title pages: «…», “…”; a JOSS paper
    whose title field was quoted: ‘…’) without them."""
    m = re.fullmatch(r"\s*[«“„\"](.+)[»”“\"]\s*", title) or re.fullmatch(
        r"\s*[‘'](.+)[’']\s*", title
    )
    return m.group(1).strip() if m and not re.search(r"[«»“”„\"‘’]", m.group(1)) else title


def _institution_above(rows: list[Row]) -> list[str]:
    """The institution a title page prints above the title (university, faculty, chair),
    as one affiliation."""
    parts = [
        affiliation_text(r.plain) for r in rows if not furniture(r.plain) and not _document_type(r)
    ]
    return [", ".join(p for p in parts if p)] if parts and institution_like(parts[0]) else []


def _join_title(parts: list[str]) -> str:
    out = ""
    for p in parts:
        p = " ".join(p.split())
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and p[:1].islower():
            out = out[:-1] + p
        else:
            out = f"{out} {p}" if out else p
    return out


_SAYS_VENUE = re.compile(
    r"^(?:(?:paper |manuscript |preprint )?(?:submitted|accepted|presented|published)(?: for publication)?"
    r"\s+(?:to|at|in|for|by|as)|(?:paper|manuscript|article) prepared for|to appear\s+(?:in|at)|"
    r"under review\s+(?:at|for|as)|in press)\s+\S",
    re.I,
)


# what a template prints before the real value is filled in: the Unix epoch as a date (a
# JOSS draft's sidebar says "Submitted: 01 January 1970"), "Published: unpublished"
_UNFILLED = re.compile(
    r"\b0?1(?:st)?\s+jan(?:uary)?\.?,?\s+1970\b|\bjan(?:uary)?\.?\s+0?1(?:st)?,?\s+1970\b|"
    r"\b1970-01-01\b|:\s*unpublished\s*$",
    re.I,
)


def says_venue(text: str) -> bool:
    """True when a status line names where the paper went ("Preprint submitted to X",
    "Accepted for publication in X", "To appear in X")."""
    return bool(_SAYS_VENUE.match(" ".join(text.split())))


def unfilled(text: str) -> bool:
    """True when a furniture line still prints its template's unfilled value."""
    return bool(_UNFILLED.search(text))


def _venue_and_year(front: Front, citing: str) -> None:
    """Venue: a citation box, a venue line, a status that names where the paper went;
    year: the citation box, an arXiv stamp, then any furniture line with a year."""
    fields = bibtex_fields(citing) if citing else {}
    venue = fields.get("journal") or fields.get("booktitle") or front.venue
    year = fields.get("year", "") or front.year
    front.doi = fields.get("doi", "")
    for f in front.furniture:
        if unfilled(f.text):
            continue  # a template's placeholder date or status says nothing of the paper
        m = ARXIV_STAMP.search(f.text) if f.kind in ("arxiv", "margin") else None
        if m and not front.arxiv:
            front.arxiv = m.group("id") + (m.group("v") or "")
            stamp = YEAR_RE.search(m.group("date") or "")
            year = year or (stamp.group(1) if stamp else "")
        elif f.kind == "venue" and not venue:
            venue = journal_name(f.text) or f.text.rstrip(".")
        elif f.kind == "preprint" and not venue:
            venue = preprint_server(f.text)  # the server's stamp dates the version posted
            posted = YEAR_RE.search(f.text)
            year = year or (posted.group(1) if posted else "")
        elif f.kind == "status":
            published, when = accepted_venue(f.text)
            if published and not venue:
                venue, year = published, when or year  # the article it is a copy of
            if _SAYS_VENUE.match(f.text) and not venue:
                venue = venue_from_status(f.text)
            elif not front.status:
                front.status = f.text
    front.venue = venue
    if not year:
        for f in front.furniture:
            if unfilled(f.text):
                continue
            m = YEAR_RE.search(f.text) if f.kind in ("venue", "status", "date", "rights") else None
            if m:
                year = m.group(1)
                break
    front.year = year


# the end of a correspondence note: "Correspondence to: A B <a@b.org>."
_CONTACT_END = re.compile(r"(?:@[\w.-]+\.\w+>?|\bcorrespond\w*\b.*)[.)]?\s*$", re.I)
SLOT_WORDS = 14  # a venue line is short: a name, a course, a year


def footnote_venue(texts: list[str]) -> str:
    """The venue a template prints under the first page's correspondence footnote (ICML's
    slot for "Proceedings of ..."), as printed: the line set after the note's e-mail that is
    not a sentence of the note ("PCS5022 – Neural Networks and Deep Learning"); "" when
    there is none."""
    for k, text in enumerate(texts[:-1]):
        if not _CONTACT_END.search(text) or "@" not in text:
            continue
        rest = " ".join(t.strip() for t in texts[k + 1 :]).strip()
        words = rest.split()
        if (
            0 < len(words) <= SLOT_WORDS
            and rest[:1].isalnum()
            and "@" not in rest
            and not rest.endswith(".")
            and any(w[:1].isupper() for w in words)
            and not re.search(r"https?://|www\.|github|available|equal contribution", rest, re.I)
            and getattr(furniture(rest), "kind", "venue") == "venue"
        ):
            return rest
    return ""
