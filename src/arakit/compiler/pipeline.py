"""`compile_sources`: inputs → deconstruct → map → ground → trace → one artifact on disk,
checked by Seal Level 1, with a coverage report."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from arakit.codec import write_artifact
from arakit.compiler.assemble import index_layers, paper_front, year_and_venue
from arakit.compiler.atoms import Atoms, extract_atoms
from arakit.compiler.choices import paper_sentences
from arakit.compiler.errors import InputError
from arakit.compiler.evidence import (
    claim_views,
    evidence_index,
    figure_files,
    log_file,
    table_files,
)
from arakit.compiler.exploration import build_trace
from arakit.compiler.history_log import history_log
from arakit.compiler.ground import Grounding, grounded
from arakit.compiler.inputs import classify
from arakit.compiler.listing import settings_listings
from arakit.compiler.results import result_files
from arakit.compiler.mapping import map_logic
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.notes import notes_document, read_notes
from arakit.compiler.pdf.document import Document
from arakit.compiler.physical import config_files, environment_doc, reconciliation_text
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.redact import NOTE_PATH, redact_folder
from arakit.compiler.settings import paper_settings
from arakit.compiler.repo.source import is_remote, repo_folder
from arakit.compiler.scope import Scope
from arakit.model import Artifact, Evidence, TraceNode

STAGES = ("deconstruct", "map", "ground", "trace", "write")
Progress = Callable[[str], None]


@dataclass
class CompileReport:
    """What a compile produced: files, coverage per layer, Level 1 result, reconciliation."""

    output: str
    files: list[str] = field(default_factory=list)
    coverage: dict[str, dict[str, Any]] = field(default_factory=dict)
    level1_errors: int = 0
    level1_warnings: int = 0
    findings: list[dict[str, Any]] = field(default_factory=list)
    profile: str = "upstream"  # the Level 1 profile the verdict above is under
    # under the upstream profile: what the strict profile (the format's quotas) adds as errors
    strict_errors: list[dict[str, Any]] = field(default_factory=list)
    reconciliation: list[Verdict] = field(default_factory=list)
    scope: dict[str, Any] = field(default_factory=dict)  # which code, at which commit, and why
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        """True when the artifact passes Level 1 with no error."""
        return self.level1_errors == 0

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `--json`."""
        return {
            "output": self.output,
            "passed_level1": self.passed,
            "level1": {
                "profile": self.profile,
                "errors": self.level1_errors,
                "warnings": self.level1_warnings,
                "findings": self.findings,
                "strict_errors": self.strict_errors,
            },
            "coverage": self.coverage,
            "scope": self.scope,
            "reconciliation": [v.to_json() for v in self.reconciliation],
            "warnings": self.warnings,
            "seconds": {k: round(v, 3) for k, v in self.seconds.items()},
            "files": self.files,
        }


def _read_pdf(path: Path) -> Document:
    from arakit.compiler.pdf.structure import read_document

    return read_document(path)


