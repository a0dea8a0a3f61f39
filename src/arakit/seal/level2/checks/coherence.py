"""D4 argument coherence: gaps the claims leave open, an insight that goes nowhere, claims
that contradict the recorded results."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import claim_text
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import content_words, overlap

GAP_REACH = 0.2  # share of a gap's terms some claim must take up
GAP_UNCERTAIN = 0.1  # below GAP_REACH but at least this: perhaps taken up in other words
INSIGHT_REACH = 0.2
NEGATIVE = re.compile(
    r"\b(?:did not|does not|didn't|doesn't|no (?:improvement|effect|gain|difference|benefit)|"
    r"failed(?!\s+(?:runs?|attempts?|tasks?|jobs?|tests?|trials?|cases?|experiments?|requests?|"
    r"builds?|samples?|queries|seeds?|calls?|steps?|episodes?)\b)|"
    r"fails|worse|not significant|refuted|no better|hurt|degraded)\b",
    re.IGNORECASE,
)


@register("D4")
def check_gaps(ctx: Context) -> Iterator[L2Finding]:
    """Each gap is taken up by some claim (by ID or by its terms)."""
    art = ctx.art
    claims = art.claims or []
    if not art.problem or not claims:
        return
    texts = [claim_text(c) + " " + (c.interpretation or "") for c in claims]
    words = [content_words(t) for t in texts]
    closed = 0
    for g in art.problem.gaps:
        g_words = content_words(f"{g.title} {g.statement or ''}")
        cited = any(re.search(rf"\b{g.id}\b", t) for t in texts)
        best = max((overlap(g_words, w) for w in words), default=0.0)
        if cited or best >= GAP_REACH or not g_words:
            closed += 1
            continue
        yield ctx.find(
            "L2-D4-001",
            f"gap {g.id} ({g.title or g.statement!r}) is not addressed by any claim: the best "
            f"claim takes up {best:.0%} of its terms",
            entities=[g.id],
            pos=g.pos,
            quote=g.statement or g.title,
            # some shared terms: a claim may take the gap up in other words; only a gap no
            # claim shares a tenth of its terms with is a major finding
            severity="minor" if best >= GAP_UNCERTAIN else None,
        )
    if closed:
        ctx.strength("D4", f"{closed} gaps are taken up by claims")


# Layers whose files a placeholder leaves empty (src/execution and evidence tables are data).
LAYER_FILES = re.compile(r"^(?:PAPER\.md|logic/.+\.md|src/[^/]+\.md|evidence/README\.md)$")


@register("D4")
def check_placeholders(ctx: Context) -> Iterator[L2Finding]:
    """A layer file that holds nothing but headings (a seed never filled in) is a hole in the
    argument a reader would take for content."""
    from arakit.model import SourcePos

    for rel in sorted(ctx.art.files):
        if not LAYER_FILES.match(rel):
            continue
        lines = [x.strip() for x in ctx.lines(rel) if x.strip()]
        if lines and all(x.startswith("#") for x in lines):
            yield ctx.find(
                "L2-D4-004",
                f"{rel} holds only {lines[0][:60]!r}: the layer is empty",
                pos=SourcePos(file=rel, line=1),
                quote=lines[0],
            )


@register("D4")
def check_insight(ctx: Context) -> Iterator[L2Finding]:
    """The key insight's terms reach the solution documents or the claims."""
    art = ctx.art
    ki = art.problem.key_insight if art.problem else None
    if ki is None or not ki.insight:
        return
    i_words = content_words(ki.insight)
    downstream = " ".join(
        [f"{d.title} {d.text}" for d in art.solution_docs]
        + [claim_text(c) for c in art.claims or []]
    )
    share = overlap(i_words, content_words(downstream))
    if len(i_words) >= 2 and share < INSIGHT_REACH:
        yield ctx.find(
            "L2-D4-002",
            f"the key insight's terms barely reach the solution or the claims ({share:.0%})",
            pos=ki.pos,
            quote=ki.insight,
        )


POSITIVE = re.compile(
    r"\b(?:improv\w*|pass(?:ed|es)?|succeed\w*|success\w*|confirm\w*|beat\w*|outperform\w*|"
    r"better|gain\w*|reduc\w*|hold|holds|supported|works?|worked|recovered)\b",
    re.IGNORECASE,
)
NEGATED = re.compile(r"\b(?:not|no|n't|never|failed to|fails to|without)\W+(?:\w+\W+)?$", re.I)


def _positive(result: str) -> bool:
    """The result also reports a success (not a negated one: "did not improve")."""
    return any(not NEGATED.search(result[: m.start()]) for m in POSITIVE.finditer(result))


@register("D4")
def check_trace_agreement(ctx: Context) -> Iterator[L2Finding]:
    """A supported, positive claim is not recorded as a failed result in the trace."""
    art = ctx.art
    if not art.trace:
        return
    for n in art.trace.nodes():
        result = n.result or ""
        if not n.evidence or not (m := NEGATIVE.search(result)) or _positive(result):
            continue  # a mixed result (one part passed, one did not) contradicts no claim
        for cid in n.evidence:
            c = art.get(str(cid))
            if c is None or (c.status or "").lower() != "supported":
                continue
            if NEGATIVE.search(c.statement or "") or re.search(
                r"\b(?:not|no|less than|under)\b", c.statement or "", re.IGNORECASE
            ):
                continue  # the claim is itself negative or bounded: no contradiction
            yield ctx.find(
                "L2-D4-003",
                f"{c.id} is supported and positive, but trace node {n.id}, which records its "
                f"evidence, says {m.group(0)!r}",
                entities=[c.id, n.id],
                pos=n.pos,
                quote=result,
                needle=m.group(0),
            )
