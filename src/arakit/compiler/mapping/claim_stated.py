"""Findings an abstract or a conclusion states in its own right, without "we show that" and
without the strong cues of a Results section: the result told as what was observed ("No
major differences were observed for ...", "it was found that ..."), or as what an analysis
of the paper showed ("analyses at the sentence level demonstrated suppression of ...",
"This comparative study showed agreement between ...").

Such a sentence is a claim where the paper sums up its findings — the abstract once it has
said what the paper does, the conclusion — unless it is background (others' work, a cited
result), the aim ("To evaluate whether ...") or the method ("EMG was recorded to ...").
"""

from __future__ import annotations

import re

from arakit.compiler.mapping import claim_cues as cue
from arakit.compiler.mapping.claim_results import not_a_finding
from arakit.compiler.mapping.quantities import CITATION

# the result told as what was observed or found, in the passive: "X was only observed
# when ...", "no differences were found", "it was also learnt that ..."
_OBSERVED = re.compile(
    r"\b(?:is|are|was|were|has been|have been)\s+(?:\w+ly\s+|also\s+|not\s+)?"
    r"(?:observed|found|detected|seen|noted|learn[te]d?|concluded)\b(?!\s+(?:in|by)\s+"
    r"(?:previous|prior|earlier|other|recent|many|several)\b)|"
    r"\bit (?:appears|appeared|seems|seemed) that\b",
    re.I,
)
# what an analysis of the paper's showed, the analysis as the subject of a verb of showing:
# "event-related potential analyses ... demonstrated suppression of ...", "This comparative
# study showed agreement between ..."
_ANALYSIS_SHOWED = re.compile(
    r"^(?:[^,;:]{0,60},\s*)?(?:[\w-]+\s+){0,5}(?:analys[ie]s|results?|experiments?|"
    r"simulations?|stud(?:y|ies)|comparisons?|evaluations?|measurements?|tests?|models?)\b"
    r"[^.;:]{0,60}?\b(?:demonstrated|showed|revealed|indicated|confirmed|yielded)\b",
    re.I,
)
# how the work was done or what it set out to do: "To evaluate whether ...", "EMG was
# recorded to control for ..."
_AIM_OR_METHOD = re.compile(
    r"^(?:to|in order to)\s+\w+|\b(?:was|were)\s+(?:\w+ly\s+)?(?:recorded|collected|used|"
    r"applied|performed|conducted|fitted|fit|trained|computed|calculated|measured|"
    r"estimated|simulated|derived|compared|separated|designed|selected|included)\b",
    re.I,
)


# advice, a wish or an obligation: "Care should be taken ...", "My hope is that ..."; or
# what holds as a rule, the field's knowledge: "Grazing transits are often indicative of ..."
_ADVICE = re.compile(
    r"\b(?:should|must|ought|hopes?|hoped|wish|often|usually|typically|generally|commonly|"
    r"traditionally)\b",
    re.I,
)


def stated_after_method(text: str) -> bool:
    """True when an abstract's sentence, read after the abstract has said in the first
    person what the authors did, states a result in its own right with no cue at all:
    "A third of the observed addresses have had their data breached at least once.", "The
    loss curves exhibit unexplainable behavior." The abstract runs from the field and the
    aim through the method to the results; a sentence there that is not the authors' own
    doing (first person: judged by claim_sentences), the aim, the method in the passive,
    background, a cited result, advice or a plan is the results' part."""
    text = cue.ITEM.sub("", text.strip())
    if not_a_finding(text) or cue.NOT_A_CLAIM.search(text) or cue.scope_only(text):
        return False
    if cue.FIRST_PERSON.search(text) or re.search(r"\b(?:we|our|us|I|my)\b", text):
        return False  # the authors' own doing: a claim by claim_sentences' rules, or the method
    if cue.BACKGROUND.match(text) or cue.OTHERS_FOUND.match(text) or cue.FRAMING.match(text):
        return False
    if CITATION.search(text) or cue.others_subject(text):
        return False
    return not (_AIM_OR_METHOD.search(text) or _ADVICE.search(text))


def states_finding(text: str) -> bool:
    """True when the sentence states a finding of the paper's own analysis (see the module
    docstring): observed or shown, and neither background, aim nor method."""
    text = cue.ITEM.sub("", text.strip())
    if not (_OBSERVED.search(text) or _ANALYSIS_SHOWED.search(text)):
        return False
    if not_a_finding(text) or cue.NOT_A_CLAIM.search(text) or text.endswith("?"):
        return False
    if cue.BACKGROUND.match(text) or cue.OTHERS_FOUND.match(text):
        return False
    if CITATION.search(text) and not cue.FIRST_PERSON.search(text):
        return False  # a cited party's result
    return not _AIM_OR_METHOD.search(text)
