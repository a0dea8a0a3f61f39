"""Small text tools the rules share: content words, sentence splitting, quantities."""

from __future__ import annotations

import re

_STOP = """a an the and or but if then than that this these those of in on at to for from by with
    without into onto over under between among as is are was were be been being do does did
    not no nor so such it its it's we our they their them he she his her you your i me my
    can could should would may might must will shall has have had having there here when where
    which who whom whose what why how all any each every some more most less least other same
    only also both either neither very much many few one two three four five per via vs versus
    up down out off again further once about against during before after above below just
    while whereas because since until unless though although yet still even ever e g i e etc
    use used using uses make makes made show shows shown showed give gives gave given get gets
    result results claim claims experiment experiments test tests tested table figure fig
    value values number numbers case cases set sets setting settings run runs"""
STOPWORDS = frozenset(_STOP.split())

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]*")
QUANTITY = re.compile(
    r"\d|%|\b(?:percent|percentage|threshold|at least|at most|more than|less than|fewer than|"
    r"greater than|lower than|higher than|below|above|exceeds?|within|std|standard deviation|"
    r"confidence interval|p\s*[<=]|significan\w*)\b",
    re.IGNORECASE,
)


def stem(word: str) -> str:
    """A crude stem: lower case, common English suffixes removed."""
    w = word.lower()
    for suf in ("ations", "ation", "ings", "ing", "ies", "ied", "ers", "ed", "es", "er", "ly", "s"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[: -len(suf)]
    return w


def content_words(text: str | None) -> set[str]:
    """Stems of the words that carry meaning (no stopwords, no IDs, at least 3 letters)."""
    out: set[str] = set()
    for m in _WORD.finditer(text or ""):
        w = m.group(0).lower().strip("-_")
        if len(w) < 3 or w in STOPWORDS or re.fullmatch(r"(?:rw|[cehnoga])\d+", w):
            continue
        out.add(stem(w))
    return out


def topic_words(text: str | None) -> set[str]:
    """What a text is about, for comparing scopes: its content words, the parts of compound
    words (`same-item` gives `same`, `item`) and the names it uses (`H10`, `CD-ADD`)."""
    out = content_words(text)
    for m in _WORD.finditer(text or ""):
        w = m.group(0).lower().strip("-_")
        if "-" in w or "_" in w:
            out |= content_words(re.sub(r"[-_]", " ", w))
        if re.search(r"\d", w) and len(w) >= 2:
            out.add(w)  # a name with digits: H10, resnet-152, wm-001
        if len(w) >= 4 and w.endswith("s") and not w.endswith("ss"):
            out.add(stem(w[:-1]))  # "ARAs" and "ARA" are about the same thing
    return out


def overlap(a: set[str], b: set[str]) -> float:
    """Share of a's words found in b (0 when a is empty)."""
    return len(a & b) / len(a) if a else 0.0


_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(\"'])|;\s+|\n\s*\n|\n\s*[-*]\s+")


def segments(text: str | None) -> list[str]:
    """Clauses a quote belongs to: sentences, split again at semicolons and list bullets."""
    if not text:
        return []
    return [s for s in _SENTENCE_END.split(text) if s.strip()]


def has_quantity(text: str | None) -> bool:
    """True when text holds a number, a percentage or a threshold phrase."""
    return bool(QUANTITY.search(text or ""))
