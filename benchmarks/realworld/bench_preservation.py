"""Writers on artifacts written by others: is anything lost, rewritten or crashed?

For every corpus artifact (and every folder named in ``ARA_EXTRA_ARTIFACTS``, a
``:``-separated list of artifact paths, e.g. upstream's the-ara-of-ara fetched into /tmp),
each operation runs on a fresh copy, as a user runs it (the ``ara`` command in a process,
live processing in the foreground with ARA_LIVE_SYNC=1):

    fmt        ara fmt
    fix        ara check --fix
    note       ara note "..."            (a node, the reasoning log, a session record)
    note2      two notes in a row         (the second edits the session record it opened)
    run        ara run -- true
    ingest     ara ingest a small JSONL transcript written here

Measured, per operation, over every file that existed before it:

- words lost: words of the original no longer in the file (IDs compared in canonical
  spelling, `C1` = `C01`); a deleted file loses all of its words;
- lines rewritten: lines of the original changed or removed (an insertion changes none), and
  the files that had any — for the live commands every such line is a file re-serialised
  without need; for fmt and fix it is what they chose to tidy;
- crashes: a traceback or an exit status other than 0/1 (check exits 1 for errors it found).

Also the dialect each artifact is detected as. Truth needs no labels here: the original
files are the truth, compared word by word and line by line.
"""

from __future__ import annotations

import difflib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.realworld.corpus import artifacts

ARA = [sys.executable, "-m", "arakit.cli.main"]
NOTE = "We decided to keep the smaller model because it trains twice as fast"
TRANSCRIPT = [  # a generic JSONL agent transcript, written for this benchmark
    {
        "role": "user",
        "content": "Try the cosine schedule on the small config.",
        "timestamp": "2026-11-20T10:00:00Z",
    },
    {
        "role": "assistant",
        "content": "The cosine schedule converges faster than the step schedule on this config.",
        "tool_calls": [
            {
                "id": "t1",
                "function": {
                    "name": "Bash",
                    "arguments": {"command": "python train.py --sched cosine"},
                },
            }
        ],
        "timestamp": "2026-11-20T10:01:00Z",
    },
]
OPS = ("fmt", "fix", "note", "note2", "run", "ingest")
LIVE = ("note", "note2", "run", "ingest")


def _texts(root: Path) -> dict[str, str]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file() and ".ara-cache" not in p.parts:
            try:
                out[p.relative_to(root).as_posix()] = p.read_bytes().decode("utf-8")
            except (UnicodeDecodeError, OSError):
                continue
    return out


def _changed_lines(before: str, after: str) -> int:
    a, b = before.split("\n"), after.split("\n")
    ops = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return sum(i2 - i1 for op, i1, i2, _, _ in ops if op in ("replace", "delete"))


