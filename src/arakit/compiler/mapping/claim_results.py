"""Findings: sentences that report an outcome of the paper's own work.

A paper states its results where it reports them — the abstract, the Results, Discussion
or Interpretation sections, the conclusion — often without "we show that": "moving the
rank deeper increases forgetting from 1.85 to 3.14", "C=1000 beats the default (0.919 vs
0.903)", "15 of 16 cells decline", "there is no benefit from increasing the data set",
"the best model obtains an F1 score of 0.34". A finding is told apart by what the sentence
does, not by its words about one topic:

- it reports an outcome: a comparison (versus, than, compared to, from X to Y, outperforms),
  a ranking (best, only, N of M), a change (increases, drops, improves) with its size, a
  measured value of a metric (an F1 score of 0.34), a negative result (no benefit, did not
  improve, not correlated, proved inefficient, had to be abandoned), or an inference drawn
  from the results ("This suggests that ...", "it can be seen that ...");
- and it is none of: a plan or a wish (would, should, might, future work, the next
  experiment), an expectation or an assumption (is expected, in theory), a pointer to a
  figure or table that reports nothing ("Table 1 shows the results"), others' work (a
  citation without the first person), a table row or a figure's axis text read as prose.

`finding_score` grades how strongly a sentence reports an outcome (0: not a finding);
`result_findings` picks the strongest of the sections that report results.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from arakit.compiler.mapping import claim_cues as cue
from arakit.compiler.mapping.context import PaperContext, Sentence
from arakit.compiler.mapping.quantities import CITATION
from arakit.compiler.pdf.draft import placeholder

_NUMBER = r"[-+−]?\d[\d.,]*\s*%?"
# a comparison between two outcomes
_COMPARED = re.compile(
    r"(?<![\w-])(?:vs\.?|versus|compared (?:to|with)|relative to|as (?:\w+ )?as|in contrast to|"
    r"for comparison)\W|"
    # a likeness between outcomes: "close to ours", "comparable to the baseline"
    r"\b(?:is|are|was|were|remains?|stays?) (?:\w+ly )?(?:close|similar|comparable|"
    r"equivalent|superior|inferior) to\b|"
    # better at one task, worse on another
    r"\b(?:better|worse) (?:at|on)\b|"
    # a comparative said of one case against the rest: "is lower for the full circuit"
    r"\b(?:is|are|was|were) (?:\w+ly )?(?:lower|higher|better|worse|larger|smaller|faster|"
    r"slower) (?:for|on|in|at|with|under)\b|"
    r"\b(?:more|less|higher|lower|better|worse|faster|slower|larger|smaller|fewer|greater|"
    r"stronger|weaker|bigger)\b[^.;]{0,60}?\bthan\b|"
    r"\bfrom\s+" + _NUMBER + r"[^.;]{0,40}?\bto\s+" + _NUMBER,
    re.I,
)
# a ranking among the outcomes
_RANKED = re.compile(
    r"\b(?:the (?:best|worst|highest|lowest|strongest|weakest|largest|smallest)(?![\w-])|"
    r"best[- ]performing|(?:second|third)[- ]best|the (?:only|sole) \w+|"
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|last) place|"
    # where an outcome is at its maximum: "accuracy peaks at an intermediate cost"
    r"peak(?:s|ed|ing) at|"
    r"maximum \w+ (?:\w+ )?(?:score|accuracy)|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:of|out of) "
    r"(?:the |all )?(?!(?:19|20)\d\d\b)\d+)\b",
    re.I,
)
# two values set side by side: "(0.919 vs. 0.903)", "0.859 versus 0.891"
_SIDE_BY_SIDE = re.compile(r"\d%?\s*(?:vs\.?|versus)\s*[-+−]?\d", re.I)
# a comparison that is an outcome in itself: faster, better, more accurate than
_BETTER = re.compile(
    r"\b(?:faster|slower|better|worse|cheaper|(?:more|less) (?:accurate|efficient|robust|"
    r"stable|reliable))\b[^.;]{0,60}?\bthan\b|"
    # a multiple of another's outcome: "runs roughly twice as fast as the JavaScript version"
    r"\b(?:twice|thrice|half|(?:two|three|four|five|ten|\d+(?:\.\d+)?)\s*(?:times|x|×))\s+"
    r"as\s+(?:\w+\s+)?as\b",
    re.I,
)
# what an outcome is measured in, named without its value
_OUTCOME = re.compile(
    r"\b(?:scores?|accuracy|f1|precision|recall|error|rmse|mae|loss|auc|performance|results?|"
    r"fit|forgetting|retention|utility|speed|runtimes?|times?|efficiency|advantage)\b",
    re.I,
)
_BEATS = re.compile(
    r"\b(?:outperform\w*|underperform\w*|beat(?:s|ing)?|surpass\w*|exceed\w*|dominat\w+|"
    r"(?:perform\w*|works?|worked|does|did|scor\w*) (?:the )?best)\b",
    re.I,
)
# a judgement of a choice: strong with another cue, not alone ("is sufficient for ...")
_JUDGED = re.compile(
    r"\b(?:is|are|was|were) (?:not )?(?:\w+ly )?(?:enough|sufficient|beneficial|preferable|"
    r"superior|inferior|competitive|on par)\b",
    re.I,
)
# a value reached: "obtains an F1 score of 0.34", "returns a score of only 0.873"
_ATTAINED = re.compile(
    r"\b(?:obtain|achiev|reach|return|yield|attain|scor(?!es\b)|record|deliver|give[sn]?\b|"
    r"gave\b|giving\b|bring|brought)\w*\b",
    re.I,
)
# a change with its direction
_CHANGED = re.compile(
    r"\b(?:increas|decreas|reduc|rais|rise|rose|rises|fall|fell|drop|declin|improv|degrad|"
    r"grow|grew|lose|loses|lost|gain|boost|halv|doubl|speed(?:s|ed)? up|slow|collaps|shed)"
    r"\w*\b",
    re.I,
)
# the measure an outcome is stated in, with its value
_METRIC = re.compile(
    r"\b(?:scores?|accuracy|f1(?:[_ -]?(?:score|micro|macro))?|precision|recall|error|rmse|"
    r"mae|mse|loss|auc|bleu|rouge|perplexity|performance|forgetting|transfer|utility|"
    r"results?(?! in\b)|runtime|speed-?up|advantage|improvement|reduction|gain)\b"
    r"[^.;]{0,30}?(?<![\w.])(?:of |at |is |was |by |to )?(?:only |about |almost |nearly )?"
    + _NUMBER
    + r"|"
    + _NUMBER
    + r"\s*(?:percentage points|pp)\b|[-+−]?\d+\.\d+\s*points?\b|"
    + _NUMBER
    # the value before its metric, how it is averaged between: "87.8% macro-averaged F1"
    + r"\+?\s*(?:(?:top-\d|[a-z]+-(?:averaged|weighted)|multi-?class|binary|overall|"
    r"classification|test|validation)\s+)?(?:accuracy|precision|recall|f1|auc)\b|"
    # a metric named by its acronym, with its value: "an mAP of 0.123", "the IoU is 0.545"
    r"(?<![\w-])(?-i:[a-z]{0,3}[A-Z][A-Za-z]*[A-Z][\w@-]*)\s+(?:[\w-]+\s+){0,5}?"
    r"(?:of|is|was|were|to|=|reaches)\s+(?:only |about |almost |nearly )?" + _NUMBER + r"|"
    # a summary statistic of what was measured: "the overall entropy was 3.5 bits"
    r"\b(?:overall|average|mean|median|final|total)\s+(?:[\w-]+\s+){1,2}?"
    r"(?:was|is|were|are|of|reached|=)\s+(?:only |about |almost |nearly )?"
    + _NUMBER
    + r"|"
    + _NUMBER
    + r"\s*(?:[\w-]+\s+){0,2}(?:advantage|improvement|reduction|gain|increase|decrease|"
    r"speed-?up|drop|loss|error)\b",
    re.I,
)
# a result that did not happen
_NEGATIVE = re.compile(
    r"\bno (?:\w+ )?(?:benefit|improvement|gain|advantage|effect|difference|boost)\b|"
    r"\b(?:do|does|did|could)(?: not|n['’]t) (?:\w+ )?(?:exhibit|show|differ|affect|perform|"
    r"improve|help|provide|yield|lead|gain|benefit|outperform|converge|finish|manage|reach|"
    r"extend|transfer|hold|"
    r"support|work|matter|generali[sz]e|scale)\b|"
    r"\b(?:is|are|was|were) not (?:\w+ )?(?:correlated|significant|effective|sufficient|"
    r"better|able)\b|\bno \w+ (?:dominates|wins|helps)\b|"
    r"\bprov(?:ed|es|en) (?:to be )?(?:\w+ )?(?:inefficient|ineffective|insufficient|useless|"
    r"harmful|unstable|impractical)\b|"
    r"\b(?:fail(?:s|ed)?|unable) to\b|\bonly able to\b|"
    r"\b(?:had|has|have) to be abandoned\b|\b(?:was|were) abandoned\b|"
    r"\b(?:was|were|is|are|remained) unaffected\b|\bhad no (?:\w+ )?effect\b",
    re.I,
)
# an inference drawn from what was measured
_INFERRED = re.compile(
    r"^(?:this|these|it|which|that|the results?|our results?)\s+(?:\w+ly\s+)?"
    r"(?:suggests?|shows?|hints?|indicates?|implies|demonstrates?|reveals?|confirms?|"
    r"disproves?|refutes?|contradicts?)\b|"
    r"\b(?:revealed|showed|find|finds|found|observed?|conclude|confirm(?:s|ed)?),? that\b|"
    # what the results are made to say: "These results imply a high likelihood for ...",
    # "Therefore, we can claim that ...", "From this we can infer that ..."
    r"^(?:these|our|the) (?:\w+ )?(?:results?|findings?|data|measurements?|values?)\s+"
    r"(?:\w+ly\s+)?(?:imply|implies|implied)\b|"
    r"\b(?:we|one) (?:can |could |may )?(?:\w+ly )?(?:claim|infer|deduce)\s+that\b|"
    r"^(?:the |our )?(?:tables?|figures?|figs?\.|results?|experiments?|analysis)\s*"
    r"(?:\d+\w?(?:\s*(?:,|and|&)\s*\d+\w?)*\s+)?"
    r"(?:shows?|reveals?|indicates?|demonstrates?|confirms?) that\b|"
    r"\b(?:became|becomes|is|was|it is|it was) (?:\w+ )?(?:obvious|clear|evident|apparent),? "
    r"that\b|"
    r"\bcan be (?:\w+ly )?seen that\b|\b(?:turn(?:s|ed)? out|proved?|proven) to\b|"
    # a result that bears out another: "confirms the endpoints", "reproduces every finding"
    r"(?<!\bto )\bconfirm(?:s|ed)? (?:the|these|this|our|its|their|both)\b|"
    r"\breproduc(?:es|ed) (?:every|all|each|the|both) (?:\w+ ){0,2}?(?:findings?|results?|"
    r"trends?|effects?)\b",
    re.I,
)
# a sentence that sums the results up
_SUMMING = re.compile(
    r"^(?:overall|in summary|to summari[sz]e|in general|in conclusion|in short|thus|hence|"
    r"averaged (?:across|over)|across (?:all|both)|we (?:thus |therefore )?conclude|"
    r"interestingly|surprisingly|notably|importantly)\b",
    re.I,
)
# a wish or a guess: no finding, unless it says what did not work ("would not finish")
_MODAL = re.compile(
    r"\b(?:would|should|might|may|shall|probably|perhaps|possibly|presumably)\b", re.I
)
# what the authors mark as notable
_EMPHASIS = re.compile(
    r"\b(?:surprisingly|interestingly|notably|importantly|remarkably|unexpectedly|"
    r"strikingly|crucially|unfortunately)\b",
    re.I,
)
# what is yet to happen, or a guess
_FUTURE = re.compile(r"\bwill\b|\bit is (?:likely|possible|plausible|conceivable) that\b", re.I)
# plans, expectations, requirements and assumptions report nothing measured
_PLAN = re.compile(
    r"\bit is expected\b|\bwe expect\b|\bexpected to\b|"
    r"\bin theory\b|\bhypothes\w+|\bwe assumed?\b|\bnext (?:\w+ )?(?:step|experiment)\b|"
    r"\bin (?:our )?(?:future|ongoing) work\b|\bwe (?:would )?recommend\b|\brumou?r\b|"
    r"\binteresting to\b|\bfuture\b|"
    r"\bit is (?:crucial|essential|necessary|desirable|vital)\b",
    re.I,
)
# a pointer that says where results are, not what they are
_POINTER = re.compile(
    r"^(?:\(?[a-h]\)\s*)?(?:table|figure|fig\.|panel)s?\s*\d+\w?\s+(?:shows?|showed|presents?|reports?|"
    r"lists?|summari[sz]es|gives?|displays?|contains?|compares?|depicts?|illustrates?|"
    r"visuali[sz]es)\s+(?!that\b)(?:the\s+)?(?:\w+\s+){0,6}?(?:results?|performance|"
    r"accuracy|scores?|comparison|values?|numbers?)\b(?![^.]*\b(?:only|best|worst|higher|lower|"
    r"than)\b)",
    re.I,
)
# what a figure draws, not what it shows to hold: "Fig. 6 shows the error surface of the best
# of 20 models" ("Figure 3 shows that ..." and "... higher than ..." are findings)
_DRAWS = re.compile(
    r"^(?:\(?[a-h]\)\s*)?(?:in\s+)?(?:figures?|figs?\.|panels?)\s*\d+\w?(?:\s*\([a-z]\))?,?\s+"
    r"(?:shows?|showed|presents?|depicts?|illustrates?|visuali[sz]es|plots?|displays?|gives?)\s+"
    r"(?!that\b)(?![^.]*\b(?:than|outperform\w*|underperform\w*|higher|lower|better|worse)\b)|"
    # a legend told as a sentence: "The blue curve with open markers indicates the number of
    # 3-hour samples ...", "The dashed line marks the median"
    r"^(?:the )?(?:[\w-]+ ){0,3}?(?:curves?|lines?|markers?|bars?|dots?|symbols?|contours?|"
    r"shading|shaded (?:area|region)s?)\b(?: [\w-]+){0,4}? (?:indicates?|denotes?|represents?|"
    r"marks?|shows?) the (?:number|fraction|share|value|mean|median|average|distribution|"
    r"location|position|range)\b",
    re.I,
)
# a web address: where something is, never what was found
URL = re.compile(r"https?://|\bwww\.|\bgithub\.\s?com\b", re.I)
# why something was done, not what came of it: "generated in order to compare ...", "we
# decided to try ..."
_PURPOSE = re.compile(
    r"\bin order to\b|\bto (?:see|find out|check|test) (?:which|whether|if|how)\b|"
    r"\b(?:we )?decided (?:to|against)\b|\b(?:aim(?:s|ed)?|focus(?:es|ed)?) (?:at|on|to)\b|"
    r"\binvolves?\b|\bprimary focus\b",
    re.I,
)
# a sentence made mostly of numbers is a table row or axis text
_NUMERIC = re.compile(r"^[-+−]?\(?\d[\d.,]*\)?%?$")
MIN_WORDS = 6
MAX_CHARS = 600  # longer is a paragraph or an equation run together, not one finding


def not_a_finding(text: str) -> bool:
    """The sentence is no whole prose sentence, or a plan, a wish, an expectation, a
    pointer, a purpose, the method or others' work (what finding_score never scores)."""
    return not _shape_ok(text) or _excluded(text)


