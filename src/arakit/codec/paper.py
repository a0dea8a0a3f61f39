"""PAPER.md ⇄ Paper: YAML front matter, overview, Layer Index, other sections."""

from __future__ import annotations

from typing import Any

from arakit.codec import yamlio
from arakit.codec.logic import _sections, _title, section_of
from arakit.codec.markdown import parse, parts, split_front_matter, table_text
from arakit.errors import ParseError
from arakit.model.base import SourcePos
from arakit.model.paper import FRONT_MATTER_KEYS, LayerTable, Paper

_LIST_KEYS = ("authors", "keywords", "claims_summary")
_STR_KEYS = ("title", "venue", "doi", "ara_version", "domain", "abstract")


def read_paper(text: str, file: str = "PAPER.md") -> Paper:
    """Parse PAPER.md. Front matter errors name the line and column inside the file."""
    fm_text, body, offset = split_front_matter(text, file)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    if fm_text is not None:
        data = yamlio.load(fm_text, file, line_offset=1)
        if data is None:
            data = {}
        if not isinstance(data, dict):
            raise ParseError(
                f"front matter must be a YAML mapping of keys, got a {type(data).__name__}",
                file=file,
                line=2,
                hint="write `title: ...` style keys between the '---' lines",
            )
        for k, v in data.items():
            key = str(k)
            if key in FRONT_MATTER_KEYS and v is not None:
                values[key] = _coerce(key, v)
            else:
                extra[key] = v
    paper = Paper.build(**values, extra=extra, pos=SourcePos.build(file=file, line=1))
    doc = parse(body, file, offset)
    before, ps = parts(doc, 2)
    heading, pre = _title(doc, before)
    paper.heading = "" if heading == paper.title else heading  # "" means: the title
    paper.preamble = doc.join(pre)
    for p in ps:
        assert p.heading is not None
        key = p.heading.text.strip().lower()
        if key == "overview" and paper.overview is None:
            paper.overview = doc.join(p.blocks)
            if p.heading.text.strip() != "Overview":
                paper.overview_heading = p.heading.text.strip()
        elif key == "layer index" and paper.layer_index is None:
            if p.heading.text.strip() != "Layer Index":
                paper.layer_index_heading = p.heading.text.strip()
            paper.layer_index = []
            notes = []
            name = ""
            for k, b in enumerate(p.blocks):
                nxt = p.blocks[k + 1] if k + 1 < len(p.blocks) else None
                if b.kind == "heading" and nxt is not None and nxt.kind == "table":
                    name = b.text  # the layer a table lists
                elif b.kind == "table" and b.table is not None:
                    paper.layer_index.append(
                        LayerTable.build(
                            name=name,
                            table=b.table,
                            pos=SourcePos.build(file=file, line=doc.lineno(b.start)),
                        )
                    )
                    name = ""
                else:
                    notes.append(b)
            paper.layer_index_notes = doc.join(notes)
        else:
            paper.extra_sections.append(section_of(doc, p))
    return paper


def _coerce(key: str, v: Any) -> Any:
    """Tolerant typing of front matter values written by other tools."""
    if key in _LIST_KEYS:
        if isinstance(v, list):
            return [str(x) if not isinstance(x, str) else x for x in v]
        if isinstance(v, str) and key == "keywords":
            return [p.strip() for p in v.split(",") if p.strip()]
        return [str(v)]
    if key == "year":
        return v if isinstance(v, (int, str)) and not isinstance(v, bool) else str(v)
    if key in _STR_KEYS:
        return v if isinstance(v, str) else str(v)
    return v


def write_paper(paper: Paper) -> str:
    """Canonical PAPER.md."""
    fm: dict[str, Any] = {}
    for key in FRONT_MATTER_KEYS:
        v = getattr(paper, key)
        if v is not None:
            fm[key] = v
    fm.update(paper.extra)
    out = ["---\n" + yamlio.dump(fm) + "---"] if fm else []
    body = []
    if paper.heading or paper.title:
        body.append(f"# {paper.heading or paper.title}")
    if paper.preamble:
        body.append(paper.preamble)
    if paper.overview is not None:
        body.append(f"## {paper.overview_heading or 'Overview'}")
        if paper.overview:
            body.append(paper.overview)
    if paper.layer_index is not None:
        body.append(f"## {paper.layer_index_heading or 'Layer Index'}")
        for lt in paper.layer_index:
            if lt.name:
                body.append(f"### {lt.name}")
            body.append(table_text(lt.table))
        if paper.layer_index_notes:
            body.append(paper.layer_index_notes)
    body += _sections(paper.extra_sections)
    text = "\n\n".join(body)
    return (out[0] + "\n\n" + text if out else text).rstrip("\n") + "\n"
