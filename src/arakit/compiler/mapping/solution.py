"""logic/solution/: architecture (method sections), algorithm (equations), constraints
(limitations) and heuristics (implementation tricks with a code reference)."""

from __future__ import annotations

import re

from arakit.compiler.mapping.context import NOT_SPECIFIED, PaperContext, find, title_of
from arakit.model import Heuristic, MarkdownDoc
from arakit.model.base import MdField

_TRICK = (
    r"\bin practice\b|\bwe found (?:it|that)\b|\bit is (?:crucial|important|essential|necessary) to\b|"
    r"\btrick\b|\bcrucial\b|\bessential\b|\bhelpful\b|\bstabili[sz]"
)
_HIGH = re.compile(r"\b(crucial|essential|critical|necessary|unstable|diverge)", re.I)
_LOW = re.compile(r"\b(negligible|robust|insensitive|little effect)\b", re.I)
_LIMIT = r"\b(limitation|limited to|only|does not apply|not evaluate|future work|assum)"


def _bullets(pairs: list[tuple[str, str]]) -> str:
    return "\n".join(f"- **{k}**: {v}" for k, v in pairs)


def solution_docs(ctx: PaperContext) -> list[MarkdownDoc]:
    """architecture.md, algorithm.md and constraints.md, each entry with its source."""
    arch: list[str] = [f"Compiled by rules from {ctx.source_name}; provenance: ai-suggested."]
    for sec in ctx.sections("method"):
        if not sec.paragraphs:
            continue
        arch.append(f"## {sec.title}")
        arch.append(
            _bullets(
                [
                    ("Purpose", sec.paragraphs[0].text),
                    ("Inputs", NOT_SPECIFIED),
                    ("Outputs", NOT_SPECIFIED),
                    ("Interactions", " ".join(p.text for p in sec.paragraphs[1:]) or NOT_SPECIFIED),
                    ("Source", f"{ctx.source_name} p. {sec.page}, {sec.label}"),
                ]
            )
        )
    if len(arch) == 1:
        arch.append(NOT_SPECIFIED + ".")
    algo: list[str] = [f"Compiled by rules from {ctx.source_name}; provenance: ai-suggested."]
    if ctx.doc.equations:
        algo.append("## Equations")
        algo += [
            f"- ({e.number or '?'}) `{e.text}` — {ctx.source_name} p. {e.page}, §{e.section}"
            for e in ctx.doc.equations
        ]
    steps = find(r"\b(algorithm|step|iterat|procedure|update)\w*\b", ctx.sentences("method"))
    algo.append("## Procedure")
    algo += [f"- {s.text} ({ctx.where_label(s.where)})" for s in steps] or [NOT_SPECIFIED + "."]
    algo.append("## Complexity")
    comp = find(r"\b(complexity|O\(|overhead|linear time|quadratic)\b", ctx.sentences())
    algo += [f"- {s.text} ({ctx.where_label(s.where)})" for s in comp] or [NOT_SPECIFIED + "."]
    cons: list[str] = [f"Compiled by rules from {ctx.source_name}; provenance: ai-suggested."]
    lim = ctx.sentences("limitations") + find(
        _LIMIT, ctx.sentences("conclusion", "method", "setup")
    )
    cons.append("## Boundary conditions and limitations")
    cons += [f"- {s.text} ({ctx.where_label(s.where)})" for s in lim] or [NOT_SPECIFIED + "."]
    return [
        MarkdownDoc(
            path="logic/solution/architecture.md", title="Architecture", text="\n\n".join(arch)
        ),
        MarkdownDoc(path="logic/solution/algorithm.md", title="Algorithm", text="\n\n".join(algo)),
        MarkdownDoc(
            path="logic/solution/constraints.md", title="Constraints", text="\n\n".join(cons)
        ),
    ]


def map_heuristics(ctx: PaperContext, code: dict[str, str]) -> list[Heuristic]:
    """Implementation tricks the paper states; Code ref points at the copied file that best
    matches the trick's words (`code` maps artifact paths to their text)."""
    out: list[Heuristic] = []
    for s in find(_TRICK, ctx.sentences("method", "setup", "appendix", "results", "ablation")):
        if not _whole(s.text):
            continue  # a fragment cut at a page or column break says no trick in full
        sens = "high" if _HIGH.search(s.text) else "low" if _LOW.search(s.text) else None
        out.append(
            Heuristic(
                id=f"H{len(out) + 1:02d}",
                title=title_of(s.text),
                rationale=s.text,
                sensitivity=sens or f"medium ({NOT_SPECIFIED.lower()}; no cue in the sentence)",
                bounds=NOT_SPECIFIED,
                code_ref=_code_ref(s.text, code),
                source=ctx.where_label(s.where),
                extra_fields=[MdField(name="Provenance", value="ai-suggested")],
            )
        )
    return out[:10]


def _whole(text: str) -> bool:
    """A complete sentence: it opens with a capital, a digit, a symbol or a quotation and
    ends with its full stop (or ! ? or a closing bracket or quotation mark after one)."""
    t = text.strip()
    return bool(t) and not t[:1].islower() and bool(re.search(r"[.!?][)\"”’]?$", t))


def _code_ref(text: str, code: dict[str, str]) -> str | None:
    """`[path:line]` of the copied file where the trick's words occur most often."""
    words = {w for w in re.findall(r"[a-z]{4,}", text.lower())} - _COMMON
    best, best_score, best_line = None, 0, 0
    for path, src in code.items():
        low = src.lower()
        score = sum(low.count(w) for w in words)
        if score > best_score:
            lines = src.splitlines()
            hits = [sum(w in ln.lower() for w in words) for ln in lines]
            line = hits.index(max(hits)) + 1 if hits else 1
            best, best_score, best_line = path, score, line
    return f"[{best}:{best_line}]" if best else None


_COMMON = {
    "that",
    "with",
    "every",
    "practice",
    "found",
    "crucial",
    "recovers",
    "from",
    "this",
    "which",
    "when",
    "have",
}
