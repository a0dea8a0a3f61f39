"""Seal Level 3: run every (run, seed) of src/reproduce.yaml in the sandbox, then compare."""

from __future__ import annotations

import math
import os
import re
import shlex
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from arakit import __version__
from arakit.codec.fs import atomic_write
from arakit.errors import ArtifactError, UsageError
from arakit.model.artifact import Artifact
from arakit.model.ids import normalize_id
from arakit.model.run import Run
from arakit.seal.level3 import sandbox as sb
from arakit.seal.level3.bounds import sweep_stale_groups
from arakit.seal.level3.box import close_box, open_box, sweep_stale
from arakit.seal.level3.compare import claim_verdicts, judge, read_outputs, stdout_metrics
from arakit.seal.level3.deps import Venv, ensure_venv, requirements
from arakit.seal.level3.identity import chown_tree, run_identity
from arakit.seal.level3.isolation import Job, Mount, outdir_for
from arakit.seal.level3.report import Isolation, Level3Report, SeedRun, Status
from arakit.seal.level3.runtime import Runtime, close_runtime, open_runtime
from arakit.seal.level3.workcopy import WITHHELD, make_working_copy

PLAN = "src/reproduce.yaml"
_PLACEHOLDER = re.compile(r"\{(seed|outdir|run)\}")
_NOTES = {
    "bwrap": "bubblewrap: no network, read-only system, only the run's box writable (working "
    "copy, outputs, /tmp, HOME), evidence/ and trace/ absent, host name hidden, no host "
    "path in the tree, the environment or the working directory, environment built from an "
    "allow-list, the run's own unprivileged user",
    "process": "WEAKER ISOLATION: a plain process as its own unprivileged user with an "
    "allow-listed environment and the same bounds, but it sees the host's files (evidence/ "
    "by absolute path) and the network; its verdicts never count as a pass: use --sandbox "
    "bwrap for a seal",
}
_NON_ROOT_NOTE = "; not run as root, so the run keeps the caller's user ID"
MAX_TIMEOUT_S = 7 * 24 * 3600.0


