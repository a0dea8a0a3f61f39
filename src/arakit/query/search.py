"""Ranked passages for a query, never more than a token budget in total.

A query is cut into terms (`terms.query_terms`): exact ones (numbers in any spelling,
identifiers, IDs, commit hashes, abbreviations of the phrases it uses) and words. SQLite
FTS5 finds the passages holding any of them and ranks them by BM25; the best candidates are
then ordered by how much of the query they cover, exact terms counting double, so that a row
holding both `CTS_fit_soft` and `lr` beats one that repeats `soft` ten times. Each hit shows
the lines of its passage that hold the most query terms, cut to fit what is left of the budget.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pydantic import BaseModel, Field

from arakit.errors import UsageError
from arakit.query.disclose import estimate_tokens
from arakit.query.index import Index
from arakit.query.terms import Term, id_token, query_terms, tokens_of

CANDIDATES = 60  # rows ranked by coverage after BM25
MIN_HIT_TOKENS = 24  # a hit that cannot show this much is not shown
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


COMMON = 0.05  # a term in more than this share of passages does not select candidates


def _match_expr(index: Index, terms: Sequence[Term]) -> str | None:
    """The FTS5 query: every alternative that some passage holds, minus the very common ones
    (they would make SQLite score most of the index; the ranking still counts them)."""
    alts = sorted({a for t in terms for a in t.alternatives})
    stems = index.stems(alts)
    df = index.doc_freq([s for s in stems if s])
    found = [
        (df.get(s or "", 0), a) for a, s in zip(alts, stems, strict=True) if df.get(s or "", 0)
    ]
    if not found:
        return None
    limit = max(200, int(COMMON * index.count()))
    chosen = [a for n, a in found if n <= limit] or [a for _n, a in sorted(found)[:3]]
    return " OR ".join(f'"{a}"' for a in chosen)


def _covers(term: Term, words: set[str], exact: set[str]) -> bool:
    for alt in term.alternatives:
        if alt in exact:
            return True
        if " " not in alt and _word_in(alt, words):
            return True
    return False


def _word_in(word: str, words: set[str]) -> bool:
    """`iterations` covers `iteration`, `iter` and `iterate`: a shared stem of 4+ letters."""
    if word in words:
        return True
    stem = word[: max(4, len(word) - 4)] if len(word) > 4 else word
    if len(stem) < len(word):
        return any(w.startswith(stem) for w in words if len(w) >= len(stem))
    return False


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
    expr = _match_expr(index, terms)
    if expr is None:
        return SearchResult(
            query=query, max_tokens=max_tokens, tokens=0, hits=[], terms=[t.text for t in terms]
        )
    where, args = ["fts MATCH ?"], [expr]
    if artifacts is not None:
        if not artifacts:
            return SearchResult(query=query, max_tokens=max_tokens, tokens=0, hits=[], terms=[])
        where.append(f"p.artifact IN ({','.join('?' * len(artifacts))})")
        args += [str(a) for a in artifacts]
    if kinds:
        marks = ",".join("?" * len(kinds))
        where.append(f"(p.kind IN ({marks}) OR p.sub IN ({marks}))")
        args += list(kinds) + list(kinds)
    sql = (
        f"SELECT p.artifact, p.ref, p.kind, p.sub, p.rel, p.line, p.title, p.text, p.terms, "
        f"{_BM25} AS score FROM fts JOIN passages p ON p.id = fts.rowid "
        f"WHERE {' AND '.join(where)} ORDER BY score LIMIT {CANDIDATES}"
    )
    rows = index.db.execute(sql, args).fetchall()
    names = {a: n for a, _root, n in index.artifacts()}
    ranked = _rank(rows, terms)
    return _fit(query, terms, ranked, names, max_tokens, limit)


def _rank(rows: list[tuple], terms: Sequence[Term]) -> list[tuple[float, tuple]]:
    if not rows:
        return []
    weights = [2.0 if t.exact else 1.0 for t in terms]
    total = sum(weights)
    wanted_ids = {a for t in terms for a in t.alternatives if a.startswith("id_")}
    best = max(-r[9] for r in rows) or 1.0
    out = []
    for r in rows:
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", f"{r[6]} {r[7]}")}
        exact = set((r[8] or "").split())
        cov = sum(w for t, w in zip(terms, weights, strict=True) if _covers(t, words, exact))
        score = 0.65 * cov / total + 0.35 * (-r[9]) / best
        if id_token(r[1]) in wanted_ids:  # the query names this entity itself
            score += 0.5
        out.append((score, r))
    out.sort(key=lambda x: -x[0])
    return out


def _fit(
    query: str,
    terms: Sequence[Term],
    ranked: list[tuple[float, tuple]],
    names: dict[int, str],
    max_tokens: int,
    limit: int,
) -> SearchResult:
    budget = max_tokens * 4  # characters; estimate_tokens is about four per token
    per_hit = max(MIN_HIT_TOKENS * 4, budget // 6)
    many = len({r[0] for _, r in ranked}) > 1 or len(names) > 1
    hits: list[Hit] = []
    used = 0
    for score, r in ranked:
        if len(hits) >= limit:
            break
        art, ref, kind, sub, rel, line, title, text, _terms, _bm = r
        left = budget - used
        if left < MIN_HIT_TOKENS * 4:
            break
        head = header(names.get(art, "?") if many else None, ref, rel, line, kind, sub, title)
        room = min(left, per_hit) - len(head) - 1
        if room < MIN_HIT_TOKENS * 2:
            continue
        shown = snippet(text, terms, room, skip_first=text.startswith(title) and bool(title))
        block = f"{head}\n{shown}"
        used += len(block) + 2  # the blank line between hits
        hits.append(
            Hit(
                artifact=names.get(art, "?"),
                ref=ref,
                kind=kind,
                sub=sub or "",
                file=rel,
                line=line,
                title=title,
                text=shown,
                score=round(score, 4),
                tokens=estimate_tokens(block),
            )
        )
    result = SearchResult(
        query=query, max_tokens=max_tokens, tokens=0, hits=hits, terms=[t.text for t in terms]
    )
    result.tokens = estimate_tokens(render(result, many))
    return result


def header(
    artifact: str | None, ref: str, rel: str, line: int | None, kind: str, sub: str, title: str
) -> str:
    """The first line of a hit: `[artifact] ref (kind) file:line`, then the title if short."""
    where = rel + (f":{line}" if line else "")
    label = f"{kind}/{sub}" if sub and sub != kind else kind
    head = f"{f'[{artifact}] ' if artifact else ''}{ref} ({label})"
    if not ref.startswith(rel):
        head += f" {where}"
    elif line and "#L" not in ref:
        head += f" line {line}"
    return head


def snippet(text: str, terms: Sequence[Term], room: int, *, skip_first: bool = False) -> str:
    """The lines of `text` around the ones holding the most query terms, at most `room`
    characters; the whole text when it fits."""
    lines = text.split("\n")
    if skip_first and len(lines) > 1:
        lines = lines[1:] if len("\n".join(lines)) > room else lines
    whole = "\n".join(lines).strip("\n")
    if len(whole) <= room:
        return whole
    scores = []
    for ln in lines:
        toks = tokens_of(ln)
        words = {t for t in toks if "_" not in t}
        scores.append(sum(2 if t.exact else 1 for t in terms if _covers(t, words, toks)))
    best = max(range(len(lines)), key=lambda i: (scores[i], -i))
    lo = hi = best
    size = len(lines[best])
    # grow around the best line, favouring lines that hold terms, then the lines just above
    while True:
        grown = False
        for cand in (hi + 1, lo - 1) if scores[min(hi + 1, len(lines) - 1)] else (lo - 1, hi + 1):
            if 0 <= cand < len(lines) and not lo <= cand <= hi:
                extra = len(lines[cand]) + 1
                if size + extra <= room:
                    size += extra
                    lo, hi = min(lo, cand), max(hi, cand)
                    grown = True
        if not grown:
            break
    shown = "\n".join(lines[lo : hi + 1]).strip("\n")
    if len(shown) > room:
        shown = shown[: max(0, room - 1)] + "…"
    return shown


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
