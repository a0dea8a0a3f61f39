"""Write changes to an entity file (claims, heuristics, experiments, related work, concepts)
into its text: only the fields that changed are rewritten, new fields go after the entity's
last field in the style it uses (bullets or `**Field**:` paragraphs), new entities go after
the last one. Headings, prose, front matter, footnotes and unknown fields stay as written.

The result is re-read: it must hold exactly the entities the writer meant, and every word of
the original outside the rewritten fields must still be there; otherwise WriteRefusedError.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from arakit.codec.content import require_kept, words
from arakit.codec.fields import field_line, field_text, match_entity_heading, write_fields
from arakit.codec.markdown import MdDoc, Part, field_of, front_matter_of, meta_lines, parse, parts
from arakit.errors import WriteRefusedError
from arakit.model.base import FieldEntity, FieldSpec
from arakit.model.ids import normalize_id

E = TypeVar("E", bound=FieldEntity)

__all__ = ["append_text", "update_entity_text"]


@dataclass
class _Field:
    name: str  # as written
    start: int  # 0-based line in the file
    end: int  # exclusive, trailing blank lines dropped
    para: bool  # written as a `**Name**: value` paragraph line, not a bullet
    qualifier: str = ""  # `(optional)` in `**Taste** (optional):`


@dataclass
class _Edit:
    start: int
    end: int
    lines: list[str]
    old: str = ""  # the text replaced (its words may go)


def _trim(doc: MdDoc, start: int, end: int) -> int:
    while end > start and not doc.lines[end - 1].strip():
        end -= 1
    return end


def _fields(doc: MdDoc, part: Part) -> list[_Field]:
    out: list[_Field] = []
    for b in part.blocks:
        if b.kind == "item":
            raw = field_of(doc, b)
            if raw is not None:
                end = _trim(doc, b.start, b.end)
                out.append(_Field(raw.name, b.start, end, False, raw.qualifier))
        elif b.kind == "text":
            pairs = meta_lines(doc.lines[b.start : b.end], doc.lineno(b.start))
            if pairs:
                starts = [ln - doc.offset - 1 for _, _, ln in pairs]
                ends = [*starts[1:], _trim(doc, b.start, b.end)]
                out += [
                    _Field(n, s, e, True)
                    for (n, _, _), s, e in zip(pairs, starts, ends, strict=True)
                ]
    return out


def _names(spec: FieldSpec) -> set[str]:
    return {spec.label.lower(), *(a.lower() for a in spec.aliases)}


def _render(name: str, value: str, para: bool, qualifier: str = "") -> list[str]:
    if para:
        return f"**{name}**: {value}".split("\n")
    return field_line(name, value, qualifier).split("\n")


def _entity_id(part: Part, prefix: str) -> str | None:
    if part.heading is None:
        return None
    m = match_entity_heading(part.heading.text)
    if not m:
        return None
    eid = m.group("id")
    return (
        normalize_id(eid)
        if (eid.startswith("RW") if prefix == "RW" else eid[:1] == prefix)
        else None
    )


def update_entity_text(
    text: str,
    file: str,
    read: Callable[[str], list[E]],
    key: Callable[[E], str],
    find: Callable[[Part], str | None],
    before: list[E],
    after: list[E],
    render_new: Callable[[E], str],
) -> str:
    """`text` with the entities changed from `before` to `after` in place.

    `read` parses a whole text into entities (to check the result), `key` names an entity
    (its ID or term), `find` names the entity a heading part holds, `render_new` writes a new
    entity (heading and fields).
    """
    _, body, offset = front_matter_of(text, file)
    doc = parse(body, file, offset)
    level = min(_levels(doc, find), default=2)
    _, ps = parts(doc, level)
    where: dict[str, Part] = {}
    for p in ps:
        k = find(p)
        if k is not None and k not in where:
            where[k] = p
    old = {key(e): e for e in before}
    edits: list[_Edit] = []
    appended: list[str] = []
    for e in after:
        k = key(e)
        if k not in old:
            appended.append(render_new(e))
            continue
        if old[k] == e or k not in where:
            continue
        edits += _entity_edits(doc, where[k], old[k], e)
    lines = text.split("\n")
    for ed in sorted(edits, key=lambda x: x.start, reverse=True):
        lines[ed.start + offset : ed.end + offset] = ed.lines
    out = "\n".join(lines)
    if appended:
        out = out.rstrip("\n") + "\n\n" + "\n\n".join(a.rstrip("\n") for a in appended) + "\n"
    _check(text, out, file, read, key, after, edits)
    return out


def _levels(doc: MdDoc, find: Callable[[Part], str | None]) -> list[int]:
    return [
        b.level
        for b in doc.blocks
        if b.kind == "heading" and b.level > 1 and find(Part(b)) is not None
    ]


def _entity_edits(doc: MdDoc, part: Part, old: FieldEntity, new: FieldEntity) -> list[_Edit]:
    fields = _fields(doc, part)
    edits: list[_Edit] = []
    pending: list[tuple[str, str]] = []  # (label, value) of fields to add

    def replace(f: _Field, value: str | None) -> None:
        old_text = "\n".join(doc.lines[f.start : f.end])
        if value is None:
            edits.append(_Edit(f.start, f.end, [], old_text))
        else:
            lines = _render(f.name, value, f.para, f.qualifier)
            edits.append(_Edit(f.start, f.end, lines, old_text))

    for s in type(new).FIELDS:
        a, b = field_text(old, s), field_text(new, s)
        if a == b:
            continue
        names = _names(s)
        hit = next((f for f in fields if f.name.strip().lower() in names), None)
        if hit is not None:
            replace(hit, b)
        elif b is not None:
            pending.append((s.label, b))
    # the reader gives each known field its first occurrence; every other field line is an
    # extra field, in order: the i-th of those lines holds old.extra_fields[i]
    claimed: set[str] = set()
    extra_lines: list[_Field] = []
    for line in fields:
        spec = next((s for s in type(new).FIELDS if line.name.strip().lower() in _names(s)), None)
        if spec is not None and spec.attr not in claimed:
            claimed.add(spec.attr)
        else:
            extra_lines.append(line)
    for i, ef in enumerate(new.extra_fields):
        if i < len(old.extra_fields) and old.extra_fields[i] == ef:
            continue
        if i < len(old.extra_fields) and i < len(extra_lines):
            replace(extra_lines[i], ef.value)
        else:
            pending.append((ef.name, ef.value))
    if pending:
        last = fields[-1] if fields else None
        at = last.end if last else (part.heading.end if part.heading else 0)
        para = bool(last and last.para)
        new_lines: list[str] = []
        for label, value in pending:
            if para:
                new_lines += ["", *_render(label, value, True)]
            else:
                new_lines += _render(label, value, False)
        following = doc.lines[at] if at < len(doc.lines) else ""
        if (
            following.strip()
            and not para
            and not re.match(r"\s{0,3}(?:[-*+]|\d+[.)])\s", following)
        ):
            new_lines.append("")  # else the next paragraph would continue the new list item
        edits.append(_Edit(at, at, new_lines))
    return edits


def _check(
    before: str,
    after: str,
    file: str,
    read: Callable[[str], list[Any]],
    key: Callable[[Any], str],
    want: list[Any],
    edits: list[_Edit],
) -> None:
    try:
        got = read(after)
    except Exception as e:
        raise WriteRefusedError(
            f"an edit would leave the file unreadable ({e}); the file was left unchanged",
            file=file,
            hint="edit the file by hand",
        ) from None
    if [key(e) for e in got] != [key(e) for e in want] or any(
        _comparable(a) != _comparable(b) for a, b in zip(got, want, strict=True)
    ):
        raise WriteRefusedError(
            "an edit would change more than the entries it meant to; the file was left unchanged",
            file=file,
            hint="edit the file by hand, or run `ara fmt --to-canonical` to rewrite it first",
        )
    allowed: Counter[str] = Counter()
    for ed in edits:
        allowed += words(ed.old)
    require_kept(before, after, file, allowed)


def _comparable(e: FieldEntity) -> dict[str, Any]:
    """An entity's values (not where it was read from)."""
    return e.model_dump()


def append_text(text: str | None, addition: str) -> str:
    """A prose file with a section added at its end (a new file is just the section)."""
    if not text or not text.strip():
        return addition.rstrip("\n") + "\n"
    return text.rstrip("\n") + "\n\n" + addition.rstrip("\n") + "\n"


def render_entity(e: Any, level: int = 2) -> str:
    """A new entity as arakit writes it: `## C07: title` and its fields."""
    head = f"{'#' * level} {e.id}: {e.title}".rstrip()
    body = write_fields(e)
    return f"{head}\n\n{body}" if body else head


def entity_finder(prefix: str) -> Callable[[Part], str | None]:
    """Names the entity of an ID prefix a heading part holds (`C` finds `## C01: ...`)."""
    return lambda p: _entity_id(p, prefix)
