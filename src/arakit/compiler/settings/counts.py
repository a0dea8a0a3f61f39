"""Counts a paper states without `=`: a number (in digits or in words) before the noun
it counts, where the noun is a part of a model, an item of a data set or a unit of
training:

- parts of a model: `six residual blocks`, `256 hidden units across 5 layers`, `50 feature
  maps`, `a decoder of two blocks`, `two inputs and four outputs`;
- items of a data set: `3,141 Tai-chi videos`, `6300 utterances recorded by 630 speakers`,
  `63 unique labels`, `1683 movies`;
- units of training: `for 20 000 steps`, `for maximum 1000 steps`, `the best of 20 models`;
- the size of one thing: `a 6-dimensional vector`, `masks are of size 160 × 240`, `a
  resolution of 256²`.

A count is read only in a clause that reports no outcome (`achieves`, `reached`) and is
not a figure reference, a bound (`more than 3 layers`) or a comparison; a count in words
only outside the introduction, related work and conclusion, where `two new units`
describes other work or the paper's plan."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake, words
from arakit.compiler.settings.numbers import MANTISSA, WORDS, parse_number
from arakit.compiler.settings.patterns import (
    configured,
    VALUE_FIRST_BAD_BEFORE,
    VALUE_FIRST_GOOD_BEFORE,
    clause_before,
    names_a_result,
    reports_a_result,
)

# the head nouns of what a method sets up, by what they count
_MODEL = """
blocks layers units neurons nodes filters channels maps kernels heads experts stages
convolutions inputs outputs modules components clusters estimators trees models networks
embeddings
"""
_DATA = """
images videos frames clips utterances speakers sentences documents tokens samples
examples instances pairs recordings sequences subjects patients participants users items
movies genes classes labels categories languages texts prompts questions problems articles
reviews graphs molecules scenes trajectories episodes points records files dialogues
conversations queries passages tweets posts entries paragraphs stimuli
"""
_TRAINING = """
steps epochs iterations runs seeds trials folds restarts updates batches rounds repetitions
replications generations attempts chains walkers draws conditions sessions
"""
NOUNS = frozenset(words(_MODEL + _DATA + _TRAINING))
_MODEL_NOUNS = frozenset(words(_MODEL))
# counted in words only where they are parts of a model or units of training (`six residual
# blocks`, `run five times`), not items of data (`two examples`, `three categories`)
_SPELLED_NOUNS = frozenset(words(_MODEL + _TRAINING)) - {
    "components",
    "models",
    "networks",
    "stages",
    "steps",  # `consists of three steps`: how a method is laid out
}
_SINGULAR = {n[:-1] for n in NOUNS} | {"class"}
# words as numbers: `one` is left out (`one of the`, `one model`: rarely a count set up)
_WORDNUM = "|".join(sorted((w for w in WORDS if w != "one"), key=len, reverse=True))
# digits with their thousands grouped by a comma, a dot or a thin space (`20 000`)
_DIGITS = rf"(?:\d{{1,3}}(?:\s\d{{3}})+(?![\d.,])|{MANTISSA}[kKM]?)"
_COUNT_RE = re.compile(
    rf"(?<![\w.,\-=/×(])(?P<value>{_DIGITS}|(?i:{_WORDNUM}))\s+"
    r"(?P<adj>(?:(?:[A-Za-z][\w\-]*|\([a-z]+\)|\d+(?:-by-|\s?[×x]\s?)\d+)\s+){0,3}?)"
    rf"(?P<noun>{'|'.join(sorted(NOUNS, key=len, reverse=True))})\b"
)
# what makes a number before a noun a reference, a bound, an outcome or a rank (besides
# the words that do so for every count read value first: `after`, `within`, `the`, `all`)
_NOT_BEFORE = re.compile(
    r"(?:=|(?<![\w.])(?:than|beyond|past|up\s+to|at\s+least|at\s+most|under|top|each|per|out\s+of|"
    r"between|or|(?:one|each|any|all|both|either|none|some|most|many|rest|remainder|part|"
    r"half|majority|\d+)\s+of)|\d+\s+of\s+(?:its|their|our|these|those)|[×x*/+−-])\s*$",
    re.IGNORECASE,
)
APPROX_BEFORE = re.compile(
    r"\s*(?:(?:about|approximately|around|roughly|nearly|almost|some)\s+|[∼~≈]\s?)$",
    re.IGNORECASE,
)
# what holds an approximate count: `contains approximately 170,000 dialogues`, `has over
# 2.6M tokens for training, and around 330k tokens for validation`
_HOLDS = re.compile(
    r"\b(?:contains?|containing|includes?|including|holds?|has|have|of|with|totals?)"
    r"(?:\s|(?:[^.;]|\.(?=\d))*\band\s)\s*$",
    re.IGNORECASE,
)
_CHOSEN_OF = re.compile(r"\b(?:best|maximum)\s+of\s*$")
# what a run did right or wrong: `correctly executes 182 instances never seen in training`
_OUTCOME = re.compile(
    r"%|\b(?:correctly|successfully|fail(?:s|ed)?|never\s+seen|percentage\s+points?)\b",
    re.IGNORECASE,
)
# a number after a capitalised label names an item, it counts nothing: `Group 1 samples`
_LABEL_BEFORE = re.compile(
    r"\b(?:Group|Task|Phase|Stage|Experiment|Setting|Case|Condition|Round|Fold|Level|Class|"
    r"Type|Version|Part|Scenario|Subject|Session|Cohort|Split|Set|"
    # in lower case only the nouns that are no verbs (`we set 5 seeds`, `split 80 samples`)
    r"group|task|phase|stage|experiment|condition|scenario|session|cohort)\s*$"
)
# words of a results sentence that a method sentence uses too: `63 labels in total`,
# `until convergence (or for maximum 1000 steps)`
_NEUTRAL = re.compile(r"\b(?:in\s+total|totall?ing|until\s+(?:\w+\s+)?converg\w*)\b", re.IGNORECASE)
# `followed by six residual blocks`, `recorded by 630 speakers`: `by` after a participle
_BY_AGENT = re.compile(r"\b[a-z]+ed\s+by\s*$")
_NOT_AFTER = re.compile(r"\s*(?:more|less|fewer|larger|smaller|times|%|than|or\s+more)\b")
# adjectives that turn a count into a comparison or an outcome
_NOT_ADJ = frozenset(
    words(
        """
