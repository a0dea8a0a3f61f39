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
from typing import Any

from pydantic import BaseModel, Field

from arakit.errors import UsageError
from arakit.query.disclose import estimate_tokens
from arakit.query.index import Index
from arakit.query.terms import Term, id_token, index_terms, query_terms

CANDIDATES = 60  # rows ranked by coverage after BM25
MIN_HIT_TOKENS = 24  # a hit that cannot show this much is not shown
PER_HIT_FLOOR = 100  # tokens a hit may take however small the budget (up to all of it)
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
    """(document frequency, term number, alternatives some passage holds) per query term,
    rarest first; terms no passage holds are left out."""
    alts = sorted({a for t in terms for a in t.alternatives})
    stems = dict(zip(alts, index.stems(alts), strict=True))
    df = index.doc_freq([s for s in stems.values() if s])
    out = []
    for k, t in enumerate(terms):
        held = [a for a in t.alternatives if df.get(stems.get(a) or "", 0)]
        if held:
            out.append((sum(df[stems[a] or ""] for a in held), k, held))
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
        expr = joiner.join("(" + " OR ".join(f'"{a}"' for a in alts) + ")" for alts in tier)
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


_NEEDS_TERMS = re.compile(r"[0-9_A-Z]")


def _lowered(line: str) -> str:
    """A line in lower case, with its exact terms (values, identifiers) when it has any."""
    low = line.lower()
    return f"{low} {index_terms(line)}" if _NEEDS_TERMS.search(line) else low


def _coverage(
    low: str, probes: list[list[re.Pattern[str] | str]], weights: Sequence[float]
) -> float:
    """The weight of the query terms a lower-cased text holds."""
    return sum(
        w
        for ps, w in zip(probes, weights, strict=True)
        if any((p in low) if isinstance(p, str) else p.search(low) for p in ps)
    )


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
    ranked = _rank(rows, terms)
    return _fit(query, terms, ranked, names, max_tokens, limit)


def _probes(terms: Sequence[Term]) -> list[list[re.Pattern[str] | str]]:
    """Per term, what to look for in a passage's lower-cased text: a stem of 4+ letters as a
    substring (`iterations` → `iterat`, found in `iteration` and `num_iter`'s split), a short
    term or an exact one as a whole token."""
    out: list[list[re.Pattern[str] | str]] = []
    for t in terms:
        probes: list[re.Pattern[str] | str] = []
        for alt in t.alternatives:
            if " " in alt:
                continue
            if len(alt) <= 3 or "_" in alt:
                probes.append(re.compile(rf"(?<![a-z0-9_]){re.escape(alt)}(?![a-z0-9_])"))
            else:
                probes.append(alt[: max(4, len(alt) - 4)] if len(alt) > 4 else alt)
        out.append(probes)
    return out


def _rank(rows: list[tuple], terms: Sequence[Term]) -> list[tuple[float, tuple]]:
    if not rows:
        return []
    weights = [2.0 if t.exact else 1.0 for t in terms]
    total = sum(weights)
    probes = _probes(terms)
    wanted_ids = {a for t in terms for a in t.alternatives if a.startswith("id_")}
    best = max(-r[9] for r in rows) or 1.0
    out = []
    for r in rows:
        cov = _coverage(f"{r[6]}\n{r[7]}\n{r[8] or ''}".lower(), probes, weights)
        score = 0.5 * cov / total + 0.5 * (-r[9]) / best
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
    per_hit = max(budget // 6, min(budget, PER_HIT_FLOOR * 4))
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
    probes = _probes(terms)
    weights = [2 if t.exact else 1 for t in terms]
    # numbers, IDs and hashes are matched in their canonical form, which only index_terms makes
    canon = any(a.startswith(("n_", "id_", "h_")) for t in terms for a in t.alternatives)
    scores = [_coverage(_lowered(ln) if canon else ln.lower(), probes, weights) for ln in lines]
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
