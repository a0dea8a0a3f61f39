"""evidence/: every numbered table whose cells could be read, with the method that read them
and its self-check (exact only when the check passed), logs as raw tables, and an index that
also lists every figure with its caption and the tables that could not be read."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from arakit.compiler.mapping.experiments import Planned
from arakit.compiler.pdf.document import DocFigure, Document, DocTable
from arakit.compiler.text import slug
from arakit.model import Claim, EvidenceFile, EvidenceIndex, Table
from arakit.model.base import MdField

MAX_LOG_ROWS = 200


PARTIAL = "raw_table (partial: the self-check failed, cells not verified)"


def table_files(doc: Document, paper: str) -> dict[str, EvidenceFile]:
    """`Table N` → its transcription (only tables whose cells were read). A table whose
    self-check passed is a `raw_table`; one whose check failed says it is partial and what
    failed, and never claims exactness."""
    out: dict[str, EvidenceFile] = {}
    for t in doc.tables:
        if t.check is None or not t.rows:
            continue
        where = f"p. {t.page}" + (f", §{t.section}" if t.section else "")
        exact = t.check.verdict == "exact"
        checks = [f"passed: {p}" for p in t.check.passed] + [f"failed: {f}" for f in t.check.failed]
        fields = [
            MdField(name="Extraction method", value=t.check.method),
            MdField(name="Self-check", value="; ".join(checks) or "not run"),
        ]
        if not exact:
            fields.append(MdField(name="Failed check", value="; ".join(t.check.failed)))
        out[t.label] = EvidenceFile(
            path=f"evidence/tables/table{t.number}_{slug(t.caption, 32)}.md",
            title=f"Table {t.number}: {t.caption.rstrip('.')}",
            source=f"Table {t.number} in {paper} ({where})",
            caption=t.caption,
            extraction_type="raw_table" if exact else PARTIAL,
            extra_fields=fields,
            tables=[Table(header=list(t.header), rows=[list(r) for r in t.rows])],
            notes=_table_notes(t, exact),
        )
    return out


def figure_files(doc: Document, paper: str) -> list[EvidenceFile]:
    """A reading of each plot whose axes carry numbers: caption, page, axes and the labels
    printed in it, as printed. When the paper has nothing else to file (no table, no such
    plot: a research note whose one figure is a picture), each numbered figure is filed with
    its caption and page, saying that nothing in it was read. No data point is read off a
    drawing, and a figure is never written as a table of results."""
    out = []
    filed = {f.number for f in doc.figures if f.axes and f.labels}
    alone = not filed and not any(t.rows for t in doc.tables)
    for f in doc.figures:
        where = f"p. {f.page}" + (f", §{f.section}" if f.section else "")
        if not f.axes or not f.labels:
            if alone and f.number not in filed:  # once per number (a figure may go on)
                filed.add(f.number)
                out.append(_unread_figure(f, paper, where))
            continue
        out.append(
            EvidenceFile(
                path=f"evidence/figures/figure{f.number}_{slug(f.caption, 32)}.md",
                title=f"Figure {f.number}: {f.caption.rstrip('.')}",
                source=f"Figure {f.number} in {paper} ({where})",
                caption=f.caption,
                extraction_type="figure_reading",
                axes=f.axes,
                extra_fields=[
                    MdField(name="Figure type", value="quantitative_plot"),
                    MdField(name="Extraction method", value="exact_from_labels"),
                    MdField(
                        name="Reading confidence",
                        value="medium: axis titles, ticks and labels as printed; no data "
                        "point was read off the drawing",
                    ),
                ],
                tables=[Table(header=["Label", "Role"], rows=[[t, r] for t, r in f.labels])],
                notes="The labels printed in the figure, not values measured from it. Read the "
                f"data in the paper's Figure {f.number} (p. {f.page}).",
            )
        )
    return out


def _unread_figure(f: DocFigure, paper: str, where: str) -> EvidenceFile:
    """A numbered figure whose axes carry no numbers the compiler could read (a diagram, a
    photograph, a screenshot, a plot set as a picture): filed with its caption and page,
    saying that nothing in the drawing was read. Its type is not guessed."""
    return EvidenceFile(
        path=f"evidence/figures/figure{f.number}_{slug(f.caption, 32)}.md",
        title=f"Figure {f.number}: {f.caption.rstrip('.')}",
        source=f"Figure {f.number} in {paper} ({where})",
        caption=f.caption,
        extraction_type="figure_reading",
        extra_fields=[
            MdField(
                name="Figure type",
                value="not determined: no axis with numbers was found in it, and ara compile "
                "does not look at pictures",
            ),
            MdField(name="Extraction method", value="visual_description"),
            MdField(name="Reading confidence", value="low: only the caption was read"),
        ],
        notes="## Visual description\n\nNot described: nothing in the drawing was read. What "
        f"the caption says it shows: {f.caption} See the paper's Figure {f.number} "
        f"({where}).",
    )


def _table_notes(t: DocTable, exact: bool) -> str:
    lines = []
    if exact:
        lines.append(
            "Cells as printed (bold as **…**), read and verified by the self-check above; "
            "nothing was converted or rounded."
        )
    else:
        lines.append(
            f"Cells as read, NOT verified: the self-check failed, so cells may be misplaced, "
            f"merged or missing. Check them against {t.label} on p. {t.page} of the paper "
            "before relying on them."
        )
    if len(t.header_rows) > 1:
        levels = " | ".join(" · ".join(c for c in r if c) for r in t.header_rows)
        lines.append(
            f"The header has {len(t.header_rows)} levels ({levels}); spanning "
            'headers are joined to each column they span with " / ".'
        )
    return "\n\n".join(lines)


def log_file(path: Path) -> EvidenceFile:
    """A CSV or JSONL experiment log as a raw table (first rows, cells as written)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    header: list[str] = []
    rows: list[list[str]] = []
    if path.suffix.lower() == ".csv":
        reader = list(csv.reader(io.StringIO(text)))
        header, rows = (reader[0], reader[1 : MAX_LOG_ROWS + 1]) if reader else ([], [])
    else:
        records = []
        for line in text.splitlines():
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                records.append(obj)
        for r in records:
            header += [k for k in r if k not in header]
        rows = [[_cell(r.get(k)) for k in header] for r in records[:MAX_LOG_ROWS]]
    return EvidenceFile(
        path=f"evidence/logs/{slug(path.stem, 40)}.md",
        title=f"Log {path.name}",
        source=f"experiment log {path.name}",
        caption=f"First {len(rows)} records of {path.name}",
        extraction_type="raw_table",
        tables=[Table(header=header or ["(empty)"], rows=rows)],
    )


