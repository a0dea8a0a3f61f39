"""Stage 4, the exploration graph: commits as experiment nodes, reverts and unmerged
branches as dead ends, config values that changed as decisions; from the paper, ablations
and negative results. Reconstructed nodes say `support_level: inferred`."""

from __future__ import annotations

from arakit.compiler.atoms import Atoms
from arakit.compiler.mapping.context import NOT_SPECIFIED, PROVENANCE
from arakit.compiler.pdf.document import Document
from arakit.compiler.repo.history import Commit, History
from arakit.compiler.text import clip, role
from arakit.model import Trace, TraceNode

MAX_COMMIT_NODES = 120


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
        root.children += _history_nodes(history, ids)
    return Trace(tree=[root])


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
            result=f"Reported in {t.label} (p. {t.page}); exact cells in evidence/",
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
    for neg in atoms.negatives:
        if neg.where.role not in ("results", "ablation", "setup", "appendix"):
            continue
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


def _commit_node(c: Commit, ids: _Ids) -> TraceNode:
    return TraceNode(
        id=ids.next(),
        type="experiment",
        title=clip(c.subject, 100) or c.short,
        support_level="explicit",
        source_refs=[c.sha],
        timestamp=c.date[:16],
        result=clip(c.body, 300)
        if c.body
        else f"{NOT_SPECIFIED} (the commit message states no result)",
        extra={"files": c.files[:20]} if c.files else {},
    )


def _history_nodes(h: History, ids: _Ids) -> list[TraceNode]:
    out: list[TraceNode] = []
    by_sha: dict[str, TraceNode] = {}
    reverted = {c.reverts: c for c in h.commits if c.reverts}
    for c in h.commits[-MAX_COMMIT_NODES:]:
        if c.reverts:
            continue  # shown as the dead end of the commit it undid
        node = _commit_node(c, ids)
        by_sha[c.sha] = node
        out.append(node)
        undo = next((r for sha, r in reverted.items() if sha and c.sha.startswith(sha)), None)
        if undo is not None:
            node.children.append(
                TraceNode(
                    id=ids.next(),
                    type="dead_end",
                    title=clip(f"Reverted: {c.subject}", 100),
                    support_level="inferred",
                    source_refs=[c.sha, undo.sha],
                    provenance=PROVENANCE,
                    timestamp=undo.date[:16],
                    hypothesis=f"The change in {c.short} ({c.subject}) was worth keeping",
                    failure_mode=f"Reverted by {undo.short} ({undo.subject}); "
                    + (clip(undo.body, 200) if undo.body else "the history does not say why"),
                    lesson=NOT_SPECIFIED,
                )
            )
    _pivots(h, by_sha, ids)
    for b in h.abandoned:
        parent = by_sha.get(b.fork_point or "")
        node = TraceNode(
            id=ids.next(),
            type="dead_end",
            title=clip(f"Abandoned branch {b.name}", 100),
            support_level="inferred",
            source_refs=[c.sha for c in b.commits][:20] or [b.tip],
            provenance=PROVENANCE,
            timestamp=b.commits[-1].date[:16] if b.commits else None,
            hypothesis="; ".join(c.subject for c in b.commits)[:300] or b.name,
            failure_mode=f"Branch {b.name} ({len(b.commits)} commits) was never merged into {h.branch}; "
            "the history does not say why",
            lesson=NOT_SPECIFIED,
        )
        (parent.children if parent is not None else out).append(node)
    for ch in h.changes:
        final, sha, date = ch.values[-1]
        out.append(
            TraceNode(
                id=ids.next(),
                type="decision",
                title=clip(f"{ch.name} in {ch.file} settled at {final}", 100),
                support_level="inferred",
                source_refs=[v[1] for v in ch.values],
                provenance=PROVENANCE,
                timestamp=date[:16],
                choice=f"{ch.name} = {final} (since {sha[:7]})",
                alternatives=[f"{ch.name} = {v} ({s[:7]})" for v, s, _ in ch.values[:-1]],
            )
        )
    return out


def _pivots(h: History, by_sha: dict[str, TraceNode], ids: _Ids) -> None:
    """After a revert, the next main-line commit is where the work turned: a pivot node."""
    line = h.commits
    for k, c in enumerate(line):
        undone = h.commit(c.reverts) if c.reverts else None
        after = next((n for n in line[k + 1 :] if not n.reverts), None)
        if undone is None or after is None or undone.sha not in by_sha:
            continue
        by_sha[undone.sha].children.append(
            TraceNode(
                id=ids.next(),
                type="pivot",
                title=clip(f"From '{undone.subject}' to '{after.subject}'", 100),
                support_level="inferred",
                source_refs=[undone.sha, c.sha, after.sha],
                provenance=PROVENANCE,
                timestamp=after.date[:16],
                from_=undone.subject,
                to=after.subject,
                trigger=f"{c.short} reverted {undone.short}; {after.short} is the next change on {h.branch}",
            )
        )
