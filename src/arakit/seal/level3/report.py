"""level3_report.json: the wire shape of a Level 3 result, declared once (schema exported)."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

Verdict = Literal["reproduced", "not_reproduced", "failed_to_run", "not_checkable"]
Status = Literal["ok", "failed", "timed_out", "not_run"]
Isolation = Literal["strong", "weak"]
VERDICTS: tuple[Verdict, ...] = ("reproduced", "not_reproduced", "failed_to_run", "not_checkable")


class _Wire(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SeedRun(_Wire):
    """One execution of one run with one seed, inside the sandbox."""

    run: str
    seed: Any = None
    command: str
    status: Status
    exit_code: int | None = None
    signal: str | None = None
    duration_s: float = 0.0
    error_tail: str = ""
    log_dir: str = ""
    metrics: dict[str, float] = Field(default_factory=dict)
    output_problems: list[str] = Field(default_factory=list)
    same_as: str | None = None  # an identical execution of another run whose result this shares
    isolation: Isolation = "strong"
    stopped_by: str | None = None  # the bound that stopped it: timeout, memory, disk bound
    memory_peak: int | None = None  # bytes, when the kernel tracked the run as a whole
    bounds: dict[str, str] = Field(default_factory=dict)  # which mechanism kept each bound

    def describe(self) -> str:
        """`R01 seed 2: exit 1: <last stderr line>`: why this execution did not succeed."""
        what = {
            "timed_out": "timed out (every process of the run killed)",
            "not_run": "not run",
        }.get(self.status)
        if what is None and self.stopped_by:
            what = f"stopped by the {self.stopped_by}"
        if what is None:
            what = f"killed by {self.signal}" if self.signal else f"exit {self.exit_code}"
        last = self.error_tail.strip().splitlines()[-1:] if self.error_tail else []
        seed = "" if self.seed is None else f" seed {self.seed}"
        return f"{self.run}{seed}: {what}" + (f": {last[0]}" if last else "")


class Spread(_Wire):
    """How the measured value varied across seeds."""

    n: int
    std: float
    min: float
    max: float


class ToleranceUsed(_Wire):
    """The tolerance applied and where it came from."""

    abs: float | None = None
    rel: float | None = None
    source: Literal["declared", "written precision", "exact"]


class ExpectationResult(_Wire):
    """One `expect` entry: the evidence number, what the runs produced, and the verdict."""

    run: str
    metric: str
    claim: str | None = None
    evidence: str | None = None
    row: str | None = None
    column: str | None = None
    verdict: Verdict
    expected: float | None = None
    expected_text: str | None = None
    measured: float | None = None  # mean across seeds
    per_seed: list[float] = Field(default_factory=list)
    spread: Spread | None = None
    difference: float | None = None
    tolerance: ToleranceUsed | None = None
    reason: str = ""
    line: int | None = None  # in src/reproduce.yaml
    isolation: Isolation = "strong"  # of the executions behind the verdict


class ClaimResult(_Wire):
    """A claim's verdict: reproduced only when every expectation citing it reproduced."""

    claim: str
    verdict: Verdict
    expectations: int
    reproduced: int


class Level3Report(_Wire):
    """Seal Level 3 on one artifact."""

    artifact: str
    tool_version: str
    sandbox: Literal["bwrap", "process"]
    isolation: Isolation
    isolation_note: str
    withheld: list[str] = Field(default_factory=list)
    evidence_copies: dict[str, str] = Field(default_factory=dict)  # withheld: same bytes
    limits: dict[str, float | int] = Field(default_factory=dict)
    bounds: dict[str, str] = Field(default_factory=dict)  # which mechanism kept each bound
    work_dir: str = ""
    work_dir_kept: bool = True  # False: a temporary work dir removed after a full success
    runs: list[SeedRun] = Field(default_factory=list)
    expectations: list[ExpectationResult] = Field(default_factory=list)
    claims: list[ClaimResult] = Field(default_factory=list)
    duration_s: float = 0.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def counts(self) -> dict[str, int]:
        """Expectations per verdict."""
        return {v: sum(e.verdict == v for e in self.expectations) for v in VERDICTS}

    @computed_field  # type: ignore[prop-decorator]
    @property
    def all_reproduced(self) -> bool:
        """At least one expectation, and every one reproduced (whatever the isolation)."""
        return bool(self.expectations) and all(e.verdict == "reproduced" for e in self.expectations)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        """Every expectation reproduced under strong isolation: a run in the `process`
        sandbox could read evidence/, so its verdicts never pass."""
        return self.all_reproduced and all(e.isolation == "strong" for e in self.expectations)


def report_schema() -> dict[str, Any]:
    """JSON Schema of level3_report.json."""
    return Level3Report.model_json_schema(mode="serialization")
