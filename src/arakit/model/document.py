"""A Markdown file kept as prose (architecture, algorithm, constraints, environment)."""

from __future__ import annotations

import re

from arakit.model.base import AraModel

_FIELD_RE = re.compile(r"^\s*[-*+]\s+\*\*(.+?):?\*\*\s*:?\s*(.*)$")


class MarkdownDoc(AraModel):
    """A prose file: its path, its `#` title and its text after the title, unchanged."""

    path: str
    title: str = ""
    text: str = ""
    front_matter: str | None = None  # a YAML block above the text, kept as written

    def fields(self) -> dict[str, str]:
        """Every `- **Name**: value` bullet in the text, by lower-case name (a read-only view)."""
        out: dict[str, str] = {}
        for line in self.text.splitlines():
            m = _FIELD_RE.match(line)
            if m:
                out.setdefault(m.group(1).strip().lower(), m.group(2).strip())
        return out
