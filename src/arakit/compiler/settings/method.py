"""What tells a method's clause (what was set up, run, simulated, sampled or kept) from
one that reports an outcome."""

from __future__ import annotations

import re

from arakit.compiler.settings.patterns import clause_before, reports_a_result

# the verbs and nouns of a method: what was set up, run, simulated, sampled or kept
SETUP_RE = re.compile(
    r"\b(?:use[sd]?|using|employ\w*|perform\w*|simulat\w*|run|runs|ran|repeat\w*|train\w*|"
    r"test(?:s|ed)?|partition\w*|split|divided|sampl\w*|(?:sub|re|down|up|over)sampl(?:ed|ing)|draw[sn]?|drew|generat\w*|choose|chose|"
    r"chosen|select\w*|pick\w*|set|fixed|consist\w*|contain\w*|compris\w*|collect\w*|"
    r"record\w*|measur\w*|evaluat\w*|averag\w*|initiali[sz]\w*|launch\w*|execut\w*|conduct\w*|"
    r"appl(?:y|ied)|retain\w*|discard\w*|kept|keep|accumulat\w*|experiments?|simulations?|"
    r"configur\w*|consider\w*|defin(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)


def setup_clause(sentence: str, pos: int) -> bool:
    """True when the clause before `pos` tells what was done and reports no outcome."""
    clause = clause_before(sentence, pos)
    head = sentence[:pos]
    return bool(SETUP_RE.search(head)) and not reports_a_result(clause)
