"""After the runs, outside the sandbox: read outputs, look up evidence, compare, decide."""

from __future__ import annotations

import hashlib
import json
import math
import os
import stat
import statistics
from pathlib import Path
from typing import Any

from arakit.model.artifact import Artifact
from arakit.model.run import Expectation
from arakit.seal.level3.numbers import Reading, parse_number
from arakit.seal.level3.report import (
    ClaimResult,
    ExpectationResult,
    SeedRun,
    Spread,
    ToleranceUsed,
    Verdict,
)

MAX_OUTPUT_BYTES = 16 * 2**20


def read_outputs(
    names: list[str], bases: list[Path], shipped: dict[str, str] | None = None
) -> tuple[dict[str, float], list[str]]:
    """Metrics from the run's declared JSON outputs, looked up in each base folder in turn.

    The files were written by untrusted code: a symlink, a path leaving its folder, a
    non-regular or oversized file is refused (never followed), and reported as a problem.
    In the last base (the working copy), a file whose bytes are those the artifact shipped
    (`shipped`: relative path → SHA-256) was not written by the run and is refused.
    Nested objects flatten to dotted names; values that are not numbers are ignored.
    """
    metrics: dict[str, float] = {}
    problems: list[str] = []
    for name in names:
        if os.path.isabs(name) or ".." in Path(name).parts:
            problems.append(f"{name}: output paths must be relative and stay in the run folder")
            continue
        for i, base in enumerate(bases):
            p = base / name
            if not os.path.lexists(p):
                continue
            ship = (shipped or {}).get(Path(name).as_posix()) if i == len(bases) - 1 else None
            data, problem = _read_untrusted(base, p, ship)
            if problem:
                problems.append(f"{name}: {problem}")
            elif data is not None:
                _flatten(data, "", metrics)
            break
        else:
            problems.append(f"{name}: the run did not write this output")
    return metrics, problems


def stdout_metrics(path: Path, max_bytes: int = 65536) -> dict[str, float]:
    """Metrics from the last stdout line that is a JSON object (for plans without `outputs`)."""
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        fh.seek(max(0, fh.tell() - max_bytes))
        lines = fh.read().decode("utf-8", errors="replace").splitlines()
    for line in reversed(lines):
        line = line.strip()
        if line.startswith("{"):
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                out: dict[str, float] = {}
                _flatten(data, "", out)
                return out
    return {}


