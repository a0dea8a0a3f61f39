"""Parameters in the languages research code is also written in, beside Python: the
constants a C, C++, CUDA or OpenCL source fixes (`#define N 2048`, `const int TILE = 16;`,
`constexpr double kTol = 1e-8;`), Fortran parameters (`integer, parameter :: n = 100`),
top-level assignments of numbers in MATLAB scripts (`alpha = 0.05;`); R and Julia are
read by rjulia.py (function defaults, call literals, assignments, loops).

Only values written as number literals are read (a setting, not a computation), each at its
own line with the comment beside it as help. In C-family sources a declaration with a
literal is read at any depth (a function's local starting value, kind `local`) and a
file-level array of numbers as a list; elsewhere lines inside functions are skipped where
the language marks them by indentation or braces. Reconciliation compares a value only
with a setting the paper states under the same name.
"""

from __future__ import annotations

import re

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.rjulia import r_julia_params

MAX_PARAMS = 500
MAX_LINE = 400

# (with the implementation files a header includes: `#include <knn.ipp>`, .tpp, .inl)
C_SUFFIXES = (".c", ".h", ".cc", ".cpp", ".cxx", ".hpp", ".hh", ".hxx", ".cu", ".cuh", ".cl",
              ".ipp", ".tpp", ".inl")  # fmt: skip
FORTRAN_SUFFIXES = (".f", ".f90", ".f95", ".f03", ".f08", ".for")
R_SUFFIXES = (".r",)
JULIA_SUFFIXES = (".jl",)
MATLAB_SUFFIXES = (".m",)
SOURCE_SUFFIXES = C_SUFFIXES + FORTRAN_SUFFIXES + R_SUFFIXES + JULIA_SUFFIXES + MATLAB_SUFFIXES

# a number as these languages write one: 2048, 1e-8, 0.5f, 100L, 1.0d-3 (Fortran), 0x10
_NUMBER = (
    r"[-+]?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eEdD][-+]?\d+)?)(?:[fFlLuU]{0,3}|_\w+)?"
)
# (a switch's default too: `#define ARGS_DEFAULT_USE_RECOMPUTE false`)
_C_DEFINE = re.compile(
    rf"^\s*#\s*define\s+([A-Za-z_]\w*)\s+\(?({_NUMBER}|true|false)\)?\s*(?://.*|/\*.*)?$"
)
_C_CONST = re.compile(
    r"^\s*(?:(?:static|extern|inline|__constant__|__device__|__constant)\s+)*"
    r"(?:const|constexpr)\s+(?:(?:unsigned|signed|long|short|static|constexpr|const)\s+)*"
    r"(?:int|long|float|double|size_t|unsigned|char|bool|auto|u?int\d+_t|real|Real|index_t)\s+"
    rf"([A-Za-z_]\w*)\s*(?:=\s*|\{{\s*|\(\s*)({_NUMBER})\s*[}})]?\s*;\s*(?://(.*)|/\*(.*?)\*/)?\s*$"
)
# a declaration with a number literal, const or not, at any depth (`float ignore_below =
# 1.5;` at file level, `double density = 1.0; // g/cm3` in a function) and a file-level
# array of numbers (`const float lines[3] = {6564.61, 4862.72, 4341.68};`)
_C_TYPE = (
    r"(?:(?:unsigned|signed|long|short)\s+)*"
    r"(?:int|long|float|double|size_t|unsigned|char|bool|auto|u?int\d+_t|real|Real|index_t)\s+"
)
_C_VAR = re.compile(
    r"^\s*(?:(?:static|extern|volatile|register|__constant__|__device__|const|constexpr)\s+)*"
    rf"{_C_TYPE}([A-Za-z_]\w*)\s*=\s*({_NUMBER})\s*;\s*(?://(.*)|/\*(.*?)\*/)?\s*$"
)
_C_ARRAY = re.compile(
    r"^\s*(?:(?:static|extern|__constant__|__device__|const|constexpr)\s+)*"
    rf"{_C_TYPE}([A-Za-z_]\w*)\s*\[[^\]]*\]\s*=\s*(\{{\s*{_NUMBER}(?:\s*,\s*{_NUMBER})*\s*,?\s*\}}?)"
)
_FORTRAN = re.compile(
    rf"^\s*(?:integer|real|double\s+precision|real\s*\(\s*\w+\s*\))\s*,\s*parameter\s*::\s*"
    rf"([A-Za-z_]\w*)\s*=\s*({_NUMBER})\s*(?:!(.*))?$",
    re.I,
)
_MATLAB_ASSIGN = re.compile(rf"^([A-Za-z]\w*)\s*=\s*({_NUMBER})\s*;?\s*(?:%(.*))?$")
_C_LINE_COMMENT = re.compile(r"//(.*)$")


