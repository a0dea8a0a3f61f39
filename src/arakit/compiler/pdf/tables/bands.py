"""The main method: rows from word baselines (and from rules where every row is ruled),
columns from the white gaps no body word crosses (and from vertical rules), the header
above the first rule under text."""

from __future__ import annotations

import itertools
import re
import unicodedata

from arakit.compiler.pdf.tables.glyphs import TextLine, Word
from arakit.compiler.pdf.tables.grid import (
    column_of,
    NUMERIC_RE,
    Grid,
    cell_text,
    col_ranges,
    header_levels,
    index_name_row,
    is_number,
    line_cells,
    place_words,
    white_gaps,
)
from arakit.compiler.pdf.tables.header import (
    label_band,
    labels_columns,
    line_bands,
    ruled_alike,
    split_header,
)
from arakit.compiler.pdf.tables.region import Region
from arakit.compiler.pdf.tables.spans import lift_labels, lone_labels

METHOD = "rule bands + word baselines + gap columns"
_WORD_RE = re.compile(r"[^\W\d_]{3,}")
ROWS_OR_LINES = (
    "a ruled band holds several lines of words that each fill every column: rows or cells "
    "wrapped over lines cannot be told apart"
)


def full_rules(region: Region) -> list[tuple[float, float, float]]:
    """Rules that cross most of the table (booktabs top/mid/bottom rules, grid lines)."""
    width = region.x1 - region.x0
    rules = sorted(region.rules, key=lambda r: r[2])
    out: list[tuple[float, float, float]] = []
    for r in rules:
        if r[1] - r[0] >= 0.6 * width and not (out and abs(out[-1][2] - r[2]) < 1.2):
            out.append(r)
    return out