def _shape_ok(text: str) -> bool:
    """A whole prose sentence: opens with a capital, long enough, ends with a full stop,
    mostly words (not the tail of a sentence broken at a column, not an equation)."""
    tokens = text.split()
    if (
        len(tokens) < MIN_WORDS
        or len(text) > MAX_CHARS
        or not re.search(r"[.)]$", text)
        or not re.match(r"[\"“(]?[A-Z0-9]", text)
    ):
        return False
    numeric = sum(1 for t in tokens if _NUMERIC.match(t.strip(",;:")))
    return numeric <= 0.3 * len(tokens)


# how the method is run, told in the passive or by the authors: "the model with the lowest
# loss is saved", "the top-5 configurations are reported in Table 2", "we've left the default"
_METHOD = re.compile(
    r"\b(?:is|are) (?:then |also |always )?(?:determined|selected|chosen|computed|calculated|"
    r"saved|stored|set|taken|defined|reported|shown|given|listed|plotted|depicted)\b|"
    r"\b(?:is|are|was|were) (?:calculated|computed|measured|evaluated|estimated) "
    r"(?:using|with|by|via|from|as)\b|"
    # how the method decides, told in the present: "Samples with an error above the
    # threshold are classified as faults", "Anomalies are detected when ..."
    r"\b(?:is|are) (?:then )?(?:classified|labell?ed|flagged|marked|treated) as\b|"
    r"\b(?:is|are) (?:then )?(?:detected|declared|triggered) (?:when|if|whenever)\b|"
    r"^(?:[\w-]+(?: [\w-]+){0,3},\s*)?we(?:’ve|'ve| have)? (?:\w+ )?(?:left|set|chose|selected|"
    r"fixed|kept|assumed)\b",
    re.I,
)
# a forward pointer before a finding: "We will notice in the results section that ..."
_FORWARD = re.compile(r"^(?:as )?we will (?:see|notice|observe|show)\b[^.]*?\bthat\s+", re.I)


