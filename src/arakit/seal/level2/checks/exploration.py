"""D5 exploration integrity: vague dead ends, decisions without real alternatives, claims that
advocate what the trace rejected, a tree with no negative result."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import claim_text, is_none
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import content_words, has_quantity, overlap, topic_words

CONDITION_OR_MECHANISM = re.compile(
    r"\b(?:when|if|unless|under|only|because|since|due to|caused|so that|therefore|thus|"
    r"which|whereas|while|as soon as|after|before|until|exceed\w*|diverg\w*|overfit\w*|"
    r"underfit\w*|collaps\w*|saturat\w*|plateau\w*|oscillat\w*|explod\w*|vanish\w*|leak\w*)\b",
    re.IGNORECASE,
)
GENERIC = re.compile(
    r"^\s*(?:it )?(?:did ?n[o']t work|does ?n[o']t work|failed|no luck|learned a lot|"
    r"be careful|try (?:harder|again|something else)|more work (?:is )?needed|"
    r"not useful|bad idea|it was bad|does not help|didn't help)\.?\s*$",
    re.IGNORECASE,
)
CRITICAL = re.compile(
    r"\b(?:not|no|fails?|loses?|lose|worse|instead of|rather than|unlike|cannot|breaks?|"
    r"weak\w*|poor\w*|insufficient|inadequate|unsuitable|less suitable|limited|flawed)\b",
    re.IGNORECASE,
)
# Where writers put what failed: this format's field, ara-cli's `why_failed`, `reason`, a
# misspelt `failure`, and writers that record the failed outcome as `result`.
FAILURE_FIELDS = ("failure_mode", "why_failed", "reason", "failure", "result", "description")
MIN_SHARED = 3  # content words a claim must share with a rejected idea to advocate it
# A tree this small may honestly hold no failure (upstream: dead ends are recorded when the
# work had them); past it, a record with none is a story, not a trace.
MIN_EXPLORATION = 6
ADVOCATE = 0.6  # share of a dead end's hypothesis terms a claim repeats to count as advocating


def _vague(text: str | None) -> bool:
    t = (text or "").strip()
    if not t or GENERIC.match(t):
        return True
    return not has_quantity(t) and not CONDITION_OR_MECHANISM.search(t) and len(t.split()) < 12


@register("D5")
def check_dead_ends(ctx: Context) -> Iterator[L2Finding]:
    """Dead ends say what failed with a quantity, condition or mechanism, and a real lesson."""
    concrete = 0
    for n in ctx.art.trace.nodes() if ctx.art.trace else []:
        if n.type != "dead_end":
            continue
        failure = next((k for k in FAILURE_FIELDS if n.get(k)), "failure_mode")
        vague = []
        if _vague(n.get(failure)):
            vague.append(failure)
        if n.get("lesson") is not None and _vague_lesson(n.get("lesson")):
            vague.append("lesson")  # a lesson not written at all is Level 1's finding
        if vague:
            field = vague[0]
            yield ctx.find(
                "L2-D5-001",
                f"dead end {n.id} ({n.title!r}) has a vague {' and '.join(vague)}: no quantity, "
                "condition or mechanism says what failed",
                entities=[n.id],
                pos=n.pos,
                quote=str(n.get(field) or ""),
                needle=f"{field}:",
            )
        else:
            concrete += 1
    if concrete:
        ctx.strength("D5", f"{concrete} dead ends record a concrete failure and lesson")


def _vague_lesson(text: str | None) -> bool:
    t = (text or "").strip()
    return not t or bool(GENERIC.match(t)) or len(content_words(t)) < 2


@register("D5")
def check_decisions(ctx: Context) -> Iterator[L2Finding]:
    """Decisions list at least one real alternative besides the choice (a decision with one
    rejected alternative is a decision). A decision without an `alternatives` field is left
    to Level 1."""
    for n in ctx.art.trace.nodes() if ctx.art.trace else []:
        if n.type != "decision" or n.alternatives is None:
            continue
        choice = " ".join(str(n.choice or "").lower().split())
        real = [
            a
            for a in n.alternatives or []
            if not is_none(a) and " ".join(str(a).lower().split()) != choice
        ]
        if not real:
            yield ctx.find(
                "L2-D5-002",
                f"decision {n.id} ({n.title!r}) lists {len(real)} real alternative(s) besides "
                "its choice: a choice without rivals is not a decision",
                entities=[n.id],
                pos=n.pos,
                quote=f"choice: {n.choice}; alternatives: {n.alternatives}",
                needle="alternatives",
            )


@register("D5")
def check_advocated_dead_ends(ctx: Context) -> Iterator[L2Finding]:
    """No supported claim repeats the hypothesis of a dead end or the 'from' of a pivot."""
    art = ctx.art
    if not art.trace:
        return
    # (node id, kind, rejected text, replacement, what the node learned)
    rejected: list[tuple[str, str, str, str, str]] = []
    for n in art.trace.nodes():
        if n.type == "dead_end" and n.hypothesis:
            learned = " ".join(str(n.get(k) or "") for k in ("lesson", *FAILURE_FIELDS))
            rejected.append((n.id, "dead end", n.hypothesis, "", learned))
        elif n.type == "pivot" and n.from_:
            rejected.append((n.id, "pivot", n.from_, n.to or "", ""))
    for c in art.claims or []:
        if (c.status or "").lower() in ("refuted", "withdrawn"):
            continue
        statement = claim_text(c)
        if CRITICAL.search(statement):
            continue  # the claim argues against something: not advocacy
        c_words = content_words(statement)
        for nid, kind, text, replacement, learned in rejected:
            r_words = content_words(text)
            share = overlap(r_words, c_words)
            if len(r_words) < 3 or share < ADVOCATE or len(r_words & c_words) < MIN_SHARED:
                continue
            if replacement and overlap(content_words(replacement), c_words) >= 0.5:
                continue  # the claim is about the replacement, comparing it with the old way
            if _takes_up(c.id, c.statement or "", text, learned):
                continue  # the claim states what the dead end taught, with its condition
            yield ctx.find(
                "L2-D5-003",
                f"{c.id} advocates what {kind} {nid} rejected ({share:.0%} of {text!r} is "
                "repeated in the claim)",
                entities=[c.id, nid],
                pos=c.pos,
                quote=c.statement or c.title,
            )


LESSON_TERMS = 2  # terms of a dead end's lesson, absent from its hypothesis, a claim repeats


def _takes_up(cid: str, statement: str, hypothesis: str, learned: str) -> bool:
    """True when the dead end's lesson names the claim, or the claim repeats what the dead
    end learned beyond its hypothesis (the condition it found missing)."""
    if re.search(rf"\b{re.escape(cid)}\b", learned):
        return True
    new = topic_words(learned) - topic_words(hypothesis)
    return len(new & topic_words(statement)) >= LESSON_TERMS


@register("D5")
def check_negatives(ctx: Context) -> Iterator[L2Finding]:
    """The tree records at least one negative result (a dead end or a pivot)."""
    art = ctx.art
    if not art.trace:
        return
    nodes = art.trace.nodes()
    negatives = [n for n in nodes if n.type in ("dead_end", "pivot")]
    if len(nodes) >= MIN_EXPLORATION and not negatives:
        from arakit.model import SourcePos

        yield ctx.find(
            "L2-D5-004",
            f"the exploration tree has {len(nodes)} nodes and not one dead end or pivot: "
            "a record with no failures is a story, not a trace",
            pos=SourcePos(file="trace/exploration_tree.yaml", line=1),
        )
    elif negatives:
        ctx.strength("D5", f"{len(negatives)} dead ends and pivots are recorded")
