"""evidence/ ⇄ EvidenceIndex and EvidenceFile: header lines, exact tables, other text."""

from __future__ import annotations

from arakit.codec.logic import _title
from arakit.codec.markdown import (
    Block,
    field_of,
    front_matter_of,
    meta_lines,
    parse,
    table_text,
    with_front_matter,
)
from arakit.model.base import MdField, SourcePos
from arakit.model.evidence import EvidenceFile, EvidenceIndex


def read_evidence_file(text: str, file: str) -> EvidenceFile:
    """One evidence file: `**Source**:`-style lines, every table, and the remaining text."""
    fm, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    title, blocks = _title(doc, doc.blocks)
    ev = EvidenceFile.build(
        path=file, title=title, front_matter=fm, pos=SourcePos.build(file=file, line=1)
    )
    attrs = {name.lower(): attr for name, attr in EvidenceFile.META}
    leftover: list[Block] = []
    order: list[str] = []  # the kind of each block: meta, table or other
    for b in blocks:
        if b.kind == "table" and b.table is not None:
            b.table.pos = SourcePos.build(file=file, line=doc.lineno(b.start))
            ev.tables.append(b.table)
            order.append("table")
            continue
        pairs = (
            meta_lines(doc.lines[b.start : b.end], doc.lineno(b.start))
            if b.kind == "text"
            else None
        )
        if pairs is None and b.kind == "item":
            raw = field_of(doc, b)
            pairs = [(raw.name, raw.value, raw.line)] if raw else None
        if not pairs:
            leftover.append(b)
            order.append("other")
            continue
        order.append("meta")
        for name, value, line in pairs:
            attr = attrs.get(name.lower())
            if attr and getattr(ev, attr) is None:
                setattr(ev, attr, value)
            else:
                ev.extra_fields.append(
                    MdField.build(name=name, value=value, pos=SourcePos.build(file=file, line=line))
                )
    ev.notes = doc.join(leftover)
    ranks = [{"meta": 0, "table": 1, "other": 2}[k] for k in order]
    if ranks != sorted(ranks):  # prose between tables: keep the order as written
        ev.body = doc.join(blocks)
    return ev


def write_evidence_file(ev: EvidenceFile) -> str:
    """Canonical evidence file."""
    out = [f"# {ev.title}"] if ev.title else []
    if ev.body is not None:
        if ev.body:
            out.append(ev.body)
        return with_front_matter(ev.front_matter, "\n\n".join(out) + "\n")
    meta = [
        f"**{name}**: {getattr(ev, attr)}"
        for name, attr in EvidenceFile.META
        if getattr(ev, attr) is not None
    ]
    meta += [f"**{f.name}**: {f.value}" for f in ev.extra_fields]
    if meta:
        out.append("\n".join(meta))
    out += [table_text(t) for t in ev.tables]
    if ev.notes:
        out.append(ev.notes)
    return with_front_matter(ev.front_matter, "\n\n".join(out) + "\n")


def read_evidence_index(text: str, file: str = "evidence/README.md") -> EvidenceIndex:
    """evidence/README.md: title, text, the index table, the rest."""
    fm, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    title, blocks = _title(doc, doc.blocks)
    idx = EvidenceIndex.build(title=title, front_matter=fm, pos=SourcePos.build(file=file, line=1))
    pre: list[Block] = []
    post: list[Block] = []
    for b in blocks:
        if b.kind == "table" and idx.table is None and b.table is not None:
            b.table.pos = SourcePos.build(file=file, line=doc.lineno(b.start))
            idx.table = b.table
        else:
            (post if idx.table is not None else pre).append(b)
    idx.preamble, idx.notes = doc.join(pre), doc.join(post)
    return idx


def write_evidence_index(idx: EvidenceIndex) -> str:
    """Canonical evidence/README.md."""
    out = [f"# {idx.title}"] if idx.title else []
    if idx.preamble:
        out.append(idx.preamble)
    if idx.table is not None:
        out.append(table_text(idx.table))
    if idx.notes:
        out.append(idx.notes)
    return with_front_matter(idx.front_matter, "\n\n".join(out) + "\n")
