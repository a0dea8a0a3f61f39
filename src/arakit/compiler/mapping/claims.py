"""logic/claims.md from contribution sentences. A statement keeps the paper's words (never
stronger); Evidence basis names the tables; Interpretation is kept apart."""

from __future__ import annotations

import re

from arakit.compiler.mapping.claim_cues import STOP_WORDS
from arakit.compiler.mapping.claim_foreign import words_any
from arakit.compiler.mapping.claim_results import RESULT_CAP, RESULT_MAX
from arakit.compiler.mapping.claim_sentences import (
    claim_sentences,
    claims_and_rest,
    fallback_claim_sentences,
    statement_of,
    words,
)
from arakit.compiler.mapping.context import NOT_SPECIFIED, PROVENANCE, PaperContext, title_of
from arakit.compiler.mapping.experiments import Planned, discussion
from arakit.compiler.mapping.quantities import measured
from arakit.model import Claim
from arakit.model.base import MdField


def map_claims(ctx: PaperContext, planned: list[Planned]) -> list[Claim]:
    """Claims from the abstract, the introduction's contributions and the conclusion, each
    in the paper's own words (see claim_sentences)."""
    claims: list[Claim] = []
    found = claim_sentences(ctx)
    fallback = not found
    about = {p.experiment.id: _about(ctx, p) for p in planned}  # read once, not per claim
    for s in found or fallback_claim_sentences(ctx):
        statement = claim_statement(ctx, s.text)
        cid = f"C{len(claims) + 1:02d}"
        proof = _proof(statement, about)
        tables = [p for p in planned if p.experiment.id in proof]
        basis = (
            "; ".join(
                f"{p.obj.label} (p. {p.obj.page}) reports {p.obj.caption.rstrip('.')}"
                + (f", transcribed in {p.evidence}" if p.evidence else "")
                for p in tables
            )
            or NOT_SPECIFIED
        )
        claims.append(
            Claim(
                id=cid,
                title=title_of(statement),
                statement=statement,
                status="supported" if any(p.evidence for p in tables) else "untested",
                falsification_criteria=falsification(statement, proof),
                proof=proof,
                evidence_basis=basis,
                interpretation=(
                    "No sentence of the paper reads as a finding under the compiler's rules "
                    "(a tutorial, a survey, or a language they do not cover); this is a "
                    "sentence of the abstract saying what the paper does, kept in its words"
                    if fallback
                    else "The paper's authors report this result; the compiler did not re-run "
                    "it (status as reported in the source)"
                ),
                tags=_tags(statement),
                provenance=PROVENANCE,
                last_revised=f"{ctx.today} (ara compile)",
                extra_fields=[MdField(name="Source", value=ctx.where_label(s.where))],
            )
        )
    for p in planned:
        p.experiment.verifies = [c.id for c in claims if p.experiment.id in (c.proof or [])]
    return claims


# a number in parentheses inside a clause: "average (1) accuracy"
_PAREN_NUMBER = re.compile(r"(?<=[a-z,]) \((\d{1,2})\)(?= [a-z])")
# the words that cite an equation by its number ("as in (1)", "Eq. (2)"), or list items
_CITES_NUMBER = re.compile(
    r"(?:\b(?:eqs?\.|equations?|in|see|by|from|of|and|or|to|with|using|under)|[,(])$", re.I
)


def claim_statement(ctx: PaperContext, sentence: str) -> str:
    """The claim in the paper's words (see statement_of), without the number of a displayed
    equation of the other column that the reading order ran into it ("the SVM achieved an
    overall average (1) accuracy of 96%"): a lone "(N)" inside a clause, N no greater than
    the paper's largest equation number, cited by no word before it."""
    text = statement_of(sentence)
    numbered = [int(e.number) for e in ctx.doc.equations if e.number.isdigit()]
    found = list(_PAREN_NUMBER.finditer(text))
    if len(found) != 1 or not numbered or len(re.findall(r"\(\d{1,2}\)", text)) != 1:
        return text  # none, or an enumeration "(1) ... (2) ..."
    m = found[0]
    if int(m.group(1)) > max(numbered) or _CITES_NUMBER.search(text[: m.start()]):
        return text
    return text[: m.start()] + text[m.end() :]


