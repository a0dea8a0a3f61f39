"""PAPER.md: the root manifest (front matter, overview, Layer Index)."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from arakit.model.base import AraModel, Section
from arakit.model.table import Table, cell_path

FRONT_MATTER_KEYS = (
    "title",
    "authors",
    "year",
    "venue",
    "doi",
    "ara_version",
    "domain",
    "keywords",
    "claims_summary",
    "abstract",
    "forked_from",
    "created_with",
)
REQUIRED_FRONT_MATTER = (
    "title",
    "authors",
    "year",
    "ara_version",
    "domain",
    "keywords",
    "claims_summary",
    "abstract",
)


class LayerTable(AraModel):
    """One layer's table in the Layer Index (`### logic` + a table of files)."""

    name: str
    table: Table

    def files(self) -> list[str]:
        """The file paths the table lists (first column, backticks stripped)."""
        return [cell_path(row[0]) for row in self.table.rows if row and row[0].strip()]


class Paper(AraModel):
    """The manifest an agent reads first: about 200 tokens that say what this is."""

    title: str | None = None
    authors: list[str] | None = None
    year: int | str | None = None
    venue: str | None = None
    doi: str | None = None
    ara_version: str | None = None
    domain: str | None = None
    keywords: list[str] | None = None
    claims_summary: list[str] | None = None
    abstract: str | None = None
    forked_from: Any = None
    created_with: Any = None
    extra: dict[str, Any] = Field(default_factory=dict)
    heading: str = ""
    overview: str | None = None
    layer_index: list[LayerTable] | None = None
    layer_index_notes: str = ""
    preamble: str = ""
    extra_sections: list[Section] = Field(default_factory=list)

    def indexed_files(self) -> list[str]:
        """Every file listed in the Layer Index."""
        return [f for lt in self.layer_index or [] for f in lt.files()]
