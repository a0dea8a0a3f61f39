"""Choices the code makes among named methods: the optimiser each line constructs
(`torch.optim.AdamW(...)`, `optax.adam(1e-3)`, Flux's `RMSProp(lr)`, Keras'
`optimizers.SGD(...)`), as parameters of kind `choice` named `optimizer` whose value is
the call as written. A config's `optimizer: adam` is an ordinary parameter already; this
reads the constructions that no assignment names."""

from __future__ import annotations

from arakit.compiler.choices import OPTIMIZER, constructed_optimizers
from arakit.compiler.repo.params.model import CodeParam

_COMMENT = ("#", "//", "%", "--", "*")
MAX_VALUE = 120


def _call_text(line: str, start: int) -> str:
    """The call that opens at `start` up to its closing parenthesis on this line."""
    depth = 0
    for i in range(start, len(line)):
        if line[i] == "(":
            depth += 1
        elif line[i] == ")":
            depth -= 1
            if depth == 0:
                return line[start : i + 1][:MAX_VALUE]
    return line[start:].rstrip().rstrip(",")[:MAX_VALUE]


def choice_params(source: str, rel: str) -> list[CodeParam]:
    """Optimisers a source file constructs, one parameter per construction (kind
    `choice`, name `optimizer`, context the constructor as written). Comment lines are
    skipped."""
    out: list[CodeParam] = []
    for n, line in enumerate(source.splitlines(), start=1):
        if line.lstrip().startswith(_COMMENT):
            continue
        for _member, written in constructed_optimizers(line):
            at = line.find(written + "(")
            at = at if at >= 0 else line.find(written)
            value = _call_text(line, at) if at >= 0 else written
            out.append(CodeParam(OPTIMIZER, value, rel, n, "choice", context=written))
    return out
