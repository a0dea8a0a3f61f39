"""The paper's own definitions of its symbols: `number of iterations n`, `batch size q`,
`learning rate λ > 0`, `where b is the batch size`. A later `n = 40000` is then read as
the number of iterations even though the sentence never says so."""

from __future__ import annotations

import re

from arakit.compiler.settings.names import phrase_key, words

# a symbol: a letter with at most a short subscript (q, λ, me, Ts,min, L0, ηmax, dmodel),
# never the tail of a longer word (`изнаков` in `признаков`)
# (a subscript may be the Sun's or the Earth's sign: `r⊙`, `M⊕`)
SYMBOL = r"(?<![^\W\d_])(?:[∆Δ∂∇]\s?)?[^\W\d_](?:[^\W_]|,(?=[a-z]{2,4}\b)){0,6}[⊙⊕]?∗?"
_STOP = set(
    words(
        """
a an as at be by do eq if in is it no of on or so to up we all and are can e.g fig for has i.e its not one our per see set the two use via was also both each from into only over such than that then this used when with these those under where which while
"""
    )
)
_WORD = r"[a-z][a-z\-]*(?:\.(?=\s))?"
# "number of iterations n;"  "learning rate λ > 0"  "Size b of training (mini)batch"
_BEFORE_RE = re.compile(
    rf"(?P<phrase>(?:{_WORD}\s+){{0,4}}{_WORD})\s+(?P<sym>{SYMBOL})"
    r"(?=\s*(?:[;,.:)]|>|≥|≤|∈|\(|\band\b|\bis\b|\bare\b|\bof\b|$))"
)
# "where b is the batch size", "b denotes the number of sequences"
_AFTER_RE = re.compile(
    rf"(?:where|and|with|,)\s+(?P<sym>{SYMBOL})\s+(?:is|denotes|represents|stands for)\s+"
    rf"(?:the|a|an)\s+(?P<phrase>(?:{_WORD}\s+){{0,4}}{_WORD})"
)


def _is_symbol(sym: str) -> bool:
    """Short, not an English word, and not a plain number."""
    if sym.lower() in _STOP or len(sym) > 7:
        return False
    if len(sym) > 3 and sym.isalpha() and sym.isascii() and sym.islower():
        return phrase_key(sym) is not None  # dmodel, nheads: known subscripted names only
    return True


def _trim(phrase: str) -> str:
    words = phrase.split()
    while words and words[0].lower() in _STOP:
        words = words[1:]
    while words and words[-1].lower() in _STOP:
        words = words[:-1]
    return " ".join(words)


def glossary(texts: list[str]) -> dict[str, str]:
    """Symbol → the phrase the paper defines it with, from every sentence given.

    A definition that names a known setting (`batch size q`) wins over one that does not
    (`the batch q`); otherwise the first definition is kept.
    """
    found: dict[str, str] = {}
    for text in texts:
        candidates = [(m.group("sym"), m.group("phrase")) for m in _BEFORE_RE.finditer(text)] + [
            (m.group("sym"), m.group("phrase")) for m in _AFTER_RE.finditer(text)
        ]
        for sym, raw in candidates:
            if raw.split() and raw.split()[-1].lower() in _STOP:
                continue  # `rollout steps with K`: a preposition separates the words from the symbol
            phrase = _trim(raw)
            if not phrase or not _is_symbol(sym) or phrase.lower() == sym.lower():
                continue
            if len(phrase.split()) < 2 and phrase_key(phrase) is None:
                continue  # one unknown word (`twarm ηmax`, `weight α`) defines nothing
            old = found.get(sym)
            if old is None or (phrase_key(old) is None and phrase_key(phrase) is not None):
                found[sym] = phrase
    return found
