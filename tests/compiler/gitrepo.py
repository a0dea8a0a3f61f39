"""A small git repository with a known history, built by the tests with the git CLI.

History on main: initial script (learning rate 0.05) → training config (dropout 0.1) →
learning rate raised to 0.1 → cosine schedule tried → that commit reverted → dropout set to
0.3 → Dockerfile. A branch `exp/no-norm` forks after the revert and is never merged; main goes on four months
later (dropout, Dockerfile), so the branch is abandoned rather than open.
Planted paper–code mismatches: batch size (paper 256, code 128), dropout (paper 0.2, code 0.3).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timedelta, UTC
from pathlib import Path
from typing import Any

TRAIN = '''"""Train a gated residual network."""
import argparse
import random

from model import ModelConfig, build_model
from settings import TrainSettings

SEED = 42


def parse_args():
    p = argparse.ArgumentParser()
    p.add_argument("--lr", type=float, default={lr}, help="initial learning rate")
    p.add_argument("--batch-size", type=int, default=128)
    p.add_argument("--momentum", type=float, default=0.9)
    return p.parse_args()


def main():
    args = parse_args()
    random.seed(SEED)
    model = build_model(ModelConfig())
    print(model, args, TrainSettings())


if __name__ == "__main__":
    main()
'''
MODEL = '''"""The gated residual network."""
from dataclasses import dataclass


@dataclass
class ModelConfig:
    depth: int = 50
    hidden_size: int = 2048
    gate_init: float = 0.0
    use_norm: bool = {norm}


def build_model(cfg):
    return {{"depth": cfg.depth, "gates": cfg.gate_init}}
'''
SETTINGS = '''"""Training settings."""
from pydantic import BaseModel, Field


class TrainSettings(BaseModel):
    epochs: int = 90
    warmup_epochs: int = Field(default=5, description="epochs of gate warmup")
'''
CONFIG = """optimizer:
  weight_decay: 0.0001
regularization:
  dropout: {dropout}