def is_source(rel: str) -> bool:
    """C/C++/CUDA/OpenCL, Fortran, R, Julia and MATLAB sources."""
    return rel.lower().endswith(SOURCE_SUFFIXES)


def compiled_params(text: str, rel: str) -> list[CodeParam]:
    """Constants and top-level number assignments of one source file (see module doc)."""
    low = rel.lower()
    if low.endswith(C_SUFFIXES):
        found = _c_params(text, rel)
    elif low.endswith(FORTRAN_SUFFIXES):
        found = _line_params(text, rel, _FORTRAN, indented=True)
    elif low.endswith(R_SUFFIXES + JULIA_SUFFIXES):
        found = r_julia_params(text, rel)
    elif low.endswith(MATLAB_SUFFIXES):
        found = _matlab_params(text, rel)
    else:
        return []
    return found[:MAX_PARAMS]


def _c_params(text: str, rel: str) -> list[CodeParam]:
    out = []
    depth = 0  # brace depth: constants inside a function body are locals, not settings
    in_comment = False
    for n, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE:
            continue
        code, in_comment = _without_block_comments(line, in_comment)
        m = _C_DEFINE.match(line) if not in_comment else None
        if m:
            note = _C_LINE_COMMENT.search(line)
            out.append(
                _param(m.group(1), m.group(2), rel, n, "constant", note.group(1) if note else "")
            )
        elif depth == 0 and (m := _C_CONST.match(line)):
            out.append(
                _param(m.group(1), m.group(2), rel, n, "constant", m.group(3) or m.group(4) or "")
            )
        elif not in_comment and (m := _C_VAR.match(line)) and (depth == 0 or _setting(m)):
            # a function's local starting value (kind `local`): matched by reconciliation,
            # never called a mismatch, since a caller may change it
            kind = "constant" if depth == 0 else "local"
            out.append(_param(m.group(1), m.group(2), rel, n, kind, m.group(3) or m.group(4) or ""))
        elif depth == 0 and not in_comment and (m := _C_ARRAY.match(code)):
            out.append(_param(m.group(1), m.group(2), rel, n, "constant", ""))
        if not code.lstrip().startswith("#"):
            depth = max(0, depth + code.count("{") - code.count("}"))
    return out


def _setting(m: re.Match[str]) -> bool:
    """A local worth reading: not a counter or flag (`int i = 0;`, `bool done = 1;`)."""
    return len(m.group(1)) > 1 and m.group(2).lstrip("+") not in ("0", "1", "-1")


def _without_block_comments(line: str, in_comment: bool) -> tuple[str, bool]:
    """The line's code outside /* ... */ comments, and whether a comment runs on."""
    out: list[str] = []
    k = 0
    while k < len(line):
        if in_comment:
            end = line.find("*/", k)
            if end < 0:
                return "".join(out), True
            k, in_comment = end + 2, False
            continue
        start = line.find("/*", k)
        cut = line.find("//", k)
        if cut >= 0 and (start < 0 or cut < start):
            out.append(line[k:cut])
            break
        if start < 0:
            out.append(line[k:])
            break
        out.append(line[k:start])
        k, in_comment = start + 2, True
    return "".join(out), in_comment


def _line_params(text: str, rel: str, pattern: re.Pattern[str], indented: bool) -> list[CodeParam]:
    """One definition per line; `indented` False keeps only lines at the left margin (the
    top level of an R or Julia script, never a function body)."""
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if len(line) > MAX_LINE or (not indented and line[:1].isspace()):
            continue
        # `mu.alpha <- 10; sigma <- 1; p <- 5`: several statements on one line
        pieces: list[str] = []
        for piece in [line] if "'" in line or '"' in line else line.split(";"):
            if pieces and (not piece.strip() or piece.strip()[:1] in "#%"):
                pieces[-1] += ";" + piece  # `x = 1; % note`: the note belongs to x
            else:
                pieces.append(piece)
        for piece in pieces:
            m = pattern.match(piece.strip() if len(pieces) > 1 else piece.rstrip())
            if m:
                out.append(_param(m.group(1), m.group(2), rel, n, "constant", m.group(3) or ""))
    return out


def _matlab_params(text: str, rel: str) -> list[CodeParam]:
    """Top-level number assignments of a MATLAB/Octave script; a `function` file's body is
    skipped (its assignments are locals)."""
    if re.match(r"^\s*(?:%.*\n|\s*\n)*\s*function\b", text):
        return []
    return _line_params(text, rel, _MATLAB_ASSIGN, indented=False)


def _param(name: str, value: str, rel: str, line: int, kind: str, note: str) -> CodeParam:
    return CodeParam(name, value, rel, line, kind, help=note.strip().rstrip("*/").strip())
