"""Settings in hyperparameter tables, read from the document's tables (the table
extractor decides the cells; this module decides what they mean).

Two shapes: a name per row (`Hyperparameter | Value`, `Factor | Values`, or one column
per model or run), and a configuration per row (`Name | dmodel | nheads | …` with one row
per model). Tables with a result column (accuracy, loss, FIT, R2, …) are results, not
settings, and are skipped."""

from __future__ import annotations

import re
from dataclasses import replace

from arakit.compiler.atoms import Where
from arakit.compiler.pdf.document import DocTable
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import code_key, phrase_key, snake
from arakit.compiler.settings.numbers import NUMBER, UNIT_SCALE, parse_number
from arakit.compiler.settings.prose import Reader
from arakit.compiler.text import sentences

_SETTINGS_CAPTION = re.compile(
    r"hyper-?parameters?|parameters?|settings?|configurations?|set-?up|training details|"
    r"implementation details|factors?|default values|priors?|"
    # an optical prescription: each surface's radius, conic, spacing and aperture, the
    # design the paper sets up (one row per surface)
    r"prescriptions?",
    re.IGNORECASE,
)
# a column that explains each name in words: it sets nothing (`Component | Description`)
_PROSE_HEADER = re.compile(
    r"^(?:descriptions?|meanings?|explanations?|definitions?|comments?|notes?|remarks?|"
    # where a value comes from (`[15]`, `estimated`): a citation, not a setting
    r"sources?|references?|refs?\.?|citations?)$",
    re.IGNORECASE,
)
# of those, the columns that say in words what each row's name is
_DESCRIBES = re.compile(r"^(?:descriptions?|meanings?|explanations?|definitions?)$", re.I)
_GENERIC_HEADER = re.compile(
    r"^(?:values?|value\(s\)|settings?|defaults?|default values?|levels?|choices?|range|options?|"
    r"(?:range|values?)\s?/\s?(?:range|values?)|values? \(range\)|"
    r"hyper-?parameters?|parameters?|factors?|name|names|description)$",
    re.IGNORECASE,
)
# a first column that holds the names of the settings (one setting per row)
_NAME_COLUMN = re.compile(
    r"^(?:hyper-?parameters?|parameters?|settings?|factors?|options?|variables?|quantity|"
    r"quantities|symbols?|notations?|config(?:uration)? (?:key|option))$",
    re.IGNORECASE,
)
# a column that counts the model's size: derived from the settings, not one of them
_COUNT_COLUMN = re.compile(
    r"^(?:#\s*)?(?:param(?:eter)?s?|#\s*params?|size \(params?\)|flops)$", re.IGNORECASE
)
_RESULT_HEADER = re.compile(
    r"\b(?:acc(?:uracy)?|loss|error|fit|r2|r²|rmse|mse|mae|f1|auc|bleu|score|perplexity|"
    r"reward|return|run-?time|time \(s\)|results?)\b",
    re.IGNORECASE,
)
# a column of priors (`N(8.32; 0.10)`, `U(0, 1)`): what the authors chose before the fit —
# the settings of a Bayesian analysis, beside columns that summarise its posterior
_PRIOR_HEADER = re.compile(r"^priors?\b", re.IGNORECASE)
_NOTE_MARK_RE = re.compile(r"(?<=\))\s*\(\d\)$|(?<=\))\s*[⁽][¹²³⁴⁵⁶⁷⁸⁹⁰]+[⁾]$")
_CODE_PAREN_RE = re.compile(r"\(([a-z][a-z0-9_ .\-]{1,30})\)\s*$")
_UNIT_PAREN_RE = re.compile(r"\(([^()]{1,6})\)|\[([^\[\]]{1,6})\]")  # `RoC (m)`, `RoC [m]`
# a cell that lists settings as code writes them (`n_estimators=499, max_depth=6`): each
# `name=value` is a setting of its own, named by its key, for the configuration of the row
_KV_PAIR = re.compile(r"^([A-Za-z_][A-Za-z0-9_.]*)\s*=\s*(\S.*)$")
_KV_SPLIT = re.compile(r"[,;]\s*(?=[A-Za-z_][A-Za-z0-9_.]*\s*=)")


