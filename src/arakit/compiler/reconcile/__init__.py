"""Code–paper reconciliation: every setting the paper states is compared with the code
that ran its experiment, and every known setting of that code the paper does not state
is listed. Verdicts: match, mismatch, ambiguous (the code that runs gives
two values), paper-only, code-only; each with both values as
written and both locations, and a note when a launch script, a plan or a log shows the
run used a value other than the code's default ("overridden at run time"). A setting the
code folder leaves unstated is then asked of the in-repository modules its scripts
import (the verdict names the module's file:line and the script's that reaches it), then
what a README line about the same thing states (reconcile/readme.py). The optimiser the
paper names is compared with the one the code constructs (reconcile/choices.py); constants
that label cases (`LEFT = 0`, `RIGHT = 1`) are never compared (reconcile/labels.py); a
function's default gives way to the calls that pass the value (reconcile/called.py)."""

from __future__ import annotations

import re
from collections import defaultdict

from arakit.compiler.reconcile.align import Fit, Unit, align, build_units, runs
from arakit.compiler.reconcile.called import call_decides
from arakit.compiler.reconcile.named import named_verdicts
from arakit.compiler.reconcile.choices import is_choice, judge_choice, paper_choices
from arakit.compiler.reconcile.imported import judge_imported
from arakit.compiler.reconcile.labels import enum_labels
from arakit.compiler.reconcile.layers import layer_verdict
from arakit.compiler.reconcile.items import per_item
from arakit.compiler.reconcile.ranges import range_verdict
from arakit.compiler.reconcile.readme import readme_verdict
from arakit.compiler.reconcile.reductions import reduction_verdicts
from arakit.compiler.reconcile.sections import foreign, own_code, section_folder
from arakit.compiler.reconcile.sentinels import planned
from arakit.compiler.reconcile.totals import others_verdict, others_work, total_of_stages
from arakit.compiler.reconcile.verdicts import Verdict, judge, verdict
from arakit.compiler.atoms import Where
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import same_number

__all__ = ["VERDICTS", "Verdict", "reconcile", "same_value"]

VERDICTS = ("match", "mismatch", "ambiguous", "paper-only", "code-only")


def same_value(a: str, b: str) -> bool:
    """True when two printed values mean the same number (`1e-4` and `0.0001`) or text."""
    from arakit.compiler.settings.numbers import parse_number

    x, y = parse_number(a), parse_number(b)
    if x is not None and y is not None:
        return same_number(x, y)
    return a.strip().strip("'\"").lower() == b.strip().strip("'\"").lower()


