"""Stage 3, physical grounding: what the repository states (parameters with file:line,
environment, the core modules entry points reach) and how its values moved over time."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from arakit.compiler.repo.environment import Environment, read_environment
from arakit.compiler.repo.execution import reached_modules
from arakit.compiler.repo.history import History, read_history
from arakit.compiler.repo.params import (
    CodeParam,
    json_params,
    python_params,
    toml_params,
    yaml_params,
)
from arakit.compiler.repo.source import RepoFiles, list_files

MAX_TRACKED = 30
_NOT_CONFIG = {
    "pyproject.toml",
    "environment.yml",
    "environment.yaml",
    "package.json",
    "package-lock.json",
    "tsconfig.json",
    "poetry.lock",
    "pdm.lock",
    ".pre-commit-config.yaml",
    "codecov.yml",
    "mkdocs.yml",
    "citation.cff",
}


@dataclass
class Grounding:
    """Everything stage 3 read from one repository."""

    root: Path
    repo: RepoFiles
    params: list[CodeParam] = field(default_factory=list)
    environment: Environment = field(default_factory=Environment)
    execution: list[str] = field(default_factory=list)
    history: History | None = None
    config_files: list[str] = field(default_factory=list)


def is_config(rel: str) -> bool:
    """YAML, JSON and TOML files that configure a run (not packaging, CI or lock files)."""
    name = rel.rsplit("/", 1)[-1].lower()
    if name in _NOT_CONFIG or rel.startswith((".github/", ".gitlab", ".circleci/")):
        return False
    return name.endswith((".yaml", ".yml", ".json", ".toml"))


def params_of(text: str, rel: str) -> list[CodeParam]:
    """Parameters in one file's text, by its kind (Python, YAML, JSON or TOML)."""
    low = rel.lower()
    if low.endswith(".py"):
        return python_params(text, rel)
    if low.endswith((".yaml", ".yml")):
        return yaml_params(text, rel)
    if low.endswith(".json"):
        return json_params(text, rel)
    if low.endswith(".toml"):
        return toml_params(text, rel)
    return []


def ground_repo(root: Path, with_history: bool = True) -> Grounding:
    """Read parameters, environment, core modules and (when asked) the git history."""
    repo = list_files(root)
    g = Grounding(root=root, repo=repo)
    tracked: list[str] = []
    for rel in repo.files:
        if not (rel.endswith(".py") or is_config(rel)):
            continue
        if rel.endswith(".py") and rel.split("/")[0] in ("tests", "test", "docs"):
            continue
        text = repo.read(rel)
        if text is None:
            continue
        found = params_of(text, rel)
        g.params += found
        if any(p.known for p in found) and len(tracked) < MAX_TRACKED:
            tracked.append(rel)  # followed through history: bounded, since each costs git calls
        if is_config(rel):
            g.config_files.append(rel)
    g.environment = read_environment(repo)
    g.execution = reached_modules(repo)
    if with_history:
        g.history = read_history(root, params_of, tracked)
    return g