@lru_cache(maxsize=4096)
def finding_score(text: str) -> int:
    """How strongly the sentence reports an outcome of the paper's own work (0: it does
    not: no outcome, a plan, an expectation, a pointer, others' work, a table row)."""
    text = cue.ITEM.sub("", text.strip())
    rest = _FORWARD.sub("", text)  # the finding after "We will notice in Section 4 that"
    text = rest[:1].upper() + rest[1:] if rest != text else text
    if not _shape_ok(text):
        return 0
    score = _cues(text)
    if not score or _excluded(text):
        return 0
    return score + (1 if _SUMMING.search(text) or _EMPHASIS.search(text) else 0)


# a number that points somewhere ("equation 1", "Table 3", "Section 4.2") measures nothing
_REFERENCE = re.compile(
    r"\b(?P<label>equations?|eqs?\.|sections?|sec\.|tables?|figures?|figs?\.|appendix|algorithms?|"
    r"chapters?|lines?)\s*[(~]?\d+(?:\.\d+)*\w?(?:\s*(?:,|and|&|–|-)\s*\d+(?:\.\d+)*\w?)*\)?",
    re.I,
)


def _cues(text: str) -> int:
    """The weight of the outcome cues the sentence carries (see the module docstring)."""
    text = _REFERENCE.sub(r"\g<label>", text)  # "Table 3 shows that" reads "Table shows that"
    number = re.search(r"\d", text) is not None
    score = 3 if _INFERRED.search(text) else 0
    score += 3 if _NEGATIVE.search(text) else 0
    if _BEATS.search(text) or (_RANKED.search(text) and (number or _OUTCOME.search(text))):
        score += 3  # a ranking of outcomes, not "the largest loop bound"
    score += 2 if _JUDGED.search(text) else 0
    if _COMPARED.search(text):  # with its numbers, or between outcomes
        score += 2 if number or _OUTCOME.search(text) else 1
        score += 1 if _SIDE_BY_SIDE.search(text) else 0
        score += 2 if _BETTER.search(text) else 0
    if number and _METRIC.search(text):  # a measured value; more when said to be reached
        score += 3 if _ATTAINED.search(text) else 2
    if _CHANGED.search(text):  # a change of an outcome, or a change beside another cue
        score += 2 if number or _OUTCOME.search(text) else (1 if score else 0)
    return score


