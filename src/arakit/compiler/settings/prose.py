"""Settings stated in running text, in the ways papers state them:

- `name = value [unit]`: `λ = 10−4`, `learning rate λ = 10−4`, `Ts,min = 1 ms`, `K=4`;
- a phrase and its value: `learning rate of 1e-5`, `weight decay 0.01`, `bandwidth 150 kHz`,
  `the learning rate of Adam is fixed to 1 · 10−3`, `the weight α is always set to 0.5`;
- value first: `for 90 epochs`, `n = 40000 iterations`, `a hidden layer with 64 units`,
  `five trials`, `a 2,048-token budget`, `4-layer`;
- `A and B are set to x and y, respectively`; `standard deviation 10 V and 1 A, respectively`;
- ranges: `in the range [5, 300]`, `∈ [10−16, 1]`.

Each setting keeps the name and value as printed; the key comes from the vocabulary
(names.py), the paper's own symbol definitions (glossary.py), a counting noun after the
value, or the symbol itself."""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.pdf.chars import SUPERSCRIPT
from arakit.compiler.settings import patterns as P
from arakit.compiler.settings import quantities as Q
from arakit.compiler.settings.glossary import SYMBOL
from arakit.compiler.settings.cuts import cuts, is_item, opens_list, ranked
from arakit.compiler.settings.counts import (
    changes,
    counts,
    dimensions,
    grids,
    quiet_count,
    sizes_of,
)
from arakit.compiler.settings.hardware import hardware, software
from arakit.compiler.settings.forms import (
    between,
    bracketed_items,
    decays_to,
    filter_bounds,
    group_counts,
    named_is,
    named_of,
    passive_counts,
    ranging,
    set_active,
    shares,
    symbol_between,
    time_spans,
    vectors,
    used_as,
)
from arakit.compiler.settings.items import per_item, priors, thresholds, windows
from arakit.compiler.settings.lists import (
    at_points,
    configuration_items,
    counted_lists,
    list_owner,
    ratios,
    sizes_per_layer,
    value_set,
)
from arakit.compiler.settings.leftover import leftover
from arakit.compiler.settings.method import setup_clause
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.names import (
    COUNTED_KEYS,
    QUALIFIERS,
    code_key,
    is_known_code_name,
    phrase_key,
    snake,
)
from arakit.compiler.settings.numbers import NUMBER, WORDS, dot_thousands_count, parse_number
from arakit.compiler.settings.phrased import percent, quantity, respectively, respectively_around
from arakit.compiler.settings.points import notation, reported_point
from arakit.compiler.settings.program import (
    in_display_equation,
    is_equation_term,
    is_figure_text,
    is_program,
    program_span,
)
from arakit.compiler.settings.samples import sample_size
from arakit.compiler.settings.sizes import sizes
from arakit.compiler.settings.sigmas import sigma_cuts
from arakit.compiler.settings.statistics import counts_freedom, is_statistic
from arakit.compiler.settings.splits import (
    folds,
    fraction_parts,
    limits,
    percent_parts,
    set_values,
    splits,
)
from arakit.compiler.settings.spanish import spanish, spanish_settings


# the roles of sections that report and discuss outcomes rather than set anything up
_REPORTING = ("results", "ablation", "conclusion", "limitations", "related")


# the plural noun after a count (`1000 equal intervals`, `16 individuals per stratum`)
_COUNTED_AFTER = re.compile(
    r"\s+(?:(?:equal|equally|evenly|distinct|independent|random|separate)\s+)?"
    r"([a-z][a-z-]{2,}s)\b(?:\s+per\s+[a-z]+)?"
)
# words after a number that are no counted noun (`n = 3 is`, `k = 5 was`, `= 2 times`)
_NOT_COUNTED = frozenset({"is", "was", "has", "times", "yields", "gives", "and", "as", "this"})


