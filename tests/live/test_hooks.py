"""Git hooks: record commits, reverts, checkouts, merges, rewrites; chain; never block git."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from arakit.live import hooks
from arakit.live.hooks import CHAINED, install, uninstall
from arakit.live.journal import Journal
from tests.live.helpers import ARA, events, git_repo, sh, tree

SYNC = {**os.environ, "ARA_HOOK_SYNC": "1"}


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, env=SYNC)
    assert done.returncode == 0, done.stderr
    return done


def test_a_revert_commit_becomes_a_dead_end_citing_the_reverted_commit(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    install(repo, art)
    (repo / "model.py").write_text("depth = 50\n")
    _git(repo, "add", "model.py")
    _git(repo, "commit", "-qm", "Try a deeper model")
    bad = _git(repo, "rev-parse", "HEAD").stdout.strip()
    _git(repo, "revert", "--no-edit", "HEAD")
    evs = events(art)
    assert [e["payload"]["action"] for e in evs] == ["commit", "commit"]
    assert evs[1]["payload"]["reverts"] == bad
    (node,) = tree(art)
    assert node.type == "dead_end" and node.hypothesis == "Try a deeper model"
    assert f"commit {bad}" in (node.source_refs or [])
    assert Journal(art).verify().ok


def test_branch_switches_merges_and_rewrites_are_recorded(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    install(repo, art)
    _git(repo, "checkout", "-qb", "idea")
    (repo / "x").write_text("1\n")
    _git(repo, "add", "x")
    _git(repo, "commit", "-qm", "idea work")
    _git(repo, "commit", "-q", "--amend", "-m", "idea work, reworded")
    _git(repo, "checkout", "-q", "main")
    _git(repo, "merge", "-q", "--no-ff", "-m", "Merge branch 'idea'", "idea")
    kinds = [(e["payload"]["action"], e["source"]) for e in events(art)]
    assert kinds == [
        ("checkout", "git post-checkout"),
        ("commit", "git post-commit"),
        ("commit", "git post-commit"),  # the amended commit is a commit too
        ("rewrite", "git post-rewrite"),
        ("checkout", "git post-checkout"),
        ("merge", "git post-merge"),
    ]
    ev = events(art)
    assert ev[0]["payload"]["from_branch"] == "main" and ev[0]["payload"]["to_branch"] == "idea"
    assert ev[3]["payload"]["how"] == "amend" and len(ev[3]["payload"]["rewritten"]) == 1
    assert ev[3]["payload"]["rewritten"][0][1] == ev[2]["payload"]["commit"]
    assert "idea" in ev[5]["payload"]["merged_branches"]


def test_an_existing_hook_keeps_running_with_its_arguments_and_stdin(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    hooks = repo / ".git" / "hooks"
    for name in ("post-commit", "post-rewrite"):
        script = hooks / name
        script.write_text(f'#!/bin/sh\necho "{name} $*" >> "$PWD/chain.log"\ncat >> chain.log\n')
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
    rep = install(repo, art)
    assert sorted(rep.chained) == ["post-commit", "post-rewrite"]
    assert (hooks / ("post-commit" + CHAINED)).exists()
    _git(repo, "commit", "-q", "--allow-empty", "-m", "one")
    _git(repo, "commit", "-q", "--amend", "--allow-empty", "-m", "one again")
    log = (repo / "chain.log").read_text()
    assert "post-commit" in log and "post-rewrite amend" in log
    old = _git(repo, "rev-parse", "HEAD@{1}").stdout.strip()
    assert old in log  # post-rewrite's stdin reached the chained hook
    uninstall(repo)
    assert "echo" in (hooks / "post-commit").read_text()
    assert not (hooks / ("post-commit" + CHAINED)).exists()


def test_git_is_not_blocked_when_arakit_is_gone(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    install(repo, art, python=str(tmp_path / "deleted-venv" / "python"))
    done = subprocess.run(
        ["git", "commit", "-q", "--allow-empty", "-m", "x"], cwd=repo, capture_output=True, env=SYNC
    )
    assert done.returncode == 0 and done.stderr == b""
    assert sh(["git", "log", "-1", "--format=%s"], repo).stdout == "x\n"
    assert not (art / "trace" / "events.jsonl").exists()


def test_git_is_not_blocked_when_the_interpreter_cannot_import_arakit(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    fake = tmp_path / "python"
    fake.write_text("#!/bin/sh\necho 'ModuleNotFoundError: arakit' >&2\nexit 1\n")
    fake.chmod(0o755)
    install(repo, art, python=str(fake))
    done = subprocess.run(
        ["git", "commit", "-q", "--allow-empty", "-m", "x"], cwd=repo, capture_output=True, env=SYNC
    )
    assert done.returncode == 0 and done.stderr == b""


def _wait_for(path: Path, bound_s: float = 300.0) -> None:
    """Until `path` exists. The bound only stops a broken test from hanging: it is far past
    anything a loaded machine needs, and nothing the test proves depends on it."""
    deadline = time.monotonic() + bound_s
    while not path.exists():
        assert time.monotonic() < deadline, f"{path.name} never appeared"
        time.sleep(0.05)


def test_the_hook_returns_before_the_recorder_finishes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git returns while the recorder it started is held at a gate: the hook never waits
    for it. Every step is an event (a file), never a time margin, so load cannot flake it."""
    monkeypatch.setattr(hooks, "HOOK_TIMEOUT_S", 3600)  # the gate, not the hook's timeout
    art = git_repo(tmp_path / "r")
    repo = art.parent
    started, go, finished = tmp_path / "started", tmp_path / "go", tmp_path / "finished"
    gated = tmp_path / "python"  # an interpreter that waits until the test lets it start
    gated.write_text(
        f"#!/bin/sh\ntouch {started}\nwhile [ ! -e {go} ]; do sleep 0.05; done\n"
        f'{sys.executable} "$@"\ntouch {finished}\n'
    )
    gated.chmod(0o755)
    install(repo, art, python=str(gated))
    env = {k: v for k, v in os.environ.items() if k != "ARA_HOOK_SYNC"}
    # a hook that waited for its recorder would wait for `go`, which only comes after this
    # returns: the commit would hang until the bound and fail the test
    subprocess.run(
        ["git", "commit", "-q", "--allow-empty", "-m", "bg"],
        cwd=repo,
        env=env,
        check=True,
        timeout=300,
    )
    _wait_for(started)  # the recorder is running, held at the gate
    assert not (art / "trace/events.jsonl").exists()
    go.touch()
    _wait_for(finished)
    assert events(art)[0]["payload"]["subject"] == "bg"


def test_eight_runs_and_a_git_hook_at_once_lose_nothing(tmp_path: Path) -> None:
    art = git_repo(tmp_path / "r")
    repo = art.parent
    install(repo, art)
    runs = [
        subprocess.Popen(
            [*ARA, "run", "-a", str(art), "--", sys.executable, "-c", f"print('run={i}')"],
            cwd=repo,
            stdout=subprocess.DEVNULL,
        )
        for i in range(8)
    ]
    commit = subprocess.Popen(
        ["git", "commit", "-q", "--allow-empty", "-m", "concurrent"], cwd=repo, env=SYNC
    )
    assert all(p.wait() == 0 for p in runs) and commit.wait() == 0
    rep = Journal(art).verify()
    assert rep.ok and rep.events == 9
    evs = events(art)
    assert sorted(e["payload"]["metrics"]["run"] for e in evs if e["kind"] == "command") == list(
        range(8)
    )
    assert sum(1 for e in evs if e["kind"] == "commit") == 1
    nodes = tree(art)
    assert len(nodes) == 8 and len({n.id for n in nodes}) == 8
    refs = sorted(n.source_refs[0] for n in nodes)
    assert len(set(refs)) == 8
    sh(["git", "status"], repo)
