"""A fast block scanner for the Markdown that artifacts use, with markdown-it as the reference.

Reading dominates Level 1, and markdown-it's general block parser spends most of that time
on nested lists, the very shape of every entity field. This scanner recognises the block
structure the format is written in (ATX headings, fenced code, HTML comments, thematic
breaks, list items with lazy continuation, pipe tables, paragraphs) and gives up, returning
None, on anything else (tabs in indentation, block quotes, setext headings, indented code,
HTML blocks, link reference definitions, ordered items that would interrupt a paragraph).
The caller then asks markdown-it. tests/codec/test_scan.py checks the two agree, block for
block, on generated documents and on every Markdown file of the examples.
"""

from __future__ import annotations

import re

from arakit.model.table import Table

# The whitespace markdown-it trims from table cells (CommonMark's set plus Unicode spaces).
_TRIM = "".join(chr(c) for c in (9, 10, 11, 12, 13, 32, *range(0x2000, 0x200B), 0x2028, 0x2029))

_FENCE_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})(.*)$")
_ATX_RE = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_HR_RE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_ITEM_RE = re.compile(r"^( {0,3})([-*+]|(\d{1,9})[.)])(?:([ \t]+)(.*))?$")
_SETEXT_RE = re.compile(r"^ {0,3}(?:=+|-+)[ \t]*$")
_REF_RE = re.compile(r"^ {0,3}\[")
_DELIM_CELL_RE = re.compile(r"^:?-+:?$")


class Unsupported(Exception):
    """The text uses a construct the scanner does not model; use markdown-it instead."""


def _indent(line: str) -> int:
    stripped = line.lstrip(" ")
    if stripped.startswith("\t"):
        raise Unsupported("tab indentation")
    return len(line) - len(stripped)


def _heading_text(raw: str | None) -> str:
    text = (raw or "").strip()
    text = re.sub(r"(?:^|[ \t]+)#+$", "", text)
    return text.strip()


def _split_row(line: str) -> list[str]:
    """Cells of a table row, split on unescaped pipes, `\\|` unescaped, outer pipes dropped."""
    cells: list[str] = []
    current: list[str] = []
    escaped = False
    for ch in line:
        if ch == "|" and not escaped:
            cells.append("".join(current))
            current = []
        elif ch == "|":
            current[-1:] = ["|"]
        else:
            current.append(ch)
        escaped = ch == "\\"
    cells.append("".join(current))
    if cells and cells[0] == "":
        cells.pop(0)
    if cells and cells[-1] == "":
        cells.pop()
    return cells


def _delimiter(line: str) -> list[str] | None:
    """Alignments of a table delimiter row, or None if the line is not one."""
    text = line.strip(" ")
    if len(text) < 2 or text[0] not in "|-:" or (text[1] not in "|-: \t") or text[:2] == "- ":
        return None
    if any(ch not in "|-: \t" for ch in text):
        return None
    parts = text.split("|")
    aligns: list[str] = []
    for k, part in enumerate(parts):
        t = part.strip(_TRIM)
        if not t:
            if k in (0, len(parts) - 1):
                continue
            return None
        if not _DELIM_CELL_RE.match(t):
            return None
        if t.endswith(":"):
            aligns.append("center" if t.startswith(":") else "right")
        else:
            aligns.append("left" if t.startswith(":") else "")
    return aligns


def _table_start(lines: list[str], i: int) -> list[str] | None:
    """Alignments when lines[i] starts a table (header + delimiter), else None."""
    if "|" not in lines[i] or i + 1 >= len(lines) or "-" not in lines[i + 1]:
        return None
    if i + 1 >= len(lines) or _indent(lines[i + 1]) >= 4 or _indent(lines[i]) >= 4:
        return None
    aligns = _delimiter(lines[i + 1])
    if aligns is None:
        return None
    header = lines[i].strip(_TRIM)
    if "|" not in header or len(_split_row(header)) != len(aligns) or not aligns:
        return None
    return aligns


