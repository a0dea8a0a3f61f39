"""Does a code definition state the same setting as the paper, and the same value?

Names: the shared vocabulary (`lr` and `learning rate λ` are both `learning_rate`), the
paper's symbol written in the code (`R` and `R_val`), the comment beside the value
(`seq_len = 64  # subsequence length m`), or enough shared words (`seq_est_len` and
`estimation seq. length`). Values: numbers in any notation, lists and ranges as sets,
and the paper's unit scaled to SI (`0.5 µs` is `5e-7`, `20%` may be `0.2`)."""

from __future__ import annotations

import re
from collections.abc import Set
from functools import lru_cache

from arakit.compiler.reconcile.roles import counts_alike, names_part, role_of
from arakit.compiler.reconcile.sentinels import rounded_to_unit, seed_values, sentinel_default
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.searched import search_bounds
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import CACHED, code_key, phrase_key, snake, transliterate
from arakit.compiler.settings.numbers import MANTISSA, parse_number, same_number, si

STRONG = 0.8  # a name this close says the code defines the paper's setting
WEAK = 0.45  # close enough when the values agree too
_SUFFIXES = ("_val", "_value", "_def", "_default", "_param", "_cfg", "_init")
_CODE_NUMBER_RE = re.compile(rf"[-+]?(?:{MANTISSA}(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)")
_ABBREV = {
    "lr": "learning rate",
    "est": "estimation",
    "seq": "sequence",
    "len": "length",
    "num": "number",
    "n": "number",
    "bs": "batch size",
    "wd": "weight decay",
    "iter": "iterations",
    "iters": "iterations",
    "itr": "iterations",
    "feat": "features",
    "dim": "dimension",
    "hid": "hidden",
    "std": "standard deviation",
    "init": "initial",
    "max": "maximum",
    "min": "minimum",
    "eps": "epsilon",
    "freq": "frequency",
    "ts": "sampling time",
    "dt": "time step",
    "sim": "simulation",
    "reg": "regularization",
    "op": "opcode operation",
    "nb": "number",
}
# a prefix run into the word it qualifies in a C macro or a short name (`NCORES`, `OPLEN`,
# `MAXITER`): split off when the rest is a word or an abbreviation of one
_JOINED = re.compile(r"^(n|nb|num|max|min|op)([a-z]{3,})$")
_STOP = {"the", "of", "a", "an", "and", "in", "for", "to", "with", "is", "on", "by", "per"}


@lru_cache(maxsize=CACHED)
def _tokens(text: str) -> frozenset[str]:
    out: set[str] = set()
    for w in re.findall(r"[a-z]+", transliterate(text).lower().replace("_", " ")):
        if w in _STOP:
            continue
        out.add(w)
        out.update(_ABBREV.get(w, "").split())
    return frozenset(out)


@lru_cache(maxsize=CACHED)
def _unjoined(words: frozenset[str]) -> frozenset[str]:
    """The words with a run-in prefix split off (`ncores`: n, cores; `oplen`: op, len)."""
    out = set(words)
    for w in words:
        m = _JOINED.match(w)
        if m and (m.group(2) in _ABBREV or len(m.group(2)) >= 4):
            out |= {m.group(1), m.group(2)}
            out.update((_ABBREV.get(m.group(1), "") + " " + _ABBREV.get(m.group(2), "")).split())
    return frozenset(out)


@lru_cache(maxsize=CACHED)
def _words(name: str) -> frozenset[str]:
    """The words of an identifier as written (`est_hidden_size`: est, hidden, size)."""
    return frozenset(
        w
        for w in re.findall(r"[a-z]+", transliterate(name).lower().replace("_", " "))
        if w not in _STOP
    )


@lru_cache(maxsize=CACHED)
def _strip_suffix(name: str) -> str:
    low = name.lower()
    for s in _SUFFIXES:
        if low.endswith(s) and len(low) > len(s):
            return name[: -len(s)]
    return name


def _symbolic(token: str) -> bool:
    """`m`, `λ`, `Ts,min`, `L0`, `qy11`: not a plain lower-case English word."""
    return len(token) <= 2 or not (token.isalpha() and token.isascii() and token.islower())


