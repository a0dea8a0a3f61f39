"""Settings stated in prose without `=`, in the words of a method section:

- a run's length: `simulations were run for 2 ns`, `each run for 40 minutes`;
- an interval: `we measure the accuracy every 15 seconds`, `only every 10th value is kept`;
- a repetition: `the experiment is repeated 3 times`;
- a discarded start: `the first 500 steps discarded as burn-in`, `excluding the first 10 ps`;
- a size set before its noun: `a 2 fs timestep`, `within a 3-meter radius`, `2×2×2 supercells`;
- the size of a collection: `a population of 1000`;
- a count of simulated things: `we simulated 100000 M`, `one million M were simulated`;
- the values a study tries, a value set and a ratio (lists.py).

Each is read only in a clause that describes what was done (`we use`, `were run`,
`simulated`), never in one that reports an outcome (`achieves`, `reached`, `obtained`)."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake, words
from arakit.compiler.settings.numbers import NUMBER, WORDS, parse_number
from arakit.compiler.settings.lists import ratios, tried_values
from arakit.compiler.settings.method import SETUP_RE, setup_clause
from arakit.compiler.settings.russian import russian
from arakit.compiler.settings.patterns import (
    PREPOSITIONS,
    VALUE_FIRST_GOOD_BEFORE,
    UNIT,
    clause_before,
    names_a_result,
    reports_a_result,
)

_TIME = r"(?:[fpnµμm]s|s|sec|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?|years?|[kMG]yrs?)"
_LENGTH = r"(?:[cmk]?m|meters?|metres?)"
# (an angle on the sky: `a 1 arcsecond radius`, `a 1” radius`)
_ANGLE = r"(?:deg|degrees?|[°◦∘º]|arcsec(?:onds?)?|arcmin(?:utes?)?|[”″])"
_SIZE_UNIT = rf"(?:{_TIME}|{_LENGTH}|{_ANGLE}|K|[kMG]?Hz|dB)(?![a-z])"
_APPROX = r"(?:(?:about|approximately|roughly|around|nearly)\s+)?(?:[∼~≈]\s?)?"
# the noun, verb or activity a run's length belongs to
_ACTIVITY = re.compile(
    r"\b(simulat\w*|runs?|ran|trained|training|experiments?|episodes?|trajector(?:y|ies)|"
    r"recordings?|recorded|measurements?|sampl\w*|equilibrat\w*|productions?|integrat\w*|"
    # a process left to run, a stimulus presented: `operates … for eight hours`, `each
    # word was played for one second`
    r"operat(?:es|ed|ing)|played|presented|displayed)\b",
    re.IGNORECASE,
)
_ACTIVITY_NOUN = {
    "simul": "simulation",
    "ran": "run",
    "runs": "run",
    "train": "training",
    "recor": "recording",
    "sampl": "sampling",
    "equil": "equilibration",
    "integ": "integration",
    "opera": "operation",
    "playe": "presentation",
    "prese": "presentation",
    "displ": "presentation",
}
# a stimulus presented for a time: the presentation is what the method set up
_PRESENTED = ("played", "presented", "displayed")


_DURATION = re.compile(
    rf"\bfor\s+{_APPROX}(?P<value>{NUMBER}|(?i:{'|'.join(WORDS)}))\s?(?P<unit>{_TIME})(?![\w-])"
    r"(?!\s+(?:of|per)\b)"
)


def durations(sentence: str) -> list[Found]:
    """`Simulations were run for 2 ns`: how long each run lasted, named by the run."""
    out = []
    for m in _DURATION.finditer(sentence):
        clause = clause_before(sentence, m.start())
        acts = list(_ACTIVITY.finditer(clause))
        if not acts:
            continue
        act = acts[-1]
        presented = act.group(1).lower() in _PRESENTED and not reports_a_result(clause)
        if not (presented or setup_clause(sentence, m.start())):
            continue
        noun = _ACTIVITY_NOUN.get(act.group(1).lower()[:5], act.group(1).lower())
        printed = clause[act.start() :].strip()  # `simulating the system for`, `run for`
        name = f"{printed} for" if len(printed.split()) <= 5 else f"{noun} length"
        subject = _subject(clause[: act.start()])
        if subject and name.endswith(" for"):  # `each simulation ran for`: what ran
            name = f"{subject} {name}"
        key = f"{snake(noun)}_duration"
        out.append(Found(m.span("value"), name, m.group("value"), m.group("unit"), key))
    return out


# the verb's helpers between a subject and its activity (`each word was played`)
_AUXILIARY = frozenset(words("was were is are be been being then also each"))
_NOT_SUBJECT = frozenset(
    words(
        "we they it he she which that this these those who and or but then when where after "
        "before once also each all both first"
    )
)


def _subject(before: str) -> str:
    """The noun the activity's clause opens with, right before its verb (`Each simulation`
    ran, `each pseudoword was` played): empty when a pronoun, a preposition or nothing is."""
    words = before.split()
    while words and words[-1].lower() in _AUXILIARY:
        words.pop()
    last = words[-1].lower() if words else ""
    if not re.fullmatch(r"[a-z][a-z\-]{2,}", last) or last in _NOT_SUBJECT:
        return ""
    if last.endswith(("ly", "ed", "ing")) or last in PREPOSITIONS:
        return ""  # `then briefly ran`, `repeated`, `by`: not the thing that ran
    return last


_EVERY_TIME = re.compile(rf"\bevery\s+(?P<value>{NUMBER})\s?(?P<unit>{_TIME})(?![\w-])")
_EVERY_NTH = re.compile(r"\bevery\s+(?P<value>\d+)(?:st|nd|rd|th)\s+(?P<noun>[a-z]+)")


_LENGTH_OF = re.compile(
    rf"(?<![\w.]){_APPROX}(?P<value>{NUMBER})\s?(?P<unit>{_TIME}|{_LENGTH})\s+in\s+"
    r"(?P<what>length|duration|diameter|width|size)\b"
)


def lengths(sentence: str) -> list[Found]:
    """`512 trajectories, each approximately 25 ps in length`: the length of each thing."""
    out = []
    for m in _LENGTH_OF.finditer(sentence):
        if setup_clause(sentence, m.start()):
            what = m.group("what")
            out.append(Found(m.span("value"), what, m.group("value"), m.group("unit"), what))
    return out


def intervals(sentence: str) -> list[Found]:
    """`we measure the accuracy every 15 seconds`: how often something was done;
    `only every 10th value is retained`: a thinning of samples."""
    out = []
    for m in _EVERY_TIME.finditer(sentence):
        if not setup_clause(sentence, m.start()):
            continue
        verb = SETUP_RE.findall(re.sub(r"\([^()]*\)", " ", clause_before(sentence, m.start())))
        name = f"{verb[-1].lower()} every" if verb else "every"
        key = f"{snake(verb[-1])}_interval" if verb else "interval"
        out.append(Found(m.span("value"), name, m.group("value"), m.group("unit"), key))
    for m in _EVERY_NTH.finditer(sentence):
        name = f"every {m.group('value')}th {m.group('noun')}"
        out.append(Found(m.span("value"), name, m.group("value"), "", "thin"))
    return out


_REPEATED = re.compile(
    r"\b(?P<verb>repeat\w*|replicat\w*|performed|conducted|executed|run|ran)\b[^.;:]{0,40}?"
    rf"(?<![\w.])(?P<value>{NUMBER}|(?i:{'|'.join(WORDS)}))\s+times\b"
    r"(?!\s+(?:more|less|faster|slower|larger|smaller|higher|lower|greater|as|than|above|below|"
    r"over|under)\b)"
)


def repeats(sentence: str) -> list[Found]:
    """`The experiment is repeated 3 times for each configuration`."""
    return [
        Found(m.span("value"), m.group("verb").lower(), m.group("value"), "", "repetitions")
        for m in _REPEATED.finditer(sentence)
    ]


_FIRST = rf"\bthe\s+first\s+(?P<value>{NUMBER})\s?(?P<what>{UNIT}(?![\w-])|[a-z]+)"
_DISCARD_BEFORE = re.compile(
    r"\b(?P<verb>discard\w*|exclud\w*|remov\w*|drop\w*|skip\w*|ignor\w*|throw\w*)\s+" + _FIRST
)
_DISCARD_AFTER = re.compile(
    _FIRST + r"(?:\s+of\s+[\w\s]{1,30}?)?\s+(?:(?:were|are|was|is|being)\s+)?"
    r"(?P<verb>discarded|excluded|removed|dropped|skipped|ignored|thrown\s+away)\b"
)


def discarded(sentence: str) -> list[Found]:
    """`32 walkers for 1500 steps, with the first 500 steps discarded as a burn-in period`,
    `excluding the first 10 ps of data`: the start a method throws away."""
    out = []
    burn = re.search(r"burn[- ]?in", sentence, re.IGNORECASE)
    for m in [*_DISCARD_BEFORE.finditer(sentence), *_DISCARD_AFTER.finditer(sentence)]:
        what = m.group("what")
        unit = what if re.fullmatch(UNIT, what) else ""
        name = "burn-in" if burn else f"{m.group('verb').lower()} the first"
        key = "burn_in" if burn else f"discard_first_{snake(what)}"
        out.append(Found(m.span("value"), name, m.group("value"), unit, key))
    return out


_STOP_NOUN = set(words("a an the and or of in on for to with by at as is are was were that this"))
# after an article (`a 2 fs timestep`), or joined by hyphens (`its limited 70-degree field`)
_ATTRIBUTIVE = re.compile(
    rf"(?<![\w.])(?:(?:a|an|the)\s+{_APPROX}(?P<value>{NUMBER})\s?(?P<unit>{_SIZE_UNIT})\s+"
    rf"|[a-z]+\s+{_APPROX}(?P<hvalue>{NUMBER})-(?P<hunit>{_SIZE_UNIT})-?\s*)"
    r"(?P<noun>[a-z][a-z\-]{2,}(?:\s+of\s+(?!the\b|a\b|an\b|each\b|its\b)[a-z]+)?)"
)


def attributive(sentence: str) -> list[Found]:
    """`with a 2 fs timestep`, `within a 3-meter radius`, `the 70-degree field of view`:
    a size printed before the thing it sizes."""
    out = []
    for m in _ATTRIBUTIVE.finditer(sentence):
        noun = m.group("noun")
        first = noun.split()[0]
        if first in _STOP_NOUN or names_a_result(noun) or re.fullmatch(_SIZE_UNIT, first):
            continue
        # the verb may follow (`due to its limited 70-degree field of view, we consider …`)
        if not SETUP_RE.search(sentence) or reports_a_result(clause_before(sentence, m.start())):
            continue
        unit = {"meter": "m", "meters": "m", "metre": "m", "degree": "deg", "degrees": "deg"}
        unit |= {"”": "arcsec", "″": "arcsec", "arcsecond": "arcsec", "arcseconds": "arcsec"}
        v = "value" if m.group("value") else "hvalue"
        printed = m.group("unit") or m.group("hunit")
        u = unit.get(printed, printed)
        name = noun
        if re.fullmatch(_TIME, printed) and " " not in noun and re.search(r"[^s]s$", noun):
            name = f"{_singular(noun)} length"  # `4-second utterances`: each one's length
        out.append(Found(m.span(v), name, m.group(v), u, snake(name)))
    return out


_GRID = re.compile(
    r"(?<![\w.×])(?P<value>\d+\s?[×x]\s?\d+(?:\s?[×x]\s?\d+)?)\s+(?P<noun>[a-z][a-z\-]{2,})"
)


_PLURAL_AFTER = re.compile(r"\s+([a-z][a-z\-]{2,}s)\b")


def _singular(phrase: str) -> str:
    """The phrase with its last word in the singular (`colored images` → `colored image`)."""
    head, _, last = phrase.rpartition(" ")
    if re.search(r"(?:ch|sh|x|ss)es$", last):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss"):
        last = last[:-1]
    return f"{head} {last}".strip()


_OF_SIZE = re.compile(r"([A-Za-z][\w\-]*)\s+of\s+size\s*$")


def grids(sentence: str) -> list[Found]:
    """`2×2×2 supercells`, `a 32×32 grid`: a shape, every number of it."""
    out = []
    for m in _GRID.finditer(sentence):
        if m.group("noun") in _STOP_NOUN or not setup_clause(sentence, m.start()):
            continue
        if re.match(r"\s*(?:\w+\s+)?matri(?:x|ces)\b", sentence[m.end("noun") :]) or m.group(
            "noun"
        ).startswith("matri"):
            continue  # `a 4 × 4 view matrix`: the shape of a piece of math
        numbers = tuple(float(d) for d in re.findall(r"\d+", m.group("value")))
        noun = m.group("noun")
        after = _PLURAL_AFTER.match(sentence, m.end("noun"))
        if noun.endswith("ed") and after:  # `224 × 224 colored images`: the noun is images
            noun = f"{noun} {after.group(1)}"
        sized = _OF_SIZE.search(sentence[: m.start()])
        if sized:  # `patches of size 8 × 8 lead to …`: the shape of the noun before
            noun = f"{sized.group(1)} of size"
        head = sized.group(1) if sized else noun
        meaning = f"{_singular(head)} size"  # `8 × 8 patches`: the size of each patch
        found = Found(m.span("value"), noun, m.group("value"), "", snake(noun), numbers, meaning)
        out.append(found)
    return out


_COLLECTION = re.compile(
    r"\b(?P<noun>population|ensemble|swarm|colony|pool|archive|committee|reservoir)\s+"
    rf"(?:size\s+)?of\s+(?P<value>{NUMBER})(?![\w.]\d|\s?%)"
)


def collections(sentence: str) -> list[Found]:
    """`a population of 1000 vectors`: the size of a collection an algorithm keeps."""
    out = []
    for m in _COLLECTION.finditer(sentence):
        if not setup_clause(sentence, m.start()):
            continue
        name = f"{m.group('noun').lower()} size"
        out.append(Found(m.span("value"), name, m.group("value"), "", snake(name)))
    return out


_LARGE = r"(?:\d+(?:\.\d+)?|" + "|".join(WORDS) + r")\s+(?:million|thousand|billion)"
_COUNT = rf"(?P<value>{_LARGE}|{NUMBER})"
_SIMULATED = re.compile(
    r"\b(?P<verb>simulated|generated|sampled|drew|drawn|(?:run|ran)\s+for)\s+"
    r"(?:a\s+total\s+of\s+)?"
    + _COUNT
    + r"\s+(?:random\s+|independent\s+)?(?P<sym>[A-Z][A-Za-z]{0,3})\b(?!\s*\()"
)
_SIMULATED_AFTER = re.compile(
    rf"(?:^|[.;:]\s+){_COUNT}\s+(?:random\s+|independent\s+)?(?P<sym>[A-Z][A-Za-z]{{0,3}})\s+"
    r"(?:were|was)\s+(?P<verb>simulated|generated|sampled|drawn)\b",
    re.IGNORECASE,
)
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def count_number(text: str) -> float | None:
    """`one million` → 1e6, `1.5 thousand` → 1500, `100000` → 1e5."""
    m = re.fullmatch(r"(\S+)\s+(million|thousand|billion)", text.strip(), re.IGNORECASE)
    if m:
        base = parse_number(m.group(1))
        return None if base is None else base * _SCALE[m.group(2).lower()]
    return parse_number(text)


def simulated(sentence: str) -> list[tuple[Found, float]]:
    """`I simulated 100000 M`, `One million M were simulated for each S`: how many random
    instances of a symbol's object a study draws (with the count as a number)."""
    out = []
    for m in [*_SIMULATED.finditer(sentence), *_SIMULATED_AFTER.finditer(sentence)]:
        number = count_number(m.group("value"))
        if number is None or reports_a_result(clause_before(sentence, m.start())):
            continue
        name = f"{m.group('verb').lower()} {m.group('sym')}"
        found = Found(m.span("value"), name, m.group("value"), "", f"n_{snake(m.group('sym'))}")
        out.append((found, number))
    return out


