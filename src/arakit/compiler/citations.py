"""Which references a sentence cites, in numbered styles ("[3]", "[1, 4–6]") and author–year
styles ("(Chen et al., 1990)", "Forgione and Piga (2020)", "(Fang & Margot 2012; Ballard &
Johnson 2016)", "Garnier and Young (2014a)", natbib's square years "Finn et al. [2016]"). An author–year citation counts only when
the reference list holds that first author and year, so names and years that are not
citations are never taken for one.
"""

from __future__ import annotations

import re

from arakit.compiler.pdf.document import Reference

_NUM = re.compile(r"\[(\d+(?:\s*[,–-]\s*\d+)*)\]")
_YEAR = re.compile(r"(?:19|20)\d\d")
_NAME = r"[A-Z][\w'’-]+(?:\s(?:(?:van|von|der|den|de|da|di|le|la|du)\s)*[A-Z][\w'’-]+){0,2}"
_AUTHOR_YEAR = re.compile(
    rf"(?P<name>{_NAME})(?:,?\s+et\s+al\.?|,?\s+(?:and|&)\s+{_NAME}|(?:,\s*{_NAME})+,?\s+(?:and|&)\s+{_NAME})?"
    r"\s*,?\s*[(\[]?(?P<year>(?:19|20)\d\d)(?P<suffix>[a-z])?\b"
)


def _listed(numbers: str) -> list[str]:
    """The reference numbers a citation lists ("1, 4–6" gives 1, 4, 5, 6; a span too wide
    to be one gives its two ends)."""
    keys: list[str] = []
    for part in re.split(r"\s*,\s*", numbers):
        if re.fullmatch(r"\d+\s*[–-]\s*\d+", part):
            a, b = (int(x) for x in re.split(r"\s*[–-]\s*", part))
            keys += [str(k) for k in (range(a, b + 1) if 0 < b - a < 50 else (a, b))]
        else:
            keys.append(part.strip())
    return keys


class CitationIndex:
    """The reference list by first-author surname and year, for finding citations."""

    def __init__(self, refs: list[Reference]) -> None:
        self.numbered = {r.key for r in refs if r.key.isdigit()}
        self.by_name: dict[tuple[str, str], list[str]] = {}
        for r in refs:
            if not r.surname or not r.year:
                continue
            full = r.surname.lower()
            for name in {full, full.split()[-1]}:
                for year in {f"{r.year}{r.year_suffix}", r.year}:
                    self.by_name.setdefault((name, year), []).append(r.key)

    def keys_in(self, sentence: str) -> list[str]:
        """The keys of the references the sentence cites, in order, each once."""
        return list(dict.fromkeys(key for key, _ in self.spans_in(sentence)))

    def spans_in(self, sentence: str) -> list[tuple[str, int]]:
        """(key, position in the sentence) of every citation, in order of appearance."""
        found: list[tuple[str, int]] = []
        for m in _NUM.finditer(sentence):
            if not self.numbered and _YEAR.fullmatch(m.group(1)):
                continue  # "Finn et al. [2016]": a year in brackets, read as author-year below
            keys = _listed(m.group(1))
            if self.numbered:
                keys = [k for k in keys if k in self.numbered]
            found += [(k, m.start()) for k in keys]
        for m in _AUTHOR_YEAR.finditer(sentence):
            key = self._lookup(m.group("name"), m.group("year"), m.group("suffix") or "")
            if key is not None:
                found.append((key, m.start()))
        return sorted(found, key=lambda kp: kp[1])

    def raised_keys(self, mark: str) -> list[str]:
        """The references a raised mark cites ("1,2", "3–5"), in a numbered list: journals
        that cite by superscript print no brackets. Numbers past the list are footnotes."""
        keys = _listed(mark.strip())
        return [k for k in keys if k in self.numbered]

    def _lookup(self, name: str, year: str, suffix: str) -> str | None:
        words = name.lower().split()
        for n in (" ".join(words), words[-1], words[0]):
            found = self.by_name.get((n, f"{year}{suffix}"))
            if found and (len(found) == 1 or suffix):
                return found[0]
        return None
