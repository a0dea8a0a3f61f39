"""logic/: claims, experiments, concepts, related work, heuristics, problem, solution prose."""

from __future__ import annotations

import re
from typing import TypeVar

from arakit.codec.fields import match_entity_heading, read_entities, read_entity, write_fields
from arakit.codec.markdown import (
    Block,
    MdDoc,
    Part,
    dedent,
    front_matter_of,
    parse,
    parts,
    with_front_matter,
)
from arakit.model.artifact import DocMeta
from arakit.model.base import FieldEntity, Section, SourcePos
from arakit.model.concept import Concept
from arakit.model.document import MarkdownDoc
from arakit.model.problem import Assumption, Gap, KeyInsight, Observation, Problem

E = TypeVar("E", bound=FieldEntity)

_ASSUMPTION_RE = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*)?(A\d{1,4})(?:\*\*)?\s*[:.—–-]?\s*(?:\*\*)?\s*(.*)$"
)


def _title(doc: MdDoc, before: list[Block]) -> tuple[str, list[Block]]:
    """The `#` title among the first blocks, and the remaining blocks (the preamble)."""
    if before and before[0].kind == "heading" and before[0].level == 1:
        return before[0].text, before[1:]
    return "", before


def section_of(doc: MdDoc, p: Part) -> Section:
    """An unknown part, kept as written."""
    assert p.heading is not None
    return Section.build(
        heading=p.heading.text,
        level=p.heading.level,
        body=doc.join(p.blocks),
        pos=SourcePos.build(file=doc.file, line=doc.lineno(p.heading.start)),
    )


def _entity_level(doc: MdDoc, prefix: str, default: int = 2) -> int:
    for b in doc.blocks:
        if b.kind == "heading" and b.level > 1:
            m = match_entity_heading(b.text)
            if m and re.match(r"RW|[A-Z]", m.group("id")).group(0) == prefix:  # type: ignore[union-attr]
                return b.level
    return default


def read_entity_doc(text: str, file: str, cls: type[E], prefix: str) -> tuple[list[E], DocMeta]:
    """An entity file (claims, experiments, heuristics, related work): entities and the rest."""
    fm, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    before, ps = parts(doc, _entity_level(doc, prefix))
    title, pre = _title(doc, before)
    # headings above entity level (e.g. `## Claims` over `### C01`) stay as sections
    entities, rest = read_entities(cls, doc, ps, prefix)
    meta = DocMeta(
        title=title,
        preamble=doc.join(pre),
        extra_sections=[section_of(doc, p) for p in rest if p.blocks or not _is_container(p)],
        front_matter=fm,
    )
    return entities, meta


_CONTAINERS = {
    "claims",
    "experiments",
    "heuristics",
    "related work",
    "concepts",
    "observations",
    "gaps",
}


def _is_container(p: Part) -> bool:
    """An empty grouping heading such as `## Claims` above `### C01` headings."""
    return p.heading is not None and not p.blocks and p.heading.text.strip().lower() in _CONTAINERS


def write_entity_doc(entities: list[E], meta: DocMeta, default_title: str, level: int = 2) -> str:
    """Canonical text of an entity file."""
    out = [f"# {meta.title or default_title}"]
    if meta.preamble:
        out.append(meta.preamble)
    for e in entities:
        out.append(f"{'#' * level} {e.id}: {e.title}".rstrip())  # type: ignore[attr-defined]
        body = write_fields(e)
        if body:
            out.append(body)
    out += _sections(meta.extra_sections)
    return with_front_matter(meta.front_matter, "\n\n".join(out) + "\n")


def _sections(sections: list[Section]) -> list[str]:
    out = []
    for s in sections:
        out.append(f"{'#' * s.level} {s.heading}")
        if s.body:
            out.append(s.body)
    return out


# -- concepts ---------------------------------------------------------------------------------
def read_concepts(text: str, file: str) -> tuple[list[Concept], DocMeta]:
    """logic/concepts.md: every `## Term` section is a concept."""
    fm, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    levels = sorted({b.level for b in doc.blocks if b.kind == "heading" and b.level > 1})
    before, ps = parts(doc, levels[0] if levels else 2)
    title, pre = _title(doc, before)
    concepts = [
        read_entity(
            Concept,
            doc,
            p.blocks,
            SourcePos.build(file=file, line=doc.lineno(p.heading.start)),
            term=p.heading.text,
        )
        for p in ps
        if p.heading
    ]
    return concepts, DocMeta(title=title, preamble=doc.join(pre), front_matter=fm)


def write_concepts(concepts: list[Concept], meta: DocMeta) -> str:
    """Canonical logic/concepts.md."""
    out = [f"# {meta.title or 'Concepts'}"]
    if meta.preamble:
        out.append(meta.preamble)
    for c in concepts:
        out.append(f"## {c.term}")
        body = write_fields(c)
        if body:
            out.append(body)
    out += _sections(meta.extra_sections)
    return with_front_matter(meta.front_matter, "\n\n".join(out) + "\n")


