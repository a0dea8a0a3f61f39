"""A declarative experiment plan (`## E01: title` in logic/experiments.md)."""

from __future__ import annotations

from typing import ClassVar

from arakit.model.base import FieldEntity, FieldSpec, spec


class Setup(FieldEntity):
    """The nested Setup list of an experiment: Model, Hardware, Dataset, System."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Model", "model", "text", "Models"),
        spec("Hardware", "hardware"),
        spec("Dataset", "dataset", "text", "Datasets", "Data"),
        spec("System", "system", "text", "Software"),
    )

    model: str | None = None
    hardware: str | None = None
    dataset: str | None = None
    system: str | None = None


class Experiment(FieldEntity):
    """What an experiment verifies and how; exact numbers live in evidence/, not here."""

    FIELDS: ClassVar[tuple[FieldSpec, ...]] = (
        spec("Verifies", "verifies", "refs", "Verified claims", "Claims", "Tests"),
        spec("Status", "status"),
        spec("Evidence", "evidence", "text", "Evidence output"),
        spec("Run", "run", "text", "Runs"),
        spec("Setup", "setup", "nested"),
        spec("Procedure", "procedure", "steps", "Steps"),
        spec("Metrics", "metrics", "text", "Metric"),
        spec(
            "Expected outcome",
            "expected_outcome",
            "text",
            "Expected results",
            "Expected result",
            "Expected outcomes",
            "Prediction",
        ),
        spec("Baselines", "baselines", "text", "Baseline"),
        spec("Dependencies", "dependencies", "refs", "Depends on"),
    )

    id: str
    title: str = ""
    verifies: list[str] | None = None
    status: str | None = None
    evidence: str | None = None
    run: str | None = None
    setup: Setup | None = None
    procedure: list[str] | None = None
    metrics: str | None = None
    expected_outcome: str | None = None
    baselines: str | None = None
    dependencies: list[str] | None = None
