"""The verdict for one paper setting, against the code of its experiment.

Order of evidence: the unit aligned with the setting's paragraph (its script with the
launch flags, plans and logs that override it); then configs and modules beside that
script; then the whole of the paper's code, where only a match counts, or a mismatch
when the paper gives the setting one value and the code one other value, either once
under the paper's own name or in the scripts a launch script runs."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from arakit.compiler.reconcile.align import Fit, related
from arakit.compiler.reconcile.items import for_item
from arakit.compiler.reconcile.parts import counts_parts, other_component, other_subject
from arakit.compiler.reconcile.match import STRONG, WEAK, code_numbers, name_score, value_relation
from arakit.compiler.reconcile.stage import group_stage, other_stage
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.repo.params.searched import drawn_by_search, search_bounds
from arakit.compiler.settings.model import PaperSetting

RUNTIME = ("plan", "cli-flag", "hydra-override", "log")
# definitions a script shares with the files beside it (not another script's own values)
SHARED = (
    "yaml",
    "json",
    "toml",
    "ini",
    "gin",
    "constant",
    "dataclass",
    "pydantic",
    "attrs",
    "class",
    "init",
)
EXACT = 0.95  # the code spells the paper's own name (same canonical key)


def library_default(p: CodeParam) -> bool:
    """An R or Julia function default: what a caller gets when it passes nothing. The
    calls that ran a paper's experiments with such a package are rarely in its
    repository and are not followed here, so a different value in the paper is the
    caller's choice, never shown to disagree (a match still counts)."""
    return p.kind == "default" and p.file.lower().endswith((".r", ".jl"))


@dataclass
class Verdict:
    """One setting: the verdict, each side's exact value and location, and a note."""

    key: str
    verdict: str
    paper_value: str = ""
    paper_where: str = ""
    paper_sentence: str = ""
    code_value: str = ""
    code_where: str = ""
    code_name: str = ""
    note: str = ""
    paper_name: str = ""
    code_kind: str = ""
    negative: bool = False  # a value the paper reports as not working: listed, not compared
    # the code's value is in an imported module outside the paper's code folder: the
    # script of that folder that reaches it, and where (`paper/code/run.py:12`)
    code_via: str = ""
    involved: list[CodeParam] = field(default_factory=list, repr=False, compare=False)

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `--json`."""
        out = asdict(self)
        out.pop("involved", None)
        return out


def where_of(s: PaperSetting) -> str:
    """`p. 13, §5.3` (and `(table)` for a value read from a table)."""
    return s.where.label + (f" ({s.source})" if s.source == "table" else "")


def verdict(
    s: PaperSetting, kind: str, p: CodeParam | None = None, note: str = "", *also: CodeParam
) -> Verdict:
    """A verdict with the paper's side filled in and, when given, the code's."""
    unit = f" {s.unit}" if s.unit and s.unit not in s.value else ""
    v = Verdict(
        s.key, kind, s.value + unit, where_of(s), s.where.sentence, note=note, paper_name=s.name
    )
    if p is not None:
        v.code_value, v.code_where, v.code_name, v.code_kind = p.value, p.location, p.name, p.kind
        v.involved = [p, *also]
    return v


def judge(
    s: PaperSetting,
    fit: Fit | None,
    everywhere: list[CodeParam],
    single_valued: bool,
    launched: dict[str, str] | None = None,
    itemised: bool = False,
    ran: frozenset[str] = frozenset(),
) -> Verdict:
    """The verdict for one setting (see the module doc). `single_valued`: the paper gives
    this setting no other value anywhere (so one definition in the code is its).
    `launched`: scripts a launch script of the paper's code runs, with that launch line.
    `itemised`: the paragraph gives this setting per item (match.per_item). `ran`: files
    a launch line runs (a launcher's command, a project's workflow step)."""
    stage = group_stage([s])
    everywhere = [p for p in for_item(s, everywhere, itemised) if not other_stage(stage, p.file)]
    everywhere = _not_drawn_over(everywhere)
    if data_count(s):
        note = (
            "a count of the data (how many there are in all), not a limit per example: "
            "not compared with the code's limit"
        )
        return verdict(s, "paper-only", None, note)
    if counts_parts(s):
        note = (
            f"a count of {s.name} (how many there are), not a value of {s.key}: "
            "not compared with the code's"
        )
        return verdict(s, "paper-only", None, note)
    if fit is not None:
        main = fit.unit.main
        aside = (
            f" ({', '.join(fit.baselines[:2])}, as close, is named for a method the paper "
            "compares with)"
            if fit.baselines
            else ""
        )
        found = _against(
            s,
            _not_drawn_over(for_item(s, fit.unit.effective(), itemised)),
            f"the experiment's code is {main}{aside}",
            "aligned",
            fit.unit.always_overrides,
        )
        if found is not None:
            return found
        nearby = [
            p for p in everywhere if related(p.file, main) and p.file != main and p.kind in SHARED
        ]
        found = _against(s, nearby, f"defined beside {main}", "nearby")
        if found is not None:
            return _printed(s, _run_decides(s, found, everywhere, ran))
    how = "anywhere-single" if single_valued else "anywhere"
    found = _against(s, everywhere, "", how, launched=launched or {})
    return (
        _printed(s, _run_decides(s, found, everywhere, ran)) if found else verdict(s, "paper-only")
    )


def _not_drawn_over(params: list[CodeParam]) -> list[CodeParam]:
    """The definitions without the defaults a hyperparameter search in the same file
    replaces: where `objective(trial)` draws `conv_filters` and builds the model with it,
    the model's `conv_filters=64` is never the value a trial runs."""
    drawn = {(p.file, p.bare) for p in params if drawn_by_search(p.value)}
    if not drawn:
        return params
    return [p for p in params if drawn_by_search(p.value) or (p.file, p.bare) not in drawn]


