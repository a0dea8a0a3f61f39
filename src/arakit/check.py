"""`ara check`: the lint entry point — Seal Level 1 under a profile plus the format lint
(codec/lint.py), with `fix=True` applying every automatic fix first.

Exit codes follow ara-cli's `check`: 0 clean; 1 errors, or fixable findings left unfixed (or
warnings with `strict`); 2 the input could not be checked (no such folder, not an artifact).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.codec.lint import FixReport, LintIssue, fix_artifact, lint
from arakit.seal.findings import Finding, Level1Report


@dataclass
class CheckResult:
    """Level 1 and format-lint findings of one artifact, and what `--fix` did."""

    report: Level1Report
    fixable: set[int] = field(default_factory=set)  # indexes into report.findings
    fixes: FixReport | None = None

    def exit_code(self, strict: bool = False) -> int:
        if self.report.errors or self.fixable:
            return 1
        return 1 if strict and self.report.warnings else 0

    def to_json(self) -> dict[str, Any]:
        return {
            **self.report.summary(),
            "fixable": len(self.fixable),
            "findings": [
                {**f.model_dump(), "fixable": k in self.fixable}
                for k, f in enumerate(self.report.findings)
            ],
            "fixed": [_issue_json(i) for i in (self.fixes.applied if self.fixes else [])],
            "skipped": [
                {**_issue_json(i), "reason": why}
                for i, why in (self.fixes.skipped if self.fixes else [])
            ],
        }


def _issue_json(i: LintIssue) -> dict[str, Any]:
    return {"code": i.code, "file": i.file, "line": i.line, "message": i.message}


def check_artifact(
    path: str | Path, *, profile: str = "upstream", fix: bool = False
) -> CheckResult:
    """Check an artifact (after fixing what can be fixed, with `fix`)."""
    from arakit.codec import read_artifact
    from arakit.seal.level1 import validate
    from arakit.seal.rules import RULES

    root = Path(path)
    read_artifact(root)  # a missing or empty folder is a NotAnArtifactError (exit 2)
    fixes = fix_artifact(root) if fix else None
    report = validate(root, profile)
    issues = lint(root)
    findings = list(report.findings)
    fixable: set[int] = set()
    for issue in issues:
        rule = RULES.get(issue.code)
        if issue.fixable:
            fixable.add(len(findings))
        findings.append(
            Finding(
                code=issue.code,
                severity=issue.severity,  # type: ignore[arg-type]
                file=issue.file,
                line=issue.line,
                message=issue.message,
                hint=issue.hint,
                doc=rule.anchor() if rule else "",
            )
        )
    report = report.model_copy(update={"findings": findings})
    return CheckResult(report=report, fixable=fixable, fixes=fixes)
