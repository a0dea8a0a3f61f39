"""The README as the last witness: a setting the code leaves unstated (paper-only) is
compared with what the project's README says of its own procedure, where the README line
and the paper's sentence speak of the same thing — they name at least two of the same
things (a tool, a corpus: `FastText`, `WSJ`), or one of them and the line agrees with
another value of the paper's sentence. A different value is reported as a mismatch in
the README's words, never as a default of the code."""

from __future__ import annotations

import re

from arakit.compiler.reconcile.match import value_relation
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

# a name: an acronym (`WSJ`, `UD`), a word with a capital inside (`FastText`, `ResNet`) or
# a word with digits (`ResNet50`, `CIFAR-10`, `word2vec`)
_NAME = re.compile(
    r"(?<![\w-])(?:[A-Z]{2,}[\w-]*|[A-Za-z]+[A-Z][\w-]*|[A-Za-z]+-?\d[\w-]*)(?![\w-])"
)
MIN_SHARED = 2


def names(text: str) -> set[str]:
    """The names a line or sentence mentions, lower-cased."""
    return {m.group(0).lower().rstrip("-") for m in _NAME.finditer(text)}


def readme_verdict(
    s: PaperSetting, documented: list[CodeParam], group: list[PaperSetting]
) -> Verdict | None:
    """The README's verdict for a setting the code leaves unstated, or None."""
    said = names(s.where.sentence)
    if not said:
        return None
    for p in documented:
        if p.context != s.key:
            continue
        relation = value_relation(s, p)
        if relation == "unknown":
            continue
        shared = said & names(p.help)
        if len(shared) < MIN_SHARED and not (shared and _another_agrees(p, s, documented, group)):
            continue
        line = p.help if len(p.help) <= 160 else p.help[:157] + "..."
        if relation == "same":
            note = f"the code does not set it; the README states the same: '{line}'"
            return verdict(s, "match", p, note)
        note = (
            f"the code does not set it; the README states {p.value} for its own procedure: "
            f"'{line}' (documentation, not a value the code sets)"
        )
        return verdict(s, "mismatch", p, note)
    return None


def _another_agrees(
    p: CodeParam, s: PaperSetting, documented: list[CodeParam], group: list[PaperSetting]
) -> bool:
    """Another setting of the README line agrees with another of the paper's sentence."""
    others = [q for q in documented if q.file == p.file and q.line == p.line and q is not p]
    mates = [t for t in group if t is not s and t.where.sentence == s.where.sentence]
    return any(q.context == t.key and value_relation(t, q) == "same" for q in others for t in mates)
