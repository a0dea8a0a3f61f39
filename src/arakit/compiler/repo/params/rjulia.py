"""Parameters of R and Julia code, where scientific packages keep them:

- function defaults, over as many lines as the signature takes (R
  `rand_mat_ga <- function(A1, max_it = 20, converg = 0.01)`, Julia
  `function lmlovo(...; MAXITER::Int=200, ε::Float64=10.0^-4)`), kind `default`, each at
  the line its name is written on, the function as context;
- literal keyword arguments of calls (`runif(n = nn*1000, min = 0, max = 1)`,
  `lmlovo(...; MAXITER=400)`), kind `call`, the callee as context; plotting and printing
  calls are left out;
- assignments of literals (`n_iter <- 5000`, `const N = 256`, `θ = [1000.0, 5000.0]`):
  kind `constant` at the top level, `script` inside a function (a value hard-coded in the
  method), never a variable the code assigns again (a counter or a running state);
- loops over literal values (`for (S in c(24, 48))`, `for k in [1, 2, 4]`) and R functions
  applied over a literal count (`lapply(1:100, f)`, `future_map_dfr(1:100, ...)`), kind `sweep`;
- Julia struct field defaults (`@with_kw`, `Base.@kwdef`: `n_iterations::Int64 = 100`,
  a choice between literals `episodic ? 100 : 0`), kind `dataclass`, the struct as context.

Comments are skipped and strings kept; a file is read in one pass with bounded work."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterator

from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.rexpr import (
    is_const_value,
    is_default_value,
    is_literal_call,
    is_number_vector_call,
)
from arakit.compiler.repo.params.rexpr import (
    is_literal as _is_literal,
)
from arakit.compiler.settings.names import words

MAX_PARAMS = 500
MAX_BYTES = 512 * 1024
MAX_SPAN = 4000  # characters of one argument list
_NAME = r"[A-Za-z_.\u00c0-\u1fff\u2100-\u214f][\w.\u00c0-\u1fff\u2100-\u214f!]*"
# a name read whole (possessive, and never from inside another name), so a long run of
# name characters costs one pass, not one backtracking scan per character
_CH = r"[\w.\u00c0-\u1fff\u2100-\u214f]"
_WHOLE = rf"(?<!{_CH})(?<!{_CH}[$:@])(?<!{_CH}::)"
_NAME_P = r"[A-Za-z_.\u00c0-\u1fff\u2100-\u214f][\w.\u00c0-\u1fff\u2100-\u214f!]*+"
_R_FUNCTION = re.compile(rf"{_WHOLE}({_NAME_P})\s*+(?:<<?-|=)\s*function\s*\(")
_JL_FUNCTION = re.compile(rf"\bfunction\s+({_NAME_P})\s*(?:\{{[^}}]*\}}\s*)?\(")
_CALL = re.compile(rf"{_WHOLE}({_NAME_P}(?:(?:\$|::|@){_NAME_P})*+)\s*+\(")
_UPDATE = re.compile(rf"^\s*({_NAME})\s*[-+*/^]=")
_ASSIGN = re.compile(
    rf"^([ \t]*)(?:(const)\s+|local\s+|global\s+)?({_NAME})\s*(?:<<?-|=(?!=))\s*(.*)$"
)
_R_FOR = re.compile(rf"\bfor\s*\(\s*({_NAME})\s+in\s+(.*)\)\s*\{{?\s*$")
# an R function applied over a literal count, the functional form of a loop
# (`lapply(1:100, f)`, `purrr::map_dfr(1:10, ...)`, `future_map_dfr(1:100, ...)`)
_R_MAP = re.compile(
    r"\b(?:\w+::)?((?:future_)?map\w*|(?:future_|mc|pb)?lapply|sapply|vapply)\(\s*"
    r"((?:0|1)\s*:\s*\d+)\s*,"
)
_JL_FOR = re.compile(rf"^\s*for\s+({_NAME})\s*(?:in|=|∈)\s*(.+?)\s*$")
_KEYWORDS = frozenset(
    words(
        """