# a limit's key (`max_tokens`, `seq_length`), and the words that make a sentence state one
_LIMIT_KEY = re.compile(r"^(?:max|min)_|_(?:len|length|limit)$")
_LIMIT_WORDS = re.compile(
    r"\b(?:max(?:imum|imal)?|min(?:imum)?|at most|up to|limit\w*|length|long|truncat\w*|"
    r"pad\w*|context|window|per|each|sequence)\b",
    re.IGNORECASE,
)
_DATA_WORDS = re.compile(r"\b(?:data\s?set|corpus|corpora|data)\b", re.IGNORECASE)


def data_count(s: PaperSetting) -> bool:
    """True when the paper gives a limit's key (`max_tokens`) to a count of its data
    (`the dataset has over 2.6M tokens for training`): the value counts things named by a
    plural noun (`tokens`, `sentences`), the sentence speaks of the data
    and nothing in it bounds a length, so the value is how much data there is, of another
    kind than the code's limit per example (`max_length=512`)."""
    words = s.name.lower().split()
    counted = bool(words) and words[-1].isalpha() and len(words[-1]) > 3 and words[-1][-1] == "s"
    if not counted or not _LIMIT_KEY.search(s.key) or s.source == "table":
        return False  # `m = 1024`, `train time=3600 s`: a symbol or a quantity, not a count
    sentence = s.where.sentence
    return bool(_DATA_WORDS.search(sentence)) and not _LIMIT_WORDS.search(f"{s.name} {sentence}")


def _overridden(
    same: list[tuple[float, CodeParam]], scored: list[tuple[float, CodeParam]], s: PaperSetting
) -> tuple[CodeParam, CodeParam] | None:
    """(default, override) when the paper states a default the run replaced: the only
    definitions with the paper's value are defaults, and a plan, launch flag or log of the
    same name sets another value."""
    if not same or any(p.kind in RUNTIME for _, p in same):
        return None
    for _, p in same:
        for sc, q in scored:
            if (
                q.kind in RUNTIME
                and sc >= STRONG
                and q.bare == p.bare
                and value_relation(s, q) == "different"
            ):
                return p, q
    return None


