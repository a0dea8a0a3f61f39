"""Counts per entity kind and per layer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from arakit.model.artifact import Artifact

LAYER_DIRS = ("logic", "src", "trace", "evidence", "staging", "rubric")


def stats(art: Artifact) -> dict[str, Any]:
    """{"entities": {kind: n}, "trace": {type: n}, "layers": {layer: {files, bytes}}}."""
    p = art.problem
    entities = {
        "claims": len(art.claims or []),
        "experiments": len(art.experiments or []),
        "concepts": len(art.concepts or []),
        "heuristics": len(art.heuristics or []),
        "related_work": len(art.related_work or []),
        "observations": len(p.observations) if p else 0,
        "gaps": len(p.gaps) if p else 0,
        "assumptions": len(p.assumptions) if p else 0,
        "config_params": sum(len(c.params) for c in art.configs),
        "trace_nodes": len(art.trace.nodes()) if art.trace else 0,
        "evidence_files": len(art.evidence.files),
        "evidence_tables": sum(len(f.tables) for f in art.evidence.files),
        "reproduce_runs": len(art.reproduce.runs) if art.reproduce else 0,
        "staged_observations": len(art.staging.observations) if art.staging else 0,
    }
    trace = dict(
        sorted(Counter(str(n.type) for n in (art.trace.nodes() if art.trace else [])).items())
    )
    layers: dict[str, dict[str, int]] = {}
    root = Path(art.root) if art.root else None
    for rel in art.files:
        top = rel.split("/", 1)[0] if "/" in rel else "(root)"
        layer = top if top in LAYER_DIRS or top == "(root)" else "other"
        d = layers.setdefault(layer, {"files": 0, "bytes": 0})
        d["files"] += 1
        if root is not None:
            try:
                d["bytes"] += (root / rel).stat().st_size
            except OSError:
                pass
    return {"artifact": art.root, "entities": entities, "trace": trace, "layers": layers}