if else for while function return repeat in next break end begin let do try catch
struct module using import export macro quote where local global const
"""
    )
)
# calls whose keyword arguments draw, print or format, not configure
_NOISE = re.compile(
    r"(?:^|[.$:@])(?:plot\w*|par|legend|points|lines|text|mtext|axis|arrows|polygon|abline|"
    r"png|pdf|jpeg|tiff|svg|bmp|postscript|dev\.\w+|cat|print\w*|paste0?|sprintf|format\w*|"
    r"message|warning|stop|write\w*|read\w*|save\w*|load\w*|layout|image|hist|barplot|"
    r"boxplot|title|grid|segments|rect|symbols|curve|contour|persp|ggplot|aes|geom_\w+|theme\w*|"
    r"labs|scale_\w+|figure|subplot|scatter|xlabel|ylabel|savefig|show|display|println|"
    r"printf|open|close|library|require|source|include|using|setwd|file\w*|list\.files|"
    r"sink|Sys\.\w+|options|invisible|return|names|colnames|rownames|data\.frame|list|"
    r"matrix|array|rep|seq\w*|c|vector|numeric|character|logical|zeros|ones|fill|"
    r"DataFrame|CSV\.\w+|Dict|NamedTuple|Symbol|string|parse|"
    # figures, tables and reports (ggplot2 layers, kable, knitr chunk options) and the
    # reshaping of data frames (dplyr, tidyr, stringr): how results look, not how they arise
    r"facet_\w+|element_\w+|coord_\w+|guides?|guide_\w+|stat_\w+|position_\w+|annotate|"
    r"ggtitle|xlim|ylim|ggsave|ggarrange|plot_grid|unit|margin|kable\w*|kbl|column_spec|"
    r"row_spec|add_header_above|opts_chunk\$set|opts_knit\$set|mutate|transmute|filter|"
    r"select|arrange|group_by|ungroup|summari[sz]e|\w+_join|pivot_\w+|gather|spread|"
    r"separate|unite|rename|str_\w+|gsub|sub|grepl?|requireNamespace|suppress\w+|tibble|"
    r"tribble|as\.\w+|round|signif|formatC|here)$"
)


def r_julia_params(text: str, rel: str, julia: bool | None = None) -> list[CodeParam]:
    """Defaults, call literals, assignments and sweeps of one R or Julia file (`julia`
    tells the language where the file's name does not: a document's chunks)."""
    if len(text) > MAX_BYTES:
        return []
    if julia is None:
        julia = rel.lower().endswith(".jl")
    code = _blank_comments(text, julia)
    starts = [0] + [i + 1 for i, ch in enumerate(code) if ch == "\n"]

    def line_of(pos: int) -> int:
        return bisect_right(starts, pos)

    lines = text.splitlines()
    out: list[CodeParam] = []
    signatures: list[tuple[int, int, str]] = []
    fn_re = _JL_FUNCTION if julia else _R_FUNCTION
    for m in fn_re.finditer(code):
        close = _closing(code, m.end() - 1)
        if close < 0:
            continue
        signatures.append((m.end() - 1, close, m.group(1)))
        for name, value, at in _arguments(code, m.end(), close, is_default_value):
            n = line_of(at)
            out.append(CodeParam(name, value, rel, n, "default", _note(lines, n), m.group(1)))
    opened = {a for a, _, _ in signatures}
    for m in _CALL.finditer(code):
        callee = m.group(1)
        if callee in _KEYWORDS or m.end() - 1 in opened:
            continue
        if _NOISE.search(callee) or (m.start() > 0 and code[m.start() - 1] in "@"):
            continue
        close = _closing(code, m.end() - 1)
        if close < 0:
            continue
        for name, value, at in _arguments(code, m.end(), close, _call_value):
            out.append(CodeParam(name, value, rel, line_of(at), "call", "", callee))
    fields = _struct_fields(code, lines, rel) if julia else []
    taken = {(p.line, p.name) for p in fields}
    out = fields + [p for p in out if (p.line, p.name) not in taken]
    out += [
        p
        for p in _assignments(code, lines, rel, julia, _bodies(code, signatures, julia))
        if (p.line, p.name) not in taken
    ]
    return out[:MAX_PARAMS]


def _call_value(value: str) -> bool:
    """A call's keyword argument that states a setting: a literal or a number vector."""
    return _is_literal(value) or is_number_vector_call(value)


# a struct whose fields take keyword defaults: `@with_kw mutable struct CEMSolver`,
# `Base.@kwdef struct Config`, `@kwdef struct P{T}` (a plain struct cannot hold defaults)
_JL_STRUCT = re.compile(
    rf"^[ \t]*(?:Base\.)?@\w+[ \t]+(?:mutable[ \t]+)?struct[ \t]+({_NAME})", re.M
)
_JL_FIELD = re.compile(rf"^[ \t]*({_NAME})[ \t]*(?:::[^=\n]+?)?[ \t]*=(?!=)[ \t]*(.+?)[ \t]*$")
_JL_CHOICE = re.compile(r"^[^?:\n]+\?\s*(.+?)\s+:\s*(.+)$")


