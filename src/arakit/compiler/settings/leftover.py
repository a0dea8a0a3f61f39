"""The numbers of a method sentence that no other reader took, read by what stands around
them rather than by a vocabulary of settings:

- a measured amount, a number and its unit: `integrated for 5 Gyr`, `notch filtered at
  60 Hz`, `a search width of 5 m`, `exposures of 60 msec`, `grown at 22 °C`;
- a count, a number and the plural noun it counts: `4 chains of 1000 warmup iterations`,
  `72 computer-generated pseudowords`, `1000 random permutations`.

Every other reader of settings knows the names it reads (a learning rate, a batch size, a
number of layers); on papers from fields nobody listed, most settings are neither, and the
sentence still says what it is: a method verb (`we used`, `were recorded`, `sampled`)
before the number, and the unit or the counted noun after it. The name is the noun phrase
the number measures or counts. Read only in a clause that tells what was done and reports
no outcome, outside results, conclusions, related work, the introduction and the abstract.
"""

from __future__ import annotations

import re

from arakit.compiler.settings.counts import APPROX_BEFORE
from arakit.compiler.settings.items import Found
from arakit.compiler.settings.method import SETUP_RE
from arakit.compiler.settings.names import words
from arakit.compiler.settings.numbers import NUMBER
from arakit.compiler.settings.patterns import clause_before, names_a_result, reports_a_result

# units by what they measure, as papers print them (spelled out or as symbols)
_UNITS = {
    "time": r"[fpnµμm]s|s|secs?|seconds?|msec|mins?|minutes?|h|hrs?|hours?|d|days?|weeks?|"
    r"months?|years?|yrs?|[kMG]yrs?|[kMG]a",
    "length": r"[nµμmck]m|m|AU|au|[kM]?pc|ly|meters?|metres?|kilometers?|kilometres?|"
    r"centimeters?|millimeters?|microns?|inch(?:es)?|ft|feet|miles?|px|pixels?",
    "mass": r"[mµμk]?g|grams?|kilograms?|M[⊙☉]|M_?(?:sun|Jup|J|⊕|Earth)|tonnes?|tons?",
    "frequency": r"[kMG]?Hz|rpm",
    "angle": r"deg|degrees?|[°◦∘º]|rad|mrad|arcsec(?:onds?)?|arcmin(?:utes?)?|mas|[”″′]",
    "temperature": r"[°◦∘º]\s?[CF]|K",
    "energy": r"[kMG]?eV|[km]?J|kcal|cal",
    "electric": r"[mkµμ]?[VAW]|[kMµμ]?Ω|ohms?|[mµμnp]F",
    "pressure": r"[kMh]?Pa|m?bar|atm|Torr|psi",
    "amount": r"[mµμnp]?M|[mµμn]?mol|ppm|ppb|mg/L|µg/mL|mg/kg",
    "volume": r"[mµμ]?[lL]|liters?|litres?|cm3|m3",
    "data": r"[KMGT]B|[kMG]?bits?|bytes?|tokens?",
    "level": r"dB|mag|dex",  # (percentages: the readers of shares and splits)
}
_UNIT = "|".join(f"(?:{u})" for u in _UNITS.values())
# a unit divided by another or raised to a power: `m s−1`, `µmol m−2 s−1`, `km/s`, `mg/kg`
_UNIT_TAIL = rf"(?:\s?(?:/|per\s)\s?(?:{_UNIT})|\s(?:{_UNIT})?[−-]?[0-9¹²³⁻]+)*"
_AMOUNT = re.compile(
    rf"(?<![\w.,\-−+=/×^(])(?P<value>{NUMBER})\s?"
    rf"(?P<unit>(?:{_UNIT})(?:[−⁻-]?[1-3¹²³](?![\d.]))?{_UNIT_TAIL})"
    r"(?![\w\-²³])"
)
# a count: a number, up to two words that describe, and the plural noun counted
_COUNTED = re.compile(
    rf"(?<![\w.,\-−+=/×^(])(?P<value>{NUMBER})\s+"
    r"(?P<noun>(?:[a-z][a-z\-]+\s+){0,2}?[a-z][a-z\-]{2,}s(?<![su]s)(?<!is))\b(?!['’])"
)
# what a study found, not what it set: `we found 12 errors`, `resulting in 841 stars`
_OUTCOME = re.compile(
    r"\b(?:found|find|finds|observed?|detected|identified|achieved?|showed|shows|"
    r"reached|result(?:ed|ing)\s+in|yield(?:ed|ing|s)|correctly|successfully)\b",
    re.IGNORECASE,
)
# `12 million individuals`, `46 420 samples`: the number goes on before or after the match
_GOES_ON = re.compile(r"\s*(?:million|thousand|billion|hundred)\b", re.IGNORECASE)
_GROUPED_BEFORE = re.compile(r"\d\s$")
# `10 MB to 40 MB`, `from 100 ms to 50 ms`: a span of values, which the range readers take
_SPAN_AFTER = re.compile(r"\s*(?:to|and|or|[–-])\s*\d")
# plural nouns that count parts of the paper, of the literature or of the calendar, or
# that measure rather than count (handled as units above)
_NOT_COUNTED = frozenset(
    words(
        """
figures tables sections chapters equations appendices pages papers studies works articles
authors references citations lines columns rows panels times orders decades centuries
percent points cases others ones is was has this its years months weeks days hours minutes
seconds degrees units results findings values items terms parts kinds types ways sets
steps levels stages versions
"""
    )
)
# words before the number that make it a reference, a rank, a comparison or a date
_NOT_BEFORE = re.compile(
    r"(?:\b(?:Fig(?:ure)?s?|Tables?|Sec(?:tion)?s?|Eqs?|Equations?|Appendix|Chapter|Step|"
    r"Experiment|Study|Model|Group|Phase|Version|than|top|rank(?:ed)?|No|no|of\s+the|"
    r"in|since|until|from\s+the|[Ee]xp|close\s+to|above|below|regardless|approach\w*|by|"
    r"first|last|next|all|(?i:group|task|phase|stage|condition|session|round|fold|level|class|"
    r"type|version|part|case|run|step|experiment|study))\.?|"
    r"[<>≤≥±×/^=–-])\s*$"
)
# roles whose sentences describe results, other work or the paper's plan
_QUIET = ("results", "ablation", "conclusion", "limitations", "related", "introduction", "abstract")


