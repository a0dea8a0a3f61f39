"""From ordered lines to a Document: title, authors, abstract, sections, paragraphs,
captions, equations, tables and the reference list."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from arakit.compiler.pdf.document import (
    DocFigure,
    DocSection,
    DocTable,
    Document,
    Equation,
    Line,
    Paragraph,
)
from arakit.compiler.pdf.front import is_abstract, read_front
from arakit.compiler.pdf.furniture import CITE_BOX, bibtex_fields, furniture
from arakit.compiler.pdf.layout import Layout, read_layout
from arakit.compiler.pdf.tables import RawTable
from arakit.compiler.pdf.references import parse_reference, split_entries

_NUMBERED_RE = re.compile(r"^(\d+(?:\.\d+){0,3})\.?\s+([A-Z].{1,120})$")
_APPENDIX_RE = re.compile(r"^(?:Appendix\s+)?([A-H](?:\.\d+){0,2})[.:]?\s+([A-Z].{1,120})$")
_NAMED = ("references", "bibliography", "acknowledgments", "acknowledgements", "appendix")
_CAPTION_RE = re.compile(r"^(Table|Figure|Fig\.)\s+(\d+|[A-Z]\d+)\s*[:.]\s+(\S.*)$")
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
    lines = layout.lines
    if not lines:
        return doc
    sizes: Counter[float] = Counter()
    for ln in lines:
        sizes[ln.size] += len(ln.text)  # the body size is the size most characters are set in
    body = sizes.most_common(1)[0][0]
    rest = _front(doc, lines, body, [*layout.margins, *layout.stamps], layout.running)
    _body(doc, rest, body)
    _attach_tables(doc, layout.tables, lines)
    return doc


def _front(
    doc: Document, lines: list[Line], body: float, extra: list[Line], running: list[str]
) -> list[Line]:
    """Title, authors, affiliations, venue, year and abstract from the first page with
    text (page 1 may be a cover image or damaged); returns the lines of the body."""
    page = lines[0].page
    on_page = [k for k, ln in enumerate(lines) if ln.page == page]
    end = next(
        (k for k in on_page if is_abstract(lines[k]) or _heading(lines[k], body, False)),
        on_page[-1] + 1,
    )
    front, used = read_front(lines, body, end, extra, running)
    doc.title, doc.authors, doc.affiliations = front.title, front.authors, front.affiliations
    doc.venue, doc.year, doc.status = front.venue, front.year, front.status
    doc.arxiv, doc.doi = front.arxiv, front.doi
    doc.furniture = [f.text for f in front.furniture]
    k = end
    if k < len(lines) and is_abstract(lines[k]):
        text = re.sub(r"^(?:a\s?bstract|summary)[.:—–-]?\s*", "", lines[k].text, flags=re.I)
        parts = [text] if text else []
        k += 1
        while k < len(lines) and not _heading(lines[k], body, False):
            if _front_furniture(lines[k]) or furniture(lines[k].text):
                break
            parts.append(lines[k].text)
            k += 1
        doc.abstract = dehyphenate(parts)
    while k < len(lines) and lines[k].page == page and (kw := furniture(lines[k].text)):
        if kw.kind == "keywords":
            doc.keywords = _keywords(lines, k, body)
        elif kw.kind == "citebox":
            k = _cite_box(doc, lines, k, body)
            continue
        doc.furniture.append(kw.text)
        k += 1
    head = [ln for j, ln in enumerate(lines[:end]) if j not in used and j in set(on_page)]
    return [*head, *lines[k:]] if not doc.abstract and end == on_page[-1] + 1 else lines[k:]


def _cite_box(doc: Document, lines: list[Line], k: int, body: float) -> int:
    """A box asking readers to cite the paper (with BibTeX): its venue and year are the
    paper's own; the box is furniture up to the next heading. Returns where it ends."""
    start = k
    while k < len(lines) and not _heading(lines[k], body, False) and not is_abstract(lines[k]):
        k += 1
    fields = bibtex_fields(" ".join(ln.text for ln in lines[start:k]))
    doc.venue = fields.get("journal") or fields.get("booktitle") or doc.venue
    doc.year = fields.get("year") or doc.year
    doc.doi = doc.doi or fields.get("doi", "")
    doc.furniture.append(lines[start].text)
    return k


def _front_furniture(ln: Line) -> bool:
    return bool(CITE_BOX.match(ln.text))


