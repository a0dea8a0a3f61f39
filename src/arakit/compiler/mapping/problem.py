"""logic/problem.md from the introduction: observations, gaps, key insight, assumptions.

Observations are the introduction's and abstract's statements of fact about the problem —
those that state numbers first, then those that say what is hard, costly or failing —
with the numbers they state listed in the Evidence; the paper's own claims, questions and
fragments (figure text, equation pieces) are not observations."""

from __future__ import annotations

import re

from arakit.compiler.citations import CitationIndex
from arakit.compiler.mapping.claim_results import MIN_SCORE, finding_score
from arakit.compiler.mapping.claim_sentences import claim_sentences
from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, Sentence, find, title_of
from arakit.compiler.mapping.quantities import stated_numbers
from arakit.model import Assumption, Gap, KeyInsight, Observation, Problem

_OBSERVE = (
    r"\b(we observe|we find|we found|we notice|is fragile|are unstable|is unstable|suffers?|"
    r"challeng\w*|difficult\w*|expensive|costly|prohibitive\w*|bottleneck|hinders?|"
    r"cannot|limited|lacks?|issue|problem is|time-consuming|error-prone|tedious|"
    r"(?:have|has) required|relies|rely|heuristic|strong \w+ assumptions)\b"
)
_GAP = r"\b(however|fail to|fails to|lack|lacks|cannot|remains? (unclear|open)|limited|do not address|is unknown)\b"
_INSIGHT = r"\b(key insight|key idea|main idea|our insight|core idea|we hypothesi[sz]e|intuition)\b"
_PROPOSE = r"\bwe (propose|introduce|present)\b"
_NUM = re.compile(r"\d")
# a sentence about the paper itself (what it contributes, aims at, shows or gives up) says
# what the authors did, not what is true of the problem
_ABOUT_US = re.compile(
    r"\b(?:(?:our|this) (?:work|paper|study|contribution)|contributions? of (?:the|this) "
    r"(?:paper|work)|we (?:also )?(?:propose|introduce|present|show|demonstrate|aim|give up))\b",
    re.I,
)


def map_problem(ctx: PaperContext) -> Problem:
    """Observations (preferring sentences with numbers), gaps, the key insight, assumptions."""
    intro = ctx.sentences("introduction", "abstract")
    claimed = {id(c) for c in claim_sentences(ctx)}
    # one sentence is one entry: a gap is not also an observation, and a sentence printed
    # twice (in the summary and again in the introduction) is written once
    gap_s = _distinct(find(_GAP, ctx.sentences("introduction", "related", "abstract")))[:3]
    gap_texts = {s.text for s in gap_s}
    # a result of the paper is a claim, not an observation about the problem
    pool = [
        s
        for s in _distinct(intro)
        if id(s) not in claimed
        and s.text not in gap_texts
        and _ABOUT_US.search(s.text) is None
        and _statement(s)
        and finding_score(s.text) < MIN_SCORE
    ]
    obs_s = [s for s in pool if stated_numbers(s.text)]
    obs_s += [s for s in find(_OBSERVE, pool) if s not in obs_s]
    obs_s = sorted(obs_s, key=lambda s: intro.index(s))[:4]
    observations = []
    for k, s in enumerate(obs_s, start=1):
        nxt = intro[intro.index(s) + 1].text if intro.index(s) + 1 < len(intro) else ""
        observations.append(
            Observation(
                id=f"O{k}",
                title=title_of(s.text),
                statement=s.text,
                evidence=_evidence(ctx, s),
                implication=nxt if re.search(_GAP, nxt, re.IGNORECASE) else NOT_SPECIFIED,
                extra_fields=ctx.source_fields(ctx.where_label(s.where)),
            )
        )
    gaps = []
    for k, s in enumerate(gap_s, 1):
        cited = _cited(ctx, s.text)
        because = re.search(r"\bbecause\b(.+)$", s.text)
        gaps.append(
            Gap(
                id=f"G{k}",
                title=title_of(s.text),
                statement=s.text,
                caused_by=[o.id for o in observations[:1]],
                existing_attempts=", ".join(cited) if cited else NOT_SPECIFIED,
                why_they_fail=because.group(1).strip().rstrip(".") if because else NOT_SPECIFIED,
                extra_fields=ctx.source_fields(ctx.where_label(s.where)),
            )
        )
    insight = find(_INSIGHT, ctx.sentences()) or find(_PROPOSE, ctx.sentences())
    propose = find(_PROPOSE, ctx.sentences("introduction", "abstract"))
    key = KeyInsight(
        insight=insight[0].text if insight else NOT_SPECIFIED,
        derived_from=[o.id for o in observations] + [g.id for g in gaps],
        enables=propose[0].text if propose else NOT_SPECIFIED,
        extra_fields=ctx.source_fields(ctx.where_label(insight[0].where)) if insight else [],
    )
    assumptions = [
        Assumption(id=f"A{k}", text=f"{s.text} ({ctx.where_label(s.where)})")
        for k, s in enumerate(find(r"\bassum(e|es|ed|ption)\b", ctx.sentences())[:5], start=1)
    ]
    return Problem(
        title="Problem",
        preamble=f"Compiled from {ctx.source_name} by rules; every entry is ai-suggested.",
        observations=observations,
        gaps=gaps,
        key_insight=key,
        assumptions=assumptions,
        assumptions_notes="" if assumptions else NOT_SPECIFIED + ".",
    )


def _distinct(sentences: list[Sentence]) -> list[Sentence]:
    """The sentences in order, each text once."""
    seen: set[str] = set()
    out = []
    for s in sentences:
        if s.text not in seen:
            seen.add(s.text)
            out.append(s)
    return out


def _statement(s: Sentence) -> bool:
    """A complete declarative sentence of prose (not a question, a fragment or figure text)."""
    text = s.text.strip()
    words = text.split()
    prose = sum(1 for w in words if re.fullmatch(r"[A-Za-z][\w'’-]*[,.;:]?", w))
    return (
        len(words) >= 8
        and text[:1].isupper()
        and text.endswith((".", "!", ";"))
        and not text.endswith("?")
        and prose >= 0.7 * len(words)
    )


# a word a number is printed before that says nothing about it ("0.919 when", "50-")
_LOOSE = re.compile(
    r"(?:\s+(?:when|while|and|or|of|in|on|at|to|for|with|by|from|as|is|was|are|were|the|a|"
    r"an|than|if|but|which|that)|-)$",
    re.I,
)


def _evidence(ctx: PaperContext, s: Sentence) -> str:
    numbers = list(dict.fromkeys(_LOOSE.sub("", n) for n in stated_numbers(s.text)))
    said = f"Stated in {ctx.where_label(s.where)}"
    return f"{said} (numbers: {'; '.join(numbers)})" if numbers else said


def _cited(ctx: PaperContext, sentence: str) -> list[str]:
    refs = {r.key: r for r in ctx.doc.references}
    keys = CitationIndex(ctx.doc.references).keys_in(sentence)
    return [f"{refs[k].short} [{k}]" for k in keys if k in refs]
