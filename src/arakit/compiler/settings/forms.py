"""Settings stated in plain forms that need no vocabulary:

- values and what they are used as: `we used only 2, 3, and 5 as quantization levels`,
  `we use 0.5 as the threshold`;
- a range written as an inequality in brackets after what it bounds: `for the redshift
  range of interest (0.4 < z < 1.4)`;
- a noun phrase and its value after `of`: `a kernel size of 21`, `a threshold of 20%`."""

from __future__ import annotations

import re

from arakit.compiler.settings import patterns as P
from arakit.compiler.settings.glossary import SYMBOL
from arakit.compiler.settings.items import Found
from arakit.compiler.settings.numbers import NUMBER, WORDS, parse_number

_LIST = rf"{NUMBER}(?:\s*,\s*{NUMBER})*(?:\s*,?\s*(?:and|or)\s+{NUMBER})?"
_USED_AS = re.compile(
    r"\b(?:use[sd]?|using|cho(?:se|sen|ose)|select(?:ed|s)?|t(?:ake|ook|aken)|set)\s+"
    rf"(?:only\s+|exactly\s+)?(?P<values>{_LIST})"
    r"\s+as\s+(?:the\s+|our\s+|its\s+|their\s+)?(?P<name>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})"
)
_BETWEEN = re.compile(
    rf"\(\s*(?P<a>{NUMBER})\s*(?:<|≤|<=)\s*(?P<sym>{SYMBOL})\s*(?:<|≤|<=)\s*(?P<b>{NUMBER})\s*\)"
)


def used_as(sentence: str) -> list[Found]:
    """`we used only 2, 3, and 5 as quantization levels`: the values and the noun phrase
    after `as` (up to its first preposition), one setting with every value."""
    out = []
    for m in _USED_AS.finditer(sentence):
        words = []
        for w in m.group("name").split():
            if w.lower() in P.LEAD_STOP or w.lower() in P.PREPOSITIONS:
                break
            words.append(w)
        name = " ".join(words)
        printed = re.findall(NUMBER, m.group("values"))
        numbers = tuple(n for v in printed if (n := parse_number(v)) is not None)
        clause = P.clause_before(sentence, m.start())
        if not name or P.names_a_result(name) or P.reports_a_result(clause):
            continue
        if len(numbers) != len(printed):
            continue
        listed = numbers if len(numbers) > 1 else ()
        out.append(Found(m.span("values"), name, m.group("values"), "", "", listed))
    return out


def between(sentence: str) -> list[Found]:
    """`the redshift range of interest (0.4 < z < 1.4)`: a range named by the words before
    the bracket (a plain word must end them: a bound inside a derivation has none)."""
    out = []
    for m in _BETWEEN.finditer(sentence):
        before = sentence[: m.start()].split()
        if not before or not P.is_plain_word(before[-1]) or before[-1].lower() in P.LEAD_STOP:
            continue  # `convex on (0 < x < 1)`: a bound in an argument, not a named range
        clause = re.split(r"\b(?:is|are|was|were|be|holds?)\b", sentence[: m.start()])[-1]
        subject = P.lead(clause, 5)
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not subject or not P.is_plain_word(subject.split()[-1]) or a is None or b is None:
            continue
        if a >= b or P.names_a_result(subject) or P.reports_a_result(subject):
            continue
        text = sentence[m.start() + 1 : m.end() - 1].strip()
        out.append(Found(m.span(), f"{subject} ({m.group('sym')})", text, "", "", (a, b)))
    return out


# `a kernel size of 21`, `a resolution of 512 × 512 pixels`, `a threshold of 20%`: a noun
# phrase after an article, `of`, and its value; a range (`a factor of 0.2 to 1`) keeps both
_NAMED_OF = re.compile(
    r"(?<![\w-])(?:a|an|the)\s+(?P<name>(?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*)\s+of\s+"
    rf"(?P<value>{NUMBER}(?:\s?×\s?{NUMBER})?|\(\s?{NUMBER}\s?,\s?{NUMBER}\s?\))"
    rf"(?:\s?(?P<unit>%|pixels|bits|{P.UNIT}))?"
    rf"(?:\s+to\s+(?P<upper>{NUMBER})(?:\s?%)?)?"
    rf"{P.END}(?!\s+(?:to|and|or)\s+\d)"
)
# what `the X of N` names when it is not a setting: an amount or an order, a place in a
# sequence, a part of a whole
_NOT_A_SETTING = set(
    P.words(
        """
total number sum average mean median maximum minimum max min order orders end start
beginning middle case cases age year years value values range set series subset group
part parts fraction proportion percentage share majority most rest first last top bottom
list collection variety couple pair lot few dozen thousands hundreds millions sample
output input result results performance improvement reduction increase decrease drop
gain loss error accuracy speedup factor
"""
    )
)
_COMPARATIVE = re.compile(r"\s+(?:[a-z]+er|more|less|fewer|times)\b")
_YEAR = re.compile(r"(?:19|20)\d\d")


