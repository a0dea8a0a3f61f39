"""evidence/: every numbered table transcribed exactly, logs as raw tables, and an index
that also lists every figure with its caption."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from arakit.compiler.mapping.experiments import Planned
from arakit.compiler.pdf.document import Document
from arakit.compiler.text import slug
from arakit.model import Claim, EvidenceFile, EvidenceIndex, Table

MAX_LOG_ROWS = 200


def table_files(doc: Document, paper: str) -> dict[str, EvidenceFile]:
    """`Table N` → its raw transcription (only tables whose cells were read)."""
    out: dict[str, EvidenceFile] = {}
    for t in doc.tables:
        if not t.header:
            continue
        where = f"p. {t.page}" + (f", §{t.section}" if t.section else "")
        out[t.label] = EvidenceFile(
            path=f"evidence/tables/table{t.number}_{slug(t.caption, 32)}.md",
            title=f"Table {t.number}: {t.caption.rstrip('.')}",
            source=f"Table {t.number} in {paper} ({where})",
            caption=t.caption,
            extraction_type="raw_table",
            tables=[Table(header=list(t.header), rows=[list(r) for r in t.rows])],
            notes="Cells are transcribed exactly as printed; nothing was converted or rounded.",
        )
    return out


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
            f"Figures of {paper}; no data points could be read from them (drawn, not tabulated).",
        ]
        lines += [""] + [f"- {f.label} (p. {f.page}): {f.caption}" for f in doc.figures]
        notes = "\n".join(lines)
    missing = [t.label for t in (doc.tables if doc else []) if not t.header]
    if missing:
        extra = "## Tables not transcribed\n\n" + "\n".join(
            f"- {label}: no ruled grid was found, so its cells could not be read exactly"
            for label in missing
        )
        notes = f"{notes}\n\n{extra}" if notes else extra
    return EvidenceIndex(
        title="Evidence",
        preamble="Raw transcriptions of the sources' tables and logs (ai-suggested mapping to claims).",
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
                )
            )
    return out


def _named(label: str, text: str) -> bool:
    head = label.split(" (")[0].strip().lower()
    return len(head) >= 3 and head in text
