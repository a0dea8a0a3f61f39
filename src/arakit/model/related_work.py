"""A typed citation (`## RW01: Author et al., Year` in logic/related_work.md)."""

from __future__ import annotations

from typing import ClassVar

from arakit.model.base import FieldEntity, FieldSpec, spec

RELATION_TYPES = ("imports", "bounds", "baseline", "extends", "refutes")


class RelatedWork(FieldEntity):
    """Prior work, how this artifact relates to it, and which claims that touches."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("DOI", "doi", "text", "arXiv", "URL"),
        spec("Type", "type", "text", "Relation"),
        spec("Delta", "delta"),
        spec("Claims affected", "claims_affected", "refs", "Affects claims"),
        spec("Adopted elements", "adopted_elements", "text", "Adopted"),
    )

    id: str
    title: str = ""
    doi: str | None = None
    type: str | None = None
    delta: str | None = None
    claims_affected: list[str] | None = None
    adopted_elements: str | None = None
