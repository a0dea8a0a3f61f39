"""The values a study tries for one quantity, all in one statement:

- a set: `S = {24, 48, 72}`; a run of values `m = {2, 3, ..., 11, 12}` (its first and last);
- an announced list: `we test 3 L configurations: 0%, …, 10% … and 20%` (kept only when it
  has as many values as it announces);
- a counted list in brackets: `4 embedding sizes (12, 25, 50, 100)`, `2 values for C (1.0,
  1000.0)` (kept only when it has as many values as it announces);
- a ratio: `in a 7:3 ratio`, `split 80:20`, `split 70/30` (slashed parts make a whole),
  `в соотношении 7:3`."""

from __future__ import annotations

import re

from arakit.compiler.settings.glossary import SYMBOL
from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake, words
from arakit.compiler.settings.numbers import NUMBER, WORDS, parse_number
from arakit.compiler.settings.method import setup_clause
from arakit.compiler.settings.patterns import clause_before, reports_a_result
from arakit.compiler.settings.russian import CYRILLIC, name_before


_SET = re.compile(rf"(?P<name>{SYMBOL})\s*(?:=|∈)\s*\{{\s*(?P<items>[^{{}}]{{1,160}}?)\s*\}}")
_ELLIPSIS = re.compile(r"\.\s?\.\s?\.|…|·\s?·\s?·|\.\.\.")


def value_set(sentence: str) -> list[tuple[Found, str]]:
    """`S = {24, 48, 72}`: every value; `m = {2, 3, ..., 11, 12}`: a run of values, its
    first and last (with the symbol, for the caller to name)."""
    out = []
    for m in _SET.finditer(sentence):
        items = [i.strip() for i in m.group("items").split(",") if i.strip()]
        run = [i for i in items if not _ELLIPSIS.fullmatch(i)]
        if len(run) < 2 or len(items) - len(run) > 1:
            continue
        numbers = [parse_number(i) for i in run]
        if any(n is None for n in numbers):
            continue  # `{gini, entropy}`: a choice of names, not of numbers
        values = tuple(n for n in numbers if n is not None)
        if m.group("name")[-1].isdigit() and all(v.is_integer() for v in values):
            continue  # `C2 = {1, 2, 4}`: one of several index sets of a derivation
        if sorted(values) in ([0.0, 1.0], [-1.0, 1.0]):
            continue  # `s = {0, 1}`, `y ∈ {−1, 1}`: a binary domain, not values tried
        if reports_a_result(sentence):
            continue  # `At α ∈ {2, 4}: all estimates achieve …`: where a result holds
        if len(run) < len(items):
            values = (values[0], values[-1])
        text = sentence[m.end("name") : m.end()].lstrip(" =∈")
        out.append((Found(m.span(), m.group("name"), text, "", "", values), m.group("name")))
    return out


_COUNTED_LIST = re.compile(
    rf"(?<![\w.,])(?P<count>\d+|(?i:{'|'.join(WORDS)}))\s+"
    r"(?P<name>(?:[A-Za-z][\w\-]*\s+){0,3}?(?:values?\s+(?:for|of)\s+[^\s(]{1,12}(?:\s[a-z]+)?|"
    # the head names a quantity, not items counted (`3 runs (0.91, 0.92, 0.93)` are outcomes)
    r"(?:sizes|rates|lengths|dimensions|widths|depths|ratios|thresholds|weights|temperatures|"
    r"budgets|scales|factors|coefficients|probabilities)))\s*\((?P<items>[^()]{1,80})\)"
)


def counted_lists(sentence: str) -> list[Found]:
    """`4 embedding sizes (12, 25, 50, 100)`: the values tried for one quantity, announced
    by their count (a list of names, `2 models (CBOW, Skip-gram)`, is no number)."""
    out = []
    for m in _COUNTED_LIST.finditer(sentence):
        items = [i for i in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group("items")) if i]
        numbers = [parse_number(i) for i in items]
        count = parse_number(m.group("count"))
        if count is None or len(items) != int(count) or len(items) < 2:
            continue
        if any(n is None for n in numbers) or reports_a_result(clause_before(sentence, m.start())):
            continue
        name = re.sub(r"^values?\s+(?:for|of)\s+", "", m.group("name"))
        values = tuple(n for n in numbers if n is not None)
        out.append(Found(m.span(), name, m.group("items"), "", snake(name), values))
    return out


_CONFIGS = re.compile(
    rf"(?<![\w.])(?P<count>\d+|(?i:{'|'.join(WORDS)}))\s+(?P<name>[^\s:,;]{{1,12}}(?:\s+[a-z]+)?)"
    r"\s+(?:configurations?|values?|settings?|levels?|variants?|cases?)\s*:\s*(?P<rest>.+)$"
)
_ITEM = re.compile(rf"^(?:and\s+)?(?:(?P<value>{NUMBER})\s?(?P<unit>%)?|infinite|infinity|∞|none)$")


