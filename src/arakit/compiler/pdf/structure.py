"""From ordered lines to a Document: title, authors, abstract, sections, paragraphs,
captions, equations, tables and the reference list."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

from arakit.compiler.pdf.contents import chapter_heading, contents_pages
from arakit.compiler.pdf.document import (
    DocFigure,
    DocSection,
    DocTable,
    Document,
    Equation,
    Line,
    Paragraph,
)
from arakit.compiler.pdf.figures import FigureReading
from arakit.compiler.pdf.furniture import CITE_BOX, YEAR_RE, furniture
from arakit.compiler.pdf.front import footnote_venue
from arakit.compiler.pdf.headings import Headings
from arakit.compiler.pdf.layout import Layout, read_layout
from arakit.compiler.pdf.opening import abstract_after_notes, highlights_page, read_opening
from arakit.compiler.pdf.paragraphs import (
    breaks,
    usual_gap,
    dehyphenate,
    footnote_start,
    reading_text,
    take_marks,
    vocabulary,
)
from arakit.compiler.pdf.listings import code_lines
from arakit.compiler.pdf.references import entries_from_lines, parse_references
from arakit.compiler.pdf.tables import RawTable, flat_header
from arakit.compiler.pdf.tables.captions import Label, caption_label
from arakit.compiler.text import is_references_title

__all__ = ["build_document", "dehyphenate", "read_document"]
_EQ_NUM_RE = re.compile(r"\((\d+)\)\s*$")
_MATH_CHARS = set("=+−∑∏∫≤≥≈∈αβγδεθλμσφψω^_·×/")


def read_document(path: str | Path) -> Document:
    """Read a PDF into a Document (raises SourceError when the file is not a readable PDF)."""
    p = Path(path)
    layout = read_layout(p)
    return build_document(layout, str(p))


def build_document(layout: Layout, path: str) -> Document:
    """Assemble the Document from lines in reading order."""
    doc = Document(
        path=path,
        pages=layout.pages,
        running=layout.running,
        metadata=layout.metadata,
        damage=layout.damage,
    )
    listed = contents_pages(layout.lines)  # a table of contents repeats the headings
    lines = [ln for ln in layout.lines if ln.page not in listed]
    # a page of highlights before the title page: its points are a box of findings
    before, points = highlights_page(lines)
    lines = [ln for ln in lines if ln.page != before]
    if not lines:
        return doc
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)  # the body size is the size most characters are set in
    body = sizes.most_common(1)[0][0]
    headings = Headings(lines, body)
    vocab = vocabulary(lines)
    extra = [*layout.margins, *layout.stamps]
    rest = read_opening(doc, lines, headings, extra, layout.running, vocab)
    _body(doc, rest, headings, vocab)
    abstract_after_notes(doc)
    doc.sidebars = [dehyphenate([ln.text for ln in box], vocab) for box in layout.boxes if box]
    doc.sidebar_pages = [box[0].page for box in layout.boxes if box]
    if points:
        doc.sidebars.append("Highlights: " + " ".join(p.rstrip() for p in points))
        doc.sidebar_pages.append(before)
    _attach_tables(doc, layout.tables)
    _attach_figures(doc, layout.figures)
    doc.code = code_lines(lines)
    return doc


def _body(doc: Document, lines: list[Line], headings: Headings, vocab: Counter[str]) -> None:
    current = DocSection(number="", title="", level=0, page=lines[0].page if lines else 1)
    in_refs = in_appendix = False
    lettered = False  # the appendix began at a bare "A. Title" heading
    refs_from = 0  # how many reference lines there were when the references heading came
    ref_lines: list[Line] = []
    buf: list[Line] = []
    k = 0
    leading = usual_gap(lines, headings.body)

    def flush() -> None:
        if buf:
            text, marks = take_marks(dehyphenate([reading_text(b, True) for b in buf], vocab))
            turns = [
                (b.page, " ".join(reading_text(b).split()[1:5]))
                for a, b in pairwise(buf)
                if b.page != a.page
            ]
            current.paragraphs.append(Paragraph(text, buf[0].page, current.number, turns, marks))
            buf.clear()

    while k < len(lines):
        ln = lines[k]
        if not in_refs and footnote_start(ln, headings.body):
            flush()
            k = _footnote(doc, lines, k, headings.body, vocab)
            continue
        if ln.page == lines[0].page and CITE_BOX.match(ln.text):
            flush()
            k = _skip_cite_box(doc, lines, k, headings)
            continue
        kind = furniture(ln.text) if ln.page == lines[0].page else None
        if kind is not None and kind.kind == "status" and _page_foot(lines, k, headings.body):
            doc.furniture.append(ln.text)  # "Preprint. Under review.": the template's footer
            k += 1
            continue
        if kind is not None and kind.kind in ("contact", "rights", "typeset", "arxiv", "venue"):
            flush()  # a corresponding-author note, a licence or permission block, a venue line
            k = _furniture_block(doc, lines, k, kind.kind, headings)
            continue
        chapter = chapter_heading(lines, k, headings.body)
        head = chapter[:2] if chapter else headings(ln, in_appendix or in_refs, current.number)
        if head is not None:
            flush()
            if not doc.sections and not current.title and current.paragraphs:
                doc.sections.append(
                    current
                )  # the text before the first heading (a note has no other)
            number, title = head
            low = title.lower()
            if low.startswith("appendix") or number == "A":
                in_appendix, in_refs = True, False
                lettered = number == "A" and not low.startswith("appendix")
            elif lettered and number[:1].isdigit():
                in_appendix = lettered = False  # "A" was a line of a table of contents
            if is_references_title(low):
                in_refs, refs_from = True, len(ref_lines)
            elif in_refs and len(ref_lines) == refs_from:
                in_refs = False  # a heading right after it: a table of contents, not the list
            elif in_refs and number:
                in_refs, in_appendix = False, True
            current = DocSection(
                number=number,
                title=title,
                level=number.count(".") + 1 if number else 1,
                page=ln.page,
                appendix=in_appendix or bool(re.match(r"^[A-H]", number)),
            )
            if not (current.title.lower().startswith("appendix") and not current.number):
                doc.sections.append(current)
            k += chapter[2] if chapter else 1
            continue
        if in_refs and not _caption_start(ln.text):
            ref_lines.append(ln)
            k += 1
            continue
        if in_refs:
            # a journal submission sets its figure legends and tables after the references:
            # what follows is back matter, no longer the reference list
            in_refs, in_appendix = False, True
            current = DocSection("", "Back matter", 1, ln.page, appendix=True)
            doc.sections.append(current)
        cap = _caption_start(ln.text) or _label_beside(lines, k)
        if cap and buf and _runs_on(buf[-1], ln):
            cap = None  # `… shown in the right-hand panel of` / `Figure 4. In this figure, …`
        if cap:
            flush()
            text, k = _caption(lines, k, cap, headings.body)
            num = cap.number
            if any(t.number == num for t in doc.tables) and cap.kind == "table":
                continue
            if cap.kind == "table":
                doc.tables.append(DocTable(num, text, [], [], ln.page, current.number))
            else:
                doc.figures.append(DocFigure(num, text, ln.page, current.number))
            continue
        eq = _EQ_NUM_RE.search(ln.text)
        if eq and sum(ch in _MATH_CHARS for ch in ln.text) >= 2:
            flush()
            doc.equations.append(
                Equation(ln.text[: eq.start()].strip(), ln.page, current.number, eq.group(1))
            )
            k += 1
            continue
        if buf and breaks(buf[-1], ln, leading):
            flush()
        buf.append(ln)
        k += 1
    flush()
    doc.references = parse_references(entries_from_lines(ref_lines))
    if not doc.sections and current.paragraphs:
        doc.sections.append(current)


def _footnote(doc: Document, lines: list[Line], k: int, body: float, vocab: Counter[str]) -> int:
    """A footnote at the foot of a page: kept apart from the running text."""
    start = k
    k += 1
    while (
        k < len(lines)
        and lines[k].page == lines[start].page
        and lines[k].size < body - 0.5
        and not footnote_start(lines[k], body)
        and 0 <= lines[k].y0 - lines[k - 1].y1 < 2 * lines[k].size
    ):
        k += 1
    doc.footnotes.append(dehyphenate([ln.text for ln in lines[start:k]], vocab))
    if lines[start].page == 1 and not (doc.venue or doc.status):
        doc.venue = footnote_venue([ln.text for ln in lines[start:k]])  # a template's slot
    return k


def _page_foot(lines: list[Line], k: int, body: float) -> bool:
    """The line stands alone at the foot of its page, set smaller than the body: nothing on
    the page is printed below it."""
    ln = lines[k]
    if ln.size >= body - 0.5 or len(ln.text) > 80:
        return False
    return all(o.y0 <= ln.y0 for o in lines if o.page == ln.page)


def _furniture_block(
    doc: Document, lines: list[Line], k: int, kind: str, headings: Headings
) -> int:
    """A block of first-page furniture (an ACM permission notice, a copyright and venue
    block): its lines set in the same small type, one under the other. The block's venue
    and year are the paper's when the page gave none."""
    start = k
    k += 1
    while (
        k < len(lines)
        and lines[k].page == lines[start].page
        and lines[k].column == lines[start].column
        and abs(lines[k].size - lines[start].size) < 0.3
        and lines[start].size < headings.body
        and 0 <= lines[k].y0 - lines[k - 1].y1 < 1.5 * lines[k].size
        and headings.strict(lines[k]) is None
    ):
        k += 1
    block = [ln.text for ln in lines[start:k]]
    doc.furniture += block
    for text in block:
        said = furniture(text)
        if said is not None and said.kind == "venue" and not doc.venue:
            doc.venue = text.rstrip(".")
        year = (
            YEAR_RE.search(text) if said is not None and said.kind in ("venue", "rights") else None
        )
        if year and not doc.year:
            doc.year = year.group(1)
    return k


