"""Reconciliation of a one-paragraph paper against a repository a test builds."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.ground import ground_repo
from arakit.compiler.pdf.document import DocSection, Document, Paragraph
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.settings import paper_settings
from tests.compiler.gitrepo import git_repo


def one_paragraph(
    text: str, section: str = "4", title: str = "Experiments", page: int = 6
) -> Document:
    """A paper whose only paragraph is `text`, in section `section` on page `page`."""
    doc = Document(path="p.pdf", pages=page + 1)
    doc.sections = [
        DocSection(section, title, page, page, paragraphs=[Paragraph(text, page, section)])
    ]
    return doc


def reconciled(tmp_path: Path, doc: Document, files: dict[str, str]) -> list[Verdict]:
    """The verdicts of `doc` against a one-commit repository of `files` (the READMEs'
    statements included), values reported as not working left out."""
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "project"}])
    g = ground_repo(repo.path, with_history=False)
    return [v for v in reconcile(paper_settings(doc), g.in_scope()) if not v.negative]
