"""Sizes and counts papers state about what they built or used, without `=`:

- a model's size in parameters: `the CodeLlama 7B model`, `a 7-billion-parameter
  framework`, `roughly 7 billion parameters` (the number in billions, as printed);
- how many kinds a task or a language has: `each of the 10 CCS types`, `L has 15
  instruction types`;
- a total a method arrives at from counts it chose: `200 commits for each of the 10 types,
  resulting in 2,000 commits` (the noun counted before is counted again);
- the size of an implementation: `less than 1200 lines of code (600 lines of C- and 600
  lines of Python)`;
- a width in bits: `each opcode is 4 bits` (not `a 16-bit machine`: papers name a
  machine or a number format by its width far more often than they choose it);
- how much of a ranked list is kept: `truncated to the first 100 dimensions`, `for the
  first 100 singular values`;
- a condition named by its unit alone: `a simulation of 1536 atoms at 1000 K` (a
  temperature), `at 2 GPa` (a pressure).

None is read in a clause that reports an outcome."""

from __future__ import annotations

import re

from arakit.compiler.settings.items import Found
from arakit.compiler.settings.names import snake
from arakit.compiler.settings.numbers import NUMBER, WORDS
from arakit.compiler.settings.method import setup_clause
from arakit.compiler.settings.patterns import (
    configured,
    LENGTH_NOUNS,
    WARMUP_RE,
    clause_before,
    reports_a_result,
)

_WORDNUM = "|".join(WORDS)
_COUNT = rf"(?:{NUMBER}|(?i:{_WORDNUM}))"

_MODEL_B = re.compile(
    r"(?P<name>\b(?!(?:The|A|An|Our|This|These|Each|Both|All)\b)[A-Z][\w\-.]*)"
    r"(?:[\s-]+(?:[A-Z]\w*|\d+(?:\.\d+)?))?[\s-]+"
    r"(?P<value>\d+(?:\.\d+)?)\s?[Bb]\b(?=[\s-]+(?:model|LLM|variant|version|checkpoint|parameter))"
)
_BILLION = re.compile(
    r"(?<![\w.])(?P<value>\d+(?:\.\d+)?)[\s-]+billion[\s-]+parameters?\b",
    re.IGNORECASE,
)


# `a model with 126M parameters`, `1.3B parameters`: a count of parameters with its scale
_SUFFIXED = re.compile(
    r"(?<![\w.])(?P<value>\d+(?:\.\d+)?)\s?(?P<scale>[MB])\s+(?:trainable\s+)?parameters\b"
)


def model_sizes(sentence: str) -> list[Found]:
    """`the CodeLlama 7B model`: a size in billions of parameters, named by the model."""
    out = []
    for m in _MODEL_B.finditer(sentence):
        name = f"{m.group('name')} model size"
        out.append(Found(m.span("value"), name, m.group("value"), "B", "model_size"))
    for m in _BILLION.finditer(sentence):
        if any(a <= m.start() < b for a, b in (f.span for f in out)):
            continue
        if reports_a_result(clause_before(sentence, m.start())):
            continue
        name = "model size (parameters)"
        out.append(Found(m.span("value"), name, m.group("value"), "B", "model_size"))
    for m in _SUFFIXED.finditer(sentence):
        if any(a <= m.start() < b for a, b in (f.span for f in out)):
            continue
        if reports_a_result(clause_before(sentence, m.start())):
            continue
        # `a model with 126M parameters`: the count as printed, 126M (1.26e8)
        value = m.group("value") + m.group("scale")
        out.append(Found(m.span(), "model size (parameters)", value, "", "n_params"))
    return out


# `each of the 10 CCS types`; `L has 15 instruction types` (not a survey's `approaches
# fall into two main types`)
_KINDS = re.compile(
    rf"\b(?P<lead>each\s+of\s+the|has|have|had|with)\s+(?P<value>{_COUNT})\s+"
    r"(?:distinct\s+|different\s+)?(?P<what>(?:[A-Za-z][\w\-]*\s+){1,2}?)(?P<head>types|kinds)\b"
)


def kinds(sentence: str) -> list[Found]:
    """How many kinds of a thing there are: `the 10 CCS types`, `15 instruction types`."""
    out = []
    for m in _KINDS.finditer(sentence):
        what = m.group("what").strip()
        if what.lower() in ("the", "these", "those", "all", "of"):
            continue
        name = f"{what} {m.group('head')}"
        out.append(Found(m.span("value"), name, m.group("value"), "", f"n_{snake(what)}_types"))
    return out


