"""An unfinished template draft: a PDF that still prints the text its template ships with
— a placeholder title ("A something…", "Title goes here"), placeholder sentences ("Here
comes the statement of need", "Lorem ipsum"), the template's example names and citations
("Jon Doe", "@author:2001", "Caption for example figure"); or a text its authors have not
finished: their notes to one another ("TODO: ...") and references LaTeX could not resolve
("Fig. ??"). Such a PDF is said to be a draft in PAPER.md, and its placeholder and note
sentences are never claims."""

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

# the authors' notes to one another, left in the text: "TODO: add here table ...", "FIXME",
# "TBD", "<- update this"; written in capitals ("todo" is a word in other languages)
_NOTE = re.compile(
    r"(?<![\w-])(?-i:TODO|FIXME|TBD)(?![\w-])|(?<![\w-])(?-i:XXX)\s*:|"
    r"<-+\s*(?:update|fix|check|change|add|remove)\b",
    re.I,
)
# what LaTeX prints for a reference or a citation it could not resolve: "Fig. ??", "Section
# ??", "[?]", an empty "Kodak [] dataset" (never code's "parts = []")
_UNRESOLVED = re.compile(
    r"\b(?:fig(?:ure)?s?|tables?|tab|sections?|sec|appendix|appendices|eqs?|equations?|"
    r"algorithms?|alg|chapters?|ch|lines?|listings?)\.?\s*~?\(?\?\?|"
    r"(?<![\w\]])\[\?\](?!\w)|(?<=[A-Za-z,] )\[\](?= [a-z(.,;])",
    re.I,
)
MIN_UNRESOLVED = 2  # one "??" may be a slip in a finished paper; two show the draft


def placeholder(text: str) -> bool:
    """True when the text carries a template's placeholder wording or an author's note."""
    return bool(_PLACEHOLDER.search(text) or _NOTE.search(text))


def draft_status(doc: Document) -> str:
    """What shows the PDF to be a draft ("" when nothing does): a template's placeholder
    text (see template_draft), and the marks of an unfinished text (see editing_marks)."""
    return "; and ".join(x for x in (template_draft(doc), editing_marks(doc)) if x)


def editing_marks(doc: Document) -> str:
    """What the pages print of an unfinished text ("" when nothing does): the authors'
    notes to one another ("TODO: ..."), quoted, and references LaTeX left unresolved
    ("Fig. ??"), counted when there are at least MIN_UNRESOLVED of them."""
    texts = [doc.abstract, *(p.text for s in doc.sections for p in s.paragraphs)]
    notes: list[str] = []
    unresolved: list[str] = []
    for t in texts:
        for m in _NOTE.finditer(t or ""):
            notes.append(clip(t[m.start() :].strip(), 60))
        unresolved += [m.group(0) for m in _UNRESOLVED.finditer(t or "")]
    said: list[str] = []
    if notes:
        quoted = "; ".join(f'"{n}"' for n in notes[:3])
        said.append(
            f"{len(notes)} note{'s' if len(notes) > 1 else ''} of the authors left in the text "
            f"({quoted})"
        )
    if len(unresolved) >= MIN_UNRESOLVED:
        said.append(
            f"{len(unresolved)} unresolved references or citations printed as "
            + ", ".join(f'"{u}"' for u in dict.fromkeys(unresolved[:3]))
        )
    return ("an unfinished draft: it prints " + " and ".join(said)) if said else ""


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
