"""Knowledge atoms: numbers with units, citations with their sentences, and negative results,
each with the page and section it came from. Stated settings live in compiler/settings/."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from arakit.compiler.citations import CitationIndex
from arakit.compiler.pdf.document import Document
from arakit.compiler.text import section_roles, sentences

# a power of ten keeps its exponent, flattened (`10−4`) or raised as printed (`10⁻⁴`, `10⁸`)
_POWER = r"10(?:[-−]?\d+|[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
VALUE = (
    r"[-+−]?(?:10[⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d+(?:\.\d+)?(?:[eE][-−+]?\d+)?|\.\d+)"
    rf"(?:\s*[×·]\s*{_POWER})?"
)
_UNITS = (
    "%|points?|pp|epochs?|GPUs?|TPUs?|hours?|days?|minutes?|ms|seconds?|s|GB|MB|TB|"
    "M|B|K|k|x|×|layers?|steps?|iterations?|parameters|params|runs?|tokens?|images?|samples?"
)
_NUMBER_RE = re.compile(
    rf"(?<![\w\-.\[/])(?P<value>{VALUE})(?:\s?(?P<unit>{_UNITS}))?(?![\w\]])(?!\.\d)"
)
NEGATIVE_CUES = (
    "does not improve",
    "do not improve",
    "did not improve",
    "no improvement",
    "does not help",
    "did not help",
    "degrades",
    "degraded",
    "fails to converge",
    "failed to converge",
    "fail to converge",
    "diverges",
    "diverged",
    "hurts",
    "is worse",
    "performs worse",
    "no significant",
    "no gain",
)
_LABEL_WORDS = (
    "Table ",
    "Figure ",
    "Fig. ",
    "Section ",
    "Sec. ",
    "Eq. ",
    "Equation ",
    "§",
    "Appendix ",
)
_TABLE_REF_RE = re.compile(r"\b(Table|Figure|Fig\.)\s+(\d+)")


@dataclass
class Where:
    """Where an atom was read: page, section number and the sentence itself."""

    page: int
    section: str
    sentence: str
    role: str = "other"

    @property
    def label(self) -> str:
        """`p. 3, §4.1` (notes, which have no pages, say `notes`)."""
        if self.page <= 0:
            return f"notes, {self.section}" if self.section else "notes"
        return f"p. {self.page}, §{self.section}" if self.section else f"p. {self.page}"


@dataclass
class NumberAtom:
    """A number as printed, with its unit (or "") and where it stands."""

    value: str
    unit: str
    where: Where


@dataclass
class Citation:
    """One citing sentence and the reference keys it cites."""

    keys: list[str]
    where: Where


@dataclass
class NegativeResult:
    """A sentence reporting that something did not work, with the tables it points to."""

    cue: str
    where: Where
    objects: list[str] = field(default_factory=list)


@dataclass
class Atoms:
    """Every atom of one document."""

    numbers: list[NumberAtom] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    negatives: list[NegativeResult] = field(default_factory=list)


def text_blocks(doc: Document) -> list[tuple[str, int, str, str]]:
    """The abstract and every paragraph outside the references: (text, page, section, role)."""
    blocks = [(doc.abstract, 1, "", "abstract")] if doc.abstract else []
    roles = section_roles(doc.sections)
    for s in doc.sections:
        r = roles[id(s)]
        if r == "references":
            continue
        blocks += [(p.text, p.page, s.number, r) for p in s.paragraphs]
    return blocks


def _raised_citations(doc: Document, index: CitationIndex) -> dict[str, list[tuple[int, str]]]:
    """Raised numbers by paragraph text, when they are how the paper cites: its reference
    list is numbered and its text prints no bracketed reference numbers."""
    if not index.numbered:
        return {}
    paragraphs = doc.paragraphs()
    if any(index.spans_in(p.text) for p in paragraphs):
        return {}  # "[3]" in the text: raised numbers there are footnote marks
    marks = {p.text: p.marks for p in paragraphs if p.marks}
    cited = {k for found in marks.values() for _, mark in found for k in index.raised_keys(mark)}
    if len(cited) < max(3, len(index.numbered) // 4):
        return {}  # a footnote or two ("dataset¹"), not a way of citing the list
    return marks


def extract_atoms(doc: Document) -> Atoms:
    """Read every paragraph (and the abstract) of the document into atoms."""
    atoms = Atoms()
    index = CitationIndex(doc.references)
    raised = _raised_citations(doc, index)
    for text, page, section, r in text_blocks(doc):
        marks = raised.get(text, [])
        objects = [
            f"{'Table' if k == 'Table' else 'Figure'} {n}" for k, n in _TABLE_REF_RE.findall(text)
        ]
        pos = 0
        for sent in sentences(text):
            where = Where(page, section, sent, r)
            start = text.find(sent, pos)
            start = pos if start < 0 else start
            pos = start + len(sent)
            low = sent.lower()
            cue = next((c for c in NEGATIVE_CUES if c in low), None)
            if cue:
                atoms.negatives.append(NegativeResult(cue, where, sorted(set(objects))))
            atoms.numbers += [
                NumberAtom(m.group("value"), m.group("unit") or "", where)
                for m in _NUMBER_RE.finditer(sent)
                if not sent[: m.start()].endswith(_LABEL_WORDS)  # "Table 2" is a name, not a value
            ]
            keys = index.keys_in(sent)
            keys += [k for at, mark in marks if start < at <= pos for k in index.raised_keys(mark)]
            keys = list(dict.fromkeys(keys))
            if keys:
                atoms.citations.append(Citation(keys, where))
    return atoms
