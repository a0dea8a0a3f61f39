"""Seal Level 3: run every (run, seed) of src/reproduce.yaml in the sandbox, then compare."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from arakit import __version__
from arakit.codec.fs import atomic_write
from arakit.errors import ArtifactError, UsageError
from arakit.model.artifact import Artifact
from arakit.model.ids import normalize_id
from arakit.model.run import Run
from arakit.seal.level3 import sandbox as sb
from arakit.seal.level3.compare import claim_verdicts, judge, read_outputs, stdout_metrics
from arakit.seal.level3.deps import ensure_venv, requirements
from arakit.seal.level3.report import Level3Report, SeedRun, Status
from arakit.seal.level3.workcopy import WITHHELD, make_working_copy

PLAN = "src/reproduce.yaml"
_PLACEHOLDER = re.compile(r"\{(seed|outdir|run)\}")
_NOTES = {
    "bwrap": "bubblewrap: no network, read-only system, only the working copy writable, "
    "evidence/ and trace/ absent, fresh /tmp and HOME, environment cleared",
    "process": "WEAKER ISOLATION: plain subprocess with resource limits and a scrubbed "
    "environment, but the code can read the filesystem (including evidence/ by absolute "
    "path) and use the network; use --sandbox bwrap for a real seal",
}
_ROOT_NOTE = "; run as root, so the process-count limit is not enforced by the kernel"


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
    run's own `timeout_s`. Working copies and logs stay under `work_dir`; without one they
    go to a temporary folder that is removed when everything reproduced and kept otherwise.
    Raises ArtifactError when the plan is missing or unreadable and SandboxUnavailableError when the sandbox cannot run here.
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
    temporary = work_dir is None
    base = Path(work_dir) if work_dir else Path(tempfile.mkdtemp(prefix="ara-reproduce-"))
    base.mkdir(parents=True, exist_ok=True)
    venv = ensure_venv(requirements(root), Path(wheelhouse) if wheelhouse else None)
    read_only = [venv, *sb.python_prefixes()]

    tasks = [(r, s) for r in selected for s in (seeds if seeds else r.seeds or [None])]
    base_limits = limits or sb.Limits()

    def one(task: tuple[Run, Any]) -> SeedRun:
        run, seed = task
        t = timeout_s or run.timeout_s or base_limits.timeout_s
        lim = sb.Limits(**{**base_limits.__dict__, "timeout_s": float(t)})
        result = _execute(root, base, run, seed, sandbox, lim, read_only, venv)
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
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        executed = list(pool.map(one, unique))
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
        expectations += [judge(art, run.id, e, mine) for e in run.expect]
    report = Level3Report(
        artifact=str(root),
        tool_version=__version__,
        sandbox=sandbox,
        isolation="strong" if sandbox == "bwrap" else "weak",
        isolation_note=_NOTES[sandbox]
        + (_ROOT_NOTE if sandbox == "process" and os.geteuid() == 0 else ""),
        withheld=sorted(w for w in WITHHELD if (root / w).exists()),
        limits={
            "memory_bytes": base_limits.memory_bytes,
            "cpu_seconds": base_limits.cpu(),
            "file_bytes": base_limits.file_bytes,
            "processes": base_limits.processes,
        },
        work_dir=str(base),
        runs=results,
        expectations=expectations,
        claims=claim_verdicts(expectations),
        duration_s=round(time.monotonic() - start, 3),
    )
    if temporary and report.passed:  # nothing to inspect: leave no trace in /tmp
        shutil.rmtree(base, ignore_errors=True)
        report.work_dir_kept = False
    return report


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


def _execute(
    root: Path,
    base: Path,
    run: Run,
    seed: Any,
    kind: sb.SandboxKind,
    limits: sb.Limits,
    read_only: list[Path],
    venv: Path,
) -> SeedRun:
    name = run.id + ("" if seed is None else f"-seed{seed}")
    folder = base / re.sub(r"[^A-Za-z0-9_.-]", "_", name)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    if not run.command:
        return SeedRun(
            run=run.id,
            seed=seed,
            command="",
            status="not_run",
            error_tail=f"{PLAN}: run {run.id} has no command",
            log_dir=str(folder),
        )
    job = sb.Job(
        command="",
        workdir=folder / "work",
        outdir=folder / "out",
        log_dir=folder / "logs",
        read_only=read_only,
        bin_dirs=[venv / "bin"],
        env={"ARA_RUN": run.id, "ARA_SEED": "" if seed is None else str(seed)},
    )
    make_working_copy(root, job.workdir)
    job.outdir.mkdir()
    job.command = substitute(run.command, seed, sb.outdir_for(kind, job), run.id)
    job.env["ARA_OUTDIR"] = sb.outdir_for(kind, job)
    outcome = sb.run(job, limits, kind)
    names = [run.outputs] if isinstance(run.outputs, str) else list(run.outputs or [])
    if names:
        metrics, problems = read_outputs(names, [job.outdir, job.workdir])
    else:  # no declared output: the last line of stdout that is a JSON object
        metrics, problems = stdout_metrics(outcome.stdout), []
    status: Status = "timed_out" if outcome.timed_out else ("ok" if outcome.ok else "failed")
    if status == "ok" and names and not metrics:
        status = "failed"
    tail = _tail(outcome.stderr)
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
        log_dir=str(job.log_dir),
        metrics=metrics,
        output_problems=problems,
    )


def _tail(path: Path, lines: int = 12, max_bytes: int = 8192) -> str:
    with open(path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - max_bytes))
        data = fh.read().decode("utf-8", errors="replace")
    return "\n".join(data.splitlines()[-lines:])
