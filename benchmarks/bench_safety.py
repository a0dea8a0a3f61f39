"""Every attack and fault of the safety review (issue 13), with its verdict on this machine.

    python benchmarks/bench_safety.py [--json] [-k WORDS]

Each attack class is proved by a test that mounts the attack against the real thing (the
bubblewrap sandbox, a tmpfs that fills, a read-only bind mount, a FIFO, a hostile git
config); this script runs those tests and prints one line per attack: contained, NOT
CONTAINED, or skipped with the reason the machine gave (no root to mount, no bwrap). The
`before` column is what the red-team pass on the old main reported (issue 13): `failed`,
`held`, or `-` where the attack was added later. Exit status 1 when an attack is not
contained.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
L3 = "tests/seal/level3/"
A, S, H = L3 + "test_attacks.py::", L3 + "test_sandbox.py::", L3 + "test_hostile.py::"
RUN, J = "tests/live/test_run_faults.py::", "tests/live/test_journal.py::"
F, G = "tests/codec/test_hostile_files.py::", "tests/test_gitsafe.py::"


@dataclass(frozen=True)
class Attack:
    area: str
    name: str
    before: str  # what the red-team pass reported on the old main
    test: str  # node id, or a prefix matching several (parametrized) nodes


ATTACKS = [
    # Level 3: nothing of the artifact runs outside the sandbox
    Attack(
        "level3",
        "requirement: local path, URL, VCS URL or pip option",
        "failed",
        A + "test_a_requirement_that_pip_would_fetch_or_build_is_refused_naming_the_line",
    ),
    Attack(
        "level3",
        "sdist in the wheelhouse (setup.py would run)",
        "failed",
        A + "test_an_sdist_in_the_wheelhouse_is_never_built",
    ),
    Attack(
        "level3",
        "run id '..' (or a seed that sanitises to it)",
        "failed",
        A + "test_a_run_id_of_dotdot_never_escapes_or_deletes_anything",
    ),
    Attack(
        "level3",
        "two seeds that sanitise alike, --jobs 2",
        "failed",
        A + "test_seeds_that_look_alike_run_in_parallel_in_folders_of_their_own",
    ),
    Attack(
        "level3",
        "output shipped in src/ read as the run's output",
        "failed",
        A + "test_an_output_shipped_in_src_is_not_the_runs_output",
    ),
    Attack(
        "level3",
        "evidence hard-linked or copied under src/",
        "failed",
        A + "test_evidence_linked_or_copied_under_src_never_reaches_the_run",
    ),
    Attack(
        "level3",
        "tolerance .inf / NaN / negative / wider than the value",
        "failed",
        A + "test_a_tolerance_that_would_pass_anything_is_not_checkable",
    ),
    Attack(
        "level3",
        "gigabytes written: total disk bound, folder removed",
        "failed",
        A + "test_a_run_writing_gigabytes_is_stopped_at_the_disk_bound_and_leaves_nothing",
    ),
    Attack(
        "level3",
        "disk bound over work copy, /tmp and HOME together",
        "failed",
        S + "test_disk_is_bounded_for_the_run_as_a_whole",
    ),
    Attack(
        "level3",
        "4 processes past a total memory bound",
        "failed",
        S + "test_memory_is_bounded_for_the_run_as_a_whole_not_per_process",
    ),
    Attack(
        "level3",
        "memory and disk bounds without cgroups or mounts",
        "-",
        S + "test_without_a_cgroup_the_watchdog_keeps_the_memory_and_disk_bounds",
    ),
    Attack(
        "level3",
        "one sandbox's fork bomb starving another",
        "failed",
        S + "test_each_sandbox_has_its_own_process_quota",
    ),
    Attack(
        "level3",
        "process sandbox: root, writes /usr and /etc, host name",
        "failed",
        S + "test_process_sandbox_is_an_unprivileged_user_that_cannot_touch_the_system",
    ),
    Attack(
        "level3",
        "orphans after the timeout (setsid, SIGTERM ignored)",
        "failed",
        S + "test_timeout_kills_every_process_even_those_that_left_the_group",
    ),
    Attack(
        "level3",
        "orphans after a run that exits",
        "-",
        S + "test_an_orphan_left_by_a_run_that_exits_is_killed_too",
    ),
    Attack(
        "level3",
        "MYSQL_PWD, DB_PASS, SENTRY_DSN, proxy passwords",
        "failed",
        S + "test_the_environment_is_an_allow_list_not_a_filtered_copy",
    ),
    Attack(
        "level3",
        "process sandbox reads evidence and seals",
        "failed",
        A + "test_the_process_sandbox_never_yields_a_passing_seal_even_when_it_reads_evidence",
    ),
    Attack(
        "level3",
        "host paths and host name inside bwrap",
        "failed",
        S + "test_host_name_and_host_paths_are_hidden_inside_bwrap",
    ),
    Attack(
        "level3",
        "host paths in /proc/self/mountinfo (interpreter, venv, box)",
        "failed",
        S + "test_mountinfo_in_a_reproduction_names_no_host_folder",
    ),
    Attack(
        "level3",
        "reproduce killed mid-run: mounts and cgroups left",
        "-",
        A + "test_a_reproduce_killed_mid_run_is_swept_by_the_next_one",
    ),
    Attack(
        "level3",
        "evidence by relative paths",
        "held",
        H + "test_reading_evidence_by_relative_paths_fails_inside_the_sandbox",
    ),
    Attack(
        "level3",
        "evidence by absolute path",
        "held",
        H + "test_reading_evidence_by_absolute_path_fails_inside_the_sandbox",
    ),
    Attack(
        "level3",
        "network connections",
        "held",
        H + "test_network_connections_fail_and_the_host_listener_sees_nothing",
    ),
    Attack(
        "level3",
        "writes outside the working copy",
        "held",
        H + "test_writing_outside_the_working_copy_fails_and_leaves_no_file",
    ),
    Attack(
        "level3",
        "home keys and secret variables",
        "held",
        H + "test_the_users_home_keys_and_secret_variables_are_not_visible",
    ),
    Attack(
        "level3",
        "fork bomb",
        "held",
        H + "test_a_fork_bomb_is_contained_by_the_process_limit_and_the_timeout",
    ),
    Attack(
        "level3",
        "timeout with descendants",
        "held",
        H + "test_a_run_past_its_timeout_is_killed_with_every_descendant",
    ),
    Attack("level3", "only the box is writable", "held", S + "test_only_the_box_is_writable"),
    # ara run never blocks the researcher
    Attack(
        "ara run",
        "disk full while the command prints (piped)",
        "failed",
        RUN + "test_a_disk_that_fills_while_the_command_prints_never_hangs_or_cuts_the_output",
    ),
    Attack(
        "ara run",
        "disk full on a terminal",
        "failed",
        RUN + "test_on_a_terminal_a_full_disk_neither_kills_the_command_nor_hangs",
    ),
    Attack(
        "ara run",
        "disk full, little output: exit code and record",
        "failed",
        RUN + "test_a_full_disk_with_little_output_keeps_the_exit_code_and_spools_the_run",
    ),
    Attack(
        "ara run",
        "read-only artifact",
        "failed",
        RUN + "test_a_read_only_artifact_runs_the_command_and_records_it_when_writable_again",
    ),
    Attack(
        "ara run",
        "`trace` that is a file",
        "failed",
        RUN + "test_trace_that_is_a_file_runs_the_command_spools_it_and_records_it_later",
    ),
    Attack(
        "ara run",
        "no artifact",
        "failed",
        RUN + "test_without_an_artifact_the_command_runs_and_one_line_says_why",
    ),
    Attack(
        "ara run",
        "non-JSON line in the middle of the journal",
        "failed",
        RUN + "test_a_merge_conflict_marker_in_the_journal_never_stops_run_status_or_recover",
    ),
    Attack(
        "ara run",
        "broken last line and JSON bomb in the journal",
        "-",
        J + "test_a_broken_last_line_is_stepped_over_and_recover_leaves_a_whole_chain",
    ),
    Attack(
        "ara run",
        "edited event with every later hash recomputed",
        "failed",
        RUN + "test_an_edit_with_every_later_hash_recomputed_fails_against_the_anchors",
    ),
    Attack(
        "ara run",
        "events cut off the end of the journal",
        "-",
        RUN + "test_cutting_events_off_the_end_fails_against_the_anchor",
    ),
    Attack(
        "ara run",
        "kill -9 mid-append, concurrent writers",
        "held",
        J + "test_kill_9_in_the_middle_of_an_append_is_recovered",
    ),
    Attack(
        "ara run",
        "32 concurrent writers",
        "held",
        J + "test_concurrent_writers_lose_no_event_and_keep_the_chain",
    ),
    # readers and compile
    Attack(
        "readers",
        "YAML nested 100,000 deep (flow)",
        "failed",
        F + "test_yaml_nested_100000_deep_in_brackets_is_refused_before_parsing",
    ),
    Attack(
        "readers",
        "YAML nested 100,000 deep (compact block)",
        "failed",
        F + "test_yaml_nested_100000_deep_in_compact_sequences_is_refused",
    ),
    Attack(
        "readers",
        "YAML alias bomb (ara fmt)",
        "failed",
        F + "test_yaml_alias_bomb_is_refused_by_the_reader_and_fmt_leaves_the_file",
    ),
    Attack(
        "readers",
        "symlink loop",
        "failed",
        F + "test_symlink_loop_is_one_clean_error_in_the_reader_and_the_cli",
    ),
    Attack(
        "readers",
        "FIFO named claims.md",
        "failed",
        F + "test_a_fifo_named_claims_md_is_never_opened_for_reading",
    ),
    Attack(
        "readers",
        "character device named claims.md",
        "failed",
        F + "test_a_character_device_named_claims_md_is_not_read",
    ),
    Attack(
        "readers",
        "sparse 20 GB file",
        "-",
        F + "test_a_sparse_20_gb_file_is_refused_by_size_without_reading_it",
    ),
    Attack(
        "readers",
        "hostile files in every real corpus artifact",
        "-",
        F + "test_every_corpus_artifact_survives_each_hostile_file",
    ),
    Attack(
        "compile",
        "repository config: fsmonitor, hooks, pager, diff, filters",
        "failed",
        G + "test_ara_compile_runs_nothing_from_an_untrusted_repository",
    ),
    Attack(
        "compile",
        "the same through the compiler's and live capture's git",
        "-",
        G + "test_the_compilers_git_runs_nothing_from_the_repository_config",
    ),
]


def run_tests(attacks: list[Attack]) -> dict[str, list[tuple[str, str]]]:
    """node id → [(outcome, message)] for every test node the attacks name."""
    files = sorted({a.test.split("::")[0] for a in attacks})
    names = " or ".join(sorted({a.test.split("::")[1] for a in attacks}))
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs",
             f"--junitxml={report}", "-k", names, *files],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if not report.exists():
            sys.exit("error: pytest wrote no report; run the tests by hand to see why")
        tree = ET.parse(report)
    results: dict[str, list[tuple[str, str]]] = {}
    for case in tree.iter("testcase"):
        module = case.get("classname", "").replace(".", "/") + ".py"
        node = f"{module}::{case.get('name', '')}"
        outcome, message = "passed", ""
        for tag in ("failure", "error", "skipped"):
            el = case.find(tag)
            if el is not None:
                outcome = tag
                message = (
                    (el.get("message") or "").splitlines()[0][:120] if el.get("message") else ""
                )
        results[node] = [(outcome, message)]
    return results


def verdicts(attacks: list[Attack]) -> list[dict[str, str]]:
    """One row per attack: its verdict over every test node it names."""
    results = run_tests(attacks)
    rows = []
    for a in attacks:
        got = [r for node, rs in results.items() if node.split("[")[0] == a.test for r in rs]
        if not got:
            verdict, why = "NOT RUN", "no such test"
        elif any(o in ("failure", "error") for o, _ in got):
            verdict, why = "NOT CONTAINED", next(m for o, m in got if o in ("failure", "error"))
        elif all(o == "skipped" for o, _ in got):
            verdict, why = "skipped", got[0][1]
        else:
            verdict, why = "contained", f"{sum(o == 'passed' for o, _ in got)} case(s)"
        rows.append({"area": a.area, "attack": a.name, "before": a.before, "now": verdict,
                     "detail": why, "test": a.test})  # fmt: skip
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the rows as JSON")
    ap.add_argument("-k", default="", help="only attacks whose name contains these words")
    args = ap.parse_args()
    chosen = [a for a in ATTACKS if args.k.lower() in f"{a.area} {a.name}".lower()]
    rows = verdicts(chosen)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        for r in rows:
            print(f"{r['area']:8} {r['before']:6} -> {r['now']:13} {r['attack']}  [{r['detail']}]")
        counts = {v: sum(r["now"] == v for r in rows) for v in ("contained", "skipped")}
        bad = len(rows) - sum(counts.values())
        print(f"{len(rows)} attacks: {counts['contained']} contained, {counts['skipped']} skipped, "
              f"{bad} not contained")  # fmt: skip
    return 1 if any(r["now"] in ("NOT CONTAINED", "NOT RUN") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
