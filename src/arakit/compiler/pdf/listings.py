"""Lines of a program the paper prints (a code listing, an example session): set in a
monospace font and shaped as code, not as prose.

Papers print code in a typewriter face (Courier, LM Mono, Inconsolata, ...). A line whose
main font is monospace is code unless it reads as prose: prose that names a function in
the typewriter face (`The main functions are fit(), sample(), and`) has a run of plain
words; a code line has symbols between its words, or is a comment. Addresses (URLs,
e-mail) set in the same face are not code."""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Line

_MONO_FONT = re.compile(
    r"mono|courier|typewriter|consol|menlo|inconsolata|cmtt|lmtt|sfmono|sourcecode|nimbusmon|"
    r"(?<![a-z])tt\d|-tt\b",
    re.IGNORECASE,
)
# four plain words in a row: prose (a statement of code has symbols between its words)
_PROSE_RUN = re.compile(r"(?:(?<=\s)|^)(?:[A-Za-z][a-z]+[,;.]?\s+){3}[A-Za-z][a-z]+")
_COMMENT = re.compile(r"^(?:#|//|%|--\s)")
_ADDRESS = re.compile(r"://|\bwww\.|\w@\w|\.(?:com|org|edu|io)\b")


def monospace(font: str) -> bool:
    """True for a typewriter (fixed-width) font, the face papers print code in."""
    return bool(_MONO_FONT.search(font))


def is_code_line(ln: Line) -> bool:
    """A line of printed code: set in a monospace font, and a comment or not prose."""
    if not monospace(ln.font):
        return False
    text = ln.text.strip()
    if _ADDRESS.search(text):
        return False
    return bool(_COMMENT.match(text)) or not _PROSE_RUN.search(text)


def code_lines(lines: list[Line]) -> list[Line]:
    """The lines of printed code among a document's lines, in reading order: runs of two
    or more code lines in a row on one page (a listing has several lines; one line in a
    typewriter face among prose is a name, an address or a misread font, not a program)."""
    out: list[Line] = []
    run: list[Line] = []
    for ln in [*lines, None]:
        if ln is not None and is_code_line(ln) and (not run or run[-1].page == ln.page):
            run.append(ln)
            continue
        if len(run) >= 2:
            out += run
        run = [ln] if ln is not None and is_code_line(ln) else []
    return out