def _symbol_of(setting: PaperSetting) -> str:
    """The bare symbol of a printed name: `λ` in `learning rate λ`, `Ts,min`, `q`."""
    last = setting.name.split()[-1] if setting.name.split() else ""
    return last if len(last) <= 8 else ""


# the scores already computed, by the fields a score reads: a compile scores every setting
# against every parameter again at each stage (scoping, alignment, verdicts), and a large
# repository's (behemoth: 1.2 million calls) are mostly the same pairs of names
_SCORES: dict[tuple[str, ...], float] = {}


def name_score(setting: PaperSetting, param: CodeParam) -> float:
    """How surely a code name denotes the paper's setting, from 0 (unrelated) to 1."""
    key = (
        setting.key,
        setting.name,
        setting.meaning,
        setting.unit,
        setting.value,
        setting.where.sentence,
        param.name,
        param.file,
        param.help,
        param.context,
        param.owner,
        param.kind,
        param.value,
    )
    score = _SCORES.get(key)
    if score is None:
        if len(_SCORES) >= 4 * CACHED:
            _SCORES.clear()
        score = _SCORES[key] = _name_score(setting, param)
    return score


def _name_score(setting: PaperSetting, param: CodeParam) -> float:
    """name_score, computed: it reads only the fields of its memo's key."""
    bare = _strip_suffix(param.bare)
    key = param.key
    if not counts_alike(setting, param):
        return 0.0  # `epoch % 5` is no interval in steps
    if setting.key == key and (len(key) > 2 or setting.key == snake(bare)):
        return 1.0
    counted = _uncounted(bare.lower())
    if counted != bare.lower() and counted == setting.key and len(counted) > 3:
        return 0.9  # `ncores`, `num_cores`: the count the paper states as `4 cores`
    if _conventional(setting.key, param):
        return 0.85  # `svmC = 1.0` for `a regularization strength of 1.0`
    sym = _symbol_of(setting)
    if sym and not _symbolic(sym):
        sym = ""  # `interval` is a word, not a symbol the code's comment could cite
    help_words = _help_words(param.help)
    if sym and sym in help_words:
        return 0.9  # `seq_len = 64  # subsequence length m`
    flat = bare.replace("_", "").lower()
    if sym and (bare == sym or (len(sym) > 1 and flat == snake(sym).replace("_", ""))):
        return 0.85  # `R_val` for R, `Ts` for Ts, `n_x` for nx
    if (
        param.help.startswith("--")
        and code_key(param.help.split()[0]) == setting.key
        and len(setting.key) > 2
    ):
        return 0.9  # `N_SAMPLES` passed as `--n-samples-per-prompt`
    # a short comment that names the value (`# learning rate`), not one that mentions words
    short = param.help and len(param.help.split()) <= 4 and not param.help.startswith("--")
    help_key = phrase_key(param.help) if short else None
    if help_key and help_key == setting.key and len(setting.key) > 2:
        return 0.85  # `lr = 1e-3  # learning rate` for `λ`, read through the vocabulary
    if setting.meaning and (phrase_key(setting.meaning) or "") == key:
        return 0.85
    if _starts_schedule_of(param, setting.key):
        return 0.85  # `[training.optimizer.learn_rate] initial_rate = 5e-5`: the rate's start
    role = role_of(setting)
    if role is not None and role.key == key and names_part(role, param):
        return 0.85  # `lr` for "learning rate for the encoder", set in the encoder's optimiser
    a = _tokens(f"{setting.name} {setting.meaning}") or _tokens(setting.key)
    b = _unjoined(_tokens(f"{param.bare} {param.help}"))
    if not a or not b:
        return 0.0
    names_a, names_b = _words(setting.key), _words(bare)
    if len(names_a) >= 2 and _covers(names_a, names_b) and _covers(names_b, names_a):
        return 0.85  # `estimator_hidden_size` and `est_hidden_size`: the same words
    full_a, full_b = _spelled(names_a), _spelled(names_b)
    if len(full_a) >= 2 and _covers(full_a, full_b) and _covers(full_b, full_a):
        return 0.85  # `std` and `standard deviation`: the abbreviation written out
    if _pieces_cover(_sized(names_a, setting.unit), bare):
        return 0.85  # `OPLEN` and `opcode bits`: op(code) len(gth), a width in bits
    bounds = ({_bound(setting)} | full_a) & {"maximum", "minimum"}
    if len(full_b) >= 2 and bounds & full_b and _counted(full_b, full_a | bounds):
        return STRONG  # `max_n` and `a maximum of 500,000 samples`
    shared = _shared(a, b)
    return 0.7 * min(1.0, shared / min(len(a), len(b))) if shared else 0.0


