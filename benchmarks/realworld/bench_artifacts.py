"""Seal Level 1 and Level 2 on the artifacts written by others, scored against truth files.

For every folder of `$ARA_CORPUS/artifacts` (and `truth/artifacts/<name>.yaml`, written by
reading the artifact's files; see truth/artifacts/README.md):

- crashes: Level 1 or Level 2 raising instead of reporting;
- Level 1 under the default (upstream) profile: errors reported, false alarms (errors that
  match no true defect by file, kind and entity), true defects missed;
- Level 2 (rules judge): major and critical findings, how many the truth labels, how many
  of those are false; the grade, and whether a blocking Level 1 error stopped a pass;
- the existing defect benchmark (benchmarks/bench_review.py) scored as it scores itself:
  recall over every planted defect, and the hand-made numeric slips found.

Extra artifacts (never committed; e.g. upstream's examples fetched into /tmp) can be named
in `ARA_EXTRA_ARTIFACTS` (paths separated by `:`): they are run for crashes and counts and
printed. Their truth files, written the same way, may sit in the folder `ARA_EXTRA_TRUTH`
(`<name>.yaml`); extras are totalled apart (`extra_*`), never in the corpus metrics the floors
hold. `ARA_SKIP_DEFECTS=1` leaves out the defect benchmark (for a quick look; the floors then
miss its metrics).
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

import yaml

from benchmarks.realworld import corpus

TRUTH = corpus.TRUTH / "artifacts"

# What kind of defect each Level 1 code reports, in the truth files' words.
KIND_BY_CODE = {
    "L1-ID-001": "duplicate_id",
    "L1-TRACE-004": "missing_field",
    "L1-FIELD-001": "missing_field",
    "L1-TRACE-006": "missing_field",
    "L1-TRACE-002": "dead_end_children",
    "L1-TRACE-001": "cycle",
    "L1-PAPER-005": "layer_index_dangling",
    "L1-PAPER-004": "layer_index_missing",
    "L1-PAPER-001": "front_matter",
    "L1-PAPER-002": "front_matter",
    "L1-COUNT-008": "no_claims",
    "L1-COUNT-010": "nothing_to_judge",
    "L1-EVID-002": "missing_field",
    "L1-EVID-003": "source_mismatch",
    "L1-LAYOUT-001": "missing_file",
}


def kind_of(code: str) -> str:
    if code in KIND_BY_CODE:
        return KIND_BY_CODE[code]
    if code.startswith("L1-REF-"):
        return "dangling_ref"
    if code.startswith("L1-READ-"):
        return "unreadable"
    return code


def load_truth(name: str, folder: Path = TRUTH) -> dict[str, Any] | None:
    path = folder / f"{name}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None


def score_level1(report: Any, truth: dict[str, Any]) -> dict[str, int]:
    """Errors reported, false alarms and misses, matching (file, kind, entity) as multisets."""
    want = Counter(
        (d["file"], d["kind"], d.get("entity")) for d in truth["level1"].get("errors") or []
    )
    got = Counter(
        (f.file, kind_of(f.code), f.entity) for f in report.findings if f.severity == "error"
    )
    hit = sum((want & got).values())
    return {
        "errors": sum(got.values()),
        "false_alarms": sum(got.values()) - hit,
        "missed": sum(want.values()) - hit,
        "true": sum(want.values()),
    }


def finding_key(f: Any) -> tuple[str, str]:
    """How a truth label names a Level 2 finding: its code and its first entity."""
    return f.code, (f.entities[0] if f.entities else "")


def score_level2(report: Any, truth: dict[str, Any] | None) -> dict[str, int]:
    """Major+ findings, and of those the ones the truth labels (by code, entity, and the
    `about` text found in the message) true or false."""
    labels = ((truth or {}).get("level2") or {}).get("findings") or []
    majors = [f for f in report.findings if f.severity in ("major", "critical")]
    labelled = false = 0
    unlabelled: list[str] = []
    for f in majors:
        code, entity = finding_key(f)
        match = [
            lab
            for lab in labels
            if lab["code"] == code
            and (lab.get("entity") or "") == entity
            and str(lab.get("about", "")) in f"{f.message} {f.quote}"
        ]
        if not match:
            unlabelled.append(f"{code} {entity}: {f.message[:90]}")
            continue
        labelled += 1
        false += match[0]["holds"] is False
    return {
        "majors": len(majors),
        "labelled": labelled,
        "false": false,
        "unlabelled": len(unlabelled),
        "_unlabelled": unlabelled,  # type: ignore[dict-item]
    }


def defect_benchmark() -> dict[str, float]:
    """benchmarks/bench_review.py's own scorer on its own bases: recall over every planted
    defect (all types pooled) and the hand-made numeric slips found."""
    root = corpus.ROOT
    sys.path.insert(0, str(root / "benchmarks"))
    import bench_review  # type: ignore[import-not-found]
    from synth import build_artifact  # type: ignore[import-not-found]

    from arakit.codec import read_artifact

    bases = {n: read_artifact(root / "examples" / n) for n in ("dropout-mlp", "polyfit-ridge")}
    for k in range(3):
        bases[f"synth-{k}"] = build_artifact(f"review-{k}")
    result = bench_review.run(bases)
    table = result["recall"]
    n = sum(row["n"] for row in table.values())
    found = sum(round(row["recall"] * row["n"]) for row in table.values())
    hand, missed = bench_review.handmade()
    for kind, row in table.items():
        print(f"  defect {kind:28} n={row['n']:>3} recall={row['recall']:.2f}")
    return {
        "defect_recall": round(found / n, 4),
        "defect_types_below_0.9": float(sum(row["recall"] < 0.9 for row in table.values())),
        "handmade_slips_found": float(hand),
        "handmade_slips_total": float(hand + len(missed)),
    }


def _extra() -> list[Path]:
    raw = os.environ.get("ARA_EXTRA_ARTIFACTS", "")
    return [Path(p) for p in raw.split(":") if p.strip()]


def _extra_truth() -> Path | None:
    raw = os.environ.get("ARA_EXTRA_TRUTH", "").strip()
    return Path(raw) if raw else None


def score_set(paths: list[Path], truth_dir: Path | None) -> Counter[str]:
    """Run Level 1 and Level 2 on each artifact, print one line each, and total the scores."""
    from arakit.seal.level1 import validate
    from arakit.seal.level2 import review

    totals: Counter[str] = Counter()
    for path in paths:
        name = path.name
        truth = load_truth(name, truth_dir) if truth_dir else None
        start = time.perf_counter()
        try:
            l1 = validate(path)
            l2 = review(path)
        except Exception:  # a crash is what this benchmark counts, not a reason to stop
            traceback.print_exc()
            totals["crashes"] += 1
            print(f"{name:22} CRASH")
            continue
        ms = (time.perf_counter() - start) * 1000
        s2 = score_level2(l2, truth)
        block = l2.blocked_by[0].split()[0] if l2.blocked_by else "-"
        totals["l2_passes_despite_blocking"] += bool(l2.blocked_by and l2.passed)
        # upstream reviews only what passed Level 1: no Accept while Level 1 reports errors
        totals["l2_accepted_despite_level1_errors"] += bool(
            l1.errors and l2.grade in ("Accept", "Strong Accept")
        )
        if truth is None:
            print(
                f"{name:22} (no truth) L1 errors {l1.errors:3}  L2 majors {s2['majors']:3}  "
                f"grade {l2.grade:13} block {block}  {ms:.0f} ms"
            )
            continue
        s1 = score_level1(l1, truth)
        print(
            f"{name:22} L1 errors {s1['errors']:3} false {s1['false_alarms']:2} "
            f"missed {s1['missed']:2}/{s1['true']:2}  L2 majors {s2['majors']:3} "
            f"labelled {s2['labelled']:3} false {s2['false']:2}  grade {l2.grade:13} "
            f"block {block}  {ms:.0f} ms"
        )
        for line in s2["_unlabelled"]:  # type: ignore[attr-defined]
            print(f"    unlabelled: {line}")
        totals["artifacts"] += 1
        totals["l1_errors"] += s1["errors"]
        totals["l1_false_alarms"] += s1["false_alarms"]
        totals["l1_missed"] += s1["missed"]
        totals["l1_true"] += s1["true"]
        for k in ("majors", "labelled", "false", "unlabelled"):
            totals[f"l2_{k}"] += s2[k]
    return totals


def summary(totals: Counter[str]) -> dict[str, float]:
    """The benchmark's metrics from a set's totals."""
    return {
        "crashes": float(totals["crashes"]),
        "l2_passes_despite_blocking": float(totals["l2_passes_despite_blocking"]),
        "l2_accepted_despite_level1_errors": float(totals["l2_accepted_despite_level1_errors"]),
        "artifacts": float(totals["artifacts"]),
        "l1_errors": float(totals["l1_errors"]),
        "l1_false_alarms": float(totals["l1_false_alarms"]),
        "l1_false_alarm_rate": round(totals["l1_false_alarms"] / max(1, totals["l1_errors"]), 4),
        "l1_recall": round(
            (totals["l1_true"] - totals["l1_missed"]) / max(1, totals["l1_true"]), 4
        ),
        "l2_majors": float(totals["l2_majors"]),
        "l2_majors_labelled": float(totals["l2_labelled"]),
        "l2_majors_unlabelled": float(totals["l2_unlabelled"]),
        "l2_major_false_alarms": float(totals["l2_false"]),
        "l2_major_false_alarm_rate": round(totals["l2_false"] / max(1, totals["l2_labelled"]), 4),
    }


def run() -> dict[str, float]:
    out = summary(score_set(corpus.artifacts(), TRUTH))
    extra = _extra()
    if extra:
        print("  -- extra artifacts (not in the floors)")
        out.update({f"extra_{k}": v for k, v in summary(score_set(extra, _extra_truth())).items()})
    if os.environ.get("ARA_SKIP_DEFECTS") != "1":
        out.update(defect_benchmark())
    return out


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:32} {value:g}")
