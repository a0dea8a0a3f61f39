"""Small text tools the stages share: sentences, section roles, slugs."""

from __future__ import annotations

import re
import unicodedata

# a capital in the Latin, Cyrillic or Greek alphabets opens the next sentence
_SPLIT_RE = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)»]))\s+(?=[\"“‘«]?[A-Z(\[À-ÖØ-ÞА-ЯЁΑ-Ω])")
# a sentence may open with a lower-case name ("lightkurve is ..."): split there too when the
# word before the full stop is a plain word, not an abbreviation
# an enumerated item ("2. Round 2 ...", "(3) Curriculum ...") after a sentence starts anew
_ITEM_SPLIT_RE = re.compile(
    r"(?<=[.!?;:])\s+(?=(?:\d{1,2}[.)]|\(\d{1,2}\))\s+[A-Z])|(?<=\S)\s+(?=[•◦▪‣]\s)"
)
# a list's first item may follow its lead-in without punctuation ("Key Findings 1. Round 1")
_FIRST_ITEM_RE = re.compile(r"(?<=[A-Za-z])\s+(?=1[.)]\s+[A-Z])")
_SECOND_ITEM_RE = re.compile(r"[.!?;:]\s+2[.)]\s+[A-Z]")
_ITEM_RE = re.compile(r"^(?:\d{1,2}[.)]|\(\d{1,2}\)|[•◦▪‣])$")
_LOWER_SPLIT_RE = re.compile(r"(?<=[a-z]{4}[.!?])\s+(?=[a-z][\w-]*\s)")
_ABBREV = (
    "et al.",
    "e.g.",
    "i.e.",
    "Fig.",
    "Figs.",
    "Eq.",
    "Eqs.",
    "vs.",
    "cf.",
    "Sec.",
    "Sect.",
    "resp.",
    "approx.",
    "Ref.",
    "Refs.",
    "No.",
    "Tab.",
    "w.r.t.",
    "viz.",
    "Dr.",
    "Prof.",
)
_NO_LOWER_SPLIT = ("approx.", "resp.", "etc.", "viz.", "incl.", "ibid.", "cont.", "min.", "max.")

ROLES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("related", ("related work", "background", "prior work", "literature")),
    ("ablation", ("ablation",)),
    ("setup", ("setup", "implementation detail", "training detail", "experimental detail")),
    ("results", ("result", "experiment", "evaluation", "benchmark", "analysis", "comparison")),
    ("method", ("method", "approach", "model", "architecture", "algorithm", "framework", "design")),
    ("limitations", ("limitation", "discussion", "threats", "broader impact")),
    (
        "conclusion",
        (
            "conclusion",
            "summary",
            "future work",
            # the same headings in the languages theses and papers are often written in
            "заключение",
            "выводы",
            "результаты работы",
            "fazit",
            "schlussfolgerung",
            "conclusión",
            "conclusiones",
            "conclusioni",
            "conclusões",
        ),
    ),
    ("introduction", ("introduction", "motivation", "statement of need")),
    ("references", ("references", "bibliography")),
)


def sentences(text: str) -> list[str]:
    """Split running text into sentences, keeping abbreviations like `et al.` inside; a
    sentence may begin with a lower-case name after a full stop that ends a plain word."""
    out: list[str] = []
    text = text.strip()
    items = _ITEM_SPLIT_RE.split(text)
    if _SECOND_ITEM_RE.search(text):
        items = [piece for item in items for piece in _FIRST_ITEM_RE.split(item)]
    for item in items:
        first = True
        for chunk in _SPLIT_RE.split(item):
            for part in _LOWER_SPLIT_RE.split(chunk):
                glued = out and (out[-1].endswith(_ABBREV) or _no_lower_split(out[-1], part))
                if not first and (glued or _ITEM_RE.match(out[-1])):
                    out[-1] = f"{out[-1]} {part}"
                elif part:
                    out.append(part)
                first = False
    return out


def _no_lower_split(before: str, part: str) -> bool:
    return part[:1].islower() and before.endswith(_NO_LOWER_SPLIT)


def role(title: str, appendix: bool = False) -> str:
    """The role of a section from its title (introduction, method, setup, results, ...)."""
    low = title.lower()
    if re.match(
        r"^(?:introduction|motivation|overview|statement of need|введение|einleitung|"
        r"introducción|introduzione|introdução)\b",
        low.strip(" .:"),
    ):
        return "introduction"  # only a title that opens with it: "A short introduction to X" is not
    if is_references_title(title):
        return "references"
    for name, words in ROLES:
        if name == "introduction":
            continue
        if any(w in low for w in words):
            return name
    return "appendix" if appendix else "other"


