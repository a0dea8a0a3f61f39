"""Field lists ⇄ entities: `- **Name**: value` bullets onto typed attributes, and back."""

from __future__ import annotations

import re
from typing import Any, TypeVar

from arakit.codec.markdown import (
    Block,
    MdDoc,
    Part,
    RawField,
    dedent,
    field_of,
    indent,
    meta_lines,
    parse,
)
from arakit.model.base import FieldEntity, FieldSpec, MdField, SourcePos
from arakit.model.ids import ID_RE, normalize_id

E = TypeVar("E", bound=FieldEntity)

_EMPTY = {"", "none", "n/a", "na", "-", "—", "[]", "null", "nil"}
_ITEM_RE = re.compile(r"^(?:\d{1,3}[.)]|[-*+])\s+(.*)$")
ENTITY_HEADING_RE = re.compile(r"^(?P<id>RW\d{1,4}|[A-Z]\d{1,4})\b\s*(?:[:.—–-]\s*)?(?P<title>.*)$")
_EMPHASIS_RE = re.compile(r"^([*_`]+)(RW\d{1,4}|[A-Z]\d{1,4})([:.]?)\1")


def match_entity_heading(text: str) -> re.Match[str] | None:
    """`C01: title`, also when the ID is emphasised as other tools write it (`**C01**: title`)."""
    return ENTITY_HEADING_RE.match(_EMPHASIS_RE.sub(r"\2\3", text.strip()))


def parse_refs(value: str) -> tuple[list[str], bool]:
    """IDs named in a value, normalised; and whether the value is nothing but an ID list."""
    if value.strip().lower() in _EMPTY:
        return [], True
    ids = [normalize_id(m.group(0)) for m in ID_RE.finditer(value)]
    rest = ID_RE.sub("", value)
    pure = not re.sub(r"[\s\[\],;]|\band\b", "", rest)
    return ids, pure


def parse_list(value: str) -> tuple[list[str], bool]:
    """Words of a comma or bullet list; pure when re-writing it as `a, b` loses nothing."""
    lines = [ln for ln in value.split("\n") if ln.strip()]
    if len(lines) > 1 and all(_ITEM_RE.match(ln.strip()) for ln in lines):
        return [_ITEM_RE.match(ln.strip()).group(1).strip() for ln in lines], True  # type: ignore[union-attr]
    if len(lines) > 1:
        return [p.strip() for p in value.replace("\n", " ").split(",") if p.strip()], False
    inner = value.strip()
    if inner.lower() in _EMPTY:
        return [], True
    if inner.startswith("[") and inner.endswith("]"):
        inner = inner[1:-1]
    items = [p.strip().strip("'\"`") for p in inner.split(",")]
    return [i for i in items if i], all(i and "\n" not in i for i in items)


def parse_steps(value: str) -> tuple[list[str], bool]:
    """Items of a numbered (or bulleted) list; pure when the value is nothing else."""
    steps: list[str] = []
    pure = True
    for line in value.split("\n"):
        m = _ITEM_RE.match(line)
        if m and not line.startswith(" "):
            steps.append(m.group(1))
        elif steps and (line.startswith(" ") or not line.strip()):
            steps[-1] += "\n" + line
        elif line.strip():
            pure = False
            steps.append(line.strip())
    steps = [dedent_step(s) for s in steps]
    return steps, pure and bool(steps)


def dedent_step(step: str) -> str:
    head, _, tail = step.partition("\n")
    if not tail:
        return head.strip()
    return (head.strip() + "\n" + dedent(tail.split("\n"))).rstrip()


def read_entity(cls: type[E], doc: MdDoc, blocks: list[Block], pos: SourcePos, **known: Any) -> E:
    """Build an entity from the blocks of its section: fields by spec, the rest kept."""
    specs = {}
    for s in cls.FIELDS:
        specs[s.label.lower()] = s
        for a in s.aliases:
            specs.setdefault(a.lower(), s)
    values: dict[str, Any] = dict(known)
    extra: list[MdField] = []
    verbatim: dict[str, str] = {}
    labels: dict[str, str] = {}
    qualifiers: dict[str, str] = {}
    leftover: list[Block] = []
    for b in blocks:
        raws = _fields_of(doc, b)
        if raws is None:
            leftover.append(b)
            continue
        for raw in raws:
            found = specs.get(raw.name.lower())
            if found is None or found.attr in values:
                extra.append(
                    MdField.build(
                        name=raw.name,
                        value=raw.value,
                        qualifier=raw.qualifier,
                        pos=SourcePos.build(file=pos.file, line=raw.line),
                    )
                )
                continue
            if raw.name != found.label:
                labels[found.attr] = raw.name
            if raw.qualifier:
                qualifiers[found.attr] = raw.qualifier
            values[found.attr] = _convert(
                found.kind, found.attr, raw.value, verbatim, cls, pos.file, raw.line
            )
    return cls.build(
        **values,
        extra_fields=extra,
        notes=doc.join(leftover),
        verbatim=verbatim,
        labels=labels,
        qualifiers=qualifiers,
        pos=pos,
    )


