"""Search benchmark against DESIGN.md "Performance targets": p95 under 10 ms per query over an
index of 1,000 artifacts.

    python benchmarks/bench_search.py [--count 1000] [--queries 300] [--regen] [--check]

1. Generates `--count` synthetic artifacts with benchmarks/synth.py under
   benchmarks/corpus/search-<count>/ (git-ignored; reused while present and complete).
2. Builds the index (benchmarks/corpus/search-<count>.sqlite; kept for the next run,
   `--rebuild` to build and time it again) and prints the build rate (artifacts, files and
   passages per second), then times a refresh that finds nothing changed.
3. Times `search(index, query, max_tokens=1500)` over `--queries` queries drawn from the
   indexed passages (seeded): a parameter name with its value, words of a title as a
   question, an entity ID with a word, a table row's first cell and a header. One warm-up
   pass, then every query once; median, p95 and max, with the CPU count and load average.

`--check` exits 1 when p95 is over 10 ms.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import synth  # noqa: E402

TARGET_P95_MS = 10.0


def corpus(count: int, regen: bool) -> Path:
    """The folder of `count` synthetic artifacts, generated when missing."""
    out = HERE / "corpus" / f"search-{count}"
    done = out / ".complete"
    if regen or not done.is_file():
        print(f"generating {count} synthetic artifacts in {out} ...", flush=True)
        start = time.perf_counter()
        synth.generate(out, count, seed=0)
        done.write_text("ok\n")
        print(f"  generated in {time.perf_counter() - start:.1f} s")
    return out


def make_queries(db, n: int, seed: int = 0) -> list[str]:  # type: ignore[no-untyped-def]
    """Queries drawn from what the index holds, four shapes in turn."""
    rng = random.Random(seed)
    rows = db.execute(
        "SELECT ref, kind, title, text FROM passages WHERE kind IN "
        "('param','claim','trace','table_row','experiment','heuristic') ORDER BY id"
    ).fetchall()
    rng.shuffle(rows)
    out: list[str] = []
    for ref, kind, title, text in rows:
        words = [w for w in title.replace(":", " ").split() if len(w) > 3]
        if kind == "param" and "=" in title:
            out.append(title.replace("=", "").strip())
        elif kind in ("claim", "experiment", "heuristic") and words:
            out.append("which study shows that " + " ".join(rng.sample(words, min(4, len(words)))))
        elif kind == "trace" and words:
            out.append(f"{ref} {rng.choice(words)}")
        elif kind == "table_row":
            first = text.split("\n", 1)[-1].split(":", 1)[0]
            out.append(first[:60])
        if len(out) >= n:
            break
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--regen", action="store_true")
    parser.add_argument("--rebuild", action="store_true", help="build the index anew")
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)

    from arakit.query.index import Index, find_artifacts
    from arakit.query.search import search

    print(
        f"cpus {os.cpu_count()}, python {platform.python_version()}, "
        f"load average {os.getloadavg()[0]:.2f}"
    )
    folder = corpus(args.count, args.regen)
    roots = find_artifacts([folder])
    db = folder.parent / f"search-{args.count}.sqlite"
    if args.rebuild or args.regen:
        db.unlink(missing_ok=True)
    with Index(db) as idx:
        start = time.perf_counter()
        stats = idx.refresh(roots)
        took = time.perf_counter() - start
        if stats.files_indexed:
            print(
                f"index build: {len(roots)} artifacts, {stats.files_indexed} files, "
                f"{stats.passages} passages in {took:.1f} s = {len(roots) / took:.1f} "
                f"artifacts/s, {stats.passages / took:.0f} passages/s; "
                f"{db.stat().st_size / 2**20:.0f} MiB"
            )
        else:
            print(f"index reused ({db}); --rebuild to time the build again")
        start = time.perf_counter()
        again = idx.refresh(roots)
        print(
            f"refresh with nothing changed: {time.perf_counter() - start:.2f} s "
            f"({again.files_seen} files stat-ed, {again.files_indexed} re-read)"
        )
        queries = make_queries(idx.db, args.queries)
        for q in queries:  # warm-up: page cache and SQLite caches
            search(idx, q, max_tokens=1500)
        times, cpu, empty = [], [], 0
        for q in queries:
            t0, c0 = time.perf_counter(), time.process_time()
            result = search(idx, q, max_tokens=1500)
            times.append((time.perf_counter() - t0) * 1000)
            cpu.append((time.process_time() - c0) * 1000)
            empty += not result.hits
    times.sort()
    cpu.sort()
    p95 = times[int(0.95 * (len(times) - 1))]
    print(
        f"search over {len(roots)} artifacts, {len(times)} queries (max 1500 tokens): "
        f"median {statistics.median(times):.2f} ms, p95 {p95:.2f} ms, max {times[-1]:.2f} ms "
        f"(target p95 < {TARGET_P95_MS:.0f} ms); {empty} queries without a hit"
    )
    print(
        f"  CPU time per query (tells a slow search from a busy machine): median "
        f"{statistics.median(cpu):.2f} ms, p95 {cpu[int(0.95 * (len(cpu) - 1))]:.2f} ms; "
        f"load average now {os.getloadavg()[0]:.2f}"
    )
    if args.check and p95 > TARGET_P95_MS:
        print("FAIL: p95 over target")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
