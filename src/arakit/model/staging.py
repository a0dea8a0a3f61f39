"""staging/observations.yaml: interpretations waiting for a closure signal."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from arakit.model.base import AraModel

POTENTIAL_TYPES = ("claim", "heuristic", "concept", "constraint", "architecture", "unknown")
CLOSURE_SIGNALS = (
    "topic-abandonment",
    "verbal-affirmation",
    "empirical-resolution",
    "artifact-commitment",
)


class StagedObservation(AraModel):
    """An observation the Live Research Manager holds until it settles."""

    id: str
    content: str = ""
    potential_type: str | None = None
    provenance: str | None = None
    bound_to: list[str] | None = None
    created: str | None = None
    promoted: bool | None = None
    promoted_to: str | None = None
    crystallized_via: str | None = None
    stale: bool | None = None
    extra: dict[str, Any] = Field(default_factory=dict)
    # comments written in the file: key -> end-of-line comment, "^key" -> lines above the key
    comments: dict[str, str] = Field(default_factory=dict)


class Staging(AraModel):
    """The whole of staging/observations.yaml."""

    observations: list[StagedObservation] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    header: str = ""  # the `#` comment lines the file opens with, kept as written
    footer: str = ""  # the `#` comment lines the file ends with, kept as written
    # comments at the top level: key -> end-of-line comment, "^key" -> lines above the key
    key_comments: dict[str, str] = Field(default_factory=dict)
    form: str = "observations"  # `observations:` list, or "list": a bare list (Live PM v0.1)