_SUBSCRIPT_RE = re.compile(r"(?<=[^\W\d_])_(?:\{[^{}]*\}|[A-Za-z0-9])")


def _cell_values(cell: str) -> tuple[str, tuple[float, ...]]:
    """(printed value, its numbers): `300, 1800, 3600` → three numbers; `1e-4` → one."""
    text = _NOTE_MARK_RE.sub("", " ".join(cell.split()))  # `U(0.1; 0.4)(2)`: a note mark
    bare = _SUBSCRIPT_RE.sub("", text)  # `0.05(avg. k_{2,t})`: the 2 indexes k, it is no value
    nums = [parse_number(n) for n in re.findall(NUMBER, bare)]
    return text, tuple(n for n in nums if n is not None)


def key_values(cell: str) -> list[tuple[str, str]]:
    """The `name=value` pairs a cell lists (`n_estimators=499, max_depth=6`), or [] when
    the cell holds anything else: every comma-separated part must be one pair."""
    if "=" not in cell:
        return []
    pairs = []
    for part in _KV_SPLIT.split(cell.strip().rstrip(",;")):
        m = _KV_PAIR.match(part.strip())
        if not m or "=" in m.group(2):
            return []
        pairs.append((m.group(1), m.group(2).strip()))
    return pairs


def _name_key(name: str, reader: Reader) -> tuple[str, str]:
    """Key of a row or column name; a code name printed in parentheses wins."""
    m = _CODE_PAREN_RE.search(name)
    if m and m.group(1).strip().lower() not in _units():
        return code_key(snake(m.group(1))), ""
    base = re.sub(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])", "", name).strip()  # `RoC [m]`: RoC
    return reader.key(base or name)


def _units() -> set[str]:
    return {u for u in UNIT_SCALE} | {"s", "sec", "%"}


def _unit_of(name: str) -> str:
    for m in _UNIT_PAREN_RE.finditer(name):
        unit = (m.group(1) or m.group(2)).strip()
        if unit.lower() in _units():
            return unit
    return ""


# a column a statistical analysis reports: estimates with their errors, tests and their
# p-values, intervals, summaries of a sample (`β | SE | t | p`, `M | SD`, `OR | 95% CI`)
_STATISTIC_HEADER = re.compile(
    r"^(?:SE|S\.E\.|SD|S\.D\.|SEM|p|P|p-?values?|P-?values?|t|z|F|U|W|H|χ2|χ²|X2|df|β|B|b|"
    r"CI|(?:9[059]\s?%\s?)?(?:CI|CrI|HDI|HPD)|OR|HR|RR|IRR|M|Mdn|IQR|"
    r"Estimates?|Std\.?\s?[Ee]rr(?:or|\.)?|Coef(?:f|ficient)?s?\.?|Mean|Median|Cohen'?s d|"
    r"d|r|ρ|η2|η²|η²_p|SS|MS|R2|R²|n \(%\)|N \(%\)|%|Sig\.?)$"
)
# a p-value column: no table of settings has one
_P_VALUE = re.compile(r"^(?:p|P)(?:\s?-?\s?[Vv]alues?)?$|^Sig\.?$")


def _reports_statistics(table: DocTable) -> bool:
    """True when the header holds a p-value column, or two or more columns of a
    statistical report; a spanning header's last level counts (`BAI / p`)."""
    cells = [" ".join(h.split()).rsplit(" / ", 1)[-1].strip(" *†‡") for h in table.header]
    if any(_P_VALUE.match(c) for c in cells):
        return True
    return sum(bool(_STATISTIC_HEADER.match(c)) for c in cells) >= 2


def is_settings_table(table: DocTable) -> bool:
    """A table whose caption or header says it holds settings and that reports no result."""
    header = " ".join(table.header)
    if any(_PRIOR_HEADER.match(h.strip()) for h in table.header[1:]):
        return True  # the priors are settings; posterior columns are skipped when read
    if any(_RESULT_HEADER.search(h) for h in table.header) or _reports_statistics(table):
        return False
    if _reports_results(table):
        return False
    named = len(table.header) == 2 and _NAME_COLUMN.match(table.header[0].strip())
    if named and _GENERIC_HEADER.match(table.header[1].strip()):
        return True  # `Variable | Value(s)`: a name per row and its value
    return bool(_SETTINGS_CAPTION.search(_title(table.caption)) or _SETTINGS_CAPTION.search(header))


