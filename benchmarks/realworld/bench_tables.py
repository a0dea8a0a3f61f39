"""Tables read from the corpus papers, scored against hand-written truth.

Truth: ``truth/papers/<pair>/tables.yaml`` (every "Table N", read off the rendered pages; see
``truth/papers/README.md``). Each paper is read with ``arakit.compiler.pdf.read_document``.

Definitions (per paper, summed for the total):

- **cell normalisation**: every whitespace character is removed, bold markers ``**`` are
  dropped and the text is put in Unicode's canonical composed form (NFC: "a" + combining
  tilde and "ã" are one text by Unicode's definition); nothing else (no case folding, no
  compatibility mapping, no digit or dash mapping, no fuzzy matching).
- **table cells row-exact**: a non-empty truth body cell counts when the extracted table with
  the same number has a body row whose cells equal the truth row cell for cell in the same
  column order after normalisation (columns that are empty in every row are dropped first,
  in the extracted table and in the truth alike, and rows shorter than their table are
  padded with empty cells: two sub-tables of different widths under one caption; each
  extracted row matches at most one truth row).
  ``row_exact`` = counted cells / all non-empty truth body cells.
- **tables found / missed / spurious**: found = truth tables for which a table with that
  number and at least one body row was extracted; missed = truth tables without one;
  spurious = extracted tables with body rows whose number has no truth table.
- **marked exact, not exact**: extracted tables whose self-check verdict is ``exact`` but
  whose header rows or body rows differ from the truth (after normalisation); must be 0.
- **tables read from elsewhere** (figures or text written as a table): extracted tables whose
  non-empty cells are mostly (over half) not cells of the truth table of that number, or
  that are spurious; must be 0.
- **marked partial, exact**: tables exact against the truth whose self-check said
  ``partial`` (an over-cautious check: the user is told to verify a table that is right).
- **header exact**: truth tables whose extracted header rows equal the truth's.
- **bold kept**: truth cells printed in bold whose matched extracted cell is marked ``**``.
- **seconds per paper**: wall time of ``read_document`` (the whole PDF reading).
"""

from __future__ import annotations

import re
import statistics
import time
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from benchmarks.realworld import corpus

_WS = re.compile(r"\s+")


def norm(cell: str) -> str:
    """The comparison form of a cell: no whitespace, no bold markers, canonically composed."""
    return unicodedata.normalize("NFC", _WS.sub("", cell.replace("**", "")))


@dataclass
class Score:
    """Counts for one paper (or the total)."""

    cells: int = 0
    row_exact: int = 0
    tables: int = 0
    found: int = 0
    missed: int = 0
    spurious: int = 0
    marked_exact: int = 0
    marked_exact_wrong: int = 0
    partial_exact: int = 0
    exact_tables: int = 0
    header_exact: int = 0
    elsewhere: int = 0
    bold: int = 0
    bold_kept: int = 0
    seconds: list[float] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in self.__dataclass_fields__:
            if name == "seconds":
                self.seconds += other.seconds
            else:
                setattr(self, name, getattr(self, name) + getattr(other, name))


def load_truth(pair: str) -> list[dict[str, Any]] | None:
    """The truth tables of a pair, or None when no truth file was written for it."""
    path = corpus.TRUTH / "papers" / pair / "tables.yaml"
    if not path.is_file():
        return None
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return list(data.get("tables") or [])


def _drop_empty_columns(rows: list[list[str]]) -> list[list[str]]:
    width = max((len(r) for r in rows), default=0)
    keep = [c for c in range(width) if any(c < len(r) and norm(r[c]) for r in rows)]
    return [[r[c] if c < len(r) else "" for c in keep] for r in rows]


def _key(row: list[str]) -> tuple[str, ...]:
    return tuple(norm(c) for c in row)


def score_table(truth: dict[str, Any], header: list[list[str]], rows: list[list[str]]) -> dict:
    """Row-exact cells, exactness and bold for one extracted table against its truth."""
    t_rows = [[str(c) for c in r] for r in truth.get("rows") or []]
    t_head = [[str(c) for c in r] for r in truth.get("header") or []]
    both = _drop_empty_columns(header + rows)
    x_head, x_rows = both[: len(header)], both[len(header) :]
    t_both = _drop_empty_columns(t_head + t_rows)
    t_head_kept, t_rows_kept = t_both[: len(t_head)], t_both[len(t_head) :]
    available = Counter(_key(r) for r in x_rows)
    by_key = {}
    for r in x_rows:
        by_key.setdefault(_key(r), r)
    matched: dict[int, list[str]] = {}
    counted = 0
    for i, r in enumerate(t_rows_kept):  # each row as wide as the table (ragged rows padded)
        k = _key(r)
        if available[k] > 0:
            available[k] -= 1
            matched[i] = by_key[k]
            counted += sum(1 for c in r if norm(c))
    bold = [tuple(b) for b in truth.get("bold") or []]
    kept = sum(
        1
        for (i, j) in bold
        if i in matched and matched[i][j].startswith("**") and matched[i][j].endswith("**")
    )
    t_cells = {norm(c) for r in t_rows + t_head for c in r if norm(c)}
    x_cells = [norm(c) for r in x_rows for c in r if norm(c)]
    foreign = sum(1 for c in x_cells if c not in t_cells)
    header_exact = [_key(r) for r in x_head] == [_key(r) for r in t_head_kept]
    exact = header_exact and [_key(r) for r in x_rows] == [_key(r) for r in t_rows_kept]
    return {
        "cells": sum(1 for r in t_rows for c in r if norm(c)),
        "row_exact": counted,
        "exact": exact,
        "header_exact": header_exact,
        "elsewhere": bool(x_cells) and foreign * 2 > len(x_cells),
        "bold": len(bold),
        "bold_kept": kept,
    }


