"""logic/problem.md from the introduction: observations, gaps, key insight, assumptions."""

from __future__ import annotations

import re

from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, find, title_of
from arakit.model import Assumption, Gap, KeyInsight, Observation, Problem

_OBSERVE = (
    r"\b(we observe|we find|we found|we notice|is fragile|are unstable|is unstable|suffers?)\b"
)
_GAP = r"\b(however|fail to|fails to|lack|lacks|cannot|remains? (unclear|open)|limited|do not address|is unknown)\b"
_INSIGHT = r"\b(key insight|key idea|main idea|our insight|core idea|we hypothesi[sz]e|intuition)\b"
_PROPOSE = r"\bwe (propose|introduce|present)\b"
_NUM = re.compile(r"\d")


def map_problem(ctx: PaperContext) -> Problem:
    """Observations (preferring sentences with numbers), gaps, the key insight, assumptions."""
    intro = ctx.sentences("introduction", "abstract")
    claims_like = re.compile(
        r"\bwe (propose|introduce|present|show|demonstrate)\b|\b(reaches|outperforms|improves)\b",
        re.I,
    )
    pool = [s for s in intro if not claims_like.search(s.text)]
    obs_s = find(_OBSERVE, pool)
    obs_s += [
        s for s in pool if _NUM.search(re.sub(r"\[[\d,\s]+\]", "", s.text)) and s not in obs_s
    ]
    obs_s = sorted(obs_s, key=lambda s: intro.index(s))[:4]
    observations = []
    for k, s in enumerate(obs_s, start=1):
        nxt = intro[intro.index(s) + 1].text if intro.index(s) + 1 < len(intro) else ""
        observations.append(
            Observation(
                id=f"O{k}",
                title=title_of(s.text),
                statement=s.text,
                evidence=f"Stated in {ctx.where_label(s.where)}",
                implication=nxt if re.search(_GAP, nxt, re.IGNORECASE) else NOT_SPECIFIED,
                extra_fields=ctx.source_fields(ctx.where_label(s.where)),
            )
        )
    gaps = []
    for k, s in enumerate(find(_GAP, ctx.sentences("introduction", "related", "abstract"))[:3], 1):
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


def _cited(ctx: PaperContext, sentence: str) -> list[str]:
    keys = re.findall(r"\[(\d+)\]", sentence)
    refs = {r.key: r for r in ctx.doc.references}
    return [f"{refs[k].short} [{k}]" for k in keys if k in refs]