def reconcile(
    settings: list[PaperSetting],
    params: list[CodeParam],
    imported: list[CodeParam] | None = None,
    prefer: dict[str, int] | None = None,
    sentences: list[Where] | None = None,
    sections: dict[str, str] | None = None,
) -> list[Verdict]:
    """Compare the paper's stated settings with the code's values (see the module doc).
    `imported`: definitions of in-repository modules outside the paper's code folder that
    its scripts reach (`CodeParam.via` set), asked only for a setting the folder itself
    leaves paper-only. `prefer`: the paper's own method by name (reconcile/method.py),
    which breaks a tie between near-identical experiment scripts. `sentences`: the
    paper's running text (compiler/choices.py paper_sentences), read for the named
    alternatives the code offers (reconcile/named.py). `sections`: {section: folder of
    the experiment it reports} (Scope.sections): a section's settings are never compared
    with another experiment's folder (reconcile/sections.py)."""
    sections = sections or {}
    documented = [p for p in params if p.kind == "readme"]
    disabled = [p for p in params if p.kind == "disabled"]
    reduced = [p for p in params if p.kind == "reduction"]
    labels = enum_labels(params)
    params = [
        p
        for p in params
        if p.kind not in ("readme", "disabled", "reduction") and id(p) not in labels
    ]
    units = build_units([p for p in params if p.kind != "seed"])
    params = [p for p in params if p.kind not in ("seed", "launch", "include")]
    groups: dict[int, list[PaperSetting]] = {}
    values: dict[str, set[tuple[float, ...]]] = defaultdict(set)
    out: list[Verdict] = []
    choices = paper_choices(settings)
    settings = [s for s in settings if not is_choice(s)]
    for s in settings:
        if others_work(s):
            out.append(others_verdict(s))
        elif s.negative or s.variant or planned(s):
            note = (
                "a value the paper reports as not working (a negative result): not compared"
                if s.negative
                else "a value the paper states for a baseline, an ablation or a special case: not compared"
                if s.variant
                else "a plan or future work the paper describes, not a setting of its runs: not compared"
            )
            v = verdict(s, "paper-only", None, note)
            v.negative = True
            out.append(v)
        elif s.values or s.value:
            groups.setdefault(s.group, []).append(s)
            values[s.key].add(tuple(round(x, 12) for x in s.values) or (hash(s.value),))
    involved: set[tuple[str, int, str]] = set()
    launched = _launched(units)
    ran = frozenset(u.main for u in units if runs(u))
    fits: dict[int, Fit | None] = {}
    for group in groups.values():
        fit = align(group, units, prefer)
        fits[group[0].group] = fit
        start = len(out)
        itemised = per_item(group)
        for s in group:
            v = judge(s, fit, params, len(values[s.key]) == 1, launched, s.key in itemised, ran)
            v = call_decides(s, v, params, disabled)
            v = total_of_stages(v, s, params) or v
            if v.verdict == "paper-only" and s.key == "repetitions":
                v = _fixed_seed(s, params) or v
            if v.verdict == "paper-only":
                v = range_verdict(s, params) or layer_verdict(s, params) or v
            if v.verdict == "paper-only" and imported:
                v = judge_imported(s, fit, imported) or v
            if v.verdict == "paper-only" and documented:
                v = readme_verdict(s, documented, group) or v
            involved.update((p.file, p.line, p.bare) for p in v.involved)
            out.append(v)
        _several_values(out[start:])
    for c in choices:
        if c.negative or c.variant or planned(c) or others_work(c):
            continue  # a choice the paper reports as not working, for a baseline or others
        # the optimiser a section names, never against another section's experiment (a
        # numeric setting is not held to it: a table floats away from its section, and a
        # general setup section speaks for every experiment; sysid-estimator's p. 9 table)
        section = c.where.section
        fit = fits.get(c.group)
        if fit is not None and foreign(fit.unit.main, section, sections):
            own = [u for u in units if not foreign(u.main, section, sections)]
            fit = align(groups[c.group], own, prefer) if c.group in groups else None
        mine = own_code(params, section, sections)
        v = judge_choice(c, fit, mine, prefer, section_folder(section, sections))
        involved.update((p.file, p.line, p.bare) for p in v.involved)
        out.append(v)
    for v in named_verdicts(sentences or [], params) + reduction_verdicts(sentences or [], reduced):
        involved.update((p.file, p.line, p.bare) for p in v.involved)
        out.append(v)
    out = _once(out)
    out += _code_only(params, involved)
    order = {v: i for i, v in enumerate(VERDICTS)}
    out.sort(key=lambda v: (order[v.verdict], v.paper_where, v.key))
    return out


_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _once(out: list[Verdict]) -> list[Verdict]:
    """One disagreement is reported once: a paper that states the same values again on
    another page (a restatement in its results) against the same code definition gives
    one mismatch, whose note names every place the paper states it."""
    first: dict[tuple[str, str, str, tuple[str, ...]], Verdict] = {}
    kept: list[Verdict] = []
    for v in out:
        if v.verdict == "mismatch" and v.code_where:
            k = (v.key, v.code_where, v.code_value, tuple(_NUMBER.findall(v.paper_value)))
            if k in first:
                also = f"The paper states the same again at {v.paper_where}."
                first[k].note = f"{first[k].note} {also}".strip()
                continue
            first[k] = v
        kept.append(v)
    return kept


MAX_RUN_BY_ONE_LAUNCHER = 2


def _launched(units: list[Unit]) -> dict[str, str]:
    """Scripts a launch script singles out, with that launch line: a launcher that runs
    one or two scripts names the experiment; one that runs every script of the paper in
    turn (`run_paper_scripts.sh`) names none of them."""
    runs: dict[str, set[str]] = defaultdict(set)
    for u in units:
        for ln in u.launches:
            runs[ln.file].add(u.main)
    out: dict[str, str] = {}
    for u in units:
        for ln in u.launches:
            if len(runs[ln.file]) <= MAX_RUN_BY_ONE_LAUNCHER:
                out.setdefault(u.main, ln.location)
    return out


