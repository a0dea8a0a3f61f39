"""Where papers state findings outside the abstract, the introduction and the conclusion:
boxed summaries of findings beside the text ("Summary for RQ1: ...", "Finding 2: ...",
"Key takeaways: ...") and the section of a software paper that says what the software has
been used for and what it achieved ("Research impact", "Research and industrial usage").
"""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.mapping import claim_cues as cue
from arakit.compiler.mapping.context import PaperContext, Sentence
from arakit.compiler.text import sentences

# the label a box of findings opens with: "Summary for RQ1:", "Answer to RQ2:", "Finding 3:",
# "Key findings:", "Take-away message:", "Lessons learned:", "Observation 2:"
_FINDINGS_LABEL = re.compile(
    r"^\W*(?:summary|answers?|findings?|key (?:findings|results?|takeaways?|insights?)|"
    r"take-?aways?(?: messages?)?|lessons? learned|observations?|insights?|main results?)"
    r"\b[^:.]{0,30}:\s*",
    re.IGNORECASE,
)
PER_BOX = 5  # a box sums up a question's findings in a few sentences
# the section of a software paper that reports what the software did for research
_IMPACT = re.compile(
    r"\b(?:research impact|impact statement|scientific impact|(?:research|industrial|"
    r"scientific) (?:and \w+ )?(?:usage|use|applications?)|used in (?:research|practice))\b",
    re.IGNORECASE,
)


def boxed_findings(ctx: PaperContext) -> list[Sentence]:
    """The sentences of every box beside the text that opens with a findings label, label
    removed, in order; at most PER_BOX from one box."""
    out: list[Sentence] = []
    pages = ctx.doc.sidebar_pages
    for k, text in enumerate(ctx.doc.sidebars):
        label = _FINDINGS_LABEL.match(text)
        if not label:
            continue
        page = pages[k] if k < len(pages) else 0
        head = text[: label.end()].strip(" :")
        said = [t for t in sentences(text[label.end() :]) if re.search(r"[.!]$", t.strip())]
        for t in said[:PER_BOX]:
            out.append(Sentence(t, Where(page, "", t, "findings"), 0, head))
    return out


# a measured outcome: a time, a size, a share, a speed-up
_MEASURED = re.compile(
    r"\d[\d.,]*\s*(?:s|sec|seconds?|minutes?|min|hours?|h|ms|MB|GB|TB|KB|%|×|x)(?![\w-])",
    re.IGNORECASE,
)
_USED = re.compile(
    r"\b(?:has|have) (?:been used|proven|proved|enabled|helped|supported)|"
    r"\b(?:is|are|was|were) (?:being )?used (?:in|by|to|for)\b",
    re.IGNORECASE,
)


def impact_claims(ctx: PaperContext, names: list[str], cap: int = 4) -> list[Sentence]:
    """Claims of the sections headed as a software paper's research impact or usage: the
    sentences about the software (by name, or "It ..." after one) that state what it was
    used for or what it achieved (an effect, a measured outcome), never how the benchmark
    was set up ("To demonstrate ..., we use ...", "Experiments were performed ...")."""
    out: list[Sentence] = []
    about = False  # the sentence before was about the software
    for s in ctx.sentences("other", "results"):
        if not _IMPACT.search(s.heading) or len(out) >= cap:
            continue
        text = s.text.strip()
        named = any(re.search(rf"(?<![\w-]){re.escape(n)}(?![\w])", text) for n in names)
        subject = named or (about and re.match(r"^(?:It|They|This|These)\b", text) is not None)
        result = bool(
            cue.FOUND.search(text) or cue.STATED_RESULT.search(text) or _USED.search(text)
        ) or bool(_MEASURED.search(text) and named)
        about = named
        if (
            subject
            and result
            and len(text) >= 30
            and re.search(r"[.!]$", text)
            and not re.match(r"^(?:to|in order to)\s", text, re.IGNORECASE)
            and not cue.NOT_A_CLAIM.search(text)
            and not cue.scope_only(text)
        ):
            out.append(s)
    return out
