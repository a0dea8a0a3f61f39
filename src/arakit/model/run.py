"""src/reproduce.yaml (extension): runnable reproduction plans for Seal Level 3."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from arakit.model.base import AraModel


class Tolerance(AraModel):
    """How far a reproduced number may be from the evidence: absolute or relative."""

    abs: float | None = None
    rel: float | None = None


class Expectation(AraModel):
    """A metric the run must produce, and the evidence cell it is compared with."""

    metric: str
    claim: str | None = None
    evidence: str | None = None
    row: str | None = None
    column: str | None = None
    tolerance: Tolerance | None = None
    extra: dict[str, Any] = Field(default_factory=dict)


class Run(AraModel):
    """One command that executes an experiment plan, possibly over several seeds."""

    id: str
    experiment: str | None = None
    command: str | None = None
    seeds: list[Any] | None = None
    timeout_s: float | None = None
    outputs: str | list[str] | None = None
    expect: list[Expectation] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)


class ReproducePlan(AraModel):
    """The whole of src/reproduce.yaml."""

    runs: list[Run] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
