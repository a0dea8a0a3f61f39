"""Every setting a paper states (the paper side of reconciliation): in prose, in
hyperparameter tables and in appendices, each with its page and section."""

from __future__ import annotations

from arakit.compiler.atoms import NEGATIVE_CUES, Where, text_blocks
from arakit.compiler.pdf.document import Document
from arakit.compiler.settings.numbers import normalize_value
from arakit.compiler.settings.prose import Hyperparameter, hyperparameters_in
from arakit.compiler.text import sentences

__all__ = ["Hyperparameter", "hyperparameters_in", "normalize_value", "paper_settings"]


def paper_settings(doc: Document) -> list[Hyperparameter]:
    """Every setting stated in the document's abstract and sections, in reading order."""
    out: list[Hyperparameter] = []
    for text, page, section, r in text_blocks(doc):
        for sent in sentences(text):
            low = sent.lower()
            negative = any(c in low for c in NEGATIVE_CUES)
            out += hyperparameters_in(sent, Where(page, section, sent, r), negative=negative)
    return out


def stated(settings: list[Hyperparameter], name: str) -> Hyperparameter | None:
    """The value the paper states as its setting: the first mention outside negative results."""
    found = [h for h in settings if h.name == name]
    primary = [h for h in found if not h.negative]
    pick = primary or found
    return pick[0] if pick else None