more less fewer other additional extra of the and or with in on for to by at as across from
into over per between among through than via within after before during under
"""
    )
)
_QUIET_ROLES = ("introduction", "related", "conclusion", "limitations", "abstract")


def counts(sentence: str, role: str = "") -> list[tuple[Found, float]]:
    """Every count of a model part, a data item or a training unit in one sentence, with
    the count as a number (`20 000` is 20000)."""
    out: list[tuple[Found, float]] = []
    for m in _COUNT_RE.finditer(sentence):
        noun, value = m.group("noun"), m.group("value")
        adj = m.group("adj").split()
        if noun not in NOUNS:
            continue
        spelled = value.lower() in WORDS
        if spelled and (role in _QUIET_ROLES or noun not in _SPELLED_NOUNS):
            continue  # `three main categories`, `two examples`: discourse, not a count set
        if spelled and not (
            VALUE_FIRST_GOOD_BEFORE.search(sentence[: m.start()])
            or _BY_AGENT.search(sentence[: m.start()])
        ):
            continue  # `LU1 spans three blocks`: an example described, not a model built
        if any(a.lower().strip("()") in _NOT_ADJ for a in adj):
            continue
        before = sentence[: m.start()]
        if APPROX_BEFORE.search(before):
            before = APPROX_BEFORE.sub(" ", before)
            if not _HOLDS.search(before):
                continue  # `the bump seen around 200 epochs`: an approximate count observed
        chosen = _CHOSEN_OF.search(before)
        bad = VALUE_FIRST_BAD_BEFORE.search(before) and not _BY_AGENT.search(before)
        if bad and noun in _MODEL_NOUNS and re.search(r"\ball\s*$", before, re.IGNORECASE):
            bad = None  # `the mean map of all 12 attention heads`: every part the model has
        if not chosen and (_NOT_BEFORE.search(before) or bad):
            continue
        if _LABEL_BEFORE.search(before):
            continue
        if re.search(r"(?:\b(?:a|an)|\bcompared?)\s*$", before, re.IGNORECASE):
            continue  # `a 100k items data set` names the set; `we compare 3 runs`: outcomes
        if _NOT_AFTER.match(sentence, m.end()):
            continue
        clause = clause_before(sentence, m.start()).rsplit("(", 1)[-1]  # `(or for max. 9 steps)`
        name = " ".join([*adj, noun])
        if reports_a_result(clause) or names_a_result(name) or _describes_others(before):
            continue
        if reports_a_result(_NEUTRAL.sub(" ", sentence)) or _OUTCOME.search(sentence):
            continue  # `executes SUBLEQ on 416 cells, achieving 100%`: what a run achieved
        number = _number(value)
        thousands = re.fullmatch(r"\d{1,3}\.\d{3}", value)  # `18.279 genes` (prose.py decides)
        if number is None or (not spelled and not number.is_integer() and not thousands):
            continue
        best = re.search(r"\b(?P<w>best|maximum)\s+of\s*$", before) or re.search(
            r"\b(?P<w>maximum)\s+$", before
        )
        if best:
            name = f"{best.group('w')} {name}"
        out.append((Found(m.span("value"), name, value, "", snake(name)), number))
    return out


def _number(value: str) -> float | None:
    """`20 000` is 20000; `3,141` is 3141; `six` is 6."""
    if re.fullmatch(r"\d{1,3}(?:\s\d{3})+", value):
        return float(value.replace(" ", ""))
    return parse_number(value)


# `Madsen and Johansen [2020] solve (+, ×) with two new units`, `NMU and NAU are two
# units`: what other work built, or what a thing is, not a count the paper sets up
_OTHERS_RE = re.compile(
    r"(?:\[\d{4}\]|\[\d{1,3}(?:\s?[,–-]\s?\d{1,3})*\]|\(\d{4}\)|\bet\s+al\.?)\s+(?!(?:includes?|contains?|consists?|has|have|"
    r"comprises?|provides?|for|in|on|with|to|and|or|as|at|by|from|which|that|where|of)\b)"
    r"[a-z]+\b[^.;:]*$"
    r"|^\s*[A-Z][\w-]*(?:\s+(?:and|or)\s+[A-Z][\w-]*)+\s+(?:are|were)\s+$"
)


def _describes_others(before: str) -> bool:
    return bool(_OTHERS_RE.search(before))


def quiet_count(before: str, role: str) -> bool:
    """True when a count in words there describes other work or the paper's plan (in the
    introduction, related work or conclusion, or after a citation's subject)."""
    return role in _QUIET_ROLES or _describes_others(before)


