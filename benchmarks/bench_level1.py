"""Seal Level 1 benchmark against DESIGN.md "Performance targets".

    python benchmarks/bench_level1.py [--count 10000] [--sample 200] [--workers 2] [--regen]
                                      [--profile] [--no-throughput] [--check]

1. Generates a corpus of synthetic artifacts with benchmarks/synth.py (cached under
   benchmarks/corpus/, git-ignored; reused while the generator, seed and count match).
2. Latency: `validate(path)` (reading from disk included) on `--sample` artifacts spread over
   the corpus, one process, after one warm-up call. Median and p95 per artifact.
3. Throughput: all `--count` artifacts validated by a ProcessPoolExecutor of `--workers`
   spawned processes, in chunks; wall clock from pool start (worker imports included) to the
   last result.

Targets: median under 20 ms per artifact; 10,000 artifacts under 60 s on 2 cores.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import json
import os
import platform
import pstats
import shutil
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

CORPUS = HERE / "corpus"
MANIFEST = CORPUS / "MANIFEST.json"
SEED = 0
MEDIAN_TARGET_MS = 20.0
BATCH_TARGET_S = 60.0
BATCH_TARGET_N = 10_000
BATCH_TARGET_CORES = 2


# -- corpus ----------------------------------------------------------------------------------
def _fingerprint() -> str:
    """Hash of the text of the first artifacts as generated now: changes when the generator's
    output or the library's writer changes, not when synth.py is only reformatted."""
    from arakit.codec import render_artifact

    h = hashlib.sha256()
    for k in range(3):
        art = synth.build_artifact(synth.artifact_seed(SEED, k))
        for rel, text in sorted(render_artifact(art).items()):
            h.update(rel.encode() + b"\0" + text.encode() + b"\0")
    return h.hexdigest()[:16]


def ensure_corpus(count: int, regen: bool) -> dict:
    """The manifest of a corpus of at least `count` artifacts, generating it if needed."""
    want = {"seed": SEED, "fingerprint": _fingerprint()}
    if MANIFEST.exists() and not regen:
        man = json.loads(MANIFEST.read_text())
        if all(man.get(k) == v for k, v in want.items()) and man.get("count", 0) >= count:
            print(
                f"corpus: reusing {man['count']} artifacts in {CORPUS.relative_to(HERE.parent)} "
                f"(generated {man['generated']}; --regen to rebuild)"
            )
            return man
    if CORPUS.exists():
        shutil.rmtree(CORPUS)
    print(
        f"corpus: generating {count} artifacts into {CORPUS.relative_to(HERE.parent)} ...",
        flush=True,
    )
    start = time.perf_counter()
    files, size = synth.generate(CORPUS, count, SEED)
    secs = time.perf_counter() - start
    man = {
        **want,
        "count": count,
        "files": files,
        "bytes": size,
        "generated": time.strftime("%Y-%m-%d %H:%M:%S"),
        "generation_s": round(secs, 1),
    }
    MANIFEST.write_text(json.dumps(man, indent=2) + "\n")
    print(f"corpus: {count} artifacts, {files} files, {size / 1e6:.1f} MB in {secs:.0f} s")
    return man


def corpus_paths(count: int) -> list[str]:
    return [str(CORPUS / f"a{k:05d}") for k in range(count)]


def spread(paths: list[str], n: int) -> list[str]:
    """n paths evenly spread over the list (deterministic)."""
    n = min(n, len(paths))
    return [paths[round(i * (len(paths) - 1) / max(n - 1, 1))] for i in range(n)]


# -- measurements ----------------------------------------------------------------------------
def _validate_chunk(paths: list[str]) -> tuple[int, float, list[tuple[str, list[str]]]]:
    """Worker: validate each path; return how many, CPU seconds used, those with findings."""
    from arakit.seal.level1 import validate

    flagged = []
    cpu = time.process_time()
    for p in paths:
        rep = validate(p)
        if rep.findings:
            flagged.append((p, [f"{f.code} {f.location}: {f.message}" for f in rep.findings]))
    return len(paths), time.process_time() - cpu, flagged


