"""Which part of a paper closes it: the Conclusion, a section headed as a summary or a
conclusion, or — in a paper with no Conclusion — the Discussion it ends on ("4 Discussion"
of a journal article). Its sentences are read as the conclusion's claims.
"""

from __future__ import annotations

import re
from dataclasses import replace

from arakit.compiler.mapping.context import PaperContext, Sentence
from arakit.compiler.atoms import Where
from arakit.compiler.text import section_roles, sentences


def said_in(ctx: PaperContext, roles: tuple[str, ...]) -> list[Sentence]:
    """The sentences of sections with these roles; a section headed both as a discussion
    and a summary or conclusion ("Summary and Discussion") is read as the conclusion, and so
    is a sentence that opens by concluding ("In summary, ..."). The abstract of a paper
    whose reader found none is read from the front (see _unmarked_abstract)."""
    if roles == ("abstract",):
        return ctx.sentences("abstract") or _unmarked_abstract(ctx)
    if roles != ("conclusion",):
        return ctx.sentences(*roles)
    closing = _closing_discussion(ctx)
    return [
        s if s.where.role == "conclusion" else replace(s, where=replace(s.where, role="conclusion"))
        for s in _before_back_matter(ctx.sentences("conclusion", "limitations"))
        if s.where.role == "conclusion"
        or _CONCLUDING.search(s.heading)
        or (closing and _within(s.where.section, s.heading, closing))
        or concluded(s.text)
    ]


# a sentence that draws the paper's conclusion, wherever the Discussion sets it: "In
# summary, frequent data breaches ... underscore ...", "In conclusion, this work
# establishes that ...", "To conclude, ... our study confirms ..." (not a list's lead-in)
_CONCLUDED = re.compile(
    r"^(?:in (?:summary|conclusion|sum)|to (?:conclude|summari[sz]e)|taken together|all in all),"
    r"\s*(?!the following\b|as follows\b)",
    re.I,
)


def concluded(text: str) -> bool:
    """True when the sentence opens by saying it concludes (see _CONCLUDED) and is a whole
    sentence, not the lead-in of a list."""
    text = text.strip()
    return bool(_CONCLUDED.match(text)) and re.search(r"[.!]$", text) is not None


# the heading of a paper's abstract set as a section of its own
_ABSTRACT = re.compile(r"^\W*(?:abstract|summary)\W*$", re.I)


def _unmarked_abstract(ctx: PaperContext) -> list[Sentence]:
    """The abstract of a paper whose reader found none: the section before the
    Introduction headed "Abstract", else the untitled one right before the Introduction (a
    preprint that prints its abstract without a heading); its sentences read as the
    abstract's. None when the paper has no Introduction to tell the front from the text."""
    known = section_roles(ctx.doc.sections)
    front = []
    for sec in ctx.doc.sections:
        if known[id(sec)] == "introduction":
            break
        front.append(sec)
    else:
        return []
    headed = [sec for sec in front if _ABSTRACT.match(sec.title)]
    chosen = headed[-1] if headed else (front[-1] if front and not front[-1].title else None)
    if chosen is None:
        return []
    out = []
    for p in chosen.paragraphs:
        for t in sentences(p.text):
            out.append(Sentence(t, Where(p.page, chosen.number, t, "abstract"), 0, "Abstract"))
    return out


def _before_back_matter(said: list[Sentence]) -> list[Sentence]:
    """The sentences before a paragraph that opens with a run-in back-matter heading
    ("Acknowledgements. The National Center ...", "Code availability. ..." — Copernicus and
    many journals set these as paragraphs run on after the last section), in each section."""
    out: list[Sentence] = []
    cut: set[tuple[str, str]] = set()
    for s in said:
        where = (s.where.section, s.heading)
        if where in cut:
            continue
        if _RUN_IN.match(s.text):
            cut.add(where)  # this paragraph and the rest of the section are back matter
            continue
        out.append(s)
    return out


# what follows the last section of a paper's text without being part of it
_BACK_MATTER = re.compile(
    r"^\W*(?:acknowledg\w*|funding|author(?:s'?|’s)? contributions?|(?:(?:data|code|software)"
    r"(?:,? (?:and|&) )?)+ availability|competing interests?|conflicts? of interest|declarations?|ethics)\b",
    re.I,
)


# a back-matter heading run in at a paragraph's start, ended by a full stop or a colon
_RUN_IN = re.compile(
    _BACK_MATTER.pattern + r"(?:\s+(?:statement|note|information|and|&|of|interests?|"
    r"(?:data|code|software) availability))*\s*[.:](?:\s|$)",
    re.I,
)


def _closing_discussion(ctx: PaperContext) -> tuple[str, str] | None:
    """(number, title) of the section that closes a paper with no Conclusion when it is its
    Discussion ("4 Discussion" ending a journal article, "General Discussion" ending a
    psychology paper's experiments): it states the findings a conclusion would. None when the paper has a conclusion or ends otherwise."""
    if ctx.sections("conclusion"):
        return None
    known = section_roles(ctx.doc.sections)
    body = [
        sec
        for sec in ctx.doc.sections
        if known[id(sec)] not in ("references", "appendix")
        and "." not in sec.number
        and not _BACK_MATTER.match(sec.title)
    ]
    last = body[-1] if body else None
    if last is None or not _CLOSING_DISCUSSION.match(last.title):
        return None
    return last.number, last.title


# "Discussion", and the "General Discussion" that closes a psychology paper reporting
# several experiments (each with a Discussion of its own)
_CLOSING_DISCUSSION = re.compile(r"^\W*(?:general\s+)?discussions?\b", re.I)


def _within(number: str, heading: str, section: tuple[str, str]) -> bool:
    """The sentence stands in `section` or one of its subsections."""
    if section[0]:
        return number == section[0] or number.startswith(section[0] + ".")
    return heading == section[1]


_CONCLUDING = re.compile(r"\b(?:summary|conclu\w*|concluding)\b", re.I)
