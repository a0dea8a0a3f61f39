"""Settings whose value is a named method (the optimiser: `with the ADAM optimizer` against
`RMSProp(lr)`), compared where both the paper and the code name a known member of the
family (compiler/choices.py). The paper's choice is read from the sentences that state
its settings (`We train each model for 3000 steps with the ADAM optimizer and a learning
rate of 0.005`), or taken as the paper side gives it (a setting keyed `optimizer`).

A different member is a mismatch only when the paper names no such member in the same
sentence (`ADAM ..., and subsequently with LBFGS`: the code's LBFGS is the second stage,
not a disagreement), and the family's name is no weaker claim than the code's variant
(paper `Adam`, code `AdamW`: the paper may name the family; paper `AdamW`, code `Adam`
disagree). Against the script aligned with the paragraph: its first other member when
it constructs none of the paper's, or, where the sentence speaks of each or every model,
any other member beside the paper's. Elsewhere in the paper's code: only when every
construction there is one other member and none is the paper's."""

from __future__ import annotations

import re
from dataclasses import replace

from arakit.compiler.choices import OPTIMIZER, code_member, printed_optimizers, same_choice
from arakit.compiler.reconcile.align import (
    Fit,
    context_words,
    is_variant,
    path_words,
    preference,
    related,
)
from arakit.compiler.reconcile.sections import under
from arakit.compiler.reconcile.stage import group_stage, other_stage
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

_MEMBER = "member"
_NAMED = "named"
# `each model`, `all networks`, `every baseline`: a statement about every model the code trains
_UNIVERSAL = re.compile(
    r"\b(?:each|every|all)\s+(?:\w+\s+){0,2}?(?:models?|networks?|methods?|architectures?|"
    r"baselines?|variants?|units?|layers?)\b",
    re.IGNORECASE,
)
# a config or argument name that holds the optimiser's name (`optimizer: adam`,
# `--optim sgd`, `optimizer = dict(type='AdamW')`); never `solver=` (scikit-learn's
# `LogisticRegression(solver='lbfgs')` fits a baseline, not the paper's network)
_NAME_KEYS = re.compile(r"^(?:optim\w*|opt|opt_name|opt_type)$", re.IGNORECASE)


def is_choice(s: PaperSetting) -> bool:
    """A paper setting whose value names a method (`optimizer` = `Adam`)."""
    return s.key == OPTIMIZER and s.number is None and not s.values


def paper_choices(settings: list[PaperSetting]) -> list[PaperSetting]:
    """The optimiser each settings sentence names, once per sentence and member, with the
    group, place and flags of the settings read from it; and the paper side's own
    `optimizer` settings (is_choice), read the same way."""
    out: list[PaperSetting] = []
    seen: set[tuple[str, str]] = set()
    for s in settings:
        sentence = s.where.sentence
        if s.source == "table" or not sentence:
            continue
        own = printed_optimizers(s.value) if is_choice(s) else []
        named = printed_optimizers(sentence)
        for member, printed in own or named:
            if (sentence, member) in seen:
                continue
            seen.add((sentence, member))
            extra = {**s.extra, _MEMBER: member, _NAMED: " ".join(m for m, _ in named)}
            out.append(
                replace(
                    s,
                    key=OPTIMIZER,
                    name=f"{printed} optimizer" if not is_choice(s) else s.name,
                    value=printed,
                    number=None,
                    numbers=(),
                    unit="",
                    meaning="",
                    extra=extra,
                )
            )
    return out


def code_choice(p: CodeParam) -> str | None:
    """The optimiser a code definition names: a construction (`RMSProp(lr)`), or a
    config or argument value under an optimiser's name (`optimizer: adamw`)."""
    if p.kind == "choice":
        return code_member(p.context)
    if p.kind in ("derived", "local", "seed", "launch"):
        return None
    value = p.value.strip()
    if not re.fullmatch(r"['\"]?[A-Za-z][\w\-. ]*['\"]?", value):
        return None
    names = p.name.lower().replace("-", "_").lstrip("_").split(".")
    if _NAME_KEYS.match(names[-1]) or (
        names[-1] in ("type", "name", "class", "_target_") and any("optim" in n for n in names)
    ):
        return code_member(value)
    return None


