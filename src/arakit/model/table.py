"""A Markdown table: header cells and rows of exact cell text."""

from __future__ import annotations

import re

from pydantic import Field

from arakit.model.base import AraModel


_LINK_RE = re.compile(r"^\[[^\]]*\]\(([^)\s]+)[^)]*\)$")


def cell_path(cell: str) -> str:
    """The path a table cell names: plain, in backticks, or as a Markdown link `[x](path)`."""
    text = cell.strip()
    m = _LINK_RE.match(text)
    if m:
        text = m.group(1)
    return text.strip("`").strip().removeprefix("./")


class Table(AraModel):
    """Exact cell text, never converted to numbers (evidence must stay as written)."""

    header: list[str] = Field(default_factory=list)
    align: list[str] = Field(default_factory=list)
    rows: list[list[str]] = Field(default_factory=list)

    def column(self, name: str) -> int | None:
        """Index of the column whose header matches `name` (case- and space-insensitive)."""
        want = " ".join(name.lower().split())
        for i, h in enumerate(self.header):
            if " ".join(h.lower().split()) == want:
                return i
        return None

    def row(self, first_cell: str) -> list[str] | None:
        """The row whose first cell matches (case- and space-insensitive)."""
        want = " ".join(first_cell.lower().split())
        for r in self.rows:
            if r and " ".join(r[0].lower().split()) == want:
                return r
        return None

    def cell(self, row: str, column: str) -> str | None:
        """The cell at (row by first-column text, column by header text), or None."""
        r, c = self.row(row), self.column(column)
        if r is None or c is None or c >= len(r):
            return None
        return r[c]
