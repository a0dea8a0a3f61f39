"""Scoring candidate passages piece by piece, so that a short exact hit beats a long passage.

A long passage holds many words and so, by chance, many of a question's words; a line of
code or a parameter row that holds the few rare words the question is really about is the
better answer. Each query term therefore gets a weight (exact terms such as identifiers and
numbers count double, and every term counts more the rarer it is in the index); each
*unit* of a candidate (a line, or a piece of a long line such as a paragraph or a list of
files) gets the set of terms it holds; and a passage is scored by three things:

- its best *window*: the terms held by a few adjacent units together with the passage's
  title (file and symbol, entity ID and title), as a share of the query's weight;
- its *coverage*: the share held anywhere in the passage;
- its BM25 rank from SQLite FTS5, relative to the best candidate.

The window also says which part of the passage a snippet shows.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from arakit.query.terms import Term, id_token, index_terms

W_WINDOW, W_COVER, W_BM25 = 0.4, 0.2, 0.4  # window, coverage and BM25 in a passage's score
WINDOW_UNITS = 3  # adjacent units whose terms count together as one focused hit
UNIT_CHARS = 160  # a longer line is cut into pieces of about this length
CONTEXT_DEPTH = 2  # enclosing lines counted with a window (and shown above it)
EXACT_TOP = 20  # passages whose best window is found (more than a budget of hits shows)
ID_BONUS = 0.5  # the query names this entity itself
_CUTS = (". ", ", ", "; ", " ")
_CANON = ("n_", "id_", "h_", "d_", "mon_")  # forms only index_terms makes (numbers, IDs,
# hashes, the months of dates)
_HAS_DIGIT = re.compile(r"[0-9]")


@dataclass(frozen=True)
class Matcher:
    """What to look for, per query term: a pattern over lower-cased text, or for a number, ID
    or hash the canonical forms `index_terms` makes; and the term's weight."""

    terms: tuple[Term, ...]
    patterns: tuple[re.Pattern[str] | None, ...]
    canonical: tuple[frozenset[str], ...]
    weights: tuple[float, ...]
    parts: tuple[frozenset[str], ...] = ()  # acronyms, found among identifier parts only

    @property
    def total(self) -> float:
        """The weight of every term a passage could hold."""
        return sum(self.weights) or 1.0


def _pattern(term: Term) -> re.Pattern[str] | None:
    """A stem of 4+ letters as a substring (`iterations` → `iterat`, found in `num_iter`'s
    line too), and its shortened spellings ending a word (`perf` in `J_perf`); a short word
    or an exact term as a whole word, `_` counting as a boundary (`fit` is found in
    `cts_fit_soft`, `glis` in `GLIS_BO_main`)."""
    if term.acronym:
        return None  # matched among the parts of identifiers (Matcher.parts)
    first = term.alternatives[0] if term.alternatives else ""
    cuts = [a for a in term.alternatives[1:] if first.startswith(a)]
    parts = []
    for alt in term.alternatives:
        if " " in alt or alt.startswith(_CANON) or alt in cuts:
            continue
        if term.exact or len(alt) <= 3:
            parts.append(rf"(?<![a-z0-9]){re.escape(alt)}(?![a-z0-9])")
        elif alt == first and cuts:
            parts.append(_with_cuts(alt[: max(4, len(alt) - 4)], sorted(cuts, key=len)))
        else:
            parts.append(re.escape(alt[: max(4, len(alt) - 4)] if len(alt) > 4 else alt))
    return re.compile("|".join(parts)) if parts else None


def _with_cuts(stem: str, cuts: list[str]) -> str:
    """One pattern for a stem (anywhere) and the shorter spellings (ending a word) that
    share its first letters, led by a literal so that the regex engine scans fast:
    `perform` with `perf`, `perfo` → `perf(?:orm|o?(?![a-z0-9]))`."""
    lead = cuts[0]
    if stem.startswith(lead) and len(stem) <= len(lead):
        return re.escape(stem)  # the stem is no longer than a cut: it finds them all
    rest = [c[len(lead) :] for c in cuts]
    ends = "|".join(re.escape(r) for r in sorted(rest, key=len, reverse=True) if r)
    word_end = f"(?:{ends})?" if ends else ""
    return f"{re.escape(lead)}(?:{re.escape(stem[len(lead) :])}|{word_end}(?![a-z0-9]))"