def _excluded(text: str) -> bool:
    """A plan, a wish, an expectation, a pointer, a purpose, the method, others' work."""
    if cue.NOT_A_CLAIM.search(text) or cue.code_like(text) or _PLAN.search(text):
        return True
    if cue.others_subject(text) or cue.FRAMING.match(text):
        return True  # "The authors conclude ...": a cited party's result; "Before X, ..."
    if placeholder(text):  # a template's own text
        return True
    if _MODAL.search(text) and not _NEGATIVE.search(text):
        return True
    if _FUTURE.search(text) and not (_NEGATIVE.search(text) or _INFERRED.search(text)):
        return True  # "Improvement will be measured by ...", not "This suggests X will not"
    if _POINTER.search(text) or _PURPOSE.search(text) or _METHOD.search(text):
        return True
    if _DRAWS.search(text) or URL.search(text):
        return True
    cited = CITATION.search(text)  # about the work it cites, unless cited to agree with it
    if not cited or cue.FIRST_PERSON.search(text):
        return False
    return not _AGREES.search(text[max(0, cited.start() - 60) : cited.start() + 1])


# a finding set beside others' work: "consistent with a recent proof by X et al."
_AGREES = re.compile(
    r"\b(?:consistent with|in (?:line|agreement) with|agree\w* with|as predicted by|"
    r"contrary to|unlike|confirming)\b",
    re.I,
)


