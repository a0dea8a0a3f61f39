"""The ways papers state settings, as patterns, and the words that tell a setting from a
result, a hardware description or a piece of math."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.compiler.settings.glossary import SYMBOL
from arakit.compiler.settings.names import CONCEPTS, words
from arakit.compiler.settings.numbers import CONSTANT, NUMBER, WORDS

# units a value may carry; symbolic ones may touch the next word (`3 Ωand` in PDF text)
_ALPHA_UNITS = (
    r"[kMGTmµμnpf]?(?:Hz|s|F|H|V|A|W|m|g)|rad(?:/s)?|deg|dB|N(?:/m/s)?|kg|m/s2?|"
    r"min|minutes?|hours?|hr|days?|seconds?|sec|GB|MB|TB|kB|ppm|dex|(?<=\s)K|meters?|metres?|degrees?"
)
# a degree sign as PDFs print it: `°`, LaTeX's `^\circ` (`◦`, `∘`) or the ordinal `º`
DEGREE = r"[°◦∘º]"
# a unit divided by others, each with its power printed flat: `kg/m3`, `A/m`, `W/m2`
_PER_UNIT = rf"(?:/(?:{_ALPHA_UNITS})(?:[23](?!\d|\.\d))?)"
UNIT = (
    rf"(?:%|{DEGREE}|[kMµμ]?Ω|(?:{_ALPHA_UNITS})(?:/m/s|{_PER_UNIT}+|[−-]1(?![\d.])|[23](?!\d|\.\d))?"
    r"(?![a-zA-Z]))"
)
VALUE = rf"(?P<value>{NUMBER})(?:\s?(?P<unit>{UNIT}))?"
# units that follow a named value (`age = 250 Myrs`, `D = 269 pc`) but that, after a bare
# phrase, mostly print a measured age, distance or brightness: read in assignments only
NAMED_UNIT = rf"(?:{UNIT}|(?:m?mags?|[kMG]?yrs?|[kM]?pc)(?![a-zA-Z]))"
# the value ends here: not an expression (`= 1 − P`), an index list (`= 0, . . .`) or a label
END = (
    r"(?![⁰¹²³⁴⁵⁶⁷⁸⁹⁻]|(?<=\d)[A-Za-zα-ωΑ-Ω][∗*′]?\w*\s*[+−*/]|[\w.]\d|\s*[+*/×^\[]|\s*\((?![^()]{0,40}\b(?:has|have|had|is|are|was|were|see|for|which|where|as|when|with|e\.g|i\.e)\b|[a-z]{3,}\)|[a-z]{2,}(?:\s+[a-z]{2,}){1,6}\))|\s*[-−]\s*[\w(]|\s*,\s*(?:\.\s?\.|…)|\s*\.\s?\.\s?\.|\d"
    r"|\s+[^\s,;.]*[−+=^_∑∫]|\s+\d+[\[(]|[^.;]{0,24}(?:\.\s\.\s\.|…|\.\.\.))"
)

ASSIGN_RE = re.compile(
    # not a term of an expression: `∂L/∂β = 0`, `∫ pλ(z)dz = 1` (a derivative, an integrand)
    # a symbol with its index in brackets names one entry: `β(1) = 10⁻⁴`, `β(T) = 0.02`
    rf"(?<![\w=<>≤≥√∑∏·×*^/∂∇)])(?P<name>{SYMBOL}(?:\((?:\d{{1,3}}|[A-Z])\))?)\s*(?:=|≡|:=)\s*"
    rf"(?:[^\s=,;]{{1,12}}\s*=\s*)?(?P<value>{CONSTANT}|{NUMBER})"
    # a value may cite where it comes from: `r⊙ = 8.122 kpc (Gravity Collaboration 2018)`
    rf"(?:\s?(?P<unit>{NAMED_UNIT}))?(?P<cite>\s*\([A-Z][^()]{{0,40}}\b(?:1[89]|20)\d\d[a-z]?\))?{END}"
)
# a keyword argument quoted in prose: `negative sampling (negative=5)`, `window=10`
KWARG_RE = re.compile(
    rf"(?<![\w.=<>/])(?P<name>[A-Za-z][A-Za-z0-9_]{{2,30}})=(?P<value>{NUMBER})(?![\w=]|[.,]\d)"
)


def keyword_arguments(sentence: str) -> list[re.Match[str]]:
    """The keyword arguments a sentence quotes (`negative sampling (negative=5)`); none
    from a figure's legend run into the text (`mixture=1.0 mixture=0.4`: one name with
    several values, next to hardly any words)."""
    found = list(KWARG_RE.finditer(sentence))
    names = [m.group("name") for m in found]
    rest = KWARG_RE.sub(" ", sentence)
    if len(set(names)) < len(names) or len(re.findall(r"[A-Za-z]{3,}", rest)) < 4:
        return []
    return found


SET_TO_RE = re.compile(
    rf"(?P<name>[^\W\d][\w\-.]*(?:\s+[^\W\d][\w\-.]*){{0,3}})(?:\s+(?:in|of)\s+\([^()]{{1,8}}\))?"
    rf"\s+(?:is|was|are|were)\s+"
    rf"(?:always\s+|then\s+|also\s+|here\s+)?(?:set|fixed|chosen|kept)\s+(?:to|at|as|equal\s+to)\s+"
    # a count may be spelled: `the number of clusters was set to three`
    rf"(?:{VALUE}{END}|(?P<spelled>(?i:{'|'.join(sorted(WORDS, key=len, reverse=True))}))(?![\w-])(?!\s+(?:of|or)\b))"
)
_PHRASE_FILLER = (
    r"(?:,?\s+(?:of|to|=|:|is|was|were|are|be|been|set|at|equal|fixed|value|we|use|used|using|"
    r"a|an|the|with|by|norm|chosen|initial|constant|always|adam|adamw|sgd|optimizer|over|for|"
    r"default|which))*"
)
# phrases that only count things are read value first (`40000 iterations`), not here
_COUNT_PHRASES = set(
    words(
        """
