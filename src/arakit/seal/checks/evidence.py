"""evidence/, src/reproduce.yaml and staging/: tables, sources, derivations, index, run plans."""

from __future__ import annotations

import posixpath
import re
from typing import TYPE_CHECKING, Any

from arakit.codec.markdown import parse
from arakit.model.evidence import EvidenceIndex
from arakit.model.ids import ID_RE, id_range, normalize_id
from arakit.model.staging import CLOSURE_SIGNALS, POTENTIAL_TYPES
from arakit.model.table import Table, cell_path

if TYPE_CHECKING:
    from arakit.seal.level1 import Checker

EXTRACTION_TYPES = (
    "raw_table",
    "derived_subset",
    "figure_reading",
    "raw_figure",
    "derived_table",
    # spellings other Ara tools write for a figure reading
    "figure_data",
    "figure_summary",
)
_OBJECT_RE = re.compile(r"(table|figure|fig)[ _-]?(\d+[a-z]?)", re.IGNORECASE)
_DERIVED_RE = re.compile(r"(^|[/_])(derived|subset)_", re.IGNORECASE)


def _line(e: Any) -> int | None:
    return e.pos.line if getattr(e, "pos", None) else None


def _extraction_type(value: str | None) -> str:
    """`raw_table`, also when annotated: `figure_data (key points, read off the plot)`."""
    words = re.split(r"[\s(;,]+", (value or "").strip().strip("`").lower(), maxsplit=1)
    return words[0].strip("`") if words else ""


_LINK_RE = re.compile(r"\[[^\]]*\]\(([^)\s]+)[^)]*\)")
_CODE_RE = re.compile(r"`([^`]+)`")


def derived_path(value: str) -> str:
    """The path a `Derived from` value names: a link's target, a `code` span, else the first
    word (`tables/table3.md (rows 2-4)` → `tables/table3.md`)."""
    value = value.strip()
    m = _LINK_RE.search(value) or _CODE_RE.search(value)
    text = m.group(1) if m else (value.split() or [""])[0]
    return text.strip().strip("`[]()'\",;").removeprefix("./")


# `figures/v1_loss.(png/md)` or `figures/v1_loss.{png,md}`: one stem, several files
_ALTERNATIVES_RE = re.compile(r"^(.*)\.[({]([\w.]+(?:\s*[/|,]\s*[\w.]+)+)[)}]$")


def index_paths(cell: str) -> list[str]:
    """The files an index cell names: link targets and `code` spans (else the cell as a path),
    each alternation `stem.(png/md)` expanded to one path per extension."""
    found = [m.group(1) for m in _LINK_RE.finditer(cell)] + _CODE_RE.findall(cell)
    out: list[str] = []
    for raw in found or [cell_path(cell)]:
        path = raw.strip().strip("`").removeprefix("./")
        m = _ALTERNATIVES_RE.match(path)
        if m:
            out += [f"{m.group(1)}.{ext.strip()}" for ext in re.split(r"[/|,]", m.group(2))]
        elif path:
            out.append(path)
    return list(dict.fromkeys(out))


def _leaves(path: str) -> bool:
    """True for a path (relative to evidence/) that points outside the artifact folder."""
    return path.startswith("/") or posixpath.normpath("evidence/" + path).startswith("..")


def _mentioned(idx: EvidenceIndex, name: str) -> bool:
    """True when the index text names the file (its path below evidence/ or its base name)."""
    text = f"{idx.preamble}\n{idx.notes}"
    return name in text or name.rsplit("/", 1)[-1] in text


def _more_index_tables(idx: EvidenceIndex) -> list[Table]:
    """Further tables of evidence/README.md that list files, after the first one (other tools
    split the index into `## Tables` and `## Figures`, each with its own table)."""
    tables: list[Table] = []
    for text in (idx.preamble, idx.notes):
        if "|" in text:
            tables += [b.table for b in parse(text).blocks if b.kind == "table" and b.table]
    return [t for t in tables if t.column("file") is not None]


def _rows(table: Table) -> list[dict[str, str]]:
    keys = [h.strip().lower() for h in table.header]
    return [dict(zip(keys, (c.strip() for c in row), strict=False)) for row in table.rows]


def check_files(c: Checker) -> None:
    idx = c.art.evidence.index
    listed = {
        cell_path(r.get("file", ""))
        for t in ([idx.table, *_more_index_tables(idx)] if idx and idx.table else [])
        for r in _rows(t)
    }
    for ev in c.art.evidence.files:
        f = ev.path
        figure = "figure" in f.rsplit("/", 1)[-1].lower() or f.startswith("evidence/figures/")
        if not ev.tables and not (c.upstream and figure):
            # upstream: a figure may be read as a trend summary or a visual description
            c.report("L1-EVID-001", f, None, f"{f} has no Markdown table")
        if not ev.source:
            c.report("L1-EVID-002", f, None, f"{f} has no `**Source**:` line")
        else:
            m = _OBJECT_RE.search(f.rsplit("/", 1)[-1])
            if m:
                kind = "table" if m.group(1).lower() == "table" else "figure"
                num = m.group(2).lower()
                cited = {
                    (("table" if k.lower() == "table" else "figure"), n.lower())
                    for k, n in _OBJECT_RE.findall(ev.source)
                }
                if (kind, num) not in cited:
                    c.report(
                        "L1-EVID-003",
                        f,
                        None,
                        f"file name says {kind} {num} but Source is {ev.source!r}",
                    )
        derived_name = bool(_DERIVED_RE.search(f.rsplit("/", 1)[-1]))
        etype = _extraction_type(ev.extraction_type)
        if derived_name and (etype != "derived_subset" or not ev.derived_from):
            c.report(
                "L1-EVID-004",
                f,
                None,
                f"{f} is named as derived but lacks Extraction type derived_subset or Derived from",
            )
        if not etype or etype not in EXTRACTION_TYPES:
            c.report("L1-EVID-005", f, None, f"{f} Extraction type is {ev.extraction_type!r}")
        if ev.derived_from:
            src = derived_path(ev.derived_from)
            folder = f.rsplit("/", 1)[0]
            here = posixpath.normpath(f"{folder}/{src}") if src else ""
            checked = src and (c.strict or src.lower().endswith(".md"))
            if checked and not any(c.exists(p) for p in (src, "evidence/" + src, here)):
                # upstream: a source-repo file (a CSV, a notes file) or prose is not checked
                c.report("L1-REF-008", f, None, f"Derived from names {src}, which does not exist")
        if "figure" in f.lower() and not ev.axes:
            c.report("L1-EVID-007", f, None, f"{f} reads a figure but has no Axes")
        if idx is not None and ev.name not in listed and f not in listed:
            if c.upstream and _mentioned(idx, ev.name):
                continue  # listed in a bullet list or prose, as other writers index
            c.report("L1-EVID-006", f, None, f"{ev.name} is not listed in evidence/README.md")


