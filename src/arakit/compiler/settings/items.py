"""Settings papers state in forms the one-name-one-value patterns (prose.py) do not read:

- one quantity with a value per item: `the growth rate is 100 dex−1 for both color
  transitions, .2 EEP−1 for the EEP transition and 20 dex−1 for the age transition`;
  `x = 0.56 and 2.5 for hot and cool stars respectively, y = 454 for subgiants` — one
  setting per item, named by the quantity and its item (`growth rate (age transition)`);
- a prior or a sampling distribution: `ln A/ppm ∼ U(−10, 10)`, `EEP ∼ U(198, 480)`;
- a symmetric window: `windows of ±7 hr`;
- a stopping threshold: `until the change in τ was less than 0.01`.

Each reader returns `Found` spans; prose.py keeps the first reading of each span."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arakit.compiler.settings.names import snake
from arakit.compiler.settings.numbers import NUMBER
from arakit.compiler.settings.patterns import UNIT, names_a_result


@dataclass
class Found:
    """One setting read: where its value stands, its name and value as printed."""

    span: tuple[int, int]
    name: str
    value: str
    unit: str = ""
    key: str = ""
    numbers: tuple[float, ...] = ()
    meaning: str = ""  # what the value is, when the printed name does not say (`patch size`)


# a value, its unit as printed (`dex−1`, `EEP−1`, `Myrs`) and the item it is for
_UNIT_TOKEN = r"(?:[A-Za-zµ°◦∘º%][\w/−\-]{0,9})"
_ITEM_END = rf"(?=\s*(?:,|;|\.(?:\s|$)|$|\s+and\s+(?:[^\s,;]{{1,30}}\s*=\s*)?{NUMBER}))"
_FOR_ONE = re.compile(
    rf"(?<![\w.])(?P<value>{NUMBER})(?:\s?(?P<unit>{_UNIT_TOKEN}))?\s+for\s+"
    r"(?:the\s+)?(?:both\s+|each\s+|all\s+)?(?P<item>[A-Za-z\[][^,;.=]{0,40}?)" + _ITEM_END
)
_FOR_EACH = re.compile(
    rf"(?<![\w.])(?P<values>{NUMBER}(?:\s*,\s*{NUMBER})*\s*,?\s+and\s+{NUMBER})"
    rf"(?:\s?(?P<unit>{_UNIT_TOKEN}))?\s+for\s+(?:the\s+)?(?P<items>[^,;.=]{{1,60}}?)\s*,?\s*"
    r"respectively"
)
# what may stand between two items of one list: a comma, `and`, and a new `name =`
_BETWEEN = re.compile(r"\s*[,;]?\s*(?:and\s+)?(?:(?P<name>[^,;=.]{1,30}?)\s*=\s*)?")
_NAME_BEFORE = re.compile(r"(?P<name>[^,;:=]{1,40}?)\s*=\s*$")
_CUT = re.compile(r",|;|:|\b(?:at|of|for|with|and|is|are|was|were|when|where)\s")
_SUBJECT = re.compile(r"(?P<subject>.+?)\s+(?:is|are|was|were|equals?)\s*$")
# `The batch size is set to 64 for WSJ and 100 for UD`, `We set the size of X to 30 for A
# and 10 for B`: the quantity a setting verb gives a value per item
_SET_SUBJECT = re.compile(
    r"(?:(?P<subject>.+?)\s+(?:is|are|was|were)\s+(?:set|fixed|chosen)\s+(?:to|at|as)"
    r"|\bset\s+(?P<object>.+?)\s+to)\s*$"
)
_DETERMINERS = re.compile(r"^(?:the|a|an|our|its|their|this|these)\s+", re.IGNORECASE)


def _symbol_name(before: str) -> str:
    """`GBP − GRP` in `… reach half their maximum values at GBP − GRP = `."""
    m = _NAME_BEFORE.search(before)
    if not m:
        return ""
    return _CUT.split(m.group("name"))[-1].strip()


def _subject(sentence: str, pos: int) -> str:
    """The quantity a clause is about: `logistic growth rate` in `The logistic growth rate,
    or steepness, of the sigmoid functions is …`."""
    clause = re.split(r"[;:]|\.\s", sentence[:pos])[-1]
    m = _SUBJECT.search(clause)
    if not m:
        set_ = _SET_SUBJECT.search(clause)
        if not set_:
            return ""
        if set_.group("object"):  # `set the size of decomposed parameters to`: all of it
            return _DETERMINERS.sub("", set_.group("object").strip())
        return " ".join(_DETERMINERS.sub("", set_.group("subject").strip()).split()[-4:])
    subject = re.sub(r",\s*or\s+[^,]+,", "", m.group("subject"))  # an apposition
    subject = re.split(r"\s+of\s+", subject)[0].split(",")[-1].strip()
    subject = _DETERMINERS.sub("", subject)
    return " ".join(subject.split()[-4:])


def per_item(sentence: str) -> list[Found]:
    """One setting per item of a list of `value for item` (see the module docstring).
    A single `value for item` is not a list and is left to the other patterns."""
    segments: list[tuple[int, int, list[tuple[str, str, str, int]]]] = []
    for m in _FOR_EACH.finditer(sentence):
        at = m.start("values")
        found = [(v.group(), at + v.start()) for v in re.finditer(NUMBER, m.group("values"))]
        values = [v for v, _ in found]
        items = [i.strip() for i in re.split(r",\s*|\s+and\s+", m.group("items")) if i.strip()]
        if len(items) != len(values):
            continue
        head = items[-1].split()[-1] if len(items[-1].split()) > 1 else ""
        items = [i if len(i.split()) > 1 or not head else f"{i} {head}" for i in items]
        unit = m.group("unit") or ""
        entries = [(v, unit, i, pos) for (v, pos), i in zip(found, items, strict=True)]
        segments.append((m.start(), m.end(), entries))
    for m in _FOR_ONE.finditer(sentence):
        if any(a < m.end() and m.start() < b for a, b, _ in segments):
            continue
        entry = (m.group("value"), m.group("unit") or "", m.group("item").strip(), m.start())
        segments.append((m.start(), m.end(), [entry]))
    segments.sort()
    out: list[Found] = []
    chain: list[tuple[int, int, list[tuple[str, str, str, int]], str]] = []
    # a name a setting verb gives (`the batch size is set to`) keeps the quantity's own key
    # (`batch_size`, shared with the code), not one per item
    set_names: set[str] = set()

    def flush() -> None:
        if sum(len(seg[2]) for seg in chain) >= 2 and all(seg[3] for seg in chain):
            for _start, _end, entries, name in chain:
                for value, unit, item, pos in entries:
                    label = f"{name} ({item})"
                    # the first item keeps the quantity's key (`batch_size`, the value the
                    # code is compared with); the others are conditions of their own
                    first = (value, pos) == (chain[0][2][0][0], chain[0][2][0][3])
                    key = "" if name in set_names and first else snake(label)
                    out.append(Found((pos, pos + len(value)), label, value, unit, key))
        chain.clear()

    for start, end, entries in segments:
        name = _symbol_name(sentence[:start])
        if chain:
            gap = _BETWEEN.fullmatch(sentence[chain[-1][1] : start])
            if gap is None:
                flush()
            elif not name:
                name = chain[-1][3]
        if not chain and not name:
            name = _subject(sentence, start)
            clause = re.split(r"[;:]|\.\s", sentence[:start])[-1]
            if name and not _SUBJECT.search(clause):
                set_names.add(name)
        if name and names_a_result(name):
            name = ""
        chain.append((start, end, entries, name))
    flush()
    return out


_PRIOR = re.compile(
    rf"(?P<dist>[A-Z][A-Za-z]{{0,11}})\s?\(\s*(?P<a>{NUMBER})\s*[,;]\s*(?P<b>{NUMBER})²?\s*\)"
)
_TILDE = re.compile(r"\s*[∼~]\s*$")
# `elements Jij sampled i.i.d. from N(0, 0.4²)`: what is drawn from the distribution
_DRAWN = re.compile(
    r"\s+(?:were\s+|was\s+|are\s+|is\s+)?(?:sampled|drawn)\s+"
    r"(?:i\.\s?i\.\s?d\.?\s+|independently\s+|uniformly\s+|randomly\s+)?from\s*$"
)


def priors(sentence: str) -> list[Found]:
    """`ln A/ppm ∼ U(−10, 10)`: the distribution a parameter is drawn from, named by the
    parameter, with both numbers of the distribution."""
    out = []
    for m in _PRIOR.finditer(sentence):
        before = sentence[: m.start()]
        tilde = _TILDE.search(before) or _DRAWN.search(before)
        if not tilde:
            continue
        name = _math_tail(before[: tilde.start()])
        if not name:
            continue
        from arakit.compiler.settings.numbers import parse_number

        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None:
            continue
        value = sentence[m.start() : m.end()]
        out.append(Found(m.span(), name, value, "", f"prior_{snake(name)}", (a, b)))
    return out


def _math_tail(text: str) -> str:
    """The symbols at the end of a clause: `ln A/ppm` in `… the three parameters ln A/ppm`,
    `t` in `EEP ∼ U(198, 480) (12) t` (a closing bracket or a number ends the name)."""
    text = re.sub(r"\(\d{1,3}\)", " ", text)  # an equation number
    toks = re.split(r"[,;:]|\band\b", text)[-1].split()
    kept: list[str] = []
    for t in reversed(toks):
        if re.fullmatch(r"[a-z]{4,}|[-−]?[\d.]+", t) or (")" in t and "(" not in t):
            break
        kept.append(t)
    kept.reverse()
    if len(kept) > 1 and re.fullmatch(r"\[[^\]]{1,8}\]", kept[0]):
        kept = kept[1:]  # `[Gyr] [Fe/H]`: the unit of the equation before
    return " ".join(kept)


_WINDOW = re.compile(
    rf"(?P<name>[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){{0,2}})\s+of\s+±\s?(?P<value>{NUMBER})"
    rf"\s?(?P<unit>{UNIT})?"
)


def windows(sentence: str) -> list[Found]:
    """`windows of ±7 hr`: a half-width chosen around a centre."""
    out = []
    for m in _WINDOW.finditer(sentence):
        name = _DETERMINERS.sub("", m.group("name").split(" to ")[-1]).strip()
        name = " ".join(w for w in name.split() if w.lower() not in ("to", "the", "a", "an"))
        if not name or names_a_result(name):
            continue
        printed = f"±{m.group('value')}"
        out.append(Found(m.span("value"), name, printed, m.group("unit") or "", snake(name)))
    return out


_THRESHOLD = re.compile(
    r"\b(?:when|until|once|unless|if)\s+(?:either\s+)?(?:[^.;]*?\band\s+)?"
    r"(?P<name>(?:the\s+)?[a-z][\w\-]*(?:\s+(?!was\b|is\b|were\b|are\b)[\w\-]+){0,6}?)\s+"
    r"(?:was|is|were|are|fell|falls|drops?|dropped)\s+"
    rf"(?:less|smaller|lower|below|under)\s*(?:than\s+)?(?P<value>{NUMBER})(?![\w.]\d)"
)


def thresholds(sentence: str) -> list[Found]:
    """`… concluded when the change in τ over 100 samples was less than 0.01`: the threshold
    of a stopping rule (a condition the method checks, not an outcome it reports)."""
    out = []
    for m in _THRESHOLD.finditer(sentence):
        name = _DETERMINERS.sub("", m.group("name"))
        name = re.split(rf"\s+(?:over|after|within|in)\s+{NUMBER}", name)[0].strip()
        if not name or names_a_result(name):
            continue
        out.append(Found(m.span("value"), name, m.group("value"), "", f"{snake(name)}_threshold"))
    return out