runs batch depth heads seeds steps width layers points tokens trials repeats samples
updates examples restarts iterations replicates replications vocabulary repetitions environments
"""
    )
) | {"data points"}
_PHRASES = sorted(
    (p for c in CONCEPTS for p in c.phrases if p not in _COUNT_PHRASES), key=len, reverse=True
)
PHRASE_VALUE_RE = re.compile(
    r"(?<![\w-])(?P<name>"
    + "|".join(re.escape(p) for p in _PHRASES)
    + r")(?![\w-])"
    + _PHRASE_FILLER
    + rf"\s*[=:]?\s*{VALUE}{END}",
    re.IGNORECASE,
)
COUNT_NOUNS = tuple(
    words(
        """
iterations iteration steps epochs epoch examples example samples points units nodes neurons
heads head layers layer repetitions trials runs seeds environments tokens token subsequences
rollouts generations completions restarts replicates replications repeats prompts walkers chains particles
realizations realisations draws folds trees neighbors neighbours workers processes
"""
    )
)
NOUN_RE = "|".join(sorted(COUNT_NOUNS, key=len, reverse=True))
_WORDNUM = "|".join(WORDS)
WORD_NOUNS = set(
    words(
        """
trials runs seeds repetitions repeats replicates replications restarts layers heads epochs environments
units nodes neurons samples rollouts generations completions iterations steps workers processes
"""
    )
)
# any other plural noun (`4 server processes`, `512 effective trajectories`, `50 clonal
# offspring`): read only where the clause tells what was done (prose.py)
PLURAL_RE = r"[a-z][a-z\-]{2,}s(?<!ss)(?<!us)(?<!is)|offspring|people|children|data"
VALUE_FIRST_RE = re.compile(
    rf"(?<![\w.,\-=/])(?P<value>{NUMBER}|(?i:{_WORDNUM}))(?P<hyphen>-|\s+)"
    rf"(?P<adj>(?:[a-zA-Z][\w\-]*\s+){{0,2}}?)(?P<noun>{NOUN_RE}|{PLURAL_RE})\b"
    r"(?P<tail>\s+per\s+\w+)?"
    r"(?P<next>\s+[a-z]+)?"
)
SHARE_RE = re.compile(
    rf"(?P<value>{NUMBER})\s?%\s+(?P<noun>portion|fraction|split|share|subset|part)\s+of\s+"
    r"(?:the\s+)?(?P<what>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})",
    re.IGNORECASE,
)
LIST_BEFORE_RE = re.compile(rf"(?<![\w\-])(?P<values>(?:{NUMBER}\s*,\s*)*{NUMBER}\s*,?\s*and\s*)$")
RANGE_RE = re.compile(
    rf"(?:range|interval|between|within|∈|uniform(?:ly)?\s+(?:in|on|from|over))\s*(?:of\s*)?(?P<open>[\[(])\s*(?P<a>{NUMBER})\s*[,;]?\s*"
    rf"(?P<b>{NUMBER})\s*(?P<close>[\])])(?:\s?(?P<unit>{UNIT}))?"
    # `[1, 20] ∪ {−1}`: values allowed besides the range
    rf"(?:\s*∪\s*\{{\s*(?P<also>{NUMBER}(?:\s*,\s*{NUMBER})*)\s*\}})?"
)
# a range written as an inequality in brackets after what it bounds: `for the redshift range
# of interest (0.4 < z < 1.4)`
BETWEEN_RE = re.compile(
    rf"\(\s*(?P<a>{NUMBER})\s*(?:<|≤|<=)\s*(?P<sym>{SYMBOL})\s*(?:<|≤|<=)\s*(?P<b>{NUMBER})\s*\)"
)
RESPECTIVELY_RE = re.compile(
    rf"(?P<names>[^.;:]{{3,120}}?)\s+(?:are|were|is|was)\s+(?:set\s+to|fixed\s+to|chosen\s+as|equal\s+to|)\s*"
    rf"(?P<values>(?:{NUMBER}(?:\s?{UNIT})?\s*,\s*)*{NUMBER}(?:\s?{UNIT})?\s*,?\s+and\s+{NUMBER}(?:\s?{UNIT})?)"
    r"\s*,?\s*respectively"
)
QUANTITY_RE = re.compile(
    rf"(?P<phrase>(?:[a-zA-Z][\w\-]*\s+){{0,2}}[a-zA-Z][\w\-]*)\s+(?:of\s+|equal\s+to\s+|is\s+|=\s*|\(\s*)?"
    rf"(?P<value>{NUMBER})\s?(?P<unit>{UNIT}){END}"
    rf"(?P<more>(?:\s*,\s*{NUMBER}\s?{UNIT})*\s*,?\s+and\s+{NUMBER}\s?{UNIT}\s*,?\s*respectively)?"
)
# unitless quantities named by their head noun: `standard deviation 10−4`, `a factor 5`
UNITLESS_RE = re.compile(
    r"(?P<phrase>(?:[a-zA-Z][\w\-]*\s+){0,2}(?<![\w-])(?:standard\s+deviation|std|variance|probability|"
    r"ratio|factor|coefficient|threshold|tolerance|penalty|margin|scale|decay|order|degree|"
    r"fraction|weight|budget|horizon|capacity|patience|(?:kernel|window|filter|patch|context|beam)\s+size))"
    rf"\s+(?:of\s+|equal\s+to\s+|is\s+|=\s*|set\s+to\s+)?(?P<value>{NUMBER}){END}(?!\s?{UNIT})"
)
# `Random single-step pairs (60%)`, `15% negate programs`, `15% probability of halt`
PAREN_PERCENT_RE = re.compile(
    rf"(?P<phrase>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){{0,3}})\s*\(\s*(?P<value>{NUMBER})\s?%\s*\)"
)
PERCENT_FIRST_RE = re.compile(
    rf"(?<![\w.,])(?P<value>{NUMBER})\s?%\s+(?P<phrase>(?:probability|chance)\s+of\s+\w+(?:\s+\w+)?|"
    r"(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)"
)
SETTING_PERCENT_NOUNS = re.compile(
    r"\b(?:portion|fraction|split|share|subset|probability|chance|dropout|ratio|rate|mask\w*|"
    r"sparsity|programs?|pairs?|traces?|examples?|samples?|tokens?|masking|noise|warm-?up|"
    r"of\s+the\s+(?:training|data|dataset|steps|budget))\b",
    re.IGNORECASE,
)
# `regenerated every 2,000 steps`, `evaluated every 500 iterations`
EVERY_RE = re.compile(
    rf"(?P<verb>[a-z][\w\-]*)\s+every\s+(?P<value>{NUMBER})\s+(?P<noun>steps|iterations|epochs|updates|batches|episodes)\b"
)
# `the learning rate follows a linear warmup over 1,000 steps to 3×10−4`
LR_TO_RE = re.compile(
    rf"(?P<name>learning rate|lr)\b[^.;]{{0,80}}?warm-?up[^.;]{{0,60}}?\bto\s+{VALUE}{END}",
    re.IGNORECASE,
)
# `initialized from N(0, 0.02)`: the standard deviation of a normal initialisation
# (`N(0, 0.02²)`: the variance written as the square of the standard deviation)
NORMAL_INIT_RE = re.compile(rf"N\s?\(\s?0\s?,\s?(?P<value>{NUMBER})²?\s?\)")
# what draws values from a distribution (`initialised from N(0, 1)`, `z ∼ N(0, 1)`)
DRAWN_RE = re.compile(r"initiali[sz]|\binit\b|drawn|sampled|sampling|prior|∼\s?N", re.IGNORECASE)
# an operator applied to what follows: `∂ ln Z = …`, `log p = …`
OPERATOR_BEFORE_RE = re.compile(r"(?:[∂∇∑∏∫][·⋅×]?|(?<![\w-])(?:ln|log|exp|d))\s*$")
# an event inside a probability: `P(o = 1 | s, d)`: the bar conditions it on what follows
EVENT_BEFORE_RE = re.compile(r"\w\(\s*$")
EVENT_AFTER_RE = re.compile(r"[^()|]{0,30}\|")
# a reason given after a statement (`let hdf(0) = 0 since dfC(0) = 0`): what follows
# `since` is a known fact, not a choice (a sentence that opens with `Since` may set one)
REASON_BEFORE_RE = re.compile(r"\S\s+(?:since|because)\s+(?:\S+\s+){0,1}$")
# assignments already read in the same run of labels or conditions (`vz = 0 and `, `s = 1
# for young and `), between the word that opens the run and the symbol at hand
_EARLIER = r"(?:[^\s=]{1,12}\s*=\s*[^\s,;]{1,12}(?:\s+for\s+\w+)?\s*(?:,|and|or)\s+)*"
# a value that labels or indexes (`the event designated E = 0`, `age is indexed by s = 1 for
# young and s = 2 for old`): a name the paper gives, not a setting
LABEL_BEFORE_RE = re.compile(
    rf"\b(?:designated|labell?ed|numbered|indexed\s+by|denoted\s+by)\s+{_EARLIER}$",
    re.IGNORECASE,
)
_LABELLED_VALUE_RE = re.compile(LABEL_BEFORE_RE.pattern[:-1] + r"[^\s=]{1,12}\s*=\s*$", re.I)


def labels_value(before: str) -> bool:
    """True when the value right after `before` is a label or an index the paper gives
    (`indexed by s = ` before it: `indexed by s = 1 for young`)."""
    return bool(_LABELLED_VALUE_RE.search(before))


# the points or times a condition picks out (`some points in the orbit where vz = 0 and
# z = 0`, `the moments when T = 0`): where something holds, not what was set
LOCUS_BEFORE_RE = re.compile(
    r"\b(?:points?|times?|moments?|instants?|places?|locations?|epochs?)\b[^.;=]{0,30}?"
    rf"\b(?:where|when|at\s+which)\s+{_EARLIER}$",
    re.IGNORECASE,
)
# where an analysis puts an extremum: `uniquely maximized at p = 0.5`, `the signal-optimal
# p=0.5`: a property the paper derives, not a value it sets
EXTREMUM_BEFORE_RE = re.compile(
    r"(?:\b(?:maximi[sz]ed|minimi[sz]ed|maximal|minimal|peaks?|peaked)\s+(?:\w+\s+){0,2}?"
    r"(?:at|near|around)\s+(?:the\s+)?(?:[\w-]+\s+)?|\w-optimal\s+)$",
    re.IGNORECASE,
)
# a statement of where one model reduces to another: `a special case of pλ where β = 0`
IDENTITY_RE = re.compile(
    r"\bspecial case\b|\breduces? to\b|\bdegenerates?\b|\bequivalent to\b|\brecovers?\b",
    re.IGNORECASE,
)
# a sentence about what training found, not what it was given: `The correct solution is
# w1 = 1 and w2 = 0`, `they adjust as needed, in this case to g1 = 1`, `the correct gates
# at the end of training`, `close to the true values γ = 0.5`
OUTCOME_RE = re.compile(
    r"\b(?:(?:correct|true|optimal|exact|learned|learnt|final)\s+(?:solution|gates?|weights?|"
    r"values?|parameters?)|solution\s+(?:is|was)|at\s+the\s+end\s+of\s+(?:\w+\s+){0,2}training)\b",
    re.IGNORECASE,
)
ADJUSTED_TO_RE = re.compile(r"\badjust(?:s|ed)?\b[^.;]{0,40}\bto\b[^.;]{0,30}$", re.IGNORECASE)
# what a value is said to be after it: the ideal a measure is compared with
OPTIMUM_RE = re.compile(
    r"[^.;]{0,60}?\b(?:is|are)\s+(?:considered\s+|deemed\s+)?(?:optimal|ideal|perfect)\b"
)
# a shape written after a set as its power: `{0, …, 255}3×H×W`, `[0, 255] H 2 × W 2`
TENSOR_SHAPE_RE = re.compile(r"\s?(?:(?:[A-Z0-9][\w/]{0,5}|[a-z]{1,2})\s?){1,3}×")
MORE_RE = re.compile(rf"({NUMBER})\s?({UNIT})")

# a value that opens a range (`between 40° and 100°`, `0.5 to 10 mm`): one end is no setting
RANGE_END_AFTER_RE = re.compile(rf"\s*(?:and|to|–|-)\s*[−-]?{NUMBER}\s?{UNIT}")
# a number that labels a part of the paper: `shown in Figure 3A`, `Table 2`, `Eq. (4)`
REFERENCE_BEFORE_RE = re.compile(
    # (not `section`: `WSJ section 22 for validation` names a part of a data set)
    r"\b(?:Fig(?:ure)?s?|Tables?|Eqs?|Equations?|Algorithms?|Appendix|Theorems?|Lemmas?|"
    r"Propositions?|Definitions?)\.?\s*\(?\s*$",
    re.IGNORECASE,
)

# a part of the paper or its supplement named by its number: `see SI 8.2`, `Table SI 8.4`,
# `Supplementary Note 3`, `Appendix 2`, `Chapter 4` (the number labels the part)
PART_NAME_RE = re.compile(
    r"(?:SI|ESM|Supp(?:lement(?:ary)?)?\.?(?:\s+(?:Information|Materials?|Notes?|Sections?|"
    r"Tables?|Figures?|Text))?|Appendix|Chapter|Ch\.|Sec\.|Sect\.)",
    re.IGNORECASE,
)

# nouns that name a measured outcome, never a setting
RESULT_NOUNS = set(
    words(
        """
