"""What a hit shows: the passage's best window, the lines it sits under, the other pieces
that hold the most query weight (terms the window lacks counting double), and then the lines
around the window, within a number of characters.

A passage is cut into units (lines, and pieces of long lines) by `rank.units`; a snippet is
a set of units shown in order, with `…` where units are left out, so that a table row
whose subject matches and whose file list holds the answer shows both.
"""

from __future__ import annotations

from collections.abc import Callable

from arakit.query.rank import Scored, context

CONTEXT_CHARS = 100  # an enclosing line shown above a window is cut to this
EXTRA_SHARE = 0.75  # of a snippet's room, at most this goes to pieces away from the window
_GAP = 5  # characters a left-out stretch costs in the shown text ("\n…\n" or " … ")


def snippet(scored: Scored, room: int, weigh: Callable[[int], float]) -> str:
    """At most `room` characters of the passage `scored` (its units and best window found);
    the whole text when it fits."""
    text = scored.row[7] or ""
    whole = text.strip("\n")
    if len(whole) <= room:
        return whole
    spans, masks = scored.spans, scored.masks
    n = len(spans)
    if not n:
        return whole[: max(0, room - 1)] + "…"

    def size(k: int) -> int:
        a, b = spans[k]
        return min(b - a, CONTEXT_CHARS if k in heads else b - a) + _GAP

    lo, hi = max(0, min(scored.lo, n - 1)), max(0, min(scored.hi, n - 1))
    chosen = set(range(lo, hi + 1))
    heads = {k for k in context(scored.up, lo) if k < lo}
    used = sum(size(k) for k in chosen)
    have = 0
    for k in chosen:
        have |= masks[k]
    for k in sorted(heads):
        if used + size(k) <= room:
            chosen.add(k)
            used += size(k)
            have |= masks[k]
    # other pieces by the weight of the terms they hold, terms the window lacks counting
    # double, up to EXTRA_SHARE of the room: the rest is for the lines around the window
    extra = [k for k in range(n) if k not in chosen and masks[k]]
    while extra:
        k = min(extra, key=lambda k: (-weigh(masks[k]) - weigh(masks[k] & ~have), k))
        extra.remove(k)
        if used + size(k) <= room * EXTRA_SHARE:
            chosen.add(k)
            used += size(k)
            have |= masks[k]
    # then the units around the window: below first when it holds terms, else above
    while True:
        grown = False
        below = hi + 1 < n and bool(masks[hi + 1])
        for cand in (hi + 1, lo - 1) if below else (lo - 1, hi + 1):
            if 0 <= cand < n and cand not in chosen and used + size(cand) <= room:
                chosen.add(cand)
                used += size(cand)
                lo, hi = min(lo, cand), max(hi, cand)
                grown = True
            elif 0 <= cand < n and cand in chosen:
                lo, hi = min(lo, cand), max(hi, cand)  # already shown: reach past it
                grown = True
        if not grown:
            break
    shown = _join(
        text, spans, sorted(k for k in chosen if text[spans[k][0] : spans[k][1]].strip()), heads
    )
    if len(shown) > room:
        shown = shown[: max(0, room - 1)] + "…"
    return shown


def _join(text: str, spans: list[tuple[int, int]], units: list[int], heads: set[int]) -> str:
    """The units in order; `…` where the text goes on past the first or last one, and for
    each stretch left out between two of them."""
    out: list[str] = []
    prev = -2
    for k in units:
        a, b = spans[k]
        piece = text[a:b]
        if k in heads and len(piece.rstrip()) > CONTEXT_CHARS:
            piece = piece[: CONTEXT_CHARS - 1] + "…"
        if prev < 0:
            if a > 0 and text[a - 1] != "\n":
                out.append("…")
        else:
            pb = spans[prev][1]
            between = text[pb:a]
            if k == prev + 1:
                out.append(between)  # "" inside a line, "\n" between lines
            elif "\n" in between:
                out.append("\n" if prev in heads and not between.strip() else "\n…\n")
            else:
                out.append(" … ")
                piece = piece.lstrip()
        out.append(piece)
        prev = k
    if prev >= 0:
        b = spans[prev][1]
        if b < len(text) and text[b] != "\n":
            out.append("…")
    return "".join(out).strip("\n")