def named_of(sentence: str) -> list[Found]:
    """`a kernel size of 21`: the noun phrase (up to three plain words) and its value, in a
    clause that sets something up (not one that reports an outcome)."""
    out = []
    for m in _NAMED_OF.finditer(sentence):
        words = m.group("name").split()
        if any(w in P.LEAD_STOP or w in P.PREPOSITIONS for w in words):
            continue
        ranged = words[-1] == "factor" and m.group("upper")  # `a factor of 0.2 to 1`
        if (words[-1] in _NOT_A_SETTING and not ranged) or _YEAR.fullmatch(m.group("value")):
            continue
        glued = sentence[m.end("value") : m.end("value") + 1]
        if not m.group("unit") and glued.isalpha():
            continue  # `the equivalence of 2dD∗t ≡ nκ²`: a coefficient of a formula
        if parse_number(m.group("value")) == 0 and not m.group("upper"):
            continue  # `points have a covariance of 0`: a property, not a value chosen
        if _COMPARATIVE.match(sentence, m.end()):
            continue  # `a speed of 3 times the baseline`: a comparison
        name = " ".join(words)
        clause = P.clause_before(sentence, m.start())
        if P.names_a_result(name) or P.reports_a_result(sentence):
            continue
        machine = P.about_hardware(f"{clause} {name}") or m.group("unit") in P.HARDWARE_UNITS
        if machine and not P.SOFTWARE_MEMORY.search(name):
            continue  # `the node has a memory of 64GB`: the machine, not a choice
        text = sentence[m.start("value") : m.end()].strip()
        if m.group("upper"):
            a, b = parse_number(m.group("value")), parse_number(m.group("upper"))
            if a is None or b is None:
                continue
            out.append(Found(m.span(), name, text, m.group("unit") or "", "", (a, b)))
            continue
        numbers = tuple(
            n for v in re.findall(NUMBER, m.group("value")) if (n := parse_number(v)) is not None
        )
        shape = numbers if "×" in m.group("value") or "(" in m.group("value") else ()
        out.append(Found(m.span(), name, m.group("value"), m.group("unit") or "", "", shape))
    return out


# `We set the minimum frequency of an edit tree to 3`: the active form of `X is set to 3`
_SET_ACTIVE = re.compile(
    r"\b(?:we|they|i|authors)\s+(?:also\s+|then\s+|further\s+)?(?:set|fix|fixed|chose|choose)\s+"
    r"(?:the\s+|a\s+|an\s+|our\s+|its\s+)?(?P<name>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,6}?)"
    rf"\s+(?:to|at|as)\s+(?P<value>{NUMBER})(?:\s?(?P<unit>%|{P.UNIT}))?{P.END}",
    re.IGNORECASE,
)
_PRONOUNS = set(P.words("it them this these that those both all each everything"))


def set_active(sentence: str) -> list[Found]:
    """`We set the minimum frequency of an edit tree to 3`: the words between the verb and
    `to` name the setting (not a pronoun, and not an outcome)."""
    out = []
    for m in _SET_ACTIVE.finditer(sentence):
        name = m.group("name")
        if name.split()[0].lower() in _PRONOUNS or P.names_a_result(name):
            continue
        if P.reports_a_result(P.clause_before(sentence, m.start())):
            continue
        out.append(Found(m.span("value"), name, m.group("value"), m.group("unit") or ""))
    return out


# `σ between 0.1 and 2`: a symbol and the two ends of the range it is drawn from
_SYMBOL_BETWEEN = re.compile(
    rf"(?<![\w.])(?P<sym>{SYMBOL})\s+between\s+(?P<a>{NUMBER})\s?(?P<unit>%)?\s+and\s+"
    rf"(?P<b>{NUMBER})\s?%?{P.END}"
)