def _interrupts_paragraph(lines: list[str], j: int, width: int = 0) -> bool:
    """True when line j starts a block that ends a paragraph (markdown-it's terminators).

    `width`: the content column of the list item whose paragraph line j would lazily
    continue; a table interrupts there only if its delimiter row reaches that column."""
    line = lines[j]
    if _indent(line) >= 4:
        return False
    s = line.lstrip(" ")
    if _FENCE_RE.match(line) or _HR_RE.match(line) or _ATX_RE.match(line):
        return True
    if s.startswith(">"):
        raise Unsupported("block quote")
    if s.startswith("<"):
        if s.startswith("<!--"):
            return True
        raise Unsupported("HTML block")
    m = _ITEM_RE.match(line)
    if m and (m.group(5) or "").strip():
        if m.group(3) is not None and m.group(3) != "1":
            raise Unsupported("ordered item that may continue a paragraph")
        return True
    if j + 1 < len(lines) and lines[j + 1].strip() and _indent(lines[j + 1]) < width:
        return False
    return _table_start(lines, j) is not None


def _paragraph_end(lines: list[str], i: int) -> int:
    """The line after the paragraph that starts at i."""
    if _REF_RE.match(lines[i]):
        raise Unsupported("possible link reference definition")
    j = i + 1
    while j < len(lines):
        line = lines[j]
        if not line.strip():
            break
        if _SETEXT_RE.match(line):
            raise Unsupported("setext heading")
        if _interrupts_paragraph(lines, j):
            break
        j += 1
    return j


def _fence_end(lines: list[str], i: int, indent: int) -> int:
    """The line after the fenced block opening at i (dedented by `indent`)."""
    opening = _FENCE_RE.match(lines[i][indent:])
    assert opening is not None
    mark = opening.group(1)
    if mark[0] == "`" and "`" in opening.group(2):
        raise Unsupported("backtick in a fence info string")
    j = i + 1
    while j < len(lines):
        body = lines[j]
        if body.strip() and _indent(body) < indent:
            return j  # the container ended; the fence closes with it
        close = _FENCE_RE.match(body[indent:]) if body.strip() else None
        if (
            close
            and close.group(1)[0] == mark[0]
            and len(close.group(1)) >= len(mark)
            and not close.group(2).strip()
        ):
            return j + 1
        j += 1
    return j


def _item_end(lines: list[str], i: int, width: int) -> int:
    """The line after the list item starting at i whose content starts at column `width`."""
    n = len(lines)
    end = i + 1
    first = _ITEM_RE.match(lines[i])
    assert first is not None
    content = (first.group(5) or "").strip()
    open_para = (
        bool(content)
        and not _FENCE_RE.match(content)
        and not _ATX_RE.match(content)
        and not _HR_RE.match(content)
    )
    if content.startswith(("<", ">")) or (content and _REF_RE.match(content)):
        raise Unsupported("HTML, quote or reference in a list item")
    if _FENCE_RE.match(content):
        raise Unsupported("fence on a list marker line")
    if not content and i + 1 < n and not lines[i + 1].strip():
        raise Unsupported("list item that starts with a blank line")
    blank = False
    in_table = False
    nested = False
    j = i + 1
    while j < n:
        line = lines[j]
        if not line.strip():
            blank, open_para, in_table = True, False, False
            j += 1
            continue
        ind = _indent(line)
        if ind >= width:
            inner = line[width:]
            if _FENCE_RE.match(inner) and _indent(inner) < 4:
                j = end = _fence_end(lines, j, width)
                open_para = in_table = blank = False
                continue
            if inner.lstrip(" ").startswith(("<", ">")) and _indent(inner) < 4:
                raise Unsupported("HTML or quote inside a list item")
            if blank and _indent(inner) >= 4 and not open_para:
                raise Unsupported("indented code inside a list item")
            delim_inside = j + 1 < n and lines[j + 1].strip() and _indent(lines[j + 1]) >= width
            if (
                not in_table
                and delim_inside
                and _table_start([ln[width:] for ln in lines[j : j + 2]], 0)
            ):
                if nested and open_para and not blank:
                    # whether it opens a table or continues the nested item's paragraph
                    # depends on the inner column, as below
                    raise Unsupported("table after a nested list item")
                in_table, open_para = True, False
            elif in_table and (
                _ITEM_RE.match(inner.lstrip(" ")) or _ATX_RE.match(inner) or _HR_RE.match(inner)
            ):
                # a block that ends the table; what follows it depends on markdown-it
                raise Unsupported("block right after a table inside a list item")
            elif not in_table:
                sub = inner.lstrip(" ")
                if _ATX_RE.match(inner) or _HR_RE.match(inner):
                    open_para = False
                elif open_para and _SETEXT_RE.match(inner):
                    raise Unsupported("setext heading inside a list item")
                else:
                    m = _ITEM_RE.match(inner.lstrip(" ")) if _indent(inner) < 4 else None
                    item_text = (m.group(5) or "").strip() if m else ""
                    if m and not item_text and open_para and not blank:
                        raise Unsupported("empty list marker that may continue a paragraph")
                    # the line belongs to the item either way; only whether a paragraph
                    # stays open (for lazy lines) depends on how markdown-it reads it
                    open_para = bool(sub) if not m else bool(item_text)
                    nested = nested or m is not None
            end = j + 1
            blank = False
            j += 1
            continue
        # less indented than the item's content
        if nested and open_para and not blank and _table_start(lines, j) is not None:
            raise Unsupported("table after a nested list item")  # depends on the inner column
        if blank or not open_para or _interrupts_paragraph(lines, j, width):
            break
        if _SETEXT_RE.match(line):
            raise Unsupported("setext heading after a list item")
        end = j + 1  # lazy continuation of the item's open paragraph
        j += 1
    return end


