"""logic/concepts.md from the definitions a paper writes — and only from those.

A definition names a term and says what it is: "X is defined as", "we define X as", "X
refers to", "we call ... X", "X, known as Y", "X denotes", "X stands for", or a classifying
sentence "SUBLEQ (subtract and branch ...) is a one-instruction set computer that ...".
An abbreviation "Long Name (LN)" is a concept only when the paper also says what the
thing is; a sentence that merely uses it is not a definition.
"""

from __future__ import annotations

import re

from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, Sentence
from arakit.model import Concept

_TERM = r"(?P<term>[A-Za-z][\w-]*(?: [\w-]+){0,4}?)"
_PATTERNS = (
    re.compile(rf"^(?:An?|The)\s+{_TERM} is defined as\b", re.IGNORECASE),
    re.compile(rf"^{_TERM} is defined as\b", re.IGNORECASE),
    re.compile(rf"\bwe define (?:the |an? )?{_TERM} as\b", re.IGNORECASE),
    re.compile(rf"^(?:An?|The)\s+{_TERM} refers to\b", re.IGNORECASE),
    re.compile(rf"^{_TERM} (?:denotes|stands for)\b"),
    re.compile(rf"\bwe call\b.+\b(?:the|an?) {_TERM}\.?$", re.IGNORECASE),
    re.compile(rf"\bwe (?:term|name|refer to)\b.+?\bas (?:the |an? )?{_TERM}\.?$", re.IGNORECASE),
    re.compile(rf",? (?:called|known as|termed|dubbed) (?:the |an? )?{_TERM}[,.]", re.IGNORECASE),
)
# "SUBLEQ (subtract and branch ...) is a one-instruction set computer": a term, an optional
# parenthesis, and "is a/an" — the classic genus-and-difference definition
_CLASSIFIES = re.compile(
    r"^(?:(?:An?|The)\s+)?(?P<term>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,4})"
    r"(?:\s+\((?P<paren>[^()]{1,80})\))?\s+(?:is|are)\s+(?:an?|one of the)\s+\S"
)
_ACRONYM = re.compile(
    r"\b(?P<term>[A-Za-z][\w-]*(?: [A-Za-z][\w-]*){0,6}) \((?P<abbr>[A-Z][A-Za-z]{1,6})\)"
)
_DETERMINERS = re.compile(r"^(?:the|this|that|these|those|our|its|their|a|an)\s+", re.I)
_NOT_FIRST = re.compile(
    r"^(?:it|this|that|these|those|there|they|he|she|we|you|which|what|one|another|each|above|"
    r"following|former|latter|main|first|second|third|fourth|fifth|last|next|final|key|other|"
    r"such|same|at|in|on|for|by|with|from|to|of|when|whenever|while|if|as|since|after|before|"
    r"during|here|now|then|thus|hence|therefore|so|because|although|though|whereas|unless|"
    r"once|until|however|moreover|also|only|is|are|was|were|none|neither|either|every|all|"
    r"both|any|some|many|most|few|several)$"
)
# a word that points back into the text: a term holding one ("the covariance between these",
# "the dataset used in this paper", "the reason the above statement") names nothing by itself
_POINTS_BACK = re.compile(
    r"\b(?:this|these|those|it|its|we|our|us|you|your|they|their|here|above|below)\b"
)
# "This minor deviation is a consequence of ...", "These model parameters are ...": a
# demonstrative says the thing was introduced before; the sentence describes it, it does not
# define a term
_ANAPHORIC = re.compile(r"^(?:This|These|That|Those)\s")
_GENERIC = re.compile(
    r"^(?:results?|aim|goal|idea|problem|approach|method|difference|paper|work|study|case|"
    r"reason|answer|question|architecture|models?|systems?|input|output|test|property|"
    r"limitation|advantage|contribution)$"
)
_SUBCLAUSE = re.compile(r"(?<=[.;])\s")