def compile_sources(
    specs: list[str],
    out: str | Path,
    *,
    model: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
    code_folder: str | None = None,
    at: str | None = None,
    profile: str = "upstream",
) -> CompileReport:
    """Compile PDFs, a repository, notes and logs into an artifact folder at `out`.

    `code_folder` and `at` override the scoping: the folder that holds the paper's code
    and the commit to read it at. Raises InputError for unusable inputs or a non-empty
    output folder (unless `force`), SourceError for inputs that cannot be read. The artifact
    is validated after writing under the Level 1 `profile` (the same default as `ara
    validate`); under `upstream`, the errors the strict profile would add are listed too.
    """
    inputs = classify(specs)
    dest = Path(out)
    if dest.exists() and (not dest.is_dir() or (any(dest.iterdir()) and not force)):
        raise InputError(
            f"{dest}: exists and is not an empty folder", hint="choose a new folder or pass --force"
        )
    report = CompileReport(output=str(dest), profile=profile)
    step = progress or (lambda _stage: None)
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        first = stage not in report.seconds
        report.seconds[stage] = report.seconds.get(stage, 0.0) + now - clock
        clock = now
        if first:
            step(stage)

    doc: Document | None = None
    if inputs.pdfs:
        doc = _read_pdf(inputs.pdfs[0])
        if doc.damage:
            report.warnings.append(
                f"{inputs.pdfs[0]}: the PDF is damaged and was repaired while reading: {doc.damage[0]}"
            )
        for extra in inputs.pdfs[1:]:
            _read_pdf(extra)  # read so that a broken file is reported
            report.warnings.append(
                f"{extra}: only the first PDF is mapped into logic/; this one was read but not used"
            )
        for n in inputs.notes:
            doc.sections += read_notes(n)
    elif inputs.notes:
        doc = notes_document(inputs.notes)
    atoms = extract_atoms(doc) if doc else Atoms()
    settings = paper_settings(doc) if doc else []
    paper_name = (
        inputs.pdfs[0].name if inputs.pdfs else (inputs.notes[0].name if inputs.notes else "")
    )
    lap("deconstruct")

    art = Artifact(evidence=Evidence())
    tables = table_files(doc, doc.title or paper_name) if doc else {}
    ctx = PaperContext(doc, atoms, paper_name) if doc else None
    g: Grounding | None = None
    if inputs.repo is not None:
        with (
            repo_folder(inputs.repo) as folder,
            grounded(
                folder,
                inputs.pdfs[0] if inputs.pdfs else None,
                settings,
                _full_text(doc),
                code_folder=code_folder,
                at=at,
            ) as g,
        ):
            code = {f"src/execution/{rel}": g.repo.read(rel) or "" for rel in g.execution}
            copied = g.config_files[:20]
            configs = {
                f"src/configs/{rel.replace('/', '__')}": g.repo.read(rel) or "" for rel in copied
            }
            sentences = paper_sentences(doc) if doc else None
            sections = g.scope.sections if g.scope else None
            verdicts = reconcile(
                settings, g.in_scope(), g.imported(), g.prefer, sentences, sections
            )
            repo_docs = settings_listings(g, verdicts, {*g.execution, *copied})
            repo_docs.update(result_files(g))
    else:
        code, configs, repo_docs = {}, {}, {}
        verdicts = reconcile(settings, [])
    lap("ground")
    planned = map_logic(art, ctx, tables, code, model=model, warnings=report.warnings)
    lap("map")

    art.attachments.update(code)
    art.attachments.update(configs)
    art.attachments.update(repo_docs)
    report.reconciliation = verdicts
    report.scope = g.scope.to_json() if g is not None and g.scope is not None else {}
    art.configs = config_files(verdicts, g, paper_name or "the paper")
    hardware = next(
        (
            p.experiment.setup.hardware
            for p in planned
            if p.experiment.setup
            and p.experiment.setup.hardware
            and not p.experiment.setup.hardware.startswith("Not")
        ),
        "",
    )
    art.environment = environment_doc(g, atoms, hardware or "")
    if g is not None or doc is not None:
        art.attachments["src/reconciliation.md"] = reconciliation_text(
            verdicts,
            paper_name or "none",
            Path(inputs.repo).name if inputs.repo else "none",
            g.scope if g else None,
        )
    lap("ground")

    art.trace = build_trace(doc, atoms, g.history if g else None, paper_name or "notes")
    claims_for: dict[str, list[str]] = {}
    for p in planned:
        if p.evidence:
            claims_for[p.evidence] = list(p.experiment.verifies or [])
    views = claim_views(art.claims or [], planned, tables)
    for v in views:
        claims_for[v.path] = [v.title.split(":")[0]]
    figures = figure_files(doc, doc.title or paper_name) if doc else []
    files = [*tables.values(), *views, *figures, *(log_file(p) for p in inputs.logs)]
    if g is not None and g.history is not None:
        files.append(history_log(g.history, Path(inputs.repo or "repository").name))
    art.evidence = Evidence(index=evidence_index(files, claims_for, doc, paper_name), files=files)
    lap("trace")

    dates = [c.date for c in g.history.commits] if g and g.history else []
    year, venue, year_src = year_and_venue(doc, dates)
    if year_src and year_src != "the paper's first page":
        report.warnings.append(f"year {year} taken from {year_src}")
    title = (
        (doc.title if doc and doc.title else "") or _repo_name(inputs.repo) or "Untitled artifact"
    )
    art.paper = paper_front(
        doc,
        title,
        [c.statement or c.title for c in art.claims or []][:5],
        year,
        venue,
    )
    index_layers(art)
    report.files = write_artifact(art, dest)
    redacted = redact_folder(dest)
    if redacted.total:
        report.warnings.append(
            f"redacted {redacted.total} private value(s) (e-mail addresses, tokens, keys) in "
            f"{len(redacted.by_file)} file(s); see {NOTE_PATH}"
        )
        if NOTE_PATH not in report.files:
            report.files.append(NOTE_PATH)
    _check(report, dest, art, doc, g)
    lap("write")
    return report


def _repo_name(spec: str | None) -> str:
    """The repository's name for a title when the paper gives none: the last part of its
    folder, bundle or URL ("/tmp/x/speechsep" → "speechsep", "file:///a/b.git" → "b"), never
    the path itself, which names only where this machine keeps it."""
    if not spec:
        return ""
    local = Path(spec)
    text = str(local.resolve()) if not is_remote(spec) and local.exists() else spec
    name = re.split(r"[/\\]", text.rstrip("/\\"))[-1]
    name = re.sub(r"\.(?:git|bundle)$", "", name)
    return "" if name in ("", ".", "..") else name