def latency(
    sample: list[str],
) -> tuple[list[float], list[float], float, list[tuple[str, list[str]]]]:
    """Per-artifact wall and CPU time (ms) of validate(path) in this process, after a warm-up."""
    from arakit.seal.level1 import validate

    t0 = time.perf_counter()
    validate(sample[-1])  # warm-up: lazy imports, YAML/Markdown parser set-up
    cold_ms = (time.perf_counter() - t0) * 1000
    times, cpus, flagged = [], [], []
    for p in sample:
        t, c = time.perf_counter(), time.process_time()
        rep = validate(p)
        times.append((time.perf_counter() - t) * 1000)
        cpus.append((time.process_time() - c) * 1000)
        if rep.findings:
            flagged.append((p, [f"{f.code} {f.location}: {f.message}" for f in rep.findings]))
    return times, cpus, cold_ms, flagged


def throughput(
    paths: list[str], workers: int, chunk: int
) -> tuple[float, int, float, list[tuple[str, list[str]]]]:
    """Wall seconds, artifacts done, worker CPU seconds (validate only), flagged artifacts."""
    chunks = [paths[i : i + chunk] for i in range(0, len(paths), chunk)]
    done, cpu, flagged = 0, 0.0, []
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context("spawn")) as ex:
        for n, c, fl in ex.map(_validate_chunk, chunks):
            done += n
            cpu += c
            flagged += fl
    return time.perf_counter() - start, done, cpu, flagged


def profile(sample: list[str], top: int = 15) -> None:
    from arakit.seal.level1 import validate

    validate(sample[-1])
    prof = cProfile.Profile()
    prof.enable()
    for p in sample:
        validate(p)
    prof.disable()
    for key in ("cumulative", "tottime"):
        print(f"\n--- cProfile over {len(sample)} validate() calls, top {top} by {key} ---")
        pstats.Stats(prof, stream=sys.stdout).strip_dirs().sort_stats(key).print_stats(top)


# -- reporting -------------------------------------------------------------------------------
def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return (
        f"machine: {os.cpu_count()} CPUs ({usable} usable), {cpu}; "
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.release()}; load average {load}"
    )


def artifact_stats(sample: list[str]) -> str:
    from arakit.codec import read_artifact

    files = size = 0
    counts: dict[str, int] = {}
    for p in sample:
        for dirpath, _, names in os.walk(p):
            for n in names:
                files += 1
                size += os.path.getsize(os.path.join(dirpath, n))
        a = read_artifact(p)
        prob = a.problem
        for key, n in (
            ("claims", len(a.claims or [])),
            ("experiments", len(a.experiments or [])),
            ("concepts", len(a.concepts or [])),
            ("heuristics", len(a.heuristics or [])),
            ("related work", len(a.related_work or [])),
            ("observations", len(prob.observations) if prob else 0),
            ("gaps", len(prob.gaps) if prob else 0),
            ("trace nodes", len(a.trace.nodes()) if a.trace else 0),
            ("evidence files", len(a.evidence.files)),
            ("evidence rows", sum(len(t.rows) for f in a.evidence.files for t in f.tables)),
            ("config params", sum(len(c.params) for c in a.configs)),
        ):
            counts[key] = counts.get(key, 0) + n
    k = len(sample)
    ents = ", ".join(f"{v / k:.1f} {name}" for name, v in counts.items())
    return f"average artifact (over {k}): {files / k:.1f} files, {size / k / 1024:.1f} KiB; {ents}"


def verdict(value: float, target: float) -> str:
    ratio = value / target
    return f"{ratio:.2f}x of budget, {'PASS' if value < target else 'FAIL'}"