def judge_choice(
    s: PaperSetting,
    fit: Fit | None,
    params: list[CodeParam],
    prefer: dict[str, int] | None = None,
    folder: str | None = None,
) -> Verdict:
    """The verdict for one optimiser the paper names (see the module doc). `folder`: the
    experiment's folder scoping maps the setting's section to, whose constructions are
    then the aligned script's when no script aligns."""
    stage = group_stage([s])
    codes = [
        (p, m)
        for p in params
        if p.used and not other_stage(stage, p.file) and (m := code_choice(p)) is not None
    ]
    if fit is not None:
        mine = {id(p) for p in fit.unit.effective()}
        main = fit.unit.main
        found = _decide(s, [(p, m) for p, m in codes if id(p) in mine], True)
        if found is not None:
            found.note = f"the experiment's code is {main}; {found.note}".rstrip("; ")
            return found
        # the script constructs no optimiser: the files it includes, else those beside it
        runs = [p.value for p in fit.unit.params if p.kind == "include"]
        beside = sorted(
            ((p, m) for p, m in codes if p.file in runs), key=lambda pm: runs.index(pm[0].file)
        )
        where = "in the files it includes"
        if not beside:
            beside = [(p, m) for p, m in codes if p.file != main and related(p.file, main)]
            where = "beside it"
        found = _decide(s, beside, False, prefer, ranked=where != "beside it")
        if found is not None:
            found.note = (
                f"the experiment's code is {main}, which constructs none; {where} {found.note}"
            )
            return found
    if fit is None and folder:
        found = _decide(s, [(p, m) for p, m in codes if under(p.file, folder)], True)
        if found is not None:
            found.note = f"{folder} is the experiment of {s.where.label}; {found.note}"
            return found
    found = _decide(s, codes, False, prefer)
    if found is not None:
        return found
    if codes:
        where = ", ".join(f"{p.value} at {p.location}" for p, _ in codes[:3])
        note = f"no script aligns with this experiment; the code constructs {where}"
        return verdict(s, "paper-only", None, note)
    return verdict(s, "paper-only")


def _decide(
    s: PaperSetting,
    codes: list[tuple[CodeParam, str]],
    aligned: bool,
    prefer: dict[str, int] | None = None,
    ranked: bool = False,
) -> Verdict | None:
    """The verdict against one pool of constructions, or None when it decides nothing.
    `ranked`: the pool is in the order the experiment runs it (first the first)."""
    member = s.extra.get(_MEMBER, "")
    named = set(s.extra.get(_NAMED, "").split())
    same = [p for p, m in codes if same_choice(member, m)]
    other = [
        (p, m)
        for p, m in codes
        if same_choice(member, m) is False
        and m not in named
        and not any(same_choice(n, m) for n in named)
    ]
    if same and not (aligned and other and _UNIVERSAL.search(s.where.sentence)):
        return verdict(s, "match", same[0], "", *same[1:2])
    if same:
        p, _ = other[0]
        note = (
            f"the paper names {s.value} for each model; {p.location} constructs {p.value} "
            f"(and {same[0].location} {same[0].value})"
        )
        return verdict(s, "mismatch", p, note)
    if not other:
        return None
    if aligned:
        p, _ = other[0]
        rest = ", ".join(f"{q.value} at {q.location}" for q, _ in other[1:3])
        return verdict(
            s, "mismatch", p, f"it constructs {p.value}" + (f"; also {rest}" if rest else "")
        )
    if len({m for _, m in other}) != 1:
        return None
    said = context_words(f"{s.extra.get('context', '')} {s.where.sentence}")
    order = sorted(
        (p for p, _ in other),
        key=lambda p: (
            -len(path_words(p.file) & said),
            -preference(p.file, prefer),
            is_variant(p.file),
            len(p.file),
            p.file,
            p.line,
        ),
    )
    p = other[0][0] if ranked else order[0]
    where = sorted({q.file for q, _ in other})
    note = (
        f"the only optimiser constructed is {p.context} ({len(other)} times, in "
        f"{', '.join(where[:4])}{' …' if len(where) > 4 else ''}); none is {s.value}"
    )
    return verdict(s, "mismatch", p, note)