r2 r² fit rmse mse mae nrmse accuracy acc error errors loss score index auc f1 precision
recall perplexity bleu rouge reward return logit improvement speedup gain performance
runtime run-time throughput latency cost reduction snr correlation
empirical mean median average ari nmi ami auroc auprc psnr ssim fid wer cer ece mape smape
ndcg mrr
"""
    )
)
RESULT_PHRASES = re.compile(
    r"\b(?:run[- ]?time|time required|wall[- ]clock time|total time|requires?|"
    # what a run took in time (`takes about 2 hours`), not what a model takes in (`takes
    # BERT embeddings as input`)
    r"(?:takes?|took)(?=\s*(?:about|approximately|around|roughly|only|just|nearly|almost|over|"
    r"under)?\s*$|(?:[^.;]|\.\d){0,40}\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|ms|sec|"
    r"min|hrs?|h)\b)|"
    r"required|achiev\w*|reach\w*|obtain\w*|yield\w*|drops?|improv\w*|outperform\w*|"
    r"scor\w*|totall?ing|in total|converg\w*|observed|theoretical|result(?:s|ed|ing)?\s+in|"
    r"plateau(?!-based)\w*)\b",
    re.IGNORECASE,
)
HARDWARE_UNITS = {"GHz", "MHz", "GB", "MB", "TB", "kB"}
# memory a program is told to use: `a cache-size of 26GB`, `a buffer of 2 GB`
SOFTWARE_MEMORY = re.compile(r"\b(?:cache|buffer|heap|pool)(?:[\s-]size)?\b", re.IGNORECASE)
HARDWARE = re.compile(
    r"\b(?:GPUs?|CPUs?|TPUs?|RAM|processors?|cores?|threads?|Intel|AMD|NVIDIA|Nvidia|"
    r"EPYC|Xeon|GHz|GB|TB|MB|laptops?|workstations?|servers?)\b"
)
VALUE_FIRST_BAD_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:after|within|at|by|until|than|up\s+to|every|from|to|only|first|last|final|remaining|"
    r"about|approximately|around|nearly|almost|roughly|least|most|over\s+the|x|step|"
    r"the|these|those|all|of\s+the|both|sections?|tables?|figures?|fig\.|eqs?\.|equations?|"
    r"algorithms?|appendix|chapter|phase|stage|case|line|lines|pages?|ref\.|tier|round|step)|×)\s*$",
    re.IGNORECASE,
)
VALUE_FIRST_GOOD_BEFORE = re.compile(
    r"(?:(?<![\w.])(?:for|over|with|on|of|contain|contains|containing|consists\s+of|using|use|uses|used|"
    r"train|trained|training|run|runs|ran|generate|generates|generated|sample|sampled|draw|"
    r"drew|take|took|k\s*=|a|an|and|is|are|was|were|has|have|had|into|across|in|"
    r"set\s+to|repeat|repeated|average|averaged|employ|employs|employing|initiali[sz]e[sd]?|"
    r"simulate[sd]?|launch(?:es|ed)?|start(?:s|ed)?|evolve[sd]?)|[,(:;])\s*$",
    re.IGNORECASE,
)
LEAD_STOP = set(
    words(
        """
