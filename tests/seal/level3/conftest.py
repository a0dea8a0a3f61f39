"""Small artifacts with a runnable src/reproduce.yaml, built per test from a dict."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from arakit.seal.level3.sandbox import bwrap_path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "sandbox: runs code in the real bubblewrap sandbox")


needs_bwrap = pytest.mark.skipif(
    bwrap_path() is None or shutil.which("prlimit") is None,
    reason="bubblewrap (Debian package `bubblewrap`) and prlimit are required",
)

PAPER = "---\ntitle: Tiny\nara_version: '1.0'\n---\n\n# Tiny\n\n## Overview\n\nA tiny study.\n"

# Deterministic per seed: score = 0.5 + 0.01 * seed, computed the long way round.
TRAIN = """\
import argparse, json, random
ap = argparse.ArgumentParser()
ap.add_argument("--seed", type=int, default=0)
ap.add_argument("--out", required=True)
a = ap.parse_args()
rng = random.Random(a.seed)
xs = [rng.random() for _ in range(20000)]
score = 0.5 + 0.01 * a.seed + 0.0 * sum(xs)
with open(a.out, "w") as fh:
    json.dump({"score": score, "nested": {"loss": 1.25}, "label": "not a number"}, fh)
"""

TABLE = """\
# Table 1: Tiny results

**Source**: Table 1 in Tiny
**Extraction type**: raw_table

| model | score (mean) | loss |
| --- | --- | --- |
| tiny | {score} | 1.25 |
| other | 0/10 | n/a |
"""

PLAN = """\
runs:
  - id: R01
    experiment: E01
    command: python src/execution/train.py --seed {{seed}} --out {{outdir}}/metrics.json
    seeds: {seeds}
    timeout_s: 60
    outputs: metrics.json
    expect:
      - metric: score
        claim: C01
        evidence: tables/table1_tiny.md
        row: "tiny"
        column: "score (mean)"
        tolerance: {{abs: 0.0005}}
      - metric: nested.loss
        claim: C02
        evidence: tables/table1_tiny.md
        row: tiny
        column: loss
"""


def tiny_files(score: str = "0.5100", seeds: str = "[0, 1, 2]") -> dict[str, str]:
    """A complete tiny artifact whose R01 reproduces `score` 0.5100 over seeds 0-2."""
    return {
        "PAPER.md": PAPER,
        "logic/claims.md": "# Claims\n\n## C01: Tiny scores 0.51\n\n- **Statement**: yes\n",
        "src/execution/train.py": TRAIN,
        "src/reproduce.yaml": PLAN.format(seeds=seeds),
        "evidence/tables/table1_tiny.md": TABLE.format(score=score),
        "trace/exploration_tree.yaml": "tree: []\n",
    }


@pytest.fixture
def tiny(tree: Callable[..., Path]) -> Callable[..., Path]:
    """tiny(score=..., extra={path: text}) → a tiny artifact folder."""

    def build(extra: dict[str, str] | None = None, **kw: str) -> Path:
        files = tiny_files(**kw)
        files.update(extra or {})
        return tree(files)

    return build


def digest(folder: Path) -> str:
    """A hash of every path, mode and byte under folder: equal before and after = untouched."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for n in sorted(filenames):
            p = Path(dirpath) / n
            h.update(str(p.relative_to(folder)).encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def processes_with(token: str) -> list[int]:
    """PIDs of live processes whose command line contains `token`."""
    found = []
    for d in os.listdir("/proc"):
        if not d.isdigit() or int(d) == os.getpid():
            continue
        try:
            with open(f"/proc/{d}/cmdline", "rb") as fh:
                if token.encode() in fh.read():
                    found.append(int(d))
        except OSError:
            continue
    return found
