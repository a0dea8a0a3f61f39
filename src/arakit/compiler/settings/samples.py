"""A sample size printed in brackets beside what it counts, as data descriptions write it:

- `on salinity (n=6k), temperature (n=10k, in units of °C)`, `sources (n=20, Table S1)`:
  how many of a thing the data hold, named by the thing before the bracket;
- `within a 1°x1° gridcell (n = 3089 populations)`: named by the noun after the count;
- `36% (n = 1100 populations) of the distributions`, `(64%, n = 2989 populations)`: the
  count behind a share the paper reports, a result rather than anything chosen.

A bare `n = 200` in running text (`for n = 200 and p = 180`, `over n = 40000 iterations`)
is left to the other readers: only the bracketed annotation is read here."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arakit.compiler.settings.names import snake, words

# the bracket opens right before the symbol, perhaps after a share (`64%, n = …`); a share
# may also stand right before the bracket (`36% (n = …`)
_OPEN = re.compile(
    r"(?P<outer>\d[\d.,]*\s?%\s*)?\(\s*(?P<inner>\d[\d.,]*\s?%\s*[,;]\s*)?$",
)
# the counted noun right after the value, inside the bracket: `(n = 3089 populations)`
_AFTER = re.compile(r"\s*(?P<noun>[a-z][a-z\-]{2,}(?:\s+[a-z][a-z\-]{2,})?)\s*[,;)]")
# words that end a noun phrase walking back from the bracket
_STOP = frozenset(
    words(
        "a an the of on in and or for with from to by at as our their its this these those "
        "over under about data was were is are been had have total"
    )
)
# the bracket closes inside a noun phrase (`a small (N = 200) dataset`): the symbol's value
# describes the noun after it, as any assignment does
_INSIDE = re.compile(r"[^()]*\)\s*(?P<next>[a-z][a-z\-]+)\b")


@dataclass(frozen=True)
class SampleSize:
    """What a bracketed `n = N` counts, and whether it is the count behind a reported share."""

    noun: str
    share: bool
    key: str = "n"  # `n_sites` for `(N = 412 sites)`


def sample_size(sentence: str, name: str, start: int, end: int) -> SampleSize | None:
    """The sample size `name = value` at `start:end` annotates, when it is `n` or `N`
    opening a bracket; None otherwise."""
    if name.strip() not in ("n", "N"):
        return None
    opened = _OPEN.search(sentence[:start])
    if not opened:
        return None
    share = bool(opened.group("outer") or opened.group("inner"))
    inside = _INSIDE.match(sentence, end)
    if inside and inside.group("next") not in _STOP and not share:
        return None
    after = _AFTER.match(sentence, end)
    if after and not any(w in _STOP for w in after.group("noun").split()):
        noun = after.group("noun")
        return SampleSize(noun, share, f"n_{snake(noun)}")
    phrase: list[str] = []
    for word in reversed(sentence[: opened.start()].split()):
        if not re.fullmatch(r"[A-Za-z][a-z\-]{2,}", word) or word.lower() in _STOP:
            break
        phrase.insert(0, word)
        if len(phrase) == 2:
            break
    noun = " ".join(phrase)
    return SampleSize(noun, share, f"n_{snake(noun)}" if noun else "n")