def print_flagged(flagged: list[tuple[str, list[str]]], limit: int = 10) -> None:
    if not flagged:
        return
    print(f"!! {len(flagged)} artifacts have Level 1 findings (generator or checks bug):")
    for path, fs in flagged[:limit]:
        for f in fs[:5]:
            print(f"   {path}: {f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=BATCH_TARGET_N, help="corpus size")
    ap.add_argument("--sample", type=int, default=200, help="artifacts timed one by one")
    ap.add_argument("--workers", type=int, default=BATCH_TARGET_CORES, help="processes")
    ap.add_argument("--chunk", type=int, default=50, help="artifacts per task in the pool")
    ap.add_argument("--regen", action="store_true", help="regenerate the corpus")
    ap.add_argument(
        "--profile",
        action="store_true",
        help="also print cProfile top 15 (cumulative, tottime) over the sample",
    )
    ap.add_argument(
        "--no-throughput",
        action="store_true",
        help="skip the pool run over the whole corpus (latency only)",
    )
    ap.add_argument(
        "--check",
        action="store_true",
        help="exit 1 when a target is missed or an artifact has findings",
    )
    a = ap.parse_args(argv)

    print(machine())
    ensure_corpus(a.count, a.regen)
    paths = corpus_paths(a.count)
    sample = spread(paths, a.sample)
    print(artifact_stats(sample))

    times, cpus, cold_ms, flagged_a = latency(sample)
    med = statistics.median(times)
    p95 = statistics.quantiles(times, n=100, method="inclusive")[94] if len(times) > 1 else times[0]
    print(
        f"\nLevel 1 latency, validate(path) incl. reading, {len(times)} artifacts, one process "
        f"(first call with cold imports: {cold_ms:.1f} ms, not counted)"
    )
    print(
        f"median per artifact: {med:.1f} ms (target < {MEDIAN_TARGET_MS:.0f} ms: "
        f"{verdict(med, MEDIAN_TARGET_MS)})"
    )
    print(
        f"p95 per artifact: {p95:.1f} ms (no p95 target; {p95 / MEDIAN_TARGET_MS:.2f}x the "
        f"{MEDIAN_TARGET_MS:.0f} ms median budget)"
    )
    print(
        f"min / mean / max: {min(times):.1f} / {statistics.fmean(times):.1f} / "
        f"{max(times):.1f} ms; CPU time median {statistics.median(cpus):.1f} ms "
        "(wall > CPU means the machine was busy or waiting on disk)"
    )
    print_flagged(flagged_a)

    ok = med < MEDIAN_TARGET_MS and not flagged_a
    if a.no_throughput:
        if a.profile:
            profile(sample)
        return 1 if a.check and not ok else 0
    wall, done, cpu, flagged_b = throughput(paths, a.workers, a.chunk)
    print(f"\nLevel 1 throughput, {a.workers} spawned worker processes, chunks of {a.chunk}")
    label = f"{done:,} artifacts on {a.workers} cores"
    ok = ok and not flagged_b
    if done == BATCH_TARGET_N and a.workers == BATCH_TARGET_CORES:
        print(
            f"{label}: {wall:.1f} s (target < {BATCH_TARGET_S:.0f} s: "
            f"{verdict(wall, BATCH_TARGET_S)})"
        )
        ok = ok and wall < BATCH_TARGET_S
    else:
        proj = wall * BATCH_TARGET_N / done
        print(
            f"{label}: {wall:.1f} s; projected to {BATCH_TARGET_N:,}: {proj:.1f} s "
            f"(target < {BATCH_TARGET_S:.0f} s on {BATCH_TARGET_CORES} cores: "
            f"{verdict(proj, BATCH_TARGET_S)}; not the target configuration)"
        )
    print(
        f"= {done / wall:.0f} artifacts/s; workers spent {cpu:.1f} CPU-s in validate "
        f"({cpu / done * 1000:.1f} ms per artifact), i.e. {cpu / a.workers:.1f} s if "
        f"{a.workers} cores were free; load average now "
        f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}"
    )
    print_flagged(flagged_b)

    if a.profile:
        profile(sample)
    return 1 if a.check and not ok else 0


if __name__ == "__main__":
    sys.exit(main())