# a value cell that states no value but how one is found (`func. of E[R]`, `and avg. R`) or
# another symbol (`μ`): nothing to compare with the code
_NO_VALUE_CELL = re.compile(r"^(?:[a-z]+\.?\s|[^\d\s]{1,3}$)")


def _side_by_side(table: DocTable) -> list[DocTable]:
    """A table printed as two or three narrow tables side by side to save space: its header
    repeats one group of columns (`Variable | Value(s) | Variable | Value(s)`); each group
    becomes a table of its own, its rows those whose first cell names something, with the
    cells that state no value emptied. [] for any other table."""
    header = [" ".join(h.split()) for h in table.header]
    for width in (2, 3):
        count = len(header) // width
        if count < 2 or len(header) % width or not header[0]:
            continue
        groups = [header[i * width : (i + 1) * width] for i in range(count)]
        if any(g != groups[0] for g in groups):
            continue
        halves = []
        for i in range(count):
            rows = []
            for r in table.rows:
                part = (r[i * width : (i + 1) * width] + [""] * width)[:width]
                if not part[0].strip():
                    continue
                rows.append(
                    [part[0]] + ["" if _NO_VALUE_CELL.match(c.strip()) else c for c in part[1:]]
                )
            halves.append(replace(table, header=groups[0], rows=rows, header_rows=[]))
        return halves
    return []


def _title(caption: str) -> str:
    """The caption's first sentence, which says what the table is (`FID comparison of GANs
    and VAEs.`); later sentences explain it and may name the settings behind the results
    (`... when trained using settings suggested by original authors`)."""
    parts = sentences(caption)
    return parts[0] if parts else caption


# a caption that says what the table measures ("classification accuracy (%) of CTSSP with
# different time window configurations") or that its values came out of a fit ("Best-fit
# transit timing model parameters"): a results table, whatever else it names
_RESULT_CAPTION = re.compile(
    r"\b(?:accuracy|accuracies|error rates?|performance|f1|auc|bleu|perplexity|rmse|mse|mae|"
    r"best[- ]fit(?:ting)?|fitted|posteriors?)\b",
    re.IGNORECASE,
)


def _reports_results(table: DocTable) -> bool:
    """A results table: its caption names a measured outcome (and not the settings behind
    it), or most of its cells are a mean ± spread or marked best in bold."""
    if _RESULT_CAPTION.search(table.caption) and not re.search(
        r"hyper-?parameters?", table.caption, re.IGNORECASE
    ):
        return True
    cells = [c for r in table.rows for c in r[1:] if re.search(r"\d", c)]
    scored = [c for c in cells if "±" in c or c.strip().startswith("**")]
    return bool(cells) and 2 * len(scored) > len(cells)


# a column of the conditions each run starts from (`initial position`, `initial velocity`):
# what the authors chose, beside columns of what the runs then have or yield
_INITIAL_HEADER = re.compile(r"^(?:initial|starting)\s+[a-z]", re.IGNORECASE)


