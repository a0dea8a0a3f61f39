"""Safety under hostile artifacts and failing disks (issue 13), held to "every attack
contained": the attack catalogue of benchmarks/bench_safety.py, each proved by its test
against the real sandbox, mounts and files; one case mounts every reader attack in each
real corpus artifact by others.

A skipped attack (no root to mount, no bwrap) is not contained: the floor says so.
"""

from __future__ import annotations

from benchmarks.bench_safety import ATTACKS, verdicts


def run() -> dict[str, float]:
    rows = verdicts(ATTACKS)
    for r in rows:
        print(f"{r['area']:8} {r['now']:13} {r['attack']}  [{r['detail']}]")
    contained = sum(r["now"] == "contained" for r in rows)
    return {
        "attacks": float(len(rows)),
        "attacks_contained": float(contained),
        "attacks_not_contained": float(len(rows) - contained),
        "attacks_failed_before_now_contained": float(
            sum(r["before"] == "failed" and r["now"] == "contained" for r in rows)
        ),
    }
