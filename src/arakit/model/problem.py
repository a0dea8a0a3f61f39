"""logic/problem.md: observations O*, gaps G*, the key insight and assumptions A*."""

from __future__ import annotations

from typing import ClassVar

from pydantic import Field

from arakit.model.base import AraModel, FieldEntity, FieldSpec, Section, spec


class Observation(FieldEntity):
    """Something seen in the world, with the evidence for it (`### O1: title`)."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Statement", "statement"),
        spec("Evidence", "evidence"),
        spec("Implication", "implication", "text", "Implications"),
    )

    id: str
    title: str = ""
    statement: str | None = None
    evidence: str | None = None
    implication: str | None = None


class Gap(FieldEntity):
    """What existing work does not do, and why (`### G1: title`)."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Statement", "statement"),
        spec("Caused by", "caused_by", "refs"),
        spec("Existing attempts", "existing_attempts"),
        spec("Why they fail", "why_they_fail", "text", "Why it fails"),
    )

    id: str
    title: str = ""
    statement: str | None = None
    caused_by: list[str] | None = None
    existing_attempts: str | None = None
    why_they_fail: str | None = None


class KeyInsight(FieldEntity):
    """The idea that closes the gaps (`## Key Insight`)."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Insight", "insight"),
        spec("Derived from", "derived_from", "refs"),
        spec("Enables", "enables"),
    )

    insight: str | None = None
    derived_from: list[str] | None = None
    enables: str | None = None


class Assumption(AraModel):
    """An assumption the argument rests on (`- A1: text` under `## Assumptions`)."""

    id: str
    text: str = ""


class Problem(AraModel):
    """Everything in logic/problem.md."""

    title: str = "Problem"
    preamble: str = ""
    observations: list[Observation] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    key_insight: KeyInsight | None = None
    assumptions: list[Assumption] = Field(default_factory=list)
    assumptions_notes: str = ""
    extra_sections: list[Section] = Field(default_factory=list)
    front_matter: str | None = None  # a YAML block above the text, kept as written