def _cell(v: object) -> str:
    if v is None:
        return ""
    return v if isinstance(v, str) else json.dumps(v)


def evidence_index(
    files: list[EvidenceFile], claims_for: dict[str, list[str]], doc: Document | None, paper: str
) -> EvidenceIndex:
    """The index table (file, source, claims, description) and the list of figures."""
    rows = [
        [f.name, f.source or "", ", ".join(claims_for.get(f.path, [])), (f.caption or f.title)]
        for f in files
    ]
    notes = ""
    if doc is not None and doc.figures:
        lines = [
            "## Figures",
            "",
            f"Figures of {paper}; no data points were read from them (drawn, not tabulated). "
            "Plots whose axes carry numbers have a file under figures/ with their axes and "
            "printed labels (when nothing else could be filed, every figure has one, with its "
            "caption only).",
        ]
        lines += [""] + [f"- {f.label} (p. {f.page}): {f.caption}" for f in doc.figures]
        notes = "\n".join(lines)
    missing = [t for t in (doc.tables if doc else []) if t.check is None or not t.rows]
    if missing:
        extra = "## Tables not transcribed\n\n" + "\n".join(
            f"- {t.label} (p. {t.page}): its cells could not be read from the PDF (no table "
            "region was found next to its caption); read it in the paper"
            for t in missing
        )
        notes = f"{notes}\n\n{extra}" if notes else extra
    return EvidenceIndex(
        title="Evidence",
        preamble="Transcriptions of the sources' tables and logs; each table file says how its "
        "cells were read and whether its self-check passed (ai-suggested mapping to claims).",
        table=Table(header=["File", "Source", "Claims", "Description"], rows=rows),
        notes=notes,
    )


def claim_views(
    claims: list[Claim], planned: list[Planned], raw: dict[str, EvidenceFile]
) -> list[EvidenceFile]:
    """For each claim, the rows of its proof tables that the claim names (a derived subset
    that says which raw file it came from); claims naming no row get no view."""
    out = []
    for c in claims:
        text = (c.statement or "").lower()
        for p in planned:
            ev = raw.get(p.obj.label)
            if ev is None or p.experiment.id not in (c.proof or []):
                continue
            table = ev.tables[0]
            rows = [r for r in table.rows if r and _named(r[0], text)]
            if not rows or len(rows) == len(table.rows):
                continue
            number = p.obj.number
            out.append(
                EvidenceFile(
                    path=f"evidence/tables/derived_{c.id.lower()}_table{number}_rows.md",
                    title=f"{c.id}: the rows of Table {number} the claim names",
                    source=f"Table {number} (subset for {c.id})",
                    caption=f"Rows of Table {number} named in {c.id}: {', '.join(r[0] for r in rows)}",
                    extraction_type="derived_subset",
                    derived_from=ev.name,
                    tables=[Table(header=list(table.header), rows=[list(r) for r in rows])],
                    notes=""
                    if ev.extraction_type == "raw_table"
                    else f"Rows copied from {ev.name}, whose self-check failed: not verified.",
                )
            )
    return out


def _named(label: str, text: str) -> bool:
    head = label.split(" (")[0].strip().lower()
    return len(head) >= 3 and head in text