def _skip_cite_box(doc: Document, lines: list[Line], k: int, headings: Headings) -> int:
    """A "to cite this work" box inside the first page's text: furniture to the next heading."""
    start = k
    while k < len(lines) and not headings.strict(lines[k]):
        k += 1
    doc.furniture.append(lines[start].text)
    return k


def _caption_start(text: str) -> Label | None:
    """A caption in the running text: its label, the separator, a space and the caption
    (`Figure 3. The residuals …`); a label alone (`TABLE IV`) or run on (`Table 1.5`) is not."""
    label = caption_label(text)
    if label is None or not label.sep or not label.rest[:1].isspace() or not label.rest.strip():
        return None
    return label


def _runs_on(prev: Line, ln: Line) -> bool:
    """True when `ln` goes on with the sentence of the line above it: same page and type,
    set right under it, and the line above ends mid-sentence."""
    return (
        prev.page == ln.page
        and abs(prev.size - ln.size) < 0.3
        and 0 <= ln.y0 - prev.y1 < ln.size
        and not prev.text.rstrip().endswith((".", ":", "!", "?"))
    )


def _label_beside(lines: list[Line], k: int) -> Label | None:
    """A caption label set apart from its caption on the same baseline (`Figure 1.`, a
    wide space, `Left: Color–color training diagram …`), as AASTeX sets it."""
    label = caption_label(lines[k].text)
    if label is None or not label.sep or label.rest.strip() or k + 1 >= len(lines):
        return None
    ln, nxt = lines[k], lines[k + 1]
    beside = nxt.page == ln.page and abs(nxt.base - ln.base) < 1.0 and nxt.x0 > ln.x1
    return label if beside and not caption_label(nxt.text) else None


