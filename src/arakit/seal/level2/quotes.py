"""Numbers as written: finding quoted numbers in prose, telling a measured value from the digits
of a name, and comparing values with table cells.

Each number gets a role. Only a `value` is a measurement that can be checked against a cell;
the rest are parts of something else:

- `name`: digits of a model, dataset, tool or ID name — `ResNet-50/101/152`, `plain-{18, 34}`,
  `CIFAR-10`, `WM-001`, `C++23`, `dev20`, `top-1`, `152-layer`, `Python 3.11`, `RTX 3050`, a
  version `1.3.0`, a date `2026-07-18`;
- `range`: an end of `10–40`, `20 to 40`, `between 10 and 40` (a span, not a cell);
- `spread`: the part after `±` (checked only where the cells carry a spread too);
- `setting`: a configured value right after its name — `LR 0.01`, `batch size 128`, `seed 3`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUM = re.compile(
    r"(?<![\w.])(?P<sign>[-−–]?)(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?"
    r"(?P<exp>[eE][-−+]?\d+)?(?![\w])"
)
# Units written straight after a number: the number is a measured value, not a name part.
_UNIT = re.compile(
    r"(?:%|x|×|k|K|M|B|G|T|ms|us|µs|ns|s|h|min|GB|MB|KB|TB|GiB|MiB|KiB|bp|kb|Hz|kHz|MHz|GHz|"
    r"px|pp|pts?|nm|mm|cm|m|km|°C?|fps|GFLOPs?|FLOPs?|W|V|ops)(?![A-Za-z])"
)
# Tools and products whose number is a version or a model ("Python 3.11", "RTX 3050").
_TOOL_WORD = re.compile(
    r"\b(?:python|clang|gcc|g\+\+|cuda|cudnn|ubuntu|debian|fedora|node|java|windows|macos|ios|"
    r"android|rtx|gtx|xeon|ryzen|epyc|pytorch|torch|tensorflow|jax|numpy|llvm|qt|vulkan|opengl|"
    r"directx|gpt|llama|driver|version|release|commit|revision|rev|protocol|schema)\.?\s*$",
    re.IGNORECASE,
)
# Words whose integer is an index ("stage 2", "Table 3", "seed 4", "§4").
_INDEX_WORD = re.compile(
    r"(?:\b(?:stage|phase|step|level|round|session|chapter|part|item|rule|issue|task|milestone|"
    r"sprint|week|run|pr|no|number|section|sec|figure|fig|table|tab|appendix|eq|eqn|equation|"
    r"line|lines|page|pages|row|column|col|ticket|bug|pull|build|job|node|gpu|cpu|worker|seed)"
    r"\.?|#|§)\s*$",
    re.IGNORECASE,
)
_SETTING = re.compile(
    r"(?:\blr|learning[ -]rate|batch[ -]size|momentum|weight[ -]decay|wd|temperature|"
    r"warm-?up|beta[12]?|epsilon|eps|lambda|alpha|gamma|top[ -]?k|top[ -]?p|"
    r"cap|threshold|budget|limit|ceiling|timeout)\s*(?:of|=|:|at|to)?\s*$"
    r"|(?<![\w.])[A-Za-z]\s*=\s*$"  # a one-letter variable set to a value: N = 10, k=5
    # a Greek symbol or a code identifier set to a value: β=0.99, `warmup_frac`=0.1
    r"|(?<![\w.])[α-ωΑ-Ωµ]\s*=\s*$|`?\b[A-Za-z]\w*_\w+`?\s*=\s*$",
    re.IGNORECASE,
)
_RANGE_SEP = re.compile(r"^\s*(?:[-–—]|to|until|through)\s*$", re.IGNORECASE)
_BETWEEN = re.compile(r"\bbetween\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class Num:
    """A number as written: its value, how precisely it was written, where, and its role."""

    value: float
    decimals: int
    sci: bool
    text: str
    start: int
    end: int
    percent: bool = False
    role: str = "value"  # value | name | range | spread | setting

    def matches(self, other: float) -> bool:
        """True when `other`, rounded as this number was written, equals it (sign ignored).
        A percentage also matches the same share written as a fraction, and the other way."""
        if self._same(abs(other)):
            return True
        if self.percent and abs(other) <= 1:
            return self._same(abs(other) * 100)
        if not self.percent and not self.sci and abs(self.value) <= 1 and abs(other) > 1:
            return self._same(abs(other) / 100)
        return False

    def _same(self, b: float) -> bool:
        a = abs(self.value)
        if self.sci or (b != 0 and (b >= 1e5 or b < 1e-3)):
            if a == 0:
                return b == 0
            digits = len(re.sub(r"\D", "", self.text.split("e")[0].split("E")[0]).lstrip("0"))
            return abs(a - b) <= 0.5 * 10 ** -(max(digits, 1) - 1) * a + 1e-12
        return abs(round(b, self.decimals) - a) < 10 ** -(self.decimals + 3)

    @property
    def measured(self) -> bool:
        """A value written with decimals, an exponent or as a percentage."""
        return self.role == "value" and (self.decimals > 0 or self.sci or self.percent)


def numbers(text: str) -> list[Num]:
    """Every number written in text (thousands commas, decimals, e-notation, unicode minus),
    each with its role (module docstring)."""
    out: list[Num] = []
    for m in _NUM.finditer(text):
        raw = m.group(0).replace("−", "-").replace("–", "-").replace(",", "")
        try:
            value = float(raw)
        except ValueError:
            continue
        frac = m.group("frac")
        start, end = m.span()
        after = text[end : end + 8]
        # percentage points are percentages too ("a 7.5-point gap" between two fractions)
        percent = bool(re.match(r"\s?(?:%|pp\b|pts?\b|(?:percentage )?points?\b)", after))
        num = Num(value, len(frac) - 1 if frac else 0, bool(m.group("exp")), m.group(0), start, end)
        out.append(_with_role(num, text, percent, out))
    return _ranges(out, text)


def _with_role(num: Num, text: str, percent: bool, before_nums: list[Num]) -> Num:
    start, end = num.start, num.end
    before, after = text[max(0, start - 40) : start], text[end : end + 12]
    role = "value"
    attached_before = re.search(r"[A-Za-z+#_][-_]?$|[A-Za-z]\d*[-_]$", before) is not None
    attached_after = re.match(r"[-_]?[A-Za-z]", after) is not None and not _UNIT.match(
        after.lstrip("-_")
    )
    if attached_before or (attached_after and not percent):
        role = "name"
    elif (
        re.match(r"\.\d", after)
        or (re.match(r"-\d{2}\b", after) and re.match(r"\d{4}$", num.text))
        or re.search(r"\b\d{4}-(?:\d{2}-)?$", before)
    ):
        role = "name"  # a version 1.3.0, a date 2026-07-18
    elif re.search(r"\d:$", before) or re.match(r":\d{2}\b", after):
        role = "name"  # a time of day 13:05
    elif re.search(r"/\s*$", before) and (
        re.search(r"[A-Za-z][-_]?[^\s/]*\s*/\s*$", before)
        or (
            before_nums
            and before_nums[-1].role == "name"
            and re.fullmatch(r"\s*/\s*", text[before_nums[-1].end : start]) is not None
        )
    ):
        role = "name"  # ResNet-50/101/152, VGG-16/19: one name, several variants
    elif _in_name_braces(text, start):
        role = "name"  # plain-{18, 34}, ResNet-{50,101,152}
    elif re.search(r"\[\s*(?:\d+\s*,\s*)*$", before) and re.match(r"\s*(?:,\s*\d+\s*)*\]", after):
        role = "name"  # a citation: [41], [42, 43]
    elif re.search(r"(?:±|\+/-|\+-)\s*$", before):
        role = "spread"
    elif _SETTING.search(before):
        role = "setting"
    elif (
        _TOOL_WORD.search(before)
        or re.search(r"(?:§|\bsec(?:tion)?\.?|\bappendix)\s*$", before, re.IGNORECASE)
        or (not num.decimals and _INDEX_WORD.search(before))
    ):
        role = "name"
    return Num(
        num.value,
        num.decimals,
        num.sci,
        num.text,
        start,
        end,
        percent=percent,
        role=role,
    )


def _in_name_braces(text: str, pos: int) -> bool:
    """True inside `word-{...}` or `word{...}` when the number is followed by `,` or `}`."""
    open_ = text.rfind("{", 0, pos)
    if open_ < 1 or text.rfind("}", 0, pos) > open_:
        return False
    if not re.search(r"[A-Za-z][-_]?$", text[:open_]):
        return False
    m = _NUM.match(text, pos) or re.match(r"\d+(?:\.\d+)?", text[pos:])
    rest = text[pos + len(m.group(0)) if m else pos :].lstrip()
    return rest[:1] in (",", "}")


def _ranges(nums: list[Num], text: str) -> list[Num]:
    """Mark both ends of `a–b`, `a to b` and `between a and b` as a range when both are whole
    numbers (settings such as periods 10–40, seeds 0-9). Ends written with decimals are
    measured values (`between 0.3870 and 0.3915`) and stay checkable."""
    out = list(nums)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.role not in ("value", "setting") or b.role not in ("value", "setting"):
            continue
        if a.decimals or b.decimals or a.sci or b.sci:
            continue
        gap = text[a.end : b.start]
        if a.percent:
            gap = gap.lstrip().removeprefix("%")
        between = _BETWEEN.search(text[max(0, a.start - 12) : a.start]) and re.fullmatch(
            r"\s*(?:%\s*)?and\s*", text[a.end : b.start]
        )
        if _RANGE_SEP.match(gap) or between:
            for k in (i, i + 1):
                n = out[k]
                value = abs(n.value) if n.text[:1] in "-−–" and k == i + 1 else n.value
                out[k] = Num(value, n.decimals, n.sci, n.text, n.start, n.end, n.percent, "range")
    return out


def worth_checking(n: Num, text: str) -> bool:
    """A measured value that can be checked against a cell: not a name, range, spread or
    setting; not a small count, a year, or part of a compound word."""
    if n.role != "value":
        return False
    before, after = text[max(0, n.start - 2) : n.start], text[n.end : n.end + 2]
    if re.match(r"-[A-Za-z0-9]", after) or re.search(r"[A-Za-z0-9]-$", before):
        return False  # "20-input", "5-256-256-2", "seeds 0-2"
    if re.search(r"[A-Za-z]$", before.rstrip("-")) and not before.endswith(" "):
        return False
    if n.decimals == 0 and not n.sci and not n.percent:
        if abs(n.value) < 10:
            return False  # small counts: "3 seeds", "two layers"
        if 1900 <= n.value <= 2100:
            return False  # years
    return True


def measured_values(text: str) -> list[Num]:
    """The numbers of text that report a measurement: values with decimals or a percent sign,
    or integers of 10 or more written as values (names, versions, dates, settings left out)."""
    return [n for n in numbers(text) if worth_checking(n, text)]


def closest(value: float, cells: list[str]) -> str | None:
    """The cell whose first number is nearest to value (for 'the row holds ...' messages)."""
    best: tuple[float, str] | None = None
    for cell in cells:
        ns = numbers(cell)
        if not ns:
            continue
        d = abs(abs(ns[0].value) - abs(value))
        if best is None or d < best[0]:
            best = (d, cell.strip())
    return best[1] if best else None