"""
SCHEDULE = '''"""Cosine schedule with warm restarts."""
import math


def cosine(step, period=1000):
    return 0.5 * (1 + math.cos(math.pi * (step % period) / period))
'''
DOCKERFILE = "FROM python:3.11-slim\nRUN pip install -r requirements.txt\n"
PYPROJECT = '[project]\nname = "rwn"\nrequires-python = ">=3.10"\ndependencies = ["torch>=2.1"]\n'


@dataclass
class PlantedRepo:
    """The repository and the hashes of the commits the tests look for."""

    path: Path
    shas: dict[str, str] = field(default_factory=dict)


def _git(path: Path, *args: str, when: int = 0) -> str:
    date = (datetime(2026, 1, 1, 10, tzinfo=UTC) + timedelta(days=when)).isoformat()
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Ada",
        "GIT_AUTHOR_EMAIL": "ada@example.org",
        "GIT_COMMITTER_NAME": "Ada",
        "GIT_COMMITTER_EMAIL": "ada@example.org",
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    res = subprocess.run(
        ["git", "-C", str(path), *args], capture_output=True, text=True, env=env, check=True
    )
    return res.stdout.strip()


def make_repo(path: Path) -> PlantedRepo:
    """Build the planted repository at `path` (created) and return it with its commit hashes."""
    path.mkdir(parents=True, exist_ok=True)
    repo = PlantedRepo(path)
    _git(path, "init", "--quiet", "--initial-branch=main")
    # main goes on for months after the branch: exp/no-norm is abandoned, not open
    day = iter([1, 2, 3, 4, 5, 6, 7, 130, 131])

    def commit(key: str, message: str, files: dict[str, str]) -> None:
        for rel, text in files.items():
            (path / rel).parent.mkdir(parents=True, exist_ok=True)
            (path / rel).write_text(text, encoding="utf-8")
        _git(path, "add", *files)
        _git(path, "commit", "--quiet", "-m", message, when=next(day))
        repo.shas[key] = _git(path, "rev-parse", "HEAD")

    commit(
        "initial",
        "Initial training script",
        {
            "train.py": TRAIN.format(lr="0.05"),
            "model.py": MODEL.format(norm="True"),
            "requirements.txt": "torch==2.1.0\nnumpy>=1.24\n",
        },
    )
    commit(
        "config",
        "Add training config",
        {"config.yaml": CONFIG.format(dropout="0.1"), "settings.py": SETTINGS},
    )
    commit("lr", "Raise learning rate to 0.1", {"train.py": TRAIN.format(lr="0.1")})
    commit("cosine", "Try cosine schedule with restarts", {"schedule.py": SCHEDULE})
    _git(path, "revert", "--no-edit", "HEAD", when=next(day))
    repo.shas["revert"] = _git(path, "rev-parse", "HEAD")
    _git(path, "checkout", "--quiet", "-b", "exp/no-norm")
    commit("no_norm", "Remove normalization layers", {"model.py": MODEL.format(norm="False")})
    _git(path, "checkout", "--quiet", "main")
    commit("dropout", "Set dropout to 0.3", {"config.yaml": CONFIG.format(dropout="0.3")})
    commit(
        "docker",
        "Add Dockerfile and pin environment",
        {"Dockerfile": DOCKERFILE, "pyproject.toml": PYPROJECT},
    )
    return repo


def git_repo(path: Path, steps: list[dict[str, Any]], head: str = "main") -> PlantedRepo:
    """A repository built from `steps`, in order; returns it with the hash of each keyed step.

    A step may switch branch (`on`: created from the current commit when new), start an
    `orphan` branch with an empty tree, write or delete files (`files`: path -> text or
    bytes, None deletes), move files (`move`: old -> new),
    `revert` a keyed commit (with `msg` as its message when given, git's own otherwise),
    then commit (`msg`, on day `day` after 2026-01-01) and record the hash under `key`;
    or `merge` a branch (--no-ff), `tag` the current commit, or
    point `ref` (a full ref name such as refs/pull/1/head) at it. `head` is checked out last.
    """
    path.mkdir(parents=True, exist_ok=True)
    repo = PlantedRepo(path)
    _git(path, "init", "--quiet", f"--initial-branch={head}")
    for n, step in enumerate(steps):
        when = int(step.get("day", n))
        if "on" in step:
            exists = _git(path, "branch", "--list", step["on"])
            _git(path, "checkout", "--quiet", *(() if exists else ("-b",)), step["on"])
        if "orphan" in step:  # a branch with no history and an empty tree (a CI build branch)
            _git(path, "checkout", "--quiet", "--orphan", step["orphan"])
            _git(path, "rm", "-r", "-f", "--quiet", "--ignore-unmatch", ".")
        for old, new in step.get("move", {}).items():
            (path / new).parent.mkdir(parents=True, exist_ok=True)
            _git(path, "mv", old, new)
        for rel, text in step.get("files", {}).items():
            if text is None:
                _git(path, "rm", "--quiet", rel)
                continue
            (path / rel).parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                (path / rel).write_bytes(text)  # a binary file, such as the paper's PDF
            else:
                (path / rel).write_text(text, encoding="utf-8")
            _git(path, "add", rel)
        if "revert" in step:
            _git(path, "revert", "--no-commit", repo.shas[step["revert"]], when=when)
            if "msg" not in step:
                _git(path, "commit", "--quiet", "--no-edit", when=when)
        if "msg" in step:
            msg = str(step["msg"])
            for k, sha in repo.shas.items():  # "{key}" in a message names an earlier commit
                msg = msg.replace("{" + k + "}", sha)
            _git(path, "commit", "--quiet", "--allow-empty", "-m", msg, when=when)
        if "merge" in step:
            _git(
                path,
                "merge",
                "--quiet",
                "--no-ff",
                "-m",
                f"Merge {step['merge']}",
                step["merge"],
                when=when,
            )
        if "tag" in step:
            _git(path, "tag", step["tag"])
        if "ref" in step:
            _git(path, "update-ref", step["ref"], "HEAD")
        if "key" in step:
            repo.shas[step["key"]] = _git(path, "rev-parse", "HEAD")
    _git(path, "checkout", "--quiet", head)
    return repo
