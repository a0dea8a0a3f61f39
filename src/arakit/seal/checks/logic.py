"""logic/: field presence, allowed values, unique IDs and references between entities."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from arakit.codec.fs import resolve_ref
from arakit.model.claim import CLAIM_STATUSES, PROVENANCES
from arakit.model.concept import Concept
from arakit.model.ids import id_number, id_prefix, id_range, normalize_id
from arakit.model.related_work import RELATION_TYPES

if TYPE_CHECKING:
    from arakit.seal.level1 import Checker

# (file, attribute of Artifact, required labels, recommended labels) per profile
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
# Upstream: what every writer's schema has is required; the rest of the compiler's list is
# recommended (the research manager writes experiments.md never, related work without IDs).
UPSTREAM_FIELDS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "logic/claims.md",
        "claims",
        ("Statement", "Status", "Falsification criteria", "Proof"),
        (),
    ),
    (
        "logic/experiments.md",
        "experiments",
        (),
        ("Verifies", "Setup", "Procedure", "Expected outcome"),
    ),
    ("logic/concepts.md", "concepts", ("Definition",), ()),
    ("logic/solution/heuristics.md", "heuristics", ("Rationale",), ("Sensitivity",)),
    ("logic/related_work.md", "related_work", (), ("Type", "Delta")),
)
SENSITIVITIES = ("low", "medium", "high")
# the research manager adds "unknown"; the compiler writes "Not specified in paper"
UPSTREAM_SENSITIVITIES = ("low", "medium", "high", "unknown")
_NUMBER_RE = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?\s*%|(?<![\w.])\d+\.\d+")
_REVISED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}(\s*\(.+\))?$")


def _empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def _name(e: Any) -> str:
    return getattr(e, "id", None) or getattr(e, "term", None) or type(e).__name__


def _line(e: Any) -> int | None:
    return e.pos.line if e.pos else None


def _has(e: Any, label: str) -> bool:
    v = e.field_value(label)
    if label == "Proof" and _empty(v):
        v = e.verbatim.get("proof") if hasattr(e, "verbatim") else None
    return not _empty(v) or (isinstance(v, list) and label in ("Proof", "Verifies"))


def _defined_in_prose(e: Any) -> bool:
    """A concept whose section is a paragraph (or bullets) under its `## Term` heading:
    upstream writers define terms that way, and the text is the definition."""
    return isinstance(e, Concept) and not _empty(e.notes)


def check_fields(c: Checker) -> None:
    for file, attr, required, recommended in UPSTREAM_FIELDS if c.upstream else ENTITY_FIELDS:
        for e in getattr(c.art, attr) or []:
            ent = getattr(e, "id", None)
            for label in required:
                if label == "Definition" and c.upstream and _defined_in_prose(e):
                    continue
                if not _has(e, label):
                    c.report(
                        "L1-FIELD-001", file, _line(e), f"{_name(e)} has no {label}", entity=ent
                    )
            for label in recommended:
                if not _has(e, label):
                    c.report(
                        "L1-FIELD-002", file, _line(e), f"{_name(e)} has no {label}", entity=ent
                    )
            if hasattr(e, "title") and not e.title:
                c.report(
                    "L1-FIELD-006", file, _line(e), f"{_name(e)} has a heading without a title"
                )
    _check_setup(c)
    _check_problem(c)
    for cfg in c.art.configs:
        for p in cfg.params:
            if _empty(p.value):
                c.report(
                    "L1-FIELD-001",
                    cfg.path,
                    _line(p),
                    f"parameter {p.name!r} has no Value",
                    level="warning" if c.upstream else None,
                )


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
        if e.setup is not None and c.strict:  # upstream: Setup keys vary by domain
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
    level = "warning" if c.upstream else None
    for o in p.observations:
        for label in ("Statement", "Evidence", "Implication"):
            if _empty(o.field_value(label)):
                c.report(
                    "L1-FIELD-001", f, _line(o), f"{o.id} has no {label}", level=level, entity=o.id
                )
    for g in p.gaps:
        for label in ("Statement", "Caused by"):
            v = g.field_value(label)
            if v is None or (isinstance(v, str) and not v.strip()):
                c.report(
                    "L1-FIELD-001", f, _line(g), f"{g.id} has no {label}", level=level, entity=g.id
                )
        for label in ("Existing attempts", "Why they fail"):
            if _empty(g.field_value(label)):
                c.report("L1-FIELD-002", f, _line(g), f"{g.id} has no {label}")
    if p.key_insight is None or _empty(p.key_insight.insight):
        c.report(
            "L1-FIELD-001",
            f,
            _line(p.key_insight) if p.key_insight else None,
            "logic/problem.md has no `## Key Insight` with an Insight field",
            level=level,
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
            entity=getattr(e, "id", None),
        )


def _first_word(value: str | None) -> str | None:
    """`supported (code-grounded)`, `supported — CPU only`: the value is the first word."""
    if value is None:
        return None
    words = re.split(r"[\s(—–,;:]+", value.strip().strip("`*"), maxsplit=1)
    return words[0].strip(".`*") if words and words[0] else value


def check_values(c: Checker) -> None:
    for cl in c.art.claims or []:
        status, prov = cl.status, cl.provenance
        if c.upstream:
            status, prov = _first_word(status), _first_word(prov)
        _allowed(c, "logic/claims.md", cl, "Status", status, CLAIM_STATUSES)
        _allowed(c, "logic/claims.md", cl, "Provenance", prov, PROVENANCES)
        if cl.last_revised and not _REVISED_RE.match(cl.last_revised.strip()):
            c.report(
                "L1-FIELD-005",
                "logic/claims.md",
                _line(cl),
                f"{cl.id} Last revised is {cl.last_revised!r}",
            )
    for h in c.art.heuristics or []:
        sens = h.sensitivity
        if c.upstream and sens and sens.strip().lower().startswith("not specified"):
            sens = None  # the compiler's wording when the source gives none
        _allowed(
            c,
            "logic/solution/heuristics.md",
            h,
            "Sensitivity",
            sens.split()[0].strip(".,;") if sens else None,
            UPSTREAM_SENSITIVITIES if c.upstream else SENSITIVITIES,
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
                    entity=e.id,
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


_HEADING_ID_RE = re.compile(r"^#{2,4}\s+([A-Z]{1,2}\d{1,4})\b", re.MULTILINE)
_LAYER_FILE = {"E": "logic/experiments.md", "N": "trace/exploration_tree.yaml"}


def id_pool(c: Checker, kind: str) -> list[str] | None:
    """The IDs of one kind the artifact defines, or None when it has no layer for that kind
    (upstream: constraints `K01` and architecture `A01` in logic/solution/ count too)."""
    a = c.art
    pools: dict[str, Any] = {
        "C": a.claims,
        "E": a.experiments,
        "H": a.heuristics,
        "RW": a.related_work,
        "N": a.trace.nodes() if a.trace is not None else None,
        "G": a.problem.gaps if a.problem is not None else None,
    }
    if kind in pools:
        ents = pools[kind]
        if ents is None and kind in _LAYER_FILE and _LAYER_FILE[kind] not in c.files:
            return None
        return [e.id for e in ents or [] if e.id]
    if kind == "O":
        ids = [o.id for o in a.problem.observations] if a.problem else []
        ids += [normalize_id(o.id) for o in a.staging.observations if o.id] if a.staging else []
        return ids if (a.problem is not None or a.staging is not None) else None
    found = [
        normalize_id(m.group(1))
        for doc in a.solution_docs
        for m in _HEADING_ID_RE.finditer(doc.text)
        if id_prefix(m.group(1)) == kind
    ]
    if kind == "A" and a.problem is not None:
        found += [x.id for x in a.problem.assumptions]
    return found or None


def _written(e: Any, label: str) -> str:
    """A reference field as written, when the reader kept it (it carried prose or paths)."""
    attrs = {"Proof": "proof", "Dependencies": "dependencies"}
    verbatim = getattr(e, "verbatim", None) or {}
    return str(verbatim.get(attrs.get(label, ""), ""))


def _standalone(text: str, ref: str) -> bool:
    """True when the ID is written as a word of its own (`C1`, `C01`), not inside a name."""
    prefix, num = id_prefix(ref), str(id_number(ref))
    pattern = rf"(?<![\w\-/.]){prefix}0*{num}(?![\w\-/]|\.\w)"
    return re.search(pattern, text) is not None


def _refs(
    c: Checker,
    code: str,
    file: str,
    e: Any,
    label: str,
    refs: list[str] | None,
    prefixes: tuple[str, ...],
    *,
    any_kind: bool = False,
) -> None:
    """Each cited ID must exist. `any_kind` (upstream Proof and Dependencies): an ID of any
    kind resolves against its own kind; a kind the artifact has no layer for is not checked,
    except E IDs, which are reported as warnings when logic/experiments.md is absent."""
    written = _written(e, label)
    for ref in refs or []:
        kind = "RW" if ref.startswith("RW") else ref[:1]
        if any_kind and c.upstream:
            if written and not _standalone(written, ref):
                continue  # part of a name (`A100-40GB`, `METHOD-023`), not a reference
            pool = id_pool(c, kind)
            if pool is None:
                if kind == "E" and kind in prefixes:
                    c.report(
                        code,
                        file,
                        _line(e),
                        f"{_name(e)} {label} cites {ref}, but the artifact has no "
                        "logic/experiments.md to resolve it against",
                        entity=getattr(e, "id", None),
                        level="warning",
                    )
                continue
            if normalize_id(ref) not in pool:
                c.report(
                    code,
                    file,
                    _line(e),
                    f"{_name(e)} {label} cites {ref}, which does not exist; "
                    f"existing: {id_range(pool)}",
                    entity=getattr(e, "id", None),
                )
            continue
        pool = [i for p in prefixes for i in c.art.ids(p)]
        if kind not in prefixes:
            c.report(
                code,
                file,
                _line(e),
                f"{_name(e)} {label} cites {ref}, which is not a {'/'.join(prefixes)} ID",
                entity=getattr(e, "id", None),
            )
        elif normalize_id(ref) not in pool:
            c.report(
                code,
                file,
                _line(e),
                f"{_name(e)} {label} cites {ref}, which does not exist; existing: {id_range(pool)}",
                entity=getattr(e, "id", None),
            )


def check_refs(c: Checker) -> None:
    a = c.art
    for cl in a.claims or []:
        _refs(c, "L1-REF-001", "logic/claims.md", cl, "Proof", cl.proof, ("E",), any_kind=True)
        _refs(
            c,
            "L1-REF-003",
            "logic/claims.md",
            cl,
            "Dependencies",
            cl.dependencies,
            ("C",),
            any_kind=True,
        )
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
    has_execution = any(f.startswith("src/execution/") for f in c.files)
    for h in a.heuristics or []:
        _check_code_ref(c, h, has_execution)


def _check_code_ref(c: Checker, h: Any, has_execution: bool) -> None:
    """Code ref paths exist in the artifact. Upstream resolves only `src/...` paths, and only
    when src/execution/ exists: other Code refs point into the working repository."""
    hf = "logic/solution/heuristics.md"
    paths = h.code_paths()
    if c.strict and h.code_ref and h.code_ref.strip().lower() not in ("none", "n/a") and not paths:
        c.report("L1-REF-004", hf, _line(h), f"{h.id} Code ref {h.code_ref!r} names no file path")
    for path in paths:
        if c.upstream and not (has_execution and path.startswith("src/")):
            continue
        outside = (
            (c.root is not None and resolve_ref(c.root, path) is None)
            or path.startswith("/")
            or ".." in path.split("/")
        )
        if outside:
            msg, code = f"{h.id} Code ref {path} points outside the artifact", "L1-REF-005"
        elif not c.exists(path):
            msg, code = f"{h.id} Code ref {path} does not exist", "L1-REF-004"
        else:
            continue
        c.report(code, hf, _line(h), msg, entity=h.id)


CHECKS = (check_fields, check_values, check_ids, check_refs)
