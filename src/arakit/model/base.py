"""The base every entity shares: typed fields, a source position, and what was not understood."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field


class SourcePos(BaseModel):
    """Where an entity was read from: a path relative to the artifact root and a 1-based line."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file


class AraModel(BaseModel):
    """Base of all entities. Equality ignores source positions, so a round trip compares equal."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    pos: SourcePos | None = Field(default=None, exclude=True, repr=False)

    def __eq__(self, other: object) -> bool:
        if type(self) is not type(other):
            return NotImplemented
        assert isinstance(other, AraModel)
        return self.model_dump() == other.model_dump()

    __hash__ = None  # type: ignore[assignment]


class MdField(AraModel):
    """A `- **Name**: value` field that the reader did not recognise; kept verbatim."""

    name: str
    value: str = ""


class Section(AraModel):
    """A Markdown section kept as it was written (heading text, level, raw body)."""

    heading: str
    level: int = 2
    body: str = ""


class FieldSpec(BaseModel):
    """How one Markdown field maps onto an attribute.

    kind: "text" (a string, may span lines), "refs" (entity IDs), "list" (comma or bullet
    separated words), "steps" (a numbered list), "nested" (a field list of its own).
    """

    model_config = ConfigDict(frozen=True)

    label: str
    attr: str
    kind: str = "text"
    aliases: tuple[str, ...] = ()


class FieldEntity(AraModel):
    """An entity written as a heading plus `- **Field**: value` bullets.

    `extra_fields` keeps unknown fields in order; `notes` keeps any other text in the
    section; `verbatim` keeps the written form of a reference or list field whose value
    carried prose beside its IDs, so that nothing the author wrote is lost.
    """

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = ()

    extra_fields: list[MdField] = Field(default_factory=list)
    notes: str = ""
    verbatim: dict[str, str] = Field(default_factory=dict)

    def field_value(self, label: str) -> Any:
        """The value of a field by its format label (case-insensitive), known or extra."""
        low = label.lower()
        for spec in self.FIELDS:
            if spec.label.lower() == low or low in (a.lower() for a in spec.aliases):
                return getattr(self, spec.attr)
        for f in self.extra_fields:
            if f.name.lower() == low:
                return f.value
        return None


def spec(label: str, attr: str, kind: str = "text", *aliases: str) -> FieldSpec:
    """Shorthand used by entity classes to declare their fields in format order."""
    return FieldSpec(label=label, attr=attr, kind=kind, aliases=aliases)
