"""Line numbers printed in the margins of review and preprint copies (ACL's `review` option,
`lineno`, journal submission templates): a column of counting integers beside the text.
They are no part of any table or caption, so they are taken off the page's lines first."""

from __future__ import annotations

import itertools
import re

from arakit.compiler.pdf.tables.glyphs import TextLine, Word

_NUMBER_RE = re.compile(r"^\d{1,5}$")
MIN_RUN = 5  # a margin column needs at least this many numbers to be line numbering


def _apart(line: TextLine, k: int) -> bool:
    """The word at index k (first or last of its line) stands well apart from the others."""
    ws = line.words
    if len(ws) == 1:
        return True
    w = ws[k]
    gap = ws[1].x0 - w.x1 if k == 0 else w.x0 - ws[-2].x1
    return gap > 2.0 * w.size


def _counts_up(words: list[Word]) -> bool:
    """Numbers that increase down the page by small steps, nearly always."""
    values = [int(w.text) for w in sorted(words, key=lambda w: w.base)]
    steps = [b - a for a, b in itertools.pairwise(values)]
    good = sum(1 for s in steps if 1 <= s <= 3)
    return good >= 0.8 * len(steps)


def _columns(words: list[Word], edge: str) -> list[list[Word]]:
    """Words grouped by a shared right edge (left margin) or left edge (right margin)."""
    key = (lambda w: w.x1) if edge == "left" else (lambda w: w.x0)
    out: list[list[Word]] = []
    for w in sorted(words, key=key):
        if out and abs(key(w) - key(out[-1][-1])) <= 3.0:
            out[-1].append(w)
        else:
            out.append([w])
    return out


def drop_line_numbers(lines: list[TextLine]) -> list[TextLine]:
    """The lines without the page's margin line numbers: a column of at least MIN_RUN
    integers, each apart from the text of its line, counting up down the page, with no
    other word of the page further out in the margin than it."""
    candidates: dict[str, list[Word]] = {"left": [], "right": []}
    for line in lines:
        if _NUMBER_RE.match(line.words[0].text) and _apart(line, 0):
            candidates["left"].append(line.words[0])
        if _NUMBER_RE.match(line.words[-1].text) and _apart(line, -1):
            candidates["right"].append(line.words[-1])
    if all(len(v) < MIN_RUN for v in candidates.values()):
        return lines
    drop: set[int] = set()
    for edge, words in candidates.items():
        for col in _columns(words, edge):
            if len(col) < MIN_RUN or not _counts_up(col):
                continue
            ids = {id(w) for w in col}
            others = [w for ln in lines for w in ln.words if id(w) not in ids and id(w) not in drop]
            if edge == "left" and others and max(w.x1 for w in col) < min(w.x0 for w in others):
                drop |= ids
            if edge == "right" and others and min(w.x0 for w in col) > max(w.x1 for w in others):
                drop |= ids
    if not drop:
        return lines
    out = []
    for line in lines:
        kept = [w for w in line.words if id(w) not in drop]
        if kept:
            out.append(TextLine(kept))
    return out