approximately about around roughly nearly almost under ~ ≈
a an as at be by in is it of on to we and are for has its one our set the use was also
e.g. each have i.e. over that then thus were when with these using where which while
having finally whereas contains containing respectively both all only
"""
    )
)
INDEX_NAMES = set(words("i j k t h s l n"))
# a Greek letter and its flattened power right before a subscript set apart: `σ2 γ` (σ²_γ)
SPLIT_POWER_RE = re.compile(r"(?:(?<!\S)|(?<=\())([α-ωΑ-Ω])([23])\s+$")
# two cases set side by side: `A (σ² = 0) versus M (σ² = 1/3)`
VERSUS_RE = re.compile(r"\b(?:versus|vs\.?)\s", re.IGNORECASE)
LABELLED_RE = re.compile(r"\b[A-Z]\w{0,3}\s*\([^()]{0,12}$")
# a sentence that states a baseline's, an ablation's or a degenerate case's value
VARIANT = re.compile(
    r"\b(?:ablation|ablated|degenerate case|baseline|variant of|special case|reduces to|instead of)\b",
    re.IGNORECASE,
)
# a condition on a quantity: "when n is moderately small (n = 10)", "if d = 1 the bound"
CASE_CLAUSE = re.compile(
    r"\b(?:when|whenever|if)\s+(?:[^\s=,]{1,12}\s*=|[^\s,]{1,12}\s+(?:is|are|was|were)\b)",
    re.IGNORECASE,
)
# words that make the value just after them a bound or a comparison
COMPARISON = re.compile(
    r"\b(?:close to|up to|at least|at most|more than|less than|fewer than|greater than|"
    r"smaller than|larger than|higher than|lower than|[a-z]+er than|below|above|exceeds?|exceeding|under|over|"
    r"compared (?:to|with)|versus|vs\.?)\s*$",
    re.IGNORECASE,
)
# a value the sentence compares (`STOI … are 3.58 and 0.155 higher`, `the loss is 10%
# lower`): a difference between runs, a result
COMPARED_AFTER_RE = re.compile(
    rf"(?:\s*(?:,|and|,\s*and)\s*{NUMBER})*\s*%?\s*(?:times\s+)?"
    r"(?:higher|lower|smaller|larger|better|worse|faster|slower|greater)\b",
    re.IGNORECASE,
)
# `on the order of 3 × 10⁻¹¹`: a magnitude estimated, not a value chosen (`matrices of
# order 2048` is a size)
ORDER_OF_RE = re.compile(r"\b(?:on|of)\s+the\s+order\s+of\s*[~∼]?\s*$")
# a stopping rule: `until 100 independent samples were obtained` states a setting
# a stopping rule stated by its length: `the pretraining was stopped after 30 epochs`
STOPPED_AFTER_RE = re.compile(
    r"\b(?:stopped|terminated|halted|ended|finished)\s+after\s*$", re.IGNORECASE
)
FIRST_RE = re.compile(r"\bfirst\s*$", re.IGNORECASE)
WARMUP_RE = re.compile(r"\bwarm(?:s|ed|ing)?[\s-]?ups?\b", re.IGNORECASE)
LENGTH_NOUNS = set(words("steps step epochs epoch iterations iteration updates"))
# what a count of training units measures: `a patience of 5 epochs`, `an interval of 500 steps`
MEASURED_IN_RE = re.compile(
    r"\b(?P<what>patience|interval|window|horizon|budget|delay|period|cooldown)\s+of\s*$",
    re.IGNORECASE,
)
STOP_RULE_RE = re.compile(r"\b(?:until|till)\s*$", re.IGNORECASE)
REACHED_RE = re.compile(
    r"\s+(?:were|was|are|is|have\s+been|had\s+been|has\s+been)\s+"
    r"(?:obtained|reached|collected|drawn|generated|accepted|completed|accumulated|taken)\b"
)
# `the maximum of 500,000 samples`, `a maximum of 10 iterations`: a cap is a setting
MAXIMUM_OF_RE = re.compile(r"\b(?:maximum|max\.?|limit)\s+(?:number\s+)?of\s*$", re.IGNORECASE)
# `a V = 10.6 star`: an assignment between an article and a noun describes a thing
ATTRIBUTIVE_RE = re.compile(r"(?:^|\s)(?:a|an)\s*$", re.IGNORECASE)
NOUN_AFTER_RE = re.compile(
    rf"\s*(?:{UNIT}\s+)?(?:[A-Z][\w/]*\s+)?(?!and\b|or\b|for\b|to\b|in\b|of\b|with\b)[a-z]{{3,}}\b"
)


def describes_a_thing(after: str) -> bool:
    """True when the words after `a X = v` name the thing it describes (`star`, `mag G0
    dwarf`), not what is counted (`a K = 4 layer network`, `a d = 64 dimensional space`)."""
    m = NOUN_AFTER_RE.match(after)
    if not m:
        return False
    noun = m.group().split()[-1].lower()
    return (
        noun.rstrip("s") not in COUNT_NOUNS
        and noun not in COUNT_NOUNS
        and not noun.endswith(("dimensional", "layer", "step", "fold", "way"))
    )


# `TIC 460205581 (T = 9.9)`, `Star A (∆T = 4.7, …)`: inside brackets after a catalogued
# object's name (capitals and a number, or `Star A`), a value is a measured property of it
_NAMED_OBJECT = r"(?:\b[A-Z]{2,}[\s-]?\d+[A-Za-z]?|\b[A-Z][a-z]+\s[A-Z]\b)"
NAMED_OBJECT_RE = re.compile(rf"{_NAMED_OBJECT}\s*\(\s*$")
# `Star A has G = 15.1, and Bp = 14.9`: what a catalogued object has is measured
OBJECT_HAS_RE = re.compile(rf"{_NAMED_OBJECT}\s+(?:has|had|shows|showed)\s(?:[^.;:]|\.\d)*$")
# a value followed by these is a bound: `0.5 dex or more`
OR_MORE = re.compile(r"\s*,?\s*or\s+(?:more|less|greater|higher|larger|above|below|fewer)\b")
# inequalities or if-then reasoning: a sentence of a derivation
MATH_CONDITION = re.compile(
    r"\bif\b[^.]*\bthen\b|\bsi\b[^.]*\bentonces\b|\bsuch that\b|\bsubject to\b",
    re.IGNORECASE,
)
# an inequality beside an assignment (`if |ri| < ϵ, αi = 0`), but not one in another case
# of a list of labelled cases (`RLVE-90 (acc ≥ 0.9), Signal-RLVE (λ=0)`)
INEQUALITY = re.compile(r"[≥≤≠<>]|̸=")


def near_inequality(sentence: str, start: int, end: int) -> bool:
    """True when an inequality bears on the assignment at `start:end`: one in its own
    parenthesised group when the assignment stands in brackets (a list of labelled cases,
    `RLVE-90 (acc ≥ 0.9), Signal-RLVE (λ=0)`), anywhere in the sentence otherwise."""
    left = sentence[:start]
    if left.rfind("(") > left.rfind(")"):
        a = left.rfind("(")
        close = sentence.find(")", end)
        return bool(INEQUALITY.search(sentence[a : close if close >= 0 else len(sentence)]))
    return bool(INEQUALITY.search(sentence))


# a subscript's second index right after the value, with no space (`cs=1,t`, `ks=2,t+1`):
# the text layer flattened c_{s=1,t}; a list of settings goes on with a name and its `=`
SUBSCRIPT_AFTER_RE = re.compile(r",[A-Za-z](?:[+−-]\d)?(?![\w′']|\s*=)")
# a value that labels a case rather than sets something: `the n = 8 case`
CASE_WORDS = set(
    words(
        "case cases example examples instance instances regime setting variant row rows column"
        " condition"
    )
)
PREPOSITIONS = set(words("for with of over at on in to by from under as"))


def is_plain_word(token: str) -> bool:
    """`rate`, `ядра`, `taux`: a lower-case word of three letters or more in any script
    but Greek (whose letters papers use as symbols: `λmin`, `σγ`)."""
    t = token.strip()
    return (
        len(t) > 2
        and t.isalpha()
        and t.islower()
        and not any("\u0370" <= ch <= "\u03ff" or ch in "µ" for ch in t)
    )


def looks_like_symbol(token: str) -> bool:
    """`R`, `Ts`, `λ`, `L0`, `qy11`: one short token that is not a plain lower-case word."""
    if " " in token.strip():
        return False
    t = token.strip()
    return len(t) <= 2 or not is_plain_word(t)


def lead(before: str, n: int = 5) -> str:
    """The descriptive words just before a name, within its clause: `learning rate` in
    `with learning rate λ = 10−4`."""
    clause = re.split(r"[;:()\[\]•▪◦·]|,\s|\.\s", before)[-1]  # a bullet starts an item
    toks = clause.split()[-n:]
    while toks and toks[0].lower() in LEAD_STOP:
        toks = toks[1:]
    while toks and toks[-1].lower() in LEAD_STOP:
        toks = toks[:-1]
    return " ".join(toks)


# `the number of a priori specified clusters for the cPCA and scPCA methods`: the count is
# of the clusters; what follows `for` says which runs it applies to
_COUNTED_SUBJECT = re.compile(
    r"\b(?P<name>number\s+of\s+[^\W\d][\w\-]*(?:\s+[^\W\d][\w\-]*){0,4}?)"
    r"\s+(?:for|in|of)\s+(?:the\s+)?[^,;:()]{1,60}$",
    re.IGNORECASE,
)


def counted_subject(before: str) -> str:
    """The head of a `was set to` subject that a `for` phrase qualifies: `number of clusters`
    in `The number of clusters for both methods`, `learning rate` in `the learning rate for
    the encoder`; "" when there is none."""
    clause = re.split(r"[;:]|,\s|\.\s", before)[-1]
    m = _COUNTED_SUBJECT.search(clause)
    if m:
        return m.group("name")
    # `the learning rate for the encoder`: the head before `for`, not the words after it
    head = re.match(r"(?P<head>.*?\S)\s+for\s+(?:the|each|all|both|every)\s+\S", clause)
    return lead(head.group("head") + " ", 4) if head else ""


def lead_after_preposition(before: str, n: int = 5) -> str:
    """Like `lead`, but only the words after the last preposition: `learning rate` in
    `over n = 40000 iterations with learning rate λ`, nothing in `… iterations with λ`."""
    toks = re.split(r"[;:()\[\]]|,\s|\.\s", before)[-1].split()
    cut = max((i for i, t in enumerate(toks) if t.lower() in PREPOSITIONS), default=-1)
    return lead(" ".join(toks[cut + 1 :]) + " ", n)


def word_lead(lead_words: str) -> str:
    """The trailing plain words of a lead, stopping at math (`T−twarm where` gives nothing)."""
    out: list[str] = []
    for w in reversed(lead_words.split()):
        if not re.fullmatch(r"[A-Za-z][A-Za-z\-.]*", w):
            break
        out.append(w)
    return " ".join(reversed(out))


def clause_before(sentence: str, pos: int) -> str:
    """The clause that ends at `pos` (from the last `;`, `:`, sentence break, or comma
    followed by a conjunction that opens a new clause: `..., or the maximum of ...`)."""
    return re.split(r"[;:]|\.\s|,\s+(?:or|but|while|whereas)\s", sentence[:pos])[-1]


def unit_noun(after: str) -> str:
    """A counting noun right after a value, with its `per …` tail: `iterations` in
    `n = 40000 iterations`, `samples per prompt` in `K = 4 samples per prompt`."""
    m = re.match(
        rf"\s+(?:(?:training|gradient|descent|linear|hidden|random|fresh|total)\s+)*"
        rf"((?:{NOUN_RE})\b(?:\s+per\s+[a-z]+)?)",
        after,
    )
    return m.group(1) if m else ""


def counts_something_else(name: str, after: str) -> bool:
    """True when a counting name (`walkers`) is followed by a value that counts another
    noun (`walkers for 1500 steps`)."""
    noun = unit_noun(after)
    head = name.lower().split()[-1] if name.split() else ""
    return bool(noun) and head in COUNT_NOUNS and noun.split()[0] != head


def names_a_result(name: str) -> bool:
    """True when a name (with the words just before it) names a measured outcome."""
    low = re.sub(r"[δ∆Δ](?=\w)", "", name.lower())  # ΔARI: a difference of an outcome
    toks = {w.strip(".,()") for w in low.split()} | set(
        re.findall(r"(?<![\w-])[a-z0-9²]+(?![\w-])", low)
    )
    return bool(toks & RESULT_NOUNS) or bool(re.search(r"\brun\s*-?\s*time\b", low))


def reports_a_result(clause: str) -> bool:
    """True when a clause reports an outcome (`the time required ... is 114 seconds`)."""
    return bool(RESULT_PHRASES.search(clause))


def configured(pattern: re.Pattern[str], sentence: str) -> Iterator[re.Match[str]]:
    """The matches of `pattern` in `sentence` outside clauses that report an outcome (a
    value a sentence reports is a result, never a setting)."""
    for m in pattern.finditer(sentence):
        if not reports_a_result(clause_before(sentence, m.start())):
            yield m


def about_hardware(clause: str) -> bool:
    """True when a clause describes the machine the work ran on."""
    return bool(HARDWARE.search(clause))


# an uncertainty right after a value ("5899 ± 55 K", "35+11−5 Myr", "0.77 +0.09/−0.07"):
# the paper reports a measurement there, never a setting it chose
MEASURED_RE = re.compile(
    r"\s*(?:[A-Za-zµ°◦∘º⊙]{1,4}\s*)?(?:±|\+/?[−-]|\(\s*±|\+\s?\d[\d.]*\s*/?\s*[−-]\s?\d"
    r"|\s?\(\s*\d+\s?%\s*(?:CI|confidence|credible))"
)

# words that cannot end the name of a quantity printed right before its value: an article
# or a preposition there means the value qualifies what follows it ("in the 0.36 m
# images") or an interval ("roughly every 8 days"), and nothing names it
NOT_A_NAME_END = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "at",
        "on",
        "by",
        "from",
        "for",
        "per",
        "over",
        "within",
        "after",
        "before",
        "than",
        "into",
        "onto",
        "every",
        "each",
        "around",
        "roughly",
        "about",
        "approximately",
        "nearly",
        "almost",
        "some",
    ]
)
# a value that goes on as a formula ("BIC = −2 L∗ + K log N", "P = 2 π/ω1"): an equation,
# not a setting
FORMULA_RE = re.compile(
    r"\s*(?:[α-ωΑ-Ω]\w{0,2}\s*[+−×/·*]|[A-Za-z][∗*′]?\s+[+−×·*]\s)\s*[\w(α-ωΑ-Ω√]"
)
