"""Reading a paper's PDF into a document model (PyMuPDF, imported only when a PDF is read)."""

from arakit.compiler.pdf.document import (
    DocFigure,
    DocSection,
    DocTable,
    Document,
    Equation,
    Paragraph,
    Reference,
)
from arakit.compiler.pdf.structure import read_document

__all__ = [
    "DocFigure",
    "DocSection",
    "DocTable",
    "Document",
    "Equation",
    "Paragraph",
    "Reference",
    "read_document",
]