def _against(
    s: PaperSetting,
    pool: list[CodeParam],
    context: str,
    how: str,
    always: Callable[[CodeParam], bool] = lambda p: True,
    launched: dict[str, str] | None = None,
) -> Verdict | None:
    """The verdict against one pool of definitions, or None when nothing in it names the
    setting. `always` says whether a run-time value replaces the default in every run (a
    launch line that only sometimes passes a flag offers an alternative, not the run)."""
    scored = sorted(((name_score(s, p), p) for p in pool), key=lambda x: -x[0])
    scored = [(sc, p) for sc, p in scored if sc >= WEAK]
    if not scored:
        return None
    same = [(sc, p) for sc, p in scored if value_relation(s, p) == "same"]
    replaced = _overridden(same, [(sc, q) for sc, q in scored if always(q)], s)
    if replaced is not None:
        p, q = replaced
        note = f"overridden at run time: {q.location} sets {q.value} over the default {p.value} at {p.location}, which the paper states"
        return verdict(s, "mismatch", q, note, p)
    if same:
        sc, p = same[0]
        default = next(
            (
                q
                for c, q in scored
                if q is not p
                and c >= STRONG
                and q.bare == p.bare
                and q.kind not in RUNTIME
                and value_relation(s, q) == "different"
            ),
            None,
        )
        sweep = len(set(code_numbers(p.value))) > 1 and len(s.values) == 1
        bounds = search_bounds(p.value)
        if bounds is not None:
            note = (
                f"a value the search at {p.location} picks: it draws this setting from "
                f"{bounds[0]:g} to {bounds[1]:g}"
            )
            return verdict(s, "match", p, note, *([default] if default else []))
        if sweep:
            note = f"one of the levels {p.location} runs"
            return verdict(s, "match", p, note, *([default] if default else []))
        if p.kind in RUNTIME and default is not None:
            note = f"overridden at run time: {p.location} sets {p.value} over the default {default.value} at {default.location}"
            return verdict(s, "match", p, note, default)
        note = (
            "matched by value; the code's name is only close to the paper's" if sc < STRONG else ""
        )
        twins = [q for _, q in same if q is not p and q.bare == p.bare]  # same name, same value
        return verdict(s, "match", p, note, *twins)
    strong = [
        (sc, p)
        for sc, p in scored
        if sc >= STRONG
        and p.used
        and always(p)
        and p.kind != "derived"  # `steps = np.zeros((atoms, n, 3))`: computed, not stated
        and p.kind != "local"  # a C function's local starting value: its callers may change it
        and not library_default(p)
        and value_relation(s, p) == "different"
        and not other_subject(s, p)  # `The LSTM has 2 layers` against a U-Net's `depth`
    ]
    if not strong:
        return None
    sc, p = strong[0]
    others = ", ".join(f"{q.value} at {q.location}" for _, q in strong[1:3])
    if how == "aligned":
        default = _default_under(p, scored)
        if default is not None:
            ran = (
                f"the run passes {p.value} at {p.location}, as the default at {default.location} says"
                if code_numbers(p.value) == code_numbers(default.value)
                else f"the run passes {p.value} at {p.location} over the default {default.value} at {default.location}"
            )
            return verdict(s, "mismatch", p, f"{context}; {ran}", default)
        return verdict(s, "mismatch", p, context + (f"; also {others}" if others else ""))
    values = {tuple(round(x, 12) for x in code_numbers(q.value)) or q.value for _, q in strong}
    if how == "nearby":
        if len(values) == 1:
            note = f"{context}, the only value the code gives this setting there"
            return verdict(s, "mismatch", p, note + (f" (also at {others})" if others else ""))
        return None
    if how == "anywhere-single" and other_component(s, p):
        return None  # `3 dense layers` against an LSTM script's `n_layers`: another part's
    if (
        how == "anywhere-single"
        and len(strong) == 1
        and sc >= EXACT
        and len(s.key) > 3
        and not _own_helper_call(p)
    ):
        return verdict(s, "mismatch", p, "the only definition of this setting in the paper's code")
    run = [q for _, q in strong if q.file in (launched or {})]
    run_values = {tuple(round(x, 12) for x in code_numbers(q.value)) or q.value for q in run}
    if how == "anywhere-single" and run and len(s.key) > 3 and len(run_values) == 1:
        p = run[0]
        rest = ", ".join(f"{q.value} at {q.location}" for _, q in strong if q not in run)
        note = f"the value in {p.file}, the script {(launched or {})[p.file]} runs" + (
            f" (scripts no launch script runs set {rest})" if rest else ""
        )
        return verdict(s, "mismatch", p, note)
    where = ", ".join(f"{q.value} at {q.location}" for _, q in strong[:3])
    return verdict(
        s, "paper-only", None, f"no script aligns with this experiment; the code sets {where}"
    )


def _own_helper_call(p: CodeParam) -> bool:
    """An argument of a call to the code's own method or private helper
    (`self._sample(n_samples=1)`): what one call passes, not the run's setting."""
    if p.kind != "call" or not p.context:
        return False
    return p.context.startswith("self.") or p.context.rsplit(".", 1)[-1].startswith("_")


def _printed(s: PaperSetting, found: Verdict) -> Verdict:
    """A value of the code the paper prints (an example in its text) is compared with the
    script it aligns with only: another script's value of the same name is another
    example's, not a disagreement."""
    if s.source != "code" or found.verdict != "mismatch":
        return found
    note = (
        f"a value of the code the paper prints; {found.code_value} at {found.code_where} "
        "belongs to another script: not compared"
    )
    return verdict(s, "paper-only", None, note)


def _run_decides(
    s: PaperSetting, found: Verdict, pool: list[CodeParam], ran: frozenset[str]
) -> Verdict:
    """A match found outside the paragraph's own script stands only when no file that a
    launch line runs gives the setting another value, where the agreeing definition runs
    too: the paper's value is then ambiguous. An agreeing definition no launch line names
    stays a match (a script may be run by hand)."""
    if found.verdict != "match" or not ran or not found.involved:
        return found
    p = found.involved[0]
    if p.kind in RUNTIME or p.file not in ran:
        return found  # a value a launch passes is the run's; a script may be run by hand
    others = [
        q
        for q in pool
        if q.file != p.file
        and q.file in ran
        and q.used
        and q.kind not in ("derived", "local", "default", "init")  # a caller may pass another
        and name_score(s, q) >= STRONG
        and value_relation(s, q) == "different"
    ]
    if not others:
        return found
    q = others[0]
    note = (
        f"ambiguous: the code that runs gives two values, {p.value} at {p.location} "
        f"(the paper's) and {q.value} at {q.location}; which one the paper's run used is "
        "not decided by the code"
    )
    return verdict(s, "ambiguous", p, note, q)


def _default_under(p: CodeParam, scored: list[tuple[float, CodeParam]]) -> CodeParam | None:
    """The script's own default that a launch flag or plan (`p`) replaces, if any."""
    if p.kind not in RUNTIME:
        return None
    return next(
        (q for _, q in scored if q.kind not in RUNTIME and q.bare == p.bare and q is not p), None
    )
