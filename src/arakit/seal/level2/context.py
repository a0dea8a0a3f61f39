"""What every Level 2 check shares: the artifact, raw file lines, and a finding builder."""

from __future__ import annotations

from pathlib import Path
from collections.abc import Callable
from typing import Any, TypeVar

from arakit.model import Artifact
from arakit.seal.level2.report import DimensionId, L2Finding, Severity
from arakit.seal.level2.rules import RULES

T = TypeVar("T")


class Context:
    """One review's view of an artifact; checks call `find(...)` to report."""

    def __init__(self, art: Artifact) -> None:
        self.art = art
        self._lines: dict[str, list[str]] = {}
        self.strengths: dict[str, list[str]] = {}
        self._memo: dict[Any, Any] = {}

    def memo(self, key: Any, make: Callable[[], T]) -> T:
        """A value computed once per review (labels of a table, numbers of a file, ...)."""
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]  # type: ignore[no-any-return]

    def strength(self, dim: str, text: str) -> None:
        """Note something a dimension does well (shown in the report's strengths)."""
        self.strengths.setdefault(dim, []).append(text)

    def lines(self, rel: str) -> list[str]:
        """The raw lines of a file of the artifact ([] when it cannot be read)."""
        if rel not in self._lines:
            text = ""
            if self.art.root:
                try:
                    text = (Path(self.art.root) / rel).read_text(encoding="utf-8")
                except (OSError, UnicodeDecodeError):
                    text = ""
            self._lines[rel] = text.splitlines()
        return self._lines[rel]

    def locate(self, pos: Any, needle: str = "", anchor: str = "") -> tuple[str, int | None]:
        """(file, line) of `needle` at or after an entity's position (and after the line holding
        `anchor`, e.g. the start of the field quoted), else the entity's own line."""
        if pos is None:
            return "", None
        line = pos.line
        if not line:
            return pos.file, line
        lines = self.lines(pos.file)
        start = line
        probe = (anchor.strip().splitlines() or [""])[0][:40]
        if probe:
            for i, text in enumerate(lines[line - 1 :], start=line):
                if probe in text:
                    start = i
                    break
        probe = needle.strip()[:40]
        if probe:
            for i, text in enumerate(lines[start - 1 :], start=start):
                if probe in text:
                    return pos.file, i
        return pos.file, start

    def find(
        self,
        code: str,
        message: str,
        *,
        entities: list[str] | None = None,
        pos: Any = None,
        quote: str = "",
        needle: str = "",
        anchor: str = "",
        severity: Severity | None = None,
        fix: str | None = None,
    ) -> L2Finding:
        """A finding for rule `code`, located at the line where `needle` (or `quote`) appears."""
        rule = RULES[code]
        file, line = self.locate(pos, needle or quote, anchor)
        dim: DimensionId = rule.dimension  # type: ignore[assignment]
        return L2Finding(
            id="",
            code=code,
            dimension=dim,
            severity=severity or rule.severity,  # type: ignore[arg-type]
            entities=entities or [],
            file=file,
            line=line,
            message=message,
            quote=_clip(quote),
            fix=rule.fix if fix is None else fix,
        )


def _clip(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
