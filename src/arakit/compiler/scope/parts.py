"""A paper with several experiments has several code folders.

The values a paper states often come from one of its experiments (the paragraph that
lists α, β, 40 time steps and a learning rate), so the folder chosen from them is that
experiment's (`scripts/fracode/`, §4.1). Its sibling folders of the same shape
(`scripts/simple/`, `scripts/arithmetic/`: programs that run) are the paper's other
experiments when the paper gives each a section of its own: a heading that names the
folder by the words of its name (§4.2 "Simple Arithmetic Task", §4.3 "Large Scale
Arithmetic Task"). A sibling the paper only mentions in passing ("other examples, a
cart-pole and a CSTR, are in the same repository") has no section and stays out, and so
does a sibling named by ordinary words only (`data/`, `utils/`, `examples/`).

The section headings are the `§4.2 Title` lines that close the text scoping reads
(pipeline.py)."""

from __future__ import annotations

import re
from pathlib import PurePosixPath

from arakit.compiler.scope.model import _PROGRAMS
from arakit.compiler.settings.names import words

_HEADING = re.compile(r"^§([\dA-Z][\w.]*)\s+(.+)$", re.M)

# words a folder name and a heading share without pointing at one experiment: section
# names of every paper and the names of folders every project has
_ORDINARY = frozenset(
    words(
        """
analysis appendix background baseline baselines benchmark benchmarks code common config
configs conclusion conclusions core data dataset datasets demo demos discussion docs eval
evaluation example examples experiment experiments extra figure figures helpers images
implementation introduction lib main method methods misc model models notebooks other
outputs paper plot plots preliminaries related results run runs script scripts setup
simulation simulations source src study supplementary task tasks test tests tool tools
train training util utils work
"""
    )
)


def headings(text: str) -> list[str]:
    """The titles of the paper's sections, lower-cased (the `§` lines of `text`)."""
    return [m.group(2).lower() for m in _HEADING.finditer(text)]


def section_folders(folders: list[str], text: str) -> dict[str, str]:
    """{section number: experiment folder} for the sections whose heading names a folder
    with programs (`4.2` -> `scripts/simple`): which folder each section of a paper with
    several experiments describes, for reconciliation to compare them with each other.
    `folders` are the candidate folders (those holding programs in the scope)."""
    numbered = [(m.group(1), m.group(2).lower()) for m in _HEADING.finditer(text)]
    found: dict[str, list[str]] = {}
    for f in folders:
        title = _section_for(PurePosixPath(f).name, [t for _, t in numbered]) if f else ""
        # (the last heading naming it: the experiment, after the method it uses)
        number = next((n for n, t in reversed(numbered) if t == title), "") if title else ""
        if number:
            found.setdefault(number, []).append(f)
    return {n: fs[0] for n, fs in found.items() if len(fs) == 1}


def _name_words(name: str) -> list[str]:
    """The words of a folder's name (`fracode`, `large_scale`, `CartPole2` -> cart, pole)."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)
    return [w.lower() for w in re.findall(r"[A-Za-z]{3,}", spaced)]


def _in_heading(word: str, titles: list[str]) -> bool:
    stem = word[:-1] if word.endswith("s") and len(word) > 4 else word
    rx = re.compile(rf"\b{re.escape(stem)}(?:s|es)?\b")
    return any(rx.search(t.replace("-", "")) or rx.search(t) for t in titles)


def _section_for(name: str, titles: list[str]) -> str:
    """The heading that gives the folder `name` a section, or ""."""
    own = [w for w in _name_words(name) if w not in _ORDINARY]
    if not own:
        return ""
    # the last heading naming every word: experiments come after the method they use
    hits = [t for t in titles if all(_in_heading(w, [t]) for w in own)]
    return hits[-1] if hits else ""


def _parent(rel: str) -> str:
    p = str(PurePosixPath(rel).parent)
    return "" if p == "." else p


def sibling_experiments(
    folders: list[str], code: list[str], own: set[str], text: str
) -> list[tuple[str, str]]:
    """(sibling folder, why) for the chosen folders' siblings that hold programs and have a
    section of the paper named after them (see the module doc). `code` are the code
    files left after what was set aside; `own` the folders of the paper itself."""
    titles = headings(text)
    if not titles or folders == [""]:
        return []
    chosen = set(folders)
    out: dict[str, str] = {}
    for f in folders:
        if not f:
            continue
        parent = _parent(f)
        kids: set[str] = set()
        for c in code:
            rest = c[len(parent) + 1 :] if parent else c
            if (parent and not c.startswith(parent + "/")) or "/" not in rest:
                continue
            kid = f"{parent}/{rest.split('/')[0]}" if parent else rest.split("/")[0]
            if c.lower().endswith(_PROGRAMS):
                kids.add(kid)
        for kid in sorted(kids - chosen - set(out)):
            if kid in own or any(
                o and (kid.startswith(o + "/") or o.startswith(kid + "/")) for o in own
            ):
                continue
            title = _section_for(PurePosixPath(kid).name, titles)
            if title:
                out[kid] = f'the paper\'s section "{title}" is the experiment in {kid}/'
    return sorted(out.items())
