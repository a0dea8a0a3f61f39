"""An unfinished template draft: a PDF that still prints the text its template ships with
— a placeholder title ("A something…", "Title goes here"), placeholder sentences ("Here
comes the statement of need", "Lorem ipsum"), the template's example names and citations
("Jon Doe", "@author:2001", "Caption for example figure"). Such a PDF is said to be a
draft in PAPER.md, and its placeholder sentences are never claims."""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Document
from arakit.compiler.text import clip

_PLACEHOLDER = re.compile(
    r"\bhere comes the\b|\blorem ipsum\b|\b(?:jon|john|jane|jonas) doe\b|@author\d*:\d{4}|"
    r"\bcaption for (?:the |an )?example figure\b|\bcan be included like this\b|"
    r"\b(?:insert|add|put) (?:your |the )?[\w ]{1,30} here\b|\byour (?:name|title|abstract) "
    r"(?:goes )?here\b|\bjust wanted to give it a start\b",
    re.I,
)
_TITLE_PLACEHOLDER = re.compile(
    r"\b(?:a|an) something\b|\btitle (?:goes )?here\b|\byour (?:paper )?title\b|"
    r"^(?:title|untitled)$",
    re.I,
)
MIN_MARKS = 2  # one odd phrase in running text is chance; two, or the title, is a template


def placeholder(text: str) -> bool:
    """True when the text carries a template's placeholder wording."""
    return bool(_PLACEHOLDER.search(text))


def template_draft(doc: Document) -> str:
    """What shows the PDF to be an unfinished template draft ("" when nothing does): the
    placeholder title and the first placeholder sentences, quoted."""
    quoted: list[str] = []
    if _TITLE_PLACEHOLDER.search(doc.title or ""):
        quoted.append(f'the title "{doc.title}"')
    texts = [doc.abstract, *(p.text for s in doc.sections for p in s.paragraphs)]
    marks = [m.group(0) for t in texts for m in _PLACEHOLDER.finditer(t or "")]
    if not quoted and len(set(m.lower() for m in marks)) < MIN_MARKS:
        return ""
    for t in texts:
        m = _PLACEHOLDER.search(t or "")
        if m and len(quoted) < 3:
            start = max(0, t.rfind(".", 0, m.start()) + 1)
            quoted.append(f'"{clip(t[start:].strip(), 80)}"')
    return (
        "an unfinished template draft: it still prints its template's placeholder text ("
        + "; ".join(quoted)
        + ")"
    )