def matcher(terms: Sequence[Term], doc_freq: dict[int, int], passages: int) -> Matcher:
    """The matcher for a query's terms; `doc_freq` maps a term's position to how many
    passages hold it (terms no passage holds weigh nothing)."""
    n = max(passages, 1)
    weights = []
    for k, t in enumerate(terms):
        df = doc_freq.get(k, 0)
        idf = 1.0 + math.log(1.0 + n / df) if df else 0.0
        weights.append((2.0 if t.exact else 1.0) * idf)
    return Matcher(
        tuple(terms),
        tuple(_pattern(t) for t in terms),
        tuple(frozenset(a for a in t.alternatives if a.startswith(_CANON)) for t in terms),
        tuple(weights),
        # an acronym no identifier holds is never looked for
        tuple(
            frozenset(t.alternatives if t.acronym and k in doc_freq else ())
            for k, t in enumerate(terms)
        ),
    )


def units(text: str) -> list[tuple[int, int]]:
    """(start, end) character spans of `text`: its lines, a line longer than UNIT_CHARS (a
    paragraph, a list of files) cut after a sentence, a comma or a space, so that a short
    match inside a long line is found and shown on its own."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        a = pos
        while end - a > UNIT_CHARS:
            cut = -1
            for sep in _CUTS:
                cut = text.rfind(sep, a + UNIT_CHARS // 2, a + UNIT_CHARS)
                if cut > a:
                    break
            b = cut + 1 if cut > a else a + UNIT_CHARS
            out.append((a, b))
            a = b
        out.append((a, end))
        pos = end + 1
    return out


def unit_masks(m: Matcher, text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Per unit of `text`, the bit set of the query terms it holds."""
    low = text.lower()
    starts = [a for a, _ in spans]
    masks = [0] * len(spans)
    for k, pat in enumerate(m.patterns):
        if pat is None:
            continue
        bit = 1 << k
        for hit in pat.finditer(low):
            masks[bisect_right(starts, hit.start()) - 1] |= bit
    wanted = [
        (k, forms | parts)
        for k, (forms, parts) in enumerate(
            zip(m.canonical, m.parts or [frozenset()] * len(m.canonical), strict=True)
        )
        if forms or parts
    ]
    if wanted:
        acronyms = [a for p in m.parts for a in p]
        for i, (a, b) in enumerate(spans):
            piece = text[a:b]
            if not _HAS_DIGIT.search(piece) and not _holds(low[a:b], acronyms):
                continue  # cutting the piece into terms costs: only where one may be
            have = set(index_terms(piece).split())
            for k, forms in wanted:
                if not forms.isdisjoint(have):
                    masks[i] |= 1 << k
    return masks


def _holds(low: str, acronyms: list[str]) -> bool:
    return any(a in low for a in acronyms)


def mask_of(m: Matcher, text: str, terms: str = "") -> int:
    """The bit set of the query terms anywhere in `text` (a title), or among `terms` (the
    exact forms of a passage, as the index keeps them)."""
    low = text.lower()
    have = set(terms.split()) if terms else set()
    if not terms and _holds(low, [a for p in m.parts for a in p]):
        have = set(index_terms(text).split())  # a title: the parts of its identifiers
    out = 0
    for k, pat in enumerate(m.patterns):
        forms = m.canonical[k] | m.parts[k] if m.parts else m.canonical[k]
        if (pat is not None and pat.search(low)) or not forms.isdisjoint(have):
            out |= 1 << k
    return out


class Weigher:
    """The weight of a bit set of terms, remembered per set."""

    def __init__(self, m: Matcher) -> None:
        self.weights = m.weights
        self.memo: dict[int, float] = {}

    def __call__(self, mask: int) -> float:
        w = self.memo.get(mask)
        if w is None:
            w = sum(x for k, x in enumerate(self.weights) if mask >> k & 1)
            self.memo[mask] = w
        return w