# plural nouns that are units or comparisons, never a count of things set up
NOT_COUNTED = set(
    words(
        """
times seconds minutes hours days weeks months years degrees meters metres percent others
ones orders cases bits bytes parts levels ways kinds types sorts values settings results
configurations variants papers studies works authors references sections figures tables
params parameters weights dollars euros cents pounds
corresponds represents denotes indicates means refers shows gives yields requires takes makes
uses contains remains appears seems becomes follows holds includes lies equals exceeds varies
"""
    )
)


def counted(sentence: str, m: re.Match[str]) -> bool:
    """True when `<number> <plural noun>` outside the counting vocabulary counts what a
    method set up (`we performed 4096 independent simulations`, `on a total of 4 server
    processes`), not what it found or where (`3 errors remain`, `in 12 countries`)."""
    noun, adj = m.group("noun"), m.group("adj").split()
    if noun in NOT_COUNTED or any(a.lower() in NOT_COUNTED for a in adj):
        return False
    value = m.group("value")
    if m.group("hyphen") == "-" or value.lower() in WORDS or re.search(r"[kKMB]$|^0\d", value):
        return False  # `3B models`: a size; `10, 000 words`: a number cut at its separator
    before = sentence[: m.start()]
    last = before.split()[-1].lower() if before.split() else ""
    good = VALUE_FIRST_GOOD_BEFORE.search(before) or SETUP_RE.fullmatch(last)
    clause = clause_before(sentence, m.start())
    if reports_a_result(sentence) or names_a_result(clause) or "%" in sentence:
        return False  # `100% accuracy on 1,852 tests`, `on 416 cells—100% on …`
    return bool(good) and setup_clause(sentence, m.start())


def described(sentence: str) -> list[Found]:
    """Every setting of the forms above (and of Russian prose) in one sentence."""
    return [
        *russian(sentence),
        *ratios(sentence),
        *tried_values(sentence),
        *durations(sentence),
        *lengths(sentence),
        *intervals(sentence),
        *repeats(sentence),
        *discarded(sentence),
        *attributive(sentence),
        *grids(sentence),
        *collections(sentence),
    ]
