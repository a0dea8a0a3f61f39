"""Text that is a program, not prose: a pseudo-code figure, a code listing or a flow chart
the PDF's text layer runs into the paragraph around it (`query := ∃x.¬σ(x, P(x)) result :=
decide(query) if (…) { return … }`, `c := 0 c := c + 1 Done! k := k + 1`, `i ← 0 while i <
A do`). Its assignments are steps of an algorithm, never settings the paper states.

The shape tells it, in any language: two or more assignment steps (`:=`, `←`, `<-`), or a
block of braces around a statement after a condition or a call."""

from __future__ import annotations

import re

_STEP = re.compile(r":=|←|(?<=\s)<-(?=\s)")
# a block opened after a condition or a call, holding a statement: `if (x) { y = 0; }`
# (a brace under a formula, `|{z} N bytes`, holds none)
_BLOCK = re.compile(r"\)\s*\{[^{}]*(?:;|=|←)[^{}]*\}")


def is_program(sentence: str) -> bool:
    """True when a sentence has the shape of a program (see the module docstring)."""
    if len(_STEP.findall(sentence)) >= 2:
        return True
    return bool(_BLOCK.search(sentence))
