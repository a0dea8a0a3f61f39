"""Settings whose value is a named alternative, decided by what the code offers.

A string-valued setting the code gives more than one value (`prior: str = "mixed"` in
the config class, `prior="pure"` in the density runner's call) enumerates its
alternatives. A paper sentence naming one of them right before the setting's own name
(`starting from the maximally mixed prior`) states that setting; it is compared with
the value the code passes explicitly (a call, a script or config assignment, a launch
flag — never a declared default, which those explicit values replace): the paper's
alternative among them is a match, one other alternative passed everywhere a mismatch
with both values and locations. Three anchors hold before anything is said: the
setting's name in the paper, the paper's word among the code's own values for that
name, and one explicit value in the code."""

from __future__ import annotations

import re
from collections import defaultdict

from arakit.compiler.atoms import Where
from arakit.compiler.reconcile.verdicts import Verdict, verdict
from arakit.compiler.repo.params.model import CodeParam
from arakit.compiler.settings.model import PaperSetting

_DECLARED = ("default", "init", "dataclass", "pydantic", "attrs", "class", "argparse", "click")
_NOT_RUN = ("readme", "disabled", "log", "choice", "include", "launch", "seed", "derived")
# names too general to be one setting (`mode`, `type`, `name`): their values name anything
_GENERIC = frozenset(
    [
        "mode",
        "type",
        "name",
        "kind",
        "method",
        "model",
        "version",
        "split",
        "device",
        "dtype",
        "format",
        "path",
        "dir",
        "file",
        "task",
        "data",
        "dataset",
        "level",
        "stage",
        "phase",
        "key",
        "label",
        "title",
        "style",
        "color",
        "colour",
        "backend",
        "engine",
        "language",
        "lang",
        "unit",
        "units",
        "scale",
        "status",
        "state",
        "case",
        "variant",
        "option",
        "choice",
    ]
)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[_-][A-Za-z0-9]+)*")
MIN_WORD = 3
MAX_VALUES = 12


def _text(p: CodeParam) -> str | None:
    """The string a definition gives (`"pure"` -> `pure`), or None for anything else."""
    m = re.fullmatch(r"""\s*(['"])([^'"]{1,40})\1\s*""", p.value)
    if m is None or p.kind in _NOT_RUN:
        return None
    value = m.group(2).strip()
    return value if _WORD.fullmatch(value) and len(value) >= MIN_WORD else None


def _offered(params: list[CodeParam]) -> dict[str, list[tuple[CodeParam, str]]]:
    """Setting name -> its string definitions, for names given at least two values."""
    by: dict[str, list[tuple[CodeParam, str]]] = defaultdict(list)
    for p in params:
        value = _text(p)
        name = p.bare.lower()
        if value is None or name in _GENERIC or len(name) < MIN_WORD or not name.isidentifier():
            continue
        by[name].append((p, value))
    return {k: v for k, v in by.items() if 2 <= len({x.lower() for _, x in v}) <= MAX_VALUES}


def _spelled(word: str) -> str:
    """A code word as prose may print it (`legendre_special` as `Legendre special`)."""
    return r"[\s_-]?".join(re.escape(w) for w in re.split(r"[_-]", word))


def _stated(name: str, values: set[str], where: Where) -> str | None:
    """The alternative a sentence names right before the setting's own name (`mixed
    prior`, `mean pooling`), or None."""
    head = re.escape(name.replace("_", " "))
    alts = "|".join(_spelled(v) for v in sorted(values, key=len, reverse=True))
    m = re.search(rf"(?<![\w-])({alts})[\s-]+{head}s?\b", where.sentence, re.IGNORECASE)
    if m is None:
        return None
    found = re.sub(r"[\s_-]", "", m.group(1)).lower()
    return next((v for v in values if re.sub(r"[_-]", "", v).lower() == found), None)


def named_verdicts(sentences: list[Where], params: list[CodeParam]) -> list[Verdict]:
    """One verdict per setting and paper sentence naming one of the code's alternatives."""
    out: list[Verdict] = []
    for name, defs in sorted(_offered(params).items()):
        values = {x for _, x in defs}
        explicit = [(p, x) for p, x in defs if p.kind not in _DECLARED]
        if not explicit:
            continue
        for where in sentences:
            said = _stated(name, values, where)
            if said is None:
                continue
            s = PaperSetting(name, f"{said} {name}", said, None, "", where)
            offered = ", ".join(sorted(values, key=str.lower))
            same = [p for p, x in explicit if x.lower() == said.lower()]
            if same:
                out.append(verdict(s, "match", same[0], f"the code offers {offered}"))
                break
            passed = {x.lower() for _, x in explicit}
            if len(passed) != 1:
                continue
            p, x = explicit[0]
            declared = next((q for q, y in defs if q.kind in _DECLARED and y == said), None)
            also = f" (the declared default at {declared.location} is {said})" if declared else ""
            note = f"the code offers {offered}; {p.location} passes {x}{also}"
            out.append(verdict(s, "mismatch", p, note, *([declared] if declared else [])))
            break
    return out