@lru_cache(maxsize=CACHED)
def _shared(a: frozenset[str], b: frozenset[str]) -> int:
    """How many words of `a` one of `b` equals or abbreviates."""
    return sum(any(_same_word(x, y) for y in b) for x in a)


# a name's words in any spelling: `svmTol` svm, Tol; `svm_C` svm, C
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@lru_cache(maxsize=CACHED)
def _uncounted(name: str) -> str:
    """`ncores`, `num_cores` without the count prefix: `cores`."""
    return re.sub(r"^(?:n|nb|num|number_of)_?(?=[a-z]{3,})", "", name)


@lru_cache(maxsize=CACHED)
def _help_words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W\d_][\w,]*", text))


@lru_cache(maxsize=CACHED)
def _camel_words(name: str) -> tuple[str, ...]:
    return tuple(_CAMEL.findall(name))


# estimators whose `C` is their regularisation (scikit-learn's SVMs and linear models)
_C_OWNERS = re.compile(r"svm|svc|svr|logistic|logreg|liblinear", re.IGNORECASE)


def _conventional(key: str, param: CodeParam) -> bool:
    """A code name that is a library's conventional argument for the paper's setting, as
    the name's last word: `tol` (any solver's stopping tolerance) for a tolerance, and an
    SVM's or logistic regression's `C` for its regularisation strength (`svmC`, or `C=`
    passed to `LinearSVC(...)`); only with a number for a value."""
    words = _camel_words(param.bare)
    if not words or not code_numbers(param.value):
        return False
    last = words[-1]
    if last.lower() == "tol":
        return key.endswith("tolerance")
    if last == "C" and re.search(r"regulari[sz]ation", key):
        return bool(_C_OWNERS.search(f"{param.bare} {param.context} {param.file}"))
    return False


# the first value of a schedule a config section defines for one setting
_START_NAMES = ("initial_rate", "initial_value", "initial", "init_value", "start_value", "base_lr")


def _starts_schedule_of(param: CodeParam, key: str) -> bool:
    """True for the start value of a schedule of the setting `key`: `initial_rate` in the
    section `training.optimizer.learn_rate` for `learning_rate` (a config section named
    for the setting, whose value is a schedule)."""
    if param.bare.lower() not in _START_NAMES or "." not in param.name:
        return False
    section = param.name.rsplit(".", 2)[-2]
    a, b = _spelled(_words(section)), _spelled(_words(key))
    return code_key(section) == key or (bool(a) and _covers(a, b) and _covers(b, a))


def _sized(words: Set[str], unit: str) -> Set[str]:
    """A width in bits or bytes is a length: `opcode_bits` reads as opcode, length."""
    if unit.lower() in ("bits", "bytes", "bit", "byte"):
        return (words - {"bits", "bytes", "bit", "byte"}) | {"length"}
    return words


def _pieces_cover(paper: Set[str], bare: str) -> bool:
    """A run-together code name whose pieces, written out, are the paper's words one to
    one (`OPLEN`: op, len; `opcode`, `length`)."""
    m = _JOINED.match(bare.lower())
    if m is None or len(paper) != 2:
        return False
    pieces = [m.group(1), m.group(2)]
    spelled = [{p, *_ABBREV.get(p, "").split()} for p in pieces]
    return all(any(w in sp for sp in spelled) for w in paper) and all(sp & paper for sp in spelled)


def _counted(code: Set[str], paper: Set[str]) -> bool:
    """Every code word is a paper word, or a count (`n`, `num`: number) of a plural noun
    the paper names (`max_n` and `maximum samples`)."""
    plural = any(w.endswith("s") and len(w) > 3 for w in paper)
    return all(
        any(_same_word(x, y) for y in paper) or (x in ("number", "count") and plural) for x in code
    )


@lru_cache(maxsize=CACHED)
def _spelled(words: frozenset[str]) -> frozenset[str]:
    """The words with each abbreviation written out (`std`: standard, deviation)."""
    out: set[str] = set()
    for w in words:
        out.update((_ABBREV.get(w) or w).split())
    return frozenset(out)


