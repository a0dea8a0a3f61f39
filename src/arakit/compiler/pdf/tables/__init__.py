"""Tables on a PDF page: found by one method per module, returned as RawTable."""

from __future__ import annotations

from typing import Any

from arakit.compiler.pdf.tables.raw import RawTable
from arakit.compiler.pdf.tables.ruled import ruled_tables

__all__ = ["RawTable", "page_tables"]


def page_tables(page: Any, pno: int) -> list[RawTable]:
    """The tables of one page (a page that never says "Table" has none)."""
    if "Table" not in page.get_text("text"):
        return []
    return ruled_tables(page, pno)
