"""Stage 4, the exploration graph: from the paper, tables, ablations and negative results;
from the version history (history_trace.py), dead ends, pivots and decisions on every ref.
Reconstructed nodes say `support_level: inferred`."""

from __future__ import annotations

from arakit.compiler.atoms import Atoms
from arakit.compiler.mapping.context import NOT_SPECIFIED, PROVENANCE
from arakit.compiler.history_trace import history_nodes
from arakit.compiler.narrated import narrated_nodes
from arakit.compiler.paper_trials import paper_trials
from arakit.compiler.pdf.document import DocTable, Document
from arakit.compiler.repo.history import History
from arakit.compiler.text import clip, role
from arakit.model import Trace, TraceNode


class _Ids:
    def __init__(self) -> None:
        self.n = 0

    def next(self) -> str:
        self.n += 1
        return f"N{self.n:02d}"


def build_trace(
    doc: Document | None, atoms: Atoms | None, history: History | None, paper: str
) -> Trace:
    """The exploration tree: one root question with the paper's and the history's nodes."""
    ids = _Ids()
    root = TraceNode(
        id=ids.next(),
        type="question",
        title=clip(doc.title, 100)
        if doc and doc.title
        else "What did this research set out to answer?",
        support_level="explicit" if doc and doc.abstract else "inferred",
        source_refs=[f"{paper}: abstract"] if doc and doc.abstract else None,
        provenance=PROVENANCE,
        description=clip(doc.abstract, 400) if doc and doc.abstract else NOT_SPECIFIED,
    )
    if doc is not None and atoms is not None:
        root.children += _paper_nodes(doc, atoms, ids, paper)
    if history is not None:
        root.children += history_nodes(history, ids.next)
    if doc is not None and history is not None:
        root.children += narrated_nodes(doc, list(history.all_commits.values()), ids.next, paper)
    return Trace(tree=[root])


def _cells_note(t: DocTable) -> str:
    """Where the table's numbers can be read, and how far the copy can be trusted."""
    if t.check is None or not t.rows:
        return "its cells could not be read from the PDF; see the paper"
    if t.check.verdict == "exact":
        return "cells copied to evidence/ and verified by the self-check"
    return "cells copied to evidence/ but not verified (the self-check failed)"


def _paper_nodes(doc: Document, atoms: Atoms, ids: _Ids, paper: str) -> list[TraceNode]:
    out: list[TraceNode] = []
    for t in doc.tables:
        sec = doc.section(t.section)
        ablation = "ablation" in t.caption.lower() or (
            sec is not None and role(sec.title) == "ablation"
        )
        refs = [f"{paper}: {t.label}"] + ([f"{paper}: §{t.section}"] if t.section else [])
        node = TraceNode(
            id=ids.next(),
            type="experiment",
            title=clip(f"{t.label}: {t.caption}", 100),
            support_level="explicit",
            source_refs=refs,
            provenance=PROVENANCE,
            result=f"Reported in {t.label} (p. {t.page}); {_cells_note(t)}",
        )
        rows = [r[0] for r in t.rows if r and r[0].strip()]
        if ablation and len(rows) > 1:
            chosen = next((r for r in rows if "full" in r.lower() or "ours" in r.lower()), rows[0])
            node.children.append(
                TraceNode(
                    id=ids.next(),
                    type="decision",
                    title=f"Configuration kept after the ablation in {t.label}",
                    support_level="explicit",
                    source_refs=refs,
                    provenance=PROVENANCE,
                    choice=chosen,
                    alternatives=[r for r in rows if r != chosen],
                )
            )
        out.append(node)
    negatives = [
        n for n in atoms.negatives if n.where.role in ("results", "ablation", "setup", "appendix")
    ]
    out += _trial_nodes(doc, {" ".join(n.where.sentence.split()) for n in negatives}, ids, paper)
    for neg in negatives:
        refs = [f"{paper}: {o}" for o in neg.objects] + [f"{paper}: {neg.where.label}"]
        out.append(
            TraceNode(
                id=ids.next(),
                type="dead_end",
                title=clip(neg.where.sentence, 100),
                support_level="explicit",
                source_refs=refs,
                provenance=PROVENANCE,
                hypothesis=f"The variant in this sentence would help: {neg.where.sentence}",
                failure_mode=f"The paper reports that it {neg.cue} ({neg.where.label})",
                lesson=NOT_SPECIFIED,
            )
        )
    return out


def _trial_nodes(doc: Document, shown: set[str], ids: _Ids, paper: str) -> list[TraceNode]:
    """Dead ends the paper narrates ("had to be abandoned after several attempts, as ..."),
    cited by page: the history may predate them or never hold them."""
    out = []
    for t in paper_trials(doc):
        if t.sentence in shown:
            continue  # already a negative result node
        out.append(
            TraceNode(
                id=ids.next(),
                type="dead_end",
                title=clip(t.sentence, 100),
                support_level="explicit",
                source_refs=[f"{paper}: {t.where}"],
                provenance=PROVENANCE,
                hypothesis=f"Worth pursuing: {clip(t.sentence, 400)}",
                failure_mode=f"The paper says it was given up ({t.where})",
                lesson=clip(t.sentence, 300),
                extra={"from": f"the paper, {t.where}"},
            )
        )
    return out
