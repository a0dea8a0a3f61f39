"""Section headings, the way templates set them: bold or larger numbered lines ("3 Method",
"3.1 Setup"), numbered lines in capitals at body size (AASTeX's "1. INTRODUCTION"),
numbered sub-headings in italics that continue the current section ("2.1. The data"),
named headings (References, Acknowledgements, Appendix), and — in papers that number no
section at all (JOSS, many reports) — short bold or larger lines.
"""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Line

NUMBERED_RE = re.compile(r"^(\d+(?:\.\d+){0,3})\.?\s+([A-Z].{1,120})$")
APPENDIX_RE = re.compile(r"^(?:Appendix\s+)?([A-H](?:\.\d+){0,2})[.:]?\s+([A-Z].{1,120})$")
NAMED = (
    "references",
    "bibliography",
    "acknowledgments",
    "acknowledgements",
    "acknowledgment",
    "acknowledgement",
    "appendix",
    "literature cited",
)


class Headings:
    """Decides which lines are headings, knowing the body size and whether the document
    numbers its sections."""

    def __init__(self, lines: list[Line], body: float) -> None:
        self.body = body
        numbered = sum(1 for ln in lines if (h := self.strict(ln)) is not None and h[0])
        self.unnumbered_style = numbered < 2

    def _strong(self, ln: Line) -> bool:
        return ln.bold or ln.size > self.body + 0.5

    def strict(self, ln: Line, in_appendix: bool = False) -> tuple[str, str] | None:
        """A heading by number, name or appendix letter (no guess from type alone)."""
        text = ln.text.strip()
        if len(text) > 130:
            return None
        if text.lower().rstrip(":.") in NAMED and (self._strong(ln) or text.isupper()):
            return "", text
        m = NUMBERED_RE.match(text)
        if m and not text.endswith((",", ";")):
            title = m.group(2).strip()
            letters = [c for c in title if c.isalpha()]
            if self._strong(ln) or (len(letters) >= 4 and all(c.isupper() for c in letters)):
                return m.group(1), title
        if not self._strong(ln) and not text.isupper():
            return None
        if in_appendix:
            m = APPENDIX_RE.match(text)
            if m:
                return m.group(1), m.group(2).strip()
        if text.lower().startswith("appendix"):
            m = APPENDIX_RE.match(text)
            return (m.group(1), m.group(2).strip()) if m else ("", text)
        return None

    def __call__(self, ln: Line, in_appendix: bool, current: str) -> tuple[str, str] | None:
        """(number, title) when the line is a heading where the text stands (`current` is
        the number of the section being read)."""
        head = self.strict(ln, in_appendix)
        if head is not None:
            return head
        text = ln.text.strip()
        m = NUMBERED_RE.match(text)
        if m and "." in m.group(1) and _continues(m.group(1), current):
            title = m.group(2).strip()
            if len(title) <= 80 and not title.endswith((".", ",", ";", ":")):
                return m.group(1), title
        if self.unnumbered_style and self._strong(ln) and ln.size >= self.body - 0.5:
            words = text.split()
            if (
                1 <= len(words) <= 10
                and len(text) <= 70
                and text[:1].isupper()
                and not text.endswith((".", ",", ";", ":"))
                and not re.match(r"^(?:Table|Figure|Fig\.)\s", text)
            ):
                return "", text
        return None


def _continues(number: str, current: str) -> bool:
    """`2.1` continues section `2`, `2.3` or `1.4` (the next top-level section starts at `2`)."""
    top = number.split(".")[0]
    here = current.split(".")[0] if current else ""
    return bool(here) and (top == here or (here.isdigit() and top == str(int(here) + 1)))