def leftover(sentence: str, role: str) -> list[Found]:
    """Amounts and counts of a method clause, each named by the phrase it measures or
    counts; the caller keeps those whose numbers no other reader took."""
    if role in _QUIET:
        return []
    out: list[Found] = []
    for m in _AMOUNT.finditer(sentence):
        if _usable(sentence, m.start(), m.end()) and not _year(m.group("value")):
            if _qualifies(sentence, m.end()):
                continue
            name, meaning = _measured(sentence[: m.start()])
            if name and not _proper(name, sentence):
                unit = m.group("unit").strip()
                out.append(Found(m.span(), name, m.group("value"), unit, meaning=meaning))
    for m in _COUNTED.finditer(sentence):
        noun = m.group("noun")
        if noun.split()[-1] in _NOT_COUNTED or any(w in _STOP for w in noun.split()):
            continue
        if _GOES_ON.match(sentence, m.end("value")):
            continue
        if _usable(sentence, m.start(), m.end("value")) and not _year(m.group("value")):
            out.append(Found(m.span(), noun, m.group("value")))
    return sorted(out, key=lambda f: f.span)


# `500 ms and 550 ms`, `from 100 ms to 50 ms`: the later values of a list or span
_LIST_BEFORE = re.compile(rf"{NUMBER}\s?\S{{0,6}}\s*(?:,|and|or|to)\s*$")
# a capitalised word inside a name names an instrument, a survey or a place (`the Gemini
# South 8m telescope`, `Kepler stars within 300 pc`): a description, not a setting
_PROPER = re.compile(r"[A-Z][a-z]+")


def _proper(name: str, sentence: str) -> bool:
    """True when a word of the name is capitalised other than as the sentence's first."""
    toks = name.split()
    if sentence.lstrip().startswith(toks[0]):
        toks = toks[1:]
    return any(_PROPER.fullmatch(t) for t in toks)