def parents(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """Per unit, the unit it sits under (-1 for none): for a line, the nearest line above it
    that is indented less (the `def`, `class`, `X = {` or YAML key that holds it); for a
    piece of a long line, the line's first piece."""
    out = [-1] * len(spans)
    stack: list[tuple[int, int]] = []  # (indent, unit) of the lines that may hold the next
    first = -1  # the first piece of the current line
    for i, (a, b) in enumerate(spans):
        if a and text[a - 1] != "\n":
            out[i] = first
            continue
        first = i
        line = text[a:b]
        body = line.lstrip()
        if not body:
            continue
        indent = b - a - len(body)
        while stack and stack[-1][0] >= indent:
            stack.pop()
        if stack:
            out[i] = stack[-1][1]
        stack.append((indent, i))
    return out


def context(up: list[int], i: int, depth: int = CONTEXT_DEPTH) -> list[int]:
    """The units unit `i` sits under, nearest first, at most `depth` of them."""
    out: list[int] = []
    k = up[i] if 0 <= i < len(up) else -1
    while k >= 0 and len(out) < depth:
        out.append(k)
        k = up[k]
    return out


def best_window(
    masks: list[int], up: list[int], base: int, weigh: Weigher
) -> tuple[float, int, int]:
    """(weight, first unit, last unit) of the WINDOW_UNITS adjacent units that, with the
    `base` terms (the title's) and those of the units the window sits under, hold the most
    weight; the window ends at a matching unit."""
    best = (weigh(base), 0, 0)
    n = len(masks)
    for i, mask in enumerate(masks):
        if not mask:
            continue
        acc = base
        for k in context(up, i):
            acc |= masks[k]
        last = i
        for j in range(i, min(n, i + WINDOW_UNITS)):
            if masks[j]:
                acc |= masks[j]
                last = j
        w = weigh(acc)
        if w > best[0]:
            best = (w, i, last)
    return best


@dataclass
class Scored:
    """A candidate row with its score, its units and masks, and its best units (inclusive)."""

    score: float
    row: tuple
    spans: list[tuple[int, int]]
    masks: list[int]
    up: list[int]
    lo: int
    hi: int
    window: float = 0.0

    @property
    def focused(self) -> bool:
        """True once the units, their terms and the best window are known."""
        return bool(self.spans)


def focus(s: Scored, m: Matcher, title: int | None = None, weigh: Weigher | None = None) -> Scored:
    """`s` with its units, their terms and its best window found (once)."""
    if s.focused:
        return s
    r = s.row
    text = r[7] or ""
    s.spans = units(text)
    s.masks = unit_masks(m, text, s.spans)
    s.up = parents(text, s.spans)
    title = mask_of(m, f"{r[1]}\n{r[6]}") if title is None else title
    s.window, s.lo, s.hi = best_window(s.masks, s.up, title, weigh or Weigher(m))
    return s


def rank(rows: list[tuple], m: Matcher, exact: int = EXACT_TOP) -> list[Scored]:
    """Candidate rows (artifact, ref, kind, sub, rel, line, title, text, terms, bm25) scored
    and sorted best first.

    A passage's window holds no more than the passage, so coverage and BM25 bound its score
    from above; windows are found for the `exact` passages with the highest bound (more
    than a budget of hits shows), and the rest keep the score they have without a window."""
    if not rows:
        return []
    weigh = Weigher(m)
    total = m.total
    wanted_ids = {a for t in m.terms for a in t.alternatives if a.startswith("id_")}
    best_bm = max(-r[9] for r in rows) or 1.0
    pre = []
    for r in rows:
        title = mask_of(m, f"{r[1]}\n{r[6]}")
        whole = title | mask_of(m, r[7] or "", r[8] or "")
        base = W_COVER * weigh(whole) / total + W_BM25 * (-r[9]) / best_bm
        if id_token(r[1]) in wanted_ids:
            base += ID_BONUS
        pre.append((base + W_WINDOW * weigh(whole) / total, base, title, r))
    pre.sort(key=lambda x: -x[0])
    out: list[Scored] = []
    for k, (_bound, base, title, r) in enumerate(pre):
        if k >= exact:
            out.append(Scored(base + W_WINDOW * weigh(title) / total, r, [], [], [], 0, 0))
            continue
        scored = focus(Scored(base, r, [], [], [], 0, 0), m, title, weigh)
        scored.score = base + W_WINDOW * scored.window / total
        out.append(scored)
    out.sort(key=lambda s: -s.score)
    return out
