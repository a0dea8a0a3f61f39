"""The opening of a paper: front matter (see front.py), then the abstract, the keywords and
a citation box, up to where the body begins."""

from __future__ import annotations

import re
from collections import Counter

from arakit.compiler.pdf.document import Document, Line
from arakit.compiler.pdf.front import (
    SAME_SIZE,
    Front,
    is_abstract,
    read_front,
    says_venue,
    without_abstract_heading,
)
from arakit.compiler.pdf.furniture import (
    CITE_BOX,
    KEYWORDS_LABEL,
    REFERENCE_FORMAT,
    bibtex_fields,
    YEAR_RE,
    cited_venue,
    furniture,
    journal_citation,
    venue_from_status,
)
from arakit.compiler.pdf.headings import Headings
from arakit.compiler.pdf.paragraphs import dehyphenate, reading_text
from arakit.compiler.pdf.names import affiliation_like
from arakit.compiler.pdf.people import AUTHOR_NOTE, affiliation_text
from arakit.compiler.pdf.tables.captions import caption_label


MAX_NOTES = 40


def read_opening(
    doc: Document,
    lines: list[Line],
    headings: Headings,
    extra: list[Line],
    running: list[str],
    vocab: Counter[str],
) -> list[Line]:
    """Title, authors, affiliations, venue, year, abstract and keywords from the first page
    with text (page 1 may be a cover image or damaged); returns the lines of the body."""
    page = lines[0].page
    on_page = [k for k, ln in enumerate(lines) if ln.page == page]
    end = next(
        (
            k
            for k in on_page
            if is_abstract(lines[k], headings.body)
            or (
                headings.strict(lines[k])
                and not _dated(lines[k])
                and not _numbered_address(lines[k])
                and not AUTHOR_NOTE.match(lines[k].text)  # a title-page note, not the text
            )
        ),
        on_page[-1] + 1,
    )
    beside = _beside(lines, on_page, end)
    front, used = read_front(lines, headings.body, end, extra, running, beside)
    rest = _read_rest(doc, lines, headings, vocab, front, used, on_page, end)
    moved = {id(lines[j]) for j in beside}
    return [ln for ln in rest if id(ln) not in moved]


# the labels of a structured abstract (OUP, Elsevier, medical journals): "Motivation: ...
# Results: ... Availability and Implementation: ..."
_LABEL = re.compile(
    r"\b(?P<label>Motivation|Background|Objectives?|Aims?|Purpose|Methods?|Results?|Findings|"
    r"Conclusions?|Significance|Availability(?: and [Ii]mplementation)?|Contact|"
    r"Supplementary [Ii]nformation)[.:]\s+"
)
MIN_LABELS = 2


# a section before the body that holds the abstract: its heading alone ("Abstract",
# "Summary"), not "Graphical abstract" or "Abstract art"
_ABSTRACT_TITLE = re.compile(r"^\W*(?:abstract|summary)\W*$", re.I)
BEFORE_BODY = 3  # the abstract section stands among the first few sections


def abstract_after_notes(doc: Document) -> None:
    """The abstract of a manuscript that prints it after pages of notes (a keywords page, a
    graphical abstract): no abstract was found under the title, and one of the first
    sections is headed "Abstract" — its text is the abstract, and it is no section."""
    if doc.abstract:
        return
    for k, sec in enumerate(doc.sections[:BEFORE_BODY]):
        if _ABSTRACT_TITLE.match(sec.title) and sec.paragraphs:
            doc.abstract = unlabelled(" ".join(p.text for p in sec.paragraphs))
            del doc.sections[k]
            return


def unlabelled(abstract: str) -> str:
    """A structured abstract without its labels, which head its parts and are no words of
    them; a label the reading order set inside a line ("to look Motivation. for") goes too.
    An abstract with fewer than MIN_LABELS different labels is left as it is."""
    found = [m for m in _LABEL.finditer(abstract) if _labels_here(abstract, m)]
    if len({m.group("label").split()[0].lower() for m in found}) < MIN_LABELS:
        return abstract
    out = abstract
    for m in reversed(found):
        out = out[: m.start()] + out[m.end() :]
    return " ".join(out.split())


def _labels_here(text: str, m: re.Match[str]) -> bool:
    """The label opens a part (at the start or after a sentence) or sits inside a line
    before a lower-case word (where the reading order put a label set in another font)."""
    before = text[: m.start()].rstrip()
    after = text[m.end() : m.end() + 1]
    return not before or before[-1] in ".!?" or after.islower()


