"""evidence/results/: the repository's small result files, byte for byte, with the commit
each is from (the paper's, or a later HEAD, said as such)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from arakit.compiler.ground import ground_repo
from arakit.compiler.results import MAX_FILE, README, is_result_file, result_files
from arakit.compiler.scope import Scope

SUMMARY = '{\n  "seed_0": {\n    "n_failures": 11,\n    "accuracy": 0.98\n  }\n}\n'


def test_result_files_are_told_from_datasets_tests_and_code() -> None:
    assert is_result_file("experiments/results/phase4_summary.json")
    assert is_result_file("round2_trained/eval_tracking.csv")
    assert is_result_file("examples/does/doe6_res.csv")
    assert not is_result_file("examples/data/RLC_data_id.csv")  # a dataset
    assert not is_result_file("results/plot.py")  # code
    assert not is_result_file("configs/train.yaml")


def test_small_result_files_are_copied_byte_for_byte_and_indexed(
    tree: Callable[..., Path],
) -> None:
    root = tree(
        {
            "exp/train.py": "lr = 1e-3\n",
            "experiments/results/phase4_summary.json": SUMMARY,
            "tests/results/expected.json": "{}\n",
            "experiments/results/huge.json": "[" + "1," * MAX_FILE + "1]\n",
        }
    )
    g = ground_repo(root, with_history=False)
    g.scope = Scope(root=root, tree=root, folders=["exp"], commit_label="abc1234 paper")
    got = result_files(g)
    assert got["evidence/results/experiments/results/phase4_summary.json"] == SUMMARY
    assert not any("tests/" in k or "huge" in k for k in got)
    assert "`experiments/results/phase4_summary.json` | abc1234 paper |" in got[README]


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_results_added_after_the_papers_commit_are_kept_apart_and_labelled(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    (repo / "results").mkdir(parents=True)
    _git(tmp_path, "init", "-q", str(repo))
    (repo / "train.py").write_text("lr = 1e-3\n")
    (repo / "results" / "eval_paper.json").write_text('{"acc": 0.9}\n')
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "paper")
    paper = _git(repo, "rev-parse", "HEAD")
    (repo / "results" / "eval_later.json").write_text(SUMMARY)
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "later")
    head = _git(repo, "rev-parse", "HEAD")
    old = tmp_path / "old"
    _git(repo, "worktree", "add", "-q", "--detach", str(old), paper)
    g = ground_repo(repo, with_history=False, tree=old)
    g.scope = Scope(root=repo, tree=old, commit=paper, head=head, commit_label="paper commit")
    got = result_files(g)
    assert got["evidence/results/results/eval_paper.json"] == '{"acc": 0.9}\n'
    assert got["evidence/results/head/results/eval_later.json"] == SUMMARY
    assert f"HEAD `{head[:7]}`, after the paper's commit" in got[README]
    assert "evidence/results/head/results/eval_paper.json" not in got  # unchanged: once
