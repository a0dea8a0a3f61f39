"""A defined term (`## Term` in logic/concepts.md)."""

from __future__ import annotations

from typing import ClassVar

from arakit.model.base import FieldEntity, FieldSpec, spec


class Concept(FieldEntity):
    """A term the artifact defines, with its notation and where the definition stops."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Notation", "notation"),
        spec("Definition", "definition"),
        spec("Boundary conditions", "boundary_conditions", "text", "Boundary condition"),
        spec("Related concepts", "related_concepts", "text", "Related"),
    )

    term: str
    notation: str | None = None
    definition: str | None = None
    boundary_conditions: str | None = None
    related_concepts: str | None = None
