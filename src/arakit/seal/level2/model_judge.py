"""The model judge: one `llm` call per dimension, schema-checked, falling back to the rules.

Each dimension's prompt holds the slices of the artifact that dimension is about and what the
rule checks found there. The answer must match DimensionVerdict; an answer that stays invalid
after one retry, or a failed call, leaves that dimension to the rules with a warning.
"""

from __future__ import annotations

import re
import time
from typing import Literal

from pydantic import BaseModel, Field

from arakit.llm import Answer, LLMError, ask_json_detailed, get_model
from arakit.seal.level2.context import Context
from arakit.seal.level2.report import DIMENSIONS, DimensionScore, L2Finding
from arakit.seal.level2.review import rules_score
from arakit.seal.level2.slices import dimension_slice

SLICE_SIZES = (3500, 300)  # characters of artifact per question; the second fits 512-token models
TOO_LONG = re.compile(r"context|exceed|too long|too many tokens|maximum", re.IGNORECASE)
SYSTEM = (
    "You review research artifacts. You judge one dimension of the argument at a time, "
    "score it from 1 (fatally flawed) to 5 (exemplary), and answer in JSON only."
)
QUESTIONS: dict[str, str] = {
    "D1": "Evidence relevance: does the cited evidence (experiments, tables) directly support "
    "each claim, with the numbers quoted correctly?",
    "D2": "Falsifiability: can each claim be refuted? Are the falsification criteria concrete, "
    "measurable, with thresholds, and about the same scope as the statement?",
    "D3": "Scope calibration: is each claim no broader than its evidence? Is hedging matched to "
    "evidence strength? Are assumptions stated?",
    "D4": "Argument coherence: do the claims address the gaps, follow from the key insight, and "
    "agree with the exploration record?",
    "D5": "Exploration integrity: are dead ends and decisions recorded concretely (quantities, "
    "conditions, mechanisms, real alternatives)?",
    "D6": "Methodological rigor: baselines, seeds and variance, metrics that measure the claim, "
    "complete setups (model, dataset, hardware, hyperparameters)?",
}


class ModelFinding(BaseModel):
    """A problem the model raises."""

    severity: Literal["critical", "major", "minor", "suggestion"] = "minor"
    entities: list[str] = Field(default_factory=list)
    message: str
    quote: str = ""
    fix: str = ""


class DimensionVerdict(BaseModel):
    """The answer asked of the model for one dimension."""

    score: int = Field(ge=1, le=5)
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    findings: list[ModelFinding] = Field(default_factory=list)


def judge_dimensions(
    ctx: Context,
    model: str,
    rule_findings: dict[str, list[L2Finding]],
    rule_notes: dict[str, list[str]],
    *,
    use_cache: bool = True,
    timings: dict[str, float] | None = None,
    only: tuple[str, ...] | None = None,
) -> tuple[list[DimensionScore], list[L2Finding], list[str]]:
    """Score each dimension with `model`; (scores, findings, warnings). Unknown model: LLMError."""
    get_model(model)  # an unknown model is the caller's mistake, not a reason to fall back
    dims: list[DimensionScore] = []
    findings: list[L2Finding] = []
    warnings: list[str] = []
    for dim, name in DIMENSIONS.items():
        findings.extend(rule_findings[dim])  # rule findings are facts; keep them either way
        if only is not None and dim not in only:
            dims.append(rules_score(dim, rule_findings[dim], rule_notes[dim]))
            continue
        t0 = time.perf_counter()
        try:
            answer = _ask(ctx, model, dim, rule_findings[dim], use_cache)
        except LLMError as e:
            msg = f"{dim} {name}: {e.message}; scored by the rules instead"
            warnings.append(msg)
            fallback = rules_score(dim, rule_findings[dim], rule_notes[dim])
            dims.append(fallback.model_copy(update={"warning": msg}))
        else:
            v = answer.value
            dims.append(
                DimensionScore(
                    dimension=dim,  # type: ignore[arg-type]
                    name=name,
                    score=v.score,
                    judge=model,
                    strengths=v.strengths,
                    weaknesses=v.weaknesses,
                    suggestions=v.suggestions,
                )
            )
            findings.extend(_model_findings(dim, v.findings))
            if answer.attempts == 2:
                warnings.append(f"{dim} {name}: {model}'s first answer was invalid; retried once")
        if timings is not None:
            timings[f"model.{dim}"] = round((time.perf_counter() - t0) * 1000, 2)
    return dims, findings, warnings


def _ask(
    ctx: Context, model: str, dim: str, rule_findings: list[L2Finding], use_cache: bool
) -> Answer[DimensionVerdict]:
    """Ask with a full slice; if the model's context window is too small, once more, shorter."""
    for size in SLICE_SIZES:
        try:
            return ask_json_detailed(
                model,
                build_prompt(ctx, dim, rule_findings, size),
                DimensionVerdict,
                system=SYSTEM,
                use_cache=use_cache,
            )
        except LLMError as e:
            if size == SLICE_SIZES[-1] or not TOO_LONG.search(e.message):
                raise
    raise AssertionError("unreachable")


def build_prompt(
    ctx: Context, dim: str, rule_findings: list[L2Finding], size: int = SLICE_SIZES[0]
) -> str:
    """The question for one dimension: what to judge, the artifact slice, the rule results."""
    checks = "\n".join(f"- [{f.severity}] {f.message}" for f in rule_findings[:5]) or "- none"
    return (
        f"Judge this research artifact on {dim}, {QUESTIONS[dim]}\n\n"
        f"ARTIFACT EXCERPT\n{dimension_slice(ctx.art, dim, size)}\n\n"
        f"AUTOMATIC CHECKS FOUND\n{checks}\n\n"
        "Give a score 1-5, short strengths, weaknesses and suggestions, and findings for "
        "concrete problems (entity IDs such as C01 or N05, the quoted text, a fix)."
    )


def _model_findings(dim: str, items: list[ModelFinding]) -> list[L2Finding]:
    return [
        L2Finding(
            id="",
            code="L2-MODEL",
            dimension=dim,  # type: ignore[arg-type]
            severity=f.severity,
            entities=f.entities,
            message=f.message,
            quote=f.quote,
            fix=f.fix,
        )
        for f in items
    ]
