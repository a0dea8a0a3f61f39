"""Claims of a paper written in a language the English rules do not read (Spanish,
Portuguese, French, German, Italian, Russian theses and papers): the abstract's sentences
that say what the work presents or found, and the conclusion's, where findings open its
paragraphs or are stated with a verb of showing or achieving."""

from __future__ import annotations

import re

from arakit.compiler.mapping.claim_cues import STOP_WORDS
from arakit.compiler.mapping.context import PaperContext, Sentence

_FUNCTION_WORDS = frozenset(
    ["the", "of", "and", "to", "in", "is", "that", "for", "we", "with", "are", "this", "by", "on"]
)


def english(ctx: PaperContext) -> bool:
    """True when the paper's running text reads as English (its commonest function words
    make up a fair share of its words); the claim rules read English only."""
    text = " ".join(s.text for s in ctx.sentences()[:400])
    tokens = re.findall(r"[^\W\d_]+", text.lower())
    return not tokens or sum(t in _FUNCTION_WORDS for t in tokens) >= 0.05 * len(tokens)


def words_any(text: str) -> set[str]:
    """Content words of a sentence in any script, lower case."""
    return {w for w in re.findall(r"[^\W_][\w'-]*", text.lower()) if w not in STOP_WORDS}


def same(a: set[str], b: set[str], share: float = 0.8) -> bool:
    """True when the smaller word set lies mostly inside the larger one."""
    small = min(len(a), len(b))
    return small > 0 and len(a & b) >= share * small


# a paragraph or a section about what comes next, in the languages read here
_FURTHER = re.compile(
    r"\b(?:future|further|дальнейш\w*|в будущем|перспектив\w*|künftig\w*|zukünftig\w*|"
    r"ausblick|futur\w*|ulterior\w*)\b",
    re.IGNORECASE,
)
# what a work presents or found, said in those languages ("se presenta un método", "Los
# resultados muestran que", "nous proposons", "wir zeigen", "предлагается")
_SAYS_FOUND = re.compile(
    r"\b(?:se (?:presenta|propone|diseña|desarrolla|introduce|implementa|demuestra|muestra)|"
    r"(?:presenta|propone|diseña|desarrolla|muestra|demuestra)mos|muestran que|"
    r"los resultados (?:muestran|indican|obtenidos)|ha contribuido|logra|obtiene|supera|"
    r"propomos|apresentamos|mostram que|os resultados (?:mostram|indicam)|"
    r"nous (?:proposons|présentons|montrons|introduisons|développons)|montrent que|"
    r"les résultats (?:montrent|indiquent)|wir (?:stellen|zeigen|präsentieren|schlagen|"
    r"entwickeln)|zeigen,? dass|die ergebnisse zeigen|proponiamo|presentiamo|mostriamo|"
    r"i risultati mostrano|предлага\w*|представлен\w*|показ\w*|разработан\w*|удалось)\b",
    re.IGNORECASE,
)
FOREIGN_CAP = 10
ABSTRACT_CAP = 4
CONCLUSION_PAGES = 3  # a conclusion is a few pages; what runs on past them is back matter


def foreign_claim_sentences(ctx: PaperContext) -> list[Sentence]:
    """Claims of a paper in another language: the abstract's sentences that say what the
    work presents or found (at most ABSTRACT_CAP), then the conclusion's — the first two
    sentences of each paragraph and every sentence saying what was found — leaving out
    further work and what runs past the conclusion's first pages; at most FOREIGN_CAP."""
    out: list[Sentence] = []
    for s in ctx.sentences("abstract"):
        if _SAYS_FOUND.search(s.text) and _whole(s.text) and len(out) < ABSTRACT_CAP:
            out.append(s)
    key: tuple[str, str, int] | None = None
    nth, further = 0, False  # the sentence's place in its paragraph; a further-work paragraph
    said = ctx.sentences("conclusion")
    first = said[0].where.page if said else 0
    for s in said:
        text = s.text.strip()
        if (s.heading, s.where.section, s.paragraph) != key:
            key = (s.heading, s.where.section, s.paragraph)
            nth, further = 0, bool(_FURTHER.search(text[:60]) or _FURTHER.search(s.heading))
        nth += 1
        if further or s.where.page > first + CONCLUSION_PAGES - 1 or not _whole(text):
            continue
        if nth > 2 and not _SAYS_FOUND.search(text):
            continue
        if any(same(words_any(text), words_any(o.text)) for o in out):
            continue
        out.append(s)
        if len(out) >= FOREIGN_CAP:
            break
    return out


def _whole(text: str) -> bool:
    """A whole sentence of running words: long enough, opened by a capital, closed by a
    stop, and not a line of names (an author line of a listed publication)."""
    text = re.sub(r"^(?:\d{1,2}[.)]|\[\d+\])\s+", "", text.strip())
    return (
        len(text) >= 30
        and text[:1].isupper()
        and bool(re.search(r"[.!]$", text))
        and not capitalised_line(text)
    )


def capitalised_line(text: str) -> bool:
    """Most words capitalised: a line of names or a title, not a sentence ("Juan Cardona y
    Santiago Banchero.")."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and sum(w[:1].isupper() for w in words) >= 0.6 * len(words)
