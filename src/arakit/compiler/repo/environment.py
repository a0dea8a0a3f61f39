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
from arakit.compiler.text import sentences

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
        elif low.endswith((".py", ".r", ".jl")) and not _TEST_FILE.search(rel):
            env.seeds += _run_seeds(repo.read(rel) or "", rel)
        elif _README.match(rel) and len(env.hardware) < MAX_README_HARDWARE:
            env.hardware += _readme_hardware(repo.read(rel) or "", rel)
    return env


# a test's seed fixes the test, not the run
_TEST_FILE = re.compile(r"(?:^|/)(?:tests?/|test_[^/]*$|[^/]*_test\.\w+$|conftest\.py$)", re.I)


def _run_seeds(text: str, rel: str) -> list[CodeParam]:
    """Seed calls on lines that run (a commented-out `# seed_everything(42)` sets nothing)."""
    lines = text.splitlines()
    return [
        p for p in seed_calls(text, rel) if not lines[p.line - 1].lstrip().startswith(("#", "//"))
    ]


# the README at the root or one folder down (a subproject's), not documentation pages
_README = re.compile(r"^(?:[^/]+/)?readme(?:\.(?:md|rst|txt|markdown))?$", re.I)
MAX_README_HARDWARE = 3
# a named machine part (a vendor, a product line or model) and a device noun, in one sentence
_NAMED_PART = re.compile(
    r"\b(?:NVIDIA|Nvidia|AMD|Intel|Xeon|EPYC|Ryzen|Threadripper|GeForce|Tesla|Quadro|Titan|"
    r"RTX\s?A?\d{3,4}|GTX\s?\d{3,4}|[AHLV]100|A[456]000|L40S?|TPU\s?v\d|Apple\s+M[1-4])\b"
)
_DEVICE_NOUN = re.compile(r"\b(?:[GCT]PUs?|[Pp]rocessors?|cores?|RAM|memory|VRAM|GB)\b")


def _readme_hardware(text: str, rel: str) -> list[tuple[str, str]]:
    """Sentences of a README that name the machine the work runs on (`The tested target host
    has four NVIDIA RTX 4000 Ada Generation GPUs with 20 GB each.`), each with the line it
    starts on, said to be the README's."""
    out: list[tuple[str, str]] = []
    para: list[tuple[int, str]] = []
    for n, line in enumerate([*text.splitlines(), ""], start=1):
        stripped = line.strip()
        if stripped and not line.startswith("    ") and not stripped.startswith(_NOT_PROSE):
            para.append((n, stripped))
            continue
        out += _hardware_sentences(para, rel)
        para = []
        if len(out) >= MAX_README_HARDWARE:
            break
    return out[:MAX_README_HARDWARE]


_NOT_PROSE = ("#", "|", "```", "<", "$", ">>>")


def _hardware_sentences(para: list[tuple[int, str]], rel: str) -> list[tuple[str, str]]:
    """(sentence "(as the README states)", file:line) for the paragraph's hardware sentences."""
    joined, starts = "", []
    for n, piece in para:
        starts.append((len(joined), n))
        joined += piece + " "
    out = []
    at = 0
    for sentence in sentences(joined):
        start = joined.find(sentence, at)
        at = max(at, start)
        if len(sentence) > 300 or not _NAMED_PART.search(sentence):
            continue
        if not _DEVICE_NOUN.search(sentence):
            continue
        line = max((n for pos, n in starts if pos <= at), default=para[0][0])
        out.append((f"{sentence} (as the README states)", f"{rel}:{line}"))
    return out


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