def check_index(c: Checker) -> None:
    idx = c.art.evidence.index
    if idx is None:
        return
    rf = "evidence/README.md"
    if idx.table is None:
        files = c.art.evidence.files
        if c.upstream and all(_mentioned(idx, ev.name) for ev in files):
            return  # nothing to index, or every file named in a list: an index all the same
        c.report("L1-EVID-008", rf, None, "evidence/README.md has no table of files")
        return
    claims = c.art.ids("C")
    line0 = _line(idx.table)
    rows = [(line0 + 2 + k if line0 else None, r) for k, r in enumerate(idx.rows())]
    rows += [(None, r) for t in _more_index_tables(idx) for r in _rows(t)]
    for line, row in rows:
        name = cell_path(row.get("file", ""))
        paths = index_paths(row.get("file", ""))
        if any(_leaves(p) for p in paths):
            # a pointer into the working repository beside the artifact, as PAPER.md's
            c.report(
                "L1-READ-005",
                rf,
                line,
                f"index row names {name!r}, which leaves the artifact folder",
                level="warning" if c.upstream else None,
            )
        elif name and not all(c.exists("evidence/" + p) or c.exists(p) for p in paths):
            c.report("L1-REF-009", rf, line, f"index row names {name}, which does not exist")
        for m in ID_RE.finditer(row.get("claims", "")):
            ref = normalize_id(m.group(0))
            if ref.startswith("C") and ref not in claims:
                c.report(
                    "L1-REF-014",
                    rf,
                    line,
                    f"index row for {name} cites {ref}, which does not "
                    f"exist; claims are {id_range(claims)}",
                )


def check_reproduce(c: Checker) -> None:
    plan = c.art.reproduce
    if plan is None:
        return
    rf = "src/reproduce.yaml"
    for run in plan.runs:
        if not run.id or not run.command:
            c.report(
                "L1-FIELD-001", rf, _line(run), f"run {run.id or '?'} needs an id and a command"
            )
        if run.experiment and run.experiment not in c.art.ids("E"):
            c.report(
                "L1-REF-013",
                rf,
                _line(run),
                f"{run.id} runs {run.experiment}, which does not exist",
            )
        for e in run.expect:
            if e.claim and e.claim not in c.art.ids("C"):
                c.report(
                    "L1-REF-013",
                    rf,
                    _line(e),
                    f"{run.id} expectation {e.metric!r} cites {e.claim}, which does not exist",
                )
            if not e.evidence:
                continue
            ev = c.art.evidence.file(e.evidence) or c.art.evidence.file("evidence/" + e.evidence)
            if ev is None:
                c.report(
                    "L1-REF-013",
                    rf,
                    _line(e),
                    f"{run.id} expectation {e.metric!r} names "
                    f"evidence {e.evidence}, which does not exist",
                )
            elif (
                e.row is not None
                and e.column is not None
                and not any(t.cell(e.row, e.column) is not None for t in ev.tables)
            ):
                c.report(
                    "L1-REF-013",
                    rf,
                    _line(e),
                    f"{run.id} expectation {e.metric!r}: "
                    f"{e.evidence} has no cell at row {e.row!r}, column {e.column!r}",
                )


def check_staging(c: Checker) -> None:
    st = c.art.staging
    if st is None:
        return
    sf = "staging/observations.yaml"
    nodes = set(c.art.ids("N"))
    seen: set[str] = set()
    for o in st.observations:
        if not o.id:
            c.report("L1-STAGE-001", sf, _line(o), "a staged observation has no id")
        elif o.id in seen:
            c.report("L1-ID-001", sf, _line(o), f"staged observation {o.id} is used twice")
        seen.add(o.id)
        for attr, allowed in (
            ("potential_type", POTENTIAL_TYPES),
            ("crystallized_via", CLOSURE_SIGNALS),
        ):
            v = getattr(o, attr)
            if v is not None and v not in allowed:
                c.report(
                    "L1-STAGE-001",
                    sf,
                    _line(o),
                    f"{o.id} {attr} is {v!r}; allowed: " + ", ".join(allowed),
                )
        for n in o.bound_to or []:
            if normalize_id(n) not in nodes:
                c.report(
                    "L1-REF-016", sf, _line(o), f"{o.id} is bound to {n}, which does not exist"
                )


CHECKS = (check_files, check_index, check_reproduce, check_staging)