def _ara(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ARA_LIVE_SYNC": "1", "ARA_LIVE_WINDOW": "5"}
    env.pop("ARA_ARTIFACT", None)
    return subprocess.run(
        [*ARA, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


def _operate(op: str, root: Path, scratch: Path) -> list[subprocess.CompletedProcess[str]]:
    a = str(root)
    if op == "fmt":
        return [_ara(["fmt", a], scratch)]
    if op == "fix":
        return [_ara(["check", "--fix", a], scratch)]
    if op == "note":
        return [_ara(["note", NOTE, "--artifact", a], scratch)]
    if op == "note2":
        return [
            _ara(["note", NOTE, "--artifact", a], scratch),
            _ara(["note", "Which learning rate did the baseline use?", "--artifact", a], scratch),
        ]
    if op == "run":
        return [_ara(["run", "--artifact", a, "--", "true"], scratch)]
    transcript = scratch / "session.jsonl"
    transcript.write_text("".join(json.dumps(r) + "\n" for r in TRANSCRIPT))
    return [_ara(["ingest", str(transcript), "--artifact", a], scratch)]


def _crashed(done: subprocess.CompletedProcess[str]) -> bool:
    return done.returncode not in (0, 1) or "Traceback (most recent call last)" in done.stderr


def measure(src: Path, op: str) -> dict[str, float]:
    from arakit.codec.content import words

    with tempfile.TemporaryDirectory(prefix="ara-preserve-") as tmp:
        scratch = Path(tmp)
        root = scratch / src.name
        shutil.copytree(src, root, symlinks=True)
        before = _texts(root)
        runs = _operate(op, root, scratch)
        after = _texts(root)
    lost = lines = files = 0
    for rel, text in before.items():
        new = after.get(rel)
        if new is None:
            lost += sum(words(text).values())
            continue
        if new == text:
            continue
        lost += sum((words(text) - words(new)).values())
        changed = _changed_lines(text, new)
        lines += changed
        files += changed > 0
    crashes = sum(_crashed(r) for r in runs)
    if crashes:
        for r in runs:
            if _crashed(r):
                print(f"    {src.name} {op}: exit {r.returncode}: {r.stderr.strip()[-400:]}")
    return {"lost": lost, "lines": lines, "files": files, "crashes": crashes}


def _extra() -> list[Path]:
    out = []
    for part in os.environ.get("ARA_EXTRA_ARTIFACTS", "").split(":"):
        if part.strip():
            p = Path(part.strip())
            if p.is_dir():
                out.append(p)
            else:
                print(f"  ARA_EXTRA_ARTIFACTS: {p} is not a folder; skipped")
    if not out:
        print(
            "  extra artifacts: none (set ARA_EXTRA_ARTIFACTS=path[:path] to add e.g. "
            "upstream's the-ara-of-ara); skipped"
        )
    return out


def run() -> dict[str, float]:
    from arakit.codec import read_artifact
    from arakit.codec.dialect import detect

    totals = {f"{k}_{op}": 0.0 for op in OPS for k in ("lost", "lines")}
    totals.update(crashes=0.0, artifacts=0.0, dialects_detected=0.0, live_files_rewritten=0.0)
    # folders from ARA_EXTRA_ARTIFACTS: reported (0 when none is given), not floored
    totals.update(extra_artifacts=0.0, extra_content_lost=0.0, extra_lines_rewritten=0.0)
    corpus_items = artifacts()
    for src in [*corpus_items, *_extra()]:
        try:
            dialect = detect(read_artifact(src)).name
        except Exception as e:  # reading must not crash either
            dialect = f"crash: {type(e).__name__}"
            totals["crashes"] += 1
        results = {op: measure(src, op) for op in OPS}
        extra = src not in corpus_items
        cells = " ".join(
            f"{op}:lost={r['lost']:g},lines={r['lines']:g}" + (",CRASH" if r["crashes"] else "")
            for op, r in results.items()
        )
        print(f"  {src.name:24} {dialect:18} {cells}" + ("  (extra)" if extra else ""))
        if extra:
            totals["extra_artifacts"] += 1
            totals["extra_content_lost"] += sum(r["lost"] for r in results.values())
            totals["extra_lines_rewritten"] += sum(r["lines"] for r in results.values())
            totals["crashes"] += sum(r["crashes"] for r in results.values())
            continue
        totals["artifacts"] += 1
        totals["dialects_detected"] += not dialect.startswith("crash") and dialect != "hand-written"
        for op, r in results.items():
            totals[f"lost_{op}"] += r["lost"]
            totals[f"lines_{op}"] += r["lines"]
            totals["crashes"] += r["crashes"]
            if op in LIVE:
                totals["live_files_rewritten"] += r["files"]
    totals["content_lost"] = sum(totals[f"lost_{op}"] for op in OPS)
    print(
        f"  total: content lost {totals['content_lost']:g} words, crashes {totals['crashes']:g}, "
        f"live files rewritten {totals['live_files_rewritten']:g}, "
        f"dialects detected {totals['dialects_detected']:g}/{totals['artifacts']:g}"
    )
    return totals


if __name__ == "__main__":
    print(run())
