"""The Artifact: one typed model of a whole Ara folder, which every component meets in."""

from __future__ import annotations

from typing import Any

from pydantic import Field

from arakit.model.base import AraModel, Section
from arakit.model.claim import Claim
from arakit.model.concept import Concept
from arakit.model.config import ConfigFile
from arakit.model.document import MarkdownDoc
from arakit.model.evidence import Evidence
from arakit.model.experiment import Experiment
from arakit.model.heuristic import Heuristic
from arakit.model.ids import normalize_id
from arakit.model.paper import Paper
from arakit.model.problem import Problem
from arakit.model.related_work import RelatedWork
from arakit.model.run import ReproducePlan
from arakit.model.staging import Staging
from arakit.model.trace import Trace


class DocMeta(AraModel):
    """Title, preamble and unknown sections of an entity file such as logic/claims.md."""

    title: str = ""
    preamble: str = ""
    extra_sections: list[Section] = Field(default_factory=list)
    front_matter: str | None = None  # a YAML block above the text, kept as written


class Artifact(AraModel):
    """A whole artifact. A layer or file that is absent is `None` (or an empty list of files).

    `files` is the inventory of every file found on disk (relative paths); `problems` holds
    the files that could not be read, as errors with file and line. Neither takes part in
    equality, so an artifact read from disk equals the same artifact built in Python.
    """

    root: str | None = Field(default=None, exclude=True)
    paper: Paper | None = None
    problem: Problem | None = None
    claims: list[Claim] | None = None
    concepts: list[Concept] | None = None
    experiments: list[Experiment] | None = None
    related_work: list[RelatedWork] | None = None
    heuristics: list[Heuristic] | None = None
    solution_docs: list[MarkdownDoc] = Field(default_factory=list)
    configs: list[ConfigFile] = Field(default_factory=list)
    environment: MarkdownDoc | None = None
    reproduce: ReproducePlan | None = None
    trace: Trace | None = None
    staging: Staging | None = None
    evidence: Evidence = Field(default_factory=Evidence)
    doc_meta: dict[str, DocMeta] = Field(default_factory=dict)
    attachments: dict[str, str] = Field(default_factory=dict, exclude=True)
    files: list[str] = Field(default_factory=list, exclude=True)
    problems: list[Any] = Field(default_factory=list, exclude=True)

    # -- lookups ---------------------------------------------------------------------------
    def ids(self, prefix: str) -> list[str]:
        """IDs in use for one kind, in file order (`C`, `E`, `H`, `RW`, `N`, `O`, `G`, `A`)."""
        return [e.id for e in self.entities(prefix)]

    def entities(self, prefix: str) -> list[Any]:
        """The entities of one kind, in file order."""
        match prefix:
            case "C":
                return list(self.claims or [])
            case "E":
                return list(self.experiments or [])
            case "H":
                return list(self.heuristics or [])
            case "RW":
                return list(self.related_work or [])
            case "N":
                return self.trace.nodes() if self.trace else []
            case "O":
                return list(self.problem.observations) if self.problem else []
            case "G":
                return list(self.problem.gaps) if self.problem else []
            case "A":
                return list(self.problem.assumptions) if self.problem else []
            case "R":
                return list(self.reproduce.runs) if self.reproduce else []
        return []

    def get(self, entity_id: str) -> Any:
        """The entity with this ID (any kind), or None. `C1` finds `C01`."""
        want = normalize_id(entity_id)
        prefix = "RW" if want.startswith("RW") else want[:1]
        for e in self.entities(prefix):
            if e.id == want:
                return e
        return None

    def concept(self, term: str) -> Concept | None:
        """A concept by its term, case-insensitive."""
        for c in self.concepts or []:
            if c.term.lower() == term.strip().lower():
                return c
        return None
