"""Seal Level 1: structural review in milliseconds (layout, fields, counts, references, DAG)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

from arakit.errors import ArtifactError
from arakit.model.artifact import Artifact
from arakit.seal.findings import Finding, Level1Report
from arakit.seal.profile import DEFAULT_PROFILE, check_profile, is_live, severity
from arakit.seal.rules import RULES


class Checker:
    """Collects findings for one artifact; checks call `report` with a code from RULES.

    `profile` is "upstream" or "strict" (seal/profile.py); `live` says whether the artifact
    was recorded live. `upstream` and `strict` are shorthands checks branch on.
    """

    def __init__(self, art: Artifact, profile: str = DEFAULT_PROFILE) -> None:
        self.art = art
        self.root = Path(art.root) if art.root else None
        self.files = set(art.files)
        self.findings: list[Finding] = []
        self.profile = check_profile(profile)
        self.live = is_live(art)
        self.upstream = self.profile == "upstream"
        self.strict = self.profile == "strict"

    def report(
        self,
        code: str,
        file: str,
        line: int | None,
        message: str,
        hint: str | None = None,
        *,
        entity: str | None = None,
        level: str | None = None,
    ) -> None:
        """Record a finding; `level` overrides the rule's severity for this profile
        ("error", "warning" or "off")."""
        rule = RULES[code]
        sev = level or severity(rule, self.profile, self.live)
        if sev == "off":
            return
        self.findings.append(
            Finding(
                code=code,
                severity=sev,  # type: ignore[arg-type]
                file=file,
                line=line,
                message=message,
                hint=hint or rule.hint,
                entity=entity,
                doc=rule.anchor(),
            )
        )

    def exists(self, rel: str) -> bool:
        """True when the artifact holds this file (or a folder of files) at this relative path."""
        rel = rel.strip().removeprefix("./").rstrip("/")
        if rel in self.files:
            return True
        prefix = rel + "/"
        return any(f.startswith(prefix) for f in self.files)


CheckFn = Callable[[Checker], None]


def _checks() -> Iterable[CheckFn]:
    from arakit.seal.checks import evidence, layout, logic, trace

    return (*layout.CHECKS, *logic.CHECKS, *trace.CHECKS, *evidence.CHECKS)


def validate(target: Artifact | str | Path, profile: str = DEFAULT_PROFILE) -> Level1Report:
    """Run every Level 1 check under a profile ("upstream", the default, or "strict"; see
    seal/profile.py). Accepts a model or a path (read tolerantly first).

    Files that could not be read are reported as L1-READ findings; the checks still run on
    everything else, so one broken file does not hide the other problems.
    """
    start = time.perf_counter()
    if isinstance(target, Artifact):
        art = target
    else:
        from arakit.codec import read_artifact

        art = read_artifact(target)
    chk = Checker(art, profile)
    for problem in art.problems:
        if isinstance(problem, ArtifactError):
            chk.report(problem.code, problem.file, problem.line, problem.message, problem.hint)
    for check in _checks():
        check(chk)
    findings = sorted(chk.findings, key=lambda f: (f.file, f.line or 0, f.code))
    return Level1Report(
        artifact=str(art.root or "<memory>"),
        profile=chk.profile,
        live=chk.live,
        findings=findings,
        duration_ms=(time.perf_counter() - start) * 1000,
    )
