"""level2_report.json as upstream's rigor-reviewer writes it, with arakit's keys beside.

The file arakit writes carries upstream's schema (review_version 3.1.0: `overall.tier`
Exemplary/Sound/Adequate/Weak/Unsound, `dimensions` keyed `D1_evidence_relevance`...,
findings with `finding_id`, `target_file`, `evidence_span`, `observation`, `reasoning`,
`suggestion`), so upstream tools read it; arakit's own keys ride along (each finding's
stable `code`, `line` and `entities`; the top-level `generator`, `grade`, `passed`,
`blocked_by`, `judge`, `warnings`). `read_report` reads that file, upstream's 3.1.0 and
3.0.0 (`overall.grade`) reports and arakit's earlier shape.

Another tool's report is never replaced silently: `write_report` keeps it and writes
`level2_report.arakit.json` beside it unless told to replace it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from arakit import __version__
from arakit.seal.level2.report import DIMENSIONS, L2Finding, Level2Report

REVIEW_VERSION = "3.1.0"
REPORT_FILE = "level2_report.json"
BESIDE_FILE = "level2_report.arakit.json"
GENERATOR = "arakit"
DIMENSION_KEYS: dict[str, str] = {
    d: f"{d}_{name.replace(' ', '_')}" for d, name in DIMENSIONS.items()
}
TIERS: dict[str, str] = {
    "Strong Accept": "Exemplary",
    "Accept": "Sound",
    "Weak Accept": "Adequate",
    "Weak Reject": "Weak",
    "Reject": "Unsound",
}
GRADES_BY_TIER = {tier: grade for grade, tier in TIERS.items()}


class Generator(BaseModel):
    """Which tool wrote the report, and how it judged."""

    name: str = GENERATOR
    version: str = __version__
    judge: str = "rules"
    level1_profile: str = "upstream"


class Overall(BaseModel):
    """Upstream's overall block: the tier, and the 3.0.0 grade it replaced."""

    tier: str = Field(description="Exemplary, Sound, Adequate, Weak or Unsound")
    grade: str = Field(description="the same verdict on review_version 3.0.0's scale")
    mean_score: float
    one_line_summary: str = ""
    strengths_summary: list[str] = Field(default_factory=list)
    weaknesses_summary: list[str] = Field(default_factory=list)


class DimensionEntry(BaseModel):
    """One dimension, keyed by upstream's name (D1_evidence_relevance ...)."""

    score: int = Field(ge=1, le=5)
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    judge: str = "rules"
    warning: str | None = None


class FindingEntry(BaseModel):
    """An upstream finding, plus arakit's stable rule code, line and entities."""

    finding_id: str
    dimension: str = Field(description="D1_evidence_relevance ... D6_methodological_rigor")
    severity: str
    target_file: str = ""
    target_entity: str = ""
    evidence_span: str = Field(default="", description="a verbatim quote, or empty for absences")
    observation: str
    reasoning: str = ""
    suggestion: str = ""
    code: str = Field(description="arakit's stable rule code, e.g. L2-D1-002")
    line: int | None = None
    entities: list[str] = Field(default_factory=list)


class ReportFile(BaseModel):
    """level2_report.json: upstream's keys (review_version 3.1.0) and arakit's beside them."""

    model_config = ConfigDict(extra="allow")

    artifact: str
    artifact_dir: str = ""
    review_version: str = REVIEW_VERSION
    prerequisite: str = "Level 1 passed"
    overall: Overall
    dimensions: dict[str, DimensionEntry]
    findings: list[FindingEntry] = Field(default_factory=list)
    questions_for_authors: list[str] = Field(default_factory=list)
    read_order: list[str] = Field(default_factory=list)
    generator: Generator = Field(default_factory=Generator)
    judge: str = "rules"
    grade: str = ""
    passed: bool = False
    blocked_by: list[str] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)


def to_file(report: Level2Report, root: Path | None = None) -> ReportFile:
    """The report in the file's shape (upstream keys with arakit's beside them)."""
    from arakit.seal.level2.rules import RULES

    texts: dict[str, str] = {}

    def span(f: L2Finding) -> str:
        # upstream: the span must be an exact quote of the file; omit it otherwise
        if not f.quote or root is None or not f.file:
            return ""
        if f.file not in texts:
            try:
                texts[f.file] = (root / f.file).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                texts[f.file] = ""
        return f.quote if f.quote in texts[f.file] else ""

    findings = [
        FindingEntry(
            finding_id=f.id,
            dimension=DIMENSION_KEYS.get(f.dimension, f.dimension),
            severity=f.severity,
            target_file=f.file,
            target_entity=f.entities[0] if f.entities else "",
            evidence_span=span(f),
            observation=f.message,
            reasoning=RULES[f.code].summary if f.code in RULES else "",
            suggestion=f.fix,
            code=f.code,
            line=f.line,
            entities=list(f.entities),
        )
        for f in report.findings
    ]
    dims = {
        DIMENSION_KEYS[d.dimension]: DimensionEntry(
            score=d.score,
            strengths=d.strengths,
            weaknesses=d.weaknesses,
            suggestions=d.suggestions,
            judge=d.judge,
            warning=d.warning,
        )
        for d in report.dimensions
    }
    strengths = [s for d in report.dimensions for s in d.strengths][:3]
    weaknesses = [w for d in sorted(report.dimensions, key=lambda d: d.score) for w in d.weaknesses]
    blocked = report.blocked_by
    summary = (
        f"Level 1 leaves nothing to judge: {blocked[0]}"
        if blocked
        else f"{TIERS[report.grade]} (mean {report.mean_score:.2f} over six dimensions, "
        f"judge {report.judge})"
    )
    return ReportFile(
        artifact=Path(report.artifact).name or report.artifact,
        artifact_dir=report.artifact,
        prerequisite=_prerequisite(report),
        overall=Overall(
            tier=TIERS[report.grade],
            grade=report.grade,
            mean_score=report.mean_score,
            one_line_summary=summary,
            strengths_summary=strengths,
            weaknesses_summary=weaknesses[:3],
        ),
        dimensions=dims,
        findings=findings,
        read_order=report.read_order,
        generator=Generator(judge=report.judge, level1_profile=report.level1_profile),
        judge=report.judge,
        grade=report.grade,
        passed=report.passed,
        blocked_by=blocked,
        warnings=report.warnings,
        timings_ms=report.timings_ms,
    )