def unlisted_note(ctx: PaperContext) -> str:
    """What logic/claims.md says above its claims when the paper reports more findings than
    it lists: the bound and where the further findings stand, so that a reader knows they
    were counted and where to read them ("" when every finding is listed)."""
    rest = claims_and_rest(ctx)[1]
    if not rest:
        return ""
    where: dict[str, int] = {}
    for s in rest:
        place = f"§{s.where.section}" if s.where.section else (s.heading or "the text")
        key = f"{place} (p. {s.where.page})"
        where[key] = where.get(key, 0) + 1
    places = ", ".join(f"{k}: {n}" for k, n in where.items())
    return (
        "Claims are the abstract's, the contribution list's, at most "
        f"{RESULT_CAP} findings of the results sections (one per section when more "
        f"sections report one, up to {RESULT_MAX}; strongest first) and the "
        f"conclusion's. {len(rest)} further finding{'s' if len(rest) > 1 else ''} of the "
        f"results sections {'are' if len(rest) > 1 else 'is'} not listed here — {places}."
    )


_COMPARATIVE = re.compile(
    r"\b(?:improves?|outperforms?|above|better|higher|lower|faster|reduces?|removes?|beats?)\b",
    re.I,
)


# the verb a paper announces its work with ("We present ...") names no measured effect
_SAYING = re.compile(
    r"(?:present|propose|introduce|describe|show|demonstrate|report|find|found|provide|"
    r"accurately|also|then|here|highly|very)(?:s|d|ed|ing)?",
    re.I,
)


def falsification(statement: str, proof: list[str]) -> str:
    """A measurable criterion built from the statement's own quantities, never a bare negation.

    Numbers the statement quotes become thresholds ("top-1 accuracy outside 76.4% by more
    than the run-to-run spread"); a comparison becomes "no better than the baseline"; a
    statement without numbers is tied to its key terms and the run-to-run spread.
    """
    runs = ", ".join(proof) if proof else "the experiment behind it"
    seen: dict[str, None] = {}
    for w in re.findall(r"[^\W\d_][\w-]+", statement):
        if w.lower() not in STOP_WORDS and len(w) > 2 and not _SAYING.fullmatch(w):
            seen.setdefault(w, None)
    terms = ", ".join(list(seen)[:5]) or "the quantity it describes"
    parts = []
    for q in measured(statement)[:2]:
        what = q.what or "the reported quantity"
        parts.append(
            f"{what} differs from the reported {q.printed} by more than the run-to-run spread"
        )
    if _COMPARATIVE.search(statement):
        parts.append(
            f"the method is no better than its baseline in the statement's terms ({terms}), "
            "beyond that spread"
        )
    if not parts:
        parts.append(f"the measured effect ({terms}) is within the run-to-run spread")
    return f"Re-running {runs} with the same setup and metrics finds that " + "; or ".join(parts)


def _tags(statement: str, count: int = 5) -> list[str]:
    """The statement's most specific words (the longest content words, no adverbs, no
    numbers or single letters), in alphabetical order."""
    found = words(statement) or words_any(statement)  # a claim in another script has words too
    pool = [w for w in found if len(w) >= 4 and not w.endswith("ly") and not w.isdigit()]
    return sorted(sorted(pool, key=lambda w: (-len(w), w))[:count])


MIN_SHARED = 2  # one word in common is chance: a claim and its proof share at least two terms


def _about(ctx: PaperContext, p: Planned) -> str:
    """What an experiment's object is about: its caption, row labels, header, and the
    sentences of the paper that discuss it."""
    rows = " ".join(r[0] for r in getattr(p.obj, "rows", []) if r)
    said = " ".join(x.text for x in discussion(ctx, p.obj))
    return f"{p.obj.caption} {rows} {' '.join(getattr(p.obj, 'header', []))} {said}"


def _proof(statement: str, about: dict[str, str]) -> list[str]:
    """The experiments whose text (see _about) shares the most terms with the statement;
    none when no experiment shares MIN_SHARED terms: a claim the paper's tables and figures
    do not test cites nothing rather than the first experiment."""
    read = words if words(statement) else words_any  # a claim in another script has words too
    want = read(statement)
    scored = [(len(want & read(text)), eid) for eid, text in about.items()]
    top = max((score for score, _ in scored), default=0)
    if top < MIN_SHARED:
        return []
    return [eid for score, eid in scored if score == top][:2]