def _finding_json(f: Any) -> dict[str, Any]:
    return {
        "code": f.code,
        "severity": f.severity,
        "file": f.file,
        "line": f.line,
        "message": f.message,
    }


def _check(
    report: CompileReport, dest: Path, art: Artifact, doc: Document | None, g: Grounding | None
) -> None:
    from arakit.seal.level1 import validate

    rep = validate(dest, profile=report.profile)
    report.level1_errors = sum(f.severity == "error" for f in rep.findings)
    report.level1_warnings = sum(f.severity == "warning" for f in rep.findings)
    report.findings = [_finding_json(f) for f in rep.findings]
    if report.profile != "strict":
        # a paper that states 2 concepts gets 2: the quotas stay visible, never invented
        strict = validate(dest, profile="strict")
        report.strict_errors = [_finding_json(f) for f in strict.findings if f.severity == "error"]
    nodes = art.trace.nodes() if art.trace else []
    counts = {
        t: sum(n.type == t for n in nodes)
        for t in ("question", "experiment", "decision", "dead_end", "pivot")
    }
    report.coverage = {
        "logic": {
            "claims": len(art.claims or []),
            "experiments": len(art.experiments or []),
            "concepts": len(art.concepts or []),
            "related_work": len(art.related_work or []),
            "heuristics": len(art.heuristics or []),
            "observations": len(art.problem.observations) if art.problem else 0,
            "gaps": len(art.problem.gaps) if art.problem else 0,
            "missing": _logic_missing(art, doc),
        },
        "src": {
            "parameters": len(report.reconciliation),
            "execution_files": sum(f.startswith("src/execution/") for f in art.attachments),
            "missing": [] if g else ["no repository: no code, no parameters from code, no history"],
        },
        "trace": {
            "nodes": len(nodes),
            **counts,
            "history": _history_counts(nodes),
            "missing": []
            if g and g.history
            else ["no git history: the trace holds only what the paper states"],
        },
        "evidence": {
            "tables": len([f for f in art.evidence.files if f.path.startswith("evidence/tables/")]),
            "figures_listed": len(doc.figures) if doc else 0,
            "missing": [
                f"{t.label}: no ruled grid, cells not read"
                for t in (doc.tables if doc else [])
                if not t.header
            ],
        },
    }


def _history_counts(nodes: list[TraceNode]) -> dict[str, Any]:
    """What the history summary node counted: commits and refs read, what became nodes."""
    summary = next((n.extra["history"] for n in nodes if "history" in n.extra), None)
    if not isinstance(summary, dict):
        return {}
    keys = ("commits_read", "commits_main", "refs_read", "finding_nodes", "findings_folded")
    return {k: summary[k] for k in (*keys, "commits_folded", "problem") if k in summary}


def reconcile_paths(
    pdf: str | Path, repo: str, *, code_folder: str | None = None, at: str | None = None
) -> tuple[list[Verdict], Scope | None]:
    """`ara reconcile PDF REPO`: the paper's settings against its code, no artifact.
    Returns the verdicts and the scope (which code, at which commit, and why)."""
    inputs = classify([str(pdf), repo])
    if not inputs.pdfs or inputs.repo is None:
        raise InputError(
            "reconcile needs one PDF and one repository",
            hint="ara reconcile paper.pdf path/to/repo",
        )
    doc = _read_pdf(inputs.pdfs[0])
    settings = paper_settings(doc)
    with (
        repo_folder(inputs.repo) as folder,
        grounded(
            folder,
            inputs.pdfs[0],
            settings,
            _full_text(doc),
            code_folder=code_folder,
            at=at,
            with_history=False,
        ) as g,
    ):
        sections = g.scope.sections if g.scope else None
        verdicts = reconcile(
            settings, g.in_scope(), g.imported(), g.prefer, paper_sentences(doc), sections
        )
        return verdicts, g.scope


def _full_text(doc: Document | None) -> str:
    if doc is None:
        return ""
    # the section headings close the text, one a line after `§` (`§4.2 Simple Arithmetic
    # Task`): scoping matches an experiment folder to the section that reports it
    headings = [f"§{s.number} {s.title}" for s in doc.sections if s.title]
    return "\n".join([doc.abstract, *(p.text for p in doc.paragraphs()), *headings])


def _logic_missing(art: Artifact, doc: Document | None) -> list[str]:
    if doc is None:
        return ["no PDF or notes: logic/ has nothing to map"]
    out = []
    if not art.claims:
        out.append("no contribution sentence (we show / we demonstrate / improves ...) was found")
    if len(art.experiments or []) < 3:
        out.append("fewer than three numbered tables or result figures to plan experiments from")
    if len(art.concepts or []) < 5:
        out.append("fewer than five definitions (is defined as, refers to, acronyms)")
    return out