def symbol_between(sentence: str) -> list[Found]:
    """`a Gaussian blur with σ between 0.1 and 2`: the range a symbol takes (a symbol, not a
    word: `accuracy between 80% and 90%` reports an outcome)."""
    out = []
    for m in _SYMBOL_BETWEEN.finditer(sentence):
        sym = m.group("sym")
        if P.is_plain_word(sym) or sym.lower() in P.LEAD_STOP:
            continue
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None or a >= b or P.reports_a_result(sentence):
            continue
        text = sentence[m.start("a") : m.end()].strip()
        out.append(Found(m.span(), sym, text, m.group("unit") or "", "", (a, b)))
    return out


# a number whose thousands a math font set apart with a comma and a space (`10, 000`)
_SPACED_THOUSANDS = r"\d{1,3}(?:,\s\d{3})+(?!\d|\.\d)"
_END_NUMBER = rf"(?:{_SPACED_THOUSANDS}|{NUMBER})"
# `data ranging from 10, 000 to 1, 000, 000`, `the standard deviations vary from 0.5% to
# 10%`: the two ends of a range written in words after what it spans
_RANGING = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s+(?:between|from)\s+"
    rf"(?P<a>{_END_NUMBER})(?:\s?(?P<ua>{P.UNIT}))?\s+(?:up\s+)?(?:to|and)\s+"
    rf"(?P<b>{_END_NUMBER})(?:\s?(?P<unit>{P.UNIT}))?(?![\w.]\d)"
)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _end(text: str) -> float | None:
    return parse_number(re.sub(r",\s(?=\d{3})", "", text))


def ranging(sentence: str) -> list[Found]:
    """The two ends of a range a clause spans in words (`ranging from A to B`), named by
    the noun phrase before the verb; none in a clause that reports an outcome."""
    out = []
    for m in _RANGING.finditer(sentence):
        before = sentence[: m.start()]
        name = P.lead(before, 5)
        single = " ".join(_singular(w) for w in name.split())
        if (
            not name
            or P.names_a_result(single)
            or P.reports_a_result(P.clause_before(sentence, m.start()))
        ):
            continue  # `accuracies range from 80% to 90%`: outcomes spread over runs
        a, b = _end(m.group("a")), _end(m.group("b"))
        if a is None or b is None:
            continue
        unit = m.group("unit") or m.group("ua") or ""
        value = sentence[m.start("a") : m.end()]
        out.append(Found(m.span(), name, value, unit, "", (a, b)))
    return out


# `the learning rate ... decays toward 1e-5`, `is annealed to 0`: where a schedule ends
_DECAYS_TO = re.compile(
    r"\b(?:decay(?:s|ed|ing)?|anneal(?:s|ed|ing)?|decreas(?:es|ed|ing)|reduc(?:es|ed|ing)|"
    r"lower(?:s|ed|ing)?|drop(?:s|ped|ping)?)\s+(?:(?:linearly|gradually|smoothly|"
    r"exponentially|then|further|down)\s+)?(?:to|toward|towards)\s+"
    rf"{P.VALUE}{P.END}"
)


def decays_to(sentence: str) -> list[Found]:
    """The value a decaying schedule ends at, named by the schedule's setting in the same
    clause (`learning rate` → `min_learning_rate`); nothing when the clause names no known
    setting (`the loss decreased to 0.1` is an outcome)."""
    from arakit.compiler.settings.names import phrase_key

    out = []
    for m in _DECAYS_TO.finditer(sentence):
        clause = P.clause_before(sentence, m.start())
        if P.reports_a_result(clause):
            continue
        subject = re.search(r"\b(learning[\s-]rate|lr)\b", clause, re.IGNORECASE)
        if not subject or phrase_key(subject.group(1).replace("-", " ")) != "learning_rate":
            continue
        name = f"{subject.group(1)} decays to"
        out.append(
            Found(
                m.span("value"), name, m.group("value"), m.group("unit") or "", "min_learning_rate"
            )
        )
    return out