def _numbered_address(line: Line) -> bool:
    """An affiliation numbered by its mark ("1 Graduate Group in Biostatistics, University of
    California, Berkeley, 94720, USA"), set larger than a small body type: part of the front
    matter, never the first section's heading."""
    text = line.text.strip()
    return "," in text and affiliation_like(re.sub(r"^\d+\s+", "", text))


def _dated(line: Line) -> bool:
    """A date line under the title (pandoc and JOSS drafts print one in large type): part
    of the front matter, never the heading that ends it."""
    kind = furniture(line.text)
    return kind is not None and kind.kind == "date"


def _beside(lines: list[Line], on_page: list[int], end: int) -> tuple[int, ...]:
    """Lines of the other column printed level with the front matter's side blocks: when
    author blocks stand side by side over a two-column body, the reading order puts the
    second block after the whole first column. They are the lines at the top of the other
    column whose baselines lie within the span of the first column's front lines."""
    side = [k for k in on_page if k < end and lines[k].column in ("left", "right")]
    if not side or end > on_page[-1] or any(_wordy(lines[k]) for k in side):
        return ()  # no side block, or running text (an unheaded abstract) beside the body
    column = lines[side[0]].column
    top = min(lines[k].y0 for k in side) - 2.0
    bottom = max(lines[k].y1 for k in side) + 2.0
    other = sorted(
        (k for k in on_page if k > end and lines[k].column not in (column, "full")),
        key=lambda k: lines[k].y0,
    )
    out = []
    for k in other:
        if not (top <= lines[k].y0 and lines[k].y1 <= bottom) or _wordy(lines[k]):
            break
        out.append(k)
    return tuple(out)


def _wordy(line: Line) -> bool:
    """A line of running text rather than a name, an affiliation or an address."""
    return len(line.text.split()) > 10


def _read_rest(
    doc: Document,
    lines: list[Line],
    headings: Headings,
    vocab: Counter[str],
    front: Front,
    used: set[int],
    on_page: list[int],
    end: int,
) -> list[Line]:
    """The abstract, keywords and citation box after the front matter; returns the lines of
    the body."""
    page = lines[0].page
    doc.title, doc.authors, doc.affiliations = front.title, front.authors, front.affiliations
    doc.venue, doc.year, doc.status = front.venue, front.year, front.status
    doc.arxiv, doc.doi = front.arxiv, front.doi
    doc.furniture = [f.text for f in front.furniture]
    k = end
    again = _title_again(lines, k, doc.title) if end == on_page[-1] + 1 else 0
    if k < len(lines) and (is_abstract(lines[k], headings.body) or again):
        text = "" if again else without_abstract_heading(reading_text(lines[k]))
        parts = [text] if text else []
        k += again or 1
        last = lines[k - 1].page
        aside: tuple[int, float] | None = None  # (page, size) of a footnote set aside
        while k < len(lines) and not headings(lines[k], False, ""):
            if again and lines[k].page != last:
                break  # an abstract page under the title ends with its page
            if aside and lines[k].page == aside[0] and abs(lines[k].size - aside[1]) < SAME_SIZE:
                k += 1  # the footnote's further lines ("roland.aydin@... (Roland C. Aydin)")
                continue
            kind = furniture(lines[k].text)
            if CITE_BOX.match(lines[k].text) or kind:
                if not _breaks_off(parts, kind.kind if kind else "", lines, k):
                    break
                if lines[k].size < lines[k - 1].size - SAME_SIZE:  # set smaller than the text
                    aside = (lines[k].page, lines[k].size)
                k += 1  # a footnote under an abstract that goes on overleaf
                continue
            if caption_label(lines[k].text) and parts and re.search(r"[.!?]\s*$", parts[-1]):
                break  # a figure's caption after the abstract (JOSS: "Summary", a figure)
            if _affiliation_note(lines[k]):
                note = affiliation_text(re.sub(r"^(\d{1,2})(?=[A-Z])", r"\1 ", lines[k].text))
                if len(doc.affiliations) < MAX_NOTES and note not in doc.affiliations:
                    doc.affiliations.append(note)
                k += 1  # an affiliation footnote set under the heading (AASTeX)
                continue
            parts.append(reading_text(lines[k]))
            k += 1
        doc.abstract = unlabelled(dehyphenate(parts, vocab))
    while k < len(lines) and lines[k].page <= page + 1 and (kw := furniture(lines[k].text)):
        if kw.kind == "keywords":
            doc.keywords, k = _keywords(lines, k, headings)
            continue
        if kw.kind == "citebox":
            k = _cite_box(doc, lines, k, headings)
            continue
        doc.furniture.append(kw.text)
        k += 1
    _reference_format(doc, lines[k:], headings)
    _first_page_venue(doc, lines[k:], headings.body)
    head = [ln for j, ln in enumerate(lines[:end]) if j not in used and j in set(on_page)]
    if not doc.abstract and doc.title:
        # before the first heading or the page's end (REVTeX, PNAS: no "Abstract" heading)
        block = _unheaded_abstract(head, headings.body)
        if block:
            doc.abstract = dehyphenate([reading_text(ln) for ln in block], vocab)
            return [ln for ln in head if not any(ln is b for b in block)] + lines[k:]
    if not doc.abstract and end == on_page[-1] + 1:
        return [*head, *lines[k:]]
    if not doc.abstract:  # a note without an abstract: its text runs from the authors on
        prose = [ln for ln in head if not ln.bold and abs(ln.size - headings.body) < 0.4]
        return [*prose, *lines[k:]]
    return lines[k:]