# -- problem ----------------------------------------------------------------------------------
def read_problem(text: str, file: str) -> Problem:
    """logic/problem.md: observations, gaps, key insight, assumptions, and anything else."""
    fm, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    before, ps = parts(doc, 6)
    title, pre = _title(doc, before)
    prob = Problem.build(
        title=title or "Problem",
        preamble=doc.join(pre),
        front_matter=fm,
        pos=SourcePos.build(file=file, line=1),
    )
    for p in ps:
        assert p.heading is not None
        head = p.heading.text
        pos = SourcePos.build(file=file, line=doc.lineno(p.heading.start))
        m = match_entity_heading(head)
        key = head.strip().lower().rstrip(":")
        if m and m.group("id")[0] == "O" and m.group("id")[1:].isdigit():
            prob.observations.append(_entity(Observation, doc, p, pos, m))
        elif m and m.group("id")[0] == "G" and m.group("id")[1:].isdigit():
            prob.gaps.append(_entity(Gap, doc, p, pos, m))
        elif key in ("key insight", "key insights") and prob.key_insight is None:
            prob.key_insight = read_entity(KeyInsight, doc, p.blocks, pos)
        elif key == "assumptions" and not prob.assumptions:
            _assumptions(doc, p, prob)
        elif key in ("observations", "gaps") and not p.blocks:
            continue
        else:
            prob.extra_sections.append(section_of(doc, p))
    return prob


def _entity(cls: type[E], doc: MdDoc, p: Part, pos: SourcePos, m: re.Match[str]) -> E:
    from arakit.model.ids import normalize_id

    return read_entity(
        cls, doc, p.blocks, pos, id=normalize_id(m.group("id")), title=m.group("title").strip()
    )


def _assumptions(doc: MdDoc, p: Part, prob: Problem) -> None:
    other: list[Block] = []
    for b in p.blocks:
        m = _ASSUMPTION_RE.match(doc.lines[b.start]) if b.kind == "item" else None
        if not m:
            other.append(b)
            continue
        from arakit.model.ids import normalize_id

        cont = doc.lines[b.start + 1 : b.end]
        while cont and not cont[-1].strip():
            cont.pop()
        text = m.group(2).strip().removeprefix("**").strip()
        if cont:
            text = f"{text}\n{dedent(cont)}"
        prob.assumptions.append(
            Assumption.build(
                id=normalize_id(m.group(1)),
                text=text,
                pos=SourcePos.build(file=doc.file, line=doc.lineno(b.start)),
            )
        )
    prob.assumptions_notes = doc.join(other)


def write_problem(prob: Problem) -> str:
    """Canonical logic/problem.md."""
    from arakit.codec.markdown import indent

    out = [f"# {prob.title or 'Problem'}"]
    if prob.preamble:
        out.append(prob.preamble)
    for heading, items in (("Observations", prob.observations), ("Gaps", prob.gaps)):
        if not items:
            continue
        out.append(f"## {heading}")
        for e in items:
            out.append(f"### {e.id}: {e.title}".rstrip())
            body = write_fields(e)
            if body:
                out.append(body)
    if prob.key_insight is not None:
        out.append("## Key Insight")
        body = write_fields(prob.key_insight)
        if body:
            out.append(body)
    if prob.assumptions or prob.assumptions_notes:
        out.append("## Assumptions")
        if prob.assumptions:
            out.append(
                "\n".join(f"- {a.id}: {indent(a.text).lstrip()}".rstrip() for a in prob.assumptions)
            )
        if prob.assumptions_notes:
            out.append(prob.assumptions_notes)
    out += _sections(prob.extra_sections)
    return with_front_matter(prob.front_matter, "\n\n".join(out) + "\n")


# -- prose files ------------------------------------------------------------------------------
def read_prose(text: str, file: str) -> MarkdownDoc:
    """A prose file: the `#` title on its first line (if any) and the rest unchanged."""
    fm, body, _ = front_matter_of(text, file)
    body = body.strip("\n")
    first, _, rest = body.partition("\n")
    if first.startswith("# "):
        return MarkdownDoc.build(
            path=file,
            title=first[2:].strip(),
            text=rest.strip("\n"),
            front_matter=fm,
            pos=SourcePos.build(file=file, line=1),
        )
    return MarkdownDoc.build(
        path=file, text=body, front_matter=fm, pos=SourcePos.build(file=file, line=1)
    )


def write_prose(doc: MarkdownDoc) -> str:
    """Canonical prose file: title, blank line, text."""
    out = []
    if doc.title:
        out.append(f"# {doc.title}")
    if doc.text:
        out.append(doc.text.rstrip())
    return with_front_matter(doc.front_matter, "\n\n".join(out) + "\n")
