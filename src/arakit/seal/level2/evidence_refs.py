"""Which evidence file a phrase such as "Table 2", "Fig. 4" or "table2_ablations.md" names,
and the row and column labels each evidence table offers for row-aware matching."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arakit.model import Artifact, EvidenceFile
from arakit.seal.level2.quotes import numbers

REF = re.compile(
    r"\b(?P<kind>tables?|tab\.|figures?|figs?\.)\s*(?P<num>\d+)\b"
    r"|(?P<path>(?:evidence/)?(?:[\w.\-]+/)*[\w.\-]+\.(?:md|csv|json))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Ref:
    """A reference found in text: its span, its words, and the evidence files it names."""

    start: int
    end: int
    text: str
    files: tuple[EvidenceFile, ...]


@dataclass
class Label:
    """A row (first cell) or column (header) label of one table in one evidence file."""

    text: str
    kind: str  # "row", "column", or "cell" (a column label joined to a row's number)
    file: EvidenceFile
    table: int
    index: int
    col: int = -1  # the column of a "cell" label
    pattern: re.Pattern[str] = field(repr=False, default=re.compile(""))


def resolve(art: Artifact, kind: str, num: str) -> tuple[EvidenceFile, ...]:
    """Evidence files transcribing Table/Figure `num`: by their Source, else by file name."""
    word = "table" if kind.lower().startswith("tab") else "figure"
    cites = re.compile(rf"\b{word[:3]}\w*\.?\s*{num}\b", re.IGNORECASE)
    by_source = [f for f in art.evidence.files if f.source and cites.search(f.source)]
    if by_source:
        return tuple(by_source)
    name = re.compile(rf"(?:^|/){word}{num}(?:[_.\-]|$)", re.IGNORECASE)
    return tuple(f for f in art.evidence.files if name.search(f.path))


# A data path written in code style (`results/runs_v2/`, `runs/summary.csv`)
CODE_PATH = re.compile(r"`((?:[\w.\-*]+/)+[\w.\-*]*)`")


def find_refs(art: Artifact, text: str) -> list[Ref]:
    """Every evidence reference in text, resolved (files may be empty when nothing matches).

    A path that is no evidence file but the data an evidence file was transcribed from (its
    Source names the path: `results/runs.csv`) resolves to that evidence file."""
    out: list[Ref] = []
    for m in REF.finditer(text):
        if m.group("path"):
            f = art.evidence.file(m.group("path"))
            if f is None and "/" not in m.group("path"):
                f = next((e for e in art.evidence.files if e.path.endswith("/" + m.group(0))), None)
            files = (f,) if f is not None else by_source(art, m.group("path"))
            if files:
                out.append(Ref(m.start(), m.end(), m.group(0), files))
            continue
        out.append(
            Ref(m.start(), m.end(), m.group(0), resolve(art, m.group("kind"), m.group("num")))
        )
    for m in CODE_PATH.finditer(text):
        if any(r.start <= m.start(1) < r.end for r in out):
            continue
        files = by_source(art, m.group(1))
        if files:
            out.append(Ref(m.start(), m.end(), m.group(0), files))
    return sorted(out, key=lambda r: r.start)


def by_source(art: Artifact, path: str) -> tuple[EvidenceFile, ...]:
    """Evidence files whose Source names this data path (as a whole path, not a prefix of one)."""
    path = path.strip().rstrip("/")
    if "/" not in path or len(path) < 6:
        return ()
    named = re.compile(rf"(?<![\w/]){re.escape(path)}(?![\w.\-])")
    return tuple(f for f in art.evidence.files if f.source and named.search(f.source))


def labels_of(f: EvidenceFile) -> list[Label]:
    """Row labels (first cells) and column labels (headers) usable in prose, longest first.

    A table whose rows are numbered ("18 layers", "34 layers") and whose columns are names
    ("plain", "ResNet") also offers cell labels written as one name: "plain-18", "ResNet-34".
    """
    out: list[Label] = []
    for t_i, table in enumerate(f.tables):
        for c_i, head in enumerate(table.header[1:], start=1):
            for variant in _variants(head):
                out.append(Label(variant, "column", f, t_i, c_i))
        out += _cell_labels(f, t_i)
        first = table.header[0] if table.header else ""
        for r_i, row in enumerate(table.rows):
            if not row:
                continue
            cell = row[0].strip()
            if _is_number(cell):
                if first and not _is_number(first):
                    out.append(Label(f"{first} = {cell}", "row", f, t_i, r_i))
                continue
            for variant in _variants(cell):
                out.append(Label(variant, "row", f, t_i, r_i))
    for lab in out:
        lab.pattern = _cell_pattern(lab.text) if lab.kind == "cell" else _label_pattern(lab.text)
    out.sort(key=lambda lab: -len(lab.text))
    return out


_ROW_NUMBER = re.compile(r"^\s*(?:[a-z]\s*=\s*)?(\d+(?:\.\d+)?)(?:[\s-]*[A-Za-z]+)?\s*$")


def _cell_labels(f: EvidenceFile, t_i: int) -> list[Label]:
    """`column-number` labels for a table whose rows are numbered and columns named."""
    table = f.tables[t_i]
    heads = [(c_i, h.strip()) for c_i, h in enumerate(table.header) if c_i > 0]
    names = [(c_i, h) for c_i, h in heads if re.fullmatch(r"[A-Za-z][\w.+ ]{1,30}", h)]
    out: list[Label] = []
    for r_i, row in enumerate(table.rows):
        m = _ROW_NUMBER.match(row[0]) if row else None
        if not m:
            continue
        for c_i, head in names:
            out.append(Label(f"{head}-{m.group(1)}", "cell", f, t_i, r_i, col=c_i))
    return out


def _cell_pattern(label: str) -> re.Pattern[str]:
    """`plain-18` also written `plain 18` or `plain18`."""
    head, num = label.rsplit("-", 1)
    return re.compile(
        rf"(?<![\w.]){re.escape(head)}[-−– ]?{re.escape(num)}(?![\w]|\.\d)", re.IGNORECASE
    )


def cell_numbers(f: EvidenceFile) -> list[float]:
    """Every number written anywhere in the file: cells, caption, source, notes."""
    parts = [f.title, f.source or "", f.caption or "", f.axes or "", f.notes]
    for t in f.tables:
        parts.extend(t.header)
        parts.extend(c for row in t.rows for c in row)
    return [n.value for n in numbers("\n".join(parts))]


def _variants(text: str) -> list[str]:
    text = " ".join(text.split())
    out = [text] if len(text) >= 3 and not _is_number(text) else []
    bare = re.sub(r"\s*\([^)]*\)\s*$", "", text).strip()
    if bare != text and len(bare) >= 3 and not _is_number(bare):
        out.append(bare)
    return out


def _is_number(text: str) -> bool:
    ns = numbers(text)
    return len(ns) == 1 and ns[0].text.strip() == text.strip().rstrip("%")


def _label_pattern(label: str) -> re.Pattern[str]:
    norm = re.sub(r"\s*=\s*", "=", " ".join(label.split()))
    parts: list[str] = []
    for ch in norm:
        if ch == "=":
            parts.append(r"\s*=\s*")
        elif ch == " ":
            parts.append(r"\s+")
        elif ch == "-":
            parts.append(r"[-−–]")
        else:
            parts.append(re.escape(ch))
    return re.compile(r"(?<![\w.])" + "".join(parts) + r"(?![\w]|\.\d)", re.IGNORECASE)
