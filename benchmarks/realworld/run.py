"""Run every real-world benchmark and hold it to its floor.

    python -m benchmarks.realworld.run [NAME ...] [--list] [--no-floor]

Each ``bench_<name>.py`` beside this file defines ``run() -> dict[str, float]``: it prints
its per-item lines itself and returns its totals. ``floors/<name>.json`` maps a metric to
``{"min": x}`` (a score that may only go up) or ``{"max": x}`` (a count or a time that may
only go down). Exit status 1 when any metric is past its floor, a floor names a metric the
benchmark did not report, or a benchmark fails; 0 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from benchmarks.realworld import corpus  # noqa: E402


def names() -> list[str]:
    """The benchmarks present, by name (``bench_tables.py`` is ``tables``)."""
    return sorted(p.stem.removeprefix("bench_") for p in HERE.glob("bench_*.py"))


def check_floor(name: str, metrics: dict[str, float]) -> list[str]:
    """Messages for every metric of ``name`` that is past its floor."""
    path = HERE / "floors" / f"{name}.json"
    if not path.is_file():
        return [f"{name}: no floor file {path.relative_to(HERE.parents[1])}"]
    problems = []
    for metric, bound in json.loads(path.read_text()).items():
        if metric not in metrics:
            problems.append(f"{name}: floor names {metric!r}, which the benchmark did not report")
            continue
        value = metrics[metric]
        if "min" in bound and value < bound["min"]:
            problems.append(f"{name}: {metric} = {value:g} is below its floor {bound['min']:g}")
        if "max" in bound and value > bound["max"]:
            problems.append(f"{name}: {metric} = {value:g} is above its ceiling {bound['max']:g}")
    return problems


def _exit_on_terminate(signum: int, _frame: object) -> None:
    """Turn SIGTERM/SIGHUP into ``SystemExit`` so ``finally`` blocks and ``atexit`` run.

    Each clone of a pair's bundle is ~300 MB; a run killed by a timeout used to leave
    every clone it had made in the temporary folder.
    """
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> int:
    for sig in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, _exit_on_terminate)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="benchmarks to run (default: all)")
    parser.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    parser.add_argument("--no-floor", action="store_true", help="print scores, never fail")
    args = parser.parse_args(argv)
    if args.list:
        print("\n".join(names()))
        return 0
    try:
        root = corpus.corpus_dir()
    except corpus.CorpusMissing as exc:
        print(f"real-world benchmarks: {exc}", file=sys.stderr)
        return 1
    print(f"corpus: {root}")
    chosen = args.names or names()
    unknown = sorted(set(chosen) - set(names()))
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(names())}")
        return 2
    problems: list[str] = []
    totals: dict[str, dict[str, float]] = {}
    for name in chosen:
        print(f"\n=== {name}")
        start = time.perf_counter()
        try:
            module = importlib.import_module(f"benchmarks.realworld.bench_{name}")
            metrics = module.run()
        except Exception:
            traceback.print_exc()
            problems.append(f"{name}: the benchmark failed (traceback above)")
            continue
        finally:
            corpus.cleanup()
        totals[name] = metrics
        print(f"--- {name} totals ({time.perf_counter() - start:.1f} s)")
        for metric, value in sorted(metrics.items()):
            print(f"    {metric:<40} {value:g}")
        if not args.no_floor:
            problems += check_floor(name, metrics)
    print("\n=== summary")
    for problem in problems:
        print(f"FAIL {problem}")
    if not problems:
        print(f"all {len(chosen)} benchmark(s) at or above their floors")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
