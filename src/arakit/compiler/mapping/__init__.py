"""Stage 2, cognitive mapping: logic/ from the document model, by rules (or a model)."""

from __future__ import annotations

from arakit.compiler.mapping.claims import map_claims, unlisted_note
from arakit.compiler.mapping.concepts import map_concepts
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.mapping.experiments import Planned, map_experiments
from arakit.compiler.mapping.problem import map_problem
from arakit.compiler.mapping.related import map_related
from arakit.compiler.mapping.solution import map_heuristics, solution_docs
from arakit.model import Artifact, EvidenceFile, KeyInsight, MarkdownDoc, Problem
from arakit.model.artifact import DocMeta

__all__ = ["Planned", "map_logic"]


def map_logic(
    art: Artifact,
    ctx: PaperContext | None,
    tables: dict[str, EvidenceFile],
    code: dict[str, str],
    *,
    model: str | None = None,
    warnings: list[str] | None = None,
) -> list[Planned]:
    """Fill art's logic layer; returns the experiments with the paper objects behind them.

    With `model`, a language model drafts claims, concepts and the problem (validated against
    a schema); any failure falls back to the rules and adds a warning.
    """
    if ctx is None:
        art.problem = Problem(
            key_insight=KeyInsight(insight="Not specified in the provided sources")
        )
        art.claims, art.experiments, art.concepts, art.related_work, art.heuristics = (
            [],
            [],
            [],
            [],
            [],
        )
        art.solution_docs = [
            MarkdownDoc(
                path=f"logic/solution/{n}.md",
                title=n.capitalize(),
                text="Not specified in the provided sources.",
            )
            for n in ("architecture", "algorithm", "constraints")
        ]
        return []
    planned = map_experiments(ctx, {label: ev.path for label, ev in tables.items()})
    art.experiments = [p.experiment for p in planned]
    art.claims = map_claims(ctx, planned)
    note = unlisted_note(ctx)
    if note and art.claims:
        art.doc_meta["logic/claims.md"] = DocMeta(title="Claims", preamble=note)
    art.concepts = map_concepts(ctx)
    art.problem = map_problem(ctx)
    art.related_work = map_related(ctx)
    art.heuristics = map_heuristics(ctx, code)
    art.solution_docs = solution_docs(ctx)
    if model:
        from arakit.compiler.modelmap import refine_with_model

        refine_with_model(art, ctx, model, warnings if warnings is not None else [])
    return planned
