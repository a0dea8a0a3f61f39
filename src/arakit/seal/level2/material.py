"""What each dimension has to judge: a demanding reviewer does not give a high score to a
dimension on which the artifact offers nothing to confirm.

The rules judge scores by subtracting findings from 5; a check that finds nothing to check
finds no defect. These caps say how high a dimension can score given the material the
artifact holds for it (claims with checkable evidence, experiments with a setup, a trace
with room for failures, a problem to connect claims to), each with the reason shown in the
report. A cap is never a finding: it lowers what an empty dimension can reach.
"""

from __future__ import annotations

from dataclasses import dataclass

from arakit.model import Artifact, Claim
from arakit.seal.level2.entities import is_none, proof_experiments, setup_field
from arakit.seal.level2.evidence_refs import find_refs

# Below this many trace nodes an exploration record has little room to show what failed.
SMALL_TRACE = 6


@dataclass(frozen=True)
class Cap:
    """The highest score a dimension can reach, and why."""

    score: int
    reason: str


def caps(art: Artifact) -> dict[str, Cap]:
    """The caps that apply to this artifact, by dimension (D1..D6)."""
    out: dict[str, Cap] = {}
    claims = art.claims or []
    if claims:
        backed = sum(_has_evidence(art, c) for c in claims)
        share = backed / len(claims)
        if share < 0.8:
            cites = any(c.proof or c.evidence_basis or c.verbatim.get("proof") for c in claims)
            score = 4 if share >= 0.5 else 3 if cites else 2
            out["D1"] = Cap(
                score,
                f"{len(claims) - backed} of {len(claims)} claims cite no evidence the artifact "
                "holds (no existing experiment, evidence file or trace result)"
                + ("" if cites else ": nothing to check"),
            )
    experiments = art.experiments or []
    trial_nodes = [n for n in _nodes(art) if n.type == "experiment" and n.result]
    evidence_files = art.evidence.files
    if not experiments and not trial_nodes and not evidence_files:
        out["D3"] = Cap(
            3, "no experiment and no evidence file: the scope of the claims rests on nothing"
        )
        out["D6"] = Cap(2, "no experiment is described: no method to judge")
    elif not any(_has_setup(e) for e in experiments):
        out["D6"] = Cap(
            3,
            "no experiment names its model, dataset or hardware"
            if experiments
            else "experiments appear only as trace results, without a setup",
        )
    problem = art.problem
    if problem is None or not (
        problem.observations
        or problem.gaps
        or (problem.key_insight and problem.key_insight.insight)
    ):
        out["D4"] = Cap(3, "logic/problem.md states no observation, gap or insight to argue from")
    nodes = _nodes(art)
    if art.trace is None or not nodes:
        out["D5"] = Cap(2, "no exploration tree: nothing shows how the work got here")
    elif len(nodes) < SMALL_TRACE:
        out["D5"] = Cap(3, f"the exploration tree has {len(nodes)} nodes: too few to show the path")
    return out


def _nodes(art: Artifact) -> list:  # type: ignore[type-arg]
    return art.trace.nodes() if art.trace else []


def _has_setup(e: object) -> bool:
    return any(not is_none(setup_field(e, k)) for k in ("model", "dataset", "hardware"))  # type: ignore[arg-type]


def _has_evidence(art: Artifact, c: Claim) -> bool:
    """The claim cites an experiment or an evidence file the artifact holds, or a trace node
    records a result for it."""
    if proof_experiments(art, c):
        return True
    texts = [c.evidence_basis or "", c.statement or "", c.verbatim.get("proof", "")]
    if any(r.files for t in texts for r in find_refs(art, t)):
        return True
    for n in _nodes(art):
        if n.result and c.id in [str(e) for e in (n.evidence or [])]:
            return True
    index = art.evidence.index
    for row in index.rows() if index else []:
        if c.id in row.get("claims", "") and art.evidence.file(row.get("file", "")):
            return True
    return False