def separators(
    region: Region, body: list[TextLine], head: list[TextLine] | None = None, index: bool = False
) -> tuple[list[float], list[TextLine]]:
    """Column separators: vertical rules crossing the body, and white gaps no body word
    crosses (a line that alone fills a gap is a spanning cell, not a reason to lose the
    gap); a gap next to a rule with no word between them is the same boundary. Also
    returns the spanning lines. A gap is cut where every header line is white too (a label
    printed over several lines, "Our time (s)" over "Alzantot's" / "time (s)", stays in its
    column), else where the lowest header line is, so a centred header wider than its
    column falls in its own column; under a header whose lowest line is the row labels'
    name alone (`index`), where every header line is white."""
    if not body:
        return [], []
    top, bottom = min(ln.y0 for ln in body), max(ln.y1 for ln in body)
    vr: list[float] = []
    for v in sorted(region.vrules):
        crosses = v[1] <= top + 2 and v[2] >= bottom - 2 and region.x0 + 2 < v[0] < region.x1 - 2
        if crosses and (not vr or v[0] - vr[-1] > 3.0):  # a double rule is one boundary
            vr.append(v[0])
    size = sorted(w.size for ln in body for w in ln.words)[len(body) // 2]
    multi = [ln for ln in body if len(_segments(ln)) > 1] or body
    spanning = [ln for ln in multi if _spans_a_gap(ln, multi, size)]
    if spanning and len(multi) - len(spanning) >= 2:
        multi = [ln for ln in multi if ln not in spanning]
    else:
        spanning = []
    white = white_gaps([head[-1]], 0.3 * size) if head else []
    clear = _white_in_all(head or []) if index else []
    # white down every header line: a label printed over several lines stays in one column
    every = [(a, b) for a, b in _white_in_all(head or []) if b - a >= 0.3 * size]
    gaps = []
    lone = [ln for ln in body if ln not in multi and not centred_across([ln], region)]
    for a, b in white_gaps(multi, 0.45 * size):
        inside = [ln for ln in lone if a + 0.45 * size < ln.x0 and ln.x1 < b - 0.45 * size]
        if inside:  # labels alone in the gap (set over several rows): a column of their own
            gaps += [(a + min(ln.x0 for ln in inside)) / 2, (max(ln.x1 for ln in inside) + b) / 2]
        else:
            lanes = next((w for w in (clear, every) if _meets(a, b, w)), white)
            gaps.append(_cut(a, b, lanes))
    if not vr:
        return gaps, spanning
    centres = [w.cx for ln in body for w in ln.words]
    merged = list(vr)
    for g in gaps:
        if all(any(min(g, v) < c < max(g, v) for c in centres) for v in vr):
            merged.append(g)
    return sorted(merged), spanning


def _white_in_all(lines: list[TextLine]) -> list[tuple[float, float]]:
    """The x-stretches no word of any of the lines covers (beyond their ends included)."""
    if len(lines) < 2:
        return []
    spans = sorted((w.x0, w.x1) for ln in lines for w in ln.words)
    out: list[tuple[float, float]] = [(float("-inf"), spans[0][0])]
    reach = spans[0][1]
    for a, b in spans[1:]:
        if a > reach:
            out.append((reach, a))
        reach = max(reach, b)
    out.append((reach, float("inf")))
    return out


def _meets(a: float, b: float, white: list[tuple[float, float]]) -> bool:
    return any(min(b, d) - max(a, c) > 1.0 for c, d in white)


def _index_name_under(head: list[TextLine], body: list[TextLine]) -> bool:
    """The lowest header line is one run of words set flush left on the row labels, and
    every word of the header lines above it starts beyond its end: the row labels' name on
    a line of its own under the column labels (pandas' `to_latex` with a named index)."""
    if len(head) < 2 or not body:
        return False
    last = head[-1]
    if len(_segments(last)) != 1:
        return False
    left = min(ln.x0 for ln in body)
    if abs(last.x0 - left) > 0.5 * last.size:
        return False
    return all(w.x0 > last.x1 for ln in head[:-1] for w in ln.words)


def _cut(a: float, b: float, white: list[tuple[float, float]]) -> float:
    """Where to cut the body gap (a, b): in its widest overlap with a white stretch of the
    header line, else in its middle."""
    parts = [(max(a, c), min(b, d)) for c, d in white if min(b, d) > max(a, c)]
    if not parts:
        return (a + b) / 2
    lo, hi = max(parts, key=lambda p: p[1] - p[0])
    return (lo + hi) / 2


def _one_run_across(ln: TextLine, bounds: list[float], walls: list[float] | None = None) -> bool:
    """A line of words set as one run (a group label, "Claude Sonnet 4.6") that reaches
    over a column boundary: it is one cell spanning, not words of two columns. Words on two
    sides of a vertical rule are never one run."""
    words = ln.words
    if len(words) < 2 or any(b.x0 - a.x1 >= 0.45 * a.size for a, b in itertools.pairwise(words)):
        return False
    if _split_by_rule(ln, walls or []):
        return False
    return any(words[0].x0 < b < words[-1].x1 for b in bounds)


def _posts(region: Region, ln: TextLine) -> list[float]:
    """The x of the vertical rules drawn beside the line (TeX leaves a column's rule out
    beside a label set across the columns, `\\multicolumn`)."""
    mid = (ln.y0 + ln.y1) / 2
    return [x for x, a, b in region.vrules if a - 1 <= mid <= b + 1]


def _split_by_rule(ln: TextLine, walls: list[float]) -> bool:
    """A vertical rule runs between two of the line's words (they are in different cells)."""
    return any(a.cx < x < b.cx for a, b in itertools.pairwise(ln.words) for x in walls)


def crossing(head: TextLine | None, bounds: list[float]) -> str | None:
    """A header word that lies across a column boundary: the header's cells cannot be
    placed for sure."""
    if head is None:
        return None
    for w in head.words:
        if any(w.x0 + 1 < b < w.x1 - 1 for b in bounds):
            return f"header word {w.text!r} lies across a column boundary"
    return None


def _spans_a_gap(ln: TextLine, lines: list[TextLine], size: float) -> bool:
    """A line whose text alone fills a column-wide gap every other line leaves white (a
    cell spanning two columns, like `\\multicolumn`)."""
    if len(lines) < 3:
        return False
    now = white_gaps(lines, 0.45 * size)
    others = white_gaps([m for m in lines if m is not ln], 1.0 * size)
    return any(all(b <= a0 or a >= b0 for a0, b0 in now) for a, b in others)


def _segments(ln: TextLine) -> list[list[object]]:
    segs: list[list[object]] = []
    last = None
    for w in ln.words:
        if last is not None and w.x0 - last <= 0.9 * w.size:
            segs[-1].append(w)
        else:
            segs.append([w])
        last = w.x1
    return segs


def body_rows(
    body: list[TextLine],
    bounds: list[float],
    rules: list[tuple[float, float, float]],
    boxed: bool = False,
) -> tuple[list[list[TextLine]], str | None]:
    """Lines grouped into rows: by the rules when every row is ruled (a band whose lines
    each fill the band's columns is several rows), else one row per baseline, with
    continuation lines joined to the row above. Also returns a doubt about the grouping."""
    bands = line_bands(body, rules)
    single = sum(1 for b in bands if len(b) == 1)
    if len(bands) >= 3 and (boxed or single >= 0.75 * len(bands)):
        rows: list[list[TextLine]] = []
        doubt = None
        for band in bands:
            parts = _split_band(band, bounds)
            if len(parts) > 1 and not any(
                is_number(t) for ln in band for t in line_cells(ln, bounds).values()
            ):
                doubt = ROWS_OR_LINES
            rows += parts
        return rows, doubt
    rows = []
    ends = {
        id(ln): max((w.x1 for w in ln.words if column_of(w.cx, bounds) == 0), default=0.0)
        for ln in body
    }
    for band in bands:
        start = len(rows)
        for ln in band:
            if len(rows) > start and _continues(rows[-1], ln, bounds, len(bands) > 1, ends):
                rows[-1].append(ln)
            else:
                rows.append([ln])
        if len(bands) > 1:  # a group between rules may have a label set over its rows
            rows[start:] = lift_labels(rows[start:], bounds)
    return rows, None


def _split_band(band: list[TextLine], bounds: list[float]) -> list[list[TextLine]]:
    """A ruled band as rows: one row, unless its first line fills every column the band
    uses and later lines fill the same columns (rows grouped between rules); a line that
    fills fewer columns carries on the row above (a cell wrapped over lines); a label set
    over the band's rows (spans.py) goes with the first."""
    labels = lone_labels(band, bounds)
    lines = [ln for ln in band if ln not in labels]
    used = {c for ln in lines for c in line_cells(ln, bounds)}
    first = set(line_cells(lines[0], bounds))
    if len(lines) == 1 or len(first) < 2 or first != used:
        return [band]
    rows = [[lines[0], *labels]]
    for ln in lines[1:]:
        if set(line_cells(ln, bounds)) == first:
            rows.append([ln])
        else:
            rows[-1].append(ln)
    return rows


def _continues(
    row: list[TextLine],
    ln: TextLine,
    bounds: list[float],
    ruled: bool = False,
    ends: dict[int, float] | None = None,
) -> bool:
    """A line that carries on the row above: nothing in the first column, and its text only
    in columns where the row has words (not numbers only). Between the rules of a table
    ruled under its rows (`ruled`), also a line whose cells all carry on text cells above,
    the first starting in lower case where the label above stops mid-sentence. A line
    with text in the first column only carries on a label above it that it starts in lower
    case, or whose bracket it closes, or (not starting with a capital) whose last line its
    first word would not have fitted on (`ends`: where each line's first-column words end,
    by the line's id)."""
    mine = line_cells(ln, bounds)
    above: dict[int, str] = {}
    for prev in row:
        for c, t in line_cells(prev, bounds).items():
            above[c] = f"{above.get(c, '')} {t}".strip()
    if not bounds:
        return False
    if 0 in mine:
        # a row label wrapped onto a second line: only the first column, lower case start
        only_label = set(mine) == {0} and 0 in above and len(above) > 1
        if only_label and mine[0][:1].islower():
            return True
        if only_label and (
            _closes_brackets(above, mine) or _wrapped_label(row, ln, bounds, ends or {})
        ):
            return True
        return ruled and _wraps_with(above, mine)
    if 0 not in above:
        return False
    if _closes_brackets(above, mine):
        return True
    if any(NUMERIC_RE.match(t) for t in mine.values()):
        return False
    return all(c in above and _wordy(above[c]) for c in mine)


def _wrapped_label(
    row: list[TextLine], ln: TextLine, bounds: list[float], ends: dict[int, float]
) -> bool:
    """The line's first word, not capitalised and set in the weight of the label above,
    would not have fitted at the end of the label's last line: that line reaches the first
    column's right edge, where another of the column's lines ends too (a column of fixed
    width set as a paragraph; a label that alone is the widest shows no such edge)."""
    label = [w for w in row[-1].words if column_of(w.cx, bounds) == 0]
    word = ln.words[0]
    if not label or word.text[:1].isupper() or bool(word.bold) != bool(label[-1].bold):
        return False
    end = label[-1].x1
    right = max(ends.values(), default=0.0)
    if end + 0.25 * word.size + (word.x1 - word.x0) <= right + 0.5:
        return False  # it would have fitted
    others = [e for k, e in ends.items() if k not in (id(row[-1]), id(ln))]
    return any(e >= end - 0.1 * word.size for e in others)


def _wraps_with(above: dict[int, str], mine: dict[int, str]) -> bool:
    """Every cell of the line carries on a text cell above it (no figures), and the first
    starts in lower case after a label that stops mid-sentence: cells wrapped together."""
    if any(NUMERIC_RE.match(t) for t in mine.values()) or not mine[0][:1].islower():
        return False
    if above.get(0, "").rstrip().endswith((".", "?", "!", ":")):
        return False
    return all(c in above and _wordy(above[c]) for c in mine)


def _wordy(text: str) -> bool:
    """A cell of text, not figures: a word of three letters or more in any script, or three
    words of letters only (IPA strings are often set letter by letter, "ʔ ɪ t ð ə"); "L4,
    fp16" is neither."""
    if _WORD_RE.search(text):
        return True
    return sum(1 for t in text.split() if all(_letter(ch) for ch in t)) >= 3


def _letter(ch: str) -> bool:
    """A letter or a mark set on one (a tie bar, a tilde): IPA's "ɡ͡b" is one letter."""
    return ch.isalpha() or unicodedata.category(ch).startswith("M")


def _open(text: str) -> int:
    return text.count("[") + text.count("(") - text.count("]") - text.count(")")


def _closes_brackets(above: dict[int, str], mine: dict[int, str]) -> bool:
    """A line each of whose cells closes a bracket left open in the cell above it (an
    interval "[−2.11," over "+1.53]"): the cells carry on over two lines."""
    return all(
        c in above and _open(above[c]) > 0 and _open(above[c] + t) == 0 for c, t in mine.items()
    )


def extract(region: Region) -> Grid:
    """The table's header rows and body rows."""
    rules = full_rules(region)
    doubts: list[str | None] = []
    n_head, doubt = split_header(region, rules)
    doubts.append(doubt)
    if ruled_alike(region, rules):
        bands = line_bands(region.lines, rules)
        bounds, _ = separators(region, region.lines[len(bands[0]) :])
        header_row, doubt = labels_columns(bands, bounds)
        n_head = len(bands[0]) if header_row else 0
        doubts.append(doubt)
    head, body = region.lines[:n_head], region.lines[n_head:]
    bounds, spanning = separators(region, body, head)
    extra = label_band(region, rules, n_head, bounds)
    if extra:
        n_head += extra
        head, body = region.lines[:n_head], region.lines[n_head:]
        bounds, spanning = separators(region, body, head)
    last = head[-1] if head else None
    if _index_name_under(head, body):
        bounds, spanning = separators(region, body, head, index=True)
    if len(head) >= 2 and index_name_row(head, bounds):
        last = head[-2]  # the column labels over a row labels' name on a line of its own
    spanning = [ln for ln in spanning if not _split_by_rule(ln, _posts(region, ln))]
    spanning += [
        ln for ln in body if ln not in spanning and _one_run_across(ln, bounds, _posts(region, ln))
    ]
    boxed = len(region.vrules) >= 2 and len(rules) >= 3
    rows, doubt = body_rows(body, bounds, rules, boxed)
    doubts += [doubt, crossing(last, bounds)]
    ranges = col_ranges([ln for ln in body if ln not in spanning], bounds)
    walls = _walls(region, head)
    labels = lone_labels(head, bounds)  # a label centred over the header's lines
    lines = [ln for ln in head if ln not in labels]
    header, doubt = (
        header_levels(lines, bounds, ranges, region.rules, walls) if lines else ([], None)
    )
    doubts.append(doubt)
    for ln in labels:
        for c, text in line_cells(ln, bounds).items():
            if header and not header[0][c]:
                header[0][c] = text
    header = _lift_centred_levels(header)
    cells = place_words(rows, bounds, spanning)
    for k, row in enumerate(rows):
        if len(bounds) >= 2 and centred_across(row, region):
            cells[k] = [[line for cell in cells[k] for line in cell]] + [[] for _ in bounds]
    doubts.append(_stacked_numbers(cells))
    problems = [d for d in doubts if d]
    return Grid(
        header=header,
        rows=[[cell_text(lines, bold=True) for lines in row] for row in cells],
        words=[[[w for line in lines for w in line] for lines in row] for row in cells],
        problem="; ".join(problems) if problems else None,
    )


def _lift_centred_levels(header: list[list[str]]) -> list[list[str]]:
    """Header levels with a middle level whose cells all stand in columns no level above the
    lowest uses (a group label set vertically centred beside two levels of group labels,
    "Normal Prompts" beside "Unlearned" over "Harmful Prompts"): its cells go up into the
    first level, as a label centred over several levels is written."""
    if len(header) < 4:
        return header
    out = [list(row) for row in header]
    k = 1
    while k < len(out) - 1:
        mine = {c for c, t in enumerate(out[k]) if t}
        others = {c for j, row in enumerate(out[:-1]) if j != k for c, t in enumerate(row) if t}
        if mine and not mine & others:
            for c in mine:
                out[0][c] = out[k][c]
            del out[k]
        else:
            k += 1
    return out


def centred_across(row: list[TextLine], region: Region) -> bool:
    """A row of one short run of words centred on the table (a group label set across every
    column, `\\multicolumn{n}{c}{T5-base}`): written in the first column, as a header cell
    spanning columns is."""
    if len(row) != 1 or len(_segments(row[0])) != 1:
        return False
    ln = row[0]
    return abs((ln.x0 + ln.x1) / 2 - (region.x0 + region.x1) / 2) <= ln.size and (
        ln.x1 - ln.x0 < 0.5 * (region.x1 - region.x0)
    )


def _stacked_numbers(cells: list[list[list[list[Word]]]]) -> str | None:
    """A body cell holding two or more whole numbers on lines of their own: rows were
    joined (a cell is rarely two numbers stacked)."""
    for k, row in enumerate(cells):
        for c, lines in enumerate(row):
            whole = [
                t for ws in lines if is_number(t := " ".join(w.text for w in ws)) and _open(t) == 0
            ]
            if len(whole) >= 2:
                return f"body row {k + 1}, column {c + 1} holds {len(whole)} numbers on lines of their own"
    return None


def _walls(region: Region, head: list[TextLine]) -> list[float]:
    """The x of the vertical rules running past the header lines (no header cell crosses
    one)."""
    if not head:
        return []
    top, bottom = min(ln.y0 for ln in head), max(ln.y1 for ln in head)
    return [v[0] for v in region.vrules if v[1] <= top + 2 and v[2] >= bottom - 2]