def _keywords(lines: list[Line], k: int, body: float) -> list[str]:
    text = re.sub(
        r"^(?:keywords?|key words|index terms)\s*[:.—–-]?\s*", "", lines[k].text, flags=re.I
    )
    j = k + 1
    while j < len(lines) and lines[j].page == lines[k].page and not _heading(lines[j], body, False):
        if abs(lines[j].y0 - lines[j - 1].y1) > lines[j].size or furniture(lines[j].text):
            break
        text += " " + lines[j].text
        j += 1
    return [w.strip(" .") for w in re.split(r"\s*[,;·—]\s*|\s+-\s+", text) if w.strip(" .")]


def _heading(ln: Line, body: float, in_appendix: bool) -> tuple[str, str] | None:
    """(number, title) when the line is a section heading."""
    if not (ln.bold or ln.size > body + 0.5):
        return None
    text = ln.text.strip()
    if text.lower().rstrip(":") in _NAMED:
        return "", text
    m = _NUMBERED_RE.match(text)
    if m and not text.rstrip().endswith((",", ";")):
        return m.group(1), m.group(2).strip()
    if in_appendix:
        m = _APPENDIX_RE.match(text)
        if m:
            return m.group(1), m.group(2).strip()
    if text.lower().startswith("appendix"):
        m = _APPENDIX_RE.match(text)
        return (m.group(1), m.group(2).strip()) if m else ("", text)
    return None


def _body(doc: Document, lines: list[Line], body: float) -> None:
    current = DocSection(number="", title="", level=0, page=lines[0].page if lines else 1)
    in_refs = in_appendix = False
    ref_lines: list[str] = []
    buf: list[Line] = []
    k = 0

    def flush() -> None:
        if buf:
            current.paragraphs.append(
                Paragraph(dehyphenate([b.text for b in buf]), buf[0].page, current.number)
            )
            buf.clear()

    while k < len(lines):
        ln = lines[k]
        head = _heading(ln, body, in_appendix or in_refs)
        if head is not None:
            flush()
            number, title = head
            low = title.lower()
            if low.startswith("appendix"):
                in_appendix, in_refs = True, False
            if low in ("references", "bibliography"):
                in_refs = True
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
            k += 1
            continue
        if in_refs:
            ref_lines.append(ln.text)
            k += 1
            continue
        cap = _CAPTION_RE.match(ln.text)
        if cap:
            flush()
            text, k = _caption(lines, k)
            num = cap.group(2)
            if any(t.number == num for t in doc.tables) and cap.group(1) == "Table":
                continue
            if cap.group(1) == "Table":
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
        if buf and _breaks(buf[-1], ln):
            flush()
        buf.append(ln)
        k += 1
    flush()
    doc.references = [parse_reference(key, text) for key, text in split_entries(ref_lines)]
    if not doc.sections and current.paragraphs:
        doc.sections.append(current)


def _caption(lines: list[Line], k: int) -> tuple[str, int]:
    m = _CAPTION_RE.match(lines[k].text)
    assert m is not None
    parts = [m.group(3)]
    first = lines[k]
    k += 1
    while (
        k < len(lines)
        and not parts[-1].rstrip().endswith(".")
        and lines[k].page == first.page
        and lines[k].column == first.column
        and 0 <= lines[k].y0 - lines[k - 1].y1 < first.size
        and not _CAPTION_RE.match(lines[k].text)
    ):
        parts.append(lines[k].text)
        k += 1
    return dehyphenate(parts), k


def _breaks(prev: Line, ln: Line) -> bool:
    """A new paragraph: a column or page change after a full stop, or a wide vertical gap."""
    if ln.page != prev.page or ln.column != prev.column:
        return prev.text.rstrip().endswith((".", ":")) and ln.x0 > prev.x0 + 4
    gap = ln.y0 - prev.y1
    return gap > 0.6 * prev.size or (gap >= 0 and ln.x0 > prev.x0 + 6)


def dehyphenate(parts: list[str]) -> str:
    """Join lines; a word broken with a hyphen at a line end is joined back together."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if len(out) > 1 and out.endswith("-") and out[-2].isalpha() and p[:1].islower():
            out = out[:-1] + p
        else:
            out = f"{out} {p}" if out else p
    return out


def _attach_tables(doc: Document, raws: list[RawTable], lines: list[Line]) -> None:
    """Give each captioned table the ruled table nearest its caption on the same page."""
    captions = {
        (m.group(2), ln.page): ln
        for ln in lines
        if (m := _CAPTION_RE.match(ln.text)) and m.group(1) == "Table"
    }
    free = list(raws)
    for t in doc.tables:
        cap = captions.get((t.number, t.page))
        candidates = [r for r in free if r.page == t.page]
        if not candidates or cap is None:
            continue
        best = min(candidates, key=lambda r: min(abs(r.bbox[1] - cap.y1), abs(cap.y0 - r.bbox[3])))
        free.remove(best)
        t.header, t.rows = best.cells[0], best.cells[1:]