# a verb of what was done: a method verb, a passive (`were integrated`), `we` and a verb
_DONE = re.compile(
    r"\b(?:(?:was|were|been|be|is|are)\s+(?:[a-z]+\s+)?[a-z]{3,}(?:ed|en|wn)|we\s+[a-z]{3,})\b",
    re.IGNORECASE,
)
# a sentence of many numbers is a table's rows run into the text, not a method's statement
_MANY_NUMBERS = 8


def _usable(sentence: str, pos: int, end: int) -> bool:
    """A method clause: a verb of what was done before the number, no outcome reported,
    the number one value (no part of a larger number or of a span), no reference, rank,
    comparison or date, and not inside a quotation."""
    head = sentence[:pos]
    if _GROUPED_BEFORE.search(head) or _SPAN_AFTER.match(sentence, end):
        return False
    if APPROX_BEFORE.search(head):  # `∼300 pc`: a description; a setting is stated exactly
        return False
    if _LIST_BEFORE.search(head):
        return False
    clause = clause_before(sentence, pos)
    done = SETUP_RE.search(head) or _DONE.search(head)
    if not done or reports_a_result(clause) or names_a_result(clause) or _OUTCOME.search(sentence):
        return False
    if _NOT_BEFORE.search(head) or head.count("“") > head.count("”"):
        return False
    return len(re.findall(NUMBER, sentence)) < _MANY_NUMBERS


_NEXT_WORD = re.compile(r"\s*([a-z][a-z\-]*)")


def _qualifies(sentence: str, end: int) -> bool:
    """True when the amount is set before a noun it describes (`the 0.36 m images`, `a
    0.7 M⊙ star`): the size of a thing, which the readers of attributive sizes judge."""
    nxt = _NEXT_WORD.match(sentence, end)
    if not nxt:
        return False
    word = nxt.group(1)
    return word not in _STOP and not word.endswith(("ing", "ed", "ly"))


def _year(value: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", value))


_STOP = frozenset(
    words(
        """
a an the of for at to with in on by as from into over under between within and or was were
is are be been being we our it its this that these those then also each every all any
approximately about around roughly nearly some only after before during until up down
set fixed used using chosen taken kept
"""
    )
)


# a clause's subject before its passive verb: `the initial growth rate is scaled to`
_PASSIVE = re.compile(
    r"(?P<subject>(?:[A-Za-z][\w\-()]*\s+){1,4}?)(?:is|are|was|were|be|been)\s+"
    r"(?:[a-z]+\s+)?(?P<verb>[a-z]{3,}(?:ed|en|wn))\b(?P<rest>[^,;:]*)$"
)


def _measured(before: str) -> tuple[str, str]:
    """(name, meaning) of a measured amount: the noun phrase just before it, without the
    verbs and prepositions that tie them (`search width` in `a search width of`); where
    only a verb stands there (`the growth rate is scaled to`, `orbits were integrated for`),
    the verb's subject, with the verb as its meaning."""
    clause = re.split(r"[;:()\[\]]|,\s|\.\s", before)[-1]
    passive = next(reversed(list(_PASSIVE.finditer(clause))), None)
    if passive and not _phrase(passive.group("rest")):
        subject = _phrase(passive.group("subject"))
        if subject:
            return subject, f"{passive.group('verb')}{passive.group('rest')}".strip()
    return _phrase(clause), ""


def _phrase(text: str) -> str:
    """The last run of plain words of `text` (at most three), past the function words
    that end it."""
    toks = [t.strip(".,") for t in text.split()][-6:]
    while toks and toks[-1].lower() in _STOP:
        toks.pop()
    phrase: list[str] = []
    for t in reversed(toks):
        if t.lower() in _STOP or not re.fullmatch(r"[A-Za-z][\w\-]*", t) or _VERB.fullmatch(t):
            break
        phrase.append(t)
    return " ".join(reversed(phrase[:3]))


_VERB = re.compile(r"[a-z]{3,}(?:ed|wn)")