def _caption(lines: list[Line], k: int, label: Label, body: float) -> tuple[str, int]:
    """The caption's text and the index of the line after it. A caption runs on until a
    line ends a sentence, or, when it is set in its own type size, while the lines below
    keep that size (a caption of several sentences)."""
    if label.rest.strip():
        parts = [label.rest.strip()]
    else:  # the caption stands beside its label
        k += 1
        parts = [lines[k].text]
    first = lines[k]
    own_size = abs(first.size - body) > 0.3
    k += 1
    while (
        k < len(lines)
        and (
            not parts[-1].rstrip().endswith(".")
            or (own_size and abs(lines[k].size - first.size) < 0.3)
        )
        and lines[k].page == first.page
        and lines[k].column == first.column
        and 0 <= lines[k].y0 - lines[k - 1].y1 < first.size
        and not _caption_start(lines[k].text)
    ):
        parts.append(lines[k].text)
        k += 1
    return dehyphenate(parts), k


def _attach_figures(doc: Document, readings: list[FigureReading]) -> None:
    """Give each plot the axes and labels read off it (same number, same page)."""
    by = {(r.number, r.page): r for r in readings if r.readable}
    for f in doc.figures:
        r = by.get((f.number, f.page))
        if r is None:
            continue
        f.axes = r.axes
        f.labels = (
            [(t, "x-axis tick") for t in r.x_ticks]
            + [(t, "y-axis tick") for t in r.y_ticks]
            + [(t, "other label") for t in r.labels]
        )


def _attach_tables(doc: Document, raws: list[RawTable]) -> None:
    """Give each captioned table the cells read from the region its caption labels (same
    number; a region read before one that was not, then the same page first: a sentence
    that opens a line with "Table 3.1. We derived ..." pages before the table is no caption
    of it); a table caption the running text did not show is added."""
    free = list(raws)
    for t in doc.tables:
        same = [r for r in free if r.number == t.number]
        if not same:
            continue
        raw = min(same, key=lambda r: (r.check is None, r.page != t.page, abs(r.page - t.page)))
        free.remove(raw)
        if raw.check is not None:
            t.page = raw.page
        _fill(t, raw)
    for raw in free:
        if any(t.number == raw.number for t in doc.tables):
            continue
        t = DocTable(raw.number, raw.caption, [], [], raw.page, _section_at(doc, raw.page))
        _fill(t, raw)
        doc.tables.append(t)
    doc.tables.sort(key=lambda t: t.page)


def _fill(t: DocTable, raw: RawTable) -> None:
    t.caption = raw.caption or t.caption  # read glyph by glyph: scripts and drawn `_` kept
    if raw.check is None:
        return
    t.header_rows = [list(r) for r in raw.header]
    t.header = flat_header(raw.header)
    t.rows = [list(r) for r in raw.rows]
    t.check = raw.check


def _section_at(doc: Document, page: int) -> str:
    number = ""
    for s in doc.sections:
        if s.page <= page:
            number = s.number
    return number