def header_rows(t: Any) -> list[list[str]]:
    """The header rows of an extracted DocTable (one row when it has no levels)."""
    rows = getattr(t, "header_rows", None)
    if rows:
        return [list(r) for r in rows]
    return [list(t.header)] if t.header else []


def verdict(t: Any) -> str:
    """`exact`, `partial` or `` for an extracted table; a table read without a self-check
    counts as claiming exactness (that is what its evidence file said)."""
    check = getattr(t, "check", None)
    if check is None:
        return "exact" if t.rows else ""
    return str(check.verdict)


def score_paper(pair: Path, truth: list[dict[str, Any]]) -> tuple[Score, list[str]]:
    """Read one paper and score its tables; also returns per-table notes."""
    from arakit.compiler.pdf import read_document

    start = time.perf_counter()
    doc = read_document(pair / "paper.pdf")
    s = Score(seconds=[time.perf_counter() - start])
    notes = []
    got = {t.number: t for t in doc.tables if t.rows}
    want = {str(t["number"]): t for t in truth}
    s.tables = len(want)
    for number, tt in want.items():
        cells = sum(1 for r in tt.get("rows") or [] for c in r if norm(str(c)))
        x = got.get(number)
        if x is None:
            s.missed += 1
            s.cells += cells
            s.bold += len(tt.get("bold") or [])
            notes.append(f"Table {number}: missed ({cells} cells)")
            continue
        s.found += 1
        r = score_table(tt, header_rows(x), [list(row) for row in x.rows])
        s.cells += r["cells"]
        s.row_exact += r["row_exact"]
        s.header_exact += r["header_exact"]
        s.exact_tables += r["exact"]
        s.bold += r["bold"]
        s.bold_kept += r["bold_kept"]
        s.elsewhere += r["elsewhere"]
        v = verdict(x)
        s.marked_exact += v == "exact"
        s.marked_exact_wrong += v == "exact" and not r["exact"]
        s.partial_exact += v == "partial" and r["exact"]
        notes.append(
            f"Table {number}: {r['row_exact']}/{r['cells']} cells row-exact, "
            f"{'exact' if r['exact'] else 'not exact'}, marked {v or 'nothing'}"
            + (", header differs" if not r["header_exact"] else "")
        )
    for number in sorted(set(got) - set(want)):
        s.spurious += 1
        s.elsewhere += 1
        notes.append(f"Table {number}: spurious (no such table in the truth)")
    return s, notes


def run() -> dict[str, float]:
    """Score every paper with a truth file; print one line per paper and return the totals."""
    total = Score()
    for pair in corpus.papers():
        truth = load_truth(pair.name)
        if truth is None:
            print(f"{pair.name:<22} no truth file")
            continue
        s, notes = score_paper(pair, truth)
        total.add(s)
        share = f"{s.row_exact}/{s.cells}" if s.cells else "no tables"
        print(
            f"{pair.name:<22} row-exact {share:<9} found {s.found}/{s.tables} "
            f"spurious {s.spurious} marked-exact-wrong {s.marked_exact_wrong} "
            f"elsewhere {s.elsewhere} {s.seconds[0]:.2f}s"
        )
        for note in notes:
            print(f"    {note}")
    return {
        "row_exact": round(total.row_exact / total.cells, 4) if total.cells else 0.0,
        "cells": float(total.cells),
        "tables": float(total.tables),
        "tables_found": float(total.found),
        "tables_missed": float(total.missed),
        "tables_spurious": float(total.spurious),
        "tables_exact": float(total.exact_tables),
        "tables_marked_exact": float(total.marked_exact),
        "marked_exact_not_exact": float(total.marked_exact_wrong),
        "marked_partial_but_exact": float(total.partial_exact),
        "tables_read_from_elsewhere": float(total.elsewhere),
        "header_exact": float(total.header_exact),
        "bold_kept": round(total.bold_kept / total.bold, 4) if total.bold else 1.0,
        "median_seconds_per_paper": round(statistics.median(total.seconds), 3)
        if total.seconds
        else 0.0,
        "max_seconds_per_paper": round(max(total.seconds), 3) if total.seconds else 0.0,
    }
