"""D6 methodological rigor: baselines, variance, metrics that measure the claim, full setups."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.model import EvidenceFile
from arakit.seal.level2.checks import register
from arakit.seal.level2.context import Context
from arakit.seal.level2.entities import (
    COMPARATIVE,
    experiment_text,
    is_none,
    setup_field,
    testing_experiments,
)
from arakit.seal.level2.evidence_refs import find_refs
from arakit.seal.level2.quotes import measured_values
from arakit.seal.level2.report import L2Finding

VARIANCE = re.compile(
    r"±|\+/-|\b(?:std|s\.d\.|sd|standard (?:deviation|error)|stderr|sem|confidence interval|ci|"
    r"variance|seeds|runs|repeats?|repetitions?|replicates|trials|folds?|bootstrap\w*|"
    r"p\s*[<=]|p-value|iqr|interquartile|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}"
    r"(?:samples|runs|seeds|trials|repeats|replicates|replays|reruns|cohorts))\b",
    re.IGNORECASE,
)
# A claim that states a large sample for its own figures (a Monte Carlo over 200k hands, a
# census of 8,921 requirements): the sampling error of its rates follows from that count.
LARGE_SAMPLE = re.compile(
    r"\b(?:(?:\d+(?:\.\d+)?\s*[kM]|\d{1,3}(?:,\d{3})+)\s+(?:[\w-]+\s+){0,2}"
    r"(?:[a-z][\w-]*s|monte carlo)|n\s*=\s*\d[\d,]{3,})\b",
    re.IGNORECASE,
)
# Results that do not vary from run to run: exactness, digests, test verdicts.
DETERMINISTIC = re.compile(
    r"\b(?:determinis\w*|bit-(?:identical|exact)|byte-(?:identical|for-byte)|exact(?:ly)?|"
    r"digests?|sha-?256|hash(?:es)?|passe[sd]|fails? closed|zero (?:errors|mismatch\w*)|"
    r"fixtures?|oracle|parity|differential)\b",
    re.IGNORECASE,
)
FAMILIES: dict[str, tuple[str, ...]] = {
    "accuracy": ("accura", "acc", "error", "top-1", "top-5", "f1", "precision", "recall", "auc"),
    "speed": (
        "faster",
        "slower",
        "speed",
        "time",
        "latency",
        "epoch",
        "steps",
        "iteration",
        "throughput",
        "second",
        "wall-clock",
        "minutes",
        "hours",
    ),
    "memory": ("memory", "ram", "vram", "gb", "mb", "footprint"),
    "loss": ("loss", "nll", "likelihood", "perplexity", "rms", "mse", "mae", "calibrat"),
}


@register("D6")
def check_baselines(ctx: Context) -> Iterator[L2Finding]:
    """A comparative claim has baselines in the experiments that test it."""
    for c in ctx.art.claims or []:
        m = COMPARATIVE.search(c.statement or "")
        exps = testing_experiments(ctx.art, c)
        if not m or not exps:
            continue
        if all(is_none(e.baselines) for e in exps):
            yield ctx.find(
                "L2-D6-001",
                f"{c.id} compares ({m.group(0)!r}) but none of "
                f"{', '.join(e.id for e in exps)} names a baseline",
                entities=[c.id, *(e.id for e in exps)],
                pos=c.pos,
                quote=c.statement or "",
                needle=m.group(0),
            )


@register("D6")
def check_variance(ctx: Context) -> Iterator[L2Finding]:
    """A quantitative claim reports seeds, runs, a spread or an interval somewhere it cites."""
    art = ctx.art
    ok = 0
    for c in art.claims or []:
        statement = c.statement or ""
        measured = [n for n in measured_values(statement) if n.measured]
        if not measured and not (
            COMPARATIVE.search(statement)
            and [n for n in measured_values(c.evidence_basis or "") if n.measured]
        ):
            continue  # digits of names, versions and IDs, counts and sizes: no measurement
        how = " ".join([statement, c.status or "", c.evidence_basis or ""])
        if DETERMINISTIC.search(how):
            continue  # an exact, pass/fail or deterministic-comparison result: no spread applies
        exps = testing_experiments(art, c)
        own = [statement, c.evidence_basis or "", c.verbatim.get("proof", "") if c.verbatim else ""]
        if any(LARGE_SAMPLE.search(t) for t in own):
            ok += 1
            continue
        texts = [statement, c.evidence_basis or "", c.falsification_criteria or ""]
        texts += [experiment_text(e) for e in exps]
        for r in find_refs(art, c.evidence_basis or ""):
            texts += [f"{f.caption or ''} {_headers(f)}" for f in r.files]
        if any(VARIANCE.search(t) for t in texts):
            ok += 1
            continue
        yield ctx.find(
            "L2-D6-002",
            f"{c.id} is quantitative but neither it, its experiments nor its evidence report "
            "seeds, runs, a spread or a confidence interval",
            entities=[c.id, *(e.id for e in exps)],
            pos=c.pos,
            quote=statement,
        )
    if ok:
        ctx.strength("D6", f"{ok} quantitative claims report repeated runs or a spread")


@register("D6")
def check_metric_fit(ctx: Context) -> Iterator[L2Finding]:
    """The quantity a claim asserts is among its experiments' metrics."""
    art = ctx.art
    for c in art.claims or []:
        exps = testing_experiments(art, c)
        metrics = " ".join((e.metrics or "") for e in exps).lower()
        if not exps or not metrics.strip():
            continue
        said = (c.statement or c.title).lower()
        asserted = {f: s for f in FAMILIES if (s := _mentions(said, FAMILIES[f]))}
        measured = {f for f in FAMILIES if _mentions(metrics, FAMILIES[f])}
        if asserted and not set(asserted) & measured:
            family, word = next(iter(asserted.items()))
            yield ctx.find(
                "L2-D6-003",
                f"{c.id} asserts {family} ({word!r}) but its experiments measure "
                f"{metrics.strip()[:80]!r}",
                entities=[c.id, *(e.id for e in exps)],
                pos=c.pos,
                quote=c.statement or c.title,
            )


def _headers(f: EvidenceFile) -> str:
    return " ".join(" ".join(t.header) for t in f.tables)


def _mentions(text: str, stems: tuple[str, ...]) -> str | None:
    return next((s for s in stems if re.search(rf"\b{re.escape(s)}", text)), None)


@register("D6")
def check_setups(ctx: Context) -> Iterator[L2Finding]:
    """Each experiment names model, dataset and hardware; the artifact records hyperparameters."""
    art = ctx.art
    complete = 0
    for e in art.experiments or []:
        missing = [k for k in ("model", "dataset", "hardware") if is_none(setup_field(e, k))]
        if missing:
            yield ctx.find(
                "L2-D6-004",
                f"{e.id}'s setup does not name its {', '.join(missing)}",
                entities=[e.id],
                pos=e.pos,
                quote=e.title,
                needle="**Setup**",
            )
        else:
            complete += 1
    if art.experiments and not art.configs:
        from arakit.model import SourcePos

        yield ctx.find(
            "L2-D6-004",
            "no configuration file records the hyperparameters (src/configs/ is empty)",
            pos=SourcePos(file="src/configs/training.md"),
        )
    if complete:
        ctx.strength("D6", f"{complete} experiment setups name model, dataset and hardware")