_DIMENSIONAL_RE = re.compile(
    r"(?<![\w.\-])(?P<value>\d+)[-\s]dimensional\s+"
    r"(?P<noun>(?:[a-z][\w\-]*\s+){0,1}?[a-z][\w\-]*)"
)
# the shapes of mathematics, not of anything a model holds
_MATH_NOUNS = frozenset(
    words(
        """
space spaces plane planes manifold manifolds subspace subspaces simplex sphere ball torus
cube hypercube lattice tensor tensors array arrays matrix matrices case cases problem problems setting example examples function
functions integral integrals gaussian distribution surface
"""
    )
)


def dimensions(sentence: str, role: str = "") -> list[Found]:
    """`a 6-dimensional vector`, `to obtain 2-dimensional embeddings`: the size of a vector
    a model reads or writes (not `the 42-dimensional predictions` already named, nor a
    `3-dimensional space`)."""
    out: list[Found] = []
    if role in _QUIET_ROLES:
        return out
    for m in _DIMENSIONAL_RE.finditer(sentence):
        head = m.group("noun").split()[-1]
        if head in _MATH_NOUNS or m.group("noun").split()[0] in _MATH_NOUNS:
            continue
        before = sentence[: m.start()].split()
        if before and before[-1].lower() in ("the", "this", "that", "these", "its", "their"):
            continue
        if reports_a_result(clause_before(sentence, m.start())):
            continue
        name = f"{head} dimension"
        out.append(Found(m.span("value"), name, m.group("value"), "", snake(name)))
    return out


_SIZE_OF_RE = re.compile(
    r"(?:\bof|\bwith|\bat)\s+(?:a\s+)?(?P<what>size|resolution|shape)\s+(?:of\s+)?"
    r"(?P<value>\d+\s?[×x]\s?\d+(?:\s?[×x]\s?\d+)?|\d+²)(?!\w|\.\d|\s?[×x]\s?\d)"
)
_SUBJECT_RE = re.compile(
    r"(?P<subject>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,5})\s+(?:are|is|were|was|"
    r"(?:were|was|are|is)\s+(?:resized|scaled|cropped|rescaled|downsampled))\s+(?:to\s+)?$"
)


