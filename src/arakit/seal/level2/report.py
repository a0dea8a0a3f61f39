"""The Level 2 report: six dimension scores, findings, the grade and who judged what.

Declared once here and exported as JSON Schema (`ara review --schema`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

Severity = Literal["critical", "major", "minor", "suggestion"]
Grade = Literal["Strong Accept", "Accept", "Weak Accept", "Weak Reject", "Reject"]
DimensionId = Literal["D1", "D2", "D3", "D4", "D5", "D6"]

DIMENSIONS: dict[str, str] = {
    "D1": "evidence relevance",
    "D2": "falsifiability",
    "D3": "scope calibration",
    "D4": "argument coherence",
    "D5": "exploration integrity",
    "D6": "methodological rigor",
}
PASSING_GRADES: tuple[str, ...] = ("Strong Accept", "Accept", "Weak Accept")
SEVERITY_ORDER: dict[str, int] = {"critical": 0, "major": 1, "minor": 2, "suggestion": 3}


class L2Finding(BaseModel):
    """One argumentative problem: which rule, where, which entities, what was quoted, the fix."""

    model_config = ConfigDict(frozen=True)

    id: str = Field(description="F01, F02, ... in report order")
    code: str = Field(description="stable rule code, e.g. L2-D1-001, or L2-MODEL for a judge")
    dimension: DimensionId
    severity: Severity
    entities: list[str] = Field(default_factory=list, description="C/E/N/H/O/G IDs involved")
    file: str = ""
    line: int | None = None
    message: str
    quote: str = Field(default="", description="the text that triggered the finding")
    fix: str = ""

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class DimensionScore(BaseModel):
    """A score 1-5 for one dimension, the judge that gave it, and its reasons."""

    dimension: DimensionId
    name: str
    score: int = Field(ge=1, le=5)
    judge: str = Field(description="'rules' or the model name that produced this dimension")
    strengths: list[str] = Field(default_factory=list)
    weaknesses: list[str] = Field(default_factory=list)
    suggestions: list[str] = Field(default_factory=list)
    warning: str | None = Field(
        default=None, description="why a model judge fell back to the rules"
    )


class Level2Report(BaseModel):
    """The result of Seal Level 2 on one artifact (written as level2_report.json)."""

    artifact: str
    ara_version: str = "1.0"
    judge: str = Field(description="the judge asked for: 'rules' or a model name")
    grade: Grade
    mean_score: float
    dimensions: list[DimensionScore]
    findings: list[L2Finding] = Field(default_factory=list)
    read_order: list[str] = Field(default_factory=list, description="files in the order read")
    warnings: list[str] = Field(default_factory=list)
    timings_ms: dict[str, float] = Field(default_factory=dict)
    level1_profile: str = Field(default="upstream", description="Level 1 profile checked first")
    level1_errors: int = Field(default=0, description="Level 1 errors under that profile")
    blocked_by: list[str] = Field(
        default_factory=list,
        description="Level 1 errors that leave nothing to judge; any one blocks a pass",
    )
    report_file: str | None = Field(default=None, exclude=True)  # where it was written
    kept_report: str | None = Field(default=None, exclude=True)  # another tool's, left alone

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        """Level 2 passes at Weak Accept or better, and only when Level 1 left something to
        judge (claims, experiments or evidence, an acyclic trace)."""
        return self.grade in PASSING_GRADES and not self.blocked_by

    def dimension(self, dim: str) -> DimensionScore:
        """The score of one dimension (D1..D6)."""
        for d in self.dimensions:
            if d.dimension == dim:
                return d
        raise KeyError(dim)

    def counts(self) -> dict[str, int]:
        """Number of findings per severity."""
        out = dict.fromkeys(SEVERITY_ORDER, 0)
        for f in self.findings:
            out[f.severity] += 1
        return out


def grade_for(scores: list[int]) -> tuple[Grade, float]:
    """The overall grade and mean for six dimension scores (ARA-FORMAT.md, Seal Level 2)."""
    mean = sum(scores) / len(scores)
    low = min(scores)
    if mean < 2.0 or low == 1:
        return "Reject", mean
    if mean >= 4.5 and low >= 3:
        return "Strong Accept", mean
    if mean >= 3.8 and low >= 2:
        return "Accept", mean
    if mean >= 3.0 and low >= 2:
        return "Weak Accept", mean
    return "Weak Reject", mean


def score_from_findings(findings: list[L2Finding]) -> int:
    """A rules score: 5, minus 2 per critical, 1 per major, up to 1 for minor findings.

    The same rule broken again costs half: five claims without repeated runs are one
    systemic weakness of the method, not five independent flaws.
    """
    seen: set[str] = set()
    penalty = 0.0
    for f in sorted(findings, key=lambda f: SEVERITY_ORDER[f.severity]):
        weight = {"critical": 2.0, "major": 1.0}.get(f.severity, 0.0)
        penalty += weight if f.code not in seen else weight / 2
        if weight:
            seen.add(f.code)
    minor = sum(f.severity == "minor" for f in findings)
    penalty += min(1.0, minor / 3)
    return max(1, min(5, round(5 - penalty + 1e-9)))
