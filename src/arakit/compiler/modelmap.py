"""`--model NAME`: a language model drafts claims and concepts through `arakit.llm.ask_json`,
each answer checked against a schema and against the paper (every quoted sentence must be
in it, verbatim); on any failure the rule-based draft stays and a warning says why."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, Field

from arakit.compiler.mapping.context import NOT_SPECIFIED, PROVENANCE, PaperContext
from arakit.errors import UsageError
from arakit.model import Artifact, Concept
from arakit.model.base import MdField


class ClaimDraft(BaseModel):
    """One claim as the model proposes it, with the sentence it rests on."""

    title: str = Field(max_length=120)
    statement: str
    source_sentence: str


class ClaimDrafts(BaseModel):
    """The model's answer for logic/claims.md."""

    claims: list[ClaimDraft] = Field(min_length=1, max_length=8)


class ConceptDraft(BaseModel):
    """One defined term and the sentence that defines it."""

    term: str = Field(max_length=80)
    definition_sentence: str


class ConceptDrafts(BaseModel):
    """The model's answer for logic/concepts.md."""

    concepts: list[ConceptDraft] = Field(min_length=1, max_length=20)


class Quoted(BaseModel):
    """A statement and the paper sentence it rests on."""

    statement: str
    source_sentence: str


class ProblemDraft(BaseModel):
    """The model's answer for logic/problem.md."""

    observations: list[Quoted] = Field(max_length=6)
    gaps: list[Quoted] = Field(max_length=4)
    key_insight: Quoted | None = None


SYSTEM = (
    "You turn a research paper into structured records. Never state more than the paper. "
    "Quote every source sentence exactly as it appears in the text you were given."
)


_TOO_LONG = re.compile(r"context window|exceed|too long|too many tokens|maximum context", re.I)
EXCERPT = 500  # characters: what fits beside the instructions in a 512-token local model


def ask_fitting(
    ask_json: Any,
    llm_error: type[Exception],
    model: str,
    text: str,
    question: str,
    schema: type[BaseModel],
) -> Any:
    """Ask about the paper text; when the model's context window is too small for it, ask once
    more with the text's first sentences (up to EXCERPT characters)."""
    try:
        return ask_json(model, f"Paper text:\n{text}\n\n{question}", schema, system=SYSTEM)
    except llm_error as e:
        if not _TOO_LONG.search(str(e)) or len(text) <= EXCERPT:
            raise
    cut = text[:EXCERPT]
    end = max(cut.rfind(". "), cut.rfind("\n"))
    excerpt = cut[: end + 1] if end > 0 else cut
    return ask_json(model, f"Paper text:\n{excerpt}\n\n{question}", schema, system=SYSTEM)


def refine_with_model(art: Artifact, ctx: PaperContext, model: str, warnings: list[str]) -> None:
    """Replace rule drafts by the model's where its quotes are verbatim sentences of the paper."""
    try:
        from arakit.llm import LLMError, ask_json
    except ImportError:
        raise UsageError(
            f"--model {model}: this installation has no arakit.llm, the door to language models",
            hint="run without --model (rules) or install arakit with its llm component",
        ) from None
    sentences = {s.text: s for s in ctx.sentences()}
    text = "\n".join(s.text for s in ctx.sentences("abstract", "introduction", "conclusion"))[:8000]
    try:
        claims = ask_fitting(
            ask_json, LLMError, model, text, "List the paper's main claims.", ClaimDrafts
        )
    except LLMError as e:
        warnings.append(f"model {model} failed on claims ({e}); claims come from the rules")
    else:
        kept = 0
        for claim, draft in zip(art.claims or [], claims.claims, strict=False):
            src = sentences.get(draft.source_sentence.strip())
            if src is None:
                continue  # a quote that is not in the paper is not trusted
            claim.title, claim.statement, claim.provenance = (
                draft.title,
                draft.statement,
                PROVENANCE,
            )
            claim.extra_fields = [
                MdField(name="Source", value=f"{ctx.where_label(src.where)} (drafted by {model})")
            ]
            kept += 1
        if kept == 0:
            warnings.append(
                f"model {model} quoted no sentence of the paper exactly; claims come from the rules"
            )
    _problem(art, ctx, model, text, sentences, warnings, ask_json, LLMError)
    body = "\n".join(s.text for s in ctx.sentences("method", "setup", "introduction"))[:8000]
    try:
        concepts = ask_fitting(
            ask_json, LLMError, model, body, "List the terms the paper defines.", ConceptDrafts
        )
    except LLMError as e:
        warnings.append(f"model {model} failed on concepts ({e}); concepts come from the rules")
        return
    have = {c.term.lower() for c in art.concepts or []}
    for d in concepts.concepts:
        src = sentences.get(d.definition_sentence.strip())
        if src is None or d.term.lower() in have or d.term.lower() not in src.text.lower():
            continue
        have.add(d.term.lower())
        (art.concepts or []).append(
            Concept(
                term=d.term,
                notation=NOT_SPECIFIED,
                definition=src.text,
                boundary_conditions=NOT_SPECIFIED,
                related_concepts=NOT_SPECIFIED,
                extra_fields=ctx.source_fields(
                    f"{ctx.where_label(src.where)} (drafted by {model})"
                ),
            )
        )


def _problem(art, ctx, model, text, sentences, warnings, ask_json, llm_error) -> None:  # type: ignore[no-untyped-def]
    """Observations, gaps and the key insight, each kept only with a verbatim source sentence."""
    question = "List observations, gaps in prior work, and the key insight."
    try:
        draft = ask_fitting(ask_json, llm_error, model, text, question, ProblemDraft)
    except llm_error as e:
        warnings.append(
            f"model {model} failed on the problem ({e}); the problem comes from the rules"
        )
        return
    p = art.problem
    if p is None:
        return
    pairs = [
        *zip(p.observations, draft.observations, strict=False),
        *zip(p.gaps, draft.gaps, strict=False),
    ]
    for entity, quoted in pairs:
        src = sentences.get(quoted.source_sentence.strip())
        if src is not None:
            entity.statement = quoted.statement
            entity.extra_fields = ctx.source_fields(
                f"{ctx.where_label(src.where)} (drafted by {model})"
            )
    ki = draft.key_insight
    if ki is not None and p.key_insight is not None and sentences.get(ki.source_sentence.strip()):
        p.key_insight.insight = ki.statement
