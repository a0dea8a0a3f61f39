"""Small artifacts with a runnable src/reproduce.yaml, built per test from a dict."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from arakit.seal.level3 import sandbox as sb
from arakit.seal.level3.box import close_box, open_box
from arakit.seal.level3.identity import run_identity
from arakit.seal.level3.isolation import Job
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


def box_run(
    tmp_path: Path, command: str, kind: sb.SandboxKind = "bwrap", **limits: float
) -> tuple[sb.Outcome, str, str]:
    """(outcome, stdout, stderr) of `command` in a fresh box under `tmp_path`."""
    lim = sb.Limits(**{"timeout_s": 20, **limits})  # type: ignore[arg-type]
    logs = tmp_path.parent / f"{tmp_path.name}-logs"
    with run_identity() as uid:
        name = uuid.uuid4().hex[:6]
        box = open_box(tmp_path / f"box-{name}", lim.disk_bytes, uid)
        try:
            o = sb.run(Job(command=command, box=box, logs=logs / name), lim, kind, uid)
            return o, o.stdout.read_text(errors="replace"), o.stderr.read_text(errors="replace")
        finally:
            close_box(box, None)


def py(code: str) -> str:
    """A shell command running `code` with the sandbox's python3."""
    return "python3 -c '" + code.replace("'", "'\"'\"'") + "'"


SPAWN = "import subprocess, sys; subprocess.run([sys.executable, '-c', 'pass'], check=True)"


def generous_timeout(tmp_path: Path, kind: sb.SandboxKind = "bwrap", at_least: float = 2) -> float:
    """A timeout for a run that must reach some state (a child spawned, a fork bomb at its
    ceiling) before it is killed: ten times what a sandboxed Python that starts a child takes
    on this machine now, so a loaded machine gets a longer one instead of a flaky test."""
    where = tmp_path / "reference"
    where.mkdir(exist_ok=True)
    start = time.monotonic()
    o, _, err = box_run(where, py(SPAWN), kind)
    assert o.ok, err
    return max(at_least, 10 * (time.monotonic() - start))


def wait_for(path_glob: Callable[[], list[Path]], bound_s: float = 300.0) -> Path:
    """The first path `path_glob()` finds, polled. The bound only stops a broken test from
    hanging; nothing a test proves depends on it."""
    deadline = time.monotonic() + bound_s
    while True:
        found = path_glob()
        if found:
            return found[0]
        assert time.monotonic() < deadline, "the file never appeared"
        time.sleep(0.05)
