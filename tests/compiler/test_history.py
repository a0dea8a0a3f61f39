"""History from every ref: each pattern abandoned work leaves, on real git repositories the
tests build (tests/compiler/gitrepo.py `git_repo`), read the way the compiler reads them."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from arakit.compiler.exploration import build_trace
from arakit.compiler.ground import params_of
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.source import repo_folder
from tests.compiler.gitrepo import git_repo

FIT = '''"""Fit the tank model with the soft-constrained integration method."""
num_iter = {iters}  # gradient-based optimization steps
lr = 1e-5  # learning rate
'''
STOP = "while loss > tol:\n    loss = step(model)\n"
LSTM = """import torch

# LSTM black-box model of the circuit
seq_len = 64  # subsequence length
hidden = 32
"""


def _read(path: Path, tracked: list[str] | None = None) -> History:
    h = read_history(path, params_of, tracked or [])
    assert h is not None
    return h


def _kinds(h: History) -> list[tuple[str, str]]:
    return [(f.kind, f.pattern) for f in h.findings]


def test_a_git_revert_is_a_dead_end_citing_both_commits_and_the_stated_reason(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "fit", "files": {"fit.py": FIT.format(iters=100)}, "msg": "Fit script"},
            {"key": "lstm", "files": {"lstm.py": LSTM}, "msg": "Try an LSTM model"},
            {
                "revert": "lstm",
                "key": "revert",
                "msg": 'Revert "Try an LSTM model"\n\nThe LSTM does not converge on the short '
                "sequences.\n\nThis reverts commit {lstm}.",
            },
        ],
    )
    h = _read(tmp_path)
    [f] = h.findings
    assert (f.kind, f.pattern, f.title) == ("dead_end", "revert", "Reverted: Try an LSTM model")
    assert f.commits[0] == repo.shas["lstm"] and f.files == ["lstm.py"]
    assert f.lesson == "The LSTM does not converge on the short sequences."


def test_a_commit_that_sets_a_file_back_exactly_is_an_undo_even_without_saying_so(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"fit.py": FIT.format(iters=100)}, "msg": "Fit script"},
            # new logic set back (a tweak of num_iter set back would be routine, no dead end)
            {"key": "more", "files": {"fit.py": FIT.format(iters=100) + STOP}, "msg": "Longer fit"},
            {"key": "back", "files": {"fit.py": FIT.format(iters=100)}, "msg": "Tidy up"},
        ],
    )
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.commits) == ("undo", [repo.shas["more"], repo.shas["back"]])
    assert f.title == "Undone: Longer fit"


def test_a_deleted_script_says_what_it_did_from_its_last_content(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "add", "files": {"models/lstm.py": LSTM, "fit.py": FIT.format(iters=1)}, "msg": "Models"},
            {"files": {"models/lstm.py": LSTM.replace("hidden = 32", "hidden = 64")}, "msg": "Wider"},
            {"key": "drop", "files": {"models/lstm.py": None}, "msg": "Remove old model"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.title) == ("dead_end", "deleted", "1 script deleted from models")
    assert f.commits == [repo.shas["add"], repo.shas["drop"]]
    assert f.what == (
        "lstm.py: LSTM black-box model of the circuit; seq_len = 64 (subsequence length), "
        "hidden = 64; uses torch"
    )


def test_deletions_that_abandon_nothing_are_not_dead_ends(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {
                "files": {
                    "stub.py": "# todo\n",
                    "tests/test_fit.py": FIT.format(iters=1),
                    "scratch.py": LSTM,
                    "exp/run_a.py": LSTM,
                    "again.py": FIT.format(iters=2),
                    "sim_mpc_pid.py": LSTM,
                },
                "msg": "Start",
            },
            {"files": {"stub.py": None, "tests/test_fit.py": None, "scratch.py": None}, "msg": "Clean"},
            {"files": {"exp/run_a.py": None}, "msg": "Experiments moved to their own repo"},
            {"files": {"again.py": None}, "msg": "Drop for now"},
            {"files": {"again.py": FIT.format(iters=3)}, "msg": "Bring it back"},
            {"files": {"sim_mpc_pid.py": None, "sim_pid_mpc.py": LSTM + "x = 1\n"}, "msg": "Rename"},
        ],
    )  # fmt: skip
    assert _read(tmp_path).findings == []


def test_a_rewrite_with_a_stated_reason_is_a_pivot(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"lib/completeness.pyx": LSTM}, "msg": "Completeness model"},
            {
                "files": {"lib/completeness.pyx": None, "lib/completeness.py": FIT.format(iters=1)},
                "msg": "Better completeness model",
            },
        ],
    )
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.lesson) == ("pivot", "rewritten", "Better completeness model")


def test_scripts_moved_or_added_into_an_old_folder_are_retired(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"ex/fit_soft.py": FIT.format(iters=7)}, "msg": "Soft fit"},
            {"key": "b", "move": {"ex/fit_soft.py": "ex/old/fit_soft.py"}, "msg": "cleaning up"},
            {"key": "c", "files": {"ex/deprecated/fit_fast.py": LSTM}, "msg": "keep the fast one"},
            {"key": "j", "files": {"lib/jit.py": LSTM}, "msg": "jit"},
            {"key": "d", "move": {"lib/jit.py": "lib/tmp/jit.py"}, "msg": "park jit"},
            {"files": {"lib/tmp/notes.py": LSTM}, "msg": "scratch space"},
        ],
    )
    found = [(f.pattern, f.title, f.commits) for f in _read(tmp_path).findings]
    assert found == [
        ("retired", "1 script retired to ex/old", [repo.shas["a"], repo.shas["b"]]),
        ("retired", "1 script retired to ex/deprecated", [repo.shas["c"]]),
        (
            "retired",
            "1 script retired to lib/tmp",
            [repo.shas["j"], repo.shas["d"]],
        ),
    ]


def test_a_branch_main_outlived_is_abandoned_and_a_recent_one_is_open(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"fit.py": FIT.format(iters=1)}, "msg": "Fit", "day": 0},
            {"on": "idea/lstm", "key": "idea", "files": {"lstm.py": LSTM}, "msg": "LSTM idea", "day": 1},
            {"on": "main", "files": {"fit.py": FIT.format(iters=2)}, "msg": "More", "day": 200},
            {"on": "wip", "key": "wip", "files": {"w.py": LSTM}, "msg": "Work in progress", "day": 210},
            {"on": "main", "files": {"fit.py": FIT.format(iters=3)}, "msg": "Even more", "day": 220},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    assert {r.label: r.status for r in h.refs} == {
        "main": "head",
        "idea/lstm": "stale",
        "wip": "open",
    }
    assert [(f.kind, f.title, f.commits) for f in h.findings] == [
        ("dead_end", "Abandoned branch idea/lstm", [repo.shas["idea"]]),
        ("experiment", "Open branch wip", [repo.shas["wip"]]),
    ]
    assert [b.name for b in h.abandoned] == ["idea/lstm"]


def test_merged_squashed_and_publishing_branches_are_not_dead_ends(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"fit.py": FIT.format(iters=1)}, "msg": "Fit", "day": 0},
            {"on": "feature", "files": {"a.py": LSTM}, "msg": "Feature", "day": 1},
            {"on": "squashed", "files": {"b.py": FIT.format(iters=9)}, "msg": "Part 1", "day": 2},
            {"on": "main", "merge": "feature", "day": 3},
            {"files": {"b.py": FIT.format(iters=9)}, "msg": "Squash of part 1", "day": 4},
            {"on": "main-pdf", "files": {"paper/ms.pdf": "%PDF-1.4 built"}, "msg": "Build", "day": 5},
            {"on": "main", "files": {"fit.py": FIT.format(iters=2)}, "msg": "Later", "day": 300},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    assert {r.label: r.status for r in h.refs} == {
        "main": "head",
        "feature": "merged",
        "squashed": "landed",
        "main-pdf": "publishing",
    }
    assert h.findings == []


def test_pull_request_refs_and_tags_in_a_bundle_are_read(tmp_path: Path) -> None:
    src = tmp_path / "src"
    repo = git_repo(
        src,
        [
            {"files": {"fit.py": FIT.format(iters=1)}, "msg": "Fit", "day": 0, "tag": "v0.1"},
            {"on": "pr", "key": "pr", "files": {"gmc.py": LSTM}, "msg": "Add GMC", "day": 1,
             "ref": "refs/pull/7/head", "tag": "gmc-try"},
            {"on": "main", "files": {"fit.py": FIT.format(iters=2)}, "msg": "Later", "day": 400},
        ],
    )  # fmt: skip
    subprocess.run(["git", "-C", str(src), "branch", "-q", "-D", "pr"], check=True)
    bundle = tmp_path / "repo.bundle"
    subprocess.run(
        ["git", "-C", str(src), "bundle", "create", "-q", str(bundle), "--all"],
        check=True, capture_output=True,
    )  # fmt: skip
    with repo_folder(str(bundle)) as folder:
        h = _read(folder)
    assert len(h.all_commits) == 3
    refs = {r.label: (r.kind, r.status, r.reach) for r in h.refs}
    assert refs["pull/7/head"] == ("pull", "stale", 2)
    assert refs["v0.1"] == ("tag", "merged", 1)
    assert refs["gmc-try"][:2] == ("tag", "stale")
    pr = next(f for f in h.findings if f.ref == "pull/7/head")
    assert (pr.kind, pr.title, pr.commits) == (
        "dead_end",
        "Abandoned pull request pull/7/head",
        [repo.shas["pr"]],
    )


def test_a_pivot_commit_and_a_replacement_with_a_reason_are_pivots(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"m.py": LSTM}, "msg": "LSTM model"},
            {"key": "b", "files": {"m.py": FIT.format(iters=1)}, "msg": "Pivot to a state-space model"},
            {"key": "c", "files": {"m.py": FIT.format(iters=2)},
             "msg": "Metric\n\n- focused logit metric instead of L1 over all logits; avoids dilution"},
        ],
    )  # fmt: skip
    found = [(f.kind, f.pattern, f.commits) for f in _read(tmp_path).findings]
    assert found == [
        ("pivot", "pivot", [repo.shas["a"], repo.shas["b"]]),
        ("pivot", "replaced", [repo.shas["b"], repo.shas["c"]]),
    ]


def test_a_message_that_concludes_something_failed_is_an_explicit_dead_end(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"m.py": LSTM}, "msg": "Eval\n\nDivision: 7/8, div(126,7) fails"},
            {"files": {"m.py": FIT.format(iters=1)},
             "msg": "No-LN variant\n\nThe no-LN model fails (0.24),\nshowing it is untrainable without LayerNorm."},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern) == ("dead_end", "message")
    assert f.lesson == "The no-LN model fails (0.24), showing it is untrainable without LayerNorm."


def test_a_readme_note_that_something_did_not_work_is_a_dead_end(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"files": {"README.md": "# Lib\n"}, "msg": "Readme"},
            {"key": "note", "files": {"README.md": "# Lib\n\nWe also tried to reproduce Nexus, but didn't obtain the paper's results.\n"},
             "msg": "Docs"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits, f.files) == (
        "dead_end",
        "note",
        [repo.shas["note"]],
        ["README.md"],
    )


def test_a_refactor_that_deletes_a_whole_model_is_not_dropped_silently(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "gmc", "files": {"src/lib/models/gmc/model.py": '"""The GMC model."""\nx = 1\n' * 5,
                                     "src/lib/models/gmc/config.py": "latent_dim = 32  # size\n" * 5,
                                     "src/lib/trainer.py": FIT.format(iters=1)}, "msg": "GMC"},
            {"key": "fmt", "files": {"src/lib/models/gmc/model.py": None, "src/lib/models/gmc/config.py": None,
                                     "src/lib/trainer.py": FIT.format(iters=2)}, "msg": "clean, black and isort"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert (f.pattern, f.title, f.commits) == (
        "deleted",
        "2 scripts deleted from src/lib/models/gmc",
        [repo.shas["gmc"], repo.shas["fmt"]],
    )
    assert "model.py: The GMC model." in f.what


def test_overwritten_results_are_recorded_as_re_runs_not_dead_ends(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "r1", "files": {"results/metrics.json": '{"acc": 0.5}'}, "msg": "Run 1"},
            {"key": "r2", "files": {"results/metrics.json": '{"acc": 0.7}'}, "msg": "Run 2"},
        ],
    )
    [f] = _read(tmp_path).findings
    assert (f.kind, f.pattern, f.commits) == (
        "experiment",
        "superseded",
        [repo.shas["r1"], repo.shas["r2"]],
    )


def test_config_values_that_change_become_decisions_with_earlier_values(tmp_path: Path) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"cfg.yaml": "lr: 0.5\n"}, "msg": "lr"},
            {"key": "b", "files": {"cfg.yaml": "lr: 0.25\n"}, "msg": "lower lr"},
        ],
    )
    trace = build_trace(None, None, _read(tmp_path, ["cfg.yaml"]), "")
    [d] = [n for n in trace.nodes() if n.type == "decision"]
    assert d.choice == f"lr = 0.25 (since {repo.shas['b'][:7]})"
    assert d.alternatives == [f"lr = 0.5 ({repo.shas['a'][:7]})"]
    assert d.source_refs == [repo.shas["a"], repo.shas["b"]]


def test_a_long_history_is_folded_into_counts_not_dropped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from arakit.compiler import history_trace

    monkeypatch.setattr(history_trace, "MAX_COMMIT_NODES", 3)
    monkeypatch.setattr(history_trace, "MAX_FINDING_NODES", 1)
    steps = [{"files": {f"s{i}.py": LSTM + f"k = {i}\n"}, "msg": f"Script {i}"} for i in range(8)]
    steps += [{"files": {f"s{i}.py": None}, "msg": f"Drop {i}"} for i in range(3)]
    git_repo(tmp_path, steps)
    trace = build_trace(None, None, _read(tmp_path), "")
    [summary] = [n for n in trace.nodes() if "history" in n.extra]
    counts = summary.extra["history"]
    assert (counts["commits_read"], counts["commit_nodes"], counts["commits_folded"]) == (11, 4, 7)
    assert (counts["finding_nodes"], counts["findings_folded"]) == (1, 2)
    assert counts["findings"] == {"dead_end:deleted": 3}
    assert "2 findings beyond 1 counted here only" in summary.result
    nodes = trace.nodes()
    assert sum(1 for n in nodes if n.type == "dead_end") == 1
    assert all(not n.children for n in nodes if n.type == "dead_end")


def test_a_subfolder_reads_every_commit_but_finds_only_its_own_files(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {
                "files": {"paper_a/fit.py": LSTM, "paper_b/fit.py": LSTM, "paper_a/README.md": "A"},
                "msg": "Two papers",
            },
            {"files": {"paper_a/fit.py": None, "paper_b/fit.py": None}, "msg": "Drop both fits"},
        ],
    )
    h = _read(tmp_path / "paper_a")
    assert len(h.all_commits) == 2 and h.prefix == "paper_a/"
    assert [f.files for f in h.findings] == [["paper_a/fit.py"]]


def test_file_names_with_spaces_tabs_and_accents_are_read_exactly(tmp_path: Path) -> None:
    name = "exp/run één\tb.py"
    git_repo(
        tmp_path,
        [
            {"files": {name: LSTM}, "msg": "Add"},
            {"move": {name: "exp/old/run één\tb.py"}, "msg": "Retire"},
        ],
    )
    [f] = _read(tmp_path).findings
    assert f.files == ["exp/old/run één\tb.py", name]


def test_the_trace_from_history_keeps_dead_ends_as_leaves_with_required_fields(
    tmp_path: Path,
) -> None:
    git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"ex/a.py": LSTM}, "msg": "Try A"},
            {"move": {"ex/a.py": "ex/old/a.py"}, "msg": "Retire A"},
            {"files": {"ex/b.py": LSTM}, "msg": "Pivot to B"},
        ],
    )
    trace = build_trace(None, None, _read(tmp_path), "")
    for n in trace.nodes():
        if n.type == "dead_end":
            assert not n.children and n.hypothesis and n.failure_mode and n.lesson
        if n.type == "pivot":
            assert n.from_ and n.to and n.trigger
        if n.support_level == "explicit":
            assert n.source_refs
    retired = next(n for n in trace.nodes() if n.extra.get("pattern") == "retired")
    parent = next(n for n in trace.nodes() if retired in n.children)
    assert parent.title == "Try A"


def test_a_repository_with_missing_objects_still_gives_its_commits_and_says_so(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "a", "files": {"a.py": LSTM}, "msg": "First"},
            {"files": {"b.py": LSTM}, "msg": "Second"},
        ],
    )
    tree = subprocess.run(
        ["git", "-C", str(tmp_path), "rev-parse", f"{repo.shas['a']}^{{tree}}"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (tmp_path / ".git" / "objects" / tree[:2] / tree[2:]).unlink()
    h = _read(tmp_path)
    assert len(h.all_commits) == 2 and h.findings == []
    assert h.problem.startswith("file changes not read (git log --all failed: fatal: unable to")
    trace = build_trace(None, None, h, "")
    assert h.problem in next(n.result for n in trace.nodes() if "history" in n.extra)


def test_a_folder_checked_out_at_an_older_commit_still_reads_the_main_line_past_it(
    tmp_path: Path,
) -> None:
    repo = git_repo(
        tmp_path,
        [
            {"key": "paper", "files": {"fit.py": FIT.format(iters=1)}, "msg": "Paper version"},
            {"files": {"lstm.py": LSTM}, "msg": "After the paper", "day": 100},
            {"files": {"lstm.py": None}, "msg": "Drop the LSTM", "day": 101},
        ],
    )
    subprocess.run(
        ["git", "-C", str(tmp_path), "checkout", "-q", "--detach", repo.shas["paper"]], check=True
    )
    h = _read(tmp_path)
    assert (h.branch, h.checked_out, len(h.commits)) == ("main", repo.shas["paper"], 3)
    assert [r.status for r in h.refs] == ["head"]
    assert [f.pattern for f in h.findings] == ["deleted"]


def test_one_cleanup_that_drops_two_benchmarks_names_both_in_one_finding(tmp_path: Path) -> None:
    git_repo(
        tmp_path,
        [
            {"files": {"examples/robot/main.py": LSTM, "examples/silverbox/train.py": LSTM,
                       "examples/wh/main.py": FIT.format(iters=1)}, "msg": "Benchmarks"},
            {"files": {"examples/robot/main.py": None, "examples/silverbox/train.py": None},
             "msg": "cleanup"},
        ],
    )  # fmt: skip
    [f] = _read(tmp_path).findings
    assert f.title == "2 scripts deleted from examples (robot, silverbox)"


def test_version_bumps_ci_reverts_and_vendored_libraries_are_not_dead_ends(tmp_path: Path) -> None:
    wheels = "jobs:\n  build:\n    uses: pypa/cibuildwheel@v{v}\n"
    git_repo(
        tmp_path,
        [
            {"files": {"fit.py": FIT.format(iters=1), ".github/workflows/wheels.yml": wheels.format(v=1)}, "msg": "Fit", "day": 0},
            {"on": "dependabot/cibw", "files": {".github/workflows/wheels.yml": wheels.format(v=2)}, "msg": "Bump pypa/cibuildwheel from 1 to 2", "day": 1},
            {"on": "main", "files": {".github/workflows/wheels.yml": wheels.format(v=3)}, "msg": "Build wheels for 2.7", "day": 2},
            {"files": {".github/workflows/wheels.yml": wheels.format(v=1)}, "msg": "Revert wheels", "day": 3},
            {"files": {"lib/boost_1.62.0/old/stream.py": LSTM}, "msg": "Vendor boost", "day": 4},
            {"files": {"lib/boost_1.62.0/old/stream.py": None}, "msg": "Unvendor boost", "day": 5},
            {"files": {"fit.py": FIT.format(iters=2)}, "msg": "Later", "day": 300},
        ],
    )  # fmt: skip
    h = _read(tmp_path)
    assert {r.label: r.status for r in h.refs}["dependabot/cibw"] == "maintenance"
    assert [f for f in h.findings if f.kind == "dead_end"] == []