def _fields_of(doc: MdDoc, b: Block) -> list[RawField] | None:
    """The fields a block holds: one `- **Name**: value` item, or a paragraph made only of
    `**Name**: value` lines (as the research manager writes experiments)."""
    if b.kind == "item":
        raw = field_of(doc, b)
        return [raw] if raw else None
    if b.kind == "text":
        pairs = meta_lines(doc.lines[b.start : b.end], doc.lineno(b.start))
        if pairs:
            return [RawField(name=n, value=v, line=ln) for n, v, ln in pairs]
    return None


def _convert(
    kind: str,
    attr: str,
    value: str,
    verbatim: dict[str, str],
    cls: type[FieldEntity],
    file: str,
    line: int,
) -> Any:
    if kind == "refs":
        ids, pure = parse_refs(value)
    elif kind == "list":
        ids, pure = parse_list(value)
    elif kind == "steps":
        ids, pure = parse_steps(value)
    elif kind == "nested":
        sub = parse(value, file=file, offset=line)
        annotation = cls.model_fields[attr].annotation  # e.g. Setup | None
        nested_cls = next(a for a in annotation.__args__ if a is not type(None))  # type: ignore[union-attr]
        return read_entity(nested_cls, sub, sub.blocks, SourcePos.build(file=file, line=line))
    else:
        return value
    if not pure:
        verbatim[attr] = value
    return ids


def read_entities(
    cls: type[E],
    doc: MdDoc,
    part_list: list[Part],
    prefix: str,
) -> tuple[list[E], list[Part]]:
    """Entities whose headings carry an ID of `prefix` (`## C01: title`); other parts returned."""
    out: list[E] = []
    rest: list[Part] = []
    for p in part_list:
        assert p.heading is not None
        m = match_entity_heading(p.heading.text)
        pre = re.match(r"RW|[A-Z]", m.group("id")).group(0) if m else ""  # type: ignore[union-attr]
        if m and pre == prefix:
            pos = SourcePos.build(file=doc.file, line=doc.lineno(p.heading.start))
            out.append(
                read_entity(
                    cls,
                    doc,
                    p.blocks,
                    pos,
                    id=normalize_id(m.group("id")),
                    title=m.group("title").strip(),
                )
            )
        else:
            rest.append(p)
    return out, rest


# -- writing ----------------------------------------------------------------------------------
def field_line(label: str, value: str, qualifier: str = "") -> str:
    """One `- **Label**: value` bullet (`- **Label** (qualifier): value` when the author
    qualified the label); continuation lines and nested lists indented."""
    head = f"- **{label}** {qualifier}:" if qualifier else f"- **{label}**:"
    first, _, tail = value.partition("\n")
    if _ITEM_RE.match(first) or first.startswith("**"):
        return f"{head}\n" + indent(value)
    if tail:
        return f"{head} {first}\n" + indent(tail)
    return f"{head} {first}".rstrip()


def field_text(entity: FieldEntity, s: FieldSpec) -> str | None:
    """The written value of one known field (None when the entity does not have it)."""
    v = getattr(entity, s.attr)
    if v is None:
        return None
    if s.attr in entity.verbatim:
        return entity.verbatim[s.attr]
    if s.kind == "refs":
        return "[" + ", ".join(v) + "]" if v else "none"
    if s.kind == "list":
        return ", ".join(v)
    if s.kind == "steps":
        return "\n".join(f"{i}. {indent(step, '   ').lstrip()}" for i, step in enumerate(v, 1))
    if s.kind == "nested":
        return write_fields(v)
    return str(v)


def write_fields(entity: FieldEntity) -> str:
    """The field list of an entity in canonical order, then its unknown fields, then its notes."""
    lines: list[str] = []
    for s in entity.FIELDS:
        text = field_text(entity, s)
        if text is None:
            continue
        lines.append(field_line(s.label, text, entity.qualifiers.get(s.attr, "")))
    lines += [field_line(f.name, f.value, f.qualifier) for f in entity.extra_fields]
    body = "\n".join(lines)
    if entity.notes:
        body = f"{body}\n\n{entity.notes}" if body else entity.notes
    return body
