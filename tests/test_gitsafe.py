"""A repository is untrusted: nothing its git configuration names ever runs.

The repository below configures every command git can be made to run on a read — an
fsmonitor, a hooks folder full of hooks, a pager, an external diff, a textconv driver and
clean/smudge filters picked by its .gitattributes — each of which would leave a marker file.
`ara compile` (folder, bundle, file:// URL), the compiler's `git()`, and the live capture's
git probe run against it, and no marker may appear.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from arakit.compiler.repo.source import git as compiler_git
from arakit.live.gitinfo import git as live_git
from arakit.live.gitinfo import tree_state


def sh(*args: str, cwd: Path) -> None:
    subprocess.run(args, cwd=cwd, check=True, capture_output=True)


def trap(marks: Path, name: str) -> str:
    return f"sh -c 'touch {marks}/{name}; cat' --"


@pytest.fixture
def hostile_repo(tmp_path: Path) -> tuple[Path, Path]:
    """(repository, folder where markers appear if anything of it ran)."""
    marks = tmp_path / "marks"
    hooks = tmp_path / "hooks"
    marks.mkdir()
    hooks.mkdir()
    repo = tmp_path / "repo"
    repo.mkdir()
    sh("git", "init", "-q", cwd=repo)
    (repo / "train.py").write_text("lr = 0.1\n")
    (repo / ".gitattributes").write_text("*.py diff=evil filter=evil\n")
    sh("git", "add", ".", cwd=repo)
    sh("git", "-c", "user.name=a", "-c", "user.email=a@b", "commit", "-qm", "init", cwd=repo)
    (repo / "train.py").write_text("lr = 0.2\n")  # a change, so status and diff look closer
    for hook in ("post-checkout", "post-index-change", "reference-transaction", "pre-auto-gc"):
        h = hooks / hook
        h.write_text(f"#!/bin/sh\ntouch {marks}/hook-{hook}\n")
        h.chmod(0o755)
    ext = tmp_path / "extdiff"
    ext.write_text(f"#!/bin/sh\ntouch {marks}/extdiff\n")
    ext.chmod(0o755)
    for key, value in {
        "core.fsmonitor": f"touch {marks}/fsmonitor; false",
        "core.hooksPath": str(hooks),
        "core.pager": trap(marks, "pager"),
        "diff.external": str(ext),
        "diff.evil.textconv": trap(marks, "textconv"),
        "diff.evil.command": str(ext),
        "filter.evil.clean": trap(marks, "clean"),
        "filter.evil.smudge": trap(marks, "smudge"),
    }.items():
        sh("git", "config", key, value, cwd=repo)
    sh("git", "status", cwd=repo)  # the traps are armed: plain git springs them
    assert sorted(p.name for p in marks.iterdir()), "the trap repository does not trap"
    for p in marks.iterdir():
        p.unlink()
    return repo, marks


def fired(marks: Path) -> list[str]:
    return sorted(p.name for p in marks.iterdir())


def test_the_compilers_git_runs_nothing_from_the_repository_config(hostile_repo) -> None:
    repo, marks = hostile_repo
    for args in (
        ["status"],
        ["diff"],
        ["diff", "HEAD"],
        ["log", "-p"],
        ["show", "HEAD"],
        ["show", "HEAD:train.py"],
        ["log", "--name-only", "--format=%H"],
        ["rev-parse", "--is-inside-work-tree"],
    ):
        compiler_git(repo, *args)
    assert fired(marks) == []
    assert "lr = 0.1" in compiler_git(repo, "show", "HEAD:train.py")  # still works


def test_the_live_git_probe_runs_nothing_from_the_repository_config(hostile_repo) -> None:
    repo, marks = hostile_repo
    state = tree_state(repo)
    assert state is not None and state["dirty"] and state["diff_hash"]
    assert live_git(["log", "-p", "-1"], repo) is not None
    assert fired(marks) == []


@pytest.mark.parametrize("form", ["folder", "bundle", "file-url"])
def test_ara_compile_runs_nothing_from_an_untrusted_repository(
    hostile_repo, tmp_path: Path, form: str
) -> None:
    repo, marks = hostile_repo
    if form == "bundle":
        spec = str(tmp_path / "repo.bundle")
        sh("git", "bundle", "create", spec, "--all", cwd=repo)
    elif form == "file-url":
        spec = f"file://{repo}"
    else:
        spec = str(repo)
    for p in marks.iterdir():  # bundling ran the repository's hooks; that was git, not us
        p.unlink()
    exe = Path(sys.executable).parent / "ara"
    r = subprocess.run(
        [str(exe), "compile", spec, "-o", str(tmp_path / f"out-{form}")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert "Traceback" not in r.stderr and r.returncode in (0, 1), r.stderr
    assert fired(marks) == []


def test_a_global_filter_is_not_run_on_the_clone_of_a_bundle(
    hostile_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A filter in the user's own config, picked by the bundle's .gitattributes at checkout."""
    from arakit.compiler.repo.source import repo_folder

    repo, marks = hostile_repo
    bundle = tmp_path / "repo.bundle"
    sh("git", "bundle", "create", str(bundle), "--all", cwd=repo)
    glob = tmp_path / "gitconfig"
    glob.write_text(f'[filter "evil"]\n\tsmudge = "{trap(marks, "global-smudge")}"\n')
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(glob))
    for p in marks.iterdir():
        p.unlink()
    sh("git", "clone", "-q", str(bundle), str(tmp_path / "plain"), cwd=tmp_path)
    assert fired(marks) == ["global-smudge"]  # a plain clone runs it
    (marks / "global-smudge").unlink()
    with repo_folder(str(bundle)) as folder:
        assert (folder / "train.py").read_text() == "lr = 0.1\n"
    assert fired(marks) == []


def test_hooks_install_still_honours_the_repositorys_hooks_path(tmp_path: Path) -> None:
    from arakit.live.hooks import hooks_dir

    repo = tmp_path / "r"
    repo.mkdir()
    sh("git", "init", "-q", cwd=repo)
    sh("git", "config", "core.hooksPath", str(tmp_path / "myhooks"), cwd=repo)
    assert hooks_dir(repo) == tmp_path / "myhooks"