def _several_values(group: list[Verdict]) -> None:
    """One code definition that several differently named settings of one paragraph
    claim, with different values ("k = 5 or k = 10 iterations"; a true effect α = 9.21
    and its estimate α̂ = 10.22 beside the mean 10 the code draws from), is alternatives,
    levels or results, not a disagreement: its mismatches become paper-only, saying so."""
    by_code: dict[tuple[str, str], list[Verdict]] = defaultdict(list)
    for v in group:
        if v.verdict in ("match", "mismatch") and v.code_where:
            by_code[(v.code_where, v.code_name)].append(v)
    for (where, _), vs in by_code.items():
        stated = {v.paper_value for v in vs}
        if len(stated) < 2:
            continue
        if len({v.key for v in vs}) < 2:
            _one_of_two(vs)  # one name with two values is the paper's own: judged as stated
            continue
        for v in vs:
            if v.verdict == "mismatch":
                v.verdict = "paper-only"
                v.note = (
                    f"the paper states {len(stated)} values here ({', '.join(sorted(stated))}) "
                    f"where the code defines one ({v.code_value} at {where}): alternatives or "
                    "results, not compared"
                )
                v.code_value = v.code_where = v.code_name = v.code_kind = ""


def _one_of_two(vs: list[Verdict]) -> None:
    """A sentence that gives one setting two values ("trained on 3 general classes, then
    fine-tuned for the desired 7 classes") where the code's one definition is one of them
    describes two stages or variants, and the code holds the one it matches: the other
    value is not a disagreement with that definition."""
    agreed = {v.paper_sentence for v in vs if v.verdict == "match"}
    for v in vs:
        if v.verdict == "mismatch" and v.paper_sentence in agreed:
            v.verdict = "paper-only"
            v.note = (
                f"the same sentence also states {v.key} as the code's {v.code_value} "
                f"({v.code_where}): another stage or variant, not compared"
            )
            v.code_value = v.code_where = v.code_name = v.code_kind = ""


MAX_CODE_ONLY = 40
_LEFT_OUT = ("call", "default", "init", "derived", "log", "launch", "sweep")
_STRUCTURED = (
    "dataclass",
    "pydantic",
    "attrs",
    "argparse",
    "click",
    "typer",
    "yaml",
    "json",
    "toml",
    "ini",
    "gin",
    "xml",
)


def _code_only(params: list[CodeParam], used: set[tuple[str, int, str]]) -> list[Verdict]:
    """Known settings of the paper's code that the paper never states (one per file and
    setting; keyword arguments, function defaults and logs are left out as too many)."""
    out: list[Verdict] = []
    seen: set[tuple[str, str]] = set()
    for p in params:
        if (p.file, p.line, p.bare) in used or not p.used or p.kind in _LEFT_OUT:
            continue
        if not p.known and p.kind not in _STRUCTURED:
            continue  # an unknown name counts only where a config structure declares it
        if (p.file, p.key) in seen or len(out) >= MAX_CODE_ONLY:
            continue
        seen.add((p.file, p.key))
        out.append(
            Verdict(
                p.key,
                "code-only",
                code_value=p.value,
                code_where=p.location,
                code_name=p.name,
                code_kind=p.kind,
            )
        )
    return out


# a loop that counts runs: `for i in {1..3}`, `range(5)`, `for (r in 1:10)`, `for k = 1:5`
_COUNTING = re.compile(
    r"\{[01]\.\.\d+\}|range\(\s*\d+\s*\)|range\(\s*[01]\s*,\s*\d+\s*\)|[01]\s*:\s*\d+"
)


def _fixed_seed(s: PaperSetting, params: list[CodeParam]) -> Verdict | None:
    """`five trials` in the paper against one fixed seed and no repetition in the code."""
    if not s.number or s.number <= 1:
        return None
    loops = [
        p
        for p in params
        if p.key in ("repetitions", "seeds")
        or (
            re.search(r"rep|trial|run|seed", p.bare, re.IGNORECASE)
            and re.search(r"range\(|\[.*,", p.value)
        )
        or (p.kind == "sweep" and _COUNTING.fullmatch(p.value.strip()) is not None)
    ]
    # one seed that fixes the run: a literal non-negative integer the script itself sets (a
    # negative or empty seed means "draw one"; a function's default, in any language, is
    # its caller's to choose, as for any other setting: `def embed(x, seed: int = 4)` says
    # nothing of how often the caller repeats the run)
    seeds = [
        p
        for p in params
        if p.key == "seed"
        and p.kind not in ("seed", "default", "init")
        and re.fullmatch(r"\d+", p.value.strip()) is not None
    ]
    if loops or len({p.value for p in seeds}) != 1:
        return None  # the code repeats runs somewhere, or sets no single seed
    p = seeds[0]
    return verdict(
        s, "mismatch", p, f"the code fixes one seed ({p.value}) and never repeats the run"
    )
