"""The reference list: entries split and parsed into authors, year, title, DOI, arXiv ID —
in numbered styles ("[3] ...", "3. ...") and author–year styles (APA, natbib, AAS, plainnat).

Entries are split the way they are typeset: by their number, else by the hanging indent
(an entry's first line starts at the column's left edge, its continuation lines are set
in), else by a full stop followed by a line that opens with a surname. An author–year
entry gets a key from its first author's surname and its year ("Chen1990", "Garnier2014a"),
which is how the text cites it.
"""

from __future__ import annotations

import re
from collections import defaultdict

from arakit.compiler.pdf.document import Line, Reference

_NUM_RE = re.compile(r"^(?:\[(\d+)\]|(\d{1,3})\.)\s+(?=\S)")
_YEAR_RE = re.compile(r"\b((?:19|20)\d{2})([a-z]?)\b")
DOI_RE = re.compile(r"\b(10\.\d{4,9}/[^\s,;]+[^\s,;.)])", re.IGNORECASE)
ARXIV_RE = re.compile(r"arXiv[:\s]*(\d{4}\.\d{4,5}(?:v\d+)?)", re.IGNORECASE)
_SAME_AUTHORS = re.compile(r"^(?:—|–|-{2,3}|_{3,})\.?\s*")  # "—. 2015, ApJ": as the entry above
_INITIAL = re.compile(r"(?:^|\s)(?:[A-Z]\.-?)+$")


def split_entries(lines: list[str]) -> list[tuple[str, str]]:
    """(key, text) for each entry of a list given as plain text lines."""
    return _split([(ln, False) for ln in lines])


def entries_from_lines(lines: list[Line]) -> list[tuple[str, str]]:
    """(key, text) for each entry, using the layout: a hanging indent marks where entries
    start in unnumbered lists."""
    starts = _hanging_starts(lines)
    return _split([(ln.text, id(ln) in starts) for ln in lines])


