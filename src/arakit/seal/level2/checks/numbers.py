"""D1 numeric fidelity: a number quoted next to a reference to evidence must be in that evidence,
and in the row or column the sentence names.

"Next to" means the same clause (sentence or `;`-separated part). A clause that names no
evidence inherits the entity's own references: a trace node's `source_refs`, a claim's
Evidence basis. Differences between two cells of the cited table count as found (gains and
gaps are quoted that way).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from arakit.model import EvidenceFile
from arakit.seal.level2.checks import register
from arakit.seal.level2.derived import (
    cell_diffs,
    cell_pairs,
    derived,
    named_row_pairs,
    relative_match,
)
from arakit.seal.level2.context import Context
from arakit.seal.level2.evidence_refs import Label, Ref, cell_numbers, find_refs, labels_of
from arakit.seal.level2.quotes import Num, closest, numbers, worth_checking
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import segments

CLAIM_FIELDS = ("statement", "evidence_basis", "interpretation")
OBS_FIELDS = ("statement", "evidence", "implication")
NODE_FIELDS = (
    "result",
    "outcome",
    "description",
    "failure_mode",
    "why_failed",
    "failure",
    "reason",
    "lesson",
    "trigger",
    "choice",
    "rationale",
    "hypothesis",
    "detail",
)
_BLOCK = re.compile(
    r"\b(?:to|than|vs|versus|against|from|over|compared|below|above|while|whereas|and|or|but|"
    r"of|between|by)\b|[),;]|\d",
    re.IGNORECASE,
)
# The subject of a clause reaching a value: "X still reaches ... (24.19%", "X achieves 71.3".
_REACHES = re.compile(
    r"\b(?:reach(?:es|ed)?|achiev(?:es|ed)?|attain(?:s|ed)?|scor(?:es|ed)|obtain(?:s|ed)?|"
    r"gets?|got|hits?|yields?|records?|recorded)\b",
    re.IGNORECASE,
)
_AFTER = re.compile(r"^\s*(?:±\s*[\d.]+)?\s*(?:%|pp|nats?|points?|ms|s)?\s*\($", re.IGNORECASE)
_AT = re.compile(r"^\s*(?:±\s*[\d.]+)?\s*(?:%|pp)?\s+at\s+$", re.IGNORECASE)
_UNIT_ONLY = re.compile(r"^\s*(?:±\s*[\d.]+)?\s*(?:%|pp)?\s*$")
_APPROX = re.compile(  # approximations and thresholds are not quotes of a cell
    r"(?:about|around|approximately|roughly|nearly|almost|under|over|below|above|least|most|"
    r"up to|less than|more than|fewer than|within|~|≈|<|>|≤|≥)\s*$",
    re.IGNORECASE,
)


# Sources that no evidence file transcribes: a number nearer to one of these than to any
# evidence reference in its clause belongs to it, and cannot be checked against a table.
_OTHER_SOURCE = re.compile(
    r"\b(?:appendix|app\.)\s*[A-Z0-9](?:[\w.]*\w)?|§\s*\d+(?:\.\d+)*"
    r"|\bsec(?:tion|\.)\s*\d+(?:\.\d+)*|\beq(?:uation|\.)\s*\(?\d+\)?"
    # a manuscript, notebook or script named as the number's source ("per `paper/main.tex`")
    r"|(?<![\w/.])[\w./-]+\.(?:tex|pdf|ipynb|py|txt|html?|docx?)\b",
    re.IGNORECASE,
)


def _distance(num: Num, start: int, end: int) -> int:
    return max(start - num.end, num.start - end, 0)


@dataclass
class Quoted:
    """One text to check: whose it is, where, and the references it inherits."""

    entity: str
    pos: Any
    field: str
    text: str
    inherited: list[Ref]


@register("D1")
def check_numbers(ctx: Context) -> Iterator[L2Finding]:
    """Every checked number is in the cited file, and in the named row/column when one is named."""
    checked = 0
    for q in _texts(ctx):
        for seg in segments(q.text):
            for finding in _check_segment(ctx, q, seg):
                if finding is None:
                    checked += 1
                else:
                    yield finding
    if checked:
        ctx.strength("D1", f"{checked} quoted numbers match the evidence cells they cite")


def _texts(ctx: Context) -> Iterator[Quoted]:
    art = ctx.art
    for c in art.claims or []:
        basis = find_refs(art, c.evidence_basis or "")
        for f in CLAIM_FIELDS:
            yield Quoted(c.id, c.pos, f, getattr(c, f) or "", basis)
    for o in art.problem.observations if art.problem else []:
        for f in OBS_FIELDS:
            yield Quoted(o.id, o.pos, f, getattr(o, f) or "", find_refs(art, o.evidence or ""))
    for n in art.trace.nodes() if art.trace else []:
        src = [r for s in n.source_refs or [] for r in find_refs(art, str(s))]
        for f in NODE_FIELDS:
            value = n.get(f)
            if isinstance(value, str) and value:
                yield Quoted(n.id, n.pos, f, value, src)


def _check_segment(ctx: Context, q: Quoted, seg: str) -> Iterator[L2Finding | None]:
    refs = find_refs(ctx.art, seg)
    for r in refs:
        if not r.files and re.match(r"(?i)tab|fig", r.text):
            yield ctx.find(
                "L2-D1-003",
                f"{q.entity} cites {r.text} in its {q.field}, but no evidence file transcribes "
                f"{r.text} (no Source names it and no file is called so)",
                entities=[q.entity],
                pos=q.pos,
                quote=seg,
                needle=r.text,
            )
    explicit = [f for r in refs for f in r.files]
    files = _unique_files(explicit + [f for r in q.inherited for f in r.files])
    if not files:
        return
    masked = seg
    for r in refs:
        masked = _mask(masked, r.start, r.end)
    others = [(m.start(), m.end()) for m in _OTHER_SOURCE.finditer(seg)]
    for start, end in others:
        masked = _mask(masked, start, end)
    file_refs = [r for r in refs if r.files]
    masked = re.sub(r"\b(?:RW|[CEHNOGA])\d+\b", lambda m: " " * len(m.group(0)), masked)
    spans = _label_spans(ctx, masked, files)
    for start, end, _ in spans:
        masked = _mask(masked, start, end, "x")  # a name: digits right after it are its own
    cited = ", ".join(dict.fromkeys(_name(f, refs + q.inherited) for f in files))
    spreads = any("±" in cell for f in files for t in f.tables for r in t.rows for cell in r)
    for num in numbers(masked):
        checkable = worth_checking(num, masked) or (num.role == "spread" and spreads)
        if not checkable or _APPROX.search(masked[max(0, num.start - 16) : num.start]):
            continue  # counts, years, compound words; approximate quotes ("about 1e-11")
        if others and min(_distance(num, s, e) for s, e in others) < min(
            (_distance(num, r.start, r.end) for r in file_refs), default=len(seg) + 1
        ):
            continue  # the number is attributed to an appendix or section, not to a table
        label = _paired_label(seg, num, spans)
        column = _column_after(seg, num, spans)
        measured = num.decimals > 0 or num.sci or num.percent
        near_ref = any(abs(r.start - num.end) <= 60 or abs(num.start - r.end) <= 60 for r in refs)
        if not measured and label is None and not near_ref:
            continue  # a bare integer far from any reference: a setting more often than a result
        if not measured and label is None and _COUNT_AFTER.match(masked[num.end : num.end + 16]):
            continue  # "400 iterations", "8 GPUs": how the run was set up, not what it found
        scope = _unique_files(explicit) or files  # an in-clause reference outranks inherited ones
        mentioned = [lab for _, _, labs in spans for lab in labs]
        if label:  # an in-clause reference outranks the entity's inherited ones
            paths = {f.path for f in scope}
            label = [lab for lab in label if lab.file.path in paths] or label
        yield _check_number(
            ctx, q, seg, num, files, label, cited, refs + q.inherited, scope, column, mentioned
        )


def _check_number(
    ctx: Context,
    q: Quoted,
    seg: str,
    num: Num,
    files: list[EvidenceFile],
    labels: list[Label] | None,
    cited: str,
    refs: list[Ref],
    scope: list[EvidenceFile],
    column: list[Label] | None = None,
    mentioned: list[Label] | None = None,
) -> L2Finding | None:
    pool = [v for f in files for v in ctx.memo(("cells", f.path), partial(cell_numbers, f))]
    diffs = [d for f in files for d in ctx.memo(("diffs", f.path), partial(cell_diffs, f))]
    if (
        not any(num.matches(v) for v in pool)
        and not derived(num, diffs)
        and not _relative(ctx, num, seg, files, mentioned or [])
    ):
        nearest = _nearest(ctx, num, files, refs)
        measured = num.decimals > 0 or num.sci or num.percent
        return ctx.find(
            "L2-D1-001",
            f"{q.entity} quotes {num.text} in its {q.field}, but no cell of the evidence it "
            f"cites ({cited}) holds {num.text}" + (f"; nearest: {nearest}" if nearest else ""),
            entities=[q.entity],
            pos=q.pos,
            quote=seg,
            needle=num.text,
            anchor=_anchor(q, seg),
            severity=None if measured else "minor",  # bare integers: often settings, not results
        )
    if not labels:
        return None
    cell_labels = [lab for lab in labels if lab.kind == "cell"]
    if cell_labels:
        return _check_cell_label(ctx, q, seg, num, cell_labels, labels, refs)
    labelled = {lab.file.path for lab in labels}
    for f in scope:
        if f.path not in labelled and any(
            num.matches(v) for v in ctx.memo(("cells", f.path), partial(cell_numbers, f))
        ):
            return None  # found in a cited table that names its rows differently: no verdict
    cell = _cell_check(num, labels, column or [])
    if cell is not None:
        row, col, text = cell
        name = _name(row.file, refs)
        return _slip(
            ctx,
            q,
            seg,
            num,
            f"{row.text} {col.text} = {num.text} citing {name}; {name}'s {row.text} row, "
            f"{col.text} column holds {text} ({row.file.path})",
        )
    for lab in labels:
        cells = _cells(lab)
        values = [n.value for c in cells for n in numbers(c)]
        gains = cell_diffs(lab.file, lab.index, lab.table) if lab.kind == "row" else diffs
        if any(num.matches(v) for v in values) or derived(num, gains):
            return None
    if any(_variant_row_holds(num, lab) for lab in labels if lab.kind == "row"):
        return None  # the value of a row whose name extends the one written: a loose name
    lab = next((x for x in labels if not _DERIVED_NAME.search(x.file.path)), labels[0])
    cells = _cells(lab)
    holds = closest(num.value, cells[1:] if lab.kind == "row" else cells) or "no number"
    name = _name(lab.file, refs)
    return _slip(
        ctx,
        q,
        seg,
        num,
        f"{lab.text} = {num.text} citing {name}; {name}'s {lab.text} {lab.kind} holds {holds} "
        f"({lab.file.path})",
    )


def _variant_row_holds(num: Num, lab: Label) -> bool:
    """True when a row of the same table whose name extends this row's name (`hubert` →
    `hubert_odi_hb`, `ResNet` → `ResNet (ours)`) holds the number."""
    table = lab.file.tables[lab.table]
    name = " ".join(lab.text.lower().split())
    for r_i, row in enumerate(table.rows):
        first = " ".join(row[0].lower().split()) if row else ""
        if r_i == lab.index or not re.match(rf"{re.escape(name)}[\s_+/(-]\S", first):
            continue
        if any(num.matches(n.value) for c in row[1:] for n in numbers(c)):
            return True
    return False


def _check_cell_label(
    ctx: Context,
    q: Quoted,
    seg: str,
    num: Num,
    cells: list[Label],
    labels: list[Label],
    refs: list[Ref],
) -> L2Finding | None:
    """A number quoted for `column-number` ("plain-34 = 28.54"): the cell where the column
    meets the numbered row must hold it (or a row of the same name in another table)."""
    for lab in labels:
        if any(num.matches(n.value) for c in _cells(lab) for n in numbers(c)):
            return None
    lab = cells[0]
    table = lab.file.tables[lab.table]
    holds = table.rows[lab.index][lab.col].strip()
    name = _name(lab.file, refs)
    return _slip(
        ctx,
        q,
        seg,
        num,
        f"{lab.text} = {num.text} citing {name}; {name}'s {table.header[lab.col].strip()} "
        f"column, {table.rows[lab.index][0].strip()} row holds {holds} ({lab.file.path})",
    )


def _slip(ctx: Context, q: Quoted, seg: str, num: Num, says: str) -> L2Finding:
    """L2-D1-002: `<entity> says <what>`, located at the number."""
    return ctx.find(
        "L2-D1-002",
        f"{q.entity} says {says}",
        entities=[q.entity],
        pos=q.pos,
        quote=seg,
        needle=num.text,
        anchor=_anchor(q, seg),
    )


def _name(f: EvidenceFile, refs: list[Ref]) -> str:
    """How the text calls a file: "Table 2" when it cites it so, else its path."""
    return next((r.text for r in refs if f in r.files and re.match(r"(?i)tab|fig", r.text)), f.name)


_DERIVED_NAME = re.compile(r"(?:^|/)(?:derived|subset)_", re.IGNORECASE)


def _nearest(ctx: Context, num: Num, files: list[EvidenceFile], refs: list[Ref]) -> str:
    """The cited cell value closest to num (a digit transposition first), and its file."""
    digits = sorted(re.sub(r"\D", "", num.text))
    best: tuple[float, str] | None = None
    for f in files:
        for v in ctx.memo(("cells", f.path), partial(cell_numbers, f)):
            text = f"{abs(v):.{num.decimals}f}"
            swapped = sorted(re.sub(r"\D", "", text)) == digits
            d = abs(abs(v) - abs(num.value)) - (1e9 if swapped else 0)
            if best is None or d < best[0]:
                best = (d, f"{_fmt(v)} in {_name(f, refs)}")
    return best[1] if best else ""


def _anchor(q: Quoted, seg: str) -> str:
    """Text that sits on the line where the quoted clause starts (field text, then clause)."""
    first = seg.strip().splitlines()[0] if seg.strip() else ""
    return first[:40]


def _label_spans(
    ctx: Context, text: str, files: list[EvidenceFile]
) -> list[tuple[int, int, list[Label]]]:
    """Non-overlapping label mentions (longest first); one span may match labels of many files."""
    taken: list[tuple[int, int, list[Label]]] = []
    for f in files:
        for lab in ctx.memo(("labels", f.path), partial(labels_of, f)):
            for m in lab.pattern.finditer(text):
                s, e = m.span()
                same = next((t for t in taken if t[0] == s and t[1] == e), None)
                if same is not None:
                    same[2].append(lab)
                elif not any(s < te and ts < e for ts, te, _ in taken):
                    taken.append((s, e, [lab]))
    return sorted(taken, key=lambda t: t[0])


def _paired_label(
    seg: str, num: Num, spans: list[tuple[int, int, list[Label]]]
) -> list[Label] | None:
    """The label a number is quoted for: `(label)` right after it, else the label just before."""
    after = next((sp for sp in spans if sp[0] >= num.end), None)
    if (
        after
        and _AFTER.match(seg[num.end : after[0]])
        and seg[after[1] :].lstrip()[:1] in (")", ",")
    ):
        return after[2]
    if (
        after
        and _AT.match(seg[num.end : after[0]])
        and (seg[after[1] :].lstrip()[:1] in (")", ",", ";", ".", ""))
    ):
        return after[2]  # "0.5073 at ln lambda = -25"
    before = next((sp for sp in reversed(spans) if sp[1] <= num.start), None)
    if before:
        gap = seg[before[1] : num.start]
        if len(gap) <= 40 and len(gap.split()) <= 4 and not _BLOCK.search(gap):
            return before[2]
        if len(gap) <= 70 and _REACHES.search(gap) and not _BLOCK.search(gap.replace("(", " ")):
            return before[2]  # "plain-34 net still reaches competitive accuracy (24.19%"
    return None


def _column_after(
    seg: str, num: Num, spans: list[tuple[int, int, list[Label]]]
) -> list[Label] | None:
    """Column labels written right after a number ("71.3% test acc")."""
    after = next((sp for sp in spans if sp[0] >= num.end), None)
    if after and _UNIT_ONLY.match(seg[num.end : after[0]]):
        cols = [lab for lab in after[2] if lab.kind == "column"]
        return cols or None
    return None


def _cell_check(
    num: Num, rows: list[Label], columns: list[Label]
) -> tuple[Label, Label, str] | None:
    """(row, column, cell text) when a named row and column meet in a cell that differs."""
    for row in rows:
        for col in columns:
            if row.kind != "row" or (col.file.path, col.table) != (row.file.path, row.table):
                continue
            cells = row.file.tables[row.table].rows[row.index]
            if col.index >= len(cells):
                continue
            if any(num.matches(n.value) for n in numbers(cells[col.index])):
                return None
            return row, col, cells[col.index].strip()
    return None


def _cells(lab: Label) -> list[str]:
    table = lab.file.tables[lab.table]
    if lab.kind == "cell":
        row = table.rows[lab.index]
        return [row[lab.col]] if lab.col < len(row) else []
    if lab.kind == "row":
        return list(table.rows[lab.index])
    return [r[lab.index] for r in table.rows if lab.index < len(r)]


_COUNT_AFTER = re.compile(
    r"^\s*(?:iterations?|iters?|steps?|layers?|seeds?|runs?|gpus?|cpus?|cores?|workers?|"
    r"threads?|nodes?|batches|heads?|blocks?|tokens?|params?|parameters?|files?|lines?)\b",
    re.IGNORECASE,
)


def _relative(
    ctx: Context, num: Num, seg: str, files: list[EvidenceFile], mentioned: list[Label]
) -> bool:
    """A relative change or ratio of two cited cells (derived.py); the rows the clause names
    are tried first, every pair of the cited tables when it names fewer than two."""
    pairs = named_row_pairs(mentioned) or [
        p for f in files for p in ctx.memo(("pairs", f.path), partial(cell_pairs, f))
    ]
    return relative_match(num, seg, pairs)


def _unique_files(files: list[EvidenceFile]) -> list[EvidenceFile]:
    seen: dict[str, EvidenceFile] = {}
    for f in files:
        seen.setdefault(f.path, f)
    return list(seen.values())


def _mask(text: str, start: int, end: int, fill: str = " ") -> str:
    return text[:start] + fill * (end - start) + text[end:]


def _fmt(v: float) -> str:
    return f"{v:g}"
