"""Choices the code makes among named methods: the optimiser each line constructs
(`torch.optim.AdamW(...)`, `optax.adam(1e-3)`, Flux's `RMSProp(lr)`, Keras'
`optimizers.SGD(...)`), as parameters of kind `choice` named `optimizer` whose value is
the call as written. A config's `optimizer: adam` is an ordinary parameter already; this
reads the constructions that no assignment names."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

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


# a script that runs another file of the project: Julia `include("x.jl")` (also inside
# `joinpath(@__DIR__, "x.jl")`), R `source("x.R")`
_INCLUDE = re.compile(
    r"^\s*(?:include|source|sys\.source)\(\s*(?:joinpath\(\s*@__DIR__\s*,\s*)?[\"']([^\"']+\.(?:jl|[rR]))[\"']"
)


def include_params(source: str, rel: str) -> list[CodeParam]:
    """Files a Julia or R script includes, in order (kind `include`, value the included
    file's path from the repository root): the modules that script runs."""
    out: list[CodeParam] = []
    base = PurePosixPath(rel).parent
    for n, line in enumerate(source.splitlines(), start=1):
        m = _INCLUDE.match(line)
        if m is None:
            continue
        path = PurePosixPath(base / m.group(1)).as_posix()
        parts: list[str] = []
        for piece in path.split("/"):
            if piece == "..":
                if parts:
                    parts.pop()
            elif piece not in (".", ""):
                parts.append(piece)
        out.append(CodeParam("include", "/".join(parts), rel, n, "include"))
    return out