# `the minimum count was 100`, `the system age was 5 Gyr`, `the depreciation rate is assumed
# to be 100 percent`: a noun phrase, a form of `be` (with the verb that says it was chosen)
# and a value that closes the clause
_SPELLED = "|".join(sorted(WORDS, key=len, reverse=True))
_NAMED_IS = re.compile(
    r"(?<![\w-])(?:[Tt]he|[Tt]his|[Oo]ur|[Ee]ach)\s+(?!(?:the|a|an|this|that)\s)"
    r"(?P<name>(?:[a-z][a-z\-]*\s+){0,3}[a-z][a-z\-]*)\s+(?:is|was|are|were)\s+"
    r"(?P<verb>(?:assumed|taken|chosen|calibrated|kept|held|fixed|set)\s+(?:to\s+be|at|as|to)\s+"
    r"|equal\s+to\s+|always\s+)?"
    rf"(?P<value>{NUMBER}|(?i:{_SPELLED})(?![\w-]))"
    rf"(?:\s?(?P<unit>percent\b|{P.NAMED_UNIT}))?"
    r"(?=\s*(?:[.,;:)]|$|\s(?:in|for|throughout|during|across|on|per|and|with|unless|because|"
    r"here|by\s+default)\b))"
)
# units that, after a bare `the X was`, mostly print what was measured (`the distance was
# 350 pc`): read only where the sentence says the value was assumed or chosen
_MEASURED_UNIT = re.compile(r"m?mags?|[kMG]?yrs?|[kM]?pc")
_CHOSE = re.compile(
    r"\b(?:assum\w*|adopt\w*|cho(?:se|sen|ice)|fix(?:ed)?|set|took|take[ns]?)\b", re.IGNORECASE
)


def named_is(sentence: str, reporting: bool = False) -> list[Found]:
    """`the minimum count was 100`: a noun phrase of up to four plain words, `is`/`was`
    (with `assumed to be`, `set to`, `fixed at` ...) and the value that ends the clause,
    read without a vocabulary in a clause that reports no outcome; not a total, a mean or
    a place in a sequence (`the first was 5`), not a year, not zero (`the offset is 0` is
    a property), not a measured age or distance unless the sentence chose it. In a section
    that reports results (`reporting`) only a value the sentence says was chosen (`we
    assumed that the system age was 5 Gyr`) is read."""
    out = []
    for m in _NAMED_IS.finditer(sentence):
        words = m.group("name").split()
        if any(w in P.LEAD_STOP or w in P.PREPOSITIONS for w in words):
            continue
        if not _SUBJECT_START.search(sentence[: m.start()]):
            continue  # `the isolates collected in this study was`: `this study` is no subject
        unit = m.group("unit") or ""
        chosen = m.group("verb") or _CHOSE.search(P.clause_before(sentence, m.start()))
        if (_MEASURED_UNIT.fullmatch(unit) or reporting) and not chosen:
            continue
        head = words[-1]
        if head in _NOT_A_SETTING and not (head == "age" and unit and chosen):
            continue
        value = m.group("value")
        number = parse_number(value)
        if number is None or number == 0 or _YEAR.fullmatch(value):
            continue
        if value.lower() in WORDS and (unit or not (m.group("verb") or head in _COUNTED_HEADS)):
            continue  # `the answer was one`: a number word is read only as a count set up
        name = " ".join(words)
        clause = P.clause_before(sentence, m.start())
        if P.names_a_result(name) or P.reports_a_result(clause):
            continue
        out.append(Found(m.span("value"), name, value, "%" if unit == "percent" else unit, ""))
    return out


# where a clause's subject starts: the sentence's start, a punctuation mark, a conjunction
_SUBJECT_START = re.compile(
    r"(?:^|[.;:,(]\s*|\b(?:that|and|but|while|whereas|because|since|so|thus|hence)\s+)$",
    re.IGNORECASE,
)
# heads whose value in words is a count a method sets up (`the stride was one`)
_COUNTED_HEADS = frozenset(P.words("count stride size number width depth length"))


# `two seconds of initial silence`, `30 minutes of rest between sessions`: an amount of time
# and what fills it
_TIME_WORDS = r"(?:milli)?seconds?|minutes?|hours?|days?|weeks?|months?|ms|msec|sec|min|hrs?|h|s"
_SPAN_OF = re.compile(
    rf"(?<![\w.,\-–—−=/×])(?P<value>{NUMBER}|(?i:{_SPELLED}))(?![\w-])\s?(?P<unit>{_TIME_WORDS})\s+of\s+"
    r"(?P<name>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})"
)
# words that end the name of what fills a span of time: `of silence between pseudowords`
_NAME_STOP = frozenset(
    P.words(
        "and or but which that who where when while than each every between before after "
        "during per across among within into until"
    )
)


