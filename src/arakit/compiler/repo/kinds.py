"""What a main-line commit did, from its subject and the files it changed: research work
(code, configs, results, data, analyses), writing (the paper, notes, documentation, figures)
or housekeeping (merges, CI, packaging, version bumps, typo and format fixes). The trace shows
research commits as experiment nodes and counts the others."""

from __future__ import annotations

import re

from arakit.compiler.repo.gitlog import Commit
from arakit.compiler.repo.paths import hidden, is_ci, is_code, is_packaging, is_result

_HOUSEKEEPING = re.compile(
    r"^\W*(?:merge\b|bump\b|(?:fix(?:e[sd])? )?typos?\b|format(?:ting)?\b|lint|whitespace|"
    r"\[ci|ci\b|pre-commit|(?:release|version)\s+v?\d)",
    re.IGNORECASE,
)
_WRITING_EXT = (
    ".tex", ".bib", ".md", ".rst", ".txt", ".bst", ".cls", ".sty", ".markdown", ".docx",
    ".pdf", ".png", ".jpg", ".jpeg", ".svg", ".eps", ".html",
)  # fmt: skip
# analyses written with their text (R Markdown, Quarto, Sweave), queries and pipelines
_ANALYSIS_EXT = (".rmd", ".qmd", ".rnw", ".sql", ".smk")
_PIPELINES = {"makefile", "snakefile"}
_DATA_EXT = (".csv", ".tsv", ".npz", ".npy", ".h5", ".hdf5", ".mat", ".parquet", ".pkl", ".rds")
_CONFIG_EXT = (".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".gin")
_TOOLING_FILES = {
    "pyproject.toml", "setup.cfg", "environment.yml", "environment.yaml", "requirements.txt",
    "project.toml", "manifest.toml", "package.json", "tox.ini", ".gitignore", "license",
}  # fmt: skip


def commit_kind(c: Commit) -> str:
    """What a main-line commit did: `research` (code, configs, results or data),
    `writing` (the paper, notes, documentation) or `housekeeping` (merges, CI, packaging,
    version bumps, typo and format fixes)."""
    if len(c.parents) > 1 or not c.changes or _HOUSEKEEPING.match(c.subject):
        return "housekeeping"
    kind = "housekeeping"
    for ch in c.changes:
        low = ch.path.lower()
        name = low.rsplit("/", 1)[-1]
        if is_ci(ch.path) or name in _TOOLING_FILES or is_packaging(ch.path) or hidden(low):
            continue
        if (
            is_code(low)
            or low.endswith(_CONFIG_EXT + _DATA_EXT + _ANALYSIS_EXT)
            or name in _PIPELINES
            or is_result(low)
        ):
            return "research"
        kind = "writing" if low.endswith(_WRITING_EXT) or "/docs/" in f"/{low}" else kind
    return kind
