"""The masthead of a first page: what a journal, a conference or a course prints above the
title — its name, the volume and year, a DOI — read as the paper's venue.

Three constructions are read, each for the reason it names a venue:

- a journal's citation line, ``Name volume, first–last (year)`` (MNRAS, many journals'
  running heads: "MNRAS 000, 1–24 (2016)"): the venue is the name before the volume;
- a journal's name printed over the paper's DOI (OUP: "Bioinformatics" above
  "doi.10.1093/bioinformatics/xxxxxx"): the line a publisher sets right above the DOI;
- a journal's name inside a publisher's masthead box (Elsevier: "Contents lists available
  at ScienceDirect", the name, "journal homepage: ..."): the row between the box's lines;
- a page header above the title that dates itself (a course, a workshop: "02456 DEEP
  LEARNING, DTU COMPUTE, FALL 2022"): the topmost line of the page, in type smaller than
  the title, short, and printing a year.

A header row whose parts stand apart (left, centre and right of the page) is read part by
part: "MNRAS 000, 1–24 (2016)  Preprint 12 December 2016  Compiled using MNRAS LaTeX style"
holds a venue, a status and a template note.
"""

from __future__ import annotations

import re

from arakit.compiler.pdf.furniture import YEAR_RE, Furniture, furniture, journal_citation

_DOI = re.compile(r"^(?:doi[.:]?\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,}/", re.I)
# what a draft stamp prints beside its date: a time of day, a page number
_STAMP = re.compile(r"\b\d{1,2}:\d{2}\b|\bpage\s+\d|#\d", re.I)
MAX_NAME_WORDS = 6
HEADER_WORDS = 14  # a venue line is short: a name, a course, a year


def boxed_names(texts: list[str]) -> set[int]:
    """The rows of a publisher's masthead box that print the journal's name: a short row
    set between two masthead lines ("Contents lists available at ScienceDirect" /
    "Economics Letters" / "journal homepage: ..."), given the first page's rows as text;
    the box's top line may have gone with the running head, so a name that opens the rows
    over a masthead line counts too."""
    boxed = [getattr(furniture(t), "kind", "") == "masthead" for t in texts]
    out: set[int] = set()
    for k in range(len(texts) - 1):
        words = texts[k].split()
        if (
            (k == 0 or boxed[k - 1])
            and boxed[k + 1]
            and 0 < len(words) <= MAX_NAME_WORDS
            and not re.search(r"\d|https?://|@", texts[k])
        ):
            out.add(k)
    return out


def journal_name(text: str) -> str:
    """The journal a citation line names ("MNRAS 000, 1–24 (2016)" → "MNRAS"), or ""."""
    return journal_citation(text)


def parts_of(texts: list[str]) -> list[Furniture]:
    """The furniture of a header row's parts, each read on its own; a part that is no
    furniture of a known kind is kept as the row's "header" text."""
    return [furniture(t) or Furniture("header", " ".join(t.split())) for t in texts]


def masthead_venue(above: list[tuple[str, float]], title_size: float) -> Furniture | None:
    """The venue the lines above the title print (see the module docstring), from those
    lines as (text, size), top to bottom; None when they print none."""
    texts = [" ".join(t.split()) for t, _ in above]
    for k, text in enumerate(texts[:-1]):
        words = text.split()
        if (
            _DOI.match(texts[k + 1])
            and 0 < len(words) <= MAX_NAME_WORDS
            and not re.search(r"\d|https?://|@", text)
            and text[:1].isupper()
            and furniture(text) is None
        ):
            return Furniture("venue", text)  # the journal's name over the paper's DOI
    if not above:
        return None
    text, size = texts[0], above[0][1]
    if (
        size < title_size - 0.5
        and len(text.split()) <= HEADER_WORDS
        and YEAR_RE.search(text)
        and not _STAMP.search(text)
        and not text.endswith(".")
        and furniture(text) is None
        and sum(c.isalpha() for c in text) >= 8
    ):
        return Furniture("venue", text)  # a dated page header over the title
    return None