def _read_untrusted(base: Path, p: Path, shipped_sha: str | None = None) -> tuple[Any, str | None]:
    real = Path(os.path.realpath(p))
    if not real.is_relative_to(os.path.realpath(base)):
        return None, "refused: resolves outside the run folder"
    try:
        fd = os.open(p, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError as e:
        return None, f"refused: {e.strerror or e} (symlinks are not followed)"
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            return None, "refused: not a regular file"
        if st.st_size > MAX_OUTPUT_BYTES:
            return None, f"refused: {st.st_size} bytes, over {MAX_OUTPUT_BYTES}"
        raw = fh.read(MAX_OUTPUT_BYTES + 1)
    if shipped_sha is not None and hashlib.sha256(raw).hexdigest() == shipped_sha:
        return None, "refused: shipped with the artifact as it is, not written by the run"
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        return None, f"not JSON ({e})"
    if not isinstance(data, dict):
        return None, f"expected a JSON object of metric → number, got {type(data).__name__}"
    return data, None


def _flatten(data: dict[str, Any], prefix: str, out: dict[str, float]) -> None:
    for k, v in data.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            _flatten(v, key + ".", out)
        elif isinstance(v, (int, float)) and not isinstance(v, bool):
            out[key] = float(v)


def judge(art: Artifact, run_id: str, exp: Expectation, seeds: list[SeedRun]) -> ExpectationResult:
    """The verdict for one expectation over all seeds of its run."""
    res = ExpectationResult(
        run=run_id,
        metric=exp.metric,
        claim=exp.claim,
        evidence=exp.evidence,
        row=exp.row,
        column=exp.column,
        verdict="not_checkable",
        line=exp.pos.line if exp.pos else None,
    )
    failed = [s for s in seeds if s.status != "ok"]
    if not seeds or failed:
        res.verdict = "failed_to_run"
        res.reason = (
            f"{len(failed)} of {len(seeds)} executions failed; first: {failed[0].describe()}"
            if failed
            else "the run has no executions"
        )
        return res
    reading, text, why = expected_cell(art, exp)
    res.expected_text = text
    if reading is None:
        res.reason = why
        return res
    res.expected = reading.value
    missing = [s for s in seeds if exp.metric not in s.metrics]
    if not exp.metric or missing:
        res.reason = f"metric {exp.metric!r} is not in the outputs of " + ", ".join(
            s.describe().split(":")[0] for s in missing
        )
        return res
    values = [s.metrics[exp.metric] for s in seeds]
    res.per_seed = values
    res.measured = statistics.fmean(values) if all(map(math.isfinite, values)) else values[0]
    if len(values) > 1 and all(map(math.isfinite, values)):
        res.spread = Spread(
            n=len(values), std=statistics.stdev(values), min=min(values), max=max(values)
        )
    res.tolerance = _tolerance(exp, reading)
    bad = tolerance_problem(exp, reading.value)
    if bad is not None:
        res.reason = f"{bad}; measured {res.measured:.6g} vs expected {text}"
        return res  # not_checkable: a tolerance that cannot fail is no check
    ok, diff = _within(res.measured, reading.value, res.tolerance)
    res.difference = diff
    res.verdict = "reproduced" if ok else "not_reproduced"
    res.reason = (
        f"measured {res.measured:.6g} vs expected {text} (difference {diff:.3g}, "
        f"tolerance {_tol_text(res.tolerance)})"
    )
    return res


def expected_cell(art: Artifact, exp: Expectation) -> tuple[Reading | None, str | None, str]:
    """The evidence number an expectation names, its cell text, or why it cannot be read."""
    if not exp.evidence or exp.row is None or exp.column is None:
        return None, None, "the expectation needs evidence, row and column"
    f = art.evidence.file(exp.evidence) or art.evidence.file("evidence/" + exp.evidence)
    if f is None:
        return None, None, f"evidence/{exp.evidence} does not exist"
    for table in f.tables:
        cell = table.cell(exp.row, exp.column)
        if cell is not None:
            reading = parse_number(cell)
            if reading is None:
                return None, cell, f"cell {cell!r} ({exp.row} / {exp.column}) is not a number"
            return reading, cell.strip(), ""
    headers = sorted({h for t in f.tables for h in t.header})
    return (
        None,
        None,
        f"no cell at row {exp.row!r}, column {exp.column!r} in evidence/{exp.evidence} "
        f"(columns: {', '.join(headers)})",
    )


def tolerance_problem(exp: Expectation, expected: float) -> str | None:
    """Why a declared tolerance cannot judge anything: not a finite non-negative number, or
    as wide as the value itself (anything near zero would pass). None when it is sound."""
    t = exp.tolerance
    if t is None:
        return None
    for name, v in (("abs", t.abs), ("rel", t.rel)):
        if v is not None and (not math.isfinite(v) or v < 0):
            return f"tolerance {name} {v!r} is refused: it must be a finite number ≥ 0"
    if math.isfinite(expected) and expected != 0:
        if t.abs is not None and t.abs >= abs(expected):
            return (
                f"tolerance abs {t.abs:g} is as wide as the expected value {expected:g} itself: "
                "any number near zero would pass"
            )
        if t.rel is not None and t.rel >= 1:
            return f"tolerance rel {t.rel:g} allows 100% or more of the value: anything passes"
    return None


def _tolerance(exp: Expectation, reading: Reading) -> ToleranceUsed:
    t = exp.tolerance
    if t is not None and (t.abs is not None or t.rel is not None):
        return ToleranceUsed(abs=t.abs, rel=t.rel, source="declared")
    if reading.resolution is None:
        return ToleranceUsed(abs=0.0, source="exact")
    # no tolerance declared: the number must round to what the evidence printed
    return ToleranceUsed(abs=reading.resolution / 2, source="written precision")


def _within(measured: float, expected: float, tol: ToleranceUsed) -> tuple[bool, float]:
    if math.isinf(expected) or math.isinf(measured):
        return measured == expected, 0.0 if measured == expected else math.inf
    diff = abs(measured - expected)
    slack = 1e-12 * max(abs(expected), 1e-300)  # float noise in the subtraction itself
    ok = (tol.abs is not None and diff <= tol.abs + slack) or (
        tol.rel is not None and diff <= tol.rel * abs(expected) + slack
    )
    return ok, diff


def _tol_text(t: ToleranceUsed) -> str:
    parts = [f"abs {t.abs:g}" if t.abs is not None else "", f"rel {t.rel:g}" if t.rel else ""]
    return " or ".join(p for p in parts if p) + f", {t.source}"


def claim_verdicts(results: list[ExpectationResult]) -> list[ClaimResult]:
    """Per claim: reproduced when all its expectations did; else the worst verdict among them."""
    order: list[Verdict] = ["not_reproduced", "failed_to_run", "not_checkable"]
    by_claim: dict[str, list[ExpectationResult]] = {}
    for r in results:
        if r.claim:
            by_claim.setdefault(r.claim, []).append(r)
    out = []
    for claim, rs in by_claim.items():
        verdict: Verdict = "reproduced"
        for v in order:
            if any(r.verdict == v for r in rs):
                verdict = v
                break
        out.append(
            ClaimResult(
                claim=claim,
                verdict=verdict,
                expectations=len(rs),
                reproduced=sum(r.verdict == "reproduced" for r in rs),
            )
        )
    return out