def map_concepts(ctx: PaperContext) -> list[Concept]:
    """Defined terms in document order, each with its defining sentence; at most 20."""
    out: dict[str, Concept] = {}
    acronyms: dict[str, str] = {}  # abbreviation -> the words it stands for
    for s in ctx.sentences():
        for a in _ACRONYM.finditer(s.text):
            term = expansion(a.group("term"), a.group("abbr"))
            if term:
                acronyms.setdefault(a.group("abbr"), term)
    for s in ctx.sentences():
        if s.where.role in ("references", "related"):
            continue
        for clause in _SUBCLAUSE.split(s.text):
            for rx in _PATTERNS:
                m = rx.search(clause)
                if m:
                    _add(out, ctx, m.group("term"), "", s, acronyms)
                    break
        m = _CLASSIFIES.match(s.text)
        if m and _ANAPHORIC.match(s.text) is None:
            term, paren = m.group("term"), m.group("paren") or ""
            abbr = paren if re.fullmatch(r"[A-Z][A-Za-z]{1,6}", paren) else ""
            _add(out, ctx, expansion(term, abbr) or term, abbr, s, acronyms)
    for abbr, term in acronyms.items():
        said = _described(ctx, term, abbr)
        if said is not None:
            _add(out, ctx, term, abbr, said, acronyms)
    return list(out.values())[:20]


_DEFINING_VERBS = (
    r"(?:replaces|maps|computes|consists|combines|uses|takes|learns|models|estimates|represents|"
    r"describes|measures|encodes|generali[sz]es|extends|approximates|allows|enables|provides|"
    r"assigns|selects|minimi[sz]es|maximi[sz]es|optimi[sz]es|penali[sz]es|scales|gates|"
    r"transforms|predicts|denotes|contains|comprises|implements|simulates|splits|samples)"
)


def _described(ctx: PaperContext, term: str, abbr: str) -> Sentence | None:
    """A sentence that says what the abbreviated thing is or does (`ABC is a ...`,
    `Label smoothing (LS) replaces ...`, `... Networks (RWN), which scale ...`), or None
    when the paper only uses the abbreviation."""
    names = rf"(?:{re.escape(term)}(?:\s*\({re.escape(abbr)}\))?|{re.escape(abbr)})"
    opening = rf"^(?:(?:An?|The)\s+)?{names}\s+"
    rxs = (
        re.compile(rf"{opening}(?:is|are)\s+(?:an?|one of the)\s+\S", re.I),
        re.compile(rf"{opening}{_DEFINING_VERBS}\b"),
        re.compile(rf"{names},\s+which\s+\w+"),
    )
    return next((s for s in ctx.sentences() if any(rx.search(s.text) for rx in rxs)), None)


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
    out: dict[str, Concept],
    ctx: PaperContext,
    term: str,
    notation: str,
    s: Sentence,
    acronyms: dict[str, str],
) -> None:
    term = _DETERMINERS.sub("", term.strip(" ,.;:"))
    if term in acronyms:  # "The CTS is a ..." defines the Cascaded Tanks System
        term, notation = acronyms[term], notation or term
    words = term.lower().split()
    if (
        len(term) < 3
        or not words
        or _NOT_FIRST.match(words[0]) is not None
        or re.search(r"\b(?:and|that|which|who|where|when)\b", term.lower()) is not None
        or _POINTS_BACK.search(term.lower()) is not None
    ):
        return
    if len(words) == 1 and (term.islower() or _GENERIC.match(words[0]) is not None):
        return  # a lone common noun ("architecture") is not a term the paper defines
    key = term.lower()
    if key in out:
        return
    out[key] = Concept(
        term=term[0].upper() + term[1:],
        notation=notation or NOT_SPECIFIED,
        definition=s.text,
        boundary_conditions=NOT_SPECIFIED,
        related_concepts=NOT_SPECIFIED,
        extra_fields=ctx.source_fields(ctx.where_label(s.where)),
    )