def time_spans(sentence: str) -> list[Found]:
    """`two seconds of initial silence`: a span of time named by what fills it (the noun
    phrase after `of`, up to its first preposition), outside clauses that report an outcome;
    not `the first 5 minutes of the video` (a determiner: a part of something) nor years of
    experience or follow-up of who was studied (`10 years of experience`)."""
    out = []
    for m in _SPAN_OF.finditer(sentence):
        words = _phrase_words(m.group("name"))
        if not words or words[0] in ("the", "a", "an", "this", "these", "their", "its", "our"):
            continue
        if m.group("unit").startswith(("year", "month")) and words[-1] in _PERSON_SPANS:
            continue
        number = parse_number(m.group("value"))
        if number is None or number == 0:
            continue
        clause = P.clause_before(sentence, m.start())
        if P.reports_a_result(clause) or _RESTATED.search(clause):
            continue
        name = " ".join(words)
        if P.names_a_result(name):
            continue
        out.append(Found(m.span("value"), name, m.group("value"), m.group("unit"), ""))
    return out


# `40 steps, which corresponds to 120 minutes of history`: the same setting in another unit
_RESTATED = re.compile(
    r"\b(?:correspond(?:s|ing)?\s+to|equivalent\s+to|i\.\s?e\.)(?:\s+\w+){0,2}\s*$", re.IGNORECASE
)


def _phrase_words(text: str) -> list[str]:
    """The words of a noun phrase in lower case, up to its first preposition or function
    word or, after its first word, a participle or a form of `be` (`hours of audio sampled
    at 8 kHz`: the participle starts a new phrase)."""
    words: list[str] = []
    for w in text.lower().split():
        if w in P.PREPOSITIONS or w in P.LEAD_STOP or w in _NAME_STOP:
            break
        if words and (w.endswith("ed") or w in ("were", "was", "are", "is")):
            break
        words.append(w)
    return words


_PERSON_SPANS = frozenset(P.words("experience age follow-up followup education schooling life"))


# `the Sun is located at (8.2, 0, 0) kpc`, `a sphere centered at (x, y, z) = (3, −2, 2) km`,
# `a Solar velocity of v⊙ = (12.9, 245.6, 7.78) km s−1`: a point or a vector, its
# coordinates in brackets
_TUPLE = rf"\(\s*{NUMBER}(?:\s*,\s*{NUMBER}){{1,5}}\s*\)"
_VECTOR = re.compile(
    r"(?P<lead>(?:[\w⊙\-]+\s+){0,4}?)"
    r"(?P<joint>(?:is\s+|are\s+|was\s+|were\s+)?(?:located|centered|centred|placed|positioned)\s+at"
    r"|to\s+be|of|at|=)\s*"
    r"(?:(?P<sym>[^\s()=,]{1,6}|\([a-zA-Z](?:\s*,\s*[a-zA-Z]){1,5}\))\s*=\s*)?"
    rf"(?P<value>{_TUPLE})"
    rf"(?:\s?(?P<unit>km\s?s[−-]1|{P.NAMED_UNIT}))?"
)
_TUPLE_RE = re.compile(_TUPLE)
_SUBJECT_PRONOUNS = frozenset(P.words("it they we he she this these those which who that"))
_VERBS = frozenset(P.words("is are was were be been set use used assume assumed adopt adopted"))


def vectors(sentence: str) -> list[Found]:
    """A point or a vector given by its coordinates: `(8.2, 0, 0) kpc` after `located at`,
    `centered at`, `to be`, `of` or `=`, one setting with every coordinate, named by the
    plain words before (`the Sun`, `initial position`, `sphere centered at`) or else by its
    symbol. A tuple after a bare `of` or `at` needs a unit (`(1, 2, 3)` may be citations
    or equation numbers); a pronoun names nothing (`they are located at (8, 0, 0.1) kpc`)."""
    out: list[Found] = []
    if not _TUPLE_RE.search(sentence):
        return out  # the common case, read fast: no coordinates in brackets
    for m in _VECTOR.finditer(sentence):
        joint, unit, sym = m.group("joint"), m.group("unit") or "", m.group("sym") or ""
        if joint in ("of", "at") and not unit and not sym:
            continue
        lead = m.group("lead").split()
        cut = [i for i, w in enumerate(lead) if w.lower() in ("a", "an", "the")]
        lead = lead[cut[-1] + 1 :] if cut else lead  # `in every run the probe`: the probe
        if any(w.lower() in _SUBJECT_PRONOUNS for w in lead):
            continue
        plain = [w for w in lead if w.lower() not in _VERBS and w.lower() not in P.LEAD_STOP]
        if joint not in ("of", "=", "to be", "at"):
            plain.append(" ".join(joint.split()[-2:]))  # `Sun located at`
        name = " ".join(plain).strip() or sym
        if not name or P.reports_a_result(P.clause_before(sentence, m.start("value"))):
            continue
        numbers = tuple(
            n for v in re.findall(NUMBER, m.group("value")) if (n := parse_number(v)) is not None
        )
        if len(numbers) < 2:
            continue
        unit = re.sub(r"\s", " ", unit)
        out.append(Found(m.span("value"), name, m.group("value"), unit, "", numbers))
    return out


