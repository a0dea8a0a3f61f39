"""Every setting a paper states (the paper side of reconciliation): in prose, in
hyperparameter tables and in appendices, each with its page and section, the name and
value as printed, the value as a number, the unit, and a normalised key shared with
the code side."""

from __future__ import annotations

from arakit.compiler.atoms import NEGATIVE_CUES, Where, text_blocks
from arakit.compiler.pdf.document import Document
from arakit.compiler.settings.code import code_settings
from arakit.compiler.settings.distributions import distribution_settings
from arakit.compiler.settings.glossary import glossary
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import normalize_value, parse_number, writes_dot_thousands
from arakit.compiler.settings.patterns import VARIANT
from arakit.compiler.settings.points import sweep_points
from arakit.compiler.settings.prose import Reader
from arakit.compiler.settings.protocol import protocol_settings
from arakit.compiler.settings.statistics import reported_symbols
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
        hyperparameter tables, in reading order (tables after the text of their page), then the
    values set in the code the paper prints."""
    turns = {p.text: [(pg, w, 0) for pg, w in p.turns] for p in doc.paragraphs() if p.turns}
    blocks = _joined([(*b, turns.get(b[0], [])) for b in _unheaded(text_blocks(doc))])
    split = [
        (_dated(text, page, breaks), section, role) for text, page, section, role, breaks in blocks
    ]
    texts = [s for sents, *_ in split for s, _ in sents]
    reader = Reader(glossary(texts), writes_dot_thousands(texts), reported_symbols(texts))
    out: list[PaperSetting] = []
    for group, (sents, section, role) in enumerate(split, start=1):
        for sent, page in sents:
            low = sent.lower()
            negative = any(c in low for c in NEGATIVE_CUES)
            where = Where(page, section, sent, role)
            found = reader.read(sent, where, group, negative)
            if role != "results":
                found += _untaken(found, distribution_settings(sent, where), group)
                found += _untaken(found, protocol_settings(sent, where), group)
            if VARIANT.search(sent):
                for s in found:
                    s.variant = True
            out += found
    first_table_group = len(split) + 1
    for n, table in enumerate(doc.tables):
        out += table_settings(table, reader, first_table_group + n)
    out += code_settings(doc, reader, first_table_group + len(doc.tables))
    out = sweep_points(out)
    titles = _section_titles(doc)
    for s in out:
        title = titles.get(s.where.section, "")
        if s.source == "table":
            title = f"{title} {s.where.sentence}".strip()
        if title:
            s.extra["context"] = title
    return out


def _untaken(found: list[PaperSetting], more: list[PaperSetting], group: int) -> list[PaperSetting]:
    """Of one sentence's settings from a further reader (distributions, protocol steps),
    those whose numbers the sentence's other readers did not take already."""
    taken = {v for s in found for v in s.values}
    out = [s for s in more if not set(s.values) <= taken]
    for s in out:
        s.group = group
    return out


def _unheaded(
    blocks: list[tuple[str, int, str, str]],
) -> list[tuple[str, int, str, str]]:
    """The blocks with role `other` where no heading of the paper was found: its whole text
    then stands in one untitled section, called the introduction, and a method sentence in
    it (`we run five seeds`) would be read as the paper's plan."""
    body = [b for b in blocks if b[3] != "abstract"]
    if not body or any(r != "introduction" for *_, r in body):
        return blocks
    return [(t, p, s, "other" if r == "introduction" else r) for t, p, s, r in blocks]


Turn = tuple[int, str, int]  # a later page, a few words where the text reaches it, from where
Block = tuple[str, int, str, str, list[Turn]]


def _joined(blocks: list[Block]) -> list[Block]:
    """Paragraphs rejoined where a page break or a float cut one in two: the first part
    ends mid-sentence and the next, in the same section, goes on in lower case. Each keeps
    the pages it turns onto: the offset where a joined part starts, or a few words to find
    after an offset."""
    out: list[Block] = []
    for text, page, section, role, turns in blocks:
        if out:
            prev, ppage, psection, prole, pturns = out[-1]
            tail, head = prev.rstrip(), text.lstrip()
            if psection == section and tail and tail[-1] not in ".!?:" and head[:1].islower():
                at = len(tail) + 1
                moved = [(p, w, o + at) for p, w, o in turns]
                start = [(page, "", at)] if page != ppage else []
                out[-1] = (f"{tail} {head}", ppage, psection, prole, pturns + start + moved)
                continue
        out.append((text, page, section, role, turns))
    return out


def _dated(text: str, page: int, turns: list[Turn]) -> list[tuple[str, int]]:
    """The sentences of a paragraph, each with the page it starts on (a paragraph that runs
    over a page break states its second half on the later page)."""
    at: list[tuple[int, int]] = []
    cursor = 0
    for later, words, offset in turns:
        pos = text.find(words, max(cursor, offset)) if words else offset
        if pos >= 0:
            at.append((pos, later))
            cursor = pos
    out: list[tuple[str, int]] = []
    cursor = 0
    for sent in sentences(text):
        pos = text.find(sent[:30], cursor)
        if pos >= 0:
            cursor = pos
        out.append((sent, max((p for o, p in at if o <= cursor), default=page)))
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
