"""Sorting the inputs by kind: PDFs, one repository, notes, experiment logs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from arakit.compiler.errors import InputError
from arakit.compiler.repo.source import is_local_git_url, is_remote

NOTE_SUFFIXES = (".md", ".markdown", ".txt", ".rst")
LOG_SUFFIXES = (".jsonl", ".csv")


@dataclass
class Inputs:
    """The inputs of one compile, by kind."""

    pdfs: list[Path] = field(default_factory=list)
    repo: str | None = None
    notes: list[Path] = field(default_factory=list)
    logs: list[Path] = field(default_factory=list)


def classify(specs: list[str]) -> Inputs:
    """Sort inputs; anything unknown, missing or remote is refused with the reason."""
    out = Inputs()
    if not specs:
        raise InputError(
            "no inputs given", hint="ara compile paper.pdf path/to/repo notes.md -o out/"
        )
    for spec in specs:
        if is_remote(spec):
            raise InputError(
                f"{spec}: remote repositories are not fetched",
                hint="clone it and give the local folder, a git bundle or a file:// URL",
            )
        p = Path(spec[len("file://") :] if is_local_git_url(spec) else spec)
        if not p.exists():
            raise InputError(f"{spec}: no such file or folder")
        kind = _kind(p, spec)
        if kind == "repo":
            if out.repo is not None:
                raise InputError(f"{spec}: a second repository; give one repository per compile")
            out.repo = spec
        elif kind == "pdf":
            out.pdfs.append(p)
        elif kind == "notes":
            out.notes.append(p)
        elif kind == "log":
            out.logs.append(p)
        else:
            raise InputError(
                f"{spec}: unknown kind of input",
                hint="expected a PDF, a repository (folder, .bundle or file:// URL), notes "
                "(.md, .txt) or an experiment log (.jsonl, .csv)",
            )
    if not out.pdfs and out.repo is None and not out.notes:
        raise InputError("nothing to compile: give at least a PDF, a repository or notes")
    return out


def _kind(p: Path, spec: str) -> str:
    if p.is_dir() or is_local_git_url(spec):
        return "repo"
    suffix = p.suffix.lower()
    if suffix == ".bundle":
        return "repo"
    if suffix == ".pdf":
        return "pdf"
    with p.open("rb") as fh:
        head = fh.read(5)
    if head == b"%PDF-":
        return "pdf"
    if suffix in NOTE_SUFFIXES:
        return "notes"
    if suffix in LOG_SUFFIXES:
        return "log"
    return "unknown"
