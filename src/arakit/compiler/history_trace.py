"""The history's part of the exploration tree: a summary of what was read on every ref,
commits as experiment nodes, dead ends and pivots where the history shows them, and config
values that changed as decisions. Nothing is dropped silently: whatever is not given a
node of its own is counted in the summary node."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from arakit.compiler.mapping.context import NOT_SPECIFIED, PROVENANCE
from arakit.compiler.repo.gitlog import Commit
from arakit.compiler.repo.history import History
from arakit.compiler.repo.kinds import commit_kind
from arakit.compiler.repo.patterns import Finding
from arakit.compiler.text import clip
from arakit.model import TraceNode

MAX_COMMIT_NODES = 60  # most recent first-parent commits shown as experiment nodes
MAX_FINDING_NODES = 150
MAX_REFS_LISTED = 40
STATED = (
    "message",
    "note",
    "pivot",
    "replaced",
    "disabled",
    "switched",
    "removed-dependency",
    "comment",
    "kept-superseded",
    "switched-off",
)  # patterns where the history says it in words
NO_LESSON = f"{NOT_SPECIFIED} (the history states no lesson)"


def history_nodes(h: History, next_id: Callable[[], str]) -> list[TraceNode]:
    """Nodes for everything read from git, the summary node first."""
    summary = TraceNode(
        id=next_id(),
        type="experiment",
        title=clip(f"Version history: {len(h.all_commits)} commits on {len(h.refs)} refs", 100),
        support_level="explicit",
        source_refs=[h.head],
        provenance=PROVENANCE,
        result="",
    )
    findings = h.findings[:MAX_FINDING_NODES]
    folded_findings = h.findings[MAX_FINDING_NODES:]
    shown = _commits_shown(h, findings)
    by_sha: dict[str, TraceNode] = {}
    out: list[TraceNode] = [summary]
    for c in h.commits:
        if c.sha in shown:
            node = _commit_node(c, next_id)
            by_sha[c.sha] = node
            out.append(node)
    for f in findings:
        node = _finding_node(f, next_id)
        start = f.commits[0] if len(f.commits) > 1 else ""
        parent = by_sha.get(start)
        (parent.children if parent is not None else out).append(node)
    for ch in h.changes:
        final, sha, date = ch.values[-1]
        out.append(
            TraceNode(
                id=next_id(),
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
    counts = _counts(h, findings, folded_findings, len(shown))
    summary.result = _summary_text(h, counts, folded_findings)
    summary.extra = {"history": counts}
    return out


def _commits_shown(h: History, findings: list[Finding]) -> set[str]:
    """Commits that start a finding, and the most recent commits of the first-parent line
    that did research work (code, configs, results); writing and housekeeping commits are
    counted in the summary."""
    line: list[str] = []
    sha: str | None = h.head
    seen: set[str] = set()
    while sha and sha in h.all_commits and sha not in seen and len(line) < MAX_COMMIT_NODES:
        seen.add(sha)
        c = h.all_commits[sha]
        if commit_kind(c) == "research":
            line.append(sha)
        sha = c.parents[0] if c.parents else None
    reverts = {f.commits[-1] for f in findings if f.pattern in ("revert", "undo")}
    reverts |= {sha for f in findings for sha in f.undoing}
    starts = {f.commits[0] for f in findings if len(f.commits) > 1 and f.pattern != "branch"}
    main = {c.sha for c in h.commits}
    return ((set(line) | starts) & main) - reverts


def _commit_node(c: Commit, next_id: Callable[[], str]) -> TraceNode:
    files = c.files
    return TraceNode(
        id=next_id(),
        type="experiment",
        title=clip(c.subject, 100) or c.short,
        support_level="explicit",
        source_refs=[c.sha],
        timestamp=c.date[:16],
        result=clip(c.body, 300)
        if c.body
        else f"{NOT_SPECIFIED} (the commit message states no result)",
        extra={"files": files[:20]} if files else {},
    )


def _finding_node(f: Finding, next_id: Callable[[], str]) -> TraceNode:
    extra: dict[str, Any] = {"pattern": f.pattern}
    if f.files:
        extra["files"] = f.files[:20]
    if f.ref:
        extra["ref"] = f.ref
    node = TraceNode(
        id=next_id(),
        type=f.kind,
        title=clip(f.title, 100),
        support_level="explicit" if f.pattern in STATED else "inferred",
        source_refs=list(f.commits),
        provenance=PROVENANCE,
        timestamp=f.date[:16] or None,
        extra=extra,
    )
    what = clip(f.what, 400) or f.title
    if f.kind == "dead_end":
        node.hypothesis = f"Worth pursuing: {what}"
        node.failure_mode = clip(f.why, 400)
        node.lesson = clip(f.lesson, 300) if f.lesson else NO_LESSON
    elif f.kind == "pivot":
        node.from_ = what
        node.to = clip(f.to or f.lesson or f.why, 300)
        node.trigger = clip(f.why, 300)
    else:
        node.result = clip(f"{f.why}. {what}", 500)
    return node


def _counts(
    h: History, findings: list[Finding], folded: list[Finding], commit_nodes: int
) -> dict[str, Any]:
    refs = [
        {
            "ref": r.label,
            "kind": r.kind,
            "status": r.status + (f" ({r.note})" if r.note else ""),
            "commits": r.reach,
            "own_commits": len(r.own),
        }
        for r in h.refs
    ]
    return {
        "commits_read": len(h.all_commits),
        "commits_main": len(h.commits),
        "refs_read": len(h.refs),
        "refs": refs,
        "read_stopped_early": h.truncated,
        "problem": h.problem,
        "checked_out": h.checked_out,
        "findings": dict(Counter(f"{f.kind}:{f.pattern}" for f in h.findings)),
        "finding_nodes": len(findings),
        "findings_folded": len(folded),
        "commits_by_kind": dict(Counter(commit_kind(c) for c in h.commits)),
        "commit_nodes": commit_nodes,
        "commits_folded": len(h.commits) - commit_nodes,
        "decision_nodes": len(h.changes),
        "scripts_not_described": h.blobs_unread,
        "versions_not_followed": h.versions_unread,
    }


def _summary_text(h: History, counts: dict[str, Any], folded: list[Finding]) -> str:
    by_status = Counter(r.status for r in h.refs)
    refs = sorted(h.refs, key=lambda r: (r.status in ("head", "merged"), -len(r.own)))
    listed = ", ".join(
        f"{r.label} {r.reach} ({r.status}{', ' + str(len(r.own)) + ' own' if r.own else ''})"
        for r in refs[:MAX_REFS_LISTED]
    )
    more = f" and {len(refs) - MAX_REFS_LISTED} more" if len(refs) > MAX_REFS_LISTED else ""
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(counts["findings"].items())) or "none"
    text = (
        f"Read {counts['commits_read']} commits on {counts['refs_read']} refs "
        f"({counts['commits_main']} reachable from {h.branch}); refs by status: "
        + ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()))
        + f". Commits per ref: {listed}{more}. Findings: {kinds}. "
        f"{counts['commit_nodes']} commits shown as experiment nodes (the newest that "
        f"changed code, configs or results, and those that start a finding), "
        f"{counts['commits_folded']} main-line commits counted here only; main-line commits "
        "by kind: " + ", ".join(f"{n} {k}" for k, n in sorted(counts["commits_by_kind"].items()))
    )
    if folded:
        text += f"; {len(folded)} findings beyond {MAX_FINDING_NODES} counted here only"
    if h.truncated:
        text += "; the read stopped at the newest commits (limit reached)"
    if h.versions_unread:
        text += (
            f"; {h.versions_unread} versions of large files were not parsed when following "
            "setting values (those read are spread from first to last)"
        )
    if h.problem:
        text += f"; {h.problem}"
    if h.checked_out and h.checked_out != h.head:
        text += f"; the folder shows {h.checked_out[:7]}, read here as part of {h.branch}"
    return text + "."
