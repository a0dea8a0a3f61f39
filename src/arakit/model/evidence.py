"""evidence/: the index (README.md) and the exact tables and figure readings."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from arakit.model.base import AraModel, MdField
from arakit.model.table import Table


class EvidenceFile(AraModel):
    """One evidence file: its `**Field**: value` header lines, tables and any other text."""

    META: ClassVar[tuple[tuple[str, str], ...]] = (
        ("Source", "source"),
        ("Caption", "caption"),
        ("Extraction type", "extraction_type"),
        ("Derived from", "derived_from"),
        ("Axes", "axes"),
    )

    path: str  # relative to the artifact root, e.g. evidence/tables/table2_x.md
    title: str = ""
    source: str | None = None
    caption: str | None = None
    extraction_type: str | None = None
    derived_from: str | None = None
    axes: str | None = None
    extra_fields: list[MdField] = Field(default_factory=list)
    tables: list[Table] = Field(default_factory=list)
    notes: str = ""
    # the text after the header lines, as written, when tables and prose interleave (a table
    # under its own heading): the canonical writer keeps that order instead of tables first
    body: str | None = None
    front_matter: str | None = None  # a YAML block above the text, kept as written

    @property
    def name(self) -> str:
        """Path relative to evidence/ (how reproduce.yaml and the index name it)."""
        return self.path.removeprefix("evidence/")


class EvidenceIndex(AraModel):
    """evidence/README.md: a title, text, and the table of files with their sources and claims."""

    title: str = "Evidence"
    preamble: str = ""
    table: Table | None = None
    notes: str = ""
    front_matter: str | None = None  # a YAML block above the text, kept as written

    def rows(self) -> list[dict[str, str]]:
        """Each row as {lower-case header: cell}."""
        if not self.table:
            return []
        keys = [h.strip().lower() for h in self.table.header]
        return [dict(zip(keys, (c.strip() for c in row), strict=False)) for row in self.table.rows]


class Evidence(AraModel):
    """The evidence layer: its index and its files."""

    index: EvidenceIndex | None = None
    files: list[EvidenceFile] = Field(default_factory=list)

    def file(self, name: str) -> EvidenceFile | None:
        """An evidence file by its path relative to evidence/ or to the root."""
        name = name.strip().removeprefix("./")
        for f in self.files:
            if name in (f.path, f.name):
                return f
        return None
