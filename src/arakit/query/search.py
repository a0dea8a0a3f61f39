"""Ranked passages for a query, never more than a token budget in total.

A query is cut into terms (`terms.query_terms`): exact ones (numbers in any spelling,
identifiers, IDs, commit hashes, abbreviations of the phrases it uses) and words. SQLite
FTS5 finds the passages holding any of them and ranks them by BM25; the best candidates are
then ordered by how much of the query they cover, exact terms counting double, so that a row
holding both `CTS_fit_soft` and `lr` beats one that repeats `soft` ten times. Each hit shows
the lines of its passage that hold the most query terms, cut to fit what is left of the budget.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from arakit.errors import UsageError
from arakit.query.disclose import estimate_tokens
from arakit.query.index import Index
from arakit.query.rank import Matcher, Scored, Weigher, focus, matcher, rank
from arakit.query.snippet import CONTEXT_CHARS, snippet
from arakit.query.terms import Term, query_terms

CANDIDATES = 60  # rows ranked by coverage after BM25
MIN_HIT_TOKENS = 24  # a hit that cannot show this much is not shown
PER_HIT_FLOOR = 100  # tokens a hit may take however small the budget (up to all of it)
SNIPPET_CHARS = 400  # a hit shows its best lines and their neighbours, about this much
# title, text, terms
_BM25 = "bm25(fts, 3.0, 1.0, 2.0)"


class Hit(BaseModel):
    """One passage in a search answer."""

    artifact: str
    ref: str
    kind: str
    sub: str = ""
    file: str
    line: int | None = None
    title: str
    text: str = Field(description="the lines shown, cut to fit the budget")
    score: float
    tokens: int


class SearchResult(BaseModel):
    """A whole answer: the hits in rank order and the tokens they take together."""

    query: str
    max_tokens: int
    tokens: int
    hits: list[Hit]
    terms: list[str]


WANT = 40  # candidates gathered before tiers stop widening
RANKED_ROWS = 2000  # a tier that may match more rows is read unranked (first rows only)
OR_ROWS = 3_000  # up to this many matching passages in all, every one is ranked


def _groups(index: Index, terms: Sequence[Term]) -> list[tuple[int, int, list[str]]]:
    """(document frequency, term number, FTS5 phrases for the alternatives some passage
    holds) per query term, rarest first; terms no passage holds are left out. An acronym
    counts only as a part of an identifier (the `terms` column): `jnf` in `JNFDcca`, never
    the abbreviation `Sci.` of a journal's name."""
    alts = sorted({a for t in terms for a in t.alternatives})
    stems = dict(zip(alts, index.stems(alts), strict=True))
    df = index.doc_freq([s for s in stems.values() if s])
    acr = sorted({s for t in terms if t.acronym for a in t.alternatives if (s := stems[a])})
    parts = index.doc_freq(acr, column="terms") if acr else {}
    out = []
    for k, t in enumerate(terms):
        freq = parts if t.acronym else df
        held = [a for a in t.alternatives if freq.get(stems.get(a) or "", 0)]
        if held:
            phrases = [f'terms : "{a}"' if t.acronym else f'"{a}"' for a in held]
            out.append((sum(freq[stems[a] or ""] for a in held), k, phrases))
    return sorted(out)


def _candidates(
    index: Index, groups: list[tuple[int, int, list[str]]], where: list[str], args: list[Any]
) -> list[tuple]:
    """Candidate passages, bounded in the work they cost on a large index.

    When the query's terms are held by at most OR_ROWS passages in all, every passage holding
    any of them is ranked by BM25. Otherwise: those holding any of the rarest terms (as many
    as stay within OR_ROWS passages together), ranked; then, while fewer than WANT are found, those holding
    all of the k rarest terms for k from all of them down to two (an intersection led by its
    rarest term, read unranked when it may be large). No query makes SQLite score most of
    a large index, and the coverage ranking afterwards still counts every term."""
    seen: dict[int, tuple] = {}

    def run(tier: list[list[str]], ranked: bool, joiner: str) -> None:
        expr = joiner.join("(" + " OR ".join(alts) + ")" for alts in tier)
        score, order = (_BM25, "ORDER BY score ") if ranked else ("0.0", "")
        sql = (
            f"SELECT p.id, p.artifact, p.ref, p.kind, p.sub, p.rel, p.line, p.title, p.text, "
            f"p.terms, {score} AS score FROM fts JOIN passages p ON p.id = fts.rowid "
            f"WHERE fts MATCH ? {''.join(' AND ' + w for w in where)} {order}LIMIT {CANDIDATES}"
        )
        for row in index.db.execute(sql, [expr, *args]):
            seen.setdefault(row[0], row[1:])

    if sum(g[0] for g in groups) <= OR_ROWS:
        run([g[2] for g in groups], True, " OR ")
        return list(seen.values())
    rare: list[list[str]] = []
    total = 0
    for n, _k, alts in groups:  # rarest first, while their passages stay few in all
        if (total + n > OR_ROWS and rare) or n > RANKED_ROWS:
            break
        rare.append(alts)
        total += n
    if rare:
        run(rare, True, " OR ")
    for k in range(len(groups), 1, -1):
        if len(seen) >= WANT:
            break
        tier = groups[:k]
        run([g[2] for g in tier], min(g[0] for g in tier) <= RANKED_ROWS, " AND ")
    if not seen:
        run([groups[0][2]], groups[0][0] <= RANKED_ROWS, " AND ")
    return list(seen.values())


