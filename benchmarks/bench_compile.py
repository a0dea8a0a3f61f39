"""Compiler without a model, against DESIGN.md "Performance targets".

    python benchmarks/bench_compile.py [--runs 5] [--pages 12] [--profile]

1. Makes the planted paper of tests/compiler/pdfgen.py padded to `--pages` pages (two
   columns, ruled tables, references, appendix) and the planted git repository of
   tests/compiler/gitrepo.py (8 commits, a revert, an unmerged branch), in a temp folder.
2. Runs `compile_sources([paper, repo], out)` `--runs` times in one process after one
   warm-up run (PyMuPDF imported, caches warm), each into a fresh folder; Level 1 on the
   written artifact is part of every run. Reports median and max wall clock, per stage.
3. Runs the same once more as a fresh `ara compile` process (imports included).

4. With `--compare-pdfplumber` (needs `pip install pdfplumber`, not a dependency): the
   tables of the same PDF read by arakit's PyMuPDF reader and by pdfplumber's
   `extract_tables()`, timed, and each compared cell for cell with what was planted.

Target: a 12-page paper plus a small repo under 5 s. The figure is printed as a ratio.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from arakit.compiler import compile_sources  # noqa: E402
from tests.compiler.gitrepo import make_repo  # noqa: E402
from tests.compiler.pdfgen import make_paper  # noqa: E402

TARGET_S = 5.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pages", type=int, default=12)
    ap.add_argument(
        "--profile", action="store_true", help="print the 15 costliest calls of one run"
    )
    ap.add_argument(
        "--compare-pdfplumber", action="store_true", help="time and score pdfplumber's tables"
    )
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-compile-") as tmp:
        base = Path(tmp)
        paper = make_paper(base / "paper.pdf", min_pages=args.pages)
        repo = make_repo(base / "repo")
        print(
            f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        )
        print(
            f"input: {paper.pages}-page PDF ({paper.path.stat().st_size // 1024} KiB), repo with {len(repo.shas)} commits + 1 revert"
        )
        report = compile_sources([str(paper.path), str(repo.path)], base / "warm")
        assert report.passed, report.findings
        times: list[float] = []
        stages: dict[str, list[float]] = {}
        for k in range(args.runs):
            t0 = time.perf_counter()
            rep = compile_sources([str(paper.path), str(repo.path)], base / f"out{k}")
            times.append(time.perf_counter() - t0)
            for s, v in rep.seconds.items():
                stages.setdefault(s, []).append(v)
        med = statistics.median(times)
        print(f"in-process, {args.runs} runs: median {med:.2f} s, max {max(times):.2f} s")
        print(
            "  per stage (median): "
            + ", ".join(f"{s} {statistics.median(v):.2f} s" for s, v in stages.items())
        )
        t0 = time.perf_counter()
        res = subprocess.run(
            [
                sys.executable,
                "-c",
                "from arakit.cli.main import run; run()",
                "compile",
                str(paper.path),
                str(repo.path),
                "-o",
                str(base / "cli"),
                "--json",
            ],
            capture_output=True,
            text=True,
        )
        cold = time.perf_counter() - t0
        print(f"fresh `ara compile` process: {cold:.2f} s (exit {res.returncode})")
        print(
            f"target {TARGET_S:.0f} s: in-process median is {med / TARGET_S:.2f}x the target, fresh process {cold / TARGET_S:.2f}x"
        )
        if args.compare_pdfplumber:
            compare_pdfplumber(paper.path)
        if args.profile:
            prof = cProfile.Profile()
            prof.enable()
            compile_sources([str(paper.path), str(repo.path)], base / "profiled")
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(15)


def _planted() -> list[list[list[str]]]:
    from tests.compiler import pdfgen

    return [p[2] for k, p in pdfgen.BODY + pdfgen.APPENDIX if k == "table"]  # type: ignore[index]


def compare_pdfplumber(pdf: Path) -> None:
    """Tables read by both libraries: seconds and how many planted tables come out exact."""
    import pdfplumber

    from arakit.compiler.pdf import read_document

    planted = _planted()
    t0 = time.perf_counter()
    doc = read_document(pdf)
    ours = [[t.header, *t.rows] for t in doc.tables]
    t_ours = time.perf_counter() - t0
    t0 = time.perf_counter()
    theirs: list[list[list[str]]] = []
    with pdfplumber.open(str(pdf)) as p:
        for page in p.pages:
            for tab in page.extract_tables():
                theirs.append([[c or "" for c in row] for row in tab])
    t_theirs = time.perf_counter() - t0
    exact_ours = sum(t in ours for t in planted)
    exact_theirs = sum(t in theirs for t in planted)
    print(
        f"arakit (PyMuPDF): whole document model {t_ours:.2f} s, {exact_ours}/{len(planted)} planted tables exact"
    )
    print(
        f"pdfplumber: tables only {t_theirs:.2f} s, {exact_theirs}/{len(planted)} planted tables exact"
    )
    for t in planted:
        if t not in theirs:
            near = next((x for x in theirs if x and x[0] and x[0][0] == t[0][0]), None)
            print(f"  pdfplumber differs on the table headed {t[0]}: {near}")


if __name__ == "__main__":
    main()
