"""D3 scope calibration: universal words over narrow evidence, mismatched hedging, unused
evidence, unstated assumptions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.seal.checks.evidence import derived_path
from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import datasets, models, testing_experiments
from arakit.seal.level2.evidence_refs import find_refs
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import segments

_KINDS = r"(?:models?|datasets?|tasks?|domains?|settings?|architectures?|networks?|problems?|benchmarks?|conditions?|scales?|sizes?|languages?|inputs?)"
UNIVERSAL = re.compile(
    rf"\b(?:always|never|universally|in all cases|in every case|regardless of|without exception|"
    rf"state[- ]of[- ]the[- ]art on (?:every|all)|for (?:any|all|every) {_KINDS}|"
    rf"(?:all|any|every) {_KINDS}|guarantee[sd]?|in general)\b",
    re.IGNORECASE,
)
CERTAIN = re.compile(
    r"\b(?:proves?|proven|definitively|conclusively|establishes|certainly|undeniabl\w*|"
    r"unquestionabl\w*|beyond doubt)\b",
    re.IGNORECASE,
)
HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps|seems?|appears? to)\b", re.IGNORECASE)
ASSUMING = re.compile(r"\b(?:assum\w+|presum\w+|provided that)\b", re.IGNORECASE)
NARROW = 3  # fewer distinct datasets/conditions than this is narrow evidence for "all"


# The breadth a universal phrase asserts: over models, or over data and conditions.
_MODEL_KINDS = re.compile(r"\b(?:models?|architectures?|networks?)\b", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|no|never)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$", re.IGNORECASE)
# a universal inside an explanation or a contrast describes, it does not generalize a result
_EXPLAINS = re.compile(r"\b(?:because|since|whereas|while|unlike)\b[^;]*$", re.IGNORECASE)
_NORMATIVE = re.compile(
    r"\b(?:should|must|ought|correct response|recommend\w*|rule of thumb)\b", re.IGNORECASE
)
# a rule of a system the artifact defines: "only ..., never ...", or its own code names
_BY_RULE = re.compile(r"\bonly\b|\bby (?:design|construction|definition)\b")
_CODE_NAME = re.compile(r"`[^`]+`")
# the sentence names the set it quantifies over: what was tested, or "43 of 60"
_SCOPED = re.compile(
    r"\b(?:tested|audited|evaluated|examined|observed|measured|studied)\b"
    r"|\b\d+\s*(?:of|/|out of)\s*\d+\b",
    re.IGNORECASE,
)


def universals(statement: str) -> tuple[str, bool, bool] | None:
    """(phrase, over models, over data) for the first sentence that generalizes beyond a
    stated scope; None when every universal word is negated, explains, advises or is scoped."""
    for sentence in segments(statement):
        if _NORMATIVE.search(sentence) or _SCOPED.search(sentence) or _BY_RULE.search(sentence):
            continue
        found = [
            m
            for m in UNIVERSAL.finditer(sentence)
            if not _NEGATED.search(sentence[max(0, m.start() - 24) : m.start()])
            and not _EXPLAINS.search(sentence[: m.start()])
            and not _CODE_NAME.search(re.split(r",", sentence[m.end() :], maxsplit=1)[0])
        ]
        if found:
            models = any(_MODEL_KINDS.search(m.group(0)) for m in found)
            data = any(not _MODEL_KINDS.search(m.group(0)) or " and " in m.group(0) for m in found)
            data = data or bool(re.search(r"\b(?:datasets?|data|tasks?|domains?)\b", sentence))
            return found[0].group(0), models, data
    return None


@register("D3")
def check_universal(ctx: Context) -> Iterator[L2Finding]:
    """Universal quantifiers need broad evidence: at least three of what they range over
    (models for "any model", datasets or conditions otherwise)."""
    for c in ctx.art.claims or []:
        found = universals(c.statement or "")
        if found is None:
            continue
        word, over_models, over_data = found
        exps = testing_experiments(ctx.art, c)
        ds, ms = datasets(exps), models(exps)
        narrow = [
            (n, kind, names)
            for n, kind, names, asked in (
                (len(ds), "dataset(s) or condition(s)", ds, over_data),
                (len(ms), "model(s)", ms, over_models),
            )
            if asked and n < NARROW
        ]
        if narrow:
            n, kind, names = narrow[0]
            yield ctx.find(
                "L2-D3-001",
                f"{c.id} says {word!r} but rests on {len(exps)} experiment(s) over {n} {kind}"
                + (f" ({', '.join(sorted(names))})" if names else ""),
                entities=[c.id],
                pos=c.pos,
                quote=c.statement or "",
                needle=word,
            )


@register("D3")
def check_hedging(ctx: Context) -> Iterator[L2Finding]:
    """Certainty needs repeated support; a supported claim should not hedge without a reason."""
    for c in ctx.art.claims or []:
        statement = c.statement or ""
        exps = testing_experiments(ctx.art, c)
        if (m := CERTAIN.search(statement)) and len(exps) < 2:
            yield ctx.find(
                "L2-D3-002",
                f"{c.id} says {m.group(0)!r} on the strength of {len(exps)} experiment(s)",
                entities=[c.id],
                pos=c.pos,
                quote=statement,
                needle=m.group(0),
            )
        elif (m := HEDGE.search(statement)) and (c.status or "").lower() == "supported":
            yield ctx.find(
                "L2-D3-002",
                f"{c.id} is marked supported yet hedges ({m.group(0)!r}): either the evidence "
                "settles it or the status should be testing",
                entities=[c.id],
                pos=c.pos,
                quote=statement,
                needle=m.group(0),
            )


@register("D3")
def check_unused_evidence(ctx: Context) -> Iterator[L2Finding]:
    """Every evidence file is used by some claim (index Claims column or a claim's text)."""
    art = ctx.art
    used: set[str] = set()
    for c in art.claims or []:
        for field in (c.statement, c.evidence_basis, c.interpretation):
            for r in find_refs(art, field or ""):
                used.update(f.path for f in r.files)
    index = art.evidence.index
    for row in index.rows() if index else []:
        claims = row.get("claims", "")
        if re.search(r"\bC\d+\b", claims):
            f = art.evidence.file(row.get("file", ""))
            if f is not None:
                used.add(f.path)
    for f in art.evidence.files:
        if f.path in used:
            continue
        src = derived_path(f.derived_from) if f.derived_from else ""
        if src and any(u.endswith("/" + src.split("/")[-1]) for u in used):
            continue  # a subset of a file a claim cites
        yield ctx.find(
            "L2-D3-003",
            f"{f.path} is kept as evidence but no claim cites it: an unreported result or a "
            "claim left unmade",
            pos=_file_pos(f.path),
            quote=f.caption or f.title,
        )


@register("D3")
def check_assumptions(ctx: Context) -> Iterator[L2Finding]:
    """Assumptions the claims lean on are listed in logic/problem.md."""
    art = ctx.art
    stated = art.problem.assumptions if art.problem else []
    if stated:
        ctx.strength("D3", f"{len(stated)} assumptions are stated")
        return
    for c in art.claims or []:
        for field in (c.statement, c.interpretation, c.evidence_basis):
            if field and (m := ASSUMING.search(field)):
                yield ctx.find(
                    "L2-D3-004",
                    f"{c.id} relies on an assumption ({m.group(0)!r}) but logic/problem.md lists "
                    "no assumptions",
                    entities=[c.id],
                    pos=c.pos,
                    quote=field,
                    needle=m.group(0),
                )
                return
    if art.claims:
        yield ctx.find(
            "L2-D3-004",
            "logic/problem.md states no assumptions: the scope of every claim is left implicit",
            pos=_file_pos("logic/problem.md"),
        )


def _file_pos(path: str):  # type: ignore[no-untyped-def]
    from arakit.model import SourcePos

    return SourcePos(file=path, line=1)
