"""Every setting a paper states (the paper side of reconciliation): in prose, in
hyperparameter tables and in appendices, each with its page and section, the name and
value as printed, the value as a number, the unit, and a normalised key shared with
the code side."""

from __future__ import annotations

from arakit.compiler.atoms import NEGATIVE_CUES, Where, text_blocks
from arakit.compiler.pdf.document import Document
from arakit.compiler.settings.glossary import glossary
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import normalize_value, parse_number
from arakit.compiler.settings.patterns import VARIANT
from arakit.compiler.settings.prose import Reader
from arakit.compiler.settings.tables import table_settings
from arakit.compiler.text import sentences

__all__ = [
    "PaperSetting",
    "normalize_value",
    "paper_settings",
    "parse_number",
    "settings_in",
    "stated",
]


def settings_in(sentence: str, where: Where, negative: bool = False) -> list[PaperSetting]:
    """Settings stated in one sentence, with symbols read through the sentence's own
    definitions only (use `paper_settings` to read a whole document)."""
    return Reader(glossary([sentence])).read(sentence, where, 0, negative)


def paper_settings(doc: Document) -> list[PaperSetting]:
    """Every setting stated in the document's abstract, sections, appendices and
    hyperparameter tables, in reading order (tables after the text of their page)."""
    blocks = _joined(text_blocks(doc))
    split = [(sentences(text), page, section, role) for text, page, section, role in blocks]
    reader = Reader(glossary([s for sents, *_ in split for s in sents]))
    out: list[PaperSetting] = []
    for group, (sents, page, section, role) in enumerate(split, start=1):
        for sent in sents:
            low = sent.lower()
            negative = any(c in low for c in NEGATIVE_CUES)
            found = reader.read(sent, Where(page, section, sent, role), group, negative)
            if VARIANT.search(sent):
                for s in found:
                    s.variant = True
            out += found
    first_table_group = len(split) + 1
    for n, table in enumerate(doc.tables):
        out += table_settings(table, reader, first_table_group + n)
    titles = _section_titles(doc)
    for s in out:
        title = titles.get(s.where.section, "")
        if s.source == "table":
            title = f"{title} {s.where.sentence}".strip()
        if title:
            s.extra["context"] = title
    return out


def _joined(blocks: list[tuple[str, int, str, str]]) -> list[tuple[str, int, str, str]]:
    """Paragraphs rejoined where a page break or a float cut one in two: the first part
    ends mid-sentence and the next, in the same section, goes on in lower case."""
    out: list[tuple[str, int, str, str]] = []
    for text, page, section, role in blocks:
        if out:
            prev, ppage, psection, prole = out[-1]
            tail, head = prev.rstrip(), text.lstrip()
            if psection == section and tail and tail[-1] not in ".!?:" and head[:1].islower():
                out[-1] = (f"{tail} {head}", ppage, psection, prole)
                continue
        out.append((text, page, section, role))
    return out


def _section_titles(doc: Document) -> dict[str, str]:
    """Section number → its title with its parents' (`Pick-and-place machine Experiments`):
    the words that tie a paragraph to the folder of its experiment."""
    by_number = {s.number: s.title for s in doc.sections if s.number}
    out = {}
    for number, title in by_number.items():
        parts = number.split(".")
        chain = [by_number.get(".".join(parts[:i]), "") for i in range(1, len(parts))]
        out[number] = " ".join([title, *chain]).strip()
    return out


def stated(settings: list[PaperSetting], key: str) -> PaperSetting | None:
    """The value the paper states for a key: the first mention outside negative results."""
    found = [s for s in settings if s.key == key]
    primary = [s for s in found if not s.negative]
    pick = primary or found
    return pick[0] if pick else None