# `four spoken pseudowords were serially played`, `300 cells and 500 genes was simulated`:
# counts of what the method presented or made, told by a passive verb of making or showing
_MADE = (
    r"presented|shown|displayed|played|simulated|generated|drawn|sampled|used|selected|"
    r"chosen|created|constructed|placed|trained|tested|run|repeated|administered|assigned"
)
_MADE_IN_RESULTS = frozenset(P.words("simulated generated drawn sampled"))
_COUNTED = (
    rf"(?P<value>{NUMBER}|(?i:{_SPELLED}))(?![\w.,-]\d)\s+"
    r"(?P<name>(?:[a-z][a-z\-]*\s+){0,2}[a-z][a-z\-]*s)"
)
_PASSIVE_COUNTS = re.compile(
    rf"(?<![\w.,\-=/×(])(?P<items>{_COUNTED}(?:\s*,?\s+(?:and\s+)?{_COUNTED.replace('?P<value>', '?:').replace('?P<name>', '?:')}){{0,3}})"
    r"(?:\s*\([^()]{0,60}\))?\s+(?:was|were|are|is)\s+(?:(?:[a-z]+ly)\s+)?(?P<verb>"
    + _MADE
    + r")\b"
)
_ONE_COUNT = re.compile(_COUNTED)


def passive_counts(sentence: str, reporting: bool = False) -> list[Found]:
    """Each count before a passive verb of making or showing (`four spoken pseudowords were
    serially played`, `300 cells and 500 genes was simulated`), named by its noun phrase;
    any plural noun, in digits or in words, since the verb says the method made or showed
    them. In a section that reports results only a count that was simulated, generated or
    drawn is read; a count of people, a year or a comparison is not."""
    out = []
    for m in _PASSIVE_COUNTS.finditer(sentence):
        if reporting and m.group("verb") not in _MADE_IN_RESULTS:
            continue
        if P.reports_a_result(P.clause_before(sentence, m.start())):
            continue
        if _PART_OF.search(sentence[: m.start()]):
            continue  # `three of the four pairs are repeated`: a part of a whole, in an example
        if _FOUND_TO.match(sentence, m.end()):
            continue  # `these two baselines are shown to be competitive`: a finding
        start = m.start("items")
        for c in _ONE_COUNT.finditer(m.group("items")):
            words = c.group("name").split()
            if any(w in P.PREPOSITIONS or w in P.LEAD_STOP or w in _NOT_A_SETTING for w in words):
                continue
            if words[-1] in _PEOPLE or _YEAR.fullmatch(c.group("value")):
                continue
            number = parse_number(c.group("value"))
            if number is None or number == 0:
                continue
            span = (start + c.start("value"), start + c.end("value"))
            out.append(Found(span, " ".join(words), c.group("value"), "", ""))
    return out


_PART_OF = re.compile(
    r"\b(?:of\s+(?:the|its|their|these|those|all)|these|those)\s*$", re.IGNORECASE
)
_FOUND_TO = re.compile(r"\s+to\b")
# who took part: counted by the study, never set by its method
_PEOPLE = frozenset(
    P.words(
        "participants subjects patients people persons individuals respondents children adults "
        "volunteers students workers raters annotators"
    )
)


