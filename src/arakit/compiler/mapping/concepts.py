"""logic/concepts.md from definitions: "X is defined as", "we define X as", "X refers to",
"we call ... X", and acronyms "Long Name (LN)"."""

from __future__ import annotations

import re

from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, find
from arakit.model import Concept

_TERM = r"(?P<term>[A-Za-z][\w-]*(?: [\w-]+){0,4}?)"
_PATTERNS = (
    re.compile(rf"^(?:An?|The)\s+{_TERM} is defined as\b", re.IGNORECASE),
    re.compile(rf"^{_TERM} is defined as\b", re.IGNORECASE),
    re.compile(rf"\bwe define (?:the |an? )?{_TERM} as\b", re.IGNORECASE),
    re.compile(rf"^(?:An?|The)\s+{_TERM} refers to\b", re.IGNORECASE),
    re.compile(rf"\bwe call\b.+\b(?:the|an?) {_TERM}\.?$", re.IGNORECASE),
    re.compile(rf"\bwe (?:term|name|refer to)\b.+?\bas (?:the |an? )?{_TERM}\.?$", re.IGNORECASE),
)
_ACRONYM = re.compile(
    r"\b(?P<term>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,6}) \((?P<abbr>[A-Z][A-Za-z]{1,6})\)"
)
_SUBCLAUSE = re.compile(r"(?<=[.;])\s")


def map_concepts(ctx: PaperContext) -> list[Concept]:
    """Defined terms in document order, each with the defining sentence; at most 20."""
    out: dict[str, Concept] = {}
    for s in ctx.sentences():
        for clause in _SUBCLAUSE.split(s.text):
            for rx in _PATTERNS:
                m = rx.search(clause)
                if m:
                    _add(out, ctx, m.group("term"), "", s.text, ctx.where_label(s.where))
                    break
        for m in _ACRONYM.finditer(s.text):
            term = expansion(m.group("term"), m.group("abbr"))
            if term:
                _add(out, ctx, term, m.group("abbr"), s.text, ctx.where_label(s.where))
    if len(out) < 5:  # method section titles name the components the paper introduces
        for sec in ctx.sections("method"):
            if sec.paragraphs and sec.level > 1:
                first = sec.paragraphs[0].text.split(". ")[0].rstrip(".") + "."
                _add(
                    out, ctx, sec.title, "", first, f"{ctx.source_name} p. {sec.page}, {sec.label}"
                )
    if len(out) < 5:
        for s in find(r"\bwe (propose|introduce)\b", ctx.sentences("introduction", "abstract")):
            m = re.search(
                r"\bwe (?:propose|introduce) (?P<term>[A-Z][\w-]*(?: [A-Z][\w-]*){0,4})", s.text
            )
            if m:
                _add(out, ctx, m.group("term"), "", s.text, ctx.where_label(s.where))
    return list(out.values())[:20]


def expansion(words: str, abbr: str) -> str | None:
    """The words before `(ABBR)` whose initials spell the abbreviation, or None."""
    parts = words.split()
    letters = [c for c in abbr.upper() if c.isalpha() and c.isupper()]
    n = len(letters)
    if n < 2 or n > len(parts):
        return None
    tail = parts[-n:]
    return " ".join(tail) if [w[0].upper() for w in tail] == letters else None


def _add(
    out: dict[str, Concept], ctx: PaperContext, term: str, notation: str, text: str, where: str
) -> None:
    term = term.strip(" ,.;:")
    if len(term) < 3 or term.lower() in ("it", "this", "that", "which"):
        return
    key = term.lower()
    if key in out:
        return
    term = term[0].upper() + term[1:]
    out[key] = Concept(
        term=term,
        notation=notation or NOT_SPECIFIED,
        definition=text,
        boundary_conditions=NOT_SPECIFIED,
        related_concepts=NOT_SPECIFIED,
        extra_fields=ctx.source_fields(where),
    )
