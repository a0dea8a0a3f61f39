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

# a section number has at most two digits at each level: "02456 DEEP LEARNING, ..." (a course
# code in a running head) and "2800 Kongens Lyngby" (a postcode) are no headings
NUMBERED_RE = re.compile(r"^((?:[1-9]\d?|0)(?:\.\d{1,2}){0,3})\.?\s+([A-Z].{1,120})$")
ROMAN_RE = re.compile(r"^([IVX]{1,6})\.\s+([A-Z].{1,120})$")
LETTER_RE = re.compile(r"^([A-H])\.\s+([A-Z].{1,80})$")
# section numbers I to XXXIX in their canonical spelling (IIII or VX is no numeral)
_ONES = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
_ROMAN = {"X" * (n // 10) + _ONES[n % 10]: n for n in range(1, 40)}
_ITALIC = re.compile(r"Ital|Oblique|-It$|-I$|Slant", re.I)
APPENDIX_RE = re.compile(r"^(?:Appendix\s+)?([A-H](?:\.\d+){0,2})[.:]?\s+([A-Z].{1,120})$")
# "Appendix B" alone on its line: a heading at any weight (a sentence goes on past it)
_BARE_APPENDIX = re.compile(r"^Appendix\s+([A-H])$")
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


def _running_heads(lines: list[Line]) -> frozenset[str]:
    """The texts printed after a number on several pages with a different number each time:
    a running head after the page number ("16 T. T. Shimizu", "18 T. T. Shimizu"), never a
    section's heading, which is printed once."""
    numbers: dict[str, set[str]] = {}
    for ln in lines:
        m = NUMBERED_RE.match(ln.text.strip())
        if m:
            numbers.setdefault(m.group(2).strip(), set()).add(m.group(1))
    return frozenset(t for t, seen in numbers.items() if len(seen) >= 2)


class Headings:
    """Decides which lines are headings, knowing the body size and whether the document
    numbers its sections."""

    def __init__(self, lines: list[Line], body: float) -> None:
        self.body = body
        self.running = _running_heads(lines)
        numbered = sum(1 for ln in lines if (h := self.strict(ln)) is not None and h[0])
        self.unnumbered_style = numbered < 2
        self.roman_style = sum(1 for ln in lines if _roman_heading(ln.text.strip())) >= 2
        # IEEE's numerals with titles in title case at body size (a font without small
        # capitals): headings only where they count up from I in the document's order
        self.roman_titled = _counts_up(
            [h[0] for ln in lines if (h := _titled_roman(ln.text.strip())) is not None]
        )

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
        if m and m.group(2).strip() in self.running:
            return None  # a running head after its page number: "18 T. T. Shimizu"
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
        if head is not None and not _out_of_turn(head[0], current, ln.text):
            return head
        if head is not None:
            return None
        text = ln.text.strip()
        bare = _BARE_APPENDIX.match(text)
        if bare and ln.size >= self.body - 0.5:
            return bare.group(1), text  # "Appendix B" on a line of its own, the title below
        if self.roman_titled and ln.size >= self.body - 0.5:
            titled = _next_titled(text, current)
            if titled is not None:
                return titled
        first = self.first_appendix(ln, current)
        if first is not None:
            return first
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

    def first_appendix(self, ln: Line, current: str) -> tuple[str, str] | None:
        """("A", title) for a bold or larger "A. Title" after numbered sections: the first
        appendix, lettered from A whether or not the word "Appendix" is printed (amsart
        and many report classes print only the letter). IEEE's lettered sub-headings are
        not: a Roman-numbered paper's "A." is a sub-heading."""
        m = APPENDIX_RE.match(ln.text.strip())
        if m is None or m.group(1) != "A" or self.roman_style or not self._strong(ln):
            return None
        title = m.group(2).strip()
        if not current.split(".")[0].isdigit() or re.match(r"^[A-Z]\.\s", title):
            return None  # before the numbered sections, or initials: "A. B. Smith"
        if ln.size < self.body - 0.5 or title.endswith((",", ";")):
            return None
        return "A", title


def _out_of_turn(number: str, current: str, text: str) -> bool:
    """A lettered appendix number ("E") that neither carries on the current appendix
    ("A.2" in "A.1") nor is the next letter ("B" after "A.4"): a line of capitals in a
    display ("E R2", an expectation), not a heading; nor is one that does not come after
    the current number (a running head repeating "A.2" over "A.2.1"). "Appendix E" printed
    says it is one."""
    if not re.match(r"^[A-H](?:\.|$)", number) or text.strip().lower().startswith("appendix"):
        return False
    here = current.split(".")[0]
    if not re.fullmatch(r"[A-H]", here):
        return False
    top = number.split(".")[0]
    if not (top == here or ord(top) == ord(here) + 1):
        return True
    return _order(number) <= _order(current)  # "A.2" again under "A.2.1": a running head


def _order(number: str) -> tuple[int, ...]:
    """A section number as a sortable key: its letter or digits, part by part."""
    return tuple(ord(p) if p.isalpha() else int(p) for p in number.split(".") if p.isalnum())


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


# the words a title leaves in lower case
_MINOR = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "under",
        "versus",
        "vs",
        "vs.",
        "via",
        "with",
    ]
)
TITLED_WORDS = 10  # a heading is a few words; a longer line is a sentence