_BOUND_RE = r"\b(maximum|minimum|max\.?|min\.?|at most|at least|up to)\s+(?:number\s+)?(?:of\s+)?"


def _bound(setting: PaperSetting) -> str:
    """`maximum` when the sentence bounds the value (`a maximum of 500,000 samples`, `up to
    500 steps`), `minimum` for `at least`; "" otherwise."""
    return _bound_in(setting.value, setting.where.sentence)


@lru_cache(maxsize=CACHED)
def _bound_in(value: str, sentence: str) -> str:
    if not value:
        return ""
    m = re.search(_BOUND_RE + re.escape(value), sentence, re.IGNORECASE)
    if m is None:
        return ""
    word = m.group(1).lower()
    return "minimum" if word.startswith(("min", "at least")) else "maximum"


def _same_word(x: str, y: str) -> bool:
    """Equal, or one abbreviates the other (`est` and `estimator`, `seq` and `sequence`)."""
    return x == y or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))


@lru_cache(maxsize=CACHED)
def _covers(a: frozenset[str], b: frozenset[str]) -> bool:
    return all(any(_same_word(x, y) for y in b) for x in a)


@lru_cache(maxsize=CACHED)
def code_numbers(value: str) -> tuple[float, ...]:
    """The numbers a code value states: one for a scalar (`1e-3`, `10e1`, `50e-3`), every
    element of a list, tuple or array (`[32, 128]`, `(1e-16, 1)`, `np.array([10])`)."""
    text = value.strip().strip("'\"")
    text = re.sub(r"(?<=\d)_(?=\d)", "", text)  # digit separators: `12_000`, `1_000_000`
    text = _UNITS_TAIL.sub("", text)  # `0.5 * u.km / u.s`: the number, in the unit written
    # a C literal's type suffix (0.5f, 100UL), a Fortran kind (1.5_dp) and its D exponent
    literal = re.fullmatch(r"([-+]?[\d.]+(?:[eEdD][-+]?\d+)?)(?:[fFlLuU]{1,3}|_\w+)?", text)
    if literal:
        text = re.sub(r"(?<=\d)[dD](?=[-+]?\d)", "e", literal.group(1))
    single = parse_number(text)
    if single is not None:
        return (single,)
    levels = _range_levels(text)
    if levels:
        return levels
    if re.search(r"[\[(]", text) and not re.search(r"[A-Za-z_]\w*\s*[+*/]|range\(", text):
        # numbers of the list itself: not digits inside its strings or names ("FC5", conv1)
        bare = re.sub(r"'[^']*'|\"[^\"]*\"", " ", text)
        nums = [
            parse_number(m.group())
            for m in _CODE_NUMBER_RE.finditer(bare)
            if not re.match(r"[\w.]", bare[m.start() - 1 : m.start()])
        ]
        return tuple(n for n in nums if n is not None)
    return ()


# an astropy-style unit after a number or list (`* u.kpc`, `*u.km/u.s`, `* u.m**2`)
_UNITS_TAIL = re.compile(
    r"\s*\*\s*(?:u|units|unit)\.\w+(?:\s*(?:\*\*\s*\d+|[*/]\s*(?:u|units|unit)\.\w+))*\s*$"
)
_RANGE = re.compile(r"^range\(\s*(-?\d+)\s*(?:,\s*(-?\d+)\s*)?(?:,\s*(-?\d+)\s*)?\)$")
MAX_LEVELS = 1000


def _range_levels(text: str) -> tuple[float, ...]:
    """The levels of a literal `range(2, 9, 2)` (2, 4, 6, 8); () for anything else or a
    range too long to be a sweep."""
    m = _RANGE.match(text)
    if m is None:
        return ()
    first, second, third = m.groups()
    start, stop = (0, int(first)) if second is None else (int(first), int(second))
    step = int(third) if third is not None else 1
    if step == 0 or not 0 < (stop - start) / step <= MAX_LEVELS:
        return ()
    return tuple(float(x) for x in range(start, stop, step))


def paper_variants(setting: PaperSetting) -> list[tuple[float, ...]]:
    """The paper's numbers as printed, in SI units, and a percentage as a fraction."""
    base = setting.values
    if not base:
        return []
    out = [base]
    if setting.unit:
        scaled = tuple(si(v, setting.unit) for v in base)
        if all(s is not None for s in scaled):
            out.append(tuple(s for s in scaled if s is not None))
    return out


