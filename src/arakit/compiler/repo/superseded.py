"""Code the repository's own notes say is superseded and not to be used.

Authors keep replaced code in the tree and say so in a README or hand-off note: "Earlier
finite-difference code under `src/learner.py`, `src/train_*.py`, etc. is superseded and
kept only for reference; do not use it", "The old `src/learner.py` ... are now superseded
by `qcore.py`". Such a sentence names the files given up (before the word that says so;
after "do not use"), never the ones that replaced them (after "superseded by"). Each
statement is returned with the files it names (globs and folders expanded against the
tree) and where it is written, for scoping (the files are not the paper's code) and for
the history (the code given up is a dead end the code keeps).

Only the words that say the code is not to be used count: "superseded", "deprecated",
"obsolete", "no longer used", "do not use". "Kept for reference" alone does not (a
helper kept in a live module "for reference" is still the module)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import PurePosixPath

# notes read: READMEs and hand-off or status notes at the root and one level down
_NOTES = re.compile(
    r"^(?:[^/]+/)?(?:readme|handoff|hand_off|notes?|status|changelog|history)(?:\.(?:md|rst|txt))?$",
    re.I,
)
MAX_NOTES = 10
MAX_BYTES = 256 * 1024
MAX_FILES = 200  # files one statement may name
# words saying code is not to be used; `by` after "superseded"/"replaced" names the new code
# ("do not use" as an instruction only: at the start of a clause, never "repositories
# that do not use CCS")
_INSTRUCTION = r"(?:^|(?<=[;:(—–-])|(?<=[;:(—–-] )|\bplease )(?:do not|don't|never) use\b"
_USE_NOT = re.compile(_INSTRUCTION, re.I)
_CUE = re.compile(
    r"\b(?:superseded|deprecated|obsolete|no longer (?:used|maintained|in use)|"
    rf"should not be used|must not be used)\b|{_INSTRUCTION}",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never)\s+(?:\w+\s+)?(?:superseded|deprecated|obsolete)\b", re.I)
# a path as written: in backticks, or bare with a folder or a code suffix
_PATH = re.compile(
    r"`([^`\s]{2,200})`|(?<![\w/.-])((?:[\w.*-]+/)+[\w.*-]*|[\w*-]+\.(?:py|R|r|jl|m|sh|ipynb|yaml|yml|json))(?![\w/-])"
)
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[`*_(\[A-Z])")


@dataclass(frozen=True)
class Superseded:
    """One statement that code is superseded: the files it sets aside, where, its words."""

    paths: tuple[str, ...]  # the files it sets aside, as in the tree
    named: tuple[str, ...]  # the paths as the document writes them
    sentence: str  # the whole sentence, spaces normalised
    source: str  # the document
    line: int  # the line of the document the sentence starts on

    @property
    def where(self) -> str:
        """`README.md:19`."""
        return f"{self.source}:{self.line}"


def superseded(files: list[str], read: Callable[[str], str | None]) -> list[Superseded]:
    """Every statement of the repository's notes that names files of its tree as
    superseded or not to be used (see the module doc), in the order written."""
    notes = sorted(  # the README first: what readers are told
        (f for f in files if _NOTES.match(f)),
        key=lambda f: (f.count("/"), not PurePosixPath(f).name.lower().startswith("readme"), f),
    )
    out: list[Superseded] = []
    for note in notes[:MAX_NOTES]:
        text = (read(note) or "")[:MAX_BYTES]
        for start, lines in _blocks(text):
            block = " ".join(lines)
            at = 0
            for sentence in _SENTENCE.split(block):
                at = block.find(sentence, at)
                found, named = _named(sentence, files)
                if found:
                    plain = " ".join(sentence.split())
                    line = start + _line_of(lines, at)
                    out.append(Superseded(tuple(found), tuple(named), plain, note, line))
    return out


def _line_of(lines: list[str], offset: int) -> int:
    """Which of a block's joined lines holds character `offset` (0 for the first)."""
    end = -1
    for i, ln in enumerate(lines):
        end += len(ln) + 1
        if offset <= end:
            return i
    return len(lines) - 1


_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """(first line, lines) of each paragraph or list item, markers and quotes removed."""
    out: list[tuple[int, list[str]]] = []
    start, lines = 0, list[str]()
    for n, raw in enumerate([*text.splitlines(), ""], start=1):
        item = _ITEM.match(raw)
        rule = raw.lstrip().startswith(("#", "```", "|"))
        if not raw.strip() or item or rule:
            if lines:
                out.append((start, lines))
            lines = []
            if not raw.strip() or rule:
                continue
        if not lines:
            start = n
        lines.append(_ITEM.sub("", raw).strip().lstrip(">").strip())
    return out


def _named(sentence: str, files: list[str]) -> tuple[list[str], list[str]]:
    """(the repository files a sentence names as superseded, the paths as written): the
    paths before its cue (and after "do not use"), never those after "superseded by"."""
    cue = _CUE.search(sentence)
    if cue is None or _NEGATED.search(sentence):
        return [], []
    before = sentence[: cue.start()]
    after = sentence[cue.end() :]
    spans = [before]
    if re.search(r"\buse$", cue.group(0)):
        spans.append(re.split(r"\b(?:instead|use)\b", after, maxsplit=1)[0])
    else:
        later = _USE_NOT.search(after)
        if later:
            spans.append(re.split(r"\b(?:instead|use)\b", after[later.end() :], maxsplit=1)[0])
    out: list[str] = []
    written: list[str] = []
    for span in spans:
        for m in _PATH.finditer(span):
            hits = _expand(m.group(1) or m.group(2), files)
            if hits:
                written.append(m.group(1) or m.group(2))
            out += [f for f in hits if f not in out]
    return out[:MAX_FILES], written


def _expand(path: str, files: list[str]) -> list[str]:
    """The repository files a written path denotes: itself, a glob's matches, a folder's
    files; [] when it names nothing in the tree."""
    path = path.strip().removeprefix("./").rstrip(".,:")
    path = re.sub(r"::\w+$|:\d+(?:-\d+)?$", "", path)  # `run.py::main`, `learner.py:390-431`
    if not path or path in (".", "/"):
        return []
    if "*" in path or "?" in path:
        return [f for f in files if fnmatchcase(f, path)]
    folder = path.rstrip("/")
    if path in files:
        return [path]
    inside = [f for f in files if f.startswith(folder + "/")]
    if inside:
        return inside
    # a bare file name written without its folder, when the tree has exactly one
    if "/" not in path:
        hits = [f for f in files if PurePosixPath(f).name == path]
        return hits if len(hits) == 1 else []
    return []