def sizes_of(sentence: str) -> list[Found]:
    """`All the frames and the masks are of size 160 × 240`, `resized to a resolution of
    256²`: the shape of the items a study uses, every number of it (`256²` is 256 × 256,
    one number)."""
    out = []
    for m in configured(_SIZE_OF_RE, sentence):
        before = sentence[: m.start()]
        subject = _SUBJECT_RE.search(before)
        words_ = subject.group("subject").split() if subject else []
        while words_ and words_[0].lower() in ("all", "the", "a", "an", "and", "each"):
            words_ = words_[1:]
        what = m.group("what")
        name = f"{' '.join(words_[-3:])} {what}".strip()
        numbers = tuple(dict.fromkeys(float(d) for d in re.findall(r"\d+", m.group("value"))))
        if m.group("value").endswith("²"):
            numbers = (float(m.group("value")[:-1]),)
        out.append(Found(m.span("value"), name, m.group("value"), "", snake(name), numbers))
    return out


# `on the same regularly spaced grid of 50 × 50 points`, `a grid of 1000 × 500`: the shape
# of the grid a simulation or an interpolation computes on
_GRID_RE = re.compile(
    r"\b(?P<what>grid|mesh)\s+(?:of\s+)?(?P<value>\d+\s?[×x]\s?\d+(?:\s?[×x]\s?\d+)?)"
    r"(?!\w|\.\d|\s?[×x]\s?\d)"
)


def grids(sentence: str) -> list[Found]:
    """The shape of a computational grid, every number of it (`50 × 50` keeps both)."""
    out = []
    for m in configured(_GRID_RE, sentence):
        numbers = tuple(float(d) for d in re.findall(r"\d+", m.group("value")))
        name = f"{m.group('what')} shape"
        out.append(Found(m.span("value"), name, m.group("value"), "", snake(name), numbers))
    return out


_CHANGE_VERB = re.compile(
    r"\b(?:reduc|increas|decreas|chang|downsiz|diminish|lower|rais|shrink|enlarg|expand|"
    r"modif|adjust|doubl|halv|upscal|downscal|downsampl|upsampl)\w*",
    re.IGNORECASE,
)
_FROM_TO = re.compile(
    rf"\bfrom\s+(?P<a>{MANTISSA})\s+to\s+(?P<b>{MANTISSA})(?![\w.]\d|\s?%|\s*[×x])"
    r"(?:\s+(?:as\s+to|for|in|of)\s+(?:the\s+)?(?P<after>[A-Za-z][\w\-]*(?:\s+(?!and\b|from\b)"
    r"[A-Za-z][\w\-]*){0,5}))?"
)


# a change the authors made: `we downsize`, `was reduced`
_MADE_BY_US = re.compile(
    r"(?:\bwe(?:\s+(?:also|then|further|additionally|first|finally))?|\b(?:was|were|is|are|been))\s+"
    r"(?:reduc|increas|decreas|chang|downsiz|diminish|lower|rais|shrink|enlarg|expand|modif|"
    r"adjust|doubl|halv|upscal|downscal|downsampl|upsampl)\w*",
    re.IGNORECASE,
)
# a change measured in an outcome's unit
_NOT_CHANGED = re.compile(
    r"\s*(?:points?|pp|%|percent|dB|[kKM]\b|in\s+(?:\S+\s+)?(?:increments|steps)\b)",
    re.IGNORECASE,
)


def changes(sentence: str) -> list[tuple[Found, str]]:
    """`We downsize the number of ResNetEncoder layers from 5 to 3`, `from 170 to 128 as to
    hidden dimension of RNN layer`: a setting given as a change of a reference model; the
    setting is the new value (with the reference model's old value beside it)."""
    out = []
    for m in _FROM_TO.finditer(sentence):
        before = sentence[: m.start()]
        verbs = list(_CHANGE_VERB.finditer(clause_before(sentence, m.start())))
        if not verbs and not (m.group("after") and _CHANGE_VERB.search(before)):
            continue  # `ranging from 10 to 90`: a range, not a change
        if reports_a_result(clause_before(sentence, m.start())):
            continue
        name = m.group("after") or ""
        if not name and verbs:
            clause = clause_before(sentence, m.start())
            name = clause[verbs[-1].end() :].strip()
            name = re.sub(r"^(?:the|a|an|our|its)\s+", "", name, flags=re.IGNORECASE)
        if re.search(r"[()]|\bto\b", name) or _NOT_CHANGED.match(sentence, m.end("b")):
            continue  # `reduced the model to a third (from 1.55 to 0.8 M.)`: what it came to
        if not _MADE_BY_US.search(before):
            continue  # `moving it deeper increases forgetting from 1.85 to 3.14`: an outcome
        name = " ".join(name.split()[:6])
        if not name or names_a_result(name):
            continue
        found = Found(m.span("b"), name, m.group("b"), "", snake(name))
        out.append((found, m.group("a")))
    return out
