"""Markdown structure from real block tokens (markdown-it-py): headings, list items, tables, text.

Inline parsing is switched off: arakit needs the block structure and the exact source lines,
never rendered HTML. Every block keeps its line range so entities can say where they came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from arakit.errors import ParseError
from arakit.model.table import Table


@lru_cache(maxsize=1)
def _parser():  # type: ignore[no-untyped-def]
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": True}).enable("table")
    md.disable("inline")  # cell and heading text are taken from `content`, unparsed
    return md


@dataclass
class Block:
    """A top-level block: heading, item (one top-level list item), table, or text."""

    kind: str
    start: int  # 0-based first line
    end: int  # exclusive
    level: int = 0
    text: str = ""
    table: Table | None = None


@dataclass
class MdDoc:
    """A parsed Markdown body: its lines, its blocks, and the line offset in the file."""

    lines: list[str]
    blocks: list[Block]
    offset: int = 0  # lines before the body (front matter)
    file: str = ""

    def lineno(self, index: int) -> int:
        """1-based line number in the file for a 0-based body line index."""
        return index + 1 + self.offset

    def raw(self, start: int, end: int) -> str:
        """Source lines [start, end) with leading and trailing blank lines removed."""
        chunk = self.lines[start:end]
        while chunk and not chunk[-1].strip():
            chunk.pop()
        while chunk and not chunk[0].strip():
            chunk.pop(0)
        return "\n".join(chunk)

    def join(self, blocks: list[Block]) -> str:
        """The text of several blocks, keeping the separation the author used between them."""
        out: list[str] = []
        prev_end = None
        for b in blocks:
            text = self.raw(b.start, b.end)
            if not text:
                continue
            if out:
                gap: list[str] = self.lines[prev_end : b.start] if prev_end is not None else []
                adjacent = (
                    prev_end is not None and b.start >= prev_end and all(not g.strip() for g in gap)
                )
                out.append("\n" if adjacent and not gap else "\n\n")
            out.append(text)
            prev_end = b.end
            while prev_end > b.start and not self.lines[prev_end - 1].strip():
                prev_end -= 1
        return "".join(out)


def parse(text: str, file: str = "", offset: int = 0) -> MdDoc:
    """Blocks of a Markdown text (line endings already normalised to `\\n`)."""
    from arakit.codec.scan import scan

    lines = text.split("\n")
    fast = scan(text)
    if fast is not None:
        return MdDoc(
            lines=lines,
            blocks=[
                Block(kind, s, e, level=lv, text=t, table=tb) for kind, s, e, lv, t, tb in fast
            ],
            offset=offset,
            file=file,
        )
    return parse_reference(text, file, offset)


def parse_reference(text: str, file: str = "", offset: int = 0) -> MdDoc:
    """Blocks as markdown-it-py sees them: the reference the fast scanner is tested against."""
    lines = text.split("\n")
    tokens = _parser().parse(text)
    blocks: list[Block] = []
    i, n = 0, len(tokens)
    while i < n:
        tok = tokens[i]
        if tok.level != 0 or tok.map is None or tok.nesting == -1:
            i += 1
            continue
        start, end = tok.map
        if tok.type == "heading_open":
            blocks.append(
                Block(
                    "heading",
                    start,
                    end,
                    level=int(tok.tag[1:]),
                    text=tokens[i + 1].content.strip(),
                )
            )
        elif tok.type in ("bullet_list_open", "ordered_list_open"):
            j = i + 1
            while j < n and not (
                tokens[j].type == tok.type.replace("open", "close") and tokens[j].level == 0
            ):
                t = tokens[j]
                if t.type == "list_item_open" and t.level == 1 and t.map:
                    blocks.append(Block("item", t.map[0], t.map[1]))
                j += 1
            i = j
        elif tok.type == "table_open":
            blocks.append(Block("table", start, end, table=_table(tokens, i)))
        else:
            blocks.append(Block("text", start, end))
        i += 1
    return MdDoc(lines=lines, blocks=_fill_gaps(blocks, lines), offset=offset, file=file)


def _fill_gaps(blocks: list[Block], lines: list[str]) -> list[Block]:
    """Every non-blank line belongs to a block: markdown-it keeps link reference definitions
    (`[ref]: https://...`) out of its tokens, and a reader that lost them would lose text."""
    out: list[Block] = []
    pos = 0
    for b in [*blocks, Block("end", len(lines), len(lines))]:
        k = pos
        while k < b.start:
            if lines[k].strip():
                j = k
                while j < b.start and lines[j].strip():
                    j += 1
                out.append(Block("text", k, j))
                k = j
            else:
                k += 1
        if b.kind != "end":
            out.append(b)
            pos = max(pos, b.end)
    return out


def _table(tokens, i: int) -> Table:  # type: ignore[no-untyped-def]
    header: list[str] = []
    align: list[str] = []
    rows: list[list[str]] = []
    current: list[str] | None = None
    in_head = False
    j = i + 1
    while tokens[j].type != "table_close":
        t = tokens[j]
        if t.type == "thead_open":
            in_head = True
        elif t.type == "thead_close":
            in_head = False
        elif t.type == "tr_open":
            current = []
        elif t.type in ("th_open", "td_open"):
            if in_head:
                style = str(t.attrs.get("style", "")) if t.attrs else ""
                align.append(style.removeprefix("text-align:") if style else "")
            assert current is not None
            current.append(tokens[j + 1].content.strip() if tokens[j + 1].type == "inline" else "")
        elif t.type == "tr_close" and current is not None:
            (header.extend(current) if in_head else rows.append(current))
            current = None
        j += 1
    if not any(align):
        align = []  # no alignment marks: the canonical `---` row
    return Table.build(header=header, align=align, rows=rows)


# -- front matter -----------------------------------------------------------------------------
def split_front_matter(text: str, file: str) -> tuple[str | None, str, int]:
    """(front matter YAML or None, body, number of lines before the body)."""
    if not text.startswith("---\n") and text.rstrip("\n") != "---":
        return None, text, 0
    lines = text.split("\n")
    for k in range(1, len(lines)):
        if lines[k].rstrip() in ("---", "..."):
            return "\n".join(lines[1:k]) + "\n", "\n".join(lines[k + 1 :]), k + 1
    raise ParseError(
        "front matter opened with '---' on line 1 is never closed",
        file=file,
        line=1,
        hint="end the YAML front matter with a line holding only '---'",
    )


def front_matter_of(text: str, file: str) -> tuple[str | None, str, int]:
    """Like `split_front_matter`, for files where front matter is optional and rare (logic/,
    evidence/): a block that is not closed, or does not hold a YAML mapping, is not front
    matter but part of the text."""
    try:
        fm, body, offset = split_front_matter(text, file)
    except ParseError:
        return None, text, 0
    if fm is None:
        return None, text, 0
    from arakit.codec import yamlio

    try:
        data = yamlio.load(fm, file, line_offset=1)
    except ParseError:
        return None, text, 0
    if not isinstance(data, dict):
        return None, text, 0
    return fm, body, offset


def with_front_matter(front_matter: str | None, text: str) -> str:
    """A written file: its front matter block (when it had one) above the text."""
    if front_matter is None:
        return text
    return f"---\n{front_matter}---\n\n{text}" if text.strip() else f"---\n{front_matter}---\n"


# -- fields -----------------------------------------------------------------------------------
_FIELD_RE = re.compile(
    r"^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\*\*(?P<name>[^*\n]+?)\*\*\s*(?P<rest>.*)$"
)
_META_RE = re.compile(r"^\*\*(?P<name>[^*\n]+?)\*\*\s*(?P<rest>.*)$")


@dataclass
class RawField:
    """A field as written: name, value text (continuation lines dedented), 1-based line, and
    a qualifier written after the name (`**Taste** (optional):` → "(optional)")."""

    name: str
    value: str
    line: int
    qualifier: str = ""


_QUALIFIER_RE = re.compile(r"^\s*(\([^()\n]{1,60}\))\s*:")


def split_label(name: str, rest: str) -> tuple[str, str, str] | None:
    """(name, qualifier, value) of `**Name**: v`, `**Name:** v`, `**Name.** v` or
    `**Name** (qualifier): v`; None when the bold text is not a field label."""
    name = name.strip()
    if name.endswith(":") or (
        name.endswith(".") and not name.endswith("..") and name[:1].isupper() and len(name) > 2
    ):
        return name[:-1].strip(), "", rest.strip()
    if rest.startswith(":"):
        return name, "", rest[1:].strip()
    q = _QUALIFIER_RE.match(rest)
    if q:
        return name, q.group(1), rest[q.end() :].strip()
    return None


def field_of(doc: MdDoc, block: Block) -> RawField | None:
    """The field a list item holds (`- **Name**: value`), or None if it is not a field."""
    m = _FIELD_RE.match(doc.lines[block.start])
    if not m:
        return None
    label = split_label(m.group("name"), m.group("rest"))
    if label is None:
        return None
    name, qualifier, value = label
    cont = doc.lines[block.start + 1 : block.end]
    while cont and not cont[-1].strip():
        cont.pop()
    if cont:
        body = dedent(cont)
        value = f"{value}\n{body}" if value else body.lstrip("\n")
    return RawField(name=name, value=value, line=doc.lineno(block.start), qualifier=qualifier)


def meta_of(line: str) -> tuple[str, str] | None:
    """`**Name**: value` at the start of a line (evidence file header lines)."""
    m = _META_RE.match(line)
    if not m:
        return None
    label = split_label(m.group("name"), m.group("rest"))
    if label is None or label[1]:
        return None
    return label[0], label[2]


def meta_lines(lines: list[str], first_line: int) -> list[tuple[str, str, int]] | None:
    """A paragraph made only of `**Name**: value` lines (values may wrap onto later lines),
    as (name, value, line); None when any line before the first field is something else."""
    out: list[tuple[str, str, int]] = []
    for k, line in enumerate(lines):
        if not line.strip():
            continue
        m = meta_of(line.strip())
        if m:
            out.append((m[0], m[1], first_line + k))
        elif out:
            name, value, ln = out[-1]
            out[-1] = (name, f"{value}\n{line.strip()}", ln)
        else:
            return None
    return out or None


def dedent(lines: list[str]) -> str:
    """Remove the common leading spaces of the non-blank lines."""
    widths = [len(ln) - len(ln.lstrip(" ")) for ln in lines if ln.strip()]
    cut = min(widths, default=0)
    return "\n".join(ln[cut:] if ln.strip() else "" for ln in lines)


def indent(text: str, prefix: str = "  ") -> str:
    """Indent every non-blank line."""
    return "\n".join(prefix + ln if ln.strip() else "" for ln in text.split("\n"))


@dataclass
class Part:
    """A heading's reach: the heading block and the blocks up to the next heading of level ≤ it."""

    heading: Block | None
    blocks: list[Block] = field(default_factory=list)

    @property
    def end(self) -> int:
        return self.blocks[-1].end if self.blocks else (self.heading.end if self.heading else 0)


def parts(doc: MdDoc, level: int) -> tuple[list[Block], list[Part]]:
    """Split at headings of `level` or higher: (blocks before the first, one Part per heading)."""
    before: list[Block] = []
    out: list[Part] = []
    for k, b in enumerate(doc.blocks):
        if k == 0 and b.kind == "heading" and b.level == 1:
            before.append(b)  # the document title
        elif b.kind == "heading" and b.level <= level:
            out.append(Part(b))
        elif out:
            out[-1].blocks.append(b)
        else:
            before.append(b)
    return before, out


def table_text(table: Table) -> str:
    """A table in canonical Markdown: `| a | b |`, alignment row, one line per row."""
    width = max([len(table.header)] + [len(r) for r in table.rows])
    header = list(table.header) + [""] * (width - len(table.header))

    def row(cells: list[str]) -> str:
        cells = list(cells) + [""] * (width - len(cells))
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    marks = {"left": ":---", "right": "---:", "center": ":---:"}
    align = list(table.align) + [""] * (width - len(table.align))
    lines = [row(header), "| " + " | ".join(marks.get(a, "---") for a in align) + " |"]
    lines += [row(r) for r in table.rows]
    return "\n".join(lines)
