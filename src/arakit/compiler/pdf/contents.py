"""The front lists of a report or thesis: its table of contents and lists of figures and
tables. Their entries repeat the headings ("2.3 Methodology . . . 4", "Appendix") with
page numbers; read as text they open sections that hold no text and can carry the rest of
the document into a phantom appendix. A page is such a list when most of its entries end
in a dot leader; its lines are set aside, not read as headings or body text.

Report and book classes also head their chapters with "Chapter N" on a line of its own
and the chapter's title under it; `chapter_heading` reads that pair as section N.
"""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Line
from arakit.compiler.text import ascii_fold

# a run of leader dots, spaced or not (". . . . ." or "........" or "…")
_LEADER = re.compile(r"(?:\.\s?){4,}|…{2,}")
MIN_LEADERS = 3  # a table of contents has several entries
LEADER_SHARE = 0.3  # of the page's lines: a page of text with a stray "...." is no list
# "Chapter 3", "CHAPTER 3", "Chapter III"; with the title on the same line or the next
_CHAPTER = re.compile(r"^(?:Chapter|CHAPTER)\s+(\d{1,2}|[IVX]{1,5})(?:[.:]\s*|\s+)?(.*)$")
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8, "IX": 9}


# the list's own title, in the languages reports and theses here are written in
_TITLES = frozenset(
    {
        "contents",
        "table of contents",
        "list of figures",
        "list of tables",
        "содержание",
        "оглавление",
        "inhaltsverzeichnis",
        "inhalt",
        "table des matieres",
        "indice",
        "sommario",
        "sumario",
    }
)


def contents_pages(lines: list[Line]) -> set[int]:
    """The pages of a table of contents or a list of figures or tables: a page under such a
    title, or the page after one, whose lines end in dot leaders (at least MIN_LEADERS of
    them, and LEADER_SHARE of the page). A table whose rows run to leader dots (AASTeX's
    "Right Ascension . . . 10:28:08") has no such title and stays."""
    count: dict[int, int] = {}
    led: dict[int, int] = {}
    titled: set[int] = set()
    for ln in lines:
        count[ln.page] = count.get(ln.page, 0) + 1
        if _LEADER.search(ln.text):
            led[ln.page] = led.get(ln.page, 0) + 1
        if " ".join(ascii_fold(ln.text).lower().split()).strip(" .:") in _TITLES:
            titled.add(ln.page)
    listed = {p for p, n in led.items() if n >= MIN_LEADERS and n >= LEADER_SHARE * count[p]}
    out: set[int] = set()
    for page in sorted(listed):
        if page in titled or page - 1 in out:
            out.add(page)
    return out


def chapter_heading(lines: list[Line], k: int, body: float) -> tuple[str, str, int] | None:
    """(number, title, lines used) when line k opens a chapter: "Chapter N" set bold or
    larger than the body, with its title after it on the line or on the next line in the
    same type. None otherwise."""
    ln = lines[k]
    m = _CHAPTER.match(ln.text.strip())
    if m is None or not (ln.bold or ln.size > body + 0.5):
        return None
    raw = m.group(1)
    number = raw if raw.isdigit() else str(_ROMAN.get(raw, 0))
    if number == "0":
        return None
    title = m.group(2).strip()
    if title:
        return (number, title, 1) if title[:1].isupper() and len(title) <= 120 else None
    if k + 1 >= len(lines):
        return None
    nxt = lines[k + 1]
    same_type = nxt.bold == ln.bold and abs(nxt.size - ln.size) < 0.5
    text = nxt.text.strip()
    if nxt.page != ln.page or not same_type or not text[:1].isupper() or len(text) > 120:
        return None
    return number, text, 2
