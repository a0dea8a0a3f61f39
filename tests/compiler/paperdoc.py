"""A paper's document model written from its abstract and sections, and the claims the
rules read from it: the one builder the claim tests share."""

from __future__ import annotations

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.mapping.claim_sentences import claim_sentences, statement_of
from arakit.compiler.mapping.context import PaperContext
from arakit.compiler.pdf.document import DocSection, Document, Paragraph


def document(
    abstract: str, sections: list[tuple[str, str, list[str]]], title: str = ""
) -> Document:
    """A document with this abstract and these (number, title, paragraphs) sections."""
    doc = Document(path="p.pdf", pages=3, title=title or "A Study", abstract=abstract)
    for number, name, paras in sections:
        sec = DocSection(number=number, title=name, level=1, page=2)
        sec.paragraphs = [Paragraph(p, 2, number) for p in paras]
        doc.sections.append(sec)
    return doc


def claims_of(doc: Document) -> list[str]:
    """The statements of the claims the rules read from the document."""
    ctx = PaperContext(doc, extract_atoms(doc), "p.pdf")
    return [statement_of(s.text) for s in claim_sentences(ctx)]
