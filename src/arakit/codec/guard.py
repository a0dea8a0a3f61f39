"""Guards every reader passes through before it parses a byte: hostile files end in a clean
error naming the file, never in a hang, a crash or memory without bound.

    read_regular(path, rel, max_bytes)  bytes of a regular file; a FIFO, device, socket,
                                        symlink loop or a file past the limit is refused
    symlink_problem(path, rel)          why a symlink cannot be read (loop, or leaves the root)
    check_yaml_nesting(text, file)      refuses YAML nested deeper than a parser survives,
                                        before the parser sees it (libyaml recurses in C)
    check_yaml_aliases(node, file)      refuses a document whose aliases expand past a bound
                                        (a "billion laughs" that a writer would expand)

Files are opened with O_NONBLOCK, so opening a FIFO never waits for a writer, and the type
is checked on the open descriptor (fstat), so a file swapped after a check is still caught.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Any

from arakit.errors import ArtifactError, ParseError, PathEscapeError, SizeLimitError

# libyaml's composer recurses in C and overflows the stack somewhere past 10,000 levels; no
# real artifact nests a tenth of this. The model builder has its own, tighter limit.
MAX_YAML_NESTING = 1000
# Values a document may stand for once every alias is expanded (what a writer would emit).
MAX_YAML_EXPANDED = 200_000

_KINDS = {
    stat.S_IFIFO: "a FIFO (named pipe)",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
    stat.S_IFDIR: "a folder",
}


def kind_of(mode: int) -> str:
    """`a FIFO (named pipe)`, `a character device`, ... for a stat mode that is not a file."""
    return _KINDS.get(stat.S_IFMT(mode), "not a regular file")


def read_regular(path: Path, rel: str, max_bytes: int) -> bytes:
    """The bytes of the regular file at `path` (symlinks inside the caller's checks are
    followed); ArtifactError naming `rel` for anything else, SizeLimitError past `max_bytes`."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    except OSError as e:
        raise _open_error(e, rel) from None
    with os.fdopen(fd, "rb", buffering=0) as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ArtifactError(
                f"is {kind_of(st.st_mode)}, not a regular file; it is not read",
                file=rel,
                hint="replace it with a regular file (archives unpacked as root can recreate "
                "devices and pipes)",
            )
        if st.st_size > max_bytes:
            raise _too_big(st.st_size, max_bytes, rel)
        chunks, total = [], 0
        while total <= max_bytes:
            chunk = fh.read(min(1 << 20, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
        if total > max_bytes:  # the file grew while it was read
            raise _too_big(total, max_bytes, rel)
    return b"".join(chunks)


def _too_big(size: int, limit: int, rel: str) -> SizeLimitError:
    return SizeLimitError(
        f"file is {size:,} bytes, over the {limit:,}-byte limit for text files "
        "(max_text_file_bytes)",
        file=rel,
        hint="split the file, or move raw data out of the artifact and summarise it",
    )


def _open_error(e: OSError, rel: str) -> ArtifactError:
    if e.errno == errno.ELOOP:
        return ArtifactError(
            "is a symlink loop (it never reaches a file)",
            file=rel,
            hint="replace the symlink with the file it should point to",
        )
    return ArtifactError(
        f"cannot be opened: {e.strerror or e}",
        file=rel,
        hint="check the file's permissions, or remove it",
    )


def resolves(path: Path) -> Path | None:
    """`path` with every symlink resolved, or None when it is a loop or cannot be resolved."""
    try:
        return Path(os.path.realpath(path, strict=True))
    except (OSError, RuntimeError):
        return None


def symlink_problem(path: Path, rel: str) -> ArtifactError:
    """The error for a symlink that cannot be read: a loop, a dangling link, or an escape."""
    try:
        target = os.readlink(path)
    except OSError:
        target = "?"
    try:
        os.stat(path)
    except OSError as e:
        if e.errno == errno.ELOOP:
            return _open_error(e, rel)
    return PathEscapeError(
        f"symlink {rel} points outside the artifact folder (to {target})",
        file=rel,
        hint="replace the symlink with a copy of the file it points to",
    )


# -- YAML -------------------------------------------------------------------------------------
_INDICATORS = re.compile(r"(?:[-?:](?:[ \t]+|$))+")
_BLOCK_SCALAR = re.compile(r"(?:^|[ \t:-])[|>][-+0-9]*[ \t]*(?:#.*)?$")
_OPENERS = re.compile(r"[\[{\"']")
_PROPERTY = re.compile(r"[&!][^ \t,\[\]{}]*[ \t]+")


def check_yaml_nesting(text: str, file: str, line_offset: int = 0) -> None:
    """ParseError when `text` could nest deeper than MAX_YAML_NESTING levels.

    A linear scan that over-estimates nesting: block levels by indentation, compact
    `- - -` indicators on a line, and flow brackets outside quotes and comments. Real YAML
    stays far below the limit; a file built to crash the parser does not.
    """
    # Block levels need ever deeper indentation and compact indicators a line's width, so
    # brackets plus the longest line bound the depth: most files never need the scan.
    brackets = text.count("[") + text.count("{")
    if brackets + max(map(len, text.split("\n"))) < MAX_YAML_NESTING:
        return
    flow = 0
    quote = ""  # the open quote character of a quoted scalar spanning lines
    indents: list[int] = []
    scalar_indent: int | None = None  # inside a block scalar (| or >) opened at this indent
    for n, line in enumerate(text.split("\n"), start=1):
        body = line.lstrip(" ")
        indent = len(line) - len(body)
        if scalar_indent is not None:
            if not body.strip() or indent > scalar_indent:
                continue
            scalar_indent = None
        if not quote and flow == 0:
            if not body.strip() or body.startswith("#"):
                continue
            while indents and indents[-1] >= indent:
                indents.pop()
            indents.append(indent)
            m = _INDICATORS.match(body)
            compact = m.group(0).count("-") + m.group(0).count("?") if m else 0
            depth = len(indents) + compact
            start = m.end() if m else 0
        else:
            depth, start = len(indents), 0
        if quote or flow or _OPENERS.search(body, start):
            depth, flow, quote = _scan(body, start, depth, flow, quote)
        if depth > MAX_YAML_NESTING:
            raise ParseError(
                f"YAML nested more than {MAX_YAML_NESTING} levels deep; not parsed",
                file=file,
                line=n + line_offset,
                hint="flatten the structure (a real document nests a few levels)",
            )
        if not quote and flow == 0 and _BLOCK_SCALAR.search(body):
            scalar_indent = indent


def _scan(body: str, i: int, base: int, flow: int, quote: str) -> tuple[int, int, str]:
    """Walk one line from `i`: (deepest nesting seen, flow depth after, open quote after)."""
    deepest = base + flow
    value_start = True  # in block context, `[`/`{` opens a flow node only where a value starts
    n = len(body)
    while i < n:
        c = body[i]
        if quote:
            if quote == '"' and c == "\\":
                i += 2
                continue
            if c == quote:
                if quote == "'" and i + 1 < n and body[i + 1] == "'":
                    i += 2
                    continue
                quote = ""
            i += 1
            continue
        if c == "#" and (i == 0 or body[i - 1] in " \t"):
            break
        if c in " \t":
            i += 1
            continue
        if c in "\"'" and value_start:
            quote = c
        elif c in "[{" and (flow or value_start):
            # inside flow context a bracket is always an indicator (plain scalars there
            # cannot hold one); in block context only where a value starts
            flow += 1
            deepest = max(deepest, base + flow)
            value_start = True
            i += 1
            continue
        elif c in "]}" and flow:
            flow -= 1
        elif flow and c in ",?":
            value_start = True
            i += 1
            continue
        elif c in "&!" and value_start and (m := _PROPERTY.match(body, i)):
            i = m.end()
            continue
        elif c == ":" and (flow or i + 1 == n or body[i + 1] in " \t"):
            value_start = True
            i += 1
            continue
        value_start = False
        i += 1
    return deepest, flow, quote


def check_yaml_aliases(node: Any, file: str, line_offset: int = 0) -> None:
    """ParseError when the composed document, with every alias expanded, holds more than
    MAX_YAML_EXPANDED values. Counted without expanding: each node's size is computed once."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(node, False)]
    while stack:
        cur, done = stack.pop()
        key = id(cur)
        if done:
            kids = _children(cur, MappingNode, SequenceNode)
            sizes[key] = 1 + sum(sizes[id(k)] for k in kids)
            if sizes[key] > MAX_YAML_EXPANDED:
                raise ParseError(
                    f"YAML aliases expand to more than {MAX_YAML_EXPANDED:,} values "
                    "(an alias bomb); not read",
                    file=file,
                    line=cur.start_mark.line + 1 + line_offset,
                    hint="write the values out, or use fewer nested aliases",
                )
            continue
        if key in sizes:  # an alias of a node already counted (or being counted: a cycle)
            continue
        sizes[key] = 0  # visiting: a node reached again while visiting is a cycle, size 0
        stack.append((cur, True))
        stack.extend((k, False) for k in _children(cur, MappingNode, SequenceNode))


def _children(node: Any, mapping: Any, sequence: Any) -> list[Any]:
    if isinstance(node, mapping):
        return [x for pair in node.value for x in pair]
    if isinstance(node, sequence):
        return list(node.value)
    return []