def search(
    index: Index,
    query: str,
    *,
    artifacts: Sequence[int] | None = None,
    kinds: Sequence[str] | None = None,
    max_tokens: int = 1500,
    limit: int = 50,
) -> SearchResult:
    """The passages that best answer `query`, in rank order, whose shown text together takes
    at most `max_tokens` (estimated as in `ara show`). `artifacts` limits the search to
    those artifact ids; `kinds` to those passage kinds or sub-kinds (`claim`, `trace`,
    `dead_end`, `param`, `source` ...)."""
    if max_tokens < 1:
        raise UsageError("--max-tokens must be at least 1", hint="for example --max-tokens 1500")
    terms = query_terms(query)
    if not terms:
        raise UsageError(
            f"nothing to search for in {query!r}",
            hint="give words, a parameter name, a value or an ID (C05, N12)",
        )
    groups = _groups(index, terms)
    where: list[str] = []
    args: list[Any] = []
    if artifacts is not None:
        if not artifacts:
            groups = []
        elif not set(index.names()) <= set(artifacts):
            where.append(f"p.artifact IN ({','.join('?' * len(artifacts))})")
            args += [int(a) for a in artifacts]
    if kinds:
        marks = ",".join("?" * len(kinds))
        where.append(f"(p.kind IN ({marks}) OR p.sub IN ({marks}))")
        args += list(kinds) + list(kinds)
    rows = _candidates(index, groups, where, args) if groups else []
    names = index.names()
    m = matcher(terms, {k: df for df, k, _ in groups}, index.count())
    return _fit(query, terms, m, rank(rows, m), names, max_tokens, limit)


def _fit(
    query: str,
    terms: Sequence[Term],
    m: Matcher,
    ranked: list[Scored],
    names: dict[int, str],
    max_tokens: int,
    limit: int,
) -> SearchResult:
    """Hits in rank order, each showing its best lines (about SNIPPET_CHARS of them), until
    the budget is spent; a hit showing the same text as one already shown (a copied file)
    is named on that hit instead of shown again."""
    budget = max_tokens * 4  # characters; estimate_tokens is about four per token
    per_hit = max(budget // 6, min(budget, PER_HIT_FLOOR * 4))
    many = len({s.row[0] for s in ranked}) > 1 or len(names) > 1
    hits: list[Hit] = []
    shown_texts: dict[str, Hit] = {}
    weigh = Weigher(m)
    used = 0
    for s in ranked:
        if len(hits) >= limit:
            break
        art, ref, kind, sub, rel, line, title, _text, _terms, _bm = s.row
        left = budget - used
        if left < MIN_HIT_TOKENS * 4:
            break
        head = header(names.get(art, "?") if many else None, ref, rel, line, kind, sub, title)
        room = min(left, per_hit) - len(head) - 1
        if room < MIN_HIT_TOKENS * 2:
            continue
        shown = snippet(focus(s, m), min(room, SNIPPET_CHARS), weigh)
        same = " ".join(shown.split())
        if same in shown_texts:
            continue
        block = f"{head}\n{shown}"
        used += len(block) + 2  # the blank line between hits
        hit = Hit(
            artifact=names.get(art, "?"),
            ref=ref,
            kind=kind,
            sub=sub or "",
            file=rel,
            line=line,
            title=title,
            text=shown,
            score=round(s.score, 4),
            tokens=estimate_tokens(block),
        )
        shown_texts[same] = hit
        hits.append(hit)
    result = SearchResult(
        query=query, max_tokens=max_tokens, tokens=0, hits=hits, terms=[t.text for t in terms]
    )
    result.tokens = estimate_tokens(render(result, many))
    return result


def header(
    artifact: str | None, ref: str, rel: str, line: int | None, kind: str, sub: str, title: str
) -> str:
    """The first line of a hit: `[artifact] ref (kind) file:line`; for a window of lines,
    what it sits in (`in DEFAULTS = {`, `in Notes — Training`) when its title says."""
    where = rel + (f":{line}" if line else "")
    label = f"{kind}/{sub}" if sub and sub != kind else kind
    head = f"{f'[{artifact}] ' if artifact else ''}{ref} ({label})"
    if not ref.startswith(rel):
        head += f" {where}"
    elif line and "#L" not in ref:
        head += f" line {line}"
    elif "#L" in ref and title.startswith(rel):
        inside = title[len(rel) :].lstrip(": ").strip()
        if inside:
            head += f" in {inside[:CONTEXT_CHARS]}"
    return head


def render(result: SearchResult, with_artifact: bool | None = None) -> str:
    """The text `ara search` prints: one block per hit, blank lines between."""
    many = (
        with_artifact if with_artifact is not None else len({h.artifact for h in result.hits}) > 1
    )
    blocks = [
        header(h.artifact if many else None, h.ref, h.file, h.line, h.kind, h.sub, h.title)
        + "\n"
        + h.text
        for h in result.hits
    ]
    return "\n\n".join(blocks) + ("\n" if blocks else "")
