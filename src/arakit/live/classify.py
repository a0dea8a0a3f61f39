"""Rules that label free text: a note's type, key terms, first-person affirmation, negation.

Rules decide by default. `label_with_model` asks a configured language model (through
`arakit.llm`, imported only then) to label a note the rules left as `unknown`, and falls back
to `unknown` on any model error.
"""

from __future__ import annotations

import re

NOTE_TYPES = (
    "question",
    "decision",
    "dead-end",
    "pivot",
    "claim",
    "heuristic",
    "concept",
    "constraint",
    "architecture",
)
# Journey types become trace nodes; the rest are interpretations and go to staging.
JOURNEY_TYPES = ("question", "decision", "dead-end", "pivot")

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "dead-end",
        re.compile(r"\b(dead[ -]?end|doesn'?t work|did ?n[o']t work|gave up|abandon)", re.I),
    ),
    ("pivot", re.compile(r"\b(pivot(ing)?|switch(ing)? (to|from)|instead of .* we now)\b", re.I)),
    (
        "decision",
        re.compile(
            r"\b(decided|decision|we('ll| will) (use|go with)|chose|choosing|settle on)\b", re.I
        ),
    ),
    (
        "question",
        re.compile(r"(\?\s*$|^(why|how|what|does|do|is|are|can|could|should|which)\b)", re.I),
    ),
    (
        "heuristic",
        re.compile(
            r"\b(trick|tip|rule of thumb|always (set|use)|never (set|use)|helps to)\b", re.I
        ),
    ),
    ("concept", re.compile(r"\b(is defined as|we call|we define|refers to|stands for)\b", re.I)),
    (
        "constraint",
        re.compile(
            r"\b(only works (when|if|for)|requires at least|limited to|breaks (when|if)|out of memory|limitation)\b",
            re.I,
        ),
    ),
    (
        "architecture",
        re.compile(
            r"\b(component|module|pipeline|encoder|decoder|layer stack|architecture)\b", re.I
        ),
    ),
    (
        "claim",
        re.compile(
            r"\b(improv\w*|outperform\w*|reduc\w*|increas\w*|faster|slower|better|worse|hypothes\w*|I think|we think|seems|suggests|causes?|leads? to)\b",
            re.I,
        ),
    ),
)

_AFFIRM = re.compile(
    r"\b(I|I'm|I am|we|we're|we are)\b[^.]*?\b(confirm\w*|affirm\w*|confident|convinced|sure|agree|"
    r"stand by|am certain|are certain|verified|settled)\b",
    re.I,
)
_NEGATIONS = re.compile(
    r"\b(not|no|never|doesn'?t|don'?t|isn'?t|aren'?t|fails? to|cannot|can'?t|worse|hurts?|"
    r"without effect|no effect)\b",
    re.I,
)
_STOP = frozenset(
    [
        "about",
        "above",
        "after",
        "again",
        "also",
        "because",
        "been",
        "before",
        "being",
        "between",
        "both",
        "could",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "from",
        "further",
        "have",
        "having",
        "here",
        "into",
        "itself",
        "just",
        "more",
        "most",
        "much",
        "must",
        "only",
        "other",
        "over",
        "same",
        "should",
        "some",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "until",
        "very",
        "what",
        "when",
        "where",
        "which",
        "while",
        "with",
        "would",
        "your",
        "think",
        "seems",
        "really",
        "maybe",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{2,}")


def classify_note(text: str) -> str:
    """The note type the rules find in the text, or `unknown`."""
    for label, pattern in _RULES:
        if pattern.search(text.strip()):
            return label
    return "unknown"


# Words too common in research notes to tie an event to one topic.
_GENERIC = frozenset(
    [
        "improv",
        "increas",
        "reduc",
        "better",
        "worse",
        "faster",
        "slower",
        "accura",
        "loss",
        "model",
        "train",
        "data",
        "result",
        "small",
        "large",
        "run",
        "python",
        "test",
        "experim",
        "epoch",
        "perform",
        "method",
        "approach",
        "value",
        "number",
        "set",
        "use",
        "used",
        "work",
        "help",
    ]
)
_SUFFIX = re.compile(r"(ations?|ings?|ed|es|s|ly|ment|ness)$")


def stem(word: str) -> str:
    """A crude stem: lower case, common suffixes cut, at most six letters (`smoothing` →
    `smooth`), so a note and a command line (`--smooth 0.1`) meet on the same term."""
    w = word.lower()
    if len(w) > 4:
        w = _SUFFIX.sub("", w) or w
    return w[:6]


def key_terms(text: str) -> set[str]:
    """Stemmed content words of a text (4+ letters or with digits, stopwords removed)."""
    out = set()
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw in _STOP:
            continue
        if len(lw) >= 4 or any(ch.isdigit() for ch in lw):
            out.add(stem(lw))
    return out


def shares_topic(terms: set[str], text: str) -> bool:
    """True when the text mentions one of the distinctive (non-generic) key terms."""
    return bool((terms - _GENERIC) & key_terms(text))


def same_subject(a: str, b: str) -> bool:
    """True when two statements are about the same thing: at least two shared terms, and at
    least half of the shorter one's distinctive terms."""
    ta, tb = key_terms(a) - _GENERIC, key_terms(b) - _GENERIC
    shared = ta & tb
    return len(shared) >= 2 and len(shared) * 2 >= min(len(ta), len(tb))


def is_affirmation(text: str) -> bool:
    """True when a note affirms something in the first person ("I'm confident that ...")."""
    return _AFFIRM.search(text) is not None


def is_negated(text: str) -> bool:
    """True when the text carries a negation or a 'worse/hurts' reading."""
    return _NEGATIONS.search(text) is not None


def label_with_model(model: str, text: str) -> tuple[str, str | None]:
    """(label, warning): a model's label for a note, or `unknown` and why it was not used."""
    try:
        from typing import Literal

        from pydantic import BaseModel

        from arakit.llm import LLMError, ask_json
    except ImportError as e:
        return "unknown", f"model labelling unavailable: {e}"

    class NoteLabel(BaseModel):
        label: Literal[
            "question",
            "decision",
            "dead-end",
            "pivot",
            "claim",
            "heuristic",
            "concept",
            "constraint",
            "architecture",
            "unknown",
        ]

    prompt = (
        "Label this research note with one type: question, decision, dead-end, pivot, claim, "
        "heuristic, concept, constraint, architecture, or unknown.\n\nNote: " + text
    )
    try:
        answer = ask_json(model, prompt, NoteLabel)
    except LLMError as e:
        return "unknown", f"model {model} failed: {e}"
    return str(answer.label), None
