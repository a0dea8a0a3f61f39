"""A falsifiable claim (`## C01: title` in logic/claims.md)."""

from __future__ import annotations

from typing import ClassVar


from arakit.model.base import FieldEntity, FieldSpec, spec

CLAIM_STATUSES = (
    "hypothesis",
    "untested",
    "testing",
    "supported",
    "weakened",
    "refuted",
    "withdrawn",
    "revised",
)
PROVENANCES = ("user", "ai-suggested", "ai-executed", "user-revised")


class Claim(FieldEntity):
    """A precise assertion, the experiments that prove it and how it could be disproved."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Statement", "statement", "text", "Claim"),
        spec("Conditions", "conditions", "text", "Condition", "Scope"),
        spec("Sources", "sources", "text", "Source"),
        spec("Status", "status"),
        spec(
            "Falsification criteria",
            "falsification_criteria",
            "text",
            "Falsification criterion",
            "Falsification",
            "Falsifiability",
        ),
        spec("Proof", "proof", "refs", "Proofs", "Evidence"),
        spec("Evidence basis", "evidence_basis"),
        spec("Interpretation", "interpretation"),
        spec("Dependencies", "dependencies", "refs", "Depends on"),
        spec("Tags", "tags", "list", "Keywords"),
        spec("Provenance", "provenance"),
        spec("Last revised", "last_revised", "text", "Last updated"),
        spec("Taste", "taste"),
    )

    id: str
    title: str = ""
    statement: str | None = None
    conditions: str | None = None
    sources: str | None = None
    status: str | None = None
    falsification_criteria: str | None = None
    proof: list[str] | None = None
    evidence_basis: str | None = None
    interpretation: str | None = None
    dependencies: list[str] | None = None
    tags: list[str] | None = None
    provenance: str | None = None
    last_revised: str | None = None
    taste: str | None = None
