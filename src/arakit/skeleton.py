"""`ara init`: a skeleton artifact that an author fills in.

Every mandatory file exists and the Layer Index lists them, so validating the skeleton
reports only what the author still has to write: front matter values, claims, concepts,
experiments, trace nodes, code and evidence.
"""

from __future__ import annotations

from pathlib import Path

from arakit import ARA_VERSION, __version__
from arakit.codec import render_artifact
from arakit.codec.fs import atomic_write
from arakit.errors import UsageError
from arakit.model import (
    Artifact,
    DocMeta,
    Evidence,
    EvidenceIndex,
    KeyInsight,
    LayerTable,
    MarkdownDoc,
    Paper,
    Problem,
    Table,
    Trace,
)

LAYERS = {
    "logic": [
        ("logic/problem.md", "observations, gaps, key insight, assumptions"),
        ("logic/claims.md", "falsifiable claims"),
        ("logic/concepts.md", "defined terms"),
        ("logic/experiments.md", "experiment plans"),
        ("logic/related_work.md", "typed citations"),
        ("logic/solution/architecture.md", "components"),
        ("logic/solution/algorithm.md", "math and pseudocode"),
        ("logic/solution/constraints.md", "limitations"),
        ("logic/solution/heuristics.md", "implementation tricks"),
    ],
    "src": [("src/environment.md", "software, hardware, seeds")],
    "trace": [("trace/exploration_tree.yaml", "research DAG")],
    "evidence": [("evidence/README.md", "index of evidence files")],
}


def _guide(text: str) -> str:
    return f"<!-- {text} -->"


def skeleton(title: str = "") -> Artifact:
    """The skeleton as a model (no files written)."""
    paper = Paper(
        title=title,
        authors=[],
        year="",
        venue="",
        ara_version=ARA_VERSION,
        domain="",
        keywords=[],
        claims_summary=[],
        abstract="",
        created_with=f"arakit {__version__}",
        heading=title or "Untitled artifact",
        overview=_guide("Two or three sentences: what was studied and what was found."),
        layer_index=[
            LayerTable(
                name=name,
                table=Table(header=["File", "Description"], rows=[[f, d] for f, d in rows]),
            )
            for name, rows in LAYERS.items()
        ],
    )
    guide = {
        "logic/claims.md": "One `## C01: title` section per claim with Statement, Status, "
        "Falsification criteria, Proof [E01], Evidence basis, Interpretation.",
        "logic/experiments.md": "At least three `## E01: title` sections with Verifies, Setup, "
        "Procedure, Metrics, Expected outcome (direction only), Baselines.",
        "logic/concepts.md": "At least five `## Term` sections with Notation and Definition.",
        "logic/related_work.md": "`## RW01: Author et al., Year` with DOI, Type, Delta.",
        "logic/solution/heuristics.md": "`## H01: title` with Rationale, Sensitivity, Code ref.",
    }
    art = Artifact(
        paper=paper,
        problem=Problem(
            preamble=_guide(
                "Add `### O1: title` observations and `### G1: title` "
                "gaps under headings `## Observations` and `## Gaps`."
            ),
            key_insight=KeyInsight(insight=""),
        ),
        claims=[],
        experiments=[],
        concepts=[],
        related_work=[],
        heuristics=[],
        solution_docs=[
            MarkdownDoc(path=f"logic/solution/{n}.md", title=n.capitalize(), text=_guide(t))
            for n, t in (
                ("architecture", "Components: purpose, inputs, outputs, interactions."),
                ("algorithm", "Math, pseudocode, complexity."),
                ("constraints", "Boundary conditions and limitations."),
            )
        ],
        environment=MarkdownDoc(
            path="src/environment.md",
            title="Environment",
            text=_guide("Python version, frameworks, hardware, seeds."),
        ),
        trace=Trace(),
        evidence=Evidence(
            index=EvidenceIndex(
                title="Evidence",
                table=Table(header=["File", "Source", "Claims", "Description"], rows=[]),
            )
        ),
        doc_meta={
            path: DocMeta(
                title=path.rsplit("/", 1)[-1][:-3].replace("_", " ").title(), preamble=_guide(text)
            )
            for path, text in guide.items()
        },
    )
    return art


def init_artifact(dest: str | Path, title: str = "", force: bool = False) -> list[str]:
    """Write a skeleton into `dest` (which must be empty unless `force`); returns the files."""
    root = Path(dest)
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is a file; give a folder to create the artifact in")
    if root.exists() and any(root.iterdir()) and not force:
        raise UsageError(
            f"{root} is not empty; choose a new folder (or pass --force to add missing files only)"
        )
    written = []
    for rel, text in sorted(render_artifact(skeleton(title)).items()):
        path = root / rel
        if path.exists():
            continue
        atomic_write(path, text)
        written.append(rel)
    for folder in ("src/execution", "src/configs", "evidence/tables"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    return written
