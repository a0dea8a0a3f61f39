"""What every Level 2 check shares: the artifact, raw file lines, and a finding builder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from arakit.model import Artifact
from arakit.seal.level2.report import DimensionId, L2Finding, Severity
from arakit.seal.level2.rules import RULES


class Context:
    """One review's view of an artifact; checks call `find(...)` to report."""

    def __init__(self, art: Artifact) -> None:
        self.art = art
        self._lines: dict[str, list[str]] = {}
        self.strengths: dict[str, list[str]] = {}

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

    def locate(self, pos: Any, needle: str = "") -> tuple[str, int | None]:
        """(file, line) of `needle` at or after an entity's position, else the entity's line."""
        if pos is None:
            return "", None
        line = pos.line
        if needle and line:
            probe = needle.strip()[:40]
            for i, text in enumerate(self.lines(pos.file)[line - 1 :], start=line):
                if probe and probe in text:
                    return pos.file, i
        return pos.file, line

    def find(
        self,
        code: str,
        message: str,
        *,
        entities: list[str] | None = None,
        pos: Any = None,
        quote: str = "",
        needle: str = "",
        severity: Severity | None = None,
        fix: str | None = None,
    ) -> L2Finding:
        """A finding for rule `code`, located at the line where `needle` (or `quote`) appears."""
        rule = RULES[code]
        file, line = self.locate(pos, needle or quote)
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
