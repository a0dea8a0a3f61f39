"""Real git repositories and real `ara` processes for the live tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ARA = [sys.executable, "-m", "arakit.cli.main"]


def sh(args: list[str], cwd: Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    """Run a command, fail loudly when it fails."""
    done = subprocess.run(args, cwd=cwd, capture_output=True, text=True, **kw)
    assert done.returncode == 0, f"{args} failed: {done.stderr}"
    return done


def git_repo(root: Path, files: dict[str, str] | None = None) -> Path:
    """A git repository with one commit holding `files` and an empty artifact trace/ folder."""
    root.mkdir(parents=True, exist_ok=True)
    sh(["git", "init", "-q", "-b", "main"], root)
    sh(["git", "config", "user.email", "researcher@example.org"], root)
    sh(["git", "config", "user.name", "Researcher"], root)
    for rel, text in (files or {"README": "study\n"}).items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    (root / ".gitignore").write_text("ara/\n")
    sh(["git", "add", "-A"], root)
    sh(["git", "commit", "-qm", "initial"], root)
    (root / "ara" / "trace").mkdir(parents=True)
    return root / "ara"


def ara(
    args: list[str], cwd: Path, env: dict[str, str] | None = None, **kw: Any
) -> subprocess.CompletedProcess[bytes]:
    """Run the real `ara` command as a process; returns bytes output and the exit code."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([*ARA, *args], cwd=cwd, capture_output=True, env=full_env, **kw)


def events(artifact: Path) -> list[dict[str, Any]]:
    """Every journal line, parsed."""
    path = artifact / "trace" / "events.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()]


def load_yaml(path: Path) -> Any:
    """A YAML file through arakit's own reader."""
    from arakit.codec import yamlio

    return yamlio.load(path.read_text(), str(path))


def tree(artifact: Path) -> list[Any]:
    """Every node of the exploration tree, depth first."""
    from arakit.codec.trace import read_trace

    return read_trace((artifact / "trace/exploration_tree.yaml").read_text()).nodes()
