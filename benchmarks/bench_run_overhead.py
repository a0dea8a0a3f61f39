"""Overhead of `ara run` over the bare command, against DESIGN.md: median under 50 ms.

    python benchmarks/bench_run_overhead.py [--runs 20] [--warmup 3] [--seed-nodes 100]

Times `true` spawned directly and `ara run -- true` (the console script next to this
interpreter), both as subprocesses from spawn to exit, in a temporary artifact whose trace
already holds `--seed-nodes` nodes (recording cost grows with the tree). The overhead is the
difference of the medians. Because that includes starting the `ara` command itself, it also
times `ara --help` (the floor of any command) and, in this process, the library path alone
(`run_and_record` against `subprocess.run`), which is what `ara run` adds once started. Also checks that 8 MiB of binary output pass through byte for byte,
and prints the interpreter's bare start-up for scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGET_MS = 50.0


def ara_script() -> Path:
    path = Path(sys.executable).parent / "ara"
    if not path.exists():
        sys.exit(f"error: {path} not found; run `pip install -e .` for this interpreter")
    return path


def timed(cmd: list[str], cwd: Path, runs: int, warmup: int, env: dict[str, str]) -> list[float]:
    """Wall-clock milliseconds of each timed run."""
    out = []
    for k in range(warmup + runs):
        t = time.perf_counter()
        done = subprocess.run(
            cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env
        )
        ms = (time.perf_counter() - t) * 1000
        if done.returncode != 0:
            sys.exit(f"error: {cmd} exited {done.returncode}: {done.stderr.decode()[-400:]}")
        if k >= warmup:
            out.append(ms)
    return out


def seed(art: Path, nodes: int) -> None:
    """An artifact whose journal and tree already hold `nodes` recorded runs."""
    from arakit.live.journal import Journal
    from arakit.live.manager import process

    (art / "trace").mkdir(parents=True)
    j = Journal(art)
    for i in range(nodes):
        j.append(
            "command",
            {
                "argv": ["python", "train.py", str(i)],
                "exit_code": 0,
                "metrics": {"loss": 1 / (i + 1)},
            },
            source="seed",
        )
    process(art)


def passthrough_ok(ara: Path, cwd: Path, env: dict[str, str]) -> bool:
    """True when 8 MiB of every byte value reach stdout unchanged through `ara run`."""
    code = "import sys\nsys.stdout.buffer.write(bytes(range(256)) * 32768)"
    bare = subprocess.run([sys.executable, "-c", code], capture_output=True).stdout
    wrapped = subprocess.run(
        [str(ara), "run", "--", sys.executable, "-c", code], cwd=cwd, capture_output=True, env=env
    ).stdout
    return bare == wrapped and len(bare) == 8 * 1024 * 1024


def in_process(art: Path, runs: int) -> tuple[list[float], list[float]]:
    """Milliseconds of subprocess.run(true) and of run_and_record(true), in this process."""
    from arakit.live.capture import run_and_record

    bare, lib = [], []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(["true"], check=True)
        bare.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        done = run_and_record(["true"], art, use_pty=False)
        lib.append((time.perf_counter() - t) * 1000)
        if done.error:
            sys.exit(f"error: not recorded: {done.error}")
    return bare, lib


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--warmup", type=int, default=3)
    ap.add_argument("--seed-nodes", type=int, default=100)
    args = ap.parse_args()
    ara = ara_script()
    with tempfile.TemporaryDirectory() as tmp:
        art = Path(tmp) / "artifact"
        seed(art, args.seed_nodes)
        env = {**os.environ, "ARA_ARTIFACT": str(art)}
        true = "/bin/true" if Path("/bin/true").exists() else "true"
        bare = timed([true], art, args.runs, args.warmup, env)
        wrapped = timed([str(ara), "run", "--", true], art, args.runs, args.warmup, env)
        python = timed([sys.executable, "-c", "pass"], art, args.runs, args.warmup, env)
        helpt = timed([str(ara), "--help"], art, args.runs, args.warmup, env)
        ip_bare, ip_lib = in_process(art, args.runs)
        same = passthrough_ok(ara, art, env)
    overhead = statistics.median(wrapped) - statistics.median(bare)
    print(f"bare `true`          median {statistics.median(bare):7.1f} ms")
    print(
        f"`ara run -- true`    median {statistics.median(wrapped):7.1f} ms  "
        f"(p90 {sorted(wrapped)[int(0.9 * (len(wrapped) - 1))]:.1f} ms, "
        f"tree of {args.seed_nodes} nodes, {args.runs} runs)"
    )
    print(
        f"python -c pass       median {statistics.median(python):7.1f} ms  (interpreter start-up alone)"
    )
    print(
        f"`ara --help`         median {statistics.median(helpt):7.1f} ms  (start-up floor of any command)"
    )
    print(
        f"overhead             median {overhead:7.1f} ms  target {TARGET_MS:.0f} ms  "
        f"ratio {overhead / TARGET_MS:.2f}x"
    )
    lib = statistics.median(ip_lib) - statistics.median(ip_bare)
    print(
        f"library path only    median {lib:7.1f} ms  target {TARGET_MS:.0f} ms  "
        f"ratio {lib / TARGET_MS:.2f}x  (run_and_record minus subprocess.run, in-process)"
    )
    print(f"load average         {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    print(f"8 MiB binary output passed through byte for byte: {'yes' if same else 'NO'}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
