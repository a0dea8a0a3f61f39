"""Every addressable thing in an artifact file, as a passage with its native reference.

Files the codec types (claims, trace, configs, evidence ...) are read through the codec and
cut along the model: a claim with its fields is `C05`, a trace node `N109`, a parameter
`src/configs/training.md#lr`, a table row `evidence/tables/table3.md#r4` (its cells carry
their column headers). Every other text file is cut by `chunks`: code by symbol, prose by
section, YAML logs by entry.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import Any

from arakit.model.artifact import Artifact
from arakit.query.chunks import (
    CODE_SUFFIXES,
    Passage,
    code_passages,
    flat,
    jsonl_passages,
    markdown_passages,
    notebook_passages,
    slug,
    text_passages,
    yaml_passages,
)

KINDS = (
    "paper",
    "claim",
    "experiment",
    "heuristic",
    "related_work",
    "concept",
    "observation",
    "gap",
    "insight",
    "assumption",
    "trace",
    "param",
    "table_row",
    "evidence",
    "run",
    "staged",
    "session",
    "reasoning",
    "event",
    "doc",
    "source",
)
_FIRST = {
    "dead_end": ("title", "lesson", "failure_mode", "hypothesis"),
    "decision": ("title", "choice", "alternatives"),
    "pivot": ("title", "from", "to", "trigger"),
}
MAX_LABEL = 120  # characters of a table's caption repeated in each of its rows
_BOLD_RE = re.compile(r"^(\s*)- \*\*(.+?)\*\*:", re.MULTILINE)


def _plain_fields(entity: Any) -> str:
    from arakit.codec.fields import write_fields

    return _BOLD_RE.sub(r"\1\2:", write_fields(entity))


def _line(entity: Any) -> int | None:
    pos = getattr(entity, "pos", None)
    return pos.line if pos is not None else None


def _entity(kind: str, e: Any, file: str) -> Passage:
    head = f"{e.id}: {e.title}" if getattr(e, "title", "") else e.id
    sub = str(getattr(e, "status", "") or "").strip().lower()  # a claim's status
    return Passage(e.id, kind, file, _line(e), head, f"{head}\n{_plain_fields(e)}".strip(), sub)


def model_passages(art: Artifact, file: str) -> list[Passage]:
    """The passages of what the codec read from one file into `art`."""
    out: list[Passage] = []
    for kind, items in (
        ("claim", art.claims),
        ("experiment", art.experiments),
        ("heuristic", art.heuristics),
        ("related_work", art.related_work),
    ):
        out += [_entity(kind, e, file) for e in items or []]
    for c in art.concepts or []:
        out.append(
            Passage(f"{file}#{slug(c.term)}", "concept", file, _line(c), c.term, _concept(c))
        )
    if art.problem is not None:
        out += _problem(art, file)
    if art.paper is not None:
        out += _paper(art, file)
    if art.trace is not None:
        out += [_node(n, file) for n in art.trace.nodes()]
    for cfg in art.configs:
        for p in cfg.params:
            head = f"{p.name} = {p.value}" if p.value is not None else p.name
            body = f"{cfg.title}: {head}\n{_plain_fields(p)}".strip()
            out.append(Passage(f"{file}#{slug(p.name)}", "param", file, _line(p), head, body))
        out += _sections(file, cfg.preamble, cfg.extra_sections)
    for ev in art.evidence.files:
        out += _evidence(ev)
    for doc in art.solution_docs + ([art.environment] if art.environment else []):
        out += markdown_passages(file, f"# {doc.title}\n\n{doc.text}" if doc.title else doc.text)
    if art.reproduce is not None:
        for r in art.reproduce.runs:
            body = flat(r.model_dump(exclude_defaults=True, by_alias=True))
            out.append(Passage(r.id, "run", file, _line(r), f"{r.id}: {r.command or ''}", body))
    if art.staging is not None:
        for o in art.staging.observations:
            body = flat(o.model_dump(exclude_defaults=True, exclude={"comments"}))
            out.append(Passage(o.id, "staged", file, _line(o), f"{o.id}: staged", body))
    return out


def _concept(c: Any) -> str:
    return f"{c.term}\n{_plain_fields(c)}".strip()


def _problem(art: Artifact, file: str) -> list[Passage]:
    p = art.problem
    assert p is not None
    out = [_entity("observation", o, file) for o in p.observations]
    out += [_entity("gap", g, file) for g in p.gaps]
    if p.key_insight is not None:
        text = _plain_fields(p.key_insight)
        out.append(Passage(f"{file}#key-insight", "insight", file, None, "Key insight", text))
    out += [
        Passage(a.id, "assumption", file, _line(a), a.id, f"{a.id}: {a.text}")
        for a in p.assumptions
    ]
    return out + _sections(file, p.preamble, p.extra_sections)


def _paper(art: Artifact, file: str) -> list[Passage]:
    p = art.paper
    assert p is not None
    fields = {
        k: v
        for k in ("title", "authors", "year", "venue", "doi", "domain", "keywords", "abstract")
        if (v := getattr(p, k))
    }
    for k in ("forked_from", "created_with"):
        if getattr(p, k):
            fields[k] = getattr(p, k)
    fields.update(p.extra)
    if p.claims_summary:
        fields["claims_summary"] = p.claims_summary
    out = [Passage(file, "paper", file, 1, p.title or p.heading or file, flat(fields))]
    if p.overview:
        out.append(Passage(f"{file}#overview", "paper", file, None, "Overview", p.overview))
    return out + _sections(file, p.preamble, p.extra_sections)


def _sections(file: str, preamble: str, sections: list[Any]) -> list[Passage]:
    text = preamble.strip()
    for s in sections:
        text += f"\n\n{'#' * s.level} {s.heading}\n\n{s.body}"
    return markdown_passages(file, text.strip()) if text.strip() else []


def _node(n: Any, file: str) -> Passage:
    from arakit.model.trace import NODE_KEYS

    # what a node of its type must say comes first, so a short snippet shows the lesson
    first = [k for k in _FIRST.get(str(n.type), ()) if n.get(k)]
    keys = first + [k for k in NODE_KEYS if k not in ("id", "type", "children", *first)]
    fields = {k: n.get(k) for k in keys if n.get(k)}
    fields.update(n.extra)
    if n.children:
        fields["children"] = [c.id for c in n.children]
    head = f"{n.id} [{n.type or 'node'}]: {n.title or ''}".rstrip(": ")
    return Passage(n.id, "trace", file, _line(n), head, flat(fields), str(n.type or ""))


def _evidence(ev: Any) -> list[Passage]:
    file = ev.path
    head = " · ".join(x for x in (ev.title, ev.source, ev.caption) if x)
    meta = [f"{name}: {getattr(ev, attr)}" for name, attr in ev.META if getattr(ev, attr)]
    meta += [f"{f.name}: {f.value}" for f in ev.extra_fields]
    body = "\n".join([ev.title, *meta, ev.notes.strip()]).strip()
    out = [Passage(file, "evidence", file, 1, head or file, body)]
    label = ev.caption or ev.title or ev.source or file
    if len(label) > MAX_LABEL:  # every row repeats it: a long caption would match every query
        label = ev.title or label[:MAX_LABEL].rsplit(" ", 1)[0] + " …"
    n = 0
    for t in ev.tables:
        line0 = t.pos.line if t.pos else None
        for i, row in enumerate(t.rows, 1):
            n += 1
            cells = [
                f"{h.strip() or f'col {c}'} = {cell.strip()}"
                for c, (h, cell) in enumerate(zip(t.header, row, strict=False), 1)
                if cell.strip() and c > 1
            ]
            first = row[0].strip() if row else ""
            h0 = t.header[0].strip() if t.header else ""
            text = f"{h0 or 'row'} {first}: " + "; ".join(cells) + f"\n({label})"
            line = line0 + 1 + i if line0 else None
            out.append(Passage(f"{file}#r{n}", "table_row", file, line, f"{label} — {first}", text))
    return out


def file_passages(rel: str, text: str) -> list[Passage]:
    """The passages of one file of an artifact, given its text. Raises ArtifactError when a
    file the codec types is malformed (the caller indexes it as plain text instead)."""
    from arakit.codec import reader_for

    reader = reader_for(rel)
    if reader is not None:
        art = Artifact.build(files=[rel])
        reader(art, text, rel)
        return model_passages(art, rel)
    return plain_passages(rel, text)


def plain_passages(rel: str, text: str) -> list[Passage]:
    """Passages of a file the codec does not type, chosen by where it is and its suffix."""
    suffix = PurePosixPath(rel).suffix.lower()
    top = rel.split("/", 1)[0]
    if suffix == ".md":
        kind = "session" if "/sessions/" in rel else "doc"
        return markdown_passages(rel, text, kind)
    if suffix in (".yaml", ".yml"):
        if rel.startswith("trace/sessions/"):
            return yaml_passages(rel, text, "session")
        if "reasoning" in rel:
            return yaml_passages(rel, text, "reasoning")
        return yaml_passages(rel, text, "doc" if top != "src" else "source")
    if suffix == ".jsonl":
        return jsonl_passages(rel, text)
    if suffix == ".ipynb":
        return notebook_passages(rel, text)
    if suffix == ".json":
        return text_passages(rel, text, "source" if top == "src" else "doc")
    if suffix in CODE_SUFFIXES or top == "src" or not suffix:
        return code_passages(rel, text)
    return []
