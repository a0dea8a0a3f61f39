"""Running text from laid-out lines: footnote marks dropped, footnotes set apart, words
broken at a line end joined back — keeping the hyphen of compounds the paper writes with
one ("state-space"), dropping the one the typesetter added ("identifi-cation").
"""

from __future__ import annotations

import re
from collections import Counter

from arakit.compiler.pdf.chars import SUPERSCRIPT
from arakit.compiler.pdf.document import Line
import itertools

_WORD_RE = re.compile(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*")
_DECIMAL_END_RE = re.compile(r"(?<![\d.])\d+\.\d+$")
_MARK_RE = re.compile(r"^(?:\d{1,2}(?:,\d{1,2})*|[*†‡§¶‖#∗⋆]+|[a-e])$")


def vocabulary(lines: list[Line]) -> Counter[str]:
    """Lower-case words as printed inside lines (never across a line end), hyphens kept."""
    words: Counter[str] = Counter()
    for ln in lines:
        words.update(w.lower() for w in _WORD_RE.findall(ln.text.rstrip("-")))
    return words


_CITED = re.compile(r"^\d{1,3}(?:\s*[,–-]\s*\d{1,3})+,?$")
# ten as the base of a power, on its own or after a mantissa (`10`, `3 × 10`, `1·10`)
_POWER_BASE_RE = re.compile(r"(?:(?<![\w.,])|(?<=[×·⋅x]))10$|[×·⋅]\s?10$")
_EXPONENT_RE = re.compile(r"^[-−+]?\d{1,3}$")


# Where a raised reference number stood, kept in the joined text until `take_marks`
# records it and removes it ("networks¹,²" in journals that cite by superscript).
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
_NUMBERS_RE = re.compile(r"^\d{1,3}(?:\s*[,–-]\s*\d{1,3})*$")
_HELD_RE = re.compile(f"{MARK_OPEN}([^{MARK_CLOSE}]*){MARK_CLOSE}")


def reading_text(ln: Line, marks: bool = False) -> str:
    """The line as read aloud: superscript footnote marks after a word or punctuation
    (`dynamics.¹`, `Forgione¹`) dropped; exponents (`10⁻⁵`, `x²`, `J^cl`) kept. With
    `marks`, a dropped mark made of numbers is held in place for `take_marks`."""
    if not ln.sup:
        return ln.text
    out, last = [], 0
    for a, b in _citation_runs(ln):
        mark = ln.text[a:b].strip()
        before = ln.text[:a].rstrip()
        word = re.search(r"[A-Za-zÀ-ÿ]+$", before)
        after_text = before.endswith((".", ",", ";", ":", ")", "”", "’", "'"))
        after_word = word is not None and len(word.group(0)) >= 3
        if (_MARK_RE.match(mark) and (after_text or after_word)) or _CITED.match(mark):
            # a raised list of reference numbers ("set to −1¹,²,⁵") is a citation wherever
            # it stands: no exponent is a list
            held = marks and before and _NUMBERS_RE.match(mark)
            out.append(ln.text[last:a] + (f"{MARK_OPEN}{mark}{MARK_CLOSE}" if held else ""))
            last = b
        elif _POWER_BASE_RE.search(ln.text[:a]) and _EXPONENT_RE.match(mark):
            # `10⁸ samples`, `3 × 10⁻⁴`: a power of ten keeps its exponent raised; flattened,
            # it reads as another number (`108`)
            out.append(ln.text[last:a] + mark.translate(SUPERSCRIPT))
            last = b
        elif _DECIMAL_END_RE.search(ln.text[:a]) and mark.isdigit():
            # `0.4²`: a power of a decimal number (a variance written as σ²) keeps its raised
            # digits raised; flattened, it reads as another number (`0.42`)
            out.append(ln.text[last:a] + mark.translate(SUPERSCRIPT))
            last = b
    out.append(ln.text[last:])
    return "".join(out)


def take_marks(text: str) -> tuple[str, list[tuple[int, str]]]:
    """The text without the marks `reading_text` held, and (offset, mark) for each: where
    in the returned text the raised numbers stood."""
    out: list[str] = []
    found: list[tuple[int, str]] = []
    last = length = 0
    for m in _HELD_RE.finditer(text):
        piece = text[last : m.start()]
        out.append(piece)
        length += len(piece)
        found.append((length, m.group(1)))
        last = m.end()
        if piece.endswith(" ") and text[last : last + 1] == " ":
            last += 1  # the blanks either side of the mark were one blank
    out.append(text[last:])
    return "".join(out), found


def _citation_runs(ln: Line) -> list[tuple[int, int]]:
    """The line's raised spans, with touching spans that together spell a list of
    reference numbers ("1", ",", "2", ",", "5") made one."""
    runs: list[list[tuple[int, int]]] = []
    for a, b in ln.sup:
        if runs and runs[-1][-1][1] == a:
            runs[-1].append((a, b))
        else:
            runs.append([(a, b)])
    out: list[tuple[int, int]] = []
    for run in runs:
        whole = (run[0][0], run[-1][1])
        text = ln.text[whole[0] : whole[1]].strip()
        # a reference list ("1", ",", "2") or a signed exponent ("−", "4") set as pieces
        one = len(run) > 1 and (_CITED.match(text) or _EXPONENT_RE.match(text))
        out += [whole] if one else run
    return out


def footnote_start(ln: Line, body: float) -> bool:
    """A footnote's first line: set smaller than the body and opening with a raised mark."""
    return ln.size < body - 0.5 and any(a == 0 for a, _ in ln.sup)


def breaks(prev: Line, ln: Line, leading: float = 0.0) -> bool:
    """A new paragraph: a column or page change after a full stop, or a vertical gap wider
    than the document's usual gap between the lines of a paragraph (`leading`: wide in a
    double-spaced manuscript or thesis) by more than half a line."""
    if ln.page != prev.page or ln.column != prev.column:
        return prev.text.rstrip().endswith((".", ":")) and ln.x0 > prev.x0 + 4
    gap = ln.y0 - prev.y1
    if gap > max(0.6 * prev.size, leading + 0.45 * prev.size):
        return True
    if gap >= 0 and ln.x0 > prev.x0 + 6:
        # an indent starts a paragraph, except under a list item's first line (its hanging
        # indent) or after a word broken across the line end (`plug-and-` / `play`)
        broken = re.search(r"[A-Za-z]-$", prev.text.rstrip()) and ln.text[:1].islower()
        hanging = _ITEM_RE.match(prev.text) and ln.x0 - prev.x0 < 3 * prev.size
        return not (broken or hanging)
    return False


_ITEM_RE = re.compile(r"^(?:\d{1,2}[.)]|\(?[a-z]\)|\(\d{1,2}\)|[•◦▪–-])\s+\S")


def usual_gap(lines: list[Line], body: float) -> float:
    """The usual vertical gap between two lines of running text that follow each other in
    a column (the median over body-size lines; 0 when there are too few)."""
    gaps = sorted(
        b.y0 - a.y1
        for a, b in itertools.pairwise(lines)
        if a.page == b.page
        and a.column == b.column
        and abs(a.size - body) < 0.3
        and abs(b.size - body) < 0.3
        and 0 <= b.y0 - a.y1 < 2 * body
    )
    return gaps[len(gaps) // 2] if len(gaps) >= 20 else 0.0


def dehyphenate(parts: list[str], vocab: Counter[str] | None = None) -> str:
    """Join lines; a word broken with a hyphen at a line end is joined back together. With
    the document's `vocab`, a compound the paper also writes with a hyphen keeps it."""
    out = ""
    for p in parts:
        p = p.strip()
        if not p:
            continue
        if len(out) > 1 and out.endswith("-") and out[-2].isalpha() and p[:1].islower():
            left = re.search(r"[A-Za-zÀ-ÿ]+(?:-[A-Za-zÀ-ÿ]+)*-$", out)
            right = re.match(r"[A-Za-zÀ-ÿ]+", p)
            if (
                vocab is not None
                and left is not None
                and right is not None
                and _compound(left.group(0), right.group(0), vocab)
            ):
                out = out + p
            else:
                out = out[:-1] + p
        elif len(out) > 1 and out.endswith("-") and out[-2].isdigit() and p[:1].islower():
            out = out + p  # "360-" / "degree": a compound with a number keeps its hyphen
        elif len(out) > 1 and out.endswith("-") and out[-2].isalpha() and p[:1].isupper():
            # "Super-" / "Point": one word the paper writes whole ("SuperPoint"), else a
            # compound of two capitalised words ("Levenberg-" / "Marquardt")
            left = re.search(r"[^\W\d_]+-$", out)
            right = re.match(r"[^\W\d_]+", p)
            joined = ""
            if left is not None and right is not None:
                joined = f"{left.group(0)[:-1]}{right.group(0)}".lower()
            out = out[:-1] + p if vocab is not None and joined and vocab[joined] > 0 else out + p
        else:
            out = f"{out} {p}" if out else p
    return out


def _compound(left: str, right: str, vocab: Counter[str]) -> bool:
    hyphened = f"{left}{right}".lower()  # left keeps its trailing hyphen
    joined = f"{left[:-1]}{right}".lower()
    return vocab[hyphened] > 0 and vocab[joined] == 0
