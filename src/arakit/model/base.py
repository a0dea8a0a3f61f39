"""The base every entity shares: typed fields, a source position, and what was not understood."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, Self

from pydantic import BaseModel, ConfigDict, Field

# Per class: (field name, default, default factory), computed once.
_DEFAULTS: dict[type, list[tuple[str, Any, Callable[[], Any] | None]]] = {}


def build(cls: type[BaseModel], values: dict[str, Any]) -> Any:
    """An instance from values that are already of the declared types, without validation.

    The codec's readers produce typed values themselves; validating them again, or letting
    pydantic resolve every default through `model_construct`, would double the cost of
    reading an artifact.
    """
    spec = _DEFAULTS.get(cls)
    if spec is None:
        spec = _DEFAULTS[cls] = [
            (name, f.default, f.default_factory)  # type: ignore[misc]
            for name, f in cls.model_fields.items()
        ]
    data = {}
    for name, default, factory in spec:
        if name in values:
            data[name] = values[name]
        elif factory is not None:
            data[name] = factory()
        else:
            data[name] = default
    return cls.model_construct(_fields_set=set(values), **data)


class SourcePos(BaseModel):
    """Where an entity was read from: a path relative to the artifact root and a 1-based line."""

    model_config = ConfigDict(frozen=True)

    file: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    @classmethod
    def build(cls, file: str, line: int | None = None) -> SourcePos:
        """A position without validation (readers call this for every entity)."""
        return cls.model_construct(_fields_set={"file", "line"}, file=file, line=line)


class AraModel(BaseModel):
    """Base of all entities. Equality ignores source positions, so a round trip compares equal."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    pos: SourcePos | None = Field(default=None, exclude=True, repr=False)

    @classmethod
    def build(cls, **values: Any) -> Self:
        """Construct from already-typed values, skipping validation (see `build`)."""
        return build(cls, values)  # type: ignore[no-any-return]

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
    qualifier: str = ""  # written after the name: `**Taste** (optional):` → "(optional)"


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
    # the label a known field was written with, when it is not the format's own
    # (`Falsification` for Falsification criteria): attr -> label; and a qualifier written
    # after the name (`**Taste** (optional):`): attr -> "(optional)"
    labels: dict[str, str] = Field(default_factory=dict, exclude=True, repr=False)
    qualifiers: dict[str, str] = Field(default_factory=dict, exclude=True, repr=False)

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
