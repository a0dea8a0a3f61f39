"""A table as found on the page, before it is tied to its caption."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class RawTable:
    """A ruled table found on a page: its box and the exact cell text, row by row."""

    page: int
    bbox: tuple[float, float, float, float]
    cells: list[list[str]]