def tried_values(sentence: str) -> list[Found]:
    """`We test 3 L configurations: 0%, to represent …, 10% … and 20% …`: the values a
    study tries for one quantity, kept when the list has as many values as it announces."""
    out = []
    for m in _CONFIGS.finditer(sentence):
        if not setup_clause(sentence, m.start()):
            continue
        count = parse_number(m.group("count"))
        pieces = re.split(r"\s*[,;]\s*|\s+and\s+", m.group("rest"))
        items = []
        for piece in pieces:
            first = re.match(rf"(?:and\s+)?(?:{NUMBER}\s?%?|infinite|infinity|∞|none)", piece)
            if not first:
                continue
            item = _ITEM.match(first.group())
            if item:
                items.append(item)
        if count is None or len(items) != int(count):
            continue
        numbers = [parse_number(i.group("value")) for i in items if i.group("value")]
        units = {i.group("unit") or "" for i in items if i.group("value")}
        values = tuple(n for n in numbers if n is not None)
        if not values:
            continue
        text = ", ".join(i.group().removeprefix("and ").strip() for i in items)
        unit = units.pop() if len(units) == 1 else ""
        name = m.group("name")
        out.append(Found(m.span("rest"), name, text, unit, "", values))
    return out


# two parts or more: `7:3`, `7:1:2` (train, validation and test)
_PARTS = r"\d+(?:\.\d+)?(?:\s?:\s?\d+(?:\.\d+)?)+"
# a split printed with slashes, `split 70/30`, `an 80/10/10 split` (its parts make a whole)
_SLASHED = r"\d+(?:\.\d+)?(?:/\d+(?:\.\d+)?)+(?![\d/])"
_RATIO = re.compile(
    rf"(?P<word>\b(?:ratio|split|соотношении|пропорции|proporción|relación)\b)\s+(?:of\s+|de\s+)?(?P<parts>{_PARTS})"
    rf"|(?<![\d.:])(?P<parts2>{_PARTS})\s+(?P<word2>ratio|split)\b"
    rf"|(?P<word3>\bsplit)\s+(?:of\s+)?(?P<parts3>{_SLASHED})|(?<![\d./])(?P<parts4>{_SLASHED})\s+(?P<word4>split)\b",
    re.IGNORECASE,
)


def ratios(sentence: str) -> list[Found]:
    """`в соотношении 7:3`, `in a 7:3 ratio`, `split 80:20`: both parts of a ratio."""
    out = []
    for m in _RATIO.finditer(sentence):
        at = m.start("parts3") if m.group("parts3") else m.start()  # `split` is the verb
        if not CYRILLIC.search(sentence) and not setup_clause(sentence, at):
            continue  # `The 100:1 ratio was found sufficient`: said of a choice, not made
        group = next(g for g in ("parts", "parts2", "parts3", "parts4") if m.group(g))
        word = next(m.group(w) for w in ("word", "word2", "word3", "word4") if m.group(w))
        lead = name_before(sentence[: m.start()], 5)
        named = m.group("word") or m.group("word3")
        name = f"{lead} {word}".strip() if named else f"{lead} ratio".strip()
        start, end = m.span(group)
        value = sentence[start:end]
        parts = tuple(float(p) for p in re.split(r"\s?[:/]\s?", value))
        if "/" in value and round(sum(parts), 6) not in (1.0, 100.0):
            continue  # `split 1/3`: a fraction, not the parts of a whole
        out.append(Found((start, end), name, value, "", snake(word), parts))
    return out


# a citation in brackets: `(Hochreiter and Schmidhuber, 1997)`, `(Smith et al. 2020a)`
_CITATION = re.compile(r"\([^()]*\b(?:1[89]|20)\d\d[a-z]?\)")
# a method's name just before its values: `Long Short Term Memory (LSTM) with`, `U.S.E. +`,
# `3-layer Neural Networks (`: capitalised words, an acronym in brackets, then at most a
# preposition or an opening bracket
_OWNER = re.compile(
    r"(?P<words>(?:[A-Z][\w.\-+]*\s+){0,3}[A-Z][\w.\-+]*)\s*(?:\((?P<acronym>[A-Z][\w.\-+]*)\)\s*)?"
    r"(?:with|of|has|have|uses?|using|\+|\(|:)?\s*$"
)


