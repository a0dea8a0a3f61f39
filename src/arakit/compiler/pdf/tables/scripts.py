"""Raised and lowered text set one over the other after a value (an asymmetric error,
6.80 with +0.21 over −0.14): written raised first, then lowered (6.80^{+0.21}_{−0.14}).

PyMuPDF gives each script line as its own unit, and a unit joins its line where its first
glyph starts; a lowered run that starts where a raised one does lands inside it, between its
sign and its digits (6.80⁺_{−0.14}^{0.21}), or after the next word when a script line's
unit held several cells' scripts (0.030⁺_{−0.009} AU^{0.008})."""

from __future__ import annotations

from typing import Protocol, TypeVar


class _Glyph(Protocol):
    text: str
    x0: float
    x1: float
    shift: int


G = TypeVar("G", bound=_Glyph)


def stacked_in_order(glyphs: list[G]) -> list[G]:
    """The line's glyphs with each run of scripts set one over the other reordered: its raised
    glyphs, then its lowered ones, then the spaces it held (each part in its own order); a
    script run that lies wholly left of a word before it first goes back beside its value."""
    glyphs = _scripts_in_place(glyphs)
    out: list[G] = []
    k = 0
    while k < len(glyphs):
        if not glyphs[k].shift:
            out.append(glyphs[k])
            k += 1
            continue
        end = k
        while end < len(glyphs) and (glyphs[end].shift or not glyphs[end].text.strip()):
            end += 1
        while end > k + 1 and not glyphs[end - 1].text.strip():
            end -= 1  # spaces after the run stay where they are
        run = glyphs[k:end]
        out.extend(_ordered(run) if _stacked(run) else run)
        k = end
    return out


def _stacked(run: list[G]) -> bool:
    """Whether a run holds raised and lowered ink that share most of their width."""
    up = [g for g in run if g.shift > 0 and g.text.strip()]
    down = [g for g in run if g.shift < 0 and g.text.strip()]
    if not up or not down:
        return False
    ux0, ux1 = min(g.x0 for g in up), max(g.x1 for g in up)
    dx0, dx1 = min(g.x0 for g in down), max(g.x1 for g in down)
    shared = min(ux1, dx1) - max(ux0, dx0)
    return shared > 0.5 * min(ux1 - ux0, dx1 - dx0)


def _ordered(run: list[G]) -> list[G]:
    ink = [g for g in run if g.text.strip()]
    up = [g for g in ink if g.shift > 0]
    down = [g for g in ink if g.shift < 0]
    spaces = [g for g in run if not g.text.strip()]
    return up + down + spaces


def _scripts_in_place(glyphs: list[G]) -> list[G]:
    """Runs of one shift, each script run put before the first word on the baseline that
    starts right of its end (and before the spaces leading to that word)."""
    runs: list[list[G]] = []
    for g in glyphs:
        key = g.shift if g.text.strip() else None
        last = runs[-1][-1] if runs else None
        same = last is not None and (last.shift if last.text.strip() else None) == key
        if same and last is not None and key and g.x0 < last.x0 - 0.5 * (last.x1 - last.x0):
            same = False  # a script that starts back left of the one before: another run
        if same:
            runs[-1].append(g)
        else:
            runs.append([g])
    k = 0
    while k < len(runs):
        run = runs[k]
        if run[0].shift and run[0].text.strip():
            end = max(g.x1 for g in run)
            at = next(
                (
                    j
                    for j in range(k)
                    if not runs[j][0].shift and runs[j][0].text.strip() and runs[j][0].x0 > end
                ),
                None,
            )
            if at is not None:
                while at > 0 and not runs[at - 1][0].text.strip():
                    at -= 1
                runs.insert(at, runs.pop(k))
        k += 1
    return [g for run in runs for g in run]
