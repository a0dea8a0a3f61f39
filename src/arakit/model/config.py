"""Configuration parameters (`## Parameter` sections in src/configs/*.md)."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from arakit.model.base import AraModel, FieldEntity, FieldSpec, Section, spec


class ConfigParam(FieldEntity):
    """One parameter with its exact value and why it was chosen."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Value", "value"),
        spec("Rationale", "rationale"),
        spec("Search range", "search_range", "text", "Range"),
        spec("Sensitivity", "sensitivity"),
        spec("Source", "source"),
    )

    name: str
    value: str | None = None
    rationale: str | None = None
    search_range: str | None = None
    sensitivity: str | None = None
    source: str | None = None


class ConfigFile(AraModel):
    """A Markdown config file: a title, optional preamble, parameters, other sections."""

    path: str
    title: str = ""
    preamble: str = ""
    params: list[ConfigParam] = Field(default_factory=list)
    extra_sections: list[Section] = Field(default_factory=list)
    front_matter: str | None = None  # a YAML block above the text, kept as written
