"""Findings and reports: the one JSON shape every check and every output format uses."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning"]


class Finding(BaseModel):
    """One problem: a stable code, where it is, what is wrong, and how to fix it."""

    model_config = ConfigDict(frozen=True)

    code: str
    severity: Severity
    file: str
    line: int | None = None
    message: str
    hint: str = ""
    entity: str | None = Field(default=None, description="the ID the finding is about, if any")
    doc: str = Field(default="", description="docs/format.md#anchor explaining the rule")

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class Level1Report(BaseModel):
    """The result of Seal Level 1 on one artifact."""

    artifact: str
    profile: str = "upstream"
    live: bool = False
    findings: list[Finding] = Field(default_factory=list)
    duration_ms: float = 0.0

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)

    @property
    def passed(self) -> bool:
        return self.errors == 0

    def summary(self) -> dict[str, object]:
        """Counts for tables and JSON."""
        return {
            "artifact": self.artifact,
            "profile": self.profile,
            "passed": self.passed,
            "errors": self.errors,
            "warnings": self.warnings,
            "duration_ms": round(self.duration_ms, 2),
        }
