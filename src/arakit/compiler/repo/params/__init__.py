"""Parameters as the code states them, in every common style, each with file:line and
its value exactly as written (python.py, files.py, shell.py, logs.py). Definitions are
never merged across files: which one an experiment uses is decided by reconciliation."""

from __future__ import annotations

import re

from arakit.compiler.repo.params.choices import choice_params, include_params
from arakit.compiler.repo.params.chunks import chunk_code, chunk_params, is_code_document
from arakit.compiler.repo.params.compiled import compiled_params, is_source
from arakit.compiler.repo.params.description import description_params, is_description
from arakit.compiler.repo.params.files import (
    gin_params,
    ini_params,
    json_params,
    toml_params,
    yaml_params,
)
from arakit.compiler.repo.params.logs import is_log_file, log_params
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.intervals import interval_params
from arakit.compiler.repo.params.notebook import notebook_params
from arakit.compiler.repo.params.python import python_params
from arakit.compiler.repo.params.rosxml import is_launch_xml, launch_xml_params
from arakit.compiler.repo.params.schemas import settings_only
from arakit.compiler.repo.params.shell import is_launch_script, shell_params
from arakit.compiler.repo.params.snakemake import is_snakefile, snakemake_params
from arakit.compiler.settings.names import words

__all__ = [
    "CodeParam",
    "compiled_params",
    "gin_params",
    "ini_params",
    "is_config",
    "is_launch_file",
    "is_package_document",
    "is_source",
    "json_params",
    "log_params",
    "notebook_params",
    "params_of",
    "python_params",
    "seed_calls",
    "seed_params",
    "shell_params",
    "toml_params",
    "yaml_params",
]

# packaging, CI, lock and editor files are not run configurations
_NOT_CONFIG = set(
    words(
        """
pyproject.toml environment.yml environment.yaml package.json package-lock.json tsconfig.json
poetry.lock pdm.lock .pre-commit-config.yaml codecov.yml mkdocs.yml citation.cff
setup.cfg tox.ini pytest.ini .flake8 mypy.ini .readthedocs.yml
.readthedocs.yaml _config.yml netlify.toml vercel.json renovate.json dependabot.yml
.travis.yml appveyor.yml meta.yaml tsconfig.base.json .eslintrc.json manifest.json
conda.yaml binder.yaml book.toml hugo.toml
"""
    )
)
_NOT_CONFIG_DIRS = (
    ".github/",
    ".gitlab",
    ".circleci/",
    ".idea/",
    ".vscode/",
    "node_modules/",
    "docs/_build/",
)
CONFIG_SUFFIXES = (".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".gin")


def is_config(rel: str) -> bool:
    """Config files that configure a run (not packaging, CI, site or editor files)."""
    low = rel.lower()
    name = low.rsplit("/", 1)[-1]
    if name in _NOT_CONFIG or low.startswith(_NOT_CONFIG_DIRS) or "/." in f"/{low}":
        return False
    if name.endswith(".ipynb"):
        return False
    if name.endswith(".json") and re.search(r"(?:^|/)(?:data|datasets?)/", low):
        return False  # data shipped as JSON, not a configuration
    return name.endswith(CONFIG_SUFFIXES)


# `[tool.*]` tables of pyproject.toml that configure development tools, not the research
_DEV_TOOLS = set(
    words(
        """
ruff black isort mypy pytest coverage setuptools setuptools_scm poetry hatch pdm flit pylint
pyright bumpversion commitizen codespell uv tox cibuildwheel semantic_release towncrier maturin
scikit-build mutmut bandit pydocstyle interrogate vulture docformatter nbqa sphinx pyupgrade
pre-commit yapf autopep8 flake8 pydantic-mypy check-manifest repo-review typos rye
"""
    )
)


def project_params(text: str, rel: str) -> list[CodeParam]:
    """Settings a project keeps in its pyproject.toml under `[tool.<name>]` (its own
    section, not a development tool's), and the version of the package it builds."""
    out = []
    for p in toml_params(text, rel):
        parts = p.context.split(".")
        own = len(parts) >= 2 and parts[0] == "tool" and parts[1] not in _DEV_TOOLS
        if own or p.name == "project.version":
            out.append(p)
    return out


def is_launch_file(rel: str) -> bool:
    """Files that launch runs with values: shell and job scripts, Makefiles, Snakemake
    workflows and XML launch files."""
    return is_launch_script(rel) or is_snakefile(rel) or is_launch_xml(rel)


def is_package_document(rel: str) -> bool:
    """Documents that state parameters beside the code: an R package's DESCRIPTION, and
    R Markdown / Quarto / Markdown files whose R or Julia chunks set values."""
    return is_description(rel) or is_code_document(rel)


def params_of(text: str, rel: str) -> list[CodeParam]:
    """Parameters in one file's text, by its kind (Python, config, launch script, log)."""
    low = rel.lower()
    if is_description(rel):
        return description_params(text, rel)
    if is_code_document(rel):
        return chunk_params(text, rel) + seed_params(chunk_code(text), rel)
    if low.rsplit("/", 1)[-1] == "pyproject.toml":
        return project_params(text, rel)
    if is_snakefile(rel):
        return snakemake_params(text, rel)
    if is_launch_xml(rel):
        return launch_xml_params(text, rel)
    if low.endswith(".py"):
        found = python_params(text, rel) + seed_params(text, rel) + choice_params(text, rel)
        return found + interval_params(text, rel)
    if low.endswith((".r", ".jl")):
        found = compiled_params(text, rel) + seed_params(text, rel) + choice_params(text, rel)
        return found + include_params(text, rel)
    if low.endswith(".ipynb"):
        return notebook_params(text, rel)
    if is_launch_script(rel):
        return shell_params(text, rel)
    if is_source(rel):
        return compiled_params(text, rel)
    if is_log_file(rel):
        return log_params(text, rel)
    if not is_config(rel):
        return []
    if low.endswith((".yaml", ".yml")):
        return settings_only(yaml_params(text, rel), text)
    if low.endswith(".json"):
        return json_params(text, rel)
    if low.endswith(".toml"):
        return toml_params(text, rel)
    if low.endswith(".gin"):
        return gin_params(text, rel)
    return ini_params(text, rel)


SEED_CALL_RE = re.compile(
    r"\b((?:torch\.(?:cuda\.)?manual_seed(?:_all)?|np\.random\.seed|numpy\.random\.seed|"
    r"random\.seed|tf\.random\.set_seed|set_seed|seed_everything|set\.seed|"
    r"(?:Random\.)?seed!))\(([^)]*)\)"
)
_SEED_LITERAL = re.compile(r"\d+")


def seed_params(source: str, rel: str) -> list[CodeParam]:
    """Seed calls with a literal seed (`np.random.seed(1)`, R `set.seed(333)`, Julia
    `Random.seed!(1)`), kind `seed`: the run's seed where the script fixes one. Lines that
    are comments are skipped."""
    out = []
    found = seed_calls(source, rel)
    lines = source.splitlines() if found else []
    for p in found:
        line = lines[p.line - 1].lstrip()
        if line.startswith(("#", "//", "%")) or not _SEED_LITERAL.fullmatch(p.value):
            continue
        out.append(p)
    return out


def seed_calls(source: str, rel: str) -> list[CodeParam]:
    """Calls that set a random seed (`torch.manual_seed(SEED)`), with the argument as written."""
    out = []
    for n, line in enumerate(source.splitlines(), start=1):
        for m in SEED_CALL_RE.finditer(line):
            out.append(CodeParam(m.group(1), m.group(2).strip(), rel, n, "seed"))
    return out
