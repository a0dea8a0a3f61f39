"""Seal Level 3: reproduce an artifact's numbers in a sandbox that cannot see the answers.

    reproduce(path) -> Level3Report      run src/reproduce.yaml, compare with evidence/
    write_report(report, path)           level3_report.json (atomic)
    report_schema()                      its JSON Schema

Modules: sandbox (one execution under bounds, nothing left running), isolation (what a
run sees: bwrap or process command lines), box (the bounded folder a run writes), bounds
(cgroups and the watchdog), identity (a user ID per run), workcopy (what a run may read),
deps (requirements checked, then installed in the sandbox from wheels), numbers (reading
numbers as papers print them), compare (outputs vs evidence, verdicts), report (wire
models), runner (the orchestration).
"""

from __future__ import annotations

from arakit.seal.level3.report import Level3Report, report_schema
from arakit.seal.level3.runner import reproduce, write_report
from arakit.seal.level3.sandbox import Limits, SandboxUnavailableError

__all__ = [
    "Level3Report",
    "Limits",
    "SandboxUnavailableError",
    "report_schema",
    "reproduce",
    "write_report",
]
