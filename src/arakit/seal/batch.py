"""Level 1 over many artifacts: expand folders of artifacts, validate each, summarise."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit import __version__
from arakit.errors import AraError, NotAnArtifactError
from arakit.seal.findings import Level1Report

PROGRESS_AFTER_S = 1.0


@dataclass
class BatchResult:
    """Reports for the artifacts that could be read, and the paths that could not."""

    reports: list[Level1Report] = field(default_factory=list)
    unreadable: list[tuple[str, AraError]] = field(default_factory=list)

    def exit_code(self, warnings_as_errors: bool = False) -> int:
        """2 when any input was unreadable, 1 when any artifact has errors, else 0."""
        if self.unreadable:
            return 2
        if any(not r.passed or (warnings_as_errors and r.warnings) for r in self.reports):
            return 1
        return 0

    def to_json(self) -> dict[str, Any]:
        return {
            "tool": {
                "name": "arakit",
                "version": __version__,
                "level": 1,
                "profile": self.reports[0].profile if self.reports else None,
            },
            "artifacts": [
                {**r.summary(), "findings": [f.model_dump() for f in r.findings]}
                for r in self.reports
            ],
            "unreadable": [
                {"path": p, "error": str(e), "hint": e.hint} for p, e in self.unreadable
            ],
            "summary": {
                "artifacts": len(self.reports) + len(self.unreadable),
                "passed": sum(r.passed for r in self.reports),
                "errors": sum(r.errors for r in self.reports),
                "warnings": sum(r.warnings for r in self.reports),
            },
        }


def expand(paths: list[str]) -> list[str]:
    """Artifacts named by the paths: an artifact folder itself, or every artifact below a folder."""
    out: list[str] = []
    for p in paths:
        root = Path(p)
        if root.is_dir() and not (root / "PAPER.md").exists():
            found = sorted(str(d.parent) for d in root.glob("*/PAPER.md"))
            found += sorted(str(d.parent) for d in root.glob("*/*/PAPER.md"))
            if found:
                out.extend(found)
                continue
        out.append(p)
    return out


def validate_many(
    paths: list[str],
    progress: Callable[[int], Any] | None = None,
    profile: str = "upstream",
) -> BatchResult:
    """Validate every artifact under a profile (seal/profile.py); a progress bar appears only
    if the work takes over a second."""
    from arakit.seal.level1 import validate

    targets = expand(paths)
    result = BatchResult()
    start = time.perf_counter()
    bar = task = None
    try:
        for k, path in enumerate(targets):
            if (
                bar is None
                and progress is not None
                and time.perf_counter() - start > PROGRESS_AFTER_S
                and k < len(targets) - 1
            ):
                bar = progress(len(targets))
                bar.start()
                task = bar.add_task("validate", total=len(targets), completed=k)
            try:
                result.reports.append(validate(path, profile=profile))
            except NotAnArtifactError as e:
                result.unreadable.append((path, e))
            except AraError as e:  # a limit hit while listing the folder
                result.unreadable.append((path, e))
            if bar is not None:
                bar.update(task, advance=1)
    finally:
        if bar is not None:
            bar.stop()
    return result
