"""logic/experiments.md: one declarative plan per results table (and per results figure
when tables are few). Setup, metrics and baselines come from the paper; expected outcomes
are directional only, exact numbers stay in evidence/."""

from __future__ import annotations

import re
from dataclasses import dataclass

from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, find
from arakit.compiler.pdf.document import DocFigure, DocTable
from arakit.model import Experiment, Setup

_OURS = re.compile(r"\b(ours|proposed|full model|full)\b", re.IGNORECASE)
_HARDWARE = re.compile(
    r"(?:\d+\s*(?:x\s*)?)?(?:NVIDIA\s+|Google\s+)?(?:[AHVTP]100|A6000|RTX\s?\d{4}|TPU\s?v?\d*|GPUs?|CPUs?)(?:\s+GPUs?)?",
)
_DATASET = re.compile(
    r"\b(?:on|using|with) (?:the )?([A-Z][\w-]*(?:-\d+)?)(?: (?:dataset|benchmark|validation set|test set))?"
)
_FRAMEWORK = re.compile(r"\b(PyTorch|TensorFlow|JAX|Keras|MXNet|scikit-learn)\b")
_BAD_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?\s*%|(?<![\w.])\d+\.\d+")


@dataclass
class Planned:
    """An experiment and the paper object it came from."""

    experiment: Experiment
    obj: DocTable | DocFigure
    evidence: str  # evidence file path relative to the artifact root, "" for figures


def map_experiments(ctx: PaperContext, evidence_paths: dict[str, str]) -> list[Planned]:
    """Experiments from numbered tables (and results figures while fewer than three)."""
    objs: list[DocTable | DocFigure] = [
        t for t in ctx.doc.tables if _is_result(ctx, t.section, t.caption)
    ]
    if len(objs) < 3:
        objs += [f for f in ctx.doc.figures if _is_result(ctx, f.section, f.caption)][
            : 3 - len(objs)
        ]
    if len(objs) < 3:
        objs += [t for t in ctx.doc.tables if t not in objs][: 3 - len(objs)]
    setup_text = " ".join(s.text for s in ctx.sentences("setup", "results", "ablation"))
    hardware = _HARDWARE.search(setup_text)
    framework = _FRAMEWORK.search(" ".join(s.text for s in ctx.sentences()))
    out = []
    for k, obj in enumerate(objs, start=1):
        section_text = " ".join(s.text for s in ctx.sentences() if s.where.section == obj.section)
        dataset = (
            _DATASET.search(obj.caption)
            or _DATASET.search(section_text)
            or _DATASET.search(setup_text)
        )
        rows = [r[0] for r in obj.rows if r] if isinstance(obj, DocTable) else []
        ours = [r for r in rows if _OURS.search(r)]
        others = [r for r in rows if r not in ours]
        metrics = [h for h in obj.header[1:] if h.strip()] if isinstance(obj, DocTable) else []
        evid = evidence_paths.get(obj.label, "")
        exp = Experiment(
            id=f"E{k:02d}",
            title=f"{obj.label}: {obj.caption.rstrip('.')}"[:90],
            verifies=[],
            setup=Setup(
                model=", ".join(rows) if rows else NOT_SPECIFIED,
                hardware=hardware.group(0) if hardware else NOT_SPECIFIED,
                dataset=dataset.group(1) if dataset else NOT_SPECIFIED,
                system=framework.group(1) if framework else NOT_SPECIFIED,
            ),
            procedure=_procedure(ctx, obj, rows, metrics),
            metrics=", ".join(metrics) if metrics else NOT_SPECIFIED,
            expected_outcome=_expected(obj, ours, others, metrics, evid),
            baselines=", ".join(others) if others and ours else NOT_SPECIFIED,
            dependencies=[],
            extra_fields=ctx.source_fields(
                f"{ctx.source_name} {obj.label}, p. {obj.page}"
                + (f", §{obj.section}" if obj.section else "")
            ),
        )
        out.append(Planned(exp, obj, evid))
    return out


_RESULT_CAPTION = re.compile(
    r"\b(accuracy|results?|comparison|ablation|performance|error|loss|score)\b", re.I
)


def _is_result(ctx: PaperContext, section: str, caption: str) -> bool:
    in_results = any(s.number == section for s in ctx.sections("results", "ablation"))
    return in_results or bool(_RESULT_CAPTION.search(caption))


def _procedure(
    ctx: PaperContext, obj: DocTable | DocFigure, rows: list[str], metrics: list[str]
) -> list[str]:
    setup = [
        s for s in ctx.sentences("setup") if re.search(r"\b(train|fine-tune|evaluat)", s.text, re.I)
    ]
    steps = []
    if setup:
        steps.append(f"Set up as stated in {ctx.where_label(setup[0].where)}: {setup[0].text}")
    else:
        steps.append(f"Set up: {NOT_SPECIFIED.lower()} beyond {obj.label}")
    if rows:
        steps.append("Run each configuration: " + "; ".join(rows))
    steps.append(f"Record {', '.join(metrics)}" if metrics else f"Record what {obj.label} reports")
    mention = find(rf"\b{re.escape(obj.label)}\b", ctx.sentences())
    if mention:
        steps.append(f"Compare as the paper does: {mention[0].text}")
    return steps


def _expected(
    obj: DocTable | DocFigure, ours: list[str], others: list[str], metrics: list[str], evid: str
) -> str:
    check = getattr(obj, "check", None)
    if evid and check is not None and check.verdict == "exact":
        where = f"; exact values are in {evid}"
    elif evid:
        where = f"; values as read (not verified) are in {evid}, the exact ones in {obj.label} of the paper"
    else:
        where = f"; exact values are in {obj.label} of the paper"
    metric = ", ".join(metrics) or "the reported metric"
    if ours and others:
        text = f"{ours[0]} should compare favourably with {', '.join(others)} on {metric}{where}"
    elif ours:
        text = f"{ours[0]} should be the strongest configuration on {metric}{where}"
    else:
        text = f"The direction {obj.label} reports on {metric} should hold{where}"
    return _BAD_NUMBER.sub("…", text)
