"""The content check every writer passes: the words of the original text must survive.

A word is a run of letters, digits or underscores; punctuation and whitespace do not count,
so re-indenting, re-quoting or re-aligning a table loses nothing, while a dropped comment,
footnote or field does. Entity IDs count in their canonical spelling (`C1` = `C01`), so
padding an ID is not a loss.
"""

from __future__ import annotations

import re
from collections import Counter

from arakit.model.ids import normalize_id

_WORD_RE = re.compile(r"\w+")
_ID_RE = re.compile(r"^(?:RW|[A-Z])\d{1,4}$")


def words(text: str) -> Counter[str]:
    """The words of a text with their counts (IDs in canonical spelling)."""
    return Counter(normalize_id(w) if _ID_RE.match(w) else w for w in _WORD_RE.findall(text))


def lost_words(before: str, after: str) -> Counter[str]:
    """Words of `before` that `after` no longer holds (with how many copies went missing)."""
    return words(before) - words(after)


def require_kept(before: str, after: str, file: str, allowed: Counter[str] | None = None) -> None:
    """Raise WriteRefusedError when `after` lost words of `before` beyond `allowed` (the words
    of the values a writer meant to change)."""
    lost = words(before) - words(after) - (allowed or Counter())
    if lost:
        from arakit.errors import WriteRefusedError

        raise WriteRefusedError(
            f"the write would drop text of the file: {describe_loss(lost)}; "
            "the file was left unchanged",
            file=file,
            hint="edit the file by hand; the words listed are what would be lost",
        )


def describe_loss(lost: Counter[str], limit: int = 8) -> str:
    """A short human description of lost words: `12 words, e.g. "footnote", "see"`."""
    total = sum(lost.values())
    sample = ", ".join(f'"{w}"' for w, _ in lost.most_common(limit))
    return f"{total} word{'s' if total != 1 else ''} ({sample})"