def _title_again(lines: list[Line], k: int, title: str) -> int:
    """How many lines from `k` repeat the title at the top of the page after a title page
    (a thesis prints its abstract under the title, often in capitals, with no "Abstract"
    heading); 0 when they do not."""
    want = " ".join(title.split()).casefold()
    if not want or k >= len(lines):
        return 0
    text = ""
    for n, ln in enumerate(lines[k : k + 4], start=1):
        if ln.page != lines[k].page:
            break
        text = _join_broken(text, " ".join(ln.text.split()))
        if text.casefold() == want:
            return n
        if not want.startswith(text.casefold()):
            break
    return 0


def _join_broken(text: str, more: str) -> str:
    if not text:
        return more
    if text.endswith("-") and text[-2:-1].isalpha() and more[:1].islower():
        return text[:-1] + more
    return f"{text} {more}"


def _cite_box(doc: Document, lines: list[Line], k: int, headings: Headings) -> int:
    """A box asking readers to cite the paper (with BibTeX): its venue and year are the
    paper's own; the box is furniture up to the next heading. Returns where it ends."""
    start = k
    while (
        k < len(lines)
        and not headings.strict(lines[k])
        and not is_abstract(lines[k], headings.body)
    ):
        k += 1
    fields = bibtex_fields(" ".join(ln.text for ln in lines[start:k]))
    doc.venue = fields.get("journal") or fields.get("booktitle") or doc.venue
    doc.year = fields.get("year") or doc.year
    doc.doi = doc.doi or fields.get("doi", "")
    doc.furniture.append(lines[start].text)
    return k


REFERENCE_LINES = 8  # a reference runs over a few lines of a column


def _reference_format(doc: Document, lines: list[Line], headings: Headings) -> None:
    """The reference a publisher prints on the first page for citing the paper ("ACM
    Reference Format:" over "Authors. 2020. Title. In Proceedings of ..."): its venue and
    year are the paper's own, as a citation box's are. `lines` run from the end of the
    opening; only the first page's are read."""
    page = lines[0].page if lines else 0
    for j, ln in enumerate(lines):
        if ln.page != page:
            return
        m = REFERENCE_FORMAT.match(ln.text.strip())
        if not m:
            continue
        text = ln.text.strip()[m.end() :].strip()
        for more in lines[j + 1 : j + 1 + REFERENCE_LINES]:
            if more.page != page or headings.strict(more):
                break
            nxt = more.text.strip()
            if text.endswith("-") and text[-2:-1].isalpha():
                text = text[:-1] + nxt if nxt[:1].islower() else text + nxt  # "Charac-terizing"
            else:
                text = f"{text} {nxt}".strip()
        venue, year = cited_venue(text, doc.title)
        doc.venue, doc.year = venue or doc.venue, year or doc.year
        return


FOOT_WORDS = 20  # a footer's statement is short: a status, a journal, a date


def _first_page_venue(doc: Document, lines: list[Line], body: float) -> None:
    """The venue a first page prints below its front matter when the front matter named
    none: a journal's citation line ("Journal of Hydrology 590 (2020) 125432") or a
    footer's statement of where the paper went ("Preprint submitted to X  March 21,
    2021"), set smaller than the text or at the page's foot; the year it prints too."""
    page = lines[0].page if lines else 0
    mine = [ln for ln in lines if ln.page == page]
    for ln in mine:
        if doc.venue:
            return
        text = " ".join(ln.text.split())
        kind = furniture(text)
        foot = ln.size < body - 0.5 or all(o.y0 <= ln.y0 for o in mine)
        if kind is None or not foot or len(text.split()) > FOOT_WORDS:
            continue
        if kind.kind == "venue" and journal_citation(text):
            doc.venue = journal_citation(text)
        elif kind.kind == "status" and says_venue(text):
            doc.venue = venue_from_status(text)
        else:
            continue
        year = YEAR_RE.search(text)
        doc.year = doc.year or (year.group(1) if year else "")


