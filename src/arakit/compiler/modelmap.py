"""`--model NAME`: a language model drafts claims through `arakit.llm.ask_json`, checked
against a schema; on any failure the rule-based draft stays and a warning says why."""

from __future__ import annotations

from pydantic import BaseModel, Field

from arakit.compiler.mapping.context import PROVENANCE, PaperContext
from arakit.errors import UsageError
from arakit.model import Artifact


class ClaimDraft(BaseModel):
    """One claim as the model proposes it, with the sentence it rests on."""

    title: str = Field(max_length=120)
    statement: str
    source_sentence: str


class ClaimDrafts(BaseModel):
    """The model's answer for logic/claims.md."""

    claims: list[ClaimDraft] = Field(min_length=1, max_length=8)


SYSTEM = (
    "You turn a research paper into falsifiable claims. Never state more than the paper. "
    "Quote the sentence each claim rests on exactly as it appears in the text you were given."
)


def refine_with_model(art: Artifact, ctx: PaperContext, model: str, warnings: list[str]) -> None:
    """Replace rule-drafted claim statements by the model's, where its quotes are verbatim."""
    try:
        from arakit.llm import LLMError, ask_json
    except ImportError:
        raise UsageError(
            f"--model {model}: this installation has no arakit.llm, the door to language models",
            hint="run without --model (rules) or install arakit with its llm component",
        ) from None
    text = "\n".join(s.text for s in ctx.sentences("abstract", "introduction", "conclusion"))[:8000]
    prompt = f"Paper text:\n{text}\n\nReturn the paper's main claims as JSON."
    try:
        answer = ask_json(model, prompt, ClaimDrafts, system=SYSTEM)
    except LLMError as e:
        warnings.append(f"model {model} failed ({e}); claims come from the rules")
        return
    sentences = {s.text: s for s in ctx.sentences()}
    kept = 0
    for claim, draft in zip(art.claims or [], answer.claims, strict=False):
        src = sentences.get(draft.source_sentence.strip())
        if src is None:
            continue  # a quote that is not in the paper is not trusted
        claim.title, claim.statement, claim.provenance = draft.title, draft.statement, PROVENANCE
        kept += 1
    if kept == 0:
        warnings.append(
            f"model {model} quoted no sentence of the paper exactly; claims come from the rules"
        )