def table_settings(table: DocTable, reader: Reader, group: int) -> list[PaperSetting]:
    """The settings a hyperparameter table states, one per name (and column) with values;
    from any other table, only its columns of initial conditions."""
    if not table.rows:
        return []
    halves = _side_by_side(table)
    if halves:  # `Variable | Value | Variable | Value`: each pair of columns is one table
        return [s for half in halves for s in table_settings(half, reader, group)]
    if not is_settings_table(table):
        return _initial_conditions(table, reader, group)
    where = Where(table.page, table.section, f"{table.label}: {table.caption}", "setup")
    header = [" ".join(h.split()) for h in table.header]
    rows = [[" ".join(c.split()) for c in r] for r in table.rows if any(c.strip() for c in r)]
    by_row = (
        not header
        or bool(_NAME_COLUMN.match(header[0]))
        or all(_GENERIC_HEADER.match(h) or not h for h in header[1:])
        or (sum(phrase_key(r[0]) is not None for r in rows if r) * 2 >= len(rows))
    )
    out: list[PaperSetting] = []

    prose = {k for k, h in enumerate(header) if k and _PROSE_HEADER.match(h.strip())}

    def add(name: str, cell: str, context: str, part: int, described: str = "") -> None:
        if _COUNT_COLUMN.match(name.strip()):
            return
        pairs = key_values(cell)
        if pairs:  # `XGBoost | n_estimators=499, max_depth=6`: one setting per key
            for key, value in pairs:
                add(key, value, context or name, part)
            return
        text, nums = _cell_values(cell)
        if not text or text in ("-", "–", "—"):
            return
        key, meaning = _name_key(name, reader)
        meaning = described or meaning  # `β | maximum transmission rate | 0.317`: its words
        # one configuration (column or row) is one experiment
        out.append(
            _cell_setting(
                key, meaning, name, text, nums, _unit_of(name), where, group * 100 + part, context
            )
        )

    prior = next((k for k, h in enumerate(header) if k and _PRIOR_HEADER.match(h)), None)
    if prior is not None:
        for r in rows:
            if len(r) > prior and r[0] and re.search(r"\d", r[prior]):
                add(r[0], r[prior], "", 0)
        return out
    if by_row:
        for n, r in enumerate(rows, start=1):
            if len(r) < 2 or not r[0]:
                continue
            described = " ".join(
                r[k] for k in sorted(prose) if k < len(r) and r[k] and _DESCRIBES.match(header[k])
            ).strip()
            if described and not re.search(r"[^\W\d_]{3}", described):
                described = ""  # a note mark or a symbol is no description
            for col, cell in enumerate(r[1:], start=1):
                if col in prose:
                    continue
                context = (
                    header[col]
                    if col < len(header) and not _GENERIC_HEADER.match(header[col] or "x")
                    else ""
                )
                if key_values(cell):  # the row's own configuration: one experiment per row
                    add(r[0], cell, context, n)
                else:
                    add(r[0], cell, context, col if context else 0, described)
    else:
        for n, r in enumerate(rows, start=1):
            label = r[0] if r else ""
            for col, cell in enumerate(r[1:], start=1):
                if col < len(header) and header[col] and _cell_values(cell)[1]:
                    add(header[col], cell, label, n)
    return out


def _initial_conditions(table: DocTable, reader: Reader, group: int) -> list[PaperSetting]:
    """`name | initial position (kpc) | initial velocity (km s⁻¹) | J_R | …`: the initial
    conditions of each row's run (named by the column, for the row), and nothing of the
    columns that describe the runs."""
    columns = [k for k, h in enumerate(table.header) if k and _INITIAL_HEADER.match(h.strip())]
    if not columns:
        return []
    where = Where(table.page, table.section, f"{table.label}: {table.caption}", "setup")
    out = []
    for n, row in enumerate(table.rows, start=1):
        label = " ".join(row[0].split()) if row else ""
        for k in columns:
            text, nums = _cell_values(row[k]) if k < len(row) else ("", ())
            if not label or not nums:
                continue
            name = " ".join(table.header[k].split())
            key, meaning = reader.key(re.sub(r"\s*\([^()]*\)", "", name).strip())
            unit = re.search(r"\(([^()]{1,12})\)\s*$", name)
            printed_unit = unit.group(1) if unit else ""
            out.append(
                _cell_setting(
                    key, meaning, name, text, nums, printed_unit, where, group * 100 + n, label
                )
            )
    return out


def _cell_setting(
    key: str,
    meaning: str,
    name: str,
    text: str,
    nums: tuple[float, ...],
    unit: str,
    where: Where,
    group: int,
    context: str,
) -> PaperSetting:
    """One table cell's setting: one number, or every number of a list or range."""
    number = nums[0] if len(nums) == 1 and parse_number(text) is not None else None
    s = PaperSetting(
        key,
        name,
        text,
        number,
        unit,
        where,
        nums if number is None else (),
        source="table",
        group=group,
        meaning=meaning,
    )
    if context:
        s.extra["column"] = context
    return s
