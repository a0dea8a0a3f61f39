"""logic/experiments.md: one declarative plan per results table (and per results figure
when tables are few); a paper with neither gets plans from the evaluations it states in
words ("we ensure reliability by reproducing key results", "unit-tested with 94%
coverage"). Setup, metrics and baselines come from the paper. The expected outcome is what
the paper itself says the object shows — a win only where the paper reports one, a
failure where it reports one — directional only, exact numbers stay in evidence/."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arakit.compiler.atoms import NEGATIVE_CUES
from arakit.compiler.mapping import setup
from arakit.compiler.mapping.claim_sentences import claim_sentences
from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, Sentence, find
from arakit.compiler.pdf.document import DocFigure, DocTable
from arakit.compiler.text import sentences
from arakit.model import Experiment, Setup

_OURS = re.compile(
    r"\b(ours|proposed|full model|our (?:approach|method|model|system|framework|algorithm))\b",
    re.IGNORECASE,
)
# a table whose first header cell says its rows are metrics ("Metrics | BERT | Ours")
_METRIC_ROWS = re.compile(r"^\s*(?:metrics?|measures?|criteri(?:a|on)|scores?)\s*$", re.I)
_BAD_NUMBER = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?\s*%|(?<![\w.])\d+\.\d+")


@dataclass
class Stated:
    """An evaluation the paper states in words, with no table or figure behind it."""

    sentence: str
    page: int
    section: str
    label: str
    number: str = ""
    rows: list[list[str]] = field(default_factory=list)
    header: list[str] = field(default_factory=list)

    @property
    def caption(self) -> str:
        return self.sentence


@dataclass
class Planned:
    """An experiment and the paper object it came from."""

    experiment: Experiment
    obj: DocTable | DocFigure | Stated
    evidence: str  # evidence file path relative to the artifact root, "" for figures


def map_experiments(ctx: PaperContext, evidence_paths: dict[str, str]) -> list[Planned]:
    """Experiments from numbered tables (and results figures while fewer than three)."""
    measured = [t for t in ctx.doc.tables if _measures(t)]
    objs: list[DocTable | DocFigure] = [
        t for t in measured if _is_result(ctx, t.section, t.caption)
    ]
    if len(objs) < 3:
        objs += [f for f in ctx.doc.figures if _is_result(ctx, f.section, f.caption)][
            : 3 - len(objs)
        ]
    if len(objs) < 3:
        objs += [t for t in measured if t not in objs][: 3 - len(objs)]
    stated: list[DocTable | DocFigure | Stated] = list(objs)
    if not stated:
        # no table, figure or stated evaluation (a software paper): what the paper says its
        # software does is what a reader can check by running it
        said = _evaluations(ctx) or claim_sentences(ctx)[:3]
        stated = [
            Stated(s.text, s.where.page, s.where.section, f"the paper, {s.where.label}")
            for s in said
        ]
    setup_sentences = ctx.sentences("setup", "results", "ablation")
    ran_on = setup.hardware(ctx.sentences())
    software = setup.framework(ctx.sentences())
    out = []
    for k, obj in enumerate(stated, start=1):
        section_text = " ".join(s.text for s in ctx.sentences() if s.where.section == obj.section)
        data = setup.dataset([obj.caption, section_text, *(s.text for s in setup_sentences)])
        rows, metrics = _configurations(obj)
        ours = [r for r in rows if _OURS.search(r)]
        others = [r for r in rows if r not in ours]
        if not metrics:
            # a figure or a stated evaluation: the metrics the paper says it measures there
            told = [obj.caption, *(s.text for s in discussion(ctx, obj))]
            metrics = setup.metrics(told) or setup.metrics([s.text for s in setup_sentences])
        evid = evidence_paths.get(obj.label, "")
        exp = Experiment(
            id=f"E{k:02d}",
            title=_title(obj),
            verifies=[],
            setup=Setup(
                model=", ".join(rows) if rows else NOT_SPECIFIED,
                hardware=ran_on or NOT_SPECIFIED,
                dataset=data or NOT_SPECIFIED,
                system=software or NOT_SPECIFIED,
            ),
            procedure=_procedure(ctx, obj, rows, metrics),
            metrics=", ".join(metrics) if metrics else NOT_SPECIFIED,
            expected_outcome=_expected(ctx, obj, ours, others, metrics, evid),
            baselines=", ".join(others) if others and ours else NOT_SPECIFIED,
            dependencies=[],
            extra_fields=ctx.source_fields(_source(ctx, obj)),
        )
        out.append(Planned(exp, obj, evid))
    return out


def _configurations(obj: DocTable | DocFigure | Stated) -> tuple[list[str], list[str]]:
    """(what was run, what was measured) as a table lays them out: configurations down the
    rows and metrics across the header, or the other way round when the first header cell
    says the rows are metrics ("Metrics | BERT | Ours") or the row labels name metrics and
    the column labels do not."""
    if not isinstance(obj, DocTable):
        return [], []
    rows = [r[0] for r in obj.rows if r and r[0].strip()]
    columns = [h for h in obj.header[1:] if h.strip()]
    row_metrics = sum(setup.is_metric(r) for r in rows)
    transposed = bool(obj.header) and _METRIC_ROWS.match(obj.header[0]) is not None
    if not transposed and rows and columns:
        transposed = row_metrics * 2 > len(rows) and not any(setup.is_metric(c) for c in columns)
    return (columns, rows) if transposed else (rows, columns)


_RESULT_CAPTION = re.compile(
    r"\b(accuracy|results?|comparison|ablation|performance|error|loss|scores?)\b", re.I
)


def _measures(table: DocTable) -> bool:
    """True when the table holds measurements: a figure in some cell beside the row labels,
    or a caption that says it reports results. A table of words alone (symbols and their
    meaning, landmarks and their abbreviations, the methods a class offers, example
    commands) describes; nothing was run to fill it."""
    if any(re.search(r"\d", cell) for row in table.rows for cell in row[1:]):
        return True
    return _RESULT_CAPTION.search(table.caption) is not None


def _is_result(ctx: PaperContext, section: str, caption: str) -> bool:
    in_results = any(s.number == section for s in ctx.sections("results", "ablation"))
    return in_results or bool(_RESULT_CAPTION.search(caption))


_EVALUATES = re.compile(
    r"\b(?:we (?:evaluate|validate|test|benchmark|compare|measure|assess|verify|reproduce)|"
    r"(?:unit-)?tested with|test coverage|\d+\s?% coverage|by reproducing|reproduc\w+ (?:key )?results|"
    r"(?:is|are|was|were) (?:evaluated|validated|benchmarked|tested|compared|verified) "
    r"(?:on|against|with|by)|"
    # "Performed experiments showed that ...", "the tests were carried out ...", and a table
    # the text says holds the results (one printed as an image has no caption to plan from)
    r"(?:experiments?|tests?|measurements?|simulations?) (?:showed|show|were (?:performed|"
    r"conducted|carried out|run))|"
    r"(?:table|fig(?:ure)?\.?)\s+(?:[IVX]+|\d+) (?:shows|presents|reports|summari[sz]es|lists) "
    r"the (?:\w+ )?results)\b",
    re.I,
)


def _evaluations(ctx: PaperContext) -> list[Sentence]:
    """Sentences that state an evaluation the paper made, at most three."""
    return [s for s in ctx.sentences() if _EVALUATES.search(s.text)][:3]


def _title(obj: DocTable | DocFigure | Stated) -> str:
    if isinstance(obj, Stated):
        return _clip(obj.sentence.rstrip("."), 90)
    return f"{obj.label}: {obj.caption.rstrip('.')}"[:90]


def _source(ctx: PaperContext, obj: DocTable | DocFigure | Stated) -> str:
    if isinstance(obj, Stated):
        return f"{ctx.source_name} p. {obj.page}" + (f", §{obj.section}" if obj.section else "")
    return f"{ctx.source_name} {obj.label}, p. {obj.page}" + (
        f", §{obj.section}" if obj.section else ""
    )


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + " …"


def _procedure(
    ctx: PaperContext, obj: DocTable | DocFigure | Stated, rows: list[str], metrics: list[str]
) -> list[str]:
    own = _own_setup(ctx, obj)
    # whole sentences only: a fragment the splitter left ("a random A, then …") says nothing
    whole = [s for s in ctx.sentences("setup", "method") if s.text[:1].isupper()]
    setup = [s for s in whole if s.where.role == "setup" and _SETUP_VERB.search(s.text)] or [
        s for s in whole if _SETUP_VERB.search(s.text) and _stated_number(s.text)
    ]
    # the method of the chapter that holds the object before one stated elsewhere (a
    # background section about "language models" is not this experiment's setup)
    chapter = obj.section.split(".", 1)[0] if obj.section else ""
    setup.sort(key=lambda s: bool(chapter) and s.where.section.split(".", 1)[0] != chapter)
    steps = []
    if own:
        steps.append(f"Set up as {obj.label} states: {own}")
    elif setup:
        steps.append(f"Set up as stated in {ctx.where_label(setup[0].where)}: {setup[0].text}")
    else:
        steps.append(f"Set up: {NOT_SPECIFIED.lower()} beyond {obj.label}")
    if rows:
        steps.append("Run each configuration: " + "; ".join(rows))
    if isinstance(obj, Stated):
        steps.append(f"Do what the paper states ({obj.label}): {obj.sentence}")
        return steps
    steps.append(f"Record {', '.join(metrics)}" if metrics else f"Record what {obj.label} reports")
    mention = mentions(ctx, obj)
    if mention:
        steps.append(f"Compare as the paper does: {mention[0].text}")
    return steps


_SETUP_VERB = re.compile(
    # a verb, not the adjective of a compound ("pre-trained models", "well-simulated")
    r"(?<!-)\b(?:train|fine-tun|evaluat|simulat|generat|sampl|repeat|averag|drawn|run|ran)\w*",
    re.I,
)


def _stated_number(text: str) -> bool:
    """A number the sentence states, not a citation mark ("[28]", "[3, 4]"), a label or
    a digit inside a name ("LLaMa2")."""
    text = re.sub(r"\[\d+(?:\s*[,–-]\s*\d+)*\]", "", text)
    return bool(re.search(r"(?<!\w)\d", re.sub(_LABEL_NUMBER, "", text)))


def _own_setup(ctx: PaperContext, obj: DocTable | DocFigure | Stated) -> str:
    """How the object's own caption or the sentence that presents it says it was made
    ("In each panel, 10000 random matrices were simulated"): a setup verb and a number."""
    if isinstance(obj, Stated):
        return ""
    told = [*sentences(obj.caption), *(s.text for s in mentions(ctx, obj))]
    for text in told:
        if _SETUP_VERB.search(text) and _stated_number(text):
            return text
    return ""


_LABEL_NUMBER = re.compile(r"\b(?:Tab(?:le|\.)|Fig(?:ure|\.)?s?)\s*[\dIVX]+[a-z]?", re.I)


def mentions(ctx: PaperContext, obj: DocTable | DocFigure | Stated) -> list[Sentence]:
    """Sentences of the paper that talk about the object (`Table 2`, `Fig. 3`, `Figs. 3`)."""
    if isinstance(obj, Stated):
        return []
    kind = r"Tab(?:le|\.)?s?" if isinstance(obj, DocTable) else r"Fig(?:ure|\.)?s?"
    rx = rf"\b{kind}\s*{re.escape(obj.number)}\b(?![.,]\d)"
    return find(rx, ctx.sentences())


_OTHER_OBJECT = re.compile(r"\b(?:Tab(?:le|\.)|Fig(?:ure|\.))\s*\d", re.I)


def discussion(ctx: PaperContext, obj: DocTable | DocFigure | Stated) -> list[Sentence]:
    """The sentences that mention the object and those that follow in the same paragraph
    (up to three, until another table or figure is named): how the paper reads it."""
    named = mentions(ctx, obj)
    if not named:
        return []
    all_sentences = ctx.sentences()
    out: list[Sentence] = []
    for s in named:
        out.append(s)
        k = all_sentences.index(s) + 1
        for nxt in all_sentences[k : k + 3]:
            same = nxt.where.section == s.where.section and nxt.paragraph == s.paragraph
            if not same or _OTHER_OBJECT.search(nxt.text):
                break
            if nxt not in out:
                out.append(nxt)
    return out


_WORSE = re.compile(
    "|".join(re.escape(c) for c in NEGATIVE_CUES)
    + r"|\b(?:worse|fails?|failed|not (?:able|improve|help)|no (?:benefit|improvement|gain)|"
    r"underperform\w*|lower (?:accuracy|performance|fit)|"
    # an elliptical "... that Shannon entropy does not," is a contrast the method wins
    r"(?:does not|did not|cannot)(?!\s*[,.;:)]))\b",
    re.I,
)
_BETTER = re.compile(
    r"\b(?:outperform\w*|better|improv\w+|higher|best|superior|beats?|exceeds?|"
    r"achiev\w+|reach\w*|faster|competitive|succeed\w*|correctly)\b",
    re.I,
)


def _words(text: str) -> set[str]:
    """The words of four letters or more, lower case ("Batch size 1024" → batch, size)."""
    return {w.lower() for w in re.findall(r"[^\W\d_]{4,}", text)}


def _expected(
    ctx: PaperContext,
    obj: DocTable | DocFigure | Stated,
    ours: list[str],
    others: list[str],
    metrics: list[str],
    evid: str,
) -> str:
    """The direction the paper itself reports for the object, in its words, numbers masked;
    where exact values live (a transcription only when its self-check says it is exact)."""
    if isinstance(obj, Stated):
        return _BAD_NUMBER.sub("…", f"What the paper states should hold: “{obj.sentence}”")
    check = getattr(obj, "check", None)
    if evid and check is not None and check.verdict == "exact":
        where = f"; exact values are in {evid}"
    elif evid:
        where = f"; values as read (not verified) are in {evid}, the exact ones in {obj.label} of the paper"
    else:
        where = f"; exact values are in {obj.label} of the paper"
    said = discussion(ctx, obj)
    # a verdict counts when its sentence is about this object: it names the object, one of
    # its configurations or metrics, or the authors' own work ("our approach")
    named = mentions(ctx, obj)
    labels = {w for x in (*ours, *others, *metrics) for w in _words(x)}
    about = [
        s
        for s in said
        if s in named or re.search(r"\b(?:our|we)\b", s.text, re.I) or labels & _words(s.text)
    ]
    worse = [s for s in about if _WORSE.search(s.text)]
    better = [s for s in about if _BETTER.search(s.text) and s not in worse]
    quoted = (worse + better)[:2] or said[:1]
    metric = ", ".join(metrics) or "the reported metric"
    if quoted:
        text = "As the paper reads " + obj.label + ": " + " ".join(f"“{s.text}”" for s in quoted)
        if worse:
            text += " (the paper reports this as not an improvement)"
    elif ours and others:
        text = (
            f"The paper does not say in words how {ours[0]} compares with "
            f"{', '.join(others)}; the direction {obj.label} reports on {metric} should hold"
        )
    else:
        text = f"The direction {obj.label} reports on {metric} should hold"
    return _BAD_NUMBER.sub("…", text + where)
