"""From PDF pages to lines in reading order: two columns, running headers and footers
removed, ligatures expanded; the tables found on each page (see `tables/`) kept apart."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.compiler.errors import SourceError
from arakit.compiler.pdf.chars import clean
from arakit.compiler.pdf.document import Line
from arakit.compiler.pdf.tables import RawTable, page_tables

_DIGITS_RE = re.compile(r"\d+")
MARGIN = 0.07  # share of the page height where running headers and footers live


@dataclass
class Layout:
    """Lines in reading order plus the tables found, for one document."""

    lines: list[Line] = field(default_factory=list)
    tables: list[RawTable] = field(default_factory=list)
    pages: int = 0
    page_width: float = 0.0
    running: list[str] = field(default_factory=list)  # running header/footer texts removed
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
        found = page_tables(page, pno) if table_pages else []
        out.tables.extend(found)
        lines = [ln for ln in _lines(page, pno) if not any(_inside(ln, t.bbox) for t in found)]
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


def _lines(page: Any, pno: int) -> list[Line]:
    mid = page.rect.width / 2
    lines: list[Line] = []
    data = page.get_text("dict")
    for block in data.get("blocks", []):
        for ln in block.get("lines", []):
            spans = [s for s in ln.get("spans", []) if s.get("text", "").strip()]
            if not spans:
                continue
            text = clean("".join(s["text"] for s in ln["spans"]))
            if not text:
                continue
            x0, y0, x1, y1 = ln["bbox"]
            bold = all("bold" in s.get("font", "").lower() or s.get("flags", 0) & 16 for s in spans)
            size = max(s.get("size", 0.0) for s in spans)
            column = (
                "full" if x0 < mid - 8 and x1 > mid + 8 else ("left" if x1 <= mid + 8 else "right")
            )
            lines.append(Line(text, pno, x0, y0, x1, y1, round(size, 1), bool(bold), column))
    return lines


def _inside(ln: Line, box: tuple[float, float, float, float]) -> bool:
    cx, cy = (ln.x0 + ln.x1) / 2, (ln.y0 + ln.y1) / 2
    return box[0] - 1 <= cx <= box[2] + 1 and box[1] - 1 <= cy <= box[3] + 1


def _key(ln: Line, height: float) -> str | None:
    """A running line's identity: its text with digits masked, and which margin it sits in."""
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
            out[-1] = Line(
                f"{prev.text} {ln.text}",
                prev.page,
                prev.x0,
                min(prev.y0, ln.y0),
                ln.x1,
                max(prev.y1, ln.y1),
                max(prev.size, ln.size),
                prev.bold and ln.bold,
                prev.column,
            )
        else:
            out.append(ln)
    return out
