"""Notes (Markdown or plain text) read as extra sections of the document model."""

from __future__ import annotations

import re
from pathlib import Path

from arakit.compiler.errors import SourceError
from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.pdf.paragraphs import dehyphenate

_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")


def read_notes(path: Path) -> list[DocSection]:
    """One section per heading (the file name when there is none), paragraphs split at blank lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SourceError(
            str(path), "notes are not UTF-8 text", hint="save the notes as UTF-8"
        ) from None
    sections: list[DocSection] = []
    current = DocSection(number="", title=path.stem, level=1, page=0)
    buf: list[str] = []

    def flush() -> None:
        if buf:
            current.paragraphs.append(Paragraph(dehyphenate(buf), 0, current.number))
            buf.clear()

    for line in text.splitlines():
        m = _HEADING.match(line)
        if m:
            flush()
            if current.paragraphs:
                sections.append(current)
            current = DocSection(number="", title=m.group(1), level=1, page=0)
        elif not line.strip():
            flush()
        else:
            buf.append(re.sub(r"^\s*[-*+]\s+", "", line))
    flush()
    if current.paragraphs:
        sections.append(current)
    return sections


def notes_document(paths: list[Path]) -> Document:
    """A document made only of notes (when no PDF is given)."""
    doc = Document(path=", ".join(str(p) for p in paths), pages=0)
    for p in paths:
        doc.sections += read_notes(p)
    if doc.sections:
        doc.title = doc.sections[0].title
    return doc
