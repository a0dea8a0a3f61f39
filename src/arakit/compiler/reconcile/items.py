"""Settings a paragraph gives per item (`FastPCA (4 cores), irlba (1 core)`): the item
each value is for, and the code definitions that can state it (the arguments of calls to
that item, the defaults of a function of that name)."""

from __future__ import annotations

import re
from functools import lru_cache

from arakit.compiler.reconcile.match import _STOP
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import CACHED

_ITEM_STOP = _STOP | {"number", "total", "each", "all", "both"}


@lru_cache(maxsize=CACHED)
def _split_camel(word: str) -> tuple[str, ...]:
    """`big_randomSVD` gives big, random, svd; `FastPCA` gives fast, pca."""
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", word)
    spaced = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1 \2", spaced)
    return tuple(w.lower() for w in spaced.split())


def callee_words(callee: str) -> set[str]:
    """The words of a called name, whole and camel-case split (`bigstatsr::big_randomSVD`:
    bigstatsr, big, randomsvd, random, svd)."""
    out: set[str] = set()
    for piece in re.split(r"[^A-Za-z0-9]+", callee):
        if piece:
            out.add(piece.lower())
            out.update(_split_camel(piece))
    return out


def item_words(setting: PaperSetting) -> set[str]:
    """The words of the printed name that are not the setting's own (`FastPCA cores`:
    fastpca): the method or thing the value is given for."""
    own = set(setting.key.lower().split("_"))
    own |= {w.rstrip("s") for w in own} | {w + "s" for w in own}
    words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z0-9]*", setting.name)}
    return {w for w in words - own if w not in _ITEM_STOP and len(w) >= 3}


# definitions that belong to one called thing: a call's arguments, a function's defaults
_OWNED = ("call", "default", "init")


def per_item(group: list[PaperSetting]) -> set[str]:
    """Keys a paragraph gives per item: two or more settings of one key for different
    things (`FastPCA (4 cores), bigstatsr partial (1 core) ... irlba (1 core)`)."""
    items: dict[str, set[frozenset[str]]] = {}
    for s in group:
        words = item_words(s)
        if words:
            items.setdefault(s.key, set()).add(frozenset(words))
    return {k for k, v in items.items() if len(v) >= 2}


def for_item(setting: PaperSetting, pool: list[CodeParam], strict: bool = False) -> list[CodeParam]:
    """The definitions that can state a setting given for one item (`FastPCA (4 cores)`):
    the arguments of calls to that item and the defaults of a function of that name
    (every word of it in the callee), and definitions that belong to no call. The `cores = 1` of a FastPCA call says nothing of irlba's cores.
    Applied when the paragraph gives the key per item (`strict`), or when the code calls
    something the item names."""
    item = item_words(setting)
    if not item:
        return pool
    if not strict and not any(
        item & callee_words(p.context) for p in pool if p.kind in _OWNED and p.context
    ):
        return pool
    return [
        p
        for p in pool
        if (p.context and item <= callee_words(p.context))
        or (p.kind not in _OWNED and not (strict and p.context))
    ]


def calls_item(setting: PaperSetting, params: list[CodeParam]) -> bool:
    """True when the code calls the item the setting is given for (every word of it)."""
    item = item_words(setting)
    return bool(item) and any(p.kind == "call" and item <= callee_words(p.context) for p in params)