# `a 1D convolution (width 8, stride 4, ReLU activation)`: a part's settings listed in
# brackets after it, each a name of one or two plain words and its number
_BRACKETED = re.compile(r"(?P<head>[A-Za-z][\w\-]*)\s+\((?P<body>[^()]{5,160})\)")
_ITEM = re.compile(
    rf"^(?P<name>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*)?)\s*(?::\s*|=\s*)?(?P<value>{NUMBER})$"
)
# words that number a part of the paper or a place in a sequence, not a setting
_PLACES = frozenset(
    P.words(
        "section sections equation eq eqs figure fig table appendix chapter page pages line lines step"
    )
)


def bracketed_items(sentence: str) -> list[Found]:
    """`(size 8, stride 4, ReLU activation)` after what they configure: every item that is a
    name of plain lower-case words and one number, when the brackets hold two such items
    or more (one alone is a gloss or an aside), each named with the part before the bracket
    (`convolution stride`); not citations, references to the paper's parts, years or
    outcomes."""
    out = []
    for m in _BRACKETED.finditer(sentence):
        items = []
        offset = m.start("body")
        parts = list(re.finditer(r"[^,;]+", m.group("body")))
        if any(re.fullmatch(rf"(?:and\s+|or\s+)?{NUMBER}", p.group(0).strip()) for p in parts):
            continue  # `(equations 27, 28, and 70)`: a list of numbers, not named settings
        for part in parts:
            text = part.group(0).strip()
            im = _ITEM.match(text)
            if not im:
                continue
            words = im.group("name").split()
            if words[0] in _PLACES or words[0] in _NAME_STOP or P.names_a_result(im.group("name")):
                continue
            if _YEAR.fullmatch(im.group("value")) or parse_number(im.group("value")) is None:
                continue
            at = offset + part.start() + part.group(0).index(text) + im.start("value")
            items.append((" ".join(words), im.group("value"), (at, at + len(im.group("value")))))
        if len(items) < 2:
            continue
        head = m.group("head")
        prefix = f"{head} " if head.islower() and head not in P.PREPOSITIONS else ""
        for name, value, span in items:
            out.append(Found(span, f"{prefix}{name}", value, "", "", meaning=prefix.strip()))
    return out


# `tuning was performed on 50% of the training data`, `calibrated to be 100 percent of the
# average wage`: a share of something, after a verb or preposition that sets it
_SHARE = re.compile(
    rf"(?<![\w.,])(?P<value>{NUMBER})\s?(?:%|percent\b)\s+of\s+(?:the\s+|its\s+|their\s+|our\s+)?"
    r"(?P<name>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,2})"
)
_SETS_A_SHARE = re.compile(
    r"\b(?:to\s+be|equal(?:s|\s+to)?|set\s+to|use[sd]?|using|on|out|sampl\w+|select\w*|"
    r"reserv\w+|keep|kept|mask\w*|draw\w*|calibrat\w*|assum\w*|fix\w*|hold|held)"
    r"\s+(?:only\s+|randomly\s+)?$",
    re.IGNORECASE,
)


def shares(sentence: str) -> list[Found]:
    """`on 50% of the training data`: a share of something (in `%` or `percent`), named
    `share of` what it is a share of (up to its first preposition or participle), where
    the words just before set it (`to be`, `equal to`, `on`, `use`, `hold out`, `sample`);
    a share a sentence reports (`35% of the populations were better described`) has none."""
    out = []
    for m in _SHARE.finditer(sentence):
        if not _SETS_A_SHARE.search(sentence[: m.start()]):
            continue
        words = _phrase_words(m.group("name"))
        if not words or P.names_a_result(words[-1]):  # `average wage`: the head decides
            continue
        if P.reports_a_result(P.clause_before(sentence, m.start())):
            continue
        name = "share of " + " ".join(words)
        out.append(Found(m.span("value"), name, m.group("value"), "%", ""))
    return out


# `excluded distributions that spanned fewer than four size bins`, `species recorded at least
# three times were retained`: the bound of a filter, a threshold the method chose
_BOUND = re.compile(
    r"(?<![\w-])(?P<cmp>at\s+least|at\s+most|no\s+fewer\s+than|no\s+more\s+than|no\s+less\s+than|"
    r"fewer\s+than|less\s+than|more\s+than|greater\s+than|a\s+minimum\s+of|a\s+maximum\s+of)"
    rf"\s*(?P<value>{NUMBER}|(?i:{_SPELLED}))(?![\w.,-]?\d)(?![\w-])\s+"
    r"(?P<name>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3})",
    re.IGNORECASE,
)
_DROPS = re.compile(
    r"\b(?:exclud\w*|remov\w*|discard\w*|drop(?:s|ped)?|omit\w*|filter(?:ed)?\s+out)\b", re.I
)
_KEEPS = re.compile(
    r"\b(?:retain\w*|kept|keep\w*|includ\w*|requir\w*|select\w*|restrict\w*)\b", re.I
)
_LOWER = ("at least", "no fewer than", "no less than", "a minimum of")
_UPPER = ("at most", "no more than", "a maximum of")


