"""The slices of an artifact a model judge sees for each dimension, kept short."""

from __future__ import annotations

from arakit.model import Artifact

LIMIT = 3500  # characters per dimension: small local models have small contexts


def dimension_slice(art: Artifact, dim: str, limit: int = LIMIT) -> str:
    """Plain text of the entities relevant to one dimension, cut to `limit` characters."""
    parts: list[str] = []
    claims = art.claims or []
    if dim in ("D1", "D2", "D3", "D4", "D6"):
        for c in claims:
            parts.append(f"{c.id}: {c.statement or c.title}")
            if dim == "D1":
                parts.append(f"  proof: {', '.join(c.proof or [])}; basis: {c.evidence_basis}")
            if dim == "D2":
                parts.append(f"  falsification: {c.falsification_criteria}")
            if dim == "D3":
                parts.append(f"  status: {c.status}; interpretation: {c.interpretation}")
    if dim in ("D1", "D6"):
        for e in art.experiments or []:
            s = e.setup
            setup = f"model={s.model}; dataset={s.dataset}; hardware={s.hardware}" if s else "none"
            parts.append(
                f"{e.id}: {e.title}; verifies {', '.join(e.verifies or [])}; {setup}; "
                f"metrics: {e.metrics}; baselines: {e.baselines}"
            )
    if dim == "D1":
        for f in art.evidence.files:
            parts.append(f"{f.name}: {f.source}; {f.caption or ''}")
    if dim in ("D3", "D4") and art.problem:
        p = art.problem
        parts.extend(f"{g.id}: {g.statement}" for g in p.gaps)
        if p.key_insight:
            parts.append(f"Key insight: {p.key_insight.insight}")
        parts.extend(f"{a.id}: {a.text}" for a in p.assumptions)
    if dim in ("D4", "D5") and art.trace:
        for n in art.trace.nodes():
            body = "; ".join(
                f"{k}: {v}"
                for k in (
                    "description",
                    "result",
                    "choice",
                    "alternatives",
                    "failure_mode",
                    "lesson",
                    "trigger",
                )
                if (v := n.get(k))
            )
            parts.append(f"{n.id} ({n.type}) {n.title or ''}: {body}")
    text = "\n".join(parts)
    return text if len(text) <= limit else text[: limit - 1] + "…"
