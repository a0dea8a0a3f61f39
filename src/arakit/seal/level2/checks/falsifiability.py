"""D2: falsification criteria that are empty, tautological, unmeasurable or off-scope."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import claim_text, is_none
from arakit.seal.level2.quotes import numbers
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import content_words, has_quantity, overlap

NEGATION = re.compile(
    r"\b(?:not|no|false|fails?|untrue|wrong|refuted|disproved?|does ?n[o']t|isn't|doesn't)\b",
    re.IGNORECASE,
)
FRAME = re.compile(
    r"\b(?:claim|statement|hypothesis|true|false|hold|holds|shown|show|found|observed|evidence|"
    r"would|be|refuted|disproved|falsified|if|otherwise)\b",
    re.IGNORECASE,
)
OFF_SCOPE = 0.15


@register("D2")
def check_criteria(ctx: Context) -> Iterator[L2Finding]:
    """Criteria exist, say more than 'not the statement', carry a threshold, share its scope."""
    good = 0
    for c in ctx.art.claims or []:
        crit = c.falsification_criteria
        if is_none(crit):
            yield ctx.find(
                "L2-D2-001",
                f"{c.id} has no falsification criteria: nothing says what would disprove it",
                entities=[c.id],
                pos=c.pos,
                quote=c.statement or c.title,
                needle="**Falsification",
            )
            continue
        crit = crit or ""
        statement = claim_text(c)
        s_words, c_words = content_words(statement), content_words(FRAME.sub(" ", crit))
        new_numbers = {n.value for n in numbers(crit)} - {n.value for n in numbers(statement)}
        if (
            NEGATION.search(crit)
            and c_words
            and overlap(c_words, s_words) >= 0.8
            and not new_numbers
        ):
            yield ctx.find(
                "L2-D2-002",
                f"{c.id}'s falsification criteria restate the negation of its statement and add "
                "no measurement, threshold or condition",
                entities=[c.id],
                pos=c.pos,
                quote=crit,
            )
        elif not has_quantity(crit):
            yield ctx.find(
                "L2-D2-003",
                f"{c.id}'s falsification criteria name no measurable quantity or threshold",
                entities=[c.id],
                pos=c.pos,
                quote=crit,
            )
        elif len(c_words) >= 3 and overlap(c_words, s_words) < OFF_SCOPE:
            yield ctx.find(
                "L2-D2-004",
                f"{c.id}'s falsification criteria share almost no terms with its statement: "
                "they test a different scope",
                entities=[c.id],
                pos=c.pos,
                quote=crit,
            )
        else:
            good += 1
    if good:
        ctx.strength("D2", f"{good} claims have measurable falsification criteria in scope")
