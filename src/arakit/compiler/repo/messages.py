"""What commit messages and notes say in words: that something failed, was reverted,
was replaced for a stated reason, or that the work pivoted."""

from __future__ import annotations

import re

REVERT_RE = re.compile(r"This reverts commit ([0-9a-f]{7,40})")
UNDO_RE = re.compile(
    r"\b(?:revert(?:s|ed|ing|e)?|undo(?:ne|ing)?|undid|roll(?:ed|ing)?[ -]?back|back(?:ed)? out|"
    r"restor(?:e|es|ed|ing))\b",
    re.I,
)
_FAIL_RE = re.compile(
    r"\b(?:does ?n[o']?t (?:work|help|converge|improve|support)|did ?n[o']?t (?:work|help|"
    r"converge|improve|obtain)|not working|no improvement|untrainable|gave up|give up|"
    r"abandon(?:s|ed|ing)?|dead[ -]end|unfortunately|(?:is|are|was|were) worse|worse than)\b",
    re.I,
)
# "fails" alone also reports a single failing case; it counts when the line draws a conclusion
_WEAK_FAIL_RE = re.compile(r"\b(?:fail(?:s|ed)?|diverge[sd]?)\b", re.I)
_CONCLUDES_RE = re.compile(
    r"\b(?:showing|shows|because|therefore|hence|so we|due to|since)\b", re.I
)
_FIX_RE = re.compile(r"^\s*(?:\W\s*)?(?:\[?fix(?:es|ed)?\]?|bug|hotfix|typo|ci\b|test)", re.I)
PIVOT_RE = re.compile(r"\bpivot(?:s|ed|ing)?\b", re.I)
BETTER_RE = re.compile(
    r"\b(?:works? (?:much |a lot )?better|much better|better than|instead(?: of)?|switch(?:es|ed)? to|"
    r"replac(?:e|es|ed|ing)\b)",
    re.I,
)
MOVED_AWAY_RE = re.compile(
    r"\bmov(?:e|ed|es|ing)\b[^.\n]{0,40}\b(?:elsewhere|another repo|separate repo|new repo|"
    r"own repo|out of (?:the|this) repo)",
    re.I,
)
REPLACE_RE = re.compile(
    r"\b(?:instead of|rather than|replac(?:e|es|ed|ing)\b|switch(?:es|ed|ing)? (?:to|from))", re.I
)
REASON_RE = re.compile(
    r"\b(?:avoid(?:s|ing)?|because|since|due to|so that|to prevent|works? better|better|"
    r"faster|more stable|dilution|too slow|too noisy)\b",
    re.I,
)
WRONG_RE = re.compile(r"\b(?:bug|wrong|incorrect|mistake|error|fix(?:es|ed)?|corrected)\b", re.I)


def message_lines(text: str) -> list[str]:
    """The lines of a commit message with wrapped lines joined back to their sentence."""
    out: list[str] = []
    for raw in text.splitlines():
        line = raw.strip()
        starts_item = bool(re.match(r"^(?:[-*\u2022+]|\d+[.)]|#)\s", line))
        if out and line and out[-1] and not starts_item and not out[-1].endswith((".", ":")):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return out


def line_with_all(text: str, *patterns: re.Pattern[str]) -> str:
    """The first message line every pattern matches (fix and typo lines aside), or ""."""
    for line in message_lines(text):
        line = line.strip(" -*\t")
        if all(rx.search(line) for rx in patterns) and not _FIX_RE.match(line):
            return line[:240]
    return ""


def sentence_with(text: str, rx: re.Pattern[str]) -> str:
    """The first message line `rx` matches (fix and typo lines aside), or ""."""
    return line_with_all(text, rx)


def failure_sentence(text: str) -> str:
    """The line of `text` that says an approach failed, or ""."""
    return line_with_all(text, _FAIL_RE) or line_with_all(text, _WEAK_FAIL_RE, _CONCLUDES_RE)


def reasoned_replacement(text: str) -> str:
    """A line saying one thing replaced another and why ("X instead of Y; avoids Z"), or ""."""
    return line_with_all(text, REPLACE_RE, REASON_RE)


def lesson(message: str) -> str:
    """A sentence of the message that states a reason, when there is one."""
    return failure_sentence(message) or sentence_with(message, BETTER_RE)