def reproduce(
    target: Artifact | str | Path,
    *,
    runs: list[str] | None = None,
    seeds: list[Any] | None = None,
    jobs: int = 1,
    sandbox: sb.SandboxKind = "bwrap",
    timeout_s: float | None = None,
    limits: sb.Limits | None = None,
    work_dir: str | Path | None = None,
    wheelhouse: str | Path | None = None,
    on_done: Callable[[SeedRun], None] | None = None,
) -> Level3Report:
    """Re-run the artifact's reproduction plan in isolation and compare with its evidence.

    `runs` selects run IDs, `seeds` replaces every run's seeds, `timeout_s` overrides each
    run's own `timeout_s`. Each execution writes only into its own bounded box, which is
    removed when it ends, failed or not; with `work_dir` its logs and outputs are kept there
    (capped), without one nothing is left behind. Raises ArtifactError when the plan is
    missing or unreadable, DependencyError when its requirements are refused or cannot be
    installed offline, and SandboxUnavailableError when the sandbox cannot run here.
    """
    start = time.monotonic()
    art = _load(target)
    root = Path(art.root or ".")
    plan = _plan(art)
    selected = _select(plan, runs)
    if jobs < 1:
        raise UsageError(f"--jobs must be at least 1, got {jobs}")
    if sandbox == "bwrap":
        sb.require_bwrap()
    sweep_stale()
    sweep_stale_groups()
    base_limits = limits or sb.Limits()
    venv = ensure_venv(
        requirements(root), Path(wheelhouse) if wheelhouse else None, sandbox, base_limits
    )
    temporary = work_dir is None
    base = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="ara-reproduce-"))
    base.mkdir(parents=True, exist_ok=True)
    keep = not temporary
    tasks = [(r, s) for r in selected for s in (seeds if seeds else r.seeds or [None])]
    copies: dict[str, str] = {}

    def one(item: tuple[int, tuple[Run, Any]]) -> SeedRun:
        i, (run, seed) = item
        lim = replace(base_limits, timeout_s=_timeout(timeout_s, run.timeout_s, base_limits))
        folder = base / _folder_name(i, run.id, seed)
        result = _execute(root, folder, run, seed, sandbox, lim, venv, runtime, copies, keep)
        if on_done is not None:
            on_done(result)
        return result

    # Runs that repeat the same command, seed, outputs and timeout (one script that writes
    # every experiment's metrics) execute once; the others share that execution's result.
    first: dict[tuple[Any, ...], int] = {}
    unique: list[tuple[Run, Any]] = []
    index: list[int] = []
    for run, seed in tasks:
        key = (run.command, repr(seed), repr(run.outputs), timeout_s or run.timeout_s)
        if key not in first:
            first[key] = len(unique)
            unique.append((run, seed))
        index.append(first[key])
    try:
        if sandbox == "bwrap":
            runtime = open_runtime(base / "runtime", venv.host)
        elif venv.inside != str(venv.host):
            runtime = Runtime(None, [Mount(venv.host, venv.inside)], exposed=[str(venv.host)])
        else:
            runtime = Runtime(None)
        exposed = runtime.exposed
        try:
            with ThreadPoolExecutor(max_workers=jobs) as pool:
                executed = list(pool.map(one, enumerate(unique)))
        finally:
            close_runtime(runtime)
    finally:
        if temporary:  # every run folder goes, failed or not: the report holds the tails
            shutil.rmtree(base, ignore_errors=True)
    results = []
    for (run, _), i in zip(tasks, index, strict=True):
        done = executed[i]
        if done.run == run.id:
            results.append(done)
        else:
            same = f"{done.run}" + ("" if done.seed is None else f" seed {done.seed}")
            results.append(done.model_copy(update={"run": run.id, "same_as": same}))

    expectations = []
    for run in selected:
        mine = [r for r in results if r.run == run.id]
        for e in run.expect:
            res = judge(art, run.id, e, mine)
            res.isolation = "weak" if any(r.isolation == "weak" for r in mine) else "strong"
            expectations.append(res)
    report = Level3Report(
        artifact=str(root),
        tool_version=__version__,
        sandbox=sandbox,
        isolation="strong" if sandbox == "bwrap" else "weak",
        isolation_note=_note(sandbox, exposed),
        withheld=sorted(w for w in WITHHELD if (root / w).exists()),
        evidence_copies=dict(sorted(copies.items())),
        limits={
            "memory_bytes": base_limits.memory_bytes,
            "cpu_seconds": base_limits.cpu(),
            "file_bytes": base_limits.file_bytes,
            "processes": base_limits.processes,
            "disk_bytes": base_limits.disk_bytes,
        },
        bounds=_bounds_of(executed),
        work_dir=str(base),
        work_dir_kept=not temporary,
        runs=results,
        expectations=expectations,
        claims=claim_verdicts(expectations),
        duration_s=round(time.monotonic() - start, 3),
    )
    return report


def _note(sandbox: sb.SandboxKind, exposed: list[str]) -> str:
    note = _NOTES[sandbox] + (_NON_ROOT_NOTE if os.geteuid() != 0 else "")
    if sandbox == "bwrap" and exposed:
        note += (
            "; /proc/self/mountinfo inside the run still names these host folders, bound "
            "read-only: "
            + ", ".join(exposed)
            + (" and the box (nothing can be mounted without root)" if os.geteuid() else "")
        )
    return note


def write_report(report: Level3Report, path: str | Path) -> Path:
    """Write level3_report.json atomically."""
    p = Path(path)
    atomic_write(p, report.model_dump_json(indent=2) + "\n")
    return p


def _load(target: Artifact | str | Path) -> Artifact:
    if isinstance(target, Artifact):
        if not target.root:
            raise UsageError("Level 3 needs an artifact on disk (its code is run from a copy)")
        return target
    from arakit.codec import read_artifact

    return read_artifact(target)


def _plan(art: Artifact) -> list[Run]:
    for problem in art.problems:
        if isinstance(problem, ArtifactError) and problem.file == PLAN:
            raise problem
    if art.reproduce is None:
        raise ArtifactError(
            "no reproduction plan: Level 3 needs src/reproduce.yaml",
            file=PLAN,
            hint="list runs with id, command, outputs and expect (ARA-FORMAT.md, reproduce.yaml)",
        )
    if not art.reproduce.runs:
        raise ArtifactError("the plan lists no runs", file=PLAN, line=1)
    return art.reproduce.runs


def _select(plan: list[Run], wanted: list[str] | None) -> list[Run]:
    if not wanted:
        return plan
    ids = {normalize_id(w) for w in wanted}
    unknown = sorted(ids - {r.id for r in plan})
    if unknown:
        raise UsageError(
            f"no run {', '.join(unknown)} in {PLAN}; runs are {', '.join(r.id for r in plan)}"
        )
    return [r for r in plan if r.id in ids]