def scan(text: str) -> list[tuple[str, int, int, int, str, Table | None]] | None:
    """Top-level blocks as (kind, start, end, level, heading text, table), or None when the
    text uses something the scanner does not model."""
    lines = text.split("\n")
    try:
        return _scan(lines)
    except Unsupported:
        return None


def _scan(lines: list[str]) -> list[tuple[str, int, int, int, str, Table | None]]:
    out: list[tuple[str, int, int, int, str, Table | None]] = []
    n = len(lines)
    i = 0
    while i < n:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        ind = _indent(line)
        if ind >= 4:
            raise Unsupported("indented code block")
        s = line[ind:]
        aligns = _table_start(lines, i)
        if aligns is not None:  # markdown-it tries tables before every other block
            j = _table_end(lines, i)
            out.append(("table", i, j, 0, "", _table(lines, i, j, aligns)))
            i = j
            continue
        if _FENCE_RE.match(line):
            j = _fence_end(lines, i, 0)
            out.append(("text", i, j, 0, "", None))
            i = j
            continue
        heading = _ATX_RE.match(line)
        if heading:
            out.append(
                ("heading", i, i + 1, len(heading.group(1)), _heading_text(heading.group(2)), None)
            )
            i += 1
            continue
        if _HR_RE.match(line):
            out.append(("text", i, i + 1, 0, "", None))
            i += 1
            continue
        if s.startswith(">"):
            raise Unsupported("block quote")
        if s.startswith("<"):
            if not s.startswith("<!--"):
                raise Unsupported("HTML block")
            j = i
            while j < n and "-->" not in lines[j][(ind + 4 if j == i else 0) :]:
                j += 1
            out.append(("text", i, min(j + 1, n), 0, "", None))
            i = min(j + 1, n)
            continue
        item = _ITEM_RE.match(line)
        if item:
            marker = item.group(2)
            gap = item.group(4) or ""
            if "\t" in gap:
                raise Unsupported("tab after a list marker")
            rest = item.group(5) or ""
            spaces = len(gap) if rest.strip() and 1 <= len(gap) <= 4 else 1
            j = _item_end(lines, i, ind + len(marker) + spaces)
            out.append(("item", i, j, 0, "", None))
            i = j
            continue
        j = _paragraph_end(lines, i)
        out.append(("text", i, j, 0, "", None))
        i = j
    return out


def _table_end(lines: list[str], i: int) -> int:
    j = i + 2
    while j < len(lines):
        line = lines[j]
        if not line.strip(_TRIM) or _indent(line) >= 4:
            break
        s = line.lstrip(" ")
        if s.startswith(">"):
            raise Unsupported("block quote after a table")
        if (
            _FENCE_RE.match(line)
            or _HR_RE.match(line)
            or _ATX_RE.match(line)
            or _ITEM_RE.match(line)
        ):
            break
        if s.startswith("<"):
            if s.startswith("<!--"):
                break
            raise Unsupported("HTML after a table")
        j += 1
    return j


def _table(lines: list[str], i: int, j: int, aligns: list[str]) -> Table:
    count = len(aligns)
    header = [c.strip(_TRIM) for c in _split_row(lines[i].strip(_TRIM))]
    rows = []
    for k in range(i + 2, j):
        cells = _split_row(lines[k].strip(_TRIM))
        rows.append([(cells[c].strip(_TRIM) if c < len(cells) else "") for c in range(count)])
    return Table.build(header=header, align=aligns if any(aligns) else [], rows=rows)
