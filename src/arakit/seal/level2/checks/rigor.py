"""D6 methodological rigor: baselines, variance, metrics that measure the claim, full setups."""

from __future__ import annotations

import re
from collections.abc import Iterator

from arakit.model import Artifact, Claim, EvidenceFile, Experiment
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
from arakit.seal.level2.text import content_words

VARIANCE = re.compile(
    r"±|\+/-|\b(?:std|s\.d\.|sd|standard (?:deviation|error)|stderr|sem|confidence interval|ci|"
    r"variance|seeds|runs|repeats?|repetitions?|replicates|trials|folds?|bootstrap\w*|"
    r"p\s*[<=]|p-value|iqr|interquartile|"
    r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}"
    r"(?:samples|runs|seeds|trials|repeats|replicates|replays|reruns|cohorts))\b",
    re.IGNORECASE,
)
# A range of observed values written with the same precision at both ends ("0.86 to 1.07
# calls", "0.91-0.94"): the spread itself. "from 21.2 to 27.2" is a change, not a range.
_RANGE = re.compile(
    r"(?<![\w.])(\d+\.(\d+))\s*%?\s*(?:to|–|-)\s*(\d+\.(\d+))(?![\w.])", re.IGNORECASE
)


def reports_range(text: str) -> bool:
    """True when text gives a range of values (not a change `from a to b`)."""
    for m in _RANGE.finditer(text):
        if len(m.group(2)) == len(m.group(4)) and not re.search(
            r"\bfrom\s*$", text[max(0, m.start() - 6) : m.start()], re.IGNORECASE
        ):
            return True
    return False


# A claim that states a large sample for its own figures (a Monte Carlo over 200k hands, a
# census of 8,921 requirements): the sampling error of its rates follows from that count.
LARGE_SAMPLE = re.compile(
    r"\b(?:(?:\d+(?:\.\d+)?\s*[kM]|\d{1,3}(?:,\d{3})+)\s+(?:[\w-]+\s+){0,2}"
    r"(?:[a-z][\w-]*s|monte carlo)|n\s*=\s*\d[\d,]{3,})\b"
    # a result over a stated count of evaluated items: "over 450 paired questions"
    r"|\b(?:over|across|on|from|with|of)\s+[1-9]\d+\s+(?:[\w-]+\s+){0,2}"
    r"(?:questions|tasks|items|samples|subjects|participants|patients|episodes|requirements|"
    r"papers|problems|examples|images|users|outcomes|cases|prompts|trials|documents|"
    r"references|claims)\b"
    # counts over an enumerated set, with their denominator: "3/12 ARAs", "43 of 60"
    r"|(?<![\w.\-/])\d+\s*(?:/|of|out of)\s*\d+(?![\w./]|\s*[-–]\s*\d)",
    re.IGNORECASE,
)
# Results that do not vary from run to run: exactness, digests, test verdicts.
DETERMINISTIC = re.compile(
    r"\b(?:determinis\w*|bit-(?:identical|exact)|byte-(?:identical|for-byte)|exact(?:ly)?|"
    r"digests?|sha-?256|hash(?:es)?|passe[sd]|fails? closed|zero (?:errors|mismatch\w*)|"
    r"fixtures?|oracle|parity|differential)\b",
    re.IGNORECASE,
)
# An experiment that is a computation without chance (a join, a lookup, no model in the loop).
COMPUTATION = re.compile(
    r"\b(?:pure (?:structural )?(?:joins?|functions?|lookups?)|(?:zero|no) (?:llm|model) calls|"
    r"deterministic (?:computation|join|lookup|count)s?)\b",
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


# An experiment that names what it compares against, wherever it says so (Setup, Procedure,
# a Summary), or whose design holds its own baseline (an ablation, a leave-one-out sweep).
BASELINE_WORDS = re.compile(
    r"\b(?:baselines?|compar\w* (?:against|with|to)|against (?:the|a|an)|versus|vs\.?|"
    r"ablat\w*|leave-one-out|with and without|control (?:group|arm|condition|run))\b",
    re.IGNORECASE,
)
# what a claim compares with: the words after "than", "over", "vs", "relative to"
_COMPARATOR = re.compile(
    r"\b(?:than|over|vs\.?|versus|relative to|compared (?:to|with))\s+((?:[\w-]+\s+){0,4}[\w-]+)",
    re.IGNORECASE,
)


def names_baseline(e: Experiment, comparator: set[str]) -> bool:
    """True when the experiment names a baseline, or runs what the claim compares with."""
    text = experiment_text(e)
    if not is_none(e.baselines) or BASELINE_WORDS.search(text):
        return True
    return bool(comparator) and len(comparator & content_words(text)) >= min(2, len(comparator))


@register("D6")
def check_baselines(ctx: Context) -> Iterator[L2Finding]:
    """A comparative claim has baselines in the experiments that test it."""
    for c in ctx.art.claims or []:
        m = COMPARATIVE.search(c.statement or "")
        exps = testing_experiments(ctx.art, c)
        if not m or not exps:
            continue
        comparator = {
            w for cm in _COMPARATOR.finditer(c.statement or "") for w in content_words(cm.group(1))
        }
        if not any(names_baseline(e, comparator) for e in exps):
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
        # a claim that narrows another's population shares its sample (C11 depends on C09)
        for d in _dependencies(art, c):
            own += [d.statement or "", d.evidence_basis or "", d.verbatim.get("proof", "")]
        if any(COMPUTATION.search(experiment_text(e)) for e in exps):
            continue  # the experiment is a computation without chance: nothing to repeat
        if any(LARGE_SAMPLE.search(t) for t in own):
            ok += 1
            continue
        texts = [statement, c.evidence_basis or "", c.falsification_criteria or ""]
        texts += [experiment_text(e) for e in exps]
        for r in find_refs(art, c.evidence_basis or ""):
            texts += [f"{f.caption or ''} {_headers(f)}" for f in r.files]
        if any(VARIANCE.search(t) or reports_range(t) for t in texts):
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


def _dependencies(art: Artifact, c: Claim) -> list[Claim]:
    out = []
    for ref in re.findall(r"\bC\d+\b", " ".join(str(d) for d in c.dependencies or [])):
        d = art.get(ref)
        if isinstance(d, Claim) and d is not c:
            out.append(d)
    return out


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
