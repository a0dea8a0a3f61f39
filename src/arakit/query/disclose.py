"""Progressive disclosure: the manifest (depth 1), layer summaries (2), one entity or file (3)."""

from __future__ import annotations

from collections import Counter
from typing import Any

from arakit.errors import UsageError
from arakit.model.artifact import Artifact
from arakit.model.table import cell_path


def estimate_tokens(text: str) -> int:
    """A model-free token estimate: about four characters per token for English prose."""
    return max(1, round(len(text) / 4)) if text else 0


def _clip(text: str | None, n: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def _no_front_matter(p: Any) -> bool:
    return p.title is None and p.authors is None and p.abstract is None and not p.extra


def _opening(p: Any) -> str:
    """The first prose of a PAPER.md written without front matter: its preamble, overview or
    first section."""
    for text in (p.preamble, p.overview or "", *(s.body for s in p.extra_sections)):
        if text and text.strip():
            return text
    return ""


def _layer_counts(art: Artifact) -> str:
    """`Contains ...` with, for each layer file that could not be read or holds no entries,
    why its count is zero."""
    from arakit.errors import ArtifactError

    broken = {p.file: p for p in art.problems if isinstance(p, ArtifactError)}
    parts = []
    for n, what, rel, shape in (
        (len(art.claims or []), "claims", "logic/claims.md", "`## C01: title`"),
        (len(art.experiments or []), "experiments", "logic/experiments.md", "`## E01: title`"),
        (
            len(art.trace.nodes()) if art.trace else 0,
            "trace nodes",
            "trace/exploration_tree.yaml",
            "",
        ),
        (len(art.evidence.files), "evidence files", "", ""),
    ):
        if rel in broken:
            parts.append(f"{what}: {rel} could not be read ({broken[rel].message})")
        elif n == 0 and rel and rel in art.files and shape:
            parts.append(f"0 {what} ({rel} has no {shape} entries)")
        else:
            parts.append(f"{n} {what}")
    return "Contains " + ", ".join(parts) + "."


def manifest(art: Artifact) -> str:
    """Depth 1: enough for an agent to decide whether the artifact is relevant (~200 tokens)."""
    p = art.paper
    if p is None:
        return "(no PAPER.md)\n\n" + _layer_counts(art)
    lines = [f"# {p.title or p.heading or 'Untitled'}"]
    if _no_front_matter(p):
        lines.append("(PAPER.md has no front matter: title and summary are read from its text)")
        opening = _opening(p)
        if opening:
            lines += ["", _clip(opening, 400)]
    who = ", ".join(p.authors or [])
    meta = " · ".join(str(x) for x in (who, p.year, p.venue, p.domain) if x)
    if meta:
        lines.append(meta)
    if p.keywords:
        lines.append("Keywords: " + ", ".join(p.keywords))
    if p.abstract:
        lines.append("")
        lines.append(_clip(p.abstract, 240))
    if p.claims_summary:
        lines.append("")
        lines.append("Claims:")
        lines += [f"- {_clip(c, 100)}" for c in p.claims_summary[:4]]
    lines.append("")
    lines.append(_layer_counts(art))
    return "\n".join(lines)


def layers(art: Artifact) -> str:
    """Depth 2: what each layer holds, one line per entity."""
    out = [manifest(art), ""]
    if art.problem:
        out.append("## Problem")
        out += [f"- {o.id}: {o.title}" for o in art.problem.observations]
        out += [f"- {g.id}: {g.title}" for g in art.problem.gaps]
        if art.problem.key_insight and art.problem.key_insight.insight:
            out.append(f"- Key insight: {_clip(art.problem.key_insight.insight, 200)}")
        out.append("")
    if art.claims:
        out.append("## Claims")
        out += [
            f"- {c.id} [{c.status or '?'}]: {c.title} (proof: {', '.join(c.proof or []) or '—'})"
            for c in art.claims
        ]
        out.append("")
    if art.experiments:
        out.append("## Experiments")
        out += [
            f"- {e.id}: {e.title} (verifies: {', '.join(e.verifies or []) or '—'})"
            for e in art.experiments
        ]
        out.append("")
    if art.concepts:
        out.append("## Concepts")
        out.append(", ".join(c.term for c in art.concepts))
        out.append("")
    if art.heuristics:
        out.append("## Heuristics")
        out += [f"- {h.id}: {h.title}" for h in art.heuristics]
        out.append("")
    if art.trace:
        nodes = art.trace.nodes()
        kinds = Counter(n.type for n in nodes)
        out.append("## Trace")
        out.append(
            ", ".join(f"{v} {k}" for k, v in sorted(kinds.items(), key=lambda kv: str(kv[0])))
        )
        out += [
            f"- {n.id} dead end: {n.title or ''} — {_clip(n.lesson, 120)}"
            for n in nodes
            if n.type == "dead_end"
        ]
        out.append("")
    if art.evidence.files:
        out.append("## Evidence")
        rows = {
            cell_path(r.get("file", "")): r
            for r in (art.evidence.index.rows() if art.evidence.index else [])
        }
        for ev in art.evidence.files:
            claims = rows.get(ev.name, {}).get("claims", "")
            out.append(
                f"- {ev.name}: {_clip(ev.caption or ev.title, 90)}"
                + (f" (claims: {claims})" if claims else "")
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def detail(art: Artifact, key: str) -> str:
    """Depth 3: one entity (by ID or concept term) or one file (by path), in full."""
    from arakit.codec import render_artifact
    from arakit.codec.fields import write_fields
    from arakit.codec.trace import node_dict
    from arakit.codec.yamlio import dump

    entity = art.get(key) if key[:1].isupper() else None
    if entity is not None:
        if hasattr(entity, "children"):  # a trace node
            return dump(node_dict(entity))
        if hasattr(entity, "FIELDS"):
            head = "###" if key[:1] in "OG" else "##"
            return f"{head} {entity.id}: {entity.title}\n\n{write_fields(entity)}\n"
        if hasattr(entity, "expect"):
            from arakit.codec.source import write_reproduce
            from arakit.model.run import ReproducePlan

            return write_reproduce(ReproducePlan(runs=[entity]))
        return f"- {entity.id}: {entity.text}\n"
    concept = art.concept(key)
    if concept is not None:
        return f"## {concept.term}\n\n{write_fields(concept)}\n"
    rel = key.strip().removeprefix("./")
    texts = render_artifact(art)
    for cand in (rel, "evidence/" + rel):
        if cand in texts:
            return texts[cand]
    if art.root and rel in art.files:
        from pathlib import Path

        from arakit.codec.fs import read_text

        return read_text(Path(art.root), rel)
    known = ", ".join(art.ids("C")[:3] + art.ids("E")[:2])
    raise UsageError(
        f"nothing called {key!r} in this artifact",
        hint=f"give an ID ({known}, ...), a concept term, or a file path",
    )


def show(art: Artifact, key: str | None = None, depth: int | None = None) -> str:
    """The text `ara show` prints: depth 1 or 2 for the artifact, or one entity/file in full."""
    if key:
        return detail(art, key)
    if depth in (None, 1):
        return manifest(art) + "\n"
    if depth == 2:
        return layers(art)
    raise UsageError(
        "depth 3 shows one entity or file: give an ID or a path",
        hint="for example `ara show PATH C01` or `ara show PATH logic/claims.md`",
    )


def as_json(art: Artifact, key: str | None, depth: int | None) -> dict[str, Any]:
    """The same text with its token estimate, for --json."""
    text = show(art, key, depth)
    return {
        "depth": 3 if key else (depth or 1),
        "key": key,
        "text": text,
        "tokens": estimate_tokens(text),
    }
