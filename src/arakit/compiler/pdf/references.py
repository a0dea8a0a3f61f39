"""The reference list: entries split and parsed into authors, year, title, DOI, arXiv ID."""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Reference

_NUM_RE = re.compile(r"^\[(\d+)\]\s*")
_YEAR_RE = re.compile(r"\(?\b((?:19|20)\d{2})[a-z]?\b\)?")
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s,;]+[^\s,;.)])", re.IGNORECASE)
ARXIV_RE = re.compile(r"arXiv[:\s]*(\d{4}\.\d{4,5}(?:v\d+)?)", re.IGNORECASE)


def split_entries(lines: list[str]) -> list[tuple[str, str]]:
    """(key, text) for each entry: `[1] ...` starts an entry; other lines continue it."""
    entries: list[list[str]] = []
    keys: list[str] = []
    numbered = any(_NUM_RE.match(ln) for ln in lines)
    for ln in lines:
        m = _NUM_RE.match(ln)
        if m or not entries or (not numbered and _looks_like_start(ln, entries[-1])):
            keys.append(m.group(1) if m else "")
            entries.append([ln[m.end() :] if m else ln])
        else:
            entries[-1].append(ln)
    return [(k, _join(parts)) for k, parts in zip(keys, entries, strict=True)]


def _looks_like_start(line: str, current: list[str]) -> bool:
    # unnumbered styles: an entry ends with a period and the next starts with "Surname, X."
    return current[-1].rstrip().endswith(".") and bool(re.match(r"^[A-Z][\w'-]+,\s+[A-Z]", line))


def _join(parts: list[str]) -> str:
    out = ""
    for p in parts:
        if out.endswith("-") and p[:1].islower() and not DOI_RE.search(out.split()[-1]):
            out = out[:-1] + p
        elif out.endswith(("/", "-")):
            out += p  # a DOI or URL broken at the line end
        else:
            out = f"{out} {p}" if out else p
    return out.strip()


def parse_reference(key: str, text: str) -> Reference:
    """Authors (before the year), year, title (the sentence after the year), DOI, arXiv ID."""
    ref = Reference(key=key, text=text)
    doi = DOI_RE.search(text)
    if doi:
        ref.doi = doi.group(1)
    arx = ARXIV_RE.search(text)
    if arx:
        ref.arxiv = arx.group(1)
    year = _YEAR_RE.search(text)
    if year:
        ref.year = year.group(1)
        head, tail = text[: year.start()], text[year.end() :]
    else:
        head, _, tail = text.partition(". ")
    ref.authors = _authors(head)
    tail = tail.lstrip(".,) ")
    ref.title = re.split(r"(?<=[a-z0-9?!])\.\s", tail, maxsplit=1)[0].strip().rstrip(".")
    return ref


def _authors(head: str) -> list[str]:
    head = head.strip().rstrip(",( ")
    if not re.search(r"\b[A-Z]\.$", head):
        head = head.rstrip(".")
    head = re.sub(r",?\s+and\s+", ", ", head)
    head = re.sub(r"\bet al\.?", "", head)
    parts = [p.strip() for p in head.split(",") if p.strip()]
    out: list[str] = []
    for p in parts:
        # "Lovelace, A." style gives surname and initials as separate parts: join them back
        if out and re.fullmatch(r"(?:[A-Z]\.?\s*){1,3}", p):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out
