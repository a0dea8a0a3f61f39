"""Where papers state findings outside the abstract, the introduction and the conclusion:
boxed summaries of findings beside the text ("Summary for RQ1: ...", "Finding 2: ...",
"Key takeaways: ...") and the section of a software paper that says what the software has
been used for and what it achieved ("Research impact", "Research and industrial usage").
"""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.mapping import claim_cues as cue
from arakit.compiler.mapping.claim_results import MIN_SCORE, finding_score
from arakit.compiler.mapping.claim_stated import states_finding
from arakit.compiler.mapping.context import PaperContext, Sentence
from arakit.compiler.text import sentences

# the label a box of findings opens with: "Summary for RQ1:", "Answer to RQ2:", "Finding 3:",
# "Key findings:", "Take-away message:", "Lessons learned:", "Observation 2:"; the points of
# a highlights page (read as "Highlights: ..." by the PDF reader)
_FINDINGS_LABEL = re.compile(
    r"^\W*(?:summary|answers?|findings?|key (?:findings|results?|takeaways?|insights?)|"
    r"take-?aways?(?: messages?)?|lessons? learned|observations?|insights?|main results?|"
    r"(?:research )?highlights)"
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


# a list of highlights printed as a paragraph of the text ("• Article Highlights  The
# velocity profiles were ... it was found that ..."), its label opening the paragraph
_HIGHLIGHTS_LABEL = re.compile(r"^\W*(?:article |research |key )?highlights\b[:.]?\s*", re.I)
_BULLETS = re.compile(r"[•●▪\uf0b7]")
PER_LIST = 8  # a list of highlights states the paper's main findings, a handful of them


def highlighted(ctx: PaperContext) -> list[Sentence]:
    """The findings of a highlights list set as a paragraph (and the paragraphs that run on
    from it across a page, opening in lower case): its sentences that state a finding (see
    claim_results.finding_score, claim_stated.states_finding), at most PER_LIST."""
    out: list[Sentence] = []
    for sec in ctx.doc.sections:
        listing = False
        texts: list[tuple[int, str]] = []  # (page, text) of the list's paragraphs
        for p in sec.paragraphs:
            label = _HIGHLIGHTS_LABEL.match(p.text)
            listing = bool(label) or (listing and p.text[:1].islower())
            if label:
                texts.append((p.page, p.text[label.end() :]))
            elif listing and texts:
                texts[-1] = (texts[-1][0], f"{texts[-1][1]} {p.text}")
        for page, text in texts:
            text = " ".join(_BULLETS.sub(" ", text).split())  # one sentence per item
            for t in sentences(text):
                if len(out) < PER_LIST and (
                    finding_score(t) >= MIN_SCORE or states_finding(t) or cue.SHOWS_THAT.search(t)
                ):
                    out.append(Sentence(t, Where(page, sec.number, t, "findings"), 0, "Highlights"))
    return out
