"""logic/: field presence, allowed values, unique IDs and references between entities."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from arakit.codec.fs import resolve_ref
from arakit.model.claim import CLAIM_STATUSES, PROVENANCES
from arakit.model.ids import id_range, normalize_id
from arakit.model.related_work import RELATION_TYPES

if TYPE_CHECKING:
    from arakit.seal.level1 import Checker

# (file, attribute of Artifact, required labels, recommended labels)
ENTITY_FIELDS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "logic/claims.md",
        "claims",
        ("Statement", "Status", "Falsification criteria", "Proof"),
        ("Evidence basis", "Interpretation", "Provenance"),
    ),
    (
        "logic/experiments.md",
        "experiments",
        ("Verifies", "Setup", "Procedure", "Metrics", "Expected outcome"),
        ("Baselines", "Dependencies"),
    ),
    ("logic/concepts.md", "concepts", ("Definition",), ("Notation", "Boundary conditions")),
    (
        "logic/solution/heuristics.md",
        "heuristics",
        ("Rationale", "Sensitivity"),
        ("Code ref", "Bounds"),
    ),
    ("logic/related_work.md", "related_work", ("Type", "Delta"), ()),
)
SENSITIVITIES = ("low", "medium", "high")
_NUMBER_RE = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?\s*%|(?<![\w.])\d+\.\d+")
_REVISED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(\s*\(.+\))?$")


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _name(e: Any) -> str:
    return getattr(e, "id", None) or getattr(e, "term", None) or type(e).__name__


def _line(e: Any) -> int | None:
    return e.pos.line if e.pos else None


def check_fields(c: Checker) -> None:
    for file, attr, required, recommended in ENTITY_FIELDS:
        for e in getattr(c.art, attr) or []:
            for label in required:
                v = e.field_value(label)
                if _empty(v) and not (isinstance(v, list) and label in ("Proof", "Verifies")):
                    c.report("L1-FIELD-001", file, _line(e), f"{_name(e)} has no {label}")
            for label in recommended:
                if _empty(e.field_value(label)):
                    c.report("L1-FIELD-002", file, _line(e), f"{_name(e)} has no {label}")
            if hasattr(e, "title") and not e.title:
                c.report(
                    "L1-FIELD-006", file, _line(e), f"{_name(e)} has a heading without a title"
                )
    _check_setup(c)
    _check_problem(c)
    for cfg in c.art.configs:
        for p in cfg.params:
            if _empty(p.value):
                c.report("L1-FIELD-001", cfg.path, _line(p), f"parameter {p.name!r} has no Value")


def _check_setup(c: Checker) -> None:
    for e in c.art.experiments or []:
        number = _NUMBER_RE.search(e.expected_outcome or "")
        if number:
            c.report(
                "L1-FIELD-004",
                "logic/experiments.md",
                _line(e),
                f"{e.id} Expected outcome quotes {number.group(0)!r}",
            )
        if e.setup is not None:
            for label in ("Model", "Dataset", "Hardware"):
                if _empty(e.setup.field_value(label)) and not e.setup.notes:
                    c.report(
                        "L1-FIELD-002",
                        "logic/experiments.md",
                        _line(e),
                        f"{e.id} Setup has no {label}",
                    )


def _check_problem(c: Checker) -> None:
    p = c.art.problem
    if p is None:
        return
    f = "logic/problem.md"
    for o in p.observations:
        for label in ("Statement", "Evidence", "Implication"):
            if _empty(o.field_value(label)):
                c.report("L1-FIELD-001", f, _line(o), f"{o.id} has no {label}")
    for g in p.gaps:
        for label in ("Statement", "Caused by"):
            v = g.field_value(label)
            if v is None or (isinstance(v, str) and not v.strip()):
                c.report("L1-FIELD-001", f, _line(g), f"{g.id} has no {label}")
        for label in ("Existing attempts", "Why they fail"):
            if _empty(g.field_value(label)):
                c.report("L1-FIELD-002", f, _line(g), f"{g.id} has no {label}")
    if p.key_insight is None or _empty(p.key_insight.insight):
        c.report(
            "L1-FIELD-001",
            f,
            _line(p.key_insight) if p.key_insight else None,
            "logic/problem.md has no `## Key Insight` with an Insight field",
        )


def _allowed(
    c: Checker, file: str, e: Any, label: str, value: str | None, allowed: Iterable[str]
) -> None:
    if value is None:
        return
    norm = value.strip().lower().replace("_", "-")
    options = tuple(allowed)
    if norm not in {a.replace("_", "-") for a in options}:
        c.report(
            "L1-FIELD-003",
            file,
            _line(e),
            f"{_name(e)} {label} is {value!r}; allowed: {', '.join(options)}",
        )


def check_values(c: Checker) -> None:
    for cl in c.art.claims or []:
        _allowed(c, "logic/claims.md", cl, "Status", cl.status, CLAIM_STATUSES)
        _allowed(c, "logic/claims.md", cl, "Provenance", cl.provenance, PROVENANCES)
        if cl.last_revised and not _REVISED_RE.match(cl.last_revised.strip()):
            c.report(
                "L1-FIELD-005",
                "logic/claims.md",
                _line(cl),
                f"{cl.id} Last revised is {cl.last_revised!r}",
            )
    for h in c.art.heuristics or []:
        _allowed(
            c,
            "logic/solution/heuristics.md",
            h,
            "Sensitivity",
            h.sensitivity.split()[0].strip(".,;") if h.sensitivity else None,
            SENSITIVITIES,
        )
    for rw in c.art.related_work or []:
        _allowed(
            c,
            "logic/related_work.md",
            rw,
            "Type",
            rw.type.split()[0].strip(".,;") if rw.type else None,
            RELATION_TYPES,
        )


_ID_FILES = {
    "C": "logic/claims.md",
    "E": "logic/experiments.md",
    "H": "logic/solution/heuristics.md",
    "RW": "logic/related_work.md",
    "O": "logic/problem.md",
    "G": "logic/problem.md",
    "A": "logic/problem.md",
    "N": "trace/exploration_tree.yaml",
    "R": "src/reproduce.yaml",
}


def check_ids(c: Checker) -> None:
    for prefix, file in _ID_FILES.items():
        seen: dict[str, Any] = {}
        for e in c.art.entities(prefix):
            if not e.id:
                continue
            if e.id in seen:
                first = seen[e.id]
                c.report(
                    "L1-ID-001",
                    file,
                    _line(e),
                    f"{e.id} is used twice (first at line {_line(first)})",
                )
            else:
                seen[e.id] = e
    terms: dict[str, Any] = {}
    for con in c.art.concepts or []:
        key = con.term.strip().lower()
        if key in terms:
            c.report(
                "L1-ID-001",
                "logic/concepts.md",
                _line(con),
                f"concept {con.term!r} is defined twice (first at line {_line(terms[key])})",
            )
        terms.setdefault(key, con)


def _refs(
    c: Checker,
    code: str,
    file: str,
    e: Any,
    label: str,
    refs: list[str] | None,
    prefixes: tuple[str, ...],
) -> None:
    for ref in refs or []:
        kind = "RW" if ref.startswith("RW") else ref[:1]
        pool = [i for p in prefixes for i in c.art.ids(p)]
        if kind not in prefixes:
            c.report(
                code,
                file,
                _line(e),
                f"{_name(e)} {label} cites {ref}, which is not a {'/'.join(prefixes)} ID",
            )
        elif normalize_id(ref) not in pool:
            c.report(
                code,
                file,
                _line(e),
                f"{_name(e)} {label} cites {ref}, which does not exist; existing: {id_range(pool)}",
            )


def check_refs(c: Checker) -> None:
    a = c.art
    for cl in a.claims or []:
        _refs(c, "L1-REF-001", "logic/claims.md", cl, "Proof", cl.proof, ("E",))
        _refs(c, "L1-REF-003", "logic/claims.md", cl, "Dependencies", cl.dependencies, ("C",))
        if cl.proof == [] or (cl.proof is None and cl.statement):
            c.report("L1-REF-015", "logic/claims.md", _line(cl), f"{cl.id} cites no experiment")
    for ex in a.experiments or []:
        _refs(c, "L1-REF-002", "logic/experiments.md", ex, "Verifies", ex.verifies, ("C",))
        _refs(c, "L1-REF-003", "logic/experiments.md", ex, "Dependencies", ex.dependencies, ("E",))
    for rw in a.related_work or []:
        _refs(
            c,
            "L1-REF-012",
            "logic/related_work.md",
            rw,
            "Claims affected",
            rw.claims_affected,
            ("C",),
        )
    if a.problem:
        for g in a.problem.gaps:
            _refs(c, "L1-REF-010", "logic/problem.md", g, "Caused by", g.caused_by, ("O",))
        ki = a.problem.key_insight
        if ki:
            _refs(
                c, "L1-REF-011", "logic/problem.md", ki, "Derived from", ki.derived_from, ("O", "G")
            )
    for h in a.heuristics or []:
        if h.code_ref and h.code_ref.strip().lower() not in ("none", "n/a") and not h.code_paths():
            c.report(
                "L1-REF-004",
                "logic/solution/heuristics.md",
                _line(h),
                f"{h.id} Code ref {h.code_ref!r} names no file path",
            )
        for path in h.code_paths():
            if (
                (c.root is not None and resolve_ref(c.root, path) is None)
                or path.startswith("/")
                or ".." in path.split("/")
            ):
                c.report(
                    "L1-REF-005",
                    "logic/solution/heuristics.md",
                    _line(h),
                    f"{h.id} Code ref {path} points outside the artifact",
                )
            elif not c.exists(path):
                c.report(
                    "L1-REF-004",
                    "logic/solution/heuristics.md",
                    _line(h),
                    f"{h.id} Code ref {path} does not exist",
                )


CHECKS = (check_fields, check_values, check_ids, check_refs)
