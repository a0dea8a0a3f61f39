"""Page furniture: the lines a template, a journal or a preprint server prints around a
paper — never its title, authors or text.

Each rule names what kind of furniture a line is, so the front matter can still read what
it says (a venue, a year, a draft status, an arXiv identifier) without taking it for the
title or an author. The rules follow how papers are made (LaTeX class options, journal
templates, arXiv's stamp), not any one paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE = rf"(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d|{_MONTH}\s+(?:19|20)\d\d)"
YEAR_RE = re.compile(r"\b((?:19[5-9]|20\d)\d)\b")
ARXIV_STAMP = re.compile(
    r"arXiv:\s*(?P<id>\d{4}\.\d{4,5}|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})(?P<v>v\d+)?"
    r"(?:\s*\[(?P<cat>[\w.\-]+)\])?(?:\s+(?P<date>\d{1,2}\s+\w{3}\s+\d{4}))?",
    re.IGNORECASE,
)
CITE_BOX = re.compile(
    r"^(?:to cite this (?:work|article|paper|preprint)|please cite (?:this|our|the)|"
    r"cite (?:this|as)\b|citation:\s*$|using the plain bibtex style)",
    re.IGNORECASE,
)
# the label a paper's keyword list opens with, in the languages papers are commonly written in
KEYWORDS_LABEL = (
    r"^(?:keywords?|key[ -]words|index terms|palabras?[ -]claves?|mots[ -]cl[ée]s|"
    r"schl(?:ü|ue)sselw(?:ö|oe)rter|stichw(?:ö|oe)rter|schlagw(?:ö|oe)rter|parole chiave|"
    r"palavras?[ -]chave|ключевые слова|słowa kluczowe|trefwoorden|nyckelord|"
    r"关键词|キーワード)(?=\s*[:.—–-]|\s*$|\s)"
)
# (kind, pattern) in order; the first that matches names the line
# a self-archived copy's statement: "This is the accepted version of the following
# article: ...", "This is an Accepted Manuscript of an article ..."
_ACCEPTED = r"this is (?:the|an?) (?:author'?s'? )?accepted (?:version|manuscript)\b"
# a preprint server's stamp over every page ("bioRxiv preprint doi: https://doi.org/
# 10.1101/...; this version posted December 13, 2022. The copyright holder ..."): it names
# the server and dates the version
_SERVER = r"^(?P<server>\S{2,30}) preprint doi\s*:"

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rx, re.IGNORECASE))
    for kind, rx in (
        ("arxiv", r"^arXiv:\s*\d{4}\.\d{4,5}|^arXiv:\s*[a-z\-]+/\d{7}"),
        ("preprint", _SERVER),
        ("keywords", KEYWORDS_LABEL),
        # a publisher's masthead box over the title (Elsevier's, on every journal it prints:
        # "Contents lists available at ScienceDirect" ... "journal homepage: www...")
        ("masthead", r"^contents lists? available at\b|^journal homepage\s*:"),
        # an APA manuscript's running head ("Running head: SHORT TITLE"): never the title
        ("running", r"^running (?:head|header|title)\s*:"),
        (
            "typeset",
            r"^(?:\S+\s+)?typeset using\b|\btypeset\b.*\b(?:latex|tex)\b|"
            r"\blatex\b.*\b(?:style|class|template)\b|^with modifications by\b|"
            r"^template\b|^generated (?:by|with)\b|^compiled (?:on|with)\b|"
            r"^(?:this )?(?:manuscript|document|paper|version|draft) (?:was )?"
            r"(?:compiled|generated|typeset|last (?:updated|modified)) (?:on|at)\b",
        ),
        (
            "status",
            r"^(?:draft(?: version)?\b|(?:a )?preprint\b|this is a preprint|under review\b|"
            rf"{_ACCEPTED}|"
            r"(?:paper |manuscript )?(?:submitted|accepted|published|to appear|in press)\b|"
            r"(?:paper|manuscript|article) prepared for\b|"  # Copernicus: "Manuscript prepared for X"
            r"\(?received\b.*\b(?:accepted|revised)\b|work in progress\b|"
            r"published as a (?:conference|workshop) paper\b|camera[- ]ready\b|"
            r"preliminary (?:version|work)\b|do not distribute\b|anonymous authors?\b|"
            r"paper under double-blind review\b)",
        ),
        (
            "venue",
            r"^(?:proceedings of|in proceedings|proc\. of)\b|"
            rf"^[A-Z][A-Za-z-]+\s*['’]\d{{2}},\s+{_MONTH}|"
            r"^(?:\d+(?:st|nd|rd|th)\s+)?(?:conference|workshop|symposium) on\b|"
            r"^findings of\b|^journal of\b.*\b(?:\d{4}|vol|\(\d)|^(?:ieee|acm)\b.*\b(?:transactions|journal|letters)\b|"
            r"\bvol(?:ume)?\.?\s*\d+.*\b(?:no|issue|pp|pages)\b|"
            # a journal's citation line: "MNRAS 000, 1–24 (2016)" (name, volume, pages, year)
            r"^[A-Z][\w.&'’ -]{0,50}?\s+\d{1,4},\s*\d+\s*[–-]\s*\d+\s*\((?:19|20)\d\d\)$",
        ),
        (
            "rights",
            r"^©|^\(c\)\s|\bcopyright\b|\ball rights reserved\b|\blicen[cs]ed? under\b|"
            r"^creative commons\b|\bcc[- ]by\b|^permission to make digital",
        ),
        (
            "contact",
            r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|^[∗*†‡§¶✉]?\s*correspond(?:ing|ence)\b|^e-?mail\b|"
            r"^\W*equal contribution\b|^\W*these authors contributed equally\b|"
            r"^\W*work (?:done|performed) (?:while|during|at)\b|^https?://\S+$|^orcid\b",
        ),
        (
            "sidebar",
            r"^(?:doi|editors?|reviewers?|submitted|published|licen[cs]e|software|"
            r"review|repository|archive|handling editor|communicated by)\s*(?::.{0,60})?$",
        ),
        (
            "date",
            rf"^(?:\w+,\s+)?{DATE}\.?$|^\d{{4}}-\d{{2}}-\d{{2}}$|^(?:version|v)\s*\d+(?:\.\d+)*$",
        ),
    )
)


# a journal's citation line in a masthead or a running head: the journal's name, then its
# volume, pages or article number and year in the order its publisher sets them
_NAME = r"(?P<name>[A-Z][\w.&'’ -]{0,60}?)"
_YR = r"(?:19|20)\d\d"
_PAGES = r"[A-Za-z]?\d+(?:\s*[–-]\s*\d+)?"
_CITATION_LINES = tuple(
    re.compile(rx)
    for rx in (
        # "MNRAS 000, 1–24 (2016)"
        rf"^{_NAME}\s+\d{{1,4}},\s*\d+\s*[–-]\s*\d+\s*\({_YR}\)$",
        # "Journal of Hydrology 590 (2020) 125432"
        rf"^{_NAME}\s+\d{{1,4}}\s+\({_YR}\)\s+{_PAGES}$",
        # "Remote Sens. 2021, 13, 1234. https://doi.org/..."
        rf"^{_NAME}\s+{_YR},\s*\d{{1,4}},\s*{_PAGES}\.?(?:\s+\S*doi\S*)?$",
        # "Geosci. Model Dev., 8, 1–20, 2015", "Ecology, 102(3), 2021, e03250"
        rf"^{_NAME},\s*\d{{1,4}}(?:\s*\(\d+\))?,\s*(?:{_PAGES},\s*{_YR}|{_YR},\s*{_PAGES})"
        r"(?:,?\s+\S+)?$",
        # "IEEE TRANSACTIONS ON X, VOL. 14, NO. 8, AUGUST 2015"
        rf"^{_NAME},\s*(?:VOL|Vol)\.?\s*\d+,\s*(?:NO|No)\.?\s*\d+,.{{0,30}}{_YR}$",
        # "Scientific Reports | (2021) 11:1234 | https://doi.org/...", "PLOS ONE | https://doi..."
        rf"^{_NAME}\s*\|\s*(?:\(\s*{_YR}\s*\)\s*\d+\s*:\s*\d+|https?://(?:dx\.)?doi\.org/)",
    )
)


def journal_citation(text: str) -> str:
    """The journal a citation line names ("Journal of Hydrology 590 (2020) 125432" →
    "Journal of Hydrology", "MNRAS 000, 1–24 (2016)" → "MNRAS"), or ""."""
    t = " ".join(text.split())
    for rx in _CITATION_LINES:
        m = rx.match(t)
        name = m.group("name") if m else ""
        if re.search(r"[^\W\d_]{2}", name) and not re.search(r"\bet al\b", name):
            return name.strip()
    return ""


@dataclass(frozen=True)
class Furniture:
    """A furniture line: what kind it is and its text."""

    kind: str
    text: str


def furniture(text: str) -> Furniture | None:
    """The kind of furniture `text` is, or None when it may be content."""
    t = " ".join(text.split())
    if not t:
        return None
    if CITE_BOX.match(t):
        return Furniture("citebox", t)
    for kind, rx in _RULES:
        if rx.search(t):
            return Furniture(kind, t)
    return Furniture("venue", t) if journal_citation(t) else None


def bibtex_fields(text: str) -> dict[str, str]:
    """`journal`, `booktitle`, `year`, `doi` ... from BibTeX an author printed for citing."""
    flat = " ".join(text.split())
    out: dict[str, str] = {}
    for m in re.finditer(r"\b([a-z]+)\s*=\s*(\{(?:[^{}]|\{[^{}]*\})*\}|\"[^\"]*\"|\d+)", flat):
        key, value = m.group(1).lower(), m.group(2).strip('{}"')
        out.setdefault(key, re.sub(r"[{}]", "", value).strip())
    return out


# a journal's name abbreviated word by word ("Geosci. Model Dev.", "Astron. J."): the last
# word's dot belongs to the name
_ABBREVIATED = re.compile(r"\b[A-Z][a-z]{1,8}\.\s+(?:[A-Z][a-z]*\.?\s+)*[A-Z][a-z]{0,8}\.$")


def venue_from_status(text: str) -> str:
    """What a status or venue line says about where the paper stands, as printed."""
    t = " ".join(text.split())
    # the date a footer sets beside the statement ("Preprint submitted to X   March 21, 2021")
    # and a copyright sentence run on after it are no part of the venue
    t = re.split(r"\.\s+(?:copyright\b|©)|\s+©", t, maxsplit=1, flags=re.I)[0]
    t = re.sub(rf"(?<=\S)\s*[,;]?\s+(?:{DATE}|{_MONTH}\s+\d{{1,2}},?)\.?$", "", t)
    if not _ABBREVIATED.search(t):
        t = t.rstrip(".")  # a sentence's stop, not the dot of an abbreviated journal name
    m = re.match(r"^published as a (?:conference|workshop) paper at (.+)$", t, re.IGNORECASE)
    if m:
        return m.group(1)
    return t


# where an accepted version says it was published: "... of an article published by <the
# publisher> in the Journal of Applied Remote Sensing. DOI: ...", or as a citation of the
# article: "... of the following article: J. Stachelek et al., Ecological Applications.
# 2020, which has been published in final form at ..."
_PUBLISHED_IN = re.compile(
    r"\bpublished (?:by [^.;]{1,120}? )?in (?:the )?(?P<venue>[A-Z][^.;,]{2,100}?)\s*"
    r"(?:[.;,]|\s(?:doi|on|\((?:19|20)\d\d\))\b|$)"
)
_CITED_ARTICLE = re.compile(
    r"\barticle\s*:\s*[^,:;]{1,80}?(?:et al\.?)?,\s*(?P<venue>[A-Z][^.;,]{2,100}?)[.,]\s*"
    r"(?:\(?(?P<year>(?:19|20)\d\d)\b)?"
)


def accepted_venue(text: str) -> tuple[str, str]:
    """(venue, year) an accepted version's statement names for the article it copies (see
    _PUBLISHED_IN, _CITED_ARTICLE); ("", "") when it names none."""
    t = " ".join(text.split())
    if not re.match(_ACCEPTED, t, re.I):
        return "", ""
    m = _CITED_ARTICLE.search(t)
    if m:
        return m.group("venue").strip(), m.group("year") or ""
    m = _PUBLISHED_IN.search(t)
    return (m.group("venue").strip(), "") if m else ("", "")


# the label of the citation a publisher prints on the first page for readers to copy ("ACM
# Reference Format:", "PVLDB Reference Format:"), the reference under it
REFERENCE_FORMAT = re.compile(r"^(?:[A-Z][\w-]{1,12}\s+)?reference format\s*:", re.IGNORECASE)
# where a reference's venue ends in it: the publisher after it ("... (IWOCL’20). ACM, New
# York"), a page count or a link
_VENUE_END = r"\.(?:\s+[A-Z][\w&.-]*,|\s+\d|\s+https?://|\s*$)"


def cited_venue(text: str, title: str) -> tuple[str, str]:
    """(venue, year) of the paper as a reference to it reads, found by its `title`:
    "Authors. 2020. Title. In Proceedings of X (X’20). ACM, New York, ..." gives the
    proceedings; "Authors. 2018. Title. J. ACM 37, 4, Article 111 ..." the journal before its
    volume; ("", "") when the reference does not hold the title."""
    flat, key = " ".join(text.split()).casefold(), " ".join(title.split()).casefold()
    at = flat.find(key) if len(key) > 10 else -1
    if at < 0:
        return "", ""
    t = " ".join(text.split())
    year = YEAR_RE.search(t[:at])
    rest = t[at + len(key) :].lstrip(" .”’\"'")
    m = re.match(rf"In\s+(?P<venue>[A-Z].{{2,200}}?){_VENUE_END}", rest)
    if m:
        venue = m.group("venue")
    else:
        venue = re.split(r",|\s\d|\s\(|https?://", rest, maxsplit=1)[0].strip(" .")
        venue = "" if re.search(r"\d", venue) or len(venue.split()) > 20 else venue
    return venue, year.group(1) if year else ""


def preprint_server(text: str) -> str:
    """The server a preprint stamp names ("bioRxiv"), or ""."""
    m = re.match(_SERVER, " ".join(text.split()), re.I)
    return m.group("server") if m else ""


STATUS_LINES = 3  # a statement of where the paper stands runs over a few lines at most
STATEMENT_WORDS = 8  # shorter is a label ("A PREPRINT", "Draft"), not a statement


def run_on(kind: Furniture, after: list[str]) -> tuple[Furniture, int]:
    """A status statement broken over lines ("This is an Accepted Manuscript of an article
    published by the Society of Photo-Optical Instrumentation" / "Engineers in the Journal
    of ..."), read with the lines `after` it that continue its sentence, and how many it
    took; a short label takes none."""
    text = kind.text
    if len(text.split()) < STATEMENT_WORDS:
        return kind, 0
    taken = 0
    for line in after[:STATUS_LINES]:
        if re.search(r"[.:]$", text.rstrip()) or furniture(line) is not None:
            break
        taken += 1
        text = f"{text} {' '.join(line.split())}"
    return Furniture(kind.kind, text), taken
