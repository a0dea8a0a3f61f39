"""The scope of a paper's code: the tree read, the commit, the folders, and why."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.compiler.repo.params.compiled import SOURCE_SUFFIXES

CODE_SUFFIXES = (
    ".py",
    ".sh",
    ".yaml",
    ".yml",
    ".json",
    ".toml",
    ".ini",
    ".cfg",
    ".gin",
    ".r",
    ".jl",
    ".m",
    ".ipynb",
    ".launch",
    ".smk",
    "snakefile",
    "makefile",  # (lower-cased: Makefile, GNUmakefile) a pipeline's launcher
    *SOURCE_SUFFIXES,
)
# files that are programs (not configs or launch scripts): what "the largest code folder" counts
_PROGRAMS = (".py", ".ipynb", *SOURCE_SUFFIXES)


@dataclass
class Scope:
    """The paper's code: the tree read, the commit it is from, the folders in scope, what
    was set aside and why."""

    root: Path
    tree: Path
    # a paper with several experiments has several folders (`scripts/fracode`, §4.1, and
    # `scripts/simple`, §4.2); `why` says for each folder why it is the paper's
    folders: list[str] = field(default_factory=lambda: [""])
    why: dict[str, str] = field(default_factory=dict)
    # the paper's sections that report one experiment each, by number, and the folder of
    # that experiment ({"4.2": "scripts/simple"}), for comparing each with its own code
    sections: dict[str, str] = field(default_factory=dict)
    # files outside the folders that are the paper's code too: launch files that run the
    # folders' programs, scripts beside the paper
    files: list[str] = field(default_factory=list)
    # folders set aside, and single files the repository's notes call superseded
    excluded: list[tuple[str, str]] = field(default_factory=list)
    commit: str = ""
    commit_label: str = ""
    pdf_path: str = ""
    pdf_blob: str = ""
    head: str = ""
    head_differs: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    # names the paper presents as its own method (> 0) or as baselines (< 0)
    method: dict[str, int] = field(default_factory=dict)

    def includes(self, rel: str) -> bool:
        """True for a file inside a chosen folder and outside every folder set aside."""
        if rel in self.files:
            return True
        return self._holding(rel) != [] and not any(
            rel == e or rel.startswith(e.rstrip("/") + "/") for e, _ in self.excluded
        )

    def third_party(self, rel: str) -> bool:
        """True for a file of a folder set aside as someone else's code (vendored,
        submodules, a copied release of a library): like an installed dependency, its
        defaults are not the paper's settings."""
        return any(
            rel.startswith(f.rstrip("/") + "/") and why.startswith("third-party code")
            for f, why in self.excluded
        )

    def folder_of(self, rel: str) -> str | None:
        """The chosen folder that holds `rel` (the deepest one; "" for the root), or None
        for a file outside every folder and for a folder set aside: which of the paper's
        experiments a file belongs to."""
        holding = self._holding(rel) if self.includes(rel) else []
        return max(holding, key=len) if holding else None

    def _holding(self, rel: str) -> list[str]:
        return [
            f for f in self.folders if f == "" or rel == f or rel.startswith(f.rstrip("/") + "/")
        ]

    def to_json(self) -> dict[str, Any]:
        """A plain dict for reports."""
        return {
            "folders": self.folders,
            "why": {f: self.why[f] for f in self.folders if f in self.why},
            "sections": self.sections,
            "files": self.files,
            "excluded": [{"folder": f, "reason": r} for f, r in self.excluded],
            "commit": self.commit,
            "commit_label": self.commit_label,
            "pdf_path": self.pdf_path,
            "head": self.head,
            "head_differs": self.head_differs,
            "reasons": self.reasons,
        }