def _hanging_starts(lines: list[Line]) -> set[int]:
    """Lines that begin an entry by position: at the column's left edge while its other
    lines are indented. Empty when the list uses no hanging indent."""
    columns: dict[tuple[int, str], list[Line]] = defaultdict(list)
    for ln in lines:
        columns[(ln.page, ln.column)].append(ln)
    starts: set[int] = set()
    for col in columns.values():
        left = min(ln.x0 for ln in col)
        indented = [ln for ln in col if 3 <= ln.x0 - left <= 40]
        if len(indented) < max(2, len(col) // 5):
            continue  # no hanging indent in this column
        starts |= {id(ln) for ln in col if ln.x0 - left < 2}
    return starts


def _split(lines: list[tuple[str, bool]]) -> list[tuple[str, str]]:
    entries: list[list[str]] = []
    keys: list[str] = []
    numbered = sum(1 for text, _ in lines if _NUM_RE.match(text)) >= max(2, len(lines) // 6)
    hanging = any(start for _, start in lines)
    for text, start in lines:
        m = _NUM_RE.match(text) if numbered else None
        if numbered:
            begins = m is not None or not entries
        elif hanging:
            begins = start or not entries
        else:
            begins = not entries or _looks_like_start(text, entries[-1])
        if begins:
            keys.append((m.group(1) or m.group(2)) if m else "")
            entries.append([text[m.end() :] if m else text])
        else:
            entries[-1].append(text)
    return [(k, _join(parts)) for k, parts in zip(keys, entries, strict=True)]


def _looks_like_start(line: str, current: list[str]) -> bool:
    # unnumbered, no indent: an entry ends with a period and the next starts with "Surname, X."
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


def parse_references(entries: list[tuple[str, str]]) -> list[Reference]:
    """Every entry parsed; an entry that repeats the authors of the one above ("—. 2015")
    takes them over; unnumbered entries get an author–year key, made unique."""
    out: list[Reference] = []
    used: set[str] = set()
    for key, text in entries:
        same = _SAME_AUTHORS.match(text)
        ref = parse_reference(key, text[same.end() :] if same else text)
        if same and out:
            ref.authors = list(out[-1].authors)
        if not ref.key:
            base = f"{surname(ref)}{ref.year}{ref.year_suffix}" or f"ref{len(out) + 1}"
            ref.key = base
            n = 2
            while ref.key in used:
                ref.key = f"{base}-{n}"
                n += 1
        used.add(ref.key)
        out.append(ref)
    return out


def surname(ref: Reference) -> str:
    """The first author's surname (see Reference.surname)."""
    return ref.surname


def parse_reference(key: str, text: str) -> Reference:
    """Authors, year, title, DOI and arXiv ID of one entry. The authors stand before the
    year when the year follows them ("Chen, S. (1990). Title" / "Chen, S. 1990, ApJ"), else
    before the first full stop that does not close an initial ("S. Chen. Title. ..., 1990")."""
    ref = Reference(key=key, text=text)
    doi = DOI_RE.search(text)
    if doi:
        ref.doi = doi.group(1)
    arx = ARXIV_RE.search(text)
    if arx:
        ref.arxiv = arx.group(1)
    years = list(_YEAR_RE.finditer(text))
    early = next((y for y in years if _authors_before(text[: y.start()])), None)
    if early is not None:
        ref.year, ref.year_suffix = early.group(1), early.group(2)
        head, tail = text[: early.start()], text[early.end() :]
        ref.authors = _authors(head)
        tail = tail.lstrip(".,) ")
        ref.title = re.split(r"(?<=[a-z0-9?!])\.\s", tail, maxsplit=1)[0].strip().rstrip(".")
        return ref
    if years:
        ref.year, ref.year_suffix = years[-1].group(1), years[-1].group(2)
    head, rest = _author_block(text)
    ref.authors = _authors(head)
    ref.title = re.split(r"(?<=[a-z0-9?!)])\.\s", rest, maxsplit=1)[0].strip().rstrip(".")
    return ref


def _authors_before(head: str) -> bool:
    """True when `head` (the text before a year) is only an author list: names, initials,
    commas, `and`/`&`, `et al.`, an opening parenthesis."""
    h = head.strip().rstrip("(").strip()
    if not h or len(h) > 400:
        return False
    if re.search(r"\.\s+[A-Z][a-z]+\s+[a-z]+", h):
        return False  # a sentence (a title) stands before the year
    tokens = re.findall(r"[^\s,]+", h)
    ok = [
        t
        for t in tokens
        if re.fullmatch(
            r"(?:[A-Z][\w'’.-]*|and|&|et|al\.?|de|van|von|der|den|da|di|la|le|du|del|dos|y)", t
        )
    ]
    return len(ok) >= 0.85 * len(tokens)


def _author_block(text: str) -> tuple[str, str]:
    """Split "S. Chen, S. Billings, and P. Grant. Title. Venue" after the author list."""
    for m in re.finditer(r"\.\s+", text):
        before = text[: m.start() + 1]
        if re.search(r"\bet al\.$", before):
            return before, text[m.end() :]  # "et al." ends an author list
        if _INITIAL.search(before):
            continue  # the full stop of an initial
        return text[: m.start()], text[m.end() :]
    return text, ""


def _authors(head: str) -> list[str]:
    head = head.strip().rstrip(",( ")
    if not re.search(r"\b[A-Z]\.$", head):
        head = head.rstrip(".")
    head = re.sub(r",?\s+(?:and|&)\s+", ", ", head)
    head = re.sub(r"\bet al\.?", "", head)
    parts = [p.strip() for p in head.split(",") if p.strip()]
    out: list[str] = []
    for p in parts:
        # "Lovelace, A." style gives surname and initials as separate parts: join them back
        if out and re.fullmatch(r"(?:[A-Z]\.?[\s-]*){1,4}", p):
            out[-1] = f"{out[-1]}, {p}"
        else:
            out.append(p)
    return out
