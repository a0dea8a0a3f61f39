"""The software environment a repository declares: Python, dependencies, base image, seeds."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field

from arakit.compiler.repo.manifests import (
    Manifest,
    julia_project,
    r_description,
    setup_cfg,
    setup_py,
)
from arakit.compiler.repo.params import CodeParam, seed_calls
from arakit.compiler.repo.source import RepoFiles

_REQ_RE = re.compile(
    r"^\s*([A-Za-z0-9_.\-\[\]]+)\s*((?:[<>=!~]=?|===)\s*[^;#\s]+(?:\s*,\s*[<>=!~]=?\s*[^;#\s,]+)*)?"
)


@dataclass
class Environment:
    """What the repository says about where it runs; each item names its file."""

    python: list[tuple[str, str]] = field(default_factory=list)  # (version spec, where)
    runtimes: list[tuple[str, str]] = field(default_factory=list)  # R, Julia (spec, where)
    dependencies: list[tuple[str, str]] = field(default_factory=list)  # (requirement, where)
    images: list[tuple[str, str]] = field(default_factory=list)  # (FROM image, where)
    seeds: list[CodeParam] = field(default_factory=list)
    hardware: list[tuple[str, str]] = field(default_factory=list)


# manifests by file name: an R package, a Julia project, setuptools
_MANIFESTS = {
    "DESCRIPTION": r_description,
    "Project.toml": julia_project,
    "setup.py": setup_py,
    "setup.cfg": setup_cfg,
}
# folders whose manifests build documentation or run tests, not the experiment
_NOT_THE_RUN = re.compile(r"(^|/)(docs?|tests?|site|website)/", re.IGNORECASE)


def read_environment(repo: RepoFiles) -> Environment:
    """Requirements files, pyproject.toml, environment.yml, Dockerfiles, R DESCRIPTION,
    Julia Project.toml, setup.py/setup.cfg and seed calls. Manifests under docs/ or tests/
    are left out: they describe building the documentation or testing, not the runs."""
    env = Environment()
    for rel in repo.files:
        name = rel.rsplit("/", 1)[-1]
        low = name.lower()
        if name in _MANIFESTS and not _NOT_THE_RUN.search(rel):
            _add(env, _MANIFESTS[name](repo.read(rel) or "", rel))
        elif _NOT_THE_RUN.search(rel) and not low.endswith(".py"):
            continue
        elif low.endswith(".txt") and low.startswith("requirements"):
            _requirements(repo.read(rel) or "", rel, env)
        elif low == "pyproject.toml":
            _pyproject(repo.read(rel) or "", rel, env)
        elif low in ("environment.yml", "environment.yaml", "conda.yml", "conda.yaml"):
            _conda(repo.read(rel) or "", rel, env)
        elif low == "dockerfile" or low.startswith("dockerfile.") or low.endswith(".dockerfile"):
            _dockerfile(repo.read(rel) or "", rel, env)
        elif low.endswith((".py", ".r", ".jl")):
            env.seeds += seed_calls(repo.read(rel) or "", rel)
    return env


def _add(env: Environment, m: Manifest) -> None:
    env.python += m.python
    env.runtimes += m.runtimes
    env.dependencies += m.dependencies


def _requirements(text: str, rel: str, env: Environment) -> None:
    for n, line in enumerate(text.splitlines(), start=1):
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        m = _REQ_RE.match(line)
        if m:
            env.dependencies.append((line, f"{rel}:{n}"))


def _pyproject(text: str, rel: str, env: Environment) -> None:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return
    project = data.get("project", {})
    if isinstance(project.get("requires-python"), str):
        env.python.append((project["requires-python"], rel))
    for dep in project.get("dependencies", []) or []:
        if isinstance(dep, str):
            env.dependencies.append((dep, rel))
    poetry = data.get("tool", {}).get("poetry", {}).get("dependencies", {})
    for name, spec in poetry.items() if isinstance(poetry, dict) else []:
        if name == "python":
            env.python.append((str(spec), rel))
        else:
            env.dependencies.append((f"{name} {spec}" if isinstance(spec, str) else name, rel))


def _conda(text: str, rel: str, env: Environment) -> None:
    in_deps = False
    for n, line in enumerate(text.splitlines(), start=1):
        if re.match(r"^dependencies\s*:", line):
            in_deps = True
            continue
        if in_deps and re.match(r"^\S", line):
            in_deps = False
        m = re.match(r"^\s*-\s*([^\s#:]+)\s*$", line)
        if in_deps and m:
            dep = m.group(1)
            if dep.startswith("python") and re.match(r"python[=<>]", dep):
                env.python.append((dep.removeprefix("python").lstrip("="), f"{rel}:{n}"))
            else:
                env.dependencies.append((dep, f"{rel}:{n}"))


def _dockerfile(text: str, rel: str, env: Environment) -> None:
    for n, line in enumerate(text.splitlines(), start=1):
        m = re.match(r"^\s*FROM\s+(?:--platform=\S+\s+)?(\S+)", line, re.IGNORECASE)
        if m:
            env.images.append((m.group(1), f"{rel}:{n}"))
            py = re.match(r"python:(\d+(?:\.\d+)*)", m.group(1))
            if py:
                env.python.append((py.group(1), f"{rel}:{n}"))
            if "cuda" in m.group(1).lower():
                env.hardware.append((f"CUDA base image {m.group(1)}", f"{rel}:{n}"))
