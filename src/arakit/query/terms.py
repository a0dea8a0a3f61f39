"""Search terms: words, identifiers, numbers and IDs, each in a form SQLite FTS5 can match exactly.

FTS5's word tokenizer cuts `num_iter` into `num`/`iter` only if `_` is a separator and `1e-3`
into `1e` and `3`, so neither an identifier nor a value can be found as written. The index
therefore stores, next to the text, a column of *terms* made here: identifiers whole and
split into their parts (`CTS_fit_soft` → `cts_fit_soft cts fit soft`, `batchSize` → `batch
size`), numbers in one canonical spelling (`1e-3`, `0.001` and `1.0E-03` all become
`n_0p001`), entity IDs padded (`C5` → `id_c05`) and commit hashes by their 7-character prefix.
A query goes through the same function, so a value, a parameter name or an ID written in
any of its spellings finds the rows that hold it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# An identifier (dotted names kept together), a number (thousands commas, decimals,
# exponent), or a run of hex digits long enough to be a commit hash.
_TOKEN_RE = re.compile(
    r"(?P<hex>\b[0-9a-f]{7,40}\b)"
    r"|(?P<num>(?<![\w.])(?=\.?\d)(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][-+]?\d+)?(?![\w]))"
    r"|(?P<ident>[A-Za-z_][A-Za-z0-9_]*(?:[.-][A-Za-z_][A-Za-z0-9_]*)*)"
)
_CAMEL_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|\d+")
_ID_RE = re.compile(r"^(RW|[CEHNOGAR])(\d{1,4})$", re.IGNORECASE)
_HAS_DIGIT = re.compile(r"\d")
_FTS_SAFE = re.compile(r"[^0-9a-z_]")
# An ISO date (as git, trace timestamps and logs write them) also stands for its month, so
# that "in October 2016" finds 2016-10-25.
_DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})-(0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
_YEAR_RE = re.compile(r"^(?:19|20)\d{2}$")

# Words that carry no meaning in a question; the rest are weighed by how rare they are.
STOP_WORDS = frozenset(
    re.split(
        r"\s+",
        """a an and are as at be been by can could did do does for from had has have how i if in
    into is it its of on or our so such than that the their them then there these they this
    those to was we were what when where which while who whom why will with would you your
    used use uses using value values set paper code repository""",
    )
)

# Abbreviations that code uses for words that prose uses. A query naming either side also
# searches for the other; the list holds names common across scientific code bases.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "lr": ("learning rate",),
    "bs": ("batch size",),
    "batch_size": ("batch size",),
    "num_iter": ("iterations", "number of iterations"),
    "n_iter": ("iterations",),
    "niter": ("iterations",),
    "max_iter": ("iterations", "maximum iterations"),
    "iters": ("iterations",),
    "epochs": ("epochs",),
    "n_epochs": ("epochs",),
    "num_epochs": ("epochs",),
    "seq_len": ("sequence length",),
    "wd": ("weight decay",),
    "n_layers": ("layers",),
    "num_layers": ("layers",),
    "n_heads": ("heads",),
    "num_heads": ("heads",),
    "d_model": ("model dimension", "embedding dimension"),
    "d_ff": ("feed forward dimension",),
    "hidden_size": ("hidden units", "hidden size"),
    "n_hidden": ("hidden units",),
    "n_feat": ("hidden units", "features"),
    "dim": ("dimension",),
    "ts": ("sampling time",),
    "temp": ("temperature",),
    "optim": ("optimizer", "optimiser"),
    "seed": ("random seed", "random state"),
    "random_state": ("random seed",),
    "ckpt": ("checkpoint",),
    "eps": ("epsilon",),
    "std": ("standard deviation",),
    "lam": ("lambda", "regularization"),
    "np": ("numpy",),
    "tf": ("tensorflow",),
    "pd": ("pandas",),
    "sklearn": ("scikit learn",),
}
# Phrases git has a name for; one way only (a query saying `head` means a head, not a commit)
GIT_NAMES: dict[str, tuple[str, ...]] = {
    "head": ("last commit", "latest commit", "most recent commit", "newest commit"),
}
# phrase (as word tuple) -> abbreviations naming it
_PHRASES: dict[tuple[str, ...], set[str]] = {}
for _abbr, _phrases in (*ABBREVIATIONS.items(), *GIT_NAMES.items()):
    for _p in _phrases:
        _PHRASES.setdefault(tuple(_p.split()), set()).add(_abbr)


@dataclass(frozen=True)
class Term:
    """One thing a query asks for: its alternatives (any of them matches) and whether it is
    exact (a number, identifier, ID or hash, matched as written) or a plain word. An
    `acronym` (the initials of words the query writes in a row) also matches at the start
    of a longer name (`jnf` in `JNFDcca`)."""

    text: str
    alternatives: tuple[str, ...]
    exact: bool
    acronym: bool = False


def number_token(text: str) -> str | None:
    """`n_<value>` for a number in any spelling (`1e-3`, `0.001`, `10,000`), or None."""
    raw = text.replace(",", "")
    if not raw or raw == ".":
        return None
    try:
        value = float(raw)
    except ValueError:
        return None
    if value != value or value in (float("inf"), float("-inf")):
        return None
    if value.is_integer() and abs(value) < 1e15:
        canon = str(int(value))
    else:
        canon = repr(value)
    return "n_" + canon.replace(".", "p").replace("-", "m").replace("+", "")


def id_token(text: str) -> str | None:
    """`id_c05` for an entity ID written `C5`, `C05` or `c005`, or None."""
    m = _ID_RE.match(text)
    if not m:
        return None
    return f"id_{m.group(1).lower()}{int(m.group(2)):02d}"


def split_identifier(name: str) -> list[str]:
    """The words of an identifier: `CTS_fit_soft` → cts, fit, soft; `batchSize` → batch, size."""
    out: list[str] = []
    for piece in re.split(r"[_.\-/]+", name):
        out += [w.lower() for w in _CAMEL_RE.findall(piece)]
    return [w for w in out if w]


def _safe(token: str) -> str:
    return _FTS_SAFE.sub("", token.lower())


_TERMS_CACHE: dict[str, tuple[str, ...]] = {}
_CACHE_LIMIT = 200_000
_SPLIT_DOT_DASH = re.compile(r"[.\-]")


def _token_terms(kind: str | None, tok: str) -> tuple[str, ...]:
    """The exact terms one token of text contributes (none for a plain word)."""
    if kind == "hex":
        return ("h_" + tok[:7],) if _HAS_DIGIT.search(tok) else ()
    if kind == "num":
        num = number_token(tok)
        return (num,) if num else ()
    out: list[str] = []
    ident = id_token(tok)
    if ident:
        out.append(ident)
    for part in _SPLIT_DOT_DASH.split(tok) if ("." in tok or "-" in tok) else (tok,):
        if "_" in part or part[1:] != part[1:].lower():
            out.append(_safe(part))
            out += split_identifier(part)
            # a snake_case word with digits stays whole too: doe5_plan → doe5
            out += [_safe(w) for w in part.split("_") if _HAS_DIGIT.search(w) and len(w) > 1]
    return tuple(out)


def index_terms(text: str) -> str:
    """The terms column for a passage: every exact form the text contains, space separated."""
    seen: dict[str, None] = {}
    cache = _TERMS_CACHE
    for m in _TOKEN_RE.finditer(text):
        tok = m.group(0)
        terms = cache.get(tok)
        if terms is None:
            terms = _token_terms(m.lastgroup, tok)
            if len(cache) < _CACHE_LIMIT:
                cache[tok] = terms
        for t in terms:
            seen[t] = None
    if "-" in text:
        for d in _DATE_RE.finditer(text):
            seen[f"d_{d.group(1)}_{d.group(2)}"] = None
            seen[f"mon_{d.group(2)}"] = None
    return " ".join(t for t in seen if t)


def _words(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", text)]


def query_terms(query: str) -> list[Term]:
    """What a query asks for, in order: exact terms (numbers, identifiers, IDs, hashes) and
    meaningful words, each with the alternatives that also count as a match."""
    terms: list[Term] = []
    seen: set[str] = set()

    def add(text: str, alts: list[str], exact: bool, acronym: bool = False) -> None:
        alts = [a for a in dict.fromkeys(alts) if a]
        if not alts or alts[0] in seen:
            return
        seen.add(alts[0])
        terms.append(Term(text, tuple(alts), exact, acronym))

    words: list[str] = []
    for m in _TOKEN_RE.finditer(query):
        kind, tok = m.lastgroup, m.group(0)
        if kind == "hex" and _HAS_DIGIT.search(tok):
            add(tok, ["h_" + tok[:7]], True)
        elif kind == "num":
            num = number_token(tok)
            if num:
                add(tok, [num], True)
        elif kind == "ident" or kind == "hex":
            ident = id_token(tok)
            if ident:
                add(tok, [ident], True)
                continue
            for part in re.split(r"[.\-]", tok):
                if not part:
                    continue
                low = part.lower()
                if "_" in part or any(c.isupper() for c in part[1:]):
                    add(part, [_safe(part)], True)
                    for w in split_identifier(part):
                        if w not in STOP_WORDS and len(w) > 1:
                            add(w, [w, *_abbr_words(w)], False)
                    continue
                if low in STOP_WORDS or len(low) < 2 or low in MONTHS:
                    continue
                words.append(low)
                alts = [low, *ABBREVIATIONS.get(low, ())]
                add(part, [a for a in alts if " " not in a] + _abbr_words(low) + _cuts(low), False)
    _months(query, add)
    _acronyms(query, add)
    # a phrase such as "learning rate" also finds the abbreviation `lr`
    plain = _words(query)
    for n in (3, 2, 1):
        for i in range(len(plain) - n + 1):
            phrase = tuple(plain[i : i + n])
            for abbr in sorted(_PHRASES.get(phrase, ())):
                add(" ".join(phrase), [abbr], True)
    return terms


def _cuts(word: str) -> list[str]:
    """Code shortens a long word to its first letters (`perf` for performance, `calib` for
    calibration): those spellings, for a word of seven letters or more."""
    if len(word) < 7 or not word.isalpha():
        return []
    return [word[:4], word[:5]]


_RUN_RE = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*|[^\sA-Za-z]+")


def _acronyms(query: str, add: Callable[..., None]) -> None:
    """Code names a thing by the initials of its name: `cl` for closed-loop, `jnf` for joint
    normalizing flow. The initials of a hyphenated compound, and of three or four words the
    query writes in a row (no stop word or punctuation between), are searched as exact terms."""
    runs: list[list[str]] = [[]]
    for tok in _RUN_RE.findall(query):
        parts = tok.split("-")
        if not tok[0].isalpha() or tok.lower() in STOP_WORDS:
            runs.append([])
            continue
        if len(parts) > 1:
            add(tok, ["".join(p[0] for p in parts).lower()], True, True)
        camel = _CAMEL_RE.findall(tok)
        if len(parts) == 1 and len(camel) > 1 and all(c.istitle() and c.isalpha() for c in camel):
            # a name written in CamelCase goes by its initials, in prose too (PostScript: ps)
            add(tok, ["".join(c[0] for c in camel).lower()], True)
        runs[-1] += [p.lower() for p in parts]
    for run in runs:
        for n in (4, 3):
            for i in range(len(run) - n + 1):
                words = run[i : i + n]
                add(" ".join(words), ["".join(w[0] for w in words)], False, True)


def _abbr_words(word: str) -> list[str]:
    """The words an abbreviation stands for (`lr` → learning, rate)."""
    return [w for phrase in ABBREVIATIONS.get(word, ()) for w in phrase.split()]


def _months(query: str, add: Callable[[str, list[str], bool], None]) -> None:
    """A month named in a query also finds dates in that month, and with a year beside it
    dates in that month of that year (`October 2016` → `d_2016_10`). `May` counts as a month
    only next to a year."""
    words = re.findall(r"[A-Za-z]+|\d+", query)
    for i, w in enumerate(words):
        low = w.lower()
        if low not in MONTHS:
            continue
        years = [x for x in words[max(0, i - 1) : i + 2] if _YEAR_RE.match(x)]
        if low == "may" and not years:
            continue
        mon = f"{MONTHS.index(low) + 1:02d}"
        add(w, [low, f"mon_{mon}"], False)
        for y in years:
            add(f"{w} {y}", [f"d_{y}_{mon}"], True)
