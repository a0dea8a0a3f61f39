"""Seal Level 3 overhead: what the sandbox costs per execution, and the example end to end.

    python benchmarks/bench_reproduce.py [--runs 20] [--artifact examples/polyfit-ridge]

1. Per-execution overhead: the same command (`python -c pass`) run `--runs` times
   bare (subprocess), in the `process` sandbox and in the `bwrap` sandbox, each through
   arakit.seal.level3.sandbox.run with the default limits. Median and p95 wall clock.
2. End to end: `reproduce(artifact, jobs=1)` and `jobs=2` on the example, after one warm-up
   call that builds the cached venv. Wall clock, executions, verdict counts.

No target is set in DESIGN.md for Level 3; the numbers are reported, not asserted.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from arakit.seal.level3 import reproduce
from arakit.seal.level3 import sandbox as sb
from arakit.seal.level3.box import close_box, open_box
from arakit.seal.level3.identity import run_identity
from arakit.seal.level3.isolation import Job


def _stats(xs: list[float]) -> str:
    xs = sorted(xs)
    p95 = xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]
    return f"median {statistics.median(xs) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms"


def overhead(runs: int) -> None:
    py = os.path.realpath(sys.executable)
    bare = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run([py, "-c", "pass"], check=True)
        bare.append(time.perf_counter() - t)
    print(f"bare subprocess      {_stats(bare)}")
    for kind in ("process", "bwrap"):
        with tempfile.TemporaryDirectory() as tmp:
            times = []
            for i in range(runs):
                with run_identity() as uid:
                    box = open_box(Path(tmp) / f"box{i}", sb.Limits().disk_bytes, uid)
                    try:
                        job = Job(command="python3 -c pass", box=box, logs=Path(tmp) / f"logs{i}")
                        t = time.perf_counter()
                        o = sb.run(job, sb.Limits(timeout_s=30), kind, uid)  # type: ignore[arg-type]
                        times.append(time.perf_counter() - t)
                    finally:
                        close_box(box, None)
                assert o.ok, o.stderr.read_text()
        print(f"{kind + ' sandbox':<20} {_stats(times)}")


def end_to_end(artifact: str) -> None:
    work = Path(tempfile.mkdtemp(prefix="ara-bench-"))
    try:
        reproduce(artifact, work_dir=work / "warm")  # builds the cached venv
        for jobs in (1, 2):
            t = time.perf_counter()
            rep = reproduce(artifact, jobs=jobs, work_dir=work / f"j{jobs}")
            dt = time.perf_counter() - t
            executed = sum(r.same_as is None for r in rep.runs)
            print(
                f"reproduce jobs={jobs}       {dt:6.2f} s  {executed} executions, "
                f"{rep.counts['reproduced']}/{len(rep.expectations)} reproduced"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--artifact", default="examples/polyfit-ridge")
    a = ap.parse_args()
    print(f"{platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}")
    overhead(a.runs)
    end_to_end(a.artifact)


if __name__ == "__main__":
    main()