def _struct_fields(code: str, lines: list[str], rel: str) -> list[CodeParam]:
    """Field defaults of keyword structs, up to the `end` at the struct's indentation:
    literals, or a choice between two literals (`episodic_rewards ? 100 : 0`)."""
    out: list[CodeParam] = []
    split = code.split("\n")
    for m in _JL_STRUCT.finditer(code):
        first = code.count("\n", 0, m.start())
        head = split[first]
        indent = len(head) - len(head.lstrip(" \t"))
        for n in range(first + 1, min(len(split), first + 1 + MAX_SPAN // 10)):
            line = split[n]
            if re.match(rf"^[ \t]{{{indent}}}end\b", line):
                break
            f = _JL_FIELD.match(line)
            if not f:
                continue
            value = f.group(2).rstrip(",").strip()
            choice = _JL_CHOICE.match(value)
            if is_default_value(value) or (
                choice and _is_literal(choice.group(1)) and _is_literal(choice.group(2))
            ):
                note = _note(lines, n + 1)
                out.append(CodeParam(f.group(1), value, rel, n + 1, "dataclass", note, m.group(1)))
    return out


def _blank_comments(text: str, julia: bool) -> str:
    """The text with comments replaced by spaces (lines and offsets kept), strings kept."""
    out = list(text)
    i, n = 0, len(text)
    quote = ""
    while i < n:
        ch = text[i]
        if quote:
            if ch == "\\":
                i += 2
                continue
            if ch == quote or ch == "\n":
                quote = ""
        elif julia and text.startswith('"""', i):
            end = text.find('"""', i + 3)
            end = n if end < 0 else end + 3
            for k in range(i, end):  # a docstring: prose, not code
                if out[k] != "\n":
                    out[k] = " "
            i = end
            continue
        elif ch in "\"'" and not (
            julia and ch == "'" and i and (text[i - 1].isalnum() or text[i - 1] in ")]}")
        ):
            quote = ch  # (a Julia ' after a name is a transpose, not a string)
        elif julia and text.startswith("#=", i):
            end = text.find("=#", i + 2)
            end = n if end < 0 else end + 2
            for k in range(i, end):
                if out[k] != "\n":
                    out[k] = " "
            i = end
            continue
        elif ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            for k in range(i, end):
                out[k] = " "
            i = end
            continue
        i += 1
    return "".join(out)


def _outside_strings(code: str, start: int, stop: int) -> Iterator[tuple[int, str]]:
    """(offset, character) of the code between `start` and `stop`, strings skipped."""
    quote = ""
    for i in range(start, min(stop, len(code))):
        ch = code[i]
        if quote:
            if ch == quote and code[i - 1] != "\\":
                quote = ""
        elif ch in "\"'" and not (ch == "'" and i and code[i - 1].isalnum()):
            quote = ch  # (a ' after a name is a transpose or a prime, not a string)
        else:
            yield i, ch


def _closing(code: str, open_at: int) -> int:
    """The index of the bracket closing the one at `open_at`, or -1 (unbalanced or too far)."""
    depth = 0
    for i, ch in _outside_strings(code, open_at, open_at + MAX_SPAN):
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth == 0:
                return i
    return -1


def _arguments(
    code: str, start: int, stop: int, accept: Callable[[str], bool] = _is_literal
) -> list[tuple[str, str, int]]:
    """`name = value` arguments between `start` and `stop` at bracket depth 0 whose value
    `accept`s (a literal unless told), each with the offset of its name (Julia type
    annotations `name::Int=200` dropped)."""
    out = []
    depth, piece_at = 0, start
    for i, ch in [*_outside_strings(code, start, stop), (stop, ",")]:
        if ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch in ",;" and depth == 0:
            piece = code[piece_at:i]
            m = re.match(rf"\s*({_NAME})\s*(?:::[^=]+?)?\s*=(?!=)\s*(.+?)\s*$", piece, re.S)
            if m and accept(m.group(2)):
                out.append((m.group(1), m.group(2), piece_at + piece.index(m.group(1))))
            piece_at = i + 1
    return out


def _bodies(
    code: str, signatures: list[tuple[int, int, str]], julia: bool
) -> list[tuple[int, int, str]]:
    """(start, end, function name) of each function body (R: its braces; Julia: up to the
    first `end` at the indentation of `function`). A body never found closed ends where
    the next function starts, so a damaged file costs one pass, not one per function."""
    out = []
    braces = {} if julia else _brace_pairs(code)
    starts = sorted(a for a, _, _ in signatures)
    for k, (open_at, close, name) in enumerate(sorted(signatures)):
        limit = starts[k + 1] if k + 1 < len(starts) else len(code)
        head_start = code.rfind("\n", 0, open_at) + 1
        if not julia:
            brace = re.match(r"\s*\{", code[close + 1 : close + 200])
            if brace:
                at = close + 1 + brace.end() - 1
                out.append((at, braces.get(at, limit), name))
            continue
        indent = len(code[head_start:open_at]) - len(code[head_start:open_at].lstrip(" \t"))
        end_m = re.compile(rf"^[ \t]{{{indent}}}end\b", re.M).search(code, close, limit)
        out.append((close, end_m.start() if end_m else limit, name))
    return out


def _brace_pairs(code: str) -> dict[int, int]:
    """Offsets of each `{` and its matching `}` (strings skipped), in one pass."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    for i, ch in _outside_strings(code, 0, len(code)):
        if ch == "{":
            stack.append(i)
        elif ch == "}" and stack:
            pairs[stack.pop()] = i
    return pairs


def _assignments(
    code: str, lines: list[str], rel: str, julia: bool, bodies: list[tuple[int, int, str]]
) -> list[CodeParam]:
    """Literal assignments and literal loops, each statement at the start of a line."""
    found: list[tuple[str, str, int, str, str, str]] = []
    targets: Counter[tuple[str, str]] = Counter()
    split = code.split("\n")
    starts = [0]
    for line in split[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    where: list[str | None] = [None] * len(split)  # the function each line is in
    for start, end, name in sorted(bodies):  # outer first: an inner function overwrites
        first = bisect_right(starts, start) - 1
        for i in range(first + 1, bisect_right(starts, end)):
            where[i] = name
    depth = 0  # open parentheses and brackets: a line inside a call's arguments is no statement
    for n, line in enumerate(split, start=1):
        inner = where[n - 1] is not None
        context = where[n - 1] or ""
        if depth == 0:
            stmts = [x for x in line.split(";") if x.strip()] if not julia else [line]
            for k, stmt in enumerate(stmts):
                m = _ASSIGN.match(stmt)
                if m and m.group(3) not in _KEYWORDS:
                    targets[(context, m.group(3))] += 1
                    value = m.group(4).strip().rstrip(";").strip()
                    if (
                        _is_literal(value)
                        or (m.group(2) and is_const_value(value))  # Julia `const X = Solver()`
                        or (not inner and is_literal_call(value))  # `lon <- seq(0, 10, by = 1)`
                    ):
                        kind = "script" if inner else "constant"
                        note = _note(lines, n) if k == len(stmts) - 1 else ""
                        found.append((m.group(3), value, n, kind, context, note))
            for u in _UPDATE.finditer(line):
                targets[(context, u.group(1))] += 1  # `pos += 1`: a counter
            mapped = None if julia else _R_MAP.search(line)
            if mapped:  # `future_map_dfr(1:100, ~draw())`: the call runs 100 times
                found.append((mapped.group(1), mapped.group(2), n, "sweep", context, ""))
            loop = (_JL_FOR if julia else _R_FOR).match(line)
            if loop:
                targets[(context, loop.group(1))] += 1
                values = loop.group(2).strip().rstrip("{").strip()
                if _is_literal(values) and re.search(r"[,:]", values):
                    found.append((loop.group(1), values, n, "sweep", context, ""))
        depth = max(0, depth + sum(line.count(c) for c in "([") - sum(line.count(c) for c in ")]"))
    words = Counter(re.findall(_NAME, code))
    out = []
    for name, value, n, kind, context, note in found:
        if kind != "sweep" and targets[(context, name)] > 1:
            continue  # assigned again: a counter or a running state, not a setting
        used = kind != "script" or words[name] > targets[(context, name)]
        out.append(CodeParam(name, value, rel, n, kind, note, context, used))
    return out


def _note(lines: list[str], line: int) -> str:
    """The comment written at the end of a line (`# MCMC draws`)."""
    if not 0 < line <= len(lines):
        return ""
    m = re.search(r"#\s*(.*?)\s*$", lines[line - 1])
    return m.group(1) if m and '"' not in lines[line - 1][: m.start()] else ""
