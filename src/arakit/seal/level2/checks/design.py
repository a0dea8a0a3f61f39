"""D1 claim ↔ experiment fit: a proof about something else; claim type against design."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import (
    claim_text,
    datasets,
    experiment_text,
    proof_experiments,
    testing_experiments,
)
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import content_words, overlap

OFF_TOPIC = 0.12  # share of the claim's terms an experiment must mention
CAUSAL = re.compile(
    r"\b(?:because|causes?|caused by|due to|leads? to|responsible for|drives?|driven by|"
    r"explains?|thanks to|results? in|the reason|mechanism)\b",
    re.IGNORECASE,
)
ABLATION = re.compile(
    r"\b(?:ablat\w*|remov\w*|without|disabl\w*|knock\w*|turn\w* off|vary\w*|varied|control\w*|"
    r"sweep\w*|with and without|leave[- ]one[- ]out)\b",
    re.IGNORECASE,
)
GENERAL = re.compile(
    r"(?<![-\w])(?:generali[sz]e[sd]?|generali[sz]ing|generali[sz]ation (?:to|across)|"
    r"transfers? (?:to|across)|across (?:datasets|tasks|domains|settings|architectures|"
    r"benchmarks|models)|in general|universally|any (?:dataset|task|domain|model|architecture))\b",
    re.IGNORECASE,
)
# A cause that holds by construction: what a design has, lacks or only does. It is checked by
# reading the design (a derivation), not by removing it in an experiment.
BY_CONSTRUCTION = re.compile(
    r"\b(?:only|never|cannot|by (?:construction|definition|design)|constant|independent of|"
    r"(?:has|have|had) no|there is no|lacks?|no \w+ to)\b"
    r"|`[^`]+`",  # a file, field or function named in code style: read it, do not ablate it
    re.IGNORECASE,
)
SHARED_ENOUGH = 3  # terms a claim and its proof experiment share to be about the same thing


@register("D1")
def check_topic(ctx: Context) -> Iterator[L2Finding]:
    """Each proof experiment shares terms with the claim it proves."""
    fine = 0
    for c in ctx.art.claims or []:
        words = content_words(claim_text(c))
        if len(words) < 4:
            continue
        for e in proof_experiments(ctx.art, c):
            e_words = content_words(experiment_text(e))
            share = overlap(words, e_words)
            mutual = c.id in (e.verifies or [])  # the experiment names the claim too
            limit = OFF_TOPIC if not mutual else OFF_TOPIC / 2
            # a long claim shares a small part of its terms even with its own proof
            enough = len(words & e_words) >= SHARED_ENOUGH - mutual
            if share < limit and not enough:
                yield ctx.find(
                    "L2-D1-004",
                    f"{c.id} cites {e.id} as proof, but they share {round(share * len(words))} of "
                    f"the claim's {len(words)} terms: {e.id} ({e.title!r}) tests something else",
                    entities=[c.id, e.id],
                    pos=c.pos,
                    quote=c.statement or c.title,
                    needle="**Proof**",
                )
            else:
                fine += 1
    if fine:
        ctx.strength("D1", f"{fine} claim-proof pairs are about the same things")


def _sentence_after(text: str, start: int) -> str:
    """The rest of the sentence from `start` (the clause a causal word introduces)."""
    rest = text[start:]
    end = re.search(r"[.;](?:\s|$)", rest)
    return rest[: end.start()] if end else rest


@register("D1")
def check_design(ctx: Context) -> Iterator[L2Finding]:
    """Causal claims need an ablation; generalization claims need more than one dataset."""
    for c in ctx.art.claims or []:
        statement = c.statement or ""
        exps = testing_experiments(ctx.art, c)
        if not exps:
            continue
        m = CAUSAL.search(statement)
        if m and BY_CONSTRUCTION.search(_sentence_after(statement, m.end())):
            m = None  # "because each module has a constant number of parameters"
        if m and not any(ABLATION.search(experiment_text(e)) for e in exps):
            yield ctx.find(
                "L2-D1-005",
                f"{c.id} makes a causal claim ({m.group(0)!r}) but none of "
                f"{', '.join(e.id for e in exps)} removes or varies the cause (no ablation)",
                entities=[c.id, *(e.id for e in exps)],
                pos=c.pos,
                quote=statement,
            )
        if (m := GENERAL.search(statement)) and len(datasets(exps)) < 2:
            names = ", ".join(sorted(datasets(exps))) or "none named"
            yield ctx.find(
                "L2-D1-006",
                f"{c.id} claims generality ({m.group(0)!r}) but its experiments use one dataset "
                f"or condition ({names})",
                entities=[c.id, *(e.id for e in exps)],
                pos=c.pos,
                quote=statement,
            )
