"""Start-up time of the `ara` command against DESIGN.md: `ara --help` and `ara validate` < 300 ms.

    python benchmarks/bench_startup.py [--runs 20] [--warmup 2] [--artifact examples/polyfit-ridge]

Runs the `ara` console script installed next to this interpreter (not a pyenv shim, whose own
start-up would be counted) as a subprocess, `--warmup` times untimed, then `--runs` timed.
The time is the wall clock from spawn to exit, so it includes interpreter start-up, imports and,
for `validate`, reading and checking the artifact.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

TARGET_MS = 300.0
REPO = Path(__file__).resolve().parent.parent


def ara_script() -> Path:
    path = Path(sys.executable).parent / "ara"
    if not path.exists():
        sys.exit(
            f"error: {path} not found; install arakit into this interpreter "
            "(pip install -e .) so that its `ara` script sits next to python"
        )
    return path


def time_runs(cmd: list[str], runs: int, warmup: int) -> tuple[list[float], int]:
    """Wall-clock milliseconds of each timed run, and the exit code of the last one."""
    rc = 0
    times = []
    for k in range(warmup + runs):
        t = time.perf_counter()
        proc = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = (time.perf_counter() - t) * 1000
        rc = proc.returncode
        if rc != 0:
            sys.exit(f"error: {' '.join(cmd)} exited {rc}: {proc.stderr.decode()[-500:]}")
        if k >= warmup:
            times.append(elapsed)
    return times, rc


def import_report(ara: Path, args: list[str], top: int = 15) -> None:
    """`python -X importtime ara ...`: the imports that cost most, cumulative microseconds."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", str(ara), *args],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    rows = []
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cum, raw = line.removeprefix("import time:").split("|")
            rows.append((int(cum), raw[1:]))  # nesting shows as 2 spaces per level
    total = sum(c for c, n in rows if not n.startswith(" "))
    print(
        f"  imports: {len(rows)} modules, top-level cumulative {total / 1000:.0f} ms; "
        f"slowest {top} (cumulative):"
    )
    for cum, name in sorted(rows, reverse=True)[:top]:
        print(f"    {cum / 1000:7.1f} ms  {name.strip()}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--artifact", default="examples/polyfit-ridge")
    ap.add_argument("--check", action="store_true", help="exit 1 when a median misses the target")
    ap.add_argument(
        "--importtime",
        action="store_true",
        help="also print the 15 slowest imports (cumulative) of each command",
    )
    a = ap.parse_args(argv)

    ara = ara_script()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(
        f"machine: {os.cpu_count()} CPUs; Python {platform.python_version()}; {ara}; "
        f"load average {load}"
    )
    ok = True
    for label, args in (
        ("ara --help", ["--help"]),
        (f"ara validate {a.artifact}", ["validate", a.artifact]),
    ):
        times, _ = time_runs([str(ara), *args], a.runs, a.warmup)
        med, best = statistics.median(times), min(times)
        passed = med < TARGET_MS
        ok = ok and passed
        print(
            f"{label}: median {med:.0f} ms, min {best:.0f} ms, max {max(times):.0f} ms over "
            f"{len(times)} runs (target < {TARGET_MS:.0f} ms: median {med / TARGET_MS:.2f}x, "
            f"min {best / TARGET_MS:.2f}x of budget, {'PASS' if passed else 'FAIL'})"
        )
        if a.importtime:
            import_report(ara, args)
    bare, _ = time_runs([sys.executable, "-c", "pass"], a.runs, a.warmup)
    print(
        f"baseline `python -c pass`: median {statistics.median(bare):.0f} ms, "
        f"min {min(bare):.0f} ms (interpreter start-up alone)"
    )
    return 1 if a.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
