"""logic/related_work.md: every cited reference, typed from the sentences that cite it."""

from __future__ import annotations

import re

from arakit.compiler.citations import CitationIndex
from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext
from arakit.compiler.pdf.document import Reference
from arakit.model import RelatedWork

# (type, cue) in order of precedence: a reference used as a baseline anywhere is a baseline
TYPE_RULES: tuple[tuple[str, str], ...] = (
    ("baseline", r"\bbaselines?\b|\bcompare[ds]? (?:against|with|to)\b|\boutperform"),
    (
        "extends",
        r"\bwe extend\b|\bextends?\b|\bextended here\b|\bgenerali[sz]e|\bbuild upon\b|"
        r"\bimprove[sd]? (?:on|upon)\b|\bpreliminary (?:ideas|version|results)\b",
    ),
    (
        "imports",
        r"\bwe (?:use|adopt|follow|build on|employ|keep|reuse|apply|rely on)\b|\bbased on\b|"
        r"\bfollowing\b|\bby using\b|\busing the (?:approach|method|algorithm|toolbox|code|"
        r"library|implementation)\b|\bdescribed in\b|\bimplemented in\b|\bsoftware\b|"
        r"\b(?:is|are|was|were) (?:used|adopted)\b",
    ),
    ("refutes", r"\bunlike\b|\bin contrast\b|\bcontrary to\b|\bfails? to\b|\bsuffers?\b"),
    ("bounds", r"\bbound|\bcomplementary\b|\borthogonal\b|\blimit"),
)


def _cue_for(rx: str, sentence: str, key: str, index: CitationIndex) -> re.Match[str] | None:
    """A cue of the sentence that concerns this reference: when the sentence cites several,
    a cue belongs to the first citation after it, else to the nearest before it ("we build
    on [2] and compare with [1]": build on → [2], compare with → [1])."""
    spans = index.spans_in(sentence)
    for m in re.finditer(rx, sentence, re.IGNORECASE):
        if len({k for k, _ in spans}) <= 1:
            return m
        after = [kp for kp in spans if kp[1] >= m.end()]
        owner = after[0] if after else max(spans, key=lambda kp: kp[1])
        if owner[0] == key:
            return m
    return None


def map_related(ctx: PaperContext) -> list[RelatedWork]:
    """One entry per reference: typed from the sentences that cite it, or listed briefly
    (ARA-FORMAT: citations without a technical delta may be) when no citation of it is found
    in the text — a reference list is never dropped."""
    cites: dict[str, list[tuple[str, str]]] = {}
    for c in ctx.atoms.citations:
        for k in c.keys:
            cites.setdefault(k, []).append((c.where.sentence, ctx.where_label(c.where)))
    out: list[RelatedWork] = []
    index = CitationIndex(ctx.doc.references)
    for ref in ctx.doc.references:
        uses = cites.get(ref.key)
        if not uses:
            out.append(_listed(ctx, ref, len(out) + 1))
            continue
        rtype, cue = "imports", ""
        sentence, where = uses[0]
        for name, rx in TYPE_RULES:
            hit = next(((m, s, w) for s, w in uses if (m := _cue_for(rx, s, ref.key, index))), None)
            if hit:
                rtype, cue, sentence, where = name, hit[0].group(0), hit[1], hit[2]
                break
        doi = ref.doi or (f"arXiv:{ref.arxiv}" if ref.arxiv else NOT_SPECIFIED)
        how = (
            f"the cue '{cue}'"
            if cue
            else "no relation stated: cited as background, imports is the default"
        )
        out.append(
            RelatedWork(
                id=f"RW{len(out) + 1:02d}",
                title=ref.short,
                doi=doi,
                type=rtype,
                delta=f'Cited in {where}: "{sentence}" (type from {how})',
                adopted_elements=sentence if rtype in ("imports", "extends") else NOT_SPECIFIED,
                extra_fields=ctx.source_fields(
                    f"{ctx.source_name} reference [{ref.key}]: {ref.title}"
                ),
            )
        )
    return out


def _listed(ctx: PaperContext, ref: Reference, number: int) -> RelatedWork:
    """A reference no sentence of the text was found citing: listed, its relation unstated."""
    return RelatedWork(
        id=f"RW{number:02d}",
        title=ref.short,
        doi=ref.doi or (f"arXiv:{ref.arxiv}" if ref.arxiv else NOT_SPECIFIED),
        type="imports",
        delta=(
            "In the reference list; no citation of it was found in the text, so its relation "
            "to this work is not stated (imports is the default type)"
        ),
        adopted_elements=NOT_SPECIFIED,
        extra_fields=ctx.source_fields(f"{ctx.source_name} reference [{ref.key}]: {ref.title}"),
    )