_MARKS = ("derived", "subset")
# Letters NFKD does not take apart into an ASCII letter and marks (TeX's dotless i under an
# accent, "\\'{\\i}", is printed as U+0131 then a combining acute).
_FOLD = str.maketrans(
    {
        "ı": "i",
        "ȷ": "j",
        "ø": "o",
        "Ø": "O",
        "ł": "l",
        "Ł": "L",
        "đ": "d",
        "Đ": "D",
        "ß": "ss",
        "æ": "ae",
        "Æ": "AE",
        "œ": "oe",
        "Œ": "OE",
    }
)


def ascii_fold(text: str) -> str:
    """Text with its accented Latin letters as plain ones ("Caracterı́sticas", "Müller" →
    "Caracteristicas", "Muller"): letters taken apart (NFKD) and their marks dropped."""
    plain = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in plain if not unicodedata.combining(ch))


# The reference list's heading in the languages papers and theses here are written in,
# accents folded ("BIBLIOGRAFÍA", "Références", "Список литературы").
REFERENCE_TITLES = frozenset(
    {
        "references",
        "bibliography",
        "literature cited",
        "works cited",
        "cited literature",
        "bibliografia",
        "referencias",
        "referencias bibliograficas",
        "bibliographie",
        "references bibliographiques",
        "literatur",
        "literaturverzeichnis",
        "riferimenti bibliografici",
        "список литературы",
        "литература",
        "список использованных источников",
    }
)


def is_references_title(title: str) -> bool:
    """True when a heading names the reference list, in any language listed above."""
    return " ".join(ascii_fold(title).lower().strip(" .:").split()) in REFERENCE_TITLES


def slug(text: str, limit: int = 40) -> str:
    """A file-name slug: lower case, words joined by underscores, at most `limit` characters.
    The words `derived` and `subset` are left out: in an evidence file name they mark a
    derived view (ARA-FORMAT.md), and a slug names a raw transcription."""
    words = [w for w in re.findall(r"[a-z0-9]+", ascii_fold(text).lower()) if w not in _MARKS]
    out = ""
    for w in words:
        if len(out) + len(w) + 1 > limit:
            break
        out = f"{out}_{w}" if out else w
    return out or "untitled"


def clip(text: str, limit: int = 240) -> str:
    """Shorten text at a word boundary, marking the cut with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


# Inside a Results section a subsection's title may name what its results are about
# ("Model Scaling", "Base Model Error Characterization") or how they are summed up
# ("Summary Discussion"): the words that make a top-level section a method, a discussion
# or a conclusion do not make such a subsection one. A title whose last word is the method
# word describes a model or design itself ("Threat model", "Mobility Model") and keeps the
# method role; setup, related work and ablations keep their own role.
_SUBJECT_ROLES = ("method", "limitations", "conclusion")


def _results_part(title: str, own: str) -> bool:
    """True when a Results subsection with this title and role stays in the Results."""
    if own not in _SUBJECT_ROLES:
        return False
    words = re.findall(r"[a-z]+", title.lower())
    method_words = dict(ROLES)["method"]
    return own != "method" or not words or words[-1].rstrip("s") not in method_words


def section_roles(sections: list) -> dict[int, str]:  # type: ignore[type-arg]
    """Role of each section (by id); a subsection without a role of its own takes its parent's,
    a subsection of the Results whose title reads as a method or a discussion stays in the
    Results (see _SUBJECT_ROLES), and text before the first heading is the introduction
    when no section is titled so."""
    by_number: dict[str, str] = {}
    out: dict[int, str] = {}
    for sec in sections:
        r = role(sec.title, sec.appendix)
        parent = by_number.get(sec.number.rsplit(".", 1)[0], "") if "." in sec.number else ""
        if r in ("other", "appendix") and parent:
            r = parent
        elif parent == "results" and _results_part(sec.title, r):
            r = parent  # "9.1 Model Scaling", "6.4 Summary Discussion" of the Results
        if sec.number:
            by_number[sec.number] = r
        out[id(sec)] = r
    first = sections[0] if sections else None
    if first is not None and not first.title.strip() and "introduction" not in out.values():
        out[id(first)] = "introduction"  # PNAS, Nature: the introduction runs without a heading
    return out
