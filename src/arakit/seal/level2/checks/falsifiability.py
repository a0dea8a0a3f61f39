"""D2: falsification criteria that are empty, tautological, unmeasurable or off-scope."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.model import Claim
from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import claim_text, is_none
from arakit.seal.level2.quotes import numbers
from arakit.seal.level2.report import L2Finding
from arakit.seal.level2.text import content_words, has_quantity, overlap, topic_words

NEGATION = re.compile(
    r"\b(?:not|no|false|fails?|untrue|wrong|refuted|disproved?|does ?n[o']t|isn't|doesn't)\b",
    re.IGNORECASE,
)
FRAME = re.compile(
    r"\b(?:claim|statement|hypothesis|true|false|hold|holds|shown|show|found|observed|evidence|"
    r"would|be|refuted|disproved|falsified|if|otherwise)\b",
    re.IGNORECASE,
)
# An observation that can be checked: a comparison, a direction, a test outcome, a bound.
OBSERVABLE = re.compile(
    r"[<>≤≥=]|\b(?:beat\w*|outperform\w*|exceed\w*|surpass\w*|higher|lower|greater|smaller|"
    r"larger|more|fewer|less|worse|better|improv\w*|reduc\w*|increas\w*|decreas\w*|drop\w*|"
    r"ris(?:e|es|ing)|fall\w*|fails?|failed|passe?s?|mismatch\w*|diverg\w*|"
    r"match\w*|reproduc\w*|revers\w*|breaks?|crash\w*|non-?finite|non-?deterministic|"
    r"inconsisten\w*|identical|violat\w*|regress\w*|monotonic\w*|"
    r"correlat\w*|significan\w*|below|above|within|at least|at most|zero|none|revis\w*|"
    r"misses|miss|lacks?|loses?|losing|gains?|dominat\w*|omits?|bypass\w*|mutates?|"
    r"reintroduc\w*|falls? back|crash\w*|equivalen\w*|uniform\w*|dominant|"
    # timing comparisons, state changes and events a person or a script can observe
    r"faster|slower|sooner|earlier|shorter|longer|cheaper|costlier|"
    r"chang\w*|unchanged|mov(?:e|es|ed|ing)|enter\w*|complet\w*|reach\w*|"
    r"becom\w* available|(?:uni|bi|multi)modal|(?:has|have|had) no|"
    # a count written as a word ("all five dimensions")
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twice|half|dozens?)\b"
    # a named check whose outcome decides: a proof, a counterexample, an audit, a rerun...
    r"|\b(?:proof|counter-?example|audit|re-?runs?|replication|reproduction|re-?calculation|"
    r"re-?computation|re-?analysis|analysis|demonstration)\b"
    # what a program does can be read in its code
    r"|\b(?:code|implementation|service|pipeline|module|function|script|api|endpoint|"
    r"measured|measurement)\b|`[^`]+`",
    re.IGNORECASE,
)
# A criterion that appeals to truth itself ("the claim is false if it is not true that ...").
TRUTH_FRAME = re.compile(
    r"\b(?:claim|statement|hypothesis|true|false|not the case|holds?|incorrect|wrong)\b",
    re.IGNORECASE,
)


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
            # the exact negation of a precise statement is a precise falsifier; only a
            # negation that appeals to truth, or of a statement with nothing to observe, is empty
            and (TRUTH_FRAME.search(crit) or not _observable(statement))
        ):
            yield ctx.find(
                "L2-D2-002",
                f"{c.id}'s falsification criteria restate the negation of its statement and add "
                "no measurement, threshold or condition",
                entities=[c.id],
                pos=c.pos,
                quote=crit,
            )
        elif not _observable(crit):
            yield ctx.find(
                "L2-D2-003",
                f"{c.id}'s falsification criteria name no measurable quantity or threshold",
                entities=[c.id],
                pos=c.pos,
                quote=crit,
            )
        elif len(c_words) >= 3 and not topic_words(crit) & topic_words(_scope_text(c)):
            yield ctx.find(
                "L2-D2-004",
                f"{c.id}'s falsification criteria share no term with its statement: "
                "they test a different scope",
                entities=[c.id],
                pos=c.pos,
                quote=crit,
            )
        else:
            good += 1
    if good:
        ctx.strength("D2", f"{good} claims have measurable falsification criteria in scope")


def _observable(text: str) -> bool:
    """A quantity, a threshold, or something a person or a script can observe or run."""
    return has_quantity(text) or bool(OBSERVABLE.search(text))


def _scope_text(c: Claim) -> str:
    """What a claim is about: title, statement, conditions, evidence basis, tags."""
    conditions = c.field_value("Conditions") or ""
    return " ".join(
        [claim_text(c), str(conditions), c.evidence_basis or "", " ".join(c.tags or [])]
    )
