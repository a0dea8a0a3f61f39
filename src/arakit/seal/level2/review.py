"""review(): Seal Level 2 on one artifact, with the rules judge or a language model per dimension."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from arakit.codec import read_artifact
from arakit.model import Artifact
from arakit.seal.level2.context import Context
from arakit.seal.level2.material import Cap, caps
from arakit.seal.level2.report import (
    DIMENSIONS,
    SEVERITY_ORDER,
    DimensionId,
    DimensionScore,
    L2Finding,
    Level2Report,
    grade_for,
    score_from_findings,
)

RULES_JUDGE = "rules"
# Progressive disclosure: the order a reviewer (or an agent) reads the layers in.
READ_ORDER_PREFIXES = (
    "PAPER.md",
    "logic/problem.md",
    "logic/claims.md",
    "logic/experiments.md",
    "evidence/README.md",
    "evidence/",
    "trace/exploration_tree.yaml",
    "logic/concepts.md",
    "logic/related_work.md",
    "logic/solution/",
    "src/configs/",
    "src/environment.md",
)


def review(
    artifact_or_path: Artifact | str | Path,
    *,
    judge: str = RULES_JUDGE,
    use_cache: bool = True,
    write: bool = False,
    model_dimensions: tuple[str, ...] | None = None,
    level1_profile: str = "upstream",
    force: bool = False,
) -> Level2Report:
    """Review an artifact's argument on six dimensions and grade it (ARA-FORMAT.md, Level 2).

    `judge="rules"` (default) needs no model. Any other value is an `llm` model name: each
    dimension is asked of that model; a dimension whose answer stays invalid after one retry,
    or whose model call fails, falls back to the rules with a warning in the report. An unknown
    model raises LLMError. `write=True` also writes level2_report.json atomically at the root.
    `model_dimensions` limits the model to some dimensions (e.g. ("D2",)); the rest use rules.

    Level 1 runs first (under `level1_profile`). Its errors that leave nothing to judge —
    no readable claims (a missing, empty, unreadable or folder claims.md), no experiment and
    no evidence, a cycle in the trace — are put first in `blocked_by` and the warnings, and
    the grade is Reject whatever the dimension scores. A report written by another tool is
    never overwritten unless `force` (see `write_report`).
    """
    started = time.perf_counter()
    if isinstance(artifact_or_path, Artifact):
        art = artifact_or_path
    else:
        art = read_artifact(Path(artifact_or_path))
    read_ms = (time.perf_counter() - started) * 1000
    ctx = Context(art)
    timings: dict[str, float] = {"read": round(read_ms, 2)}
    level1_errors, blocked = level1_verdict(art, level1_profile)
    timings["level1"] = round((time.perf_counter() - started) * 1000 - read_ms, 2)
    warnings: list[str] = [f"Level 1 blocks a passing grade: {b}" for b in blocked]
    warnings += [f"{p}" for p in art.problems]

    rule_findings, rule_notes = run_rules(ctx, timings)
    dims: list[DimensionScore] = []
    findings: list[L2Finding] = []
    material = caps(art)
    if judge == RULES_JUDGE:
        for dim in DIMENSIONS:
            dims.append(rules_score(dim, rule_findings[dim], rule_notes[dim], material.get(dim)))
            findings.extend(rule_findings[dim])
    else:
        from arakit.seal.level2.model_judge import judge_dimensions

        model_dims, model_findings, model_warnings = judge_dimensions(
            ctx,
            judge,
            rule_findings,
            rule_notes,
            use_cache=use_cache,
            timings=timings,
            only=model_dimensions,
        )
        dims, findings = [capped(d, material.get(d.dimension)) for d in model_dims], model_findings
        warnings.extend(model_warnings)

    findings.sort(key=lambda f: (f.dimension, SEVERITY_ORDER[f.severity], f.file, f.line or 0))
    findings = [f.model_copy(update={"id": f"F{i:02d}"}) for i, f in enumerate(findings, 1)]
    grade, mean = grade_for([d.score for d in dims])
    if blocked:
        grade = "Reject"  # nothing to judge: the dimension scores say nothing
    elif level1_errors and grade in ("Strong Accept", "Accept"):
        # upstream reviews only what passed Level 1: a structurally broken artifact is sent
        # back first, whatever its argument scores
        grade = "Weak Accept"
        warnings.insert(
            0,
            f"Level 1 reports {level1_errors} error(s): the grade is held at Weak Accept "
            "until Level 1 passes",
        )
    timings["total"] = round((time.perf_counter() - started) * 1000, 2)
    report = Level2Report(
        artifact=art.root or (art.paper.title if art.paper and art.paper.title else "artifact"),
        judge=judge,
        grade=grade,
        mean_score=round(mean, 2),
        dimensions=dims,
        findings=findings,
        read_order=read_order(art),
        warnings=warnings,
        timings_ms=timings,
        level1_profile=level1_profile,
        level1_errors=level1_errors,
        blocked_by=blocked,
    )
    if write:
        if not art.root:
            from arakit.errors import UsageError

            raise UsageError("cannot write level2_report.json: the artifact has no folder")
        from arakit.seal.level2.upstream import write_report

        path, kept = write_report(report, Path(art.root), force=force)
        report.report_file = str(path)
        report.kept_report = kept.describe() if kept else None
    return report


# Level 1 findings that leave Level 2 nothing to judge.
BLOCKING_CODES = frozenset({"L1-COUNT-008", "L1-COUNT-010", "L1-TRACE-001"})
CLAIMS_FILE = "logic/claims.md"


def blocking_errors(art: Artifact, profile: str = "upstream") -> list[str]:
    """Level 1 errors that block a passing grade, each as `code file: message`."""
    return level1_verdict(art, profile)[1]


def level1_verdict(art: Artifact, profile: str = "upstream") -> tuple[int, list[str]]:
    """(Level 1 errors, the blocking ones as `code file: message`)."""
    from arakit.seal.level1 import validate

    report = validate(art, profile=profile)
    out = []
    for f in report.findings:
        if f.severity != "error":
            continue
        about_claims = f.file == CLAIMS_FILE and (
            f.code == "L1-LAYOUT-001" or f.code.startswith("L1-READ-")
        )
        if f.code in BLOCKING_CODES or about_claims:
            out.append(f"{f.code} {f.location}: {f.message}")
    return report.errors, out


def run_rules(
    ctx: Context, timings: dict[str, float] | None = None
) -> tuple[dict[str, list[L2Finding]], dict[str, list[str]]]:
    """Every rule check, grouped by dimension: (findings, strengths noted by the checks)."""
    from arakit.seal.level2.checks import CHECKS

    findings: dict[str, list[L2Finding]] = {d: [] for d in DIMENSIONS}
    notes: dict[str, list[str]] = {d: [] for d in DIMENSIONS}
    for dim, checks in CHECKS.items():
        t0 = time.perf_counter()
        for check in checks:
            for f in check(ctx):
                findings[f.dimension].append(f)
        notes[dim].extend(ctx.strengths.get(dim, []))
        if timings is not None:
            timings[f"rules.{dim}"] = round((time.perf_counter() - t0) * 1000, 2)
    return findings, notes


def rules_score(
    dim: str, findings: list[L2Finding], strengths: list[str], cap: Cap | None = None
) -> DimensionScore:
    """A dimension's score and reasons from the rule findings alone.

    5 means excellent, not "no problem found" (upstream's rubric): a dimension on which no
    check could confirm anything (no strength noted) scores at most 4, and one on which the
    artifact offers little to confirm at most its `cap` (seal/level2/material.py), whose
    reason is listed first among the weaknesses.
    """
    weaknesses = _unique(f"{f.message}" for f in findings if f.severity != "suggestion")
    suggestions = _unique(f.fix for f in findings if f.fix)
    d: DimensionId = dim  # type: ignore[assignment]
    score = score_from_findings(findings)
    if not strengths:
        score = min(score, 4)
    if cap is not None and cap.score < score:
        score = cap.score
        weaknesses.insert(0, f"at most {cap.score}: {cap.reason}")
    return DimensionScore(
        dimension=d,
        name=DIMENSIONS[dim],
        score=score,
        judge=RULES_JUDGE,
        strengths=strengths,
        weaknesses=weaknesses[:8]
        + ([f"… and {len(weaknesses) - 8} more"] if len(weaknesses) > 8 else []),
        suggestions=suggestions[:5],
    )


def capped(d: DimensionScore, cap: Cap | None) -> DimensionScore:
    """A model judge's dimension held to what the artifact offers it (the same caps)."""
    if cap is None or d.score <= cap.score:
        return d
    reason = f"at most {cap.score}: {cap.reason}"
    return d.model_copy(update={"score": cap.score, "weaknesses": [reason, *d.weaknesses]})


def read_order(art: Artifact) -> list[str]:
    """The artifact's files in progressive-disclosure order (only files that exist)."""
    out: list[str] = []
    for prefix in READ_ORDER_PREFIXES:
        for f in art.files:
            if f not in out and (f == prefix or (prefix.endswith("/") and f.startswith(prefix))):
                out.append(f)
    return out


def _unique(items: Any) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        seen.setdefault(i, None)
    return list(seen)


Check = Callable[[Context], Any]
