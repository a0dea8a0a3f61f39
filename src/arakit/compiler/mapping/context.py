"""What every mapping rule reads: the document, its atoms, and helpers to cite them."""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

from arakit.compiler.atoms import Atoms, Where
from arakit.compiler.pdf.document import DocSection, Document
from arakit.compiler.text import section_roles, sentences
from arakit.model.base import MdField

NOT_SPECIFIED = "Not specified in the provided sources"
PROVENANCE = "ai-suggested"


@dataclass
class Sentence:
    """A sentence with where it stands and the role of its section."""

    text: str
    where: Where
    paragraph: int = 0  # index of its paragraph within the section (the abstract is one)
    heading: str = ""  # the title of its section


@dataclass
class PaperContext:
    """The document and its atoms, with sentences grouped by section role."""

    doc: Document
    atoms: Atoms
    source_name: str
    today: str = field(default_factory=lambda: _dt.date.today().isoformat())
    _sentences: list[Sentence] | None = None

    def sentences(self, *roles: str) -> list[Sentence]:
        """Sentences of the abstract and sections, optionally only those with these roles."""
        if self._sentences is None:
            out: list[Sentence] = []
            for s in sentences(self.doc.abstract):
                out.append(Sentence(s, Where(1, "", s, "abstract"), 0, "Abstract"))
            known = section_roles(self.doc.sections)
            for sec in self.doc.sections:
                r = known[id(sec)]
                if r == "references":
                    continue
                for k, p in enumerate(sec.paragraphs):
                    for s in sentences(p.text):
                        out.append(Sentence(s, Where(p.page, sec.number, s, r), k, sec.title))
            self._sentences = out
        if not roles:
            return list(self._sentences)
        return [s for s in self._sentences if s.where.role in roles]

    def sections(self, *roles: str) -> list[DocSection]:
        """Sections with these roles."""
        known = section_roles(self.doc.sections)
        return [s for s in self.doc.sections if known[id(s)] in roles]

    def where_label(self, where: Where) -> str:
        """`paper.pdf p. 3, §4.1`."""
        return f"{self.source_name} {where.label}"

    def source_fields(self, label: str) -> list[MdField]:
        """The Source and Provenance fields every generated entity carries."""
        return [MdField(name="Source", value=label), MdField(name="Provenance", value=PROVENANCE)]


def find(pattern: str, items: list[Sentence], flags: int = re.IGNORECASE) -> list[Sentence]:
    """Sentences matching a regular expression."""
    rx = re.compile(pattern, flags)
    return [s for s in items if rx.search(s.text)]


def title_of(text: str, words: int = 8) -> str:
    """A short title: the first words of a sentence, without the final full stop."""
    parts = re.sub(r"\[[\d,\s–-]+\]", "", text).split()
    head = " ".join(parts[:words]).rstrip(".,;:")
    return head + (" …" if len(parts) > words else "")