def _prerequisite(report: Level2Report) -> str:
    """Upstream reviews only what passed Level 1; say honestly whether this one did."""
    if report.blocked_by:
        return f"Level 1 failed: {'; '.join(report.blocked_by)}"
    if report.level1_errors:
        return (
            f"Level 1 failed with {report.level1_errors} error(s) that leave the argument "
            f"judgeable ({report.level1_profile} profile; `ara validate` lists them)"
        )
    return f"Level 1 passed ({report.level1_profile} profile)"


class ReportSummary(BaseModel):
    """What any level2_report.json says, whoever wrote it."""

    generator: str = Field(description="arakit, or 'rigor-reviewer' for upstream's shape")
    review_version: str = ""
    tier: str = ""
    grade: str = ""
    mean_score: float | None = None
    scores: dict[str, int] = Field(default_factory=dict, description="D1..D6 → score")
    findings: int = 0

    def describe(self) -> str:
        verdict = self.tier or self.grade or "no verdict"
        version = f" {self.review_version}" if self.review_version else ""
        return f"{self.generator}{version}, {verdict}"


def read_report(path: str | Path) -> ReportSummary:
    """Read a level2_report.json in any known shape; AraError when it is not one."""
    from arakit.errors import AraError

    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as e:
        raise AraError(f"{p}: not a readable JSON report ({e})") from None
    if not isinstance(data, dict):
        raise AraError(f"{p}: a Level 2 report is a JSON object")
    return summarize(data)


def summarize(data: dict[str, Any]) -> ReportSummary:
    """A ReportSummary of a parsed report (upstream 3.1.0/3.0.0, arakit's old or new shape)."""
    raw_overall = data.get("overall")
    overall: dict[str, Any] = raw_overall if isinstance(raw_overall, dict) else {}
    dims = data.get("dimensions")
    scores: dict[str, int] = {}
    if isinstance(dims, dict):
        for key, entry in dims.items():
            if isinstance(entry, dict) and isinstance(entry.get("score"), int):
                scores[str(key)[:2]] = entry["score"]
    elif isinstance(dims, list):  # arakit before 3.1.0 compatibility
        for entry in dims:
            if isinstance(entry, dict) and isinstance(entry.get("score"), int):
                scores[str(entry.get("dimension", ""))[:2]] = entry["score"]
    tier = str(overall.get("tier") or "")
    grade = str(overall.get("grade") or data.get("grade") or GRADES_BY_TIER.get(tier, ""))
    mean = overall.get("mean_score", data.get("mean_score"))
    findings = data.get("findings")
    return ReportSummary(
        generator=_generator(data),
        review_version=str(data.get("review_version") or ""),
        tier=tier or TIERS.get(grade, ""),
        grade=grade,
        mean_score=float(mean) if isinstance(mean, int | float) else None,
        scores=scores,
        findings=len(findings) if isinstance(findings, list) else 0,
    )


def _generator(data: dict[str, Any]) -> str:
    gen = data.get("generator")
    if isinstance(gen, dict) and gen.get("name"):
        return str(gen["name"])
    if "judge" in data and isinstance(data.get("dimensions"), list):
        return GENERATOR  # arakit's shape before it carried upstream's keys
    return "rigor-reviewer" if "review_version" in data else "unknown"


def written_by_arakit(path: Path) -> bool:
    """True when the report at path was written by arakit (so it may be replaced)."""
    try:
        return read_report(path).generator == GENERATOR
    except Exception:
        return False


def write_report(
    report: Level2Report, root: Path, *, force: bool = False
) -> tuple[Path, ReportSummary | None]:
    """Write the report atomically as <root>/level2_report.json; return (path, kept).

    When that file holds another tool's report (or anything arakit did not write), it is
    kept and this report goes to level2_report.arakit.json beside it, unless `force`;
    `kept` then summarizes the report left in place.
    """
    from arakit.codec.fs import atomic_write
    from arakit.errors import AraError

    path = root / REPORT_FILE
    kept: ReportSummary | None = None
    if path.is_file() and not force and not written_by_arakit(path):
        try:
            kept = read_report(path)
        except AraError:
            kept = ReportSummary(generator="unknown")
        path = root / BESIDE_FILE
    text = to_file(report, root).model_dump_json(indent=2)
    try:
        atomic_write(path, text + "\n")
    except OSError as e:
        raise AraError(
            f"cannot write {path}: {e.strerror or e}",
            hint="make the folder writable, or use --no-write / --json",
        ) from None
    return path, kept


def report_schema() -> dict[str, Any]:
    """The JSON Schema of level2_report.json as arakit writes it."""
    return ReportFile.model_json_schema(mode="serialization")
