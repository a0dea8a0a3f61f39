"""Folder ⇄ model. `read_artifact` is tolerant and keeps what it does not understand;
`write_artifact` is canonical and atomic.

Every file is read on its own: a broken file becomes an error in `Artifact.problems`
(or is raised, with `strict=True`) and the rest of the artifact still loads.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Callable
from typing import Any
from pathlib import Path

from pydantic import ValidationError

from arakit.codec.fs import DEFAULT_LIMITS, Limits, atomic_write, inventory, read_text
from arakit.errors import ArtifactError, NotAnArtifactError, ParseError
from arakit.model.artifact import Artifact, DocMeta

# Canonical titles for files written from a model that never had one.
CLAIMS, EXPERIMENTS, CONCEPTS = "logic/claims.md", "logic/experiments.md", "logic/concepts.md"
RELATED, HEURISTICS, PROBLEM = (
    "logic/related_work.md",
    "logic/solution/heuristics.md",
    "logic/problem.md",
)
TRACE, STAGING, REPRODUCE = (
    "trace/exploration_tree.yaml",
    "staging/observations.yaml",
    "src/reproduce.yaml",
)
ENVIRONMENT, EVIDENCE_INDEX = "src/environment.md", "evidence/README.md"

__all__ = ["Limits", "read_artifact", "read_file_into", "render_artifact", "write_artifact"]


DEFAULT_TITLES = {
    CLAIMS: "Claims",
    EXPERIMENTS: "Experiments",
    RELATED: "Related Work",
    HEURISTICS: "Heuristics",
    CONCEPTS: "Concepts",
}


def _keep_meta(art: Artifact, rel: str, meta: DocMeta) -> None:
    """Remember title/preamble/sections only when they differ from what the writer emits anyway."""
    if (
        meta.title != DEFAULT_TITLES.get(rel, "")
        or meta.preamble
        or meta.extra_sections
        or meta.front_matter is not None
    ):
        art.doc_meta[rel] = meta


def _entity_reader(attr: str, cls_name: str, prefix: str) -> Reader:
    def read(art: Artifact, text: str, rel: str) -> None:
        from arakit import model
        from arakit.codec.logic import read_entity_doc

        items, meta = read_entity_doc(text, rel, getattr(model, cls_name), prefix)
        setattr(art, attr, items)
        _keep_meta(art, rel, meta)

    return read


Reader = Callable[[Artifact, str, str], None]


def _into(module: str, func: str, store: Callable[[Artifact, Any, str], None]) -> Reader:
    """A reader that parses with arakit.codec.<module>.<func>, imported only when a file of
    that kind is met, and stores the result with `store(artifact, value, path)`."""

    def read(art: Artifact, text: str, rel: str) -> None:
        parse = getattr(importlib.import_module(f"arakit.codec.{module}"), func)
        store(art, parse(text, rel), rel)

    return read


def _set(attr: str) -> Callable[[Artifact, Any, str], None]:
    return lambda art, value, _rel: setattr(art, attr, value)


def _set_with_meta(attr: str) -> Callable[[Artifact, Any, str], None]:
    def store(art: Artifact, value: Any, rel: str) -> None:
        items, meta = value
        setattr(art, attr, items)
        _keep_meta(art, rel, meta)

    return store


FIXED_READERS: dict[str, Reader] = {
    "PAPER.md": _into("paper", "read_paper", _set("paper")),
    PROBLEM: _into("logic", "read_problem", _set("problem")),
    CLAIMS: _entity_reader("claims", "Claim", "C"),
    EXPERIMENTS: _entity_reader("experiments", "Experiment", "E"),
    RELATED: _entity_reader("related_work", "RelatedWork", "RW"),
    HEURISTICS: _entity_reader("heuristics", "Heuristic", "H"),
    CONCEPTS: _into("logic", "read_concepts", _set_with_meta("concepts")),
    TRACE: _into("trace", "read_trace", _set("trace")),
    STAGING: _into("trace", "read_staging", _set("staging")),
    REPRODUCE: _into("source", "read_reproduce", _set("reproduce")),
    ENVIRONMENT: _into("logic", "read_prose", _set("environment")),
    EVIDENCE_INDEX: _into(
        "evidence", "read_evidence_index", lambda art, v, _rel: setattr(art.evidence, "index", v)
    ),
}
_read_solution = _into("logic", "read_prose", lambda art, v, _rel: art.solution_docs.append(v))
_read_config = _into("source", "read_config", lambda art, v, _rel: art.configs.append(v))
_read_evidence_file = _into(
    "evidence", "read_evidence_file", lambda art, v, _rel: art.evidence.files.append(v)
)


def reader_for(rel: str) -> Reader | None:
    """The reader for a path relative to the artifact root, or None if the file is opaque."""
    if rel in FIXED_READERS:
        return FIXED_READERS[rel]
    if rel.endswith(".md"):
        if rel.startswith("logic/solution/") and rel.count("/") == 2:
            return _read_solution
        if rel.startswith("src/configs/") and rel.count("/") == 2:
            return _read_config
        if rel.startswith("evidence/") and rel.rsplit("/", 1)[-1].lower() != "readme.md":
            return _read_evidence_file  # a README.md deeper down describes its folder (runs, logs)
    return None


def _anchor(rel: str) -> str:
    """The section of docs/format.md that describes a file of the artifact."""
    for prefix, anchor in (
        ("PAPER.md", "paper-md"),
        ("logic/problem", "problem"),
        ("logic/claims", "claims"),
        ("logic/experiments", "experiments"),
        ("logic/concepts", "concepts"),
        ("logic/related_work", "related-work"),
        ("logic/solution/heuristics", "heuristics"),
        ("src/configs", "configs"),
        ("src/reproduce", "reproduce-yaml"),
        ("trace/exploration_tree", "exploration-tree"),
        ("staging/", "staging"),
        ("evidence/README", "evidence-index"),
        ("evidence/", "evidence"),
    ):
        if rel.startswith(prefix):
            return anchor
    return "layout"


def read_file_into(
    art: Artifact, root: Path, rel: str, limits: Limits = DEFAULT_LIMITS, *, checked: bool = False
) -> None:
    """Read one file of the artifact into the model; raises an ArtifactError on bad input."""
    reader = reader_for(rel)
    if reader is None:
        return
    text = read_text(root, rel, limits, checked=checked)
    try:
        reader(art, text, rel)
    except ValidationError as e:  # a value of the wrong shape that the readers let through
        err = e.errors()[0]
        where = ".".join(str(x) for x in err.get("loc", ()))
        raise ParseError(
            f"unexpected value for {where or 'an entry'}: {err.get('msg')}",
            file=rel,
            hint=f"see docs/format.md#{_anchor(rel)} for the expected shape",
        ) from None


def read_artifact(
    path: str | Path, *, strict: bool = False, limits: Limits = DEFAULT_LIMITS
) -> Artifact:
    """Read an artifact folder into the model.

    Files that cannot be read are reported in `Artifact.problems` (each an ArtifactError with
    file and line), unless `strict`, which raises the first. Raises NotAnArtifactError when
    the path is missing, not a folder, or empty.
    """
    root = Path(path)
    if not root.exists():
        raise NotAnArtifactError(
            f"{root}: no such file or folder",
            hint="give the path of an artifact folder (it holds PAPER.md)",
        )
    if not root.is_dir():
        raise NotAnArtifactError(
            f"{root}: is a file, not an artifact folder", hint="give the folder that holds PAPER.md"
        )
    files, escapes = inventory(root, limits)
    if not files and not escapes:
        raise NotAnArtifactError(
            f"{root}: the folder is empty",
            hint=f"run `ara init {root}` to create a skeleton to fill in",
        )
    art = Artifact.build(root=str(root), files=files)
    art.problems.extend(escapes)
    if strict and escapes:
        raise escapes[0]
    for rel in files:
        try:
            read_file_into(art, root, rel, limits, checked=True)
        except ArtifactError as e:
            if strict:
                raise
            art.problems.append(e)
    return art


# -- writing ----------------------------------------------------------------------------------
def render_artifact(art: Artifact) -> dict[str, str]:
    """The canonical text of every file the model holds, by relative path."""
    from arakit.codec.evidence import write_evidence_file, write_evidence_index
    from arakit.codec.logic import write_concepts, write_entity_doc, write_problem, write_prose
    from arakit.codec.paper import write_paper
    from arakit.codec.source import write_config, write_reproduce
    from arakit.codec.trace import write_staging, write_trace

    out: dict[str, str] = {}
    meta = art.doc_meta.get
    if art.paper is not None:
        out["PAPER.md"] = write_paper(art.paper)
    if art.problem is not None:
        out[PROBLEM] = write_problem(art.problem)
    for rel, attr in (
        (CLAIMS, "claims"),
        (EXPERIMENTS, "experiments"),
        (RELATED, "related_work"),
        (HEURISTICS, "heuristics"),
    ):
        items = getattr(art, attr)
        if items is not None:
            out[rel] = write_entity_doc(items, meta(rel) or DocMeta(), DEFAULT_TITLES[rel])
    if art.concepts is not None:
        out[CONCEPTS] = write_concepts(art.concepts, meta(CONCEPTS) or DocMeta())
    for doc in art.solution_docs:
        out[doc.path] = write_prose(doc)
    for cfg in art.configs:
        out[cfg.path] = write_config(cfg)
    if art.environment is not None:
        out[ENVIRONMENT] = write_prose(art.environment)
    if art.reproduce is not None:
        out[REPRODUCE] = write_reproduce(art.reproduce)
    if art.trace is not None:
        out[TRACE] = write_trace(art.trace)
    if art.staging is not None:
        out[STAGING] = write_staging(art.staging)
    if art.evidence.index is not None:
        out[EVIDENCE_INDEX] = write_evidence_index(art.evidence.index)
    for ev in art.evidence.files:
        out[ev.path] = write_evidence_file(ev)
    for rel, text in art.attachments.items():
        out.setdefault(rel, text)
    return out


def write_artifact(art: Artifact, dest: str | Path | None = None) -> list[str]:
    """Write the artifact canonically (atomic per file) and return the paths that changed.

    Writing to a new folder also copies the files the model does not hold (code, data) from
    the folder the artifact was read from.
    """
    target = Path(dest) if dest is not None else (Path(art.root) if art.root else None)
    if target is None:
        raise NotAnArtifactError("this artifact was built in memory: give a folder to write to")
    texts = render_artifact(art)
    changed = [rel for rel, text in sorted(texts.items()) if atomic_write(target / rel, text)]
    if art.root and Path(art.root).resolve() != target.resolve():
        for rel in art.files:
            if rel not in texts:
                src = Path(art.root) / rel
                (target / rel).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(src, target / rel)
                changed.append(rel)
    return changed