def substitute(command: str, seed: Any, outdir: str, run_id: str) -> str:
    """Fill `{seed}`, `{outdir}` and `{run}`, shell-quoted; other braces are left alone."""
    values = {"seed": "0" if seed is None else str(seed), "outdir": outdir, "run": run_id}
    return _PLACEHOLDER.sub(lambda m: shlex.quote(values[m.group(1)]), command)


def _slug(value: Any, size: int = 40) -> str:
    """Letters, digits, `_` and `-` only: never `.`, `..` or a `/`."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", str(value)).strip("_")[:size] or "x"


def _folder_name(index: int, run_id: str, seed: Any) -> str:
    """A folder name unique per execution (the index) that no run ID or seed can steer."""
    return f"{index:03d}-{_slug(run_id)}" + ("" if seed is None else f"-seed-{_slug(seed)}")


def _timeout(override: float | None, planned: float | None, limits: sb.Limits) -> float:
    """The wall clock of one execution: finite, positive and at most a week."""
    for t in (override, planned):
        if t is not None and math.isfinite(t) and t > 0:
            return min(float(t), MAX_TIMEOUT_S)
    return limits.timeout_s


def _bounds_of(executed: list[SeedRun]) -> dict[str, str]:
    for r in executed:
        if r.bounds:
            return dict(r.bounds)
    return {}


def _execute(
    root: Path,
    folder: Path,
    run: Run,
    seed: Any,
    kind: sb.SandboxKind,
    limits: sb.Limits,
    venv: Venv,
    runtime: Runtime,
    copies: dict[str, str],
    keep: bool,
) -> SeedRun:
    if folder.exists():  # a work dir reused across invocations
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    isolation: Isolation = "strong" if kind == "bwrap" else "weak"
    if not run.command:
        return SeedRun(
            run=run.id,
            seed=seed,
            command="",
            status="not_run",
            error_tail=f"{PLAN}: run {run.id} has no command",
            isolation=isolation,
        )
    logs = folder / "logs"
    with run_identity() as uid:
        box = open_box(folder / "box", limits.disk_bytes, uid)
        try:
            wc = make_working_copy(root, box.part("work"))
            copies.update(wc.evidence_copies)
            if os.geteuid() == 0:
                chown_tree(box.part("work"), uid)
            outdir = outdir_for(kind, box)
            job = Job(
                command=substitute(run.command, seed, outdir, run.id),
                box=box,
                logs=logs,
                mounts=list(runtime.mounts),
                path=[venv.bin],
                env={
                    "ARA_RUN": run.id,
                    "ARA_SEED": "" if seed is None else str(seed),
                    "ARA_OUTDIR": outdir,
                },
            )
            outcome = sb.run(job, limits, kind, uid)
            names = [run.outputs] if isinstance(run.outputs, str) else list(run.outputs or [])
            if names:
                bases = [box.part("out"), box.part("work")]
                metrics, problems = read_outputs(names, bases, wc.shipped)
            else:  # no declared output: the last line of stdout that is a JSON object
                metrics, problems = stdout_metrics(outcome.stdout), []
            tail = _tail(outcome.stderr)
        finally:
            close_box(box, logs if keep else None)
    status: Status = "timed_out" if outcome.timed_out else ("ok" if outcome.ok else "failed")
    if status == "ok" and names and not metrics:
        status = "failed"
    if outcome.stopped_by and outcome.stopped_by != "timeout":
        tail = (f"stopped by the {outcome.stopped_by}\n" + tail).strip()
    if problems and status != "ok":
        tail = ("\n".join(problems) + "\n" + tail).strip()
    return SeedRun(
        run=run.id,
        seed=seed,
        command=job.command,
        status=status,
        exit_code=outcome.exit_code,
        signal=outcome.signal,
        duration_s=round(outcome.duration_s, 3),
        error_tail=tail,
        log_dir=str(logs) if keep else "",
        metrics=metrics,
        output_problems=problems,
        isolation=isolation,
        stopped_by=outcome.stopped_by,
        memory_peak=outcome.memory_peak,
        bounds=outcome.bounds,
    )


def _tail(path: Path, lines: int = 12, max_bytes: int = 8192) -> str:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, 2)
            size = fh.tell()
            fh.seek(max(0, size - max_bytes))
            data = fh.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(data.splitlines()[-lines:])
