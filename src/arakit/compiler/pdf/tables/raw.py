"""A table as found on the page, tied to its "Table N" caption."""

from __future__ import annotations

from dataclasses import dataclass, field

from arakit.compiler.pdf.document import TableCheck


@dataclass
class RawTable:
    """A table found on a page: its caption's number and text, box, header rows (several
    when the header has levels), body rows of cell text, and its self-check (None when the
    region could not be read)."""

    page: int
    bbox: tuple[float, float, float, float]
    number: str = ""
    caption: str = ""
    header: list[list[str]] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    check: TableCheck | None = None
    failure: str = ""  # why no cells were read

    @property
    def cells(self) -> list[list[str]]:
        """Header rows then body rows."""
        return [*self.header, *self.rows]