def _keywords(lines: list[Line], k: int, headings: Headings) -> tuple[list[str], int]:
    """The keywords the paper lists, and where the lines after them begin."""
    text = re.sub(KEYWORDS_LABEL + r"\s*[:.—–-]?\s*", "", lines[k].text, flags=re.I)
    j = k + 1
    while j < len(lines) and lines[j].page == lines[k].page and not headings.strict(lines[j]):
        if abs(lines[j].y0 - lines[j - 1].y1) > lines[j].size or furniture(lines[j].text):
            break
        nxt = lines[j].text.strip()
        broken = text.endswith("-") and text[-2:-1].isalpha() and nxt[:1].islower()
        text = text[:-1] + nxt if broken else f"{text} {nxt}"  # `Young star clus-` / `ters`
        j += 1
    words = [w.strip(" .") for w in re.split(r"\s*[,;·—]\s*|\s+-\s+", text) if w.strip(" .")]
    return words, j


def _affiliation_note(line: Line) -> bool:
    """A numbered affiliation line ("1American Museum of Natural History, ..."): a mark
    glued to a capitalised institution or address, never a sentence of the abstract."""
    text = line.text.strip()
    return (
        bool(re.match(r"^\d{1,2}\s?(?=[A-Z])", text))
        and affiliation_like(text)
        and not (text.rstrip().endswith(".") and len(text.split()) > 14)
    )


def _unheaded_abstract(head: list[Line], body: float) -> list[Line]:
    """An abstract printed without a heading (PNAS, some magazines): the first run of
    lines after the front matter set in one style that differs from the body's (bold, or
    another size), long enough to be a paragraph and ending a sentence. Empty when the
    first page has no such block — the body then starts right after the authors."""
    k = next((j for j, ln in enumerate(head) if len(ln.text.split()) >= 6), None)
    if k is None:
        return []
    first = head[k]
    if not first.bold and abs(first.size - body) < 0.4:
        return []  # set like the body: nothing marks it off as an abstract
    if caption_label(first.text) or furniture(first.text):
        return []  # a teaser figure's caption, a licence block
    run = [first]
    for ln in head[k + 1 :]:
        if ln.column != first.column and first.column != "full":
            continue  # a sidebar beside the abstract (a significance statement)
        if ln.bold != first.bold or abs(ln.size - first.size) >= 0.3:
            if ln.column == first.column:
                break
            continue
        run.append(ln)
    words = sum(len(ln.text.split()) for ln in run)
    return run if len(run) >= 3 and words >= 40 and run[-1].text.rstrip().endswith(".") else []


def _breaks_off(parts: list[str], kind: str, lines: list[Line], k: int) -> bool:
    """True when the abstract stops mid-sentence at a first-page footnote (a corresponding
    author, an e-mail, a licence line) and the text goes on on the next page: the
    footnote is set aside and the abstract read on."""
    if kind not in ("contact", "rights", "date") or not parts:
        return False
    if re.search(r"[.!?]\s*$", parts[-1]):
        return False
    page = lines[k].page
    nxt = next((ln for ln in lines[k + 1 :] if ln.page != page), None)
    return nxt is not None and nxt.text[:1].islower()


# the page an Elsevier manuscript (elsarticle's highlights environment) and some other
# journals' submissions print before the title page: "Highlights" over the title, the
# authors and a few bullet points of the findings
_HIGHLIGHTS = re.compile(r"^\W*(?:research )?highlights\W*$", re.I)
_BULLET = re.compile(r"^\s*[•●▪◦‣∙·-]\s+")


def highlights_page(lines: list[Line]) -> tuple[int, list[str]]:
    """(page, highlights) when the first page with text opens with a "Highlights" label
    and lists bullet points under it, read before a title page that follows it: each point
    in its words, broken lines joined; (0, []) otherwise."""
    if not lines or not _HIGHLIGHTS.match(lines[0].text):
        return 0, []
    page = lines[0].page
    if not any(ln.page > page for ln in lines):
        return 0, []  # a one-page text headed "Highlights" is no page before the paper
    points: list[list[str]] = []
    for ln in lines:
        if ln.page != page:
            break
        if _BULLET.match(ln.text):
            points.append([_BULLET.sub("", ln.text)])
        elif points:
            points[-1].append(ln.text)
    return (page, [dehyphenate(p) for p in points]) if points else (0, [])