def compare_numbers(paper: tuple[float, ...], code: tuple[float, ...]) -> str:
    """`same`, `different` or `unknown` for two sets of numbers: scalars compare as numbers
    (`[1e-3]` states the scalar 1e-3); a paper scalar that is one level of a code sweep is
    the same; lists compare as sets; a range or list against a scalar cannot be compared."""
    if not paper or not code:
        return "unknown"
    levels = set(code)
    if len(paper) == 1:
        if len(levels) == 1:
            return "same" if same_number(paper[0], code[0]) else "different"
        return "same" if any(same_number(paper[0], c) for c in levels) else "unknown"
    if len(levels) == 1:
        return "unknown"
    equal = len(set(paper)) == len(levels) and all(
        any(same_number(p, c) for c in levels) for p in paper
    )
    return "same" if equal else "different"


def _within(setting: PaperSetting, bounds: tuple[float, float]) -> str:
    """`same` when the paper's one value lies in the searched range (the search's pick),
    `different` when it lies outside, `unknown` for several values."""
    lo, hi = bounds
    variants = [v for v in paper_variants(setting) if len(v) == 1]
    if not variants:
        return "unknown"
    inside = any(
        lo <= v[0] <= hi or same_number(v[0], lo) or same_number(v[0], hi) for v in variants
    )
    return "same" if inside else "different"


def value_relation(setting: PaperSetting, param: CodeParam) -> str:
    """`same`, `different`, or `unknown` (the code value is not a number to compare). A
    value drawn by a hyperparameter search is the same when the paper's lies in its range."""
    if param.kind == "loop":
        return _loop_relation(setting, param.value)
    bounds = search_bounds(param.value)
    if bounds is not None:
        return _within(setting, bounds)
    code = code_numbers(param.value)
    seeded = seed_values(setting, param, code)
    if seeded is not None:
        return seeded
    if sentinel_default(setting, param, code):
        return "unknown"
    if not code:
        if setting.values:
            return "unknown"
        a, b = setting.value.strip().lower(), param.value.strip().strip("'\"").lower()
        return "same" if a == b else "unknown"
    results = {compare_numbers(v, code) for v in paper_variants(setting)}
    if "same" in results or _rounded(setting, code):
        return "same"
    return "different" if "different" in results else "unknown"


def _loop_relation(setting: PaperSetting, value: str) -> str:
    """A counting loop (`range(1, 1000)`) against a count: the same when the paper's number
    is how many times it runs (999) or its bound (1000, the count a `range(1, N)` is
    usually written for); different otherwise."""
    m = _RANGE.match(value.strip())
    if m is None or setting.number is None or len(setting.values) != 1:
        return "unknown"
    first, second = int(m.group(1)), m.group(2)
    start, stop = (0, first) if second is None else (first, int(second))
    return "same" if setting.number in (stop - start, stop) else "different"


_DECIMAL_RE = re.compile(r"^[-−+]?(\d+)\.(\d+)$")


def _rounded(setting: PaperSetting, code: tuple[float, ...]) -> bool:
    """The paper prints the code's value rounded (`l = 76.3°` for 76.32): a decimal of at
    least three significant digits, within half a unit of its last digit. A short value
    (`0.1` against 0.12) is never taken as rounded."""
    if len(code) == 1 and setting.number is not None and rounded_to_unit(setting, code[0]):
        return True
    m = _DECIMAL_RE.match(setting.value.strip())
    if m is None or len(code) != 1 or setting.number is None:
        return False
    digits = (m.group(1) + m.group(2)).lstrip("0")
    if len(digits) < 3:
        return False
    half = 0.5 * 10 ** -len(m.group(2))
    return abs(abs(setting.number) - abs(code[0])) <= half * (1 + 1e-9) and (
        (setting.number < 0) == (code[0] < 0)
    )


def distinctive(setting: PaperSetting) -> bool:
    """A value unusual enough that finding it in code is evidence on its own."""
    vals = setting.values
    if not vals:
        return False
    if len(vals) > 1:
        return True
    v = abs(vals[0])
    return not (v in (0, 1, 2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100) or (v == int(v) and v < 20))