class Reader:
    """Reads settings from sentences, resolving symbols through the paper's glossary."""

    def __init__(
        self,
        symbols: dict[str, str],
        dot_thousands: bool = False,
        statistics: frozenset[str] = frozenset(),
    ) -> None:
        self.symbols = symbols
        # the symbols the paper reports as statistics (`M`, `d` beside a p-value)
        self.statistics = statistics
        # the paper writes thousands with a dot (`10.000 images`): see numbers.py
        self.dot_thousands = dot_thousands
        # the last sentence read opened a list of selection cuts, or was an item of one
        self.cut_list = False

    def key(self, name: str, lead: str = "", noun: str = "") -> tuple[str, str]:
        """(key, meaning) for a printed name: the vocabulary first, then the glossary, then
        a counting noun after the value, then the symbol itself."""
        for text in (f"{lead} {name}".strip(), name):
            k = phrase_key(text)
            if k:
                return k, ""
        base = re.sub(r"\s?\(.*\)$", "", name).strip()
        flat = snake(base.replace("{", "").replace("}", ""))  # `n_{heads}` is n_heads
        if flat and is_known_code_name(flat):
            return code_key(flat), ""
        meaning = self.symbols.get(base, "")
        if meaning and (k := phrase_key(meaning)):
            return k, meaning
        if noun and (k := phrase_key(noun)):
            return k, meaning
        return snake(base) or snake(name), meaning

    def read(self, sentence: str, where: Where, group: int, negative: bool) -> list[PaperSetting]:
        """Every setting stated in one sentence, in the order they appear."""
        in_list = self.cut_list and is_item(sentence)
        self.cut_list = in_list or opens_list(sentence)
        if is_program(sentence) or is_figure_text(sentence):
            return []  # a pseudo-code figure, a listing or a plot's axis run into the text
        program = program_span(sentence)
        found: list[tuple[int, PaperSetting]] = []
        taken: list[tuple[int, int]] = []

        def free(a: int, b: int) -> bool:
            return not any(x < b and a < y for x, y in taken)

        def add(
            pos: int,
            span: tuple[int, int],
            name: str,
            value: str,
            unit: str = "",
            key: str = "",
            meaning: str = "",
            numbers: tuple[float, ...] = (),
            count: float | None = None,
            extra: dict[str, str] | None = None,
        ) -> bool:
            if P.MEASURED_RE.match(sentence, span[1]) or P.FORMULA_RE.match(sentence, span[1]):
                return False  # a value with its error bar is a measurement; one in a formula, math
            if P.REFERENCE_BEFORE_RE.search(sentence[: span[0]]) or P.PART_NAME_RE.fullmatch(
                name.strip()
            ):
                return False  # `shown in Figure 3A`: a label of the paper's parts
            if P.COMPARED_AFTER_RE.match(sentence, span[1]) or P.ORDER_OF_RE.search(
                sentence[: span[0]]
            ):
                return False  # `3.58 higher`, `on the order of 10⁻¹¹`: a result, an estimate
            if in_display_equation(sentence, span[0]):
                return False  # a display equation run into the text
            if is_statistic(name, sentence, self.statistics, value) or counts_freedom(
                sentence, span[1]
            ):
                return False  # `t(66) = 6.93`, `η² = .94`, `(M = .47)`: what a test reported
            close = max(sentence.rfind(c, span[0], span[1]) for c in "]}") + 1
            if value.lstrip()[:1] in "[{" and P.TENSOR_SHAPE_RE.match(sentence, close or span[1]):
                return False  # `X ∈ {0, …, 255}^{3×H×W}`: the domain of a tensor, not a setting
            if program and program[0] <= span[0] < program[1]:
                return False  # a step of a pseudo-code listing run into the text
            if not key:
                key, meaning = self.key(name)
            if key in COUNTED_KEYS and unit and unit != "%" and re.fullmatch(P.UNIT, unit):
                key, meaning = snake(name), ""  # `a depth of 900 m`: a length, not layers
            if not key:
                return (
                    False  # a name without one letter or digit (`∗ = 2`) names nothing to compare
                )
            if not meaning and not unit and len(name.strip()) <= 3:
                # `N = 1000 equal intervals`, `nj = 16 individuals per stratum`: a symbol's
                # count is named by the noun printed after it
                counted = _COUNTED_AFTER.match(sentence, span[1])
                if counted and counted.group(1).lower() not in _NOT_COUNTED:
                    meaning = " ".join(counted.group(0).split())
            number = count if count is not None else parse_number(value) if not numbers else None
            if self.dot_thousands and not numbers:
                at = sentence.find(value.strip(), pos)
                grouped = dot_thousands_count(value, sentence, at) if at >= 0 else None
                number = grouped if grouped is not None else number
            if number is None and not numbers:
                return False
            # `when n is moderately small (n = 10), B is better`: a condition the paper
            # discusses, one case of its study, not the setting its experiment ran with
            # (a stopping rule, "stopped when the maximum of N samples was obtained", is not)
            case = P.CASE_CLAUSE.search(sentence[:pos].rsplit(",", 1)[-1])
            found.append(
                (
                    pos,
                    PaperSetting(
                        key,
                        name.strip(),
                        value.strip(),
                        number,
                        unit or "",
                        where,
                        numbers,
                        negative=negative,
                        variant=case is not None,
                        group=group,
                        meaning=meaning,
                        extra=dict(extra or {}),
                    ),
                )
            )
            taken.append(span)
            return True

        for f, number in software(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, "", f.key, count=number)
        if spanish(sentence):
            # a Spanish sentence: its own table, and the forms every language writes alike
            for f, number in spanish_settings(sentence):
                if free(*f.span):
                    add(f.span[0], f.span, f.name, f.value, f.unit, f.key, count=number)
            for f in ratios(sentence):
                if free(*f.span):
                    add(f.span[0], f.span, f.name, f.value, "", f.key, "", f.numbers)
            for m in P.ASSIGN_RE.finditer(sentence):
                if free(*m.span()):
                    self._assign(sentence, m, add)
            found.sort(key=lambda x: x[0])
            return [s for _, s in found]
        for f in [*cuts(sentence, in_list), *ranked(sentence)]:
            if free(*f.span):
                one = f.numbers[0] if len(f.numbers) == 1 else None
                numbers = f.numbers if one is None else ()
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key, "", numbers, count=one)
        for f, share in fraction_parts(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, "", f.key, count=share)
        for f in [*splits(sentence), *limits(sentence), *folds(sentence), *percent_parts(sentence)]:
            if free(*f.span):
                printed = re.findall(NUMBER, f.value)  # `section 22`, `≤ 10`
                one = None if f.numbers or not printed else parse_number(printed[0])
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key, "", f.numbers, count=one)
        for f, old in changes(sentence):
            if free(*f.span):
                key, meaning = self.key(f.name)
                note = {"changed_from": old}  # the reference model's value
                add(f.span[0], f.span, f.name, f.value, "", key, meaning, extra=note)
        for f in [
            *hardware(sentence),
            *sizes(sentence),
            *(f for f in per_item(sentence) if not P.labels_value(sentence[: f.span[0]])),
            *priors(sentence),
            *windows(sentence),
            *sigma_cuts(sentence),
        ]:
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key, "", f.numbers)
        for f in thresholds(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key)
        for f in at_points(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, "", f.key, "", f.numbers)
        for f in counted_lists(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, "", f.key, "", f.numbers)
        for f, sym in value_set(sentence):
            if free(*f.span):
                key, meaning = self.key(sym)
                add(f.span[0], f.span, f.name, f.value, "", key, meaning, f.numbers)
        for f, number in Q.simulated(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, "", f.key, count=number)
        quantities = Q.described(sentence)
        for f in quantities:
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key, f.meaning, f.numbers)
        respectively(sentence, add)
        respectively_around(sentence, add)
        for m in P.LR_TO_RE.finditer(sentence):
            if free(m.start("value"), m.end("value")):
                add(m.start("value"), m.span("value"), m.group("name"), m.group("value"))
        for m in P.EVERY_RE.finditer(sentence):
            if free(*m.span()):
                name = f"{m.group('verb')} every {m.group('noun')}"
                add(
                    m.start(),
                    m.span(),
                    name,
                    m.group("value"),
                    m.group("noun"),
                    phrase_key(f"{m.group('verb')} every") or snake(f"{m.group('verb')} every"),
                )
        init = (
            "init_std"
            if re.search(r"initiali[sz]|\binit\b", sentence, re.IGNORECASE)
            else "normal_std"
        )
        for m in P.NORMAL_INIT_RE.finditer(sentence):
            if m.group("value") == "1" and not P.DRAWN_RE.search(sentence):
                continue  # `normalized into N(0, 1)`: the standard normal, not a choice
            if free(*m.span()):
                add(m.start(), m.span(), "N(0, σ)", m.group("value"), "", init)
        for m in P.PAREN_PERCENT_RE.finditer(sentence):
            if free(*m.span()):
                percent(sentence, m, add)
        for m in P.PERCENT_FIRST_RE.finditer(sentence):
            if free(*m.span()):
                percent(sentence, m, add)
        # `a kernel size of 21` needs no vocabulary, so it is read only where a paper sets
        # things up: in results and conclusions `a dimensionality of 12 led to …` is a case
        named = named_of(sentence) if where.role not in _REPORTING else []
        for f in named:
            if " to " in f.value and free(*f.span):  # `a factor of 0.2 to 1`: both ends
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning, f.numbers)
        for m in P.PHRASE_VALUE_RE.finditer(sentence):
            clause = P.clause_before(sentence, m.start("value"))
            if P.counts_something_else(m.group("name"), sentence[m.end() :]):
                continue  # `32 walkers for 1500 steps`: the 1500 counts the steps
            if free(*m.span()) and not P.about_hardware(clause) and not P.reports_a_result(clause):
                before = sentence[: m.start()].split()
                qualifier = before[-1] if before else ""
                key, meaning = self.key(m.group("name"), qualifier)
                noun = P.unit_noun(sentence[m.end() :])
                if key == "warmup_steps" and noun.startswith("epoch"):
                    key = "warmup_epochs"  # `a warmup of 5 epochs`
                if noun in P.LENGTH_NOUNS and key not in COUNTED_KEYS:
                    # `warm up the learning rate for 1k steps`: the number counts the steps
                    if not P.WARMUP_RE.search(clause):
                        continue
                    plural = noun if noun.endswith("s") else f"{noun}s"
                    key, meaning = f"warmup_{plural}", ""
                unit = m.group("unit") or (
                    noun if noun in ("steps", "epochs", "iterations") else ""
                )
                add(m.start(), m.span(), m.group("name"), m.group("value"), unit, key, meaning)
        for m in P.RANGE_RE.finditer(sentence):
            if free(*m.span()) and m.group("open") + m.group("close") in ("[]", "()"):
                self._range(sentence, m, add)
        for f in [*used_as(sentence), *between(sentence), *symbol_between(sentence)]:
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key, "", f.numbers)
        for f in decays_to(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, f.unit, f.key)
        for f in ranging(sentence):
            # in a results section only where the clause tells what was done (`we subsampled
            # the mock to attain 10 steps ranging from …`), not a spread of outcomes
            if where.role in _REPORTING and not setup_clause(sentence, f.span[0]):
                continue
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning, f.numbers)
        for m in P.ASSIGN_RE.finditer(sentence):
            if free(*m.span()):
                self._assign(sentence, m, add)
        for m in P.keyword_arguments(sentence):
            if free(*m.span()):
                add(m.start(), m.span(), m.group("name"), m.group("value"))
        for f in set_active(sentence):
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        for m in P.SET_TO_RE.finditer(sentence):
            slot = "value" if m.group("value") else "spelled"
            if free(m.start(slot), m.end(slot)):
                name = P.counted_subject(sentence[: m.end("name")]) or P.lead(
                    m.group("name") + " ", 4
                )
                if name and not P.names_a_result(name):
                    add(
                        m.start(slot),
                        m.span(slot),
                        name,
                        m.group(slot),
                        m.group("unit") or "",
                    )
        for f in set_values(sentence):
            if free(*f.span):
                add(f.span[0], f.span, f.name, f.value, f.unit)
        for m in P.SHARE_RE.finditer(sentence):
            if free(*m.span()):
                name = f"{m.group('noun')} of {m.group('what')}"
                add(m.start(), m.span(), name, m.group("value"), "%")
        for m in P.VALUE_FIRST_RE.finditer(sentence):
            if m.group("value").lower() in WORDS and quiet_count(sentence[: m.start()], where.role):
                continue  # `Madsen and Johansen [2020] solve it with two new units`
            if free(m.start(), m.end("noun")):
                self._value_first(sentence, m, add)
        for f in [*dimensions(sentence, where.role), *sizes_of(sentence), *grids(sentence)]:
            if free(*f.span):
                one = f.numbers[0] if len(f.numbers) == 1 else None
                numbers = f.numbers if one is None else ()
                add(f.span[0], f.span, f.name, f.value, "", f.key, "", numbers, count=one)
        for f, number in counts(sentence, where.role):
            if not number.is_integer() and not self.dot_thousands:
                continue  # `18.279 genes` counts only where the paper groups thousands by dots
            if free(*f.span):
                noun = f.name.split()[-1]
                head = sentence[: f.span[0]]
                key = self._noun_key(f.name, noun, P.lead(head, 6), head)
                unit = noun if noun in ("steps", "epochs", "iterations") else ""
                add(f.span[0], f.span, f.name, f.value, unit, key, count=number)
        # `three sets of 1000 exposures`: how many groups of things the method made
        for f in group_counts(sentence) if where.role not in _REPORTING else []:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        # `excluded distributions spanning fewer than four bins`: the bound of a filter
        for f in filter_bounds(sentence) if where.role not in _REPORTING else []:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        # `on 50% of the training data`: a share, named by what it is a share of
        for f in shares(sentence) if where.role not in _REPORTING else []:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        # `a 1D convolution (width 8, stride 4)`: a part's settings listed in brackets
        for f in bracketed_items(sentence) if where.role not in _REPORTING else []:
            if free(*f.span):  # keyed by the item (`stride`), the part only when it helps
                key, meaning = self.key(f.name.removeprefix(f.meaning).strip(), f.meaning)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        # `the Sun is located at (8.2, 0, 0) kpc`: a point or vector, every coordinate
        for f in vectors(sentence) if where.role not in _REPORTING else []:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning, f.numbers)
        # `two seconds of initial silence`: named by what fills the time, before a phrase
        # ahead of the value names it (`session began 30 minutes of rest`)
        for f in time_spans(sentence) if where.role not in _REPORTING else []:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        for m in P.QUANTITY_RE.finditer(sentence):
            if free(m.start("value"), m.end("value")):
                quantity(sentence, m, add)
        for m in P.UNITLESS_RE.finditer(sentence):
            if free(m.start("value"), m.end("value")):
                quantity(sentence, m, add)
        for f in named:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning, f.numbers)
        # `the minimum count was 100`: read without a vocabulary, so in results only where
        # the sentence says the value was chosen (`we assumed that the age was 5 Gyr`)
        for f in named_is(sentence, where.role in _REPORTING):
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        # `four spoken pseudowords were serially played`: what the method made or showed
        for f in passive_counts(sentence, where.role in _REPORTING):
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, "", key, meaning)
        for f in configuration_items(sentence, taken) if where.role not in _REPORTING else []:
            if free(*f.span):
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning)
        # last, the amounts and counts of a method clause no reader above knew by name
        took = {v for _, s in found for v in s.values}
        for f in leftover(sentence, where.role):
            if free(*f.span) and parse_number(f.value) not in took:
                key, meaning = self.key(f.name)
                add(f.span[0], f.span, f.name, f.value, f.unit, key, meaning or f.meaning)
        found.sort(key=lambda x: x[0])
        return [s for _, s in found]

    def _range(self, sentence: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
        parts = re.split(r"[;:]|,\s|\.\s", sentence[: m.start()])
        clause = parts[-1]
        if len(parts) > 1 and re.search(r":\s*(?:\w+\s*){0,2}$", sentence[: m.start()]):
            clause = parts[-2]  # `Data cell values: uniform in [−30, 30]`: named before the colon
        verb = re.search(
            r"\s(?:is|are|was|were|taking|takes|restricted|bounded|limited|chosen|lies|lie)\b",
            clause,
        )
        subject = P.lead(clause[: verb.start()] + " ", 6) if verb else P.lead(clause, 4)
        member = (
            re.search(rf"({SYMBOL})\s*$", sentence[: m.start()])
            if m.group(0).startswith("∈")
            else None
        )
        if member and not P.is_plain_word(member.group(1)):
            subject = member.group(1)  # `C ∈ [0.01, 10]`; not `… для ядра ∈ [0, 1]`
        last = subject.split()[-1] if subject else ""
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if not subject or P.names_a_result(subject) or a is None or b is None:
            return
        if m.group(0).startswith("∈") and (a, b) == (0, 1) and not m.group("also"):
            return  # `γ ∈ [0, 1]`: the unit interval a weight or probability lives in
        is_symbol = (
            re.fullmatch(SYMBOL, last)
            and last.lower() not in P.LEAD_STOP
            and len(last) < 6
            and not P.is_plain_word(last)
        )
        key, meaning = self.key(last, subject) if is_symbol else self.key(subject)
        text = sentence[m.start("open") : m.end("close")]
        also = [parse_number(v) for v in re.findall(NUMBER, m.group("also") or "")]
        if m.group("also"):
            text = sentence[m.start("open") : m.end()]
        numbers = (a, b, *(v for v in also if v is not None))
        add(m.start(), m.span(), subject, text, m.group("unit") or "", key, meaning, numbers)

    def _assign(self, sentence: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
        name, value = m.group("name"), m.group("value")
        if name[0] in "ℜℑ":
            return  # `ℑ = 0`: the real or imaginary part, an axis of a plot
        sample = sample_size(sentence, name, m.start(), m.end())
        if sample and sample.share:
            return  # `36% (n = 1100 populations)`: the count behind a share, a result
        if P.OUTCOME_RE.search(sentence) or P.ADJUSTED_TO_RE.search(sentence[: m.start()]):
            return  # `the correct solution is w1 = 1`: what training should find or found
        if m.group("cite") and value in ("0", "1") and not m.group("unit"):
            return  # `the true model is µ = 0 (Ye, 1998)`: a case a cited result holds in
        if P.SUBSCRIPT_AFTER_RE.match(sentence, m.end("value")):
            return  # `cs=1,t`, `ks=2,t+1`: c_{s=1,t} with its subscript flattened, a symbol
        if name in P.INDEX_NAMES and value in ("0", "1"):
            return  # an index running from 0 or 1 (`Pn i=1`: a sum's limit, its sign lost)
        if value in ("0", "1") and (
            P.MATH_CONDITION.search(sentence) or P.near_inequality(sentence, m.start(), m.end())
        ):
            return  # `if |ri| < ϵ, then αi = 0`: a condition in a derivation, not a setting
        if P.OPERATOR_BEFORE_RE.search(sentence[: m.start()]):
            return  # `∂ ln Z = 1 ∫ …`: a term of an equation, not a symbol being set
        if is_equation_term(sentence, m.start(), m.end()):
            return  # `… + fφ ˙φ = 0`, `∆Jz = 2z ∆z + …`, `s = 10 log10(…)`: math
        if P.EVENT_BEFORE_RE.search(sentence[: m.start()]) and P.EVENT_AFTER_RE.match(
            sentence, m.end()
        ):
            return  # `P(o = 1 | s, d)`: the event a probability is of, not a setting
        if P.LABEL_BEFORE_RE.search(sentence[: m.start()]):
            return  # `the event designated E = 0`, `indexed by s = 1 for young`: a label
        if P.LOCUS_BEFORE_RE.search(sentence[: m.start()]):
            return  # `the points in the orbit where vz = 0 and z = 0`: a condition
        if name.endswith("(0)") and value == "0":
            return  # `let h(0) = 0`: a function's value at zero, a boundary condition
        if P.REASON_BEFORE_RE.search(sentence[: m.start()]):
            return  # `let hdf(0) = 0 since dfC(0) = 0`: a fact given as a reason
        if P.EXTREMUM_BEFORE_RE.search(sentence[: m.start()]):
            return  # `uniquely maximized at p = 0.5`: where an optimum lies, a derived fact
        if value in ("0", "1") and P.IDENTITY_RE.search(sentence):
            return  # `a special case of pλ where β = 0`: where one model becomes another
        lead = P.word_lead(P.lead_after_preposition(sentence[: m.start()]))
        raw = sentence[: m.start()].split()
        near = "" if raw and raw[-1].lower() in P.PREPOSITIONS else " ".join(lead.split()[-2:])
        if P.names_a_result(f"{near} {name}") or P.about_hardware(f"{near} {name}"):
            return
        if raw and raw[-1].lower() == "of" and P.names_a_result(" ".join(raw[-3:-1])):
            return  # `a score of AAtruth = 0.5`: the symbol names an outcome
        if P.OPTIMUM_RE.match(sentence, m.end()):
            return  # `AAsyn = 0.5 is considered optimal`: a metric's ideal value
        if notation(sentence, name, value, m.end("value")):
            return  # `k = 1, 2, …, N`, `∑ … t=1`: an index or a limit, not a setting
        if reported_point(sentence, m.start(), m.end()):
            return  # `0.927 at N2q = 6`: where an outcome was read, not what was set
        after = sentence[m.end() :].split()
        if after and after[0].strip(".,;:)").lower() in P.CASE_WORDS:
            return  # `the n = 8 case`: a label, not a setting
        if re.search(r"\bthan\s*$", sentence[: m.start()]):
            return  # `stars brighter than T = 16`: a bound
        if P.ATTRIBUTIVE_RE.search(sentence[: m.start()]) and P.describes_a_thing(
            sentence[m.end() :]
        ):
            return  # `a V = 10.6 star`, `a T = 9.9 mag dwarf`: what a thing is, not a choice
        if P.NAMED_OBJECT_RE.search(sentence[: m.start()]) or P.OBJECT_HAS_RE.search(
            sentence[: m.start()]
        ):
            return  # `TIC 460205581 (T = 9.9)`: a catalogued object's measured property
        noun = P.unit_noun(sentence[m.end() :])
        power = P.SPLIT_POWER_RE.search(sentence[: m.start()])
        before = sentence[: power.start() if power else m.start()]
        if P.VERSUS_RE.search(sentence) and P.LABELLED_RE.search(before):
            return  # `A (σ² = 0) versus M (σ² = 1/3)`: labels of the cases compared
        if power:  # `σ2 γ = 1/3`: σ²_γ with its subscript set apart, not γ itself
            name = f"{power.group(1)}{name}{power.group(2).translate(SUPERSCRIPT)}"
            lead = ""
        key, meaning = self.key(name, lead, noun)
        index = re.search(r"\((\w{1,3})\)$", name)
        if index:  # `β(1)`, `β(T)`: one entry of a sequence, its own setting
            base = re.escape(name[: index.start()])
            if len(re.findall(rf"{base}\(\w{{1,3}}\)\s*=", sentence)) >= 3:
                return  # `F(2)=1, F(3)=2, F(4)=3, …`: a function's values listed, an output
            key = f"{key}_{index.group(1).lower()}"
        printed = f"{lead} {name}".strip() if phrase_key(lead) else name
        if sample and sample.noun:  # `salinity (n=6k)`: how many the data hold, by what
            printed, key, meaning = f"{name} ({sample.noun})", sample.key, ""
        unit = m.group("unit") or (noun if noun in ("steps", "epochs", "iterations") else "")
        kept = add(m.start(), m.span(), printed, value, unit, key, meaning)
        chained = re.match(rf"[^=≡]+(?:=|≡|:=)\s*(?P<mid>{SYMBOL})\s*=", m.group(0))
        if kept and chained and parse_number(chained.group("mid")) is None:
            # `γ = κ = 0.5`: both symbols take the value
            mid = chained.group("mid")
            at = m.start() + chained.start("mid")
            key, meaning = self.key(mid, "", noun)
            add(at, (at, at + len(mid)), mid, value, unit, key, meaning)

    def _value_first(self, sentence: str, m: re.Match[str], add) -> None:  # type: ignore[no-untyped-def]
        before = sentence[: m.start()]
        value, noun, adj = m.group("value"), m.group("noun"), m.group("adj").strip()
        most = P.MAXIMUM_OF_RE.search(before)
        capped = most and noun not in Q.NOT_COUNTED  # not `up to 3 times`, `5 years`
        if noun not in P.COUNT_NOUNS and not (capped or Q.counted(sentence, m)):
            return
        if not before.strip() and adj[:1].isupper() and value.lower() not in WORDS:
            return  # `4 Training neural models`: a heading run into the text (`Four DDP
            # processes each hold ...` opens a sentence: headings are numbered in digits)
        if re.search(rf"{NUMBER}\s+(?:of|out\s+of)\s*$", before):
            return  # `3 of 10 runs diverge`: a count of outcomes
        last = before.split()[-1].lower() if before.split() else ""
        bad = P.VALUE_FIRST_BAD_BEFORE.search(before) or not (
            P.VALUE_FIRST_GOOD_BEFORE.search(before) or Q.SETUP_RE.fullmatch(last)
        )
        stop = P.STOP_RULE_RE.search(before) and P.REACHED_RE.match(sentence, m.end("noun"))
        # `the training was stopped after 30 epochs`: a stopping rule sets the length;
        # `warms up during the first 12k steps`: the warm-up's length
        stopped = P.STOPPED_AFTER_RE.search(before) and noun in P.LENGTH_NOUNS
        warmup = (
            P.FIRST_RE.search(before) and P.WARMUP_RE.search(sentence) and noun in P.LENGTH_NOUNS
        )
        if bad and before.strip() and not (stop or most or stopped or warmup):
            return
        if m.group("hyphen") == "-" and (value.lower() in WORDS or noun.startswith("step")):
            return  # `one-step prediction`, `64-step simulation`: a kind of method
        if value.lower() in WORDS and noun not in P.WORD_NOUNS and not most:
            return  # in words only for counting nouns, or a cap (`a maximum of two attributes`)
        if (
            value.lower() in WORDS
            and noun.startswith(("step", "stage", "phase"))
            and (
                re.search(
                    r"\b(?:consists?|consisting|composed|comprises?|involves?|there (?:are|"
                    r"were)|the following|divided into|split into|in)\s*(?:of\s*)?$",
                    before,
                )
                or re.match(r"\s*(?:involved|:)", sentence[m.end("noun") :])
            )
        ):
            return  # `consists of three steps`, `three steps involved`: how a method is laid out
        clause = P.clause_before(sentence, m.start())
        if P.names_a_result(adj) or P.reports_a_result(clause) or P.about_hardware(clause):
            return
        if set(adj.lower().split()) & P.LEAD_STOP:
            return  # `3 and numerical examples`: the words between are not one noun phrase
        name = f"{adj} {noun}".strip() + (m.group("tail") or "")
        if m.group("hyphen") == "-" and m.group("next") and not m.group("tail"):
            name = f"{name} {m.group('next').strip()}"  # `2,048-token budget`
        key = self._noun_key(name, noun, P.lead(before, 6), sentence[: m.start()])
        if warmup:
            name, key = f"warm-up {noun}", f"warmup_{noun if noun.endswith('s') else noun + 's'}"
        measured = P.MEASURED_IN_RE.search(before)
        if measured and noun in P.LENGTH_NOUNS:  # `a patience of 5 epochs`: the patience
            name = measured.group("what").lower()
            key = phrase_key(name) or snake(name)
        if most:  # `the maximum of 500,000 samples`: a cap, named as one (code: max_n)
            name = f"maximum {name}"
            key = phrase_key(name) or f"max_{snake(noun)}"
        unit = noun if noun in ("steps", "epochs", "iterations") else ""
        lst = P.LIST_BEFORE_RE.search(before)
        if lst and (
            re.match(r"[^.;]{0,40}?\brespectively\b", sentence[m.end("noun") :])
            or re.search(r"\brespectively,?\s*$", before[: lst.start()])
        ):
            # `contain 100000 and 87000 samples, respectively` (or `consisting of respectively
            # 32 and 24 images`): one value for each thing
            for v in [*re.findall(NUMBER, lst.group("values")), value]:
                add(m.start(), (m.start(), m.end("noun")), name, v, unit, key)
            return
        printed = [*re.findall(NUMBER, lst.group("values")), value] if lst else [value]
        numbers = tuple(n for v in printed if (n := parse_number(v)) is not None)
        if not lst or not all(n.is_integer() for n in numbers):
            # `a standard deviation of 0.01 and 64 hidden units`: only 64 counts the units
            add(m.start(), (m.start(), m.end("noun")), name, value, unit, key)
            return
        # `64 and 128 neurons`: one setting with every value, named by the method it belongs
        # to (`LSTM neurons`), so lists of different methods stay apart
        head = before[: lst.start()]
        layers = sizes_per_layer(head, len(numbers), noun)
        # the method stands after `3-layer` (`3-layer Neural Networks (`) or before `2 dense
        # layers of`
        owner = list_owner(head[: layers.start()] if layers and layers.group("of") else head)
        if layers:
            name = f"{owner} {layers.group('adj') or ''}layer sizes".strip()
            key = "hidden_size"
        elif owner:
            name = f"{owner} {name}"
        text = sentence[lst.start() : m.end("value")]
        add(lst.start(), (lst.start(), m.end("noun")), name, text, unit, key, "", numbers)

    def _noun_key(self, name: str, noun: str, context: str, before: str = "") -> str:
        if noun in ("units", "nodes", "neurons"):
            if re.search(r"\binput\b", name.lower()):
                return "input_size"
            if re.search(r"\boutput\b", name.lower()):
                return "output_size"
            # `For the LSTM estimator, ... a hidden layer and 16 nodes`: the estimator's size
            owner = [w for w in re.findall(r"[a-z]+", before.lower()) if w in QUALIFIERS]
            return f"{owner[-1]}_hidden_size" if owner else "hidden_size"
        return phrase_key(name) or phrase_key(f"{context} {name}") or snake(noun)
