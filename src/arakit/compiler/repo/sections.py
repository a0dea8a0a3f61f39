"""Sections cut from a paper's LaTeX source: text the authors wrote and then removed.

A paper kept in the repository records its own dead ends: a section describing a method,
a derivation or an experiment that was drafted, committed and then deleted (often with a
message such as "removing kernel approximation section"). One `git log -G` over the main
line's `.tex` changes that add or remove a sectioning command finds them; a section counts
when its heading and a body of at least MIN_BODY_LINES lines go in the same commit, the
heading is not written again in that commit (a move or a rename) nor in a later one (work
deferred and redone), and it is not one of a paper's fixed parts (introduction,
acknowledgements, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from arakit.compiler.repo.gitlog import patches

MIN_BODY_LINES = 10  # lines of text removed under the heading for a section, not a heading edit
NET_SHARE = 0.7  # the commit removes at least this share of the body net: a cut, not a rewrite
# or the text it writes elsewhere holds under this share of the section's words: the rest of
# the paper rewrapped or reworded in the same commit, the section itself gone
REWORDED = 0.5
MAX_COMMITS = 2000  # commits touching sectioning commands read, newest first
_HEADING = re.compile(
    r"\\(?:sub){0,2}section\*?\s*(?:\[[^\]]*\])?\s*\{(.+?)\}\s*(?:\\label\{[^}]*\})?"
)
_FIXED_PARTS = re.compile(
    r"^(?:introduction|acknowledge?ments?|conclusions?|summary|abstract|references|"
    r"bibliography|appendix|appendices|related work|background|data availability|software|"
    r"discussion|outlook|future work|notation)$",
    re.I,
)
_TEX_MARKUP = re.compile(r"\\[A-Za-z]+\*?(?:\[[^\]]*\])?|[{}$~]")


@dataclass
class CutSection:
    """A section removed from a LaTeX file in one commit."""

    commit: str
    path: str
    heading: str
    lines: int  # lines of the section's body removed with it
    opening: str = ""  # the first sentence of the removed text
    added_in: str = ""  # the commit that first wrote the heading, when read
    others: list[str] = field(default_factory=list)  # further headings cut in the same commit


def cut_sections(repo: Path, head: str) -> list[CutSection]:
    """Sections cut from `.tex` files on the line of `head`, oldest first."""
    found_patches = patches(
        repo,
        head,
        ["*.tex"],
        MAX_COMMITS,
        "-G",
        r"\\(sub)*section\*?[[{]",
        "--pickaxe-all",  # every .tex file the commit changed, not only those -G matched
    )
    records = [_parse(sha, diff) for sha, diff in reversed(found_patches)]  # oldest first
    first_written: dict[str, str] = {}
    found: list[CutSection] = []
    written_after: list[set[str]] = [set() for _ in records]  # headings written after commit i
    for i in range(len(records) - 2, -1, -1):
        written_after[i] = written_after[i + 1] | {
            _key(h) for _, a in records[i + 1][1].values() for h in _headings(a)
        }
    for i, (sha, files) in enumerate(records):
        everywhere = [line for _, added_lines in files.values() for line in added_lines]
        # what the commit took out of the paper over all its .tex files: text rewritten into
        # another file (a section split out and reworded) is not a cut
        net = sum(_text_lines(r) for r, _ in files.values()) - _text_lines(everywhere)
        for path, (removed, added) in files.items():
            for heading in _headings(added):
                first_written.setdefault(_key(heading), sha)
            cut = _cut(sha, path, removed, everywhere, net)
            for c in cut:
                if _key(c.heading) in written_after[i]:
                    continue  # written again later: deferred or moved, not abandoned
                c.added_in = first_written.get(_key(c.heading), "")
                found.append(c)
    return _grouped(found)


def _parse(sha: str, diff: str) -> tuple[str, dict[str, tuple[list[str], list[str]]]]:
    lines = ["", *diff.split("\n")]
    files: dict[str, tuple[list[str], list[str]]] = {}
    path = ""
    for line in lines[1:]:
        if line.startswith("diff --git"):
            path = ""
        elif line.startswith("+++ "):
            path = line[6:] if line.startswith("+++ b/") else ""
        elif line.startswith("--- "):
            if line.startswith("--- a/"):
                path = line[6:]  # a deleted file keeps its old name
        elif path and line[:1] in ("-", "+") and not line.startswith(("---", "+++")):
            removed, added = files.setdefault(path, ([], []))
            (removed if line[0] == "-" else added).append(line[1:])
    return sha, files


def _headings(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        text = line.split("%", 1)[0] if not line.lstrip().startswith("%") else ""
        m = _HEADING.search(text)
        if m:
            out.append(_plain(m.group(1)))
    return [h for h in out if h]


def _key(heading: str) -> str:
    return re.sub(r"\W+", " ", heading.lower()).strip()


def _plain(tex: str) -> str:
    return " ".join(_TEX_MARKUP.sub(" ", re.sub(r"\\([&%$#_])", r"\1", tex)).split())


def _cut(
    sha: str, path: str, removed: list[str], everywhere: list[str], net: int
) -> list[CutSection]:
    """Headings removed with their bodies and not written again in the same commit."""
    kept = {_key(h) for h in _headings(everywhere)}
    added_text = {a.strip() for a in everywhere if a.strip()}
    added_words = _words(everywhere)
    out: list[CutSection] = []
    current: CutSection | None = None
    body: list[str] = []

    def close() -> None:
        if current is None:
            return
        text = [b for b in body if b.strip() and not b.lstrip().startswith("%")]
        moved = sum(1 for b in text if b.strip() in added_text)
        current.lines = len(text) - moved  # lines that went elsewhere in the commit are moved
        current.opening = _opening(text)
        if current.lines >= MIN_BODY_LINES and (
            net >= NET_SHARE * current.lines or _words_kept(text, added_words) < REWORDED
        ):
            out.append(current)

    for line in removed:
        heading = _headings([line])
        if heading:
            close()
            body = []
            h = heading[0]
            skip = _key(h) in kept or _FIXED_PARTS.match(_key(h))
            current = None if skip else CutSection(sha, path, h, 0)
        else:
            body.append(line)
    close()
    return out


def _words(lines: list[str]) -> set[str]:
    return {w.lower() for ln in lines for w in re.findall(r"[A-Za-z]{5,}", _plain(ln))}


def _words_kept(body: list[str], added: set[str]) -> float:
    """The share of the section's words (5 letters or more) that the commit writes again
    somewhere: a section reworded into other text keeps most, one cut keeps few."""
    mine = _words(body)
    return len(mine & added) / len(mine) if mine else 1.0


def _text_lines(lines: list[str]) -> int:
    return sum(1 for ln in lines if ln.strip() and not ln.lstrip().startswith("%"))


def _opening(lines: list[str]) -> str:
    prose = " ".join(
        _plain(ln) for ln in lines if not re.match(r"\s*\\(?:begin|end|label|item)\b", ln)
    )
    prose = " ".join(prose.split())
    m = re.match(r"(.{20,200}?[.!?])(?:\s|$)", prose)
    return (m.group(1) if m else prose[:200]).strip()


def _grouped(found: list[CutSection]) -> list[CutSection]:
    """One entry per commit and file: the first section cut, the others named with it."""
    out: dict[tuple[str, str], CutSection] = {}
    for c in found:
        first = out.setdefault((c.commit, c.path), c)
        if first is not c:
            first.others.append(c.heading)
            first.lines += c.lines
    return list(out.values())