# the sections that report results, and how many findings they give a paper: humans list a
# paper's three to five strongest results, not every number of its Results section
_RESULT_ROLES = ("results", "ablation", "limitations", "other")
RESULT_CAP = 6
RESULT_MAX = 10  # a paper with many results sections: one finding each, up to this many
MIN_SCORE = 3  # one weak cue (a change verb, a bare comparison) is no finding on its own


def result_findings(ctx: PaperContext) -> list[Sentence]:
    """The findings of the sections that report results, strongest first: the strongest of
    each section before the second of any (a reader wants the paper's distinct findings,
    and each results section reports its own experiment), ties in the paper's order.
    Sentences under a future-work heading are plans, never findings; a method section's
    sentence counts when it reports what was found ("we find ...", "(Table 2)"). A finding
    continued by a short sentence about it ("It ranged from 0.18 to 1.11") keeps it."""
    said = ctx.sentences(*_RESULT_ROLES, "method")
    scored: list[tuple[int, int, Sentence]] = []
    for k, s in enumerate(said):
        if re.match(r"^\W*future\b", s.heading, re.I) or cue.BACKGROUND.match(s.text):
            continue
        if cue.OTHERS_SECTION.match(s.heading):
            continue  # "State of the Art": the results it reports are the cited papers'
        before = said[k - 1] if k else None
        same_paragraph = before is not None and (before.heading, before.paragraph) == (
            s.heading,
            s.paragraph,
        )
        if cue.others_subject(s.text, before.text if before and same_paragraph else ""):
            continue  # "They conclude that ..." after a sentence citing them
        if s.where.role == "method" and not _REPORTED.search(s.text):
            continue
        if finding_score(s.text) >= MIN_SCORE:
            s = _continued(s, said[k + 1] if k + 1 < len(said) else None)
            scored.append((finding_score(s.text), k, s))
    rank: dict[str, int] = {}
    order: list[tuple[int, int, int, Sentence]] = []
    for score, k, s in sorted(scored, key=lambda t: (-t[0], t[1])):
        place = f"{s.where.section}|{s.heading}"
        order.append((rank.get(place, 0), -score, k, s))
        rank[place] = rank.get(place, 0) + 1
    return [s for *_, s in sorted(order, key=lambda t: t[:3])]