def filter_bounds(sentence: str) -> list[Found]:
    """The bound of a filter a sentence applies (it excludes, removes, keeps, retains,
    requires or selects): `fewer than four size bins` under `excluded` is a minimum of 4
    size bins, `at least three times` under `retained` a minimum of 3 times (named with
    the verb before: `recorded times`). Named `minimum`/`maximum` by what the filter keeps;
    a bound in a sentence that filters nothing is a comparison or an outcome, and a bound
    written with a sign (`acc ≥ 0.9`) is read as an inequality elsewhere."""
    drops, keeps = _DROPS.search(sentence), _KEEPS.search(sentence)
    if not (drops or keeps) or P.reports_a_result(sentence):
        return []
    out = []
    for m in _BOUND.finditer(sentence):
        words = _phrase_words(m.group("name"))
        if not words or P.names_a_result(words[-1]) or words[-1] in _PEOPLE:
            continue
        if re.fullmatch(P.NAMED_UNIT, words[0]):
            continue  # `distances >2 kpc`: a bound on a quantity, its name stands before
        if words[0] == "times":  # `recorded at least three times`: named by what was counted
            before = sentence[: m.start()].split()
            if not before or not before[-1].isalpha():
                continue
            words = [before[-1].lower(), "times"]
        number = parse_number(m.group("value"))
        if number is None or _YEAR.fullmatch(m.group("value")):
            continue
        cmp = " ".join(m.group("cmp").lower().split())
        if cmp in _LOWER or cmp in _UPPER:
            lower = cmp in _LOWER
        else:  # `fewer than` under `excluded` keeps at least as many; under `kept`, fewer
            fewer = cmp in ("fewer than", "less than")
            lower = fewer == bool(drops)
        name = f"{'minimum' if lower else 'maximum'} {' '.join(words)}"
        out.append(Found(m.span("value"), name, m.group("value"), "", ""))
    return out


# `three sets of 1000 exposures`, `four pairs of training/test blocks`: a count of groups,
# each group of something the method made
_GROUPS = re.compile(
    rf"(?<![\w.,\-=/×])(?P<value>{NUMBER}|(?i:{_SPELLED}))(?![\w.,-]?\d)(?![\w-])\s+"
    r"(?P<group>sets|pairs|groups|blocks|rounds|series|batches|replicates|repetitions|sessions)"
    r"\s+of\s+(?:\S+\s+){0,2}?(?P<what>[a-z][\w/\-]*s)"
    r"(?=\s*(?:[.,;:)]|$|\s(?:in|for|with|at|on|per|of|and|to|from|each|were|was|are|is)\b))"
)


def group_counts(sentence: str) -> list[Found]:
    """`we acquired three sets of 1000×60 msec exposures`: how many groups of things the
    method made, named `sets of exposures` (the group and the plural noun it holds, a
    count or size between them allowed); not groups of people (`two groups of patients`),
    a part of a whole (`two of the three sets of`) nor outcomes."""
    out = []
    for m in _GROUPS.finditer(sentence):
        what = m.group("what")
        if what in _PEOPLE or P.names_a_result(what):
            continue
        if _PART_OF.search(sentence[: m.start()]) or _NOT_COUNT_BEFORE.search(
            sentence[: m.start()]
        ):
            continue
        if P.reports_a_result(P.clause_before(sentence, m.start())):
            continue
        number = parse_number(m.group("value"))
        if number is None or number == 0 or _YEAR.fullmatch(m.group("value")):
            continue
        name = f"{m.group('group')} of {what}"
        out.append(Found(m.span("value"), name, m.group("value"), "", ""))
    return out


# a number before the count that makes it a bound or a part: `more than two sets of`
_NOT_COUNT_BEFORE = re.compile(
    r"\b(?:than|least|most|up\s+to|of|every|each|per)\s*$|\d\s*$", re.IGNORECASE
)
