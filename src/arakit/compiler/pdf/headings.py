"""Section headings, the way templates set them: bold or larger numbered lines ("3 Method",
"3.1 Setup"), numbered lines in capitals at body size (AASTeX's "1. INTRODUCTION"),
numbered sub-headings in italics that continue the current section ("2.1. The data"),
IEEE's Roman numerals in capitals ("IV. EXPERIMENTS", read as section 4) with lettered
sub-headings in italics ("A. Datasets", read as 4.1),
named headings (References, Acknowledgements, Appendix), and — in papers that number no
section at all (JOSS, many reports) — short bold or larger lines.
"""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Line
from arakit.compiler.text import is_references_title

NUMBERED_RE = re.compile(r"^(\d+(?:\.\d+){0,3})\.?\s+([A-Z].{1,120})$")
ROMAN_RE = re.compile(r"^([IVX]{1,6})\.\s+([A-Z].{1,120})$")
LETTER_RE = re.compile(r"^([A-H])\.\s+([A-Z].{1,80})$")
# section numbers I to XXXIX in their canonical spelling (IIII or VX is no numeral)
_ONES = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
_ROMAN = {"X" * (n // 10) + _ONES[n % 10]: n for n in range(1, 40)}
_ITALIC = re.compile(r"Ital|Oblique|-It$|-I$|Slant", re.I)
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
        self.roman_style = sum(1 for ln in lines if _roman_heading(ln.text.strip())) >= 2

    def _strong(self, ln: Line) -> bool:
        return ln.bold or ln.size > self.body + 0.5

    def strict(self, ln: Line, in_appendix: bool = False) -> tuple[str, str] | None:
        """A heading by number, name or appendix letter (no guess from type alone)."""
        text = ln.text.strip()
        if len(text) > 130:
            return None
        named = text.lower().rstrip(":.") in NAMED or is_references_title(text)
        if named and (self._strong(ln) or text.isupper()):
            return "", text
        m = NUMBERED_RE.match(text)
        if m and not text.endswith((",", ";")):
            title = m.group(2).strip()
            letters = [c for c in title if c.isalpha()]
            if self._strong(ln) or (len(letters) >= 4 and all(c.isupper() for c in letters)):
                return m.group(1), title
        roman = _roman_heading(text)
        if roman is not None:
            return roman
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
        letter = LETTER_RE.match(text)
        if (
            letter
            and self.roman_style
            and current.split(".")[0].isdigit()
            and (self._strong(ln) or _ITALIC.search(ln.font))
            and ln.size >= self.body - 0.5
            and not text.endswith((".", ",", ";", ":"))
            and not re.match(r"^[A-Z]\.\s", letter.group(2))  # initials: "E. B. de Lima"
        ):
            top = current.split(".")[0]
            return f"{top}.{ord(letter.group(1)) - ord('A') + 1}", letter.group(2).strip()
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


def _roman_heading(text: str) -> tuple[str, str] | None:
    """("4", "EXPERIMENTS") for "IV. EXPERIMENTS": a Roman numeral and a title in capitals."""
    m = ROMAN_RE.match(text)
    if not m or len(text) > 130 or text.endswith((",", ";")):
        return None
    letters = [c for c in m.group(2) if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return None
    value = _ROMAN.get(m.group(1))
    return (str(value), m.group(2).strip()) if value else None


def _continues(number: str, current: str) -> bool:
    """`2.1` continues section `2`, `2.3` or `1.4` (the next top-level section starts at `2`)."""
    top = number.split(".")[0]
    here = current.split(".")[0] if current else ""
    return bool(here) and (top == here or (here.isdigit() and top == str(int(here) + 1)))
