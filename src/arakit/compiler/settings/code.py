"""Settings in the code a paper prints (an example session, a listing): the values its
assignments give (`n_loc <- 50`, `n_draw = 2000` inside a call) and the seed it sets
(`set.seed(123)`, `torch.manual_seed(0)`). Each is marked as read from the printed code
(`source="code"`); the lines come from the layout (pdf/listings.py), never from prose."""

from __future__ import annotations

import re

from arakit.compiler.atoms import Where
from arakit.compiler.pdf.document import Document, Line
from arakit.compiler.settings.model import PaperSetting
from arakit.compiler.settings.numbers import NUMBER, parse_number
from arakit.compiler.settings.prose import Reader

# `name <- 50`, `name = 2000,` (an argument), `name := 3`; the value is a literal number
_ASSIGN = re.compile(
    rf"(?<![\w.$@\[])(?P<name>[A-Za-z_][\w.]*)\s*(?:<-|:=|=(?!=))\s*(?P<value>[-+−]?{NUMBER})"
    r"(?=\s*(?:[,;)\]}]|#|//|$))"
)
# a call that seeds the random generator with a literal: `set.seed(123)`, `np.random.seed(0)`
_SEED = re.compile(r"(?P<name>[A-Za-z_][\w.]*seed)\s*\(\s*(?P<value>\d+)\s*\)", re.IGNORECASE)
_COMMENT = re.compile(r"^\s*(?:#|//|%|--\s)")
_LOOP_HEAD = re.compile(r"\bfor\s*\([^)]*$")  # inside the head of a C-style loop
_TRAILING_COMMENT = re.compile(r"\s(?:#|//)\s.*$")


def code_settings(doc: Document, reader: Reader, group: int) -> list[PaperSetting]:
    """Every literal value the printed code assigns, in reading order."""
    out: list[PaperSetting] = []
    for ln in doc.code:
        if _COMMENT.match(ln.text):
            continue  # a comment, or printed output (`#> took 8.7 seconds`)
        text = _TRAILING_COMMENT.sub("", ln.text)
        where = Where(ln.page, _section_of(doc, ln), ln.text, "setup")
        for m in [*_SEED.finditer(text), *_ASSIGN.finditer(text)]:
            number = parse_number(m.group("value"))
            if number is None:
                continue
            name = m.group("name")
            if m.re is _ASSIGN and (len(name) == 1 or _LOOP_HEAD.search(text[: m.start()])):
                continue  # `a=4` in a printed derivation, `for (int k = 0; …`: not settings
            key = "seed" if m.re is _SEED else reader.key(name)[0]
            s = PaperSetting(key, name, m.group("value"), number, "", where, source="code")
            s.group = group
            s.extra["code"] = ln.text.strip()
            out.append(s)
    return out


def _section_of(doc: Document, ln: Line) -> str:
    """The number of the section whose text holds the line (the code's own section)."""
    probe = ln.text.strip()[:40]
    for section in doc.sections:
        for p in section.paragraphs:
            if p.page <= ln.page and probe in p.text:
                return section.number
    return ""
