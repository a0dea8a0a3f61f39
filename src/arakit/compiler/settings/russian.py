"""Settings stated in Russian prose, in the forms Russian technical writing uses:

- a dash for `is`: `Размер популяции N – 10` (the population size N is 10);
- `равен` (equal to), with or without a verb of choosing: `η взят равным 3`,
  `вероятность p выбрана равной 0.3`, `F – множитель, равный 0.5`;
- a preposition, a noun and its value: `с бюджетом 20` (with a budget of 20),
  `при бюджете вычислений 1000`;
- a count after `с`, `в течение` or a verb of doing: `с 3 разбиениями` (with 3 folds),
  `выполнено 10 запусков` (10 runs were done), `в течение 10 итераций`.

Every name keeps its printed words."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake
from arakit.compiler.settings.numbers import NUMBER, parse_number

CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_CLAUSE = re.compile(r"[,;:.()•]\s|[;:()•]|^")
_END = r"(?=\s*(?:[,;.)]|$|\s[а-яё]))(?![\w.]\d)"
_DASH = re.compile(rf"\s[–—]\s+(?P<value>{NUMBER}){_END}")
_EQUAL = re.compile(
    r"(?:\s+(?:взят[аоы]?|выбран[аоы]?|фиксирован[аоы]?|установлен[аоы]?|принят[аоы]?|"
    r"брать|берётся|берется|полагается|положен[аоы]?)(?:\s+и)?)?"
    rf"\s+равн(?:ым|ой|ыми|ый|ая|ое|ые|ы|а|о|ен)\s+(?P<value>{NUMBER}){_END}"
)
_WITH = re.compile(
    r"(?<![А-Яа-яЁё])(?:с|со|при)\s+(?P<name>[а-яё][а-яё\-]+(?:\s+[а-яё][а-яё\-]+)?)\s+"
    rf"(?P<value>{NUMBER})(?=\s*(?:[,;.)]|$))"
)
_COUNT = re.compile(
    r"(?<![А-Яа-яЁё])(?:с|со|в\s+течение|выполнено|выполнялось|проводилось|проведено|"
    r"использовалось|использовано)\s+(?P<value>\d+)\s+(?P<noun>[а-яё][а-яё\-]{2,})"
)


def name_before(text: str, n: int = 7) -> str:
    """The words of the clause that ends `text`, at most `n` of them."""
    clause = _CLAUSE.split(text)[-1]
    toks = clause.split()[-n:]
    return " ".join(toks).strip(" –—-,;:")


def _named(name: str) -> bool:
    return bool(name) and bool(CYRILLIC.search(name))


# verbs of an outcome: reaches, obtained, showed, improves, observed
_RESULT = re.compile(
    r"(?<![А-Яа-яЁё])(?:достига|достигл|достигнут|получил|получен|показал|показыва|улучшил|"
    r"улучшает|наблюдал|наблюдает|превосход)[а-яё]*"
)


def russian(sentence: str) -> list[Found]:
    """Every setting a Russian sentence states in one of the forms above (none in a sentence
    that reports an outcome: `качество достигает максимума при значении 0.6`)."""
    if not CYRILLIC.search(sentence) or _RESULT.search(sentence.lower()):
        return []
    out: list[Found] = []
    for m in _DASH.finditer(sentence):
        name = name_before(sentence[: m.start()])
        toks = name.split()
        if not _named(name):
            continue
        if toks[-1].isdigit():
            value = parse_number(m.group("value"))
            if not CYRILLIC.search(toks[-2] if len(toks) > 1 else "") or (
                value is not None and value > float(toks[-1])
            ):
                continue  # `Значения 1 – 5`: a range; `у родителя 2 – 0.5`: an item's value
        out.append(Found(m.span("value"), name, m.group("value"), "", snake(name)))
    for m in _EQUAL.finditer(sentence):
        name = name_before(sentence[: m.start()], 6)
        if name:
            out.append(Found(m.span("value"), name, m.group("value"), "", snake(name)))
    for m in _WITH.finditer(sentence):
        name = m.group("name")
        out.append(Found(m.span("value"), name, m.group("value"), "", snake(name)))
    for m in _COUNT.finditer(sentence):
        noun = m.group("noun")
        name = f"{name_before(sentence[: m.start()], 3)} {noun}".strip()
        out.append(Found(m.span("value"), name, m.group("value"), "", f"n_{snake(noun)}"))
    return out
