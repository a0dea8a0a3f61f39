"""Text that is a program, not prose: a pseudo-code figure, a code listing or a flow chart
the PDF's text layer runs into the paragraph around it (`query := ∃x.¬σ(x, P(x)) result :=
decide(query) if (…) { return … }`, `c := 0 c := c + 1 Done! k := k + 1`, `i ← 0 while i <
A do`). Its assignments are steps of an algorithm, never settings the paper states.

The shape tells it, in any language: two or more assignment steps (`:=`, `←`, `<-`), or a
block of braces around a statement after a condition or a call.

A display equation run into the text is math the same way: `m HLoss = 1 m X ∥h(xi)△Yi∥
(2.6) i=1` — its equation number `(2.6)` stands a little after the value with math symbols
between. (What follows an equation number may be the next display line, a setting such as
`(13) t ∼ U(0.5, 14)`: it is read.)"""

from __future__ import annotations

import re

_STEP = re.compile(r":=|←|(?<=\s)<-(?=\s)")
# a block opened after a condition or a call, holding a statement: `if (x) { y = 0; }`
# (a brace under a formula, `|{z} N bytes`, holds none)
_BLOCK = re.compile(r"\)\s*\{[^{}]*(?:;|=|←)[^{}]*\}")


# prose: four words in a row (a pseudo-code line is mostly symbols and single letters)
_PROSE_RUN = re.compile(r"(?:(?<=\s)|^)(?:[^\W\d_]{2,}[,;.]?\s+){3}[^\W\d_]{2,}")


def program_span(sentence: str) -> tuple[int, int] | None:
    """Where a sentence is a program (see the module docstring): from the prose before its
    first assignment step to the prose after its last (`… 15: end for Таким образом, …`
    goes back to prose), or the whole sentence around a block of braces; None for prose."""
    if _BLOCK.search(sentence):
        return (0, len(sentence))
    steps = list(_STEP.finditer(sentence))
    if len(steps) < 2:
        return None
    first, last = steps[0].start(), steps[-1].end()
    before = [m.end() for m in _PROSE_RUN.finditer(sentence[:first])]
    after = _PROSE_RUN.search(sentence, last)
    return (before[-1] if before else 0, after.start() if after else len(sentence))


def is_program(sentence: str) -> bool:
    """True when the whole sentence has the shape of a program, or is an algorithm float
    (`Algorithm 1: Inside algorithm … notation LEFT=0, RIGHT=0 …`: its caption with the
    listing run into it, whose assignments are the algorithm's notation)."""
    return program_span(sentence) == (0, len(sentence)) or bool(_ALGORITHM.search(sentence))


# an algorithm's caption opens the float: `Algorithm 2: …` anywhere (the line before the
# float may run into it), `Algorithm 1. …` at the start
_ALGORITHM = re.compile(r"\bAlgorithm\s+\d+\s*:\s|^\s*Algorithm\s+\d+\.\s")
# a figure's axis run into the text: five or more tick labels in a row, nothing between
_TICKS = re.compile(r"(?:(?<=\s)|^)(?:[-−]?\d+(?:\.\d+)?\s+){4,}[-−]?\d+(?:\.\d+)?(?=\s|$)")


def is_figure_text(sentence: str) -> bool:
    """True when a sentence holds a figure's axis (`-1.0 -0.5 0.0 0.5 1.0 w1 … g1 = 1`):
    the values written on a plot describe what it shows, never a setting."""
    return bool(_TICKS.search(sentence))


_EQ_NUMBER = re.compile(r"(?<![\w.])\(\d{1,2}(?:\.\d{1,2})?[a-z]?\)")
_CITED_AS = re.compile(
    r"(?:Eqs?\.|[Ee]quations?|[Ee]c\.|[Ee]cuaci[oó]n|Section|Sec\.|Fig\.|Table|and|or|,)\s*$"
)
_MATH = re.compile(r"[∥∑Σ∏∫△∩∪|∀∃]")  # a sum, a norm, a set operation (not √, ≤, ∈)


def in_display_equation(sentence: str, pos: int) -> bool:
    """True when the value at `pos` belongs to a display equation run into the text (see
    the module docstring)."""
    for m in _EQ_NUMBER.finditer(sentence):
        if _CITED_AS.search(sentence[: m.start()]):
            continue  # `see Eq. (3)`: a reference to an equation, not its number
        if 0 <= m.start() - pos <= 80 and _MATH.search(sentence[pos : m.start()]):
            return True
    return False


# a value that multiplies what follows it: a differential or a root (`∆Jz = 2∆R …`,
# `2z ∆z + 2vz ∆vz`), a function of math (`s = 10 log10(…)`), a product (`0.5 · dP/dE`)
_COEFFICIENT = re.compile(
    r"\s?(?:[∆Δ∂∇√∑∏∫]|(?:log|ln|exp|sin|cos|tan)\d{0,2}\s?\(|[^\W\d_]\w{0,2}\s[∆Δ∂∇]"
    r"|[·⋅*]\s?[^\W\d_])"
)
# the name is the last term of an expression: a time derivative's dot, a sign of an
# operation right before it (`… + fφ ˙φ = 0`, `a + b = 1`)
_TERM_BEFORE = re.compile(r"(?:[˙¨]|\s[+−×·*])\s*$")


def is_equation_term(sentence: str, start: int, end: int) -> bool:
    """True when `name = value` between `start` and `end` belongs to an equation: its name
    ends an expression or its value multiplies the term after it (`∆Jz = 2z ∆z + …`)."""
    return bool(_TERM_BEFORE.search(sentence[:start]) or _COEFFICIENT.match(sentence, end))
