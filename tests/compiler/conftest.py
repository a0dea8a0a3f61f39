"""A planted paper, a planted repository and the artifact compiled from them, made once."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.compiler import CompileReport, compile_sources
from tests.compiler.gitrepo import PlantedRepo, make_repo
from tests.compiler.pdfgen import PaperFile, make_paper


@pytest.fixture(scope="session")
def paper(tmp_path_factory: pytest.TempPathFactory) -> PaperFile:
    """The planted two-column paper."""
    return make_paper(tmp_path_factory.mktemp("paper") / "rwn.pdf")


@pytest.fixture(scope="session")
def repo(tmp_path_factory: pytest.TempPathFactory) -> PlantedRepo:
    """The planted git repository with a known history."""
    return make_repo(tmp_path_factory.mktemp("repo") / "rwn")


@pytest.fixture(scope="session")
def compiled(
    tmp_path_factory: pytest.TempPathFactory, paper: PaperFile, repo: PlantedRepo
) -> tuple[Path, CompileReport]:
    """The artifact compiled from the planted paper and repository (and its report)."""
    out = tmp_path_factory.mktemp("compiled") / "artifact"
    return out, compile_sources([str(paper.path), str(repo.path)], out)
