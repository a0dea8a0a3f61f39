"""Which R and Julia expressions state a setting: literals (numbers, strings, logicals,
ranges, number vectors), vectors and named lists of literals (R `c("spde", "matern",
"exp")`, `list(a = 0, s = 0.001)`), and, where a definition names its value rather than
computing it, a named constant or a constructor (`node_finder = DEFAULT_NODE_FINDER`,
`const DEFAULT_SOLVER = GibbsPooleStockmeyer()`). Every check is a bounded regex over at
most MAX_VALUE characters, with no nested quantifiers that can backtrack badly."""

from __future__ import annotations

import re

MAX_VALUE = 300  # characters of a literal value

_NUM = r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[fL]?"
# a number, or numbers joined by arithmetic (`10.0^-4`, `1/3`, `2 * 1e-3`)
_NUM_EXPR = rf"{_NUM}(?:\s*[*/^]\s*{_NUM})*"
_STR = r"\"[^\"\n]*\"|'[^'\n]*'"
_SCALAR = rf"{_NUM}|{_STR}|TRUE|FALSE|T|F"
_ITEM_NAME = r"[A-Za-z_.][\w.]*"
_LITERAL = re.compile(
    rf"^(?:{_NUM_EXPR}|{_STR}|TRUE|FALSE|true|false|T|F|"
    rf"c\(\s*(?:{_SCALAR})(?:\s*,\s*(?:{_SCALAR}))*\s*\)|"
    rf"list\(\s*{_ITEM_NAME}\s*=\s*(?:{_SCALAR})(?:\s*,\s*{_ITEM_NAME}\s*=\s*(?:{_SCALAR}))*\s*\)|"
    rf"\[\s*{_NUM}(?:(?:\s*[,;]\s*|\s+){_NUM})*\s*\]|"
    rf"\[\s*(?:{_STR})(?:\s*,\s*(?:{_STR}))*\s*\]|"
    rf"\(\s*{_NUM}(?:\s*,\s*{_NUM})+\s*\)|{_NUM}\s*:\s*{_NUM}(?:\s*:\s*{_NUM})?)$"
)
_PLAIN = r"[A-Za-z_][\w]*"
_QUALIFIED = rf"{_PLAIN}(?:\.{_PLAIN})*"
# a named constant by the convention every language shares: DEFAULT_SOLVER, N_ITER
_CONSTANT_NAME = re.compile(r"^(?:[A-Za-z_]\w*\.)*[A-Z][A-Z0-9_]*$")
# a constructor or factory called with nothing, literals or qualified names:
# `GibbsPooleStockmeyer()`, `Model(HiGHS.Optimizer)`, `Normal(0, 1)`
# (an argument is a literal, a module's member `HiGHS.Optimizer` or a named constant; a
# plain name is a variable: `size(A, 1)` is computed from an argument)
_ARG = rf"{_NUM}|{_STR}|{_PLAIN}(?:\.{_PLAIN})+|[A-Z][A-Z0-9_]+"
_CONSTRUCTOR = re.compile(rf"^{_QUALIFIED}\(\s*(?:(?:{_ARG})(?:\s*,\s*(?:{_ARG}))*)?\s*\)$")
# calls that read, write or draw: a value built by one is data, not a setting (each
# dotted segment is tested: `read.csv`, `utils::read.table`, `CSV.read`)
_IO_WORD = re.compile(
    r"(?:read|load|file|write|save|download|fread|url|source|include|library|require|"
    r"system|getwd|temp|plot|print|cat|paste|sprintf|format|now|time|date|rand|sample|"
    r"runif|rnorm|rbinom|rpois|rexp|rgamma|rbeta|shuffle|open|Sys)\w*",
    re.I,
)


def _io(callee: str) -> bool:
    return any(_IO_WORD.fullmatch(seg) for seg in re.split(r"[.:$@]+", callee) if seg)


_EMPTY = frozenset(("NULL", "nothing", "missing", "NA", "undef", "NaN", "Inf"))


def is_literal(value: str) -> bool:
    """A literal: number, string, logical, range, or a vector / named list of them."""
    return len(value) <= MAX_VALUE and _LITERAL.match(value) is not None


def is_default_value(value: str) -> bool:
    """A function default that states a setting: a literal, a named constant
    (`DEFAULT_NODE_FINDER`) or a constructor of literals (`GibbsPooleStockmeyer()`); a
    default computed from the other arguments (`range(lon)`) or empty (`NULL`) is not."""
    if len(value) > MAX_VALUE or value in _EMPTY:
        return False
    if is_literal(value) or _CONSTANT_NAME.match(value):
        return True
    return _constructor(value)


def is_const_value(value: str) -> bool:
    """The value of a declared constant (Julia `const`): a literal, a name it aliases
    (`bi_criteria_node_finder`) or a constructor of literals and names."""
    if len(value) > MAX_VALUE or value in _EMPTY:
        return False
    return bool(is_literal(value) or re.fullmatch(_QUALIFIED, value) or _constructor(value))


def _constructor(value: str) -> bool:
    if not _CONSTRUCTOR.match(value):
        return False
    callee = value.split("(", 1)[0]
    return not _io(callee)


_CALL = re.compile(rf"^({_QUALIFIED})\((.*)\)$", re.S)
_KEYWORD_ARG = re.compile(rf"^\s*{_ITEM_NAME}\s*=\s*(.+?)\s*$", re.S)


def is_literal_call(value: str) -> bool:
    """A pure call on literals, at least one a number (`seq(0, 10, length.out = 20)`,
    `diag(2, 2)`, `rep(0.5, 3)`): a value the script fixes, though it writes it as a
    computation. Calls that read, draw at random or print, and calls on strings alone (a
    path: `path.expand("~/data")`), are left out."""
    if len(value) > MAX_VALUE:
        return False
    m = _CALL.match(value)
    if not m or _io(m.group(1)) or m.group(1) in ("function", "c", "list"):
        return False
    args = _split_top(m.group(2))
    if args is None or not any(a.strip() for a in args):
        return False
    values = []
    for a in args:
        kw = _KEYWORD_ARG.match(a)
        values.append((kw.group(1) if kw else a).strip())
        if not is_literal(values[-1]):
            return False
    return any(re.match(_NUM, v) for v in values)


# functions that build a vector of numbers from a few: R `rep(1/3, 3)`, `seq(0, 1, 0.01)`,
# Julia `range(0, 1; length=11)`, `LinRange(0, 1, 11)`
_NUMBER_VECTOR = frozenset(("rep", "rep_len", "seq", "seq_len", "seq.int", "range", "LinRange"))


def is_number_vector_call(value: str) -> bool:
    """A vector of numbers written as a call (`rep(1/3, 3)`, `seq(0, 1, length = 10)`): a
    setting even as one argument of another call (`newSplatParams(group.prob = rep(1/3,
    3))`), unlike calls that draw or style (`unit(0.4, "npc")`, `rep("black", 2)`)."""
    m = _CALL.match(value)
    if not m or m.group(1) not in _NUMBER_VECTOR or not is_literal_call(value):
        return False
    args = _split_top(m.group(2)) or [""]
    first = args[0].split(";")[0].strip()
    return re.fullmatch(_NUM_EXPR, first) is not None


def _split_top(text: str) -> list[str] | None:
    """The comma-separated pieces of an argument list at bracket depth 0, or None when
    the brackets do not balance."""
    out, depth, start, quote = [], 0, 0, ""
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "\"'":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
            if depth < 0:
                return None
        elif ch == "," and depth == 0:
            out.append(text[start:i])
            start = i + 1
    if depth or quote:
        return None
    out.append(text[start:])
    return out