def result_cap(findings: list[Sentence]) -> int:
    """How many findings of the results sections the claims list: RESULT_CAP, or one per
    section that reports one when there are more such sections (at most RESULT_MAX)."""
    places = {f"{s.where.section}|{s.heading}" for s in findings}
    return min(RESULT_MAX, max(RESULT_CAP, len(places)))


# a method section's sentence that reports what came out: a results table or figure cited,
# or the authors' finding verb
_REPORTED = re.compile(
    r"\((?:see )?(?:tables?|figs?\.|figures?)\s*\d|\bwe (?:\w+ )?(?:find|found|observed?)\b|"
    # a value reached on the data held out: "the model achieves 87.8% F1 on the test set"
    r"\b(?:achiev|obtain|reach|attain|scor)\w*\b[^.;]*\bon the (?:held-out |hold-out |unseen )?"
    r"(?:test|validation|dev|evaluation) (?:set|split|data)\b",
    re.I,
)
# a short sentence that goes on about the finding before it: "It ranged from 0.18 to 1.11."
_GOES_ON = re.compile(r"^(?:It|They)\s+(?:\w+ly\s+)?[a-z]+(?:ed|s)?\b[^.]*\d")
CONTINUATION_CHARS = 120


def _continued(s: Sentence, after: Sentence | None) -> Sentence:
    """The finding with the short sentence of the same paragraph that goes on about it."""
    if (
        after is None
        or after.paragraph != s.paragraph
        or after.heading != s.heading
        or len(after.text) > CONTINUATION_CHARS
        or not _GOES_ON.match(after.text.strip())
        or finding_score(after.text) >= MIN_SCORE
    ):
        return s
    text = f"{s.text.strip()} {after.text.strip()}"
    return replace(s, text=text, where=replace(s.where, sentence=text))


# a number precise enough to name one result: a decimal or a percentage, not a count
_SPECIFIC = re.compile(r"\d*\.\d+%?|\d+(?:\.\d+)?%")
RESTATED = 0.4  # share of the smaller word set two findings with the same number hold


def restates(a: str, b: str, key_a: set[str], key_b: set[str]) -> bool:
    """True when two findings report the same specific number with much the same words:
    the Results paragraph and its summary ("we obtained 0.5074, the best result" and
    "Overall, the best performance ... with an F1 score of 0.5074")."""
    shared = set(_SPECIFIC.findall(a)) & set(_SPECIFIC.findall(b))
    small = min(len(key_a), len(key_b))
    return bool(shared) and small > 0 and len(key_a & key_b) >= RESTATED * small


def plan(text: str) -> bool:
    """True when the sentence states a plan, a wish or an expectation and no finding."""
    return bool(
        _PLAN.search(text)
        or cue.NOT_A_CLAIM.search(text)
        or (_MODAL.search(text) and not _NEGATIVE.search(text))
    )