_TOTAL = re.compile(
    rf"\b(?:resulting\s+in|giving|yielding|for\s+a\s+total\s+of|totall?ing)\s+(?:a\s+total\s+of\s+)?"
    rf"(?P<value>{NUMBER})\s+(?P<noun>[a-z][\w\-]+s)\b"
)


def totals(sentence: str) -> list[Found]:
    """`selecting 200 commits for each of the 10 types, resulting in 2,000 commits`: a total
    of the noun the same sentence counted before (a dataset's size, not an outcome)."""
    out = []
    for m in _TOTAL.finditer(sentence):
        noun = m.group("noun")
        if not re.search(
            rf"(?<![\w.]){NUMBER}\s+(?:[a-z][\w\-]*\s+)?{re.escape(noun)}\b", sentence[: m.start()]
        ):
            continue
        out.append(
            Found(m.span("value"), f"total {noun}", m.group("value"), "", f"n_{snake(noun)}")
        )
    return out


_LINES = re.compile(
    rf"(?<![\w.])(?P<value>{NUMBER})\s+lines\s+of\s+(?P<what>code|[A-Z][\w+#\-]*)(?![\w])"
)


def lines_of_code(sentence: str) -> list[Found]:
    """`less than 1200 lines of code (600 lines of C- and 600 lines of Python)`."""
    out = []
    for m in _LINES.finditer(sentence):
        what = m.group("what")
        key = "loc" if what == "code" else f"loc_{snake(what) or 'code'}"
        out.append(Found(m.span("value"), f"lines of {what}", m.group("value"), "", key))
    return out


_BITS_IS = re.compile(
    r"\b(?:each|every|an?|the)\s+(?P<noun>[a-z][\w\-]*)\s+(?:is|are|takes|uses|occupies|has)\s+"
    rf"(?P<value>{NUMBER})\s+(?P<unit>bits|bytes)\b"
)


def widths(sentence: str) -> list[Found]:
    """`each opcode is 4 bits`: the width of a thing in bits or bytes."""
    out = []
    for m in _BITS_IS.finditer(sentence):
        noun = m.group("noun")
        out.append(
            Found(
                m.span("value"),
                f"{noun} {m.group('unit')}",
                m.group("value"),
                m.group("unit"),
                f"{snake(noun)}_{m.group('unit')}",
            )
        )
    return out


_FIRST = re.compile(
    r"\b(?P<verb>truncat\w*\s+to|kept?|keeps|retain\w*|select\w*|us(?:e|es|ed|ing)|for|on|over)\s+"
    rf"the\s+(?P<which>first|top|leading)\s+(?P<value>{NUMBER})\s+(?P<noun>(?:[a-z][\w\-]*\s+)?[a-z][\w\-]*s)\b"
)


def leading(sentence: str) -> list[Found]:
    """`truncated to the first 100 dimensions`, `for the first 100 singular values`: how
    much of a ranked list a method keeps."""
    out = []
    for m in configured(_FIRST, sentence):
        noun = m.group("noun")
        name, key = f"{m.group('which')} {noun}", f"n_{snake(noun)}"
        if noun in LENGTH_NOUNS and WARMUP_RE.search(sentence):
            name, key = f"warm-up {noun}", f"warmup_{noun}"  # `warmed up for the first 2k steps`
        out.append(Found(m.span("value"), name, m.group("value"), "", key))
    return out


_AT_UNIT = re.compile(
    rf"\bat\s+(?P<value>{NUMBER})\s?(?P<unit>K|[kMG]?Pa|bar|atm)(?![\w/])(?!\s*[/−-]\s*\d)"
)
_UNIT_QUANTITY = {"K": "temperature", "bar": "pressure", "atm": "pressure"}


def conditions(sentence: str) -> list[Found]:
    """`we simulated 1536 atoms at 1000 K`: a temperature or a pressure a method set, named
    by its unit, in a clause that tells what was done."""
    out = []
    for m in _AT_UNIT.finditer(sentence):
        if not setup_clause(sentence, m.start()):
            continue
        unit = m.group("unit")
        quantity = _UNIT_QUANTITY.get(unit, "pressure")
        out.append(Found(m.span("value"), quantity, m.group("value"), unit, quantity))
    return out


def sizes(sentence: str) -> list[Found]:
    """Every setting of the forms above in one sentence."""
    return [
        *model_sizes(sentence),
        *kinds(sentence),
        *totals(sentence),
        *lines_of_code(sentence),
        *widths(sentence),
        *leading(sentence),
        *conditions(sentence),
    ]