def list_owner(before: str) -> str:
    """The method a list of values belongs to, from the words just before it (`LSTM` in
    `Long Short Term Memory (LSTM) (Hochreiter, 1997) with 64 and 128 neurons`); empty when
    no capitalised name stands right there (a sentence's first word is never one)."""
    text = re.sub(r"\s+", " ", _CITATION.sub(" ", before)).rstrip()
    m = _OWNER.search(text)
    if not m or not m.group("words").strip() or not text[: m.start()].strip():
        return ""
    return m.group("acronym") or m.group("words").strip()


_LAYERS = re.compile(
    r"\b(?P<n>\d+|" + "|".join(WORDS) + r")[\s-]+(?P<adj>(?:dense|hidden|fully[\s-]connected)\s+)?"
    r"layers?\b(?P<of>\s+(?:of|with)\s*$)?",
    re.IGNORECASE,
)


def sizes_per_layer(before: str, count: int, noun: str) -> re.Match[str] | None:
    """The declaration of a network's layers when a list gives one size per layer: `3-layer
    Neural Networks (512, 256 and 128 layers`, `2 dense layers of 128 and 64 neurons` (as
    many sizes as layers); None for a sweep over depths (`2, 4 and 8 layers`)."""
    for m in reversed(list(_LAYERS.finditer(before))):
        if not noun.startswith("layer") and not m.group("of"):
            continue  # `with 3 dense layers, LSTM with 64 and 128 neurons`: another model's
        n = m.group("n")
        if (int(n) if n.isdigit() else WORDS.get(n.lower())) == count:
            return m
        return None
    return None


# one item of a configuration list: `(rollout batch 8, oversample 8), difficulty range …`
_CONFIG_ITEM = re.compile(
    rf"(?P<sep>[(,;])\s*(?:and\s+)?(?P<name>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){{0,2}})\s+"
    rf"(?P<value>{NUMBER})(?=\s*(?:[,;)]|and\s))"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_NOT_NAME = frozenset(
    words(
        """
a an and as at by for from in is of on or the to was were with than over under up per
about around approximately nearly roughly only all each every
line lines page pages section sections chapter chapters figure figures table tables
equation equations item items row rows column columns
"""
    )
)


def configuration_items(sentence: str, taken: list[tuple[int, int]]) -> list[Found]:
    """`name value` items of a list whose neighbours were read as settings (`rollout batch
    8, oversample 8, difficulty range [0, 16], temperature T=0.25`): in a list that states
    settings, an item of the same shape states one too. An item with no read neighbour
    within the list is left alone (`(Smith, 2019)`, `in 3 of 10 runs, 5 failed`), and so
    is a pointer into the paper (`two inner products (lines 14 and 17)`)."""
    out = []
    for m in _CONFIG_ITEM.finditer(sentence):
        words_ = m.group("name").split()
        if any(w in _NOT_NAME for w in words_) or _YEAR.fullmatch(m.group("value")):
            continue
        if reports_a_result(clause_before(sentence, m.start("value"))):
            continue
        a, b = m.start(), m.end()
        near = [
            (x, y)
            for x, y in taken
            if (0 <= x - b <= 40 or 0 <= a - y <= 40)
            and not re.search(r"[.:]\s", sentence[min(b, y) : max(a, x)])
        ]
        if not near:
            continue
        out.append(Found(m.span("value"), m.group("name"), m.group("value"), "", ""))
    return out


# `we evaluate ... at steps 0, 9, 19, 29`: the points of training where something is done
_AT_POINTS = re.compile(
    r"\bat\s+(?:training\s+)?(?P<noun>steps|epochs|iterations|updates)\s+"
    rf"(?P<values>{NUMBER}(?:\s*,\s*{NUMBER})+(?:\s*,?\s*and\s+{NUMBER})?)(?![\w.]\d)"
)
_DONE_AT = re.compile(
    r"\b(?P<verb>evaluat|test|validat|sav|checkpoint|log|measur|record)\w*", re.IGNORECASE
)


def at_points(sentence: str) -> list[Found]:
    """The steps (epochs, iterations) a method evaluates, saves or logs at, named by what
    is done there; none where the clause says nothing is done (`loss at steps 1, 2`)."""
    out = []
    for m in _AT_POINTS.finditer(sentence):
        clause = clause_before(sentence, m.start())
        verb = list(_DONE_AT.finditer(clause))
        if not verb or reports_a_result(clause):
            continue
        numbers = tuple(
            n for v in re.findall(NUMBER, m.group("values")) if (n := parse_number(v)) is not None
        )
        act = verb[-1].group("verb").lower()
        kind = {"evaluat": "eval", "test": "eval", "validat": "eval", "sav": "save"}.get(act, act)
        name = f"{verb[-1].group(0)} at {m.group('noun')}"
        out.append(
            Found(
                m.span("values"), name, m.group("values"), "", f"{kind}_{m.group('noun')}", numbers
            )
        )
    return out
