"""From PDF pages to lines in reading order: two columns, running headers and footers
removed, ligatures expanded; the tables found on each page (see `tables/`) kept apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from arakit.compiler.errors import SourceError
from arakit.compiler.pdf.boxes import sidebar_boxes
from arakit.compiler.pdf.boxes import within as _inside_box
from arakit.compiler.pdf.chars import clean_span, compose_accents, span_text
from arakit.compiler.pdf.document import Line
from arakit.compiler.pdf.figures import FigureReading
from arakit.compiler.pdf.margins import drop_line_numbers, split_margins
from arakit.compiler.pdf.objects import page_objects
from arakit.compiler.pdf.tables import RawTable

_DIGITS_RE = re.compile(r"\d+")
MARGIN = 0.09  # share of the page height where running headers and footers live


@dataclass
class Layout:
    """Lines in reading order plus the tables found, for one document."""

    lines: list[Line] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    figures: list[FigureReading] = field(default_factory=list)  # labels read off plots
    pages: int = 0
    page_width: float = 0.0
    running: list[str] = field(default_factory=list)  # running header/footer texts removed
    stamps: list[Line] = field(
        default_factory=list
    )  # text set at an angle (margin stamps, watermarks)
    margins: list[Line] = field(default_factory=list)  # text outside the text block (sidebars)
    boxes: list[list[Line]] = field(default_factory=list)  # tinted boxes beside the text
    damage: list[str] = field(default_factory=list)  # what MuPDF had to repair
    metadata: dict[str, str] = field(default_factory=dict)


def open_pdf(path: Path) -> Any:
    """Open a PDF with PyMuPDF; a file that is not a readable PDF is a SourceError."""
    import pymupdf

    if hasattr(pymupdf, "no_recommend_layout"):
        pymupdf.no_recommend_layout()  # it would print an advertisement on stdout
    pymupdf.TOOLS.mupdf_display_errors(False)  # damage is reported once, in the compile report
    pymupdf.TOOLS.mupdf_warnings(reset=True)
    try:
        doc = pymupdf.open(str(path), filetype="pdf")
    except Exception as e:  # PyMuPDF raises its own and plain RuntimeErrors
        raise SourceError(
            str(path),
            f"not a readable PDF ({e})",
            hint="give a PDF file (the paper), not a scan or a damaged download",
        ) from None
    if doc.needs_pass:
        raise SourceError(str(path), "the PDF is encrypted", hint="give an unencrypted copy")
    if doc.page_count == 0:
        raise SourceError(str(path), "the PDF has no pages")
    return doc


def read_layout(path: Path, table_pages: bool = True) -> Layout:
    """Read every page of the PDF into ordered lines and ruled tables.

    A page that MuPDF cannot load or read (a damaged page tree or content stream) makes the
    whole file a SourceError naming the page, rather than a traceback."""
    import pymupdf

    doc = open_pdf(path)
    try:
        return _read_pages(doc, path, table_pages)
    except (RuntimeError, pymupdf.mupdf.FzErrorBase) as e:
        raise SourceError(
            str(path),
            f"the PDF is damaged and a page cannot be read ({e})",
            hint="give an undamaged copy of the paper (re-download or re-export it)",
        ) from None
    finally:
        doc.close()


def _read_pages(doc: Any, path: Path, table_pages: bool) -> Layout:
    out = Layout(pages=doc.page_count)
    per_page: list[list[Line]] = []
    heights: list[float] = []
    for pno, page in enumerate(doc, start=1):
        out.page_width = max(out.page_width, page.rect.width)
        heights.append(page.rect.height)
        found, plots = page_objects(page, pno) if table_pages else ([], [])
        out.tables.extend(found)
        out.figures.extend(plots)
        upright, slanted = _lines(page, pno)
        out.stamps.extend(slanted)
        read = [t for t in found if t.check is not None]  # an unread table keeps its caption
        lines = [ln for ln in upright if not any(_inside(ln, t.bbox) for t in read)]
        lines = [ln for ln in lines if not any(_in_plot(ln, f.bbox) for f in plots if f.readable)]
        lines, outside = split_margins(lines, page.rect, MARGIN)
        for box in sidebar_boxes(page, lines):  # a box may reach past the text block's edge
            inside = [ln for ln in [*lines, *outside] if _inside_box(ln, box)]
            out.boxes.append(sorted(inside, key=lambda ln: (round(ln.base or ln.y1), ln.x0)))
            lines = [ln for ln in lines if not _inside_box(ln, box)]
            outside = [ln for ln in outside if not _inside_box(ln, box)]
        out.margins.extend(outside)
        per_page.append(lines)
    running = _running_lines(per_page, heights)
    out.metadata = {k: str(v) for k, v in (doc.metadata or {}).items() if v}
    for pno, lines in enumerate(per_page, start=1):
        kept = [ln for ln in lines if _key(ln, heights[pno - 1]) not in running]
        if pno == 1:
            out.running = [ln.text for ln in lines if _key(ln, heights[0]) in running]
        out.lines.extend(_reading_order(kept, out.page_width))
    import pymupdf

    out.damage = [w for w in pymupdf.TOOLS.mupdf_warnings(reset=True).splitlines() if w.strip()][:5]
    return out


def _lines(page: Any, pno: int) -> tuple[list[Line], list[Line]]:
    """(horizontal lines, lines set at an angle): margin stamps such as arXiv's and
    watermarks such as DRAFT run at an angle and are never body text."""
    mid = page.rect.width / 2
    lines: list[Line] = []
    slanted: list[Line] = []
    data = page.get_text("dict")
    for block in data.get("blocks", []):
        for ln in block.get("lines", []):
            line = _line(ln, pno, mid)
            if line is None:
                continue
            dx, dy = ln.get("dir", (1.0, 0.0))
            (lines if abs(dy) < 0.05 and dx > 0 else slanted).append(line)
    return _join_baselines(_radicals(_drop_caps(drop_line_numbers(lines))), mid), slanted


_RADICALS = frozenset("√∛∜")


def _radicals(lines: list[Line]) -> list[Line]:
    """A radical sign is drawn from the top of its bar, so PyMuPDF gives it a line of its
    own above the text it belongs to (`Q = 1/` `√` `2 fixed`): it is put on the baseline
    of the line it touches end to end, so the text reads `1/√2`."""
    out = list(lines)
    for k, rad in enumerate(out):
        if not rad.text.strip() or set(rad.text.strip()) - _RADICALS:
            continue
        host = next(
            (
                ln
                for ln in out
                if ln is not rad
                and ln.page == rad.page
                and ln.y0 - 1.0 <= rad.y1 <= ln.y1 + 1.0
                and (abs(ln.x1 - rad.x0) < 1.5 or abs(ln.x0 - rad.x1) < 1.5)
            ),
            None,
        )
        if host is not None:
            out[k] = replace(rad, y0=host.y0, y1=host.y1, base=host.base)
    return out


def _drop_caps(lines: list[Line]) -> list[Line]:
    """A drop cap — a paragraph's first letter set two or three lines tall (PNAS, magazine
    styles) — is put back at the start of the first line beside it ("T" + "he particle
    filter"), so it is never read as a title, a heading or a word of its own."""
    out = list(lines)
    for cap in lines:
        letter = cap.text.strip()
        if len(letter) != 1 or not letter.isalpha():
            continue
        beside = [
            ln
            for ln in out
            if ln is not cap
            and ln.page == cap.page
            and cap.size > 1.8 * ln.size
            and -1.0 <= ln.x0 - cap.x1 <= 1.5 * ln.size
            and ln.y0 >= cap.y0 - 2.0
            and ln.y1 <= cap.y1 + 2.0
        ]
        if not beside:
            continue
        first = min(beside, key=lambda ln: ln.y0)
        k = out.index(first)
        out[k] = replace(
            first,
            text=letter + first.text,
            x0=cap.x0,
            sup=[(a + 1, b + 1) for a, b in first.sup],
            gaps=[(a + 1, x0, x1) for a, x0, x1 in first.gaps],
        )
        out.remove(cap)
    return out


def _join_baselines(lines: list[Line], mid: float) -> list[Line]:
    """Pieces PyMuPDF read as separate lines although printed on one baseline next to each
    other — a section number and its title, a symbol and the word after it — become one
    line. A short piece (a number) may stand a little further off than running words. On
    a page set in two columns no line is joined across the gutter."""
    out: list[Line] = []
    # a page set in two columns of prose: a piece ending at the gutter and one starting after
    # it are in different columns (an equation's number beside the other column's line)
    wide = [ln for ln in lines if ln.x1 - ln.x0 >= 0.6 * mid]  # a column's full lines
    two = sum(ln.x1 <= mid for ln in wide) >= 5 and sum(ln.x0 >= mid for ln in wide) >= 5
    for ln in sorted(lines, key=lambda ln: (round(ln.base or ln.y1), ln.x0)):
        prev = out[-1] if out else None
        if prev is not None and abs((prev.base or prev.y1) - (ln.base or ln.y1)) < 1.0:
            if two and prev.x1 <= mid + 1 and ln.x0 >= mid - 1:
                out.append(ln)
                continue
            gap = ln.x0 - prev.x1
            after_stop = prev.text.endswith((".", ";", ":", ",", ")"))
            factor = 1.6 if len(prev.text) <= 8 else (1.0 if after_stop else 0.6)
            reach = factor * max(prev.size, ln.size)
            if -1.0 <= gap <= reach:
                touch = gap < 0.5 and (prev.text[-1:] in _RADICALS or ln.text[:1] in _RADICALS)
                joined = join_lines(prev, ln, "" if touch else " ")
                joined.column = _column(joined.x0, joined.x1, mid)
                out[-1] = joined
                continue
        out.append(ln)
    return out


def _column(x0: float, x1: float, mid: float) -> str:
    return "full" if x0 < mid - 8 and x1 > mid + 8 else ("left" if x1 <= mid + 8 else "right")


def _line(ln: dict[str, Any], pno: int, mid: float) -> Line | None:
    """One PyMuPDF line: span text cleaned, superscript ranges kept, baseline and font."""
    spans = [s for s in ln.get("spans", []) if s.get("text", "")]
    inked = [s for s in spans if s["text"].strip()]
    if not inked:
        return None
    top = max(s.get("size", 0.0) for s in inked)
    full = [s for s in inked if s.get("size", 0.0) >= 0.9 * top]
    base = max(full, key=lambda s: len(s["text"].strip())).get("origin", (0.0, 0.0))[1]
    main = [s for s in inked if not _is_sup(s, top, base)] or inked
    parts: list[str] = []
    sup: list[tuple[int, int]] = []
    length = 0
    prev_x1: float | None = None
    gaps: list[tuple[int, float, float]] = []
    for s in spans:
        piece = clean_span(span_text(s["text"], s.get("font", "")))
        gap = s["bbox"][0] - prev_x1 if prev_x1 is not None else 0.0
        if parts and gap > 0.22 * top and not parts[-1][-1:].isspace() and not piece[:1].isspace():
            parts.append(" ")  # words set apart by position only, no space glyph between them
            gaps.append((length, prev_x1 or 0.0, s["bbox"][0]))
            length += 1
        if s in inked and _is_sup(s, top, base) and piece.strip():
            sup.append((length, length + len(piece)))
        parts.append(piece)
        length += len(piece)
        prev_x1 = s["bbox"][2]
    joined = "".join(parts)
    raw, sup = compose_accents(joined, sup)
    text = raw.strip()
    if not text:
        return None
    lead = len(raw) - len(raw.lstrip())
    sup = [(max(a - lead, 0), min(b - lead, len(text))) for a, b in sup if b - lead > 0]
    if len(raw) != len(joined):  # accents composed: offsets past them moved, keep none
        gaps = []
    gaps = [(a - lead, x0, x1) for a, x0, x1 in gaps if 0 < a - lead < len(text)]
    x0, y0, x1, y1 = ln["bbox"]
    bold = all("bold" in s.get("font", "").lower() or s.get("flags", 0) & 16 for s in main)
    size = max(s.get("size", 0.0) for s in main)
    column = _column(x0, x1, mid)
    font = max(main, key=lambda s: len(s["text"])).get("font", "")
    return Line(
        text,
        pno,
        x0,
        y0,
        x1,
        y1,
        round(size, 1),
        bool(bold),
        column,
        sup,
        round(base, 1),
        font,
        gaps,
    )


def _is_sup(span: dict[str, Any], top: float, base: float) -> bool:
    """A span set smaller than the line's main text and raised above its baseline."""
    size = span.get("size", 0.0)
    return size < 0.9 * top and span.get("origin", (0.0, base))[1] < base - 0.12 * top


def _in_plot(ln: Line, box: tuple[float, float, float, float]) -> bool:
    """True when a line stands among the marks of a plot (a tick label, a legend entry, a
    panel's annotation such as `N = 200`): its centre lies in the plot's artwork, or just
    left of it or below it where the axes' tick labels and titles are set."""
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2
    return box[0] - 35 <= cx <= box[2] + 10 and box[1] - 6 <= cy <= box[3] + 16


def _inside(ln: Line, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


_PAGE_NUMBER = re.compile(r"^(?:page\s+)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s+of\s+\d{1,4})?$", re.I)


def _key(ln: Line, height: float) -> str | None:
    """A running line's identity: its text with digits masked, and which margin it sits in.
    A page number anywhere in the top or bottom fifth is keyed by its height on the page,
    so that numbers printed inside the text block's foot are found too."""
    if _PAGE_NUMBER.match(ln.text) and (ln.y0 > 0.8 * height or ln.y1 < 0.15 * height):
        return f"page-number:{round(ln.y0 / 12)}"
    if ln.y1 < height * MARGIN:
        zone = "top"
    elif ln.y0 > height * (1 - MARGIN):
        zone = "bottom"
    else:
        return None
    return zone + ":" + _DIGITS_RE.sub("#", ln.text)


def _running_lines(per_page: list[list[Line]], heights: list[float]) -> set[str]:
    """Margin lines that repeat on at least half the pages (page numbers included)."""
    counts: Counter[str] = Counter()
    for pno, lines in enumerate(per_page):
        counts.update({k for ln in lines if (k := _key(ln, heights[pno])) is not None})
    need = max(2, len(per_page) // 2) if len(per_page) > 1 else 1
    running = {k for k, n in counts.items() if n >= need}
    running |= {k for k in counts if k.split(":", 1)[1].strip("# -–|").lower() in ("", "page")}
    return running


def _reading_order(lines: list[Line], width: float) -> list[Line]:
    """Full-width lines cut the page into bands; in each band the left column comes first."""
    out: list[Line] = []
    band: list[Line] = []
    for ln in sorted(lines, key=lambda ln: (round(ln.y0, 1), ln.x0)):
        if ln.column == "full":
            out.extend(_band(band))
            band = []
            out.append(ln)
        else:
            band.append(ln)
    out.extend(_band(band))
    return out


def _band(lines: list[Line]) -> list[Line]:
    left = sorted((ln for ln in lines if ln.column == "left"), key=lambda ln: (ln.y0, ln.x0))
    right = sorted((ln for ln in lines if ln.column == "right"), key=lambda ln: (ln.y0, ln.x0))
    return _merge_baselines(left) + _merge_baselines(right)


def _merge_baselines(lines: list[Line]) -> list[Line]:
    """Pieces printed on one baseline of one column (an equation and its number) become one line."""
    out: list[Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev and abs(prev.y1 - ln.y1) < 1.5 and ln.x0 >= prev.x1:
            out[-1] = join_lines(prev, ln)
        else:
            out.append(ln)
    return out


def join_lines(left: Line, right: Line, sep: str = " ") -> Line:
    """Two pieces printed on one baseline, left to right, as one line (superscripts kept)."""
    offset = len(left.text) + len(sep)
    return Line(
        f"{left.text}{sep}{right.text}",
        left.page,
        left.x0,
        min(left.y0, right.y0),
        right.x1,
        max(left.y1, right.y1),
        max(left.size, right.size),
        left.bold and right.bold,
        left.column,
        [*left.sup, *((a + offset, b + offset) for a, b in right.sup)],
        left.base,
        left.font if len(left.text) >= len(right.text) else right.font,
        [
            *left.gaps,
            *([(len(left.text), left.x1, right.x0)] if sep == " " else []),
            *((a + offset, x0, x1) for a, x0, x1 in right.gaps),
        ],
    )
