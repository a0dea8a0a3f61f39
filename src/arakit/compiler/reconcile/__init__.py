"""Code–paper reconciliation: every setting the paper states is compared with the code
that ran its experiment, and every known setting of that code the paper does not state
is listed. Verdicts: match, mismatch, paper-only, code-only; each with both values as
written and both locations, and a note when a launch script, a plan or a log shows the
run used a value other than the code's default ("overridden at run time")."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from arakit.compiler.reconcile.align import Fit, align, build_units, related
from arakit.compiler.reconcile.match import STRONG, WEAK, code_numbers, name_score, value_relation
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import same_number

VERDICTS = ("match", "mismatch", "paper-only", "code-only")


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

    def to_json(self) -> dict[str, Any]:
        """A plain dict for `--json`."""
        return asdict(self)


def same_value(a: str, b: str) -> bool:
    """True when two printed values mean the same number (`1e-4` and `0.0001`) or text."""
    from arakit.compiler.settings.numbers import parse_number

    x, y = parse_number(a), parse_number(b)
    if x is not None and y is not None:
        return same_number(x, y)
    return a.strip().strip("'\"").lower() == b.strip().strip("'\"").lower()


def _where(s: PaperSetting) -> str:
    return s.where.label + (f" ({s.source})" if s.source == "table" else "")


def _verdict(s: PaperSetting, kind: str, p: CodeParam | None = None, note: str = "") -> Verdict:
    v = Verdict(
        s.key,
        kind,
        s.value + (f" {s.unit}" if s.unit and s.unit not in s.value else ""),
        _where(s),
        s.where.sentence,
        note=note,
        paper_name=s.name,
    )
    if p is not None:
        v.code_value, v.code_where, v.code_name, v.code_kind = p.value, p.location, p.name, p.kind
    return v


_RUNTIME = ("plan", "cli-flag", "hydra-override", "log")
# definitions a script shares with the files beside it (not another script's own values)
_SHARED = (
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


def _judge(
    s: PaperSetting, fit: Fit | None, everywhere: list[CodeParam]
) -> tuple[Verdict, CodeParam | None]:
    """The verdict for one setting: against the code aligned with its experiment; when that
    script never names the setting, against the files beside it (a mismatch only when the
    code gives the setting one value there); otherwise only a match anywhere counts."""
    if fit is not None:
        main = fit.unit.main
        found = _against(
            s,
            fit.unit.effective(),
            f"the experiment's code is {main}",
            "aligned",
            fit.unit.always_overrides,
        )
        if found is not None:
            return found
        nearby = [
            p for p in everywhere if related(p.file, main) and p.file != main and p.kind in _SHARED
        ]  # configs and modules beside the script, never another script's own values
        found = _against(s, nearby, f"defined beside {main}", "nearby")
        if found is not None:
            return found
    return _against(s, everywhere, "", "anywhere") or (_verdict(s, "paper-only"), None)


def _overridden(
    same: list[tuple[float, CodeParam]], scored: list[tuple[float, CodeParam]], s: PaperSetting
) -> tuple[CodeParam, CodeParam] | None:
    """(default, override) when the paper states a default the run replaced: the only
    definitions with the paper's value are defaults, and a plan, launch flag or log of the
    same name sets another value."""
    if not same or any(p.kind in _RUNTIME for _, p in same):
        return None
    for _, p in same:
        for sc, q in scored:
            if (
                q.kind in _RUNTIME
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
) -> tuple[Verdict, CodeParam | None] | None:
    """The verdict against one pool of definitions, or None when nothing in it names the
    setting. `always` says whether a run-time value replaces the default in every run (a
    launch line that only sometimes passes a flag offers an alternative, not the run)."""
    scored = [(name_score(s, p), p) for p in pool]
    scored = [(sc, p) for sc, p in scored if sc >= WEAK]
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    same = [(sc, p) for sc, p in scored if value_relation(s, p) == "same"]
    replaced = _overridden(same, [(sc, q) for sc, q in scored if always(q)], s)
    if replaced is not None:
        p, q = replaced
        note = (
            f"overridden at run time: {q.location} sets {q.value} over the default {p.value} "
            f"at {p.location}, which the paper states"
        )
        return _verdict(s, "mismatch", q, note), q
    if same:
        sc, p = same[0]
        note = ""
        default = next(
            (
                q
                for c, q in scored
                if q is not p
                and c >= STRONG
                and q.kind not in _RUNTIME
                and value_relation(s, q) == "different"
            ),
            None,
        )
        if p.kind in _RUNTIME and default is not None:
            note = (
                f"overridden at run time: {p.location} sets {p.value} over the default "
                f"{default.value} at {default.location}"
            )
        elif sc < STRONG:
            note = "matched by value; the code's name is only close to the paper's"
        return _verdict(s, "match", p, note), p
    strong = [
        (sc, p)
        for sc, p in scored
        if sc >= STRONG and p.used and always(p) and value_relation(s, p) == "different"
    ]
    if not strong:
        return None
    sc, p = strong[0]
    others = ", ".join(f"{q.value} at {q.location}" for _, q in strong[1:3])
    if how == "aligned":
        return _verdict(s, "mismatch", p, context + (f"; also {others}" if others else "")), p
    values = {tuple(round(x, 12) for x in code_numbers(q.value)) or q.value for _, q in strong}
    if how == "nearby" and len(values) == 1:
        note = f"{context}, the only value the code gives this setting there"
        return _verdict(s, "mismatch", p, note + (f" (also at {others})" if others else "")), p
    if how == "nearby":
        return None
    where = ", ".join(f"{q.value} at {q.location}" for _, q in strong[:3])
    note = f"no script aligns with this experiment; the code sets {where}"
    return _verdict(s, "paper-only", None, note), None


def reconcile(settings: list[PaperSetting], params: list[CodeParam]) -> list[Verdict]:
    """Compare the paper's stated settings with the code's values (see the module doc)."""
    units = build_units([p for p in params if p.kind != "seed"])
    params = [p for p in params if p.kind not in ("seed", "launch")]
    groups: dict[int, list[PaperSetting]] = {}
    out: list[Verdict] = []
    for s in settings:
        if s.negative:
            note = "a value the paper reports as not working (a negative result): not compared"
            v = _verdict(s, "paper-only", None, note)
            v.negative = True
            out.append(v)
        elif s.values or s.value:
            groups.setdefault(s.group, []).append(s)
    used_params: set[int] = set()
    for group in groups.values():
        fit = align(group, units)
        for s in group:
            v, p = _judge(s, fit, params)
            if v.verdict == "paper-only" and s.key == "repetitions":
                v, p = _fixed_seed(s, params) or (v, p)
            if p is not None:
                used_params.add(id(p))
            out.append(v)
    out += _code_only(params, used_params)
    order = {v: i for i, v in enumerate(VERDICTS)}
    out.sort(key=lambda v: (order[v.verdict], v.paper_where, v.key))
    return out


MAX_CODE_ONLY = 40
_LEFT_OUT = ("call", "default", "init", "derived", "log", "launch")
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
)


def _code_only(params: list[CodeParam], used: set[int]) -> list[Verdict]:
    """Known settings of the paper's code that the paper never states (one per file and
    setting; keyword arguments, function defaults and logs are left out as too many)."""
    out: list[Verdict] = []
    seen: set[tuple[str, str]] = set()
    for p in params:
        if id(p) in used or not p.used or p.kind in _LEFT_OUT:
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


def _fixed_seed(s: PaperSetting, params: list[CodeParam]) -> tuple[Verdict, CodeParam] | None:
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
    ]
    seeds = [p for p in params if p.key == "seed" and p.kind != "seed"]
    if loops or len({p.value for p in seeds}) != 1:
        return None  # the code repeats runs somewhere, or sets no single seed
    p = seeds[0]
    return _verdict(
        s, "mismatch", p, f"the code fixes one seed ({p.value}) and never repeats the run"
    ), p