def _titled_roman(text: str) -> tuple[str, str] | None:
    """("4", "Results and Analysis") for "IV. Results and Analysis": a Roman numeral and a
    short title whose words are capitalised (the small words of a title aside), ending in
    no stop or comma."""
    m = ROMAN_RE.match(text)
    if not m or text.endswith((".", ",", ";", ":", "-")) or "," in text:
        return None
    if not _title_case(m.group(2)):
        return None
    value = _ROMAN.get(m.group(1))
    return (str(value), m.group(2).strip()) if value else None


def _next_titled(text: str, current: str) -> tuple[str, str] | None:
    """In a document whose headings are title-cased numerals at body weight: the next
    section ("IV. Results and Analysis" after section 3), its first or next lettered
    sub-section ("B. Noise Model" after 4.1, read as 4.2), or a named heading
    ("References")."""
    if text.lower().rstrip(":.") in NAMED:
        return "", text
    top, _, sub = current.partition(".")
    titled = _titled_roman(text)
    if titled is not None:
        return titled if titled[0] == str(int(top) + 1 if top.isdigit() else 1) else None
    letter = LETTER_RE.match(text)
    if letter is None or not top.isdigit() or not _title_case(letter.group(2)):
        return None
    # the next letter, or the one after it (the title before it broke across two lines)
    step = ord(letter.group(1)) - ord("A") - (int(sub) if sub.isdigit() else 0)
    if step not in (0, 1) or text.endswith((".", ",", ";", ":", "-")):
        return None  # out of sequence, or a sentence; a title broken at a hyphen is left
    return f"{top}.{ord(letter.group(1)) - ord('A') + 1}", letter.group(2).strip()


def _title_case(title: str) -> bool:
    """A few words, each capitalised but the small words of a title."""
    words = title.split()
    return len(words) <= TITLED_WORDS and not any(
        w[:1].isalpha() and not w[:1].isupper() and w.lower() not in _MINOR for w in words
    )


RUN = 3  # I, II, III in order: a document numbering its sections so, not a stray line


def _counts_up(numbers: list[str]) -> bool:
    """True when the numbers, in order, hold a run 1, 2, 3, ... of at least RUN."""
    want = 1
    for n in numbers:
        if n == str(want):
            want += 1
    return want > RUN


def _continues(number: str, current: str) -> bool:
    """`2.1` continues section `2`, `2.3` or `1.4` (the next top-level section starts at `2`)."""
    top = number.split(".")[0]
    here = current.split(".")[0] if current else ""
    return bool(here) and (top == here or (here.isdigit() and top == str(int(here) + 1)))
