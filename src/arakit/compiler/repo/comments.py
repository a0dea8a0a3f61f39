"""Lessons written beside the work: code comments beside the change they explain, and
README and notes lines that say something failed.

Researchers often record why they changed a choice right where they changed it:
`optimizer="SGD",  # Adam doesn't work properly because ...` replacing `optimizer="Adam"`,
or "Not using 'arctan', due to its terrible results" above a list that lost "arctan". Such a
comment, added on the main line in a hunk that also removes code, is a dead end (what the
removed lines held and the added ones no longer do) or a pivot (one value replaced by
another), with the comment as its lesson. A comment that only describes code (a limitation
of a library, "does not work yet") is not one: the comment must say that something failed,
and the same hunk must take something out.
"""

from __future__ import annotations

import re
from pathlib import Path

from arakit.compiler.repo import paths
from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit
from arakit.compiler.repo.messages import in_progress
from arakit.compiler.repo.source import Marks, git

# what git's pickaxe looks for (POSIX extended): the same failures as _FAILED, loosely
_PICKAXE = (
    r"(n[o']?t|never) (work|converge|help)|terrible|poor (result|perform|fit)|bad result|"
    r"(perform|work)s? (worse|poorly|badly)|worse (result|perform|than)|not using|"
    r"fall(ing|s)? ?back to"
)
_FAILED = re.compile(
    r"\b(?:(?:does|did|do|is|was)\s?n[o']?t (?:work|converge|help)|never (?:works?|converges?)|"
    r"terrible|poor (?:results?|performance|fits?)|bad results?|"
    r"(?:performs?|works?) (?:worse|poorly|badly)|worse (?:results?|performance|than)|"
    r"not using \S+.{0,30}\b(?:due to|because|since|as it)\b)",
    re.I,
)
# a comment's text after its marker: #, //, %, --, ;, /* and the rest of a block comment
_COMMENT = re.compile(r"(?:^|\s)(?:#+|//+|%+|--|;+|/\*+|\*)\s*(?P<text>\S.*?)\s*(?:\*/)?$")
_TOKEN = re.compile(r"[A-Za-z_][\w.]*|\d+(?:\.\d+)?(?:e-?\d+)?")
_LIMITATION = re.compile(r"\b(?:currently|tbd|todo|fixme|xxx|hack)\b", re.I)
MAX_COMMITS = 400  # commits git's pickaxe may return; the oldest are read first
# the files searched: research code. C and C++ headers (mostly vendored libraries whose
# comments are their own) would triple the search's time in a repository that carries one;
# notebooks are left out because their patches carry their outputs (64 MB over stardate's
# history, 6 s of the 6.6 s this search took there)
_GLOBS = tuple(
    f"*.{e}" for e in ("py", "R", "r", "jl", "m", "sh", "cpp", "cc", "cu", "f90", "stan", "do")
)


def comment_lessons(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    """Failure lessons written as code comments beside a change, on the line of `head`."""
    marks = Marks.new()
    out = git(
        repo,
        "log",
        "-G",
        _PICKAXE,
        "-i",
        "-p",
        "-U3",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        f"--max-count={MAX_COMMITS}",
        marks.format("%H"),
        head,
        "--",
        *_GLOBS,
        check=False,
    )
    found: list[Finding] = []
    seen: set[str] = set()
    for rec in reversed(marks.records(out)):  # oldest first: a comment copied later is one
        lines = rec.split("\n")
        c = commits.get(lines[0].strip())
        if c is None or not c.mainline:
            continue
        for path, hunk in _hunks(lines[1:]):
            f = _finding(c, path, hunk, seen) or _fallback(c, path, hunk, seen)
            if f is not None:
                found.append(f)
    return found


def _hunks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(path, hunk lines) for each hunk of a code file in one commit's patch."""
    out: list[tuple[str, list[str]]] = []
    path = ""
    for line in lines:
        if line.startswith("diff --git"):
            path = ""
        elif line.startswith("+++ "):
            raw = line[4:].strip()
            path = raw[2:] if raw.startswith("b/") else ""
        elif line.startswith("@@"):
            if path and paths.is_code(path) and not paths.is_vendored(path):
                out.append((path, []))
            else:
                out.append(("", []))
        elif out and out[-1][0]:
            out[-1][1].append(line)
    return [(p, h) for p, h in out if p]


def _comment_text(lines: list[str], start: int) -> tuple[str, int]:
    """The comment added at `lines[start]`, joined with the comment lines added right after
    it (a sentence wrapped over several lines), and the index past it."""
    parts: list[str] = []
    i = start
    while i < len(lines) and lines[i].startswith("+"):
        m = _COMMENT.search(lines[i][1:])
        if m is None or (parts and not _whole_comment(lines[i][1:])):
            break
        parts.append(m.group("text"))
        i += 1
    return " ".join(parts), max(i, start + 1)


def _whole_comment(line: str) -> bool:
    return bool(re.match(r"\s*(?:#|//|%|--|;|/\*|\*)", line))


def _finding(c: Commit, path: str, hunk: list[str], seen: set[str]) -> Finding | None:
    i = 0
    while i < len(hunk):
        if not hunk[i].startswith("+"):
            i += 1
            continue
        text, nxt = _comment_text(hunk, i)
        if (
            text
            and _FAILED.search(text)
            and not in_progress(text)
            and not _LIMITATION.search(text)
            and text not in seen
        ):
            gone, came = _changed_near(hunk, i, nxt)
            if gone and not any(text[:40] in r for r in gone):  # a comment already there
                seen.add(text)
                return _lesson(c, path, gone, came, text)
        i = nxt
    return None


# a message the code prints when it refuses an option for a stated fault: "Falling back to
# pytorch - current implementations of SVD in tinygrad are slow and memory hungry."
# (a fallback for a missing device or package, "not available", states no fault of the option)
_FALLBACK = re.compile(
    r"""["'][^"']*?\bfall(?:ing|s)? ?back to\b[^"']*?\b(?:too slow|(?:is|are|was|were) slow|"""
    r"""slow and|memory[- ]hungry|unstable|inaccurate|broken|buggy|(?:does|do|is|are)\s?n[o']?t """
    r"""(?:work|converge|scale))\b[^"']*["']""",
    re.I,
)


def _fallback(c: Commit, path: str, hunk: list[str], seen: set[str]) -> Finding | None:
    """A dead end when a line the commit added prints that it falls back from an option
    because of a fault of that option: the option was tried and set aside."""
    for line in hunk:
        m = _FALLBACK.search(line[1:]) if line.startswith("+") else None
        if m is None or in_progress(m.group(0)):
            continue
        text = m.group(0).strip("\"' ")
        if text in seen:
            continue
        seen.add(text)
        # the option's own files, named by a word of the message ("tinygrad_svd_func.py")
        target = re.search(r"back to (\w+)", text, re.I)
        words = set(re.findall(r"[a-z]{4,}", text.lower())) - {
            "falling", "back", "current", "slow", "memory", "hungry", "implementations",
            target.group(1).lower() if target else "",
        }  # fmt: skip
        own = [p for p in c.files if p != path and any(w in Path(p).name.lower() for w in words)]
        return Finding(
            kind="dead_end",
            pattern="comment",
            title=f"Set aside in {Path(path).name}: {text}"[:100],
            commits=[c.sha],
            files=[path, *own[:10]],
            what=f"the option {path} falls back from (in {path}: {line[1:].strip()[:120]})",
            why=f"{c.short} ({c.subject}) makes the code fall back and says why: {text}",
            lesson=text[:300],
            date=c.date,
        )
    return None


def _changed_near(hunk: list[str], start: int, end: int) -> tuple[list[str], list[str]]:
    """The code lines the commented change removed and added: lines of the same name as
    the commented line (`optimizer=` then `optimizer=`) anywhere in the hunk, else the
    lines changed within a few lines of the comment."""
    body = [(k, ln[0], ln[1:].strip()) for k, ln in enumerate(hunk) if ln and ln[0] in "+- "]
    own = _code_part(hunk[start][1:].strip())
    if not own:  # a comment on lines of its own: it speaks of the code under it
        own = next((t for k, s, t in body if k >= end and _code_part(t)), "")
    key = _key(own)
    gone = [t for k, s, t in body if s == "-" and key and _key(t) == key]
    came = [_code_part(t) for k, s, t in body if s == "+" and key and _key(t) == key]
    if not gone:
        near = [(s, t) for k, s, t in body if start - 6 <= k <= end + 8]
        gone = [t for s, t in near if s == "-" and _code_part(t)]
        came = [_code_part(t) for s, t in near if s == "+" and _code_part(t)]
    return gone, came


def _key(line: str) -> str:
    m = re.match(r"\s*([A-Za-z_][\w.]*)\s*(?:=|:|<-|\()", _code_part(line))
    return m.group(1) if m else ""


def _lesson(c: Commit, path: str, removed: list[str], added: list[str], text: str) -> Finding:
    gone_tokens = set(_TOKEN.findall(" ".join(_code_part(r) for r in removed)))
    new_tokens = set(_TOKEN.findall(" ".join(added)))
    gone = sorted(gone_tokens - new_tokens)
    new = sorted(new_tokens - gone_tokens)
    name = Path(path).name
    sentences = re.split(r"(?<=[.!?])\s+", text)
    first = next((k for k, x in enumerate(sentences) if _FAILED.search(x)), 0)
    lesson = " ".join(sentences[first:])[:300]
    what = ", ".join(gone[:4]) or removed[0][:80]
    pivot = bool(gone and new)  # one value replaced by another; else something dropped
    return Finding(
        kind="pivot" if pivot else "dead_end",
        pattern="comment",
        title=(
            f"{what} replaced by {', '.join(new[:4])} in {name}"
            if pivot
            else f"{what} dropped from {name}: {lesson}"
        )[:100],
        commits=[c.sha],
        files=[path],
        what=f"{what} (in {path}: {removed[0][:120]})",
        why=f"{c.short} ({c.subject}) {'changes' if pivot else 'removes it from'} {path} and "
        f"says why in a comment: {lesson}",
        to=f"{', '.join(new[:4])} (in {path}: {added[0][:120]})" if pivot and added else "",
        lesson=lesson,
        date=c.date,
    )


def _code_part(line: str) -> str:
    """A line without its trailing comment (a quoted '#' is left alone)."""
    if _whole_comment(line):
        return ""
    for marker in (" #", " //", " %", "\t#"):
        pos = line.find(marker)
        if pos >= 0 and line[:pos].count('"') % 2 == 0 and line[:pos].count("'") % 2 == 0:
            return line[:pos].strip()
    return line.strip()


_NOTE_RE = (
    r"([Dd]id ?n[o']?t|[Dd]oes ?n[o']?t|[Cc]ould ?n[o']?t|[Ww]as ?n[o']?t able to|[Ff]ailed to|"
    r"[Nn]o improvement|[Ww]e also tried|[Aa]bandoned)"
)
_NOTE_TAIL = re.compile(
    r"\b(?:obtain|reproduce|work|converge|improve|help|match|get|able|failed|tried|"
    r"unfortunately|abandoned|improvement)\b",
    re.I,
)


NOTE_REACH = 30  # characters after a failure phrase where what failed is named
# a file of review comments or the reply to them: it quotes what reviewers say failed
# files of comments on a document ("main-2023-08-27-comments.txt", exported PDF annotations):
# a reader's remarks and guesses, not the authors' record
_REVIEW_FILE = re.compile(r"review|rebuttal|referee|response|reply|comments|feedback|annotat", re.I)
# licence and notice texts: legal wording, no record of the research
_LEGAL_FILE = re.compile(r"(?:^|/)(?:licen[cs]e|copying|notice|copyright)[^/]*$", re.I)
# a publisher's or a template's instructions to authors ("BibTeX does not work by magic. ...
# you must send the .bib files"): advice to whoever writes, not the authors' record
_GUIDE_FILE = re.compile(
    r"(?:^|/)[^/]*(?:guidelines?|instructions?|template|how-?to|style-?guide)[^/]*$", re.I
)
BULK_ADDED = 100  # files one commit adds under one top folder: a tree copied in, not written


def _imported(path: str, c: Commit) -> bool:
    """A document in a sub-folder that `c` added together with at least BULK_ADDED other
    files under the same top folder: a framework's or another project's tree copied in
    (its README notes are that project's, not the authors' record)."""
    top, sep, _ = path.partition("/")
    if not sep or not any(ch.status == "A" and ch.path == path for ch in c.changes):
        return False
    prefix = top + "/"
    return sum(ch.status == "A" and ch.path.startswith(prefix) for ch in c.changes) >= BULK_ADDED


def _failure_said(line: str) -> bool:
    """A failure phrase followed closely by what failed ("didn't obtain", "does not seem to
    work"); not one whose verb is far away ("ignore what doesn't? ... existing work")."""
    return any(
        _NOTE_TAIL.search(line, m.start(), m.end() + NOTE_REACH)
        for m in re.finditer(_NOTE_RE, line)
    )


# a changelog, release notes: what each version changed ("Fixed X that did not work")
_CHANGELOG_FILE = re.compile(r"(?:^|/)(?:change ?log|changes|history|news|release)[^/]*$", re.I)
# a sentence that gives advice for a case ("If the above doesn't work, ..."), not a finding
_INSTRUCTION = re.compile(
    r"^(?:if|in case)\b|\b(?:if|in case)"
    r"(?:\s+\S+){0,6}?\s+(?:does|did|do|is|was|could|can)\s?n[o']?t\b",
    re.I,
)
_MD_MARKUP = re.compile(r"\*\*|__|`|^\s*(?:[-*+]|\d+[.)])\s+|^\s*>\s?|^#+\s*")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_CLAUSE = re.compile(r"\s+[—–]\s+|\s+-\s+|:\s+|;\s+|,\s+(?=(?:so|because|since|as)\b)")
TITLE_CHARS = 100


def _plain_md(line: str) -> str:
    return _MD_LINK.sub(r"\1", _MD_MARKUP.sub("", line)).strip()


def _note_sentence(lines: list[str], k: int) -> str:
    """The whole sentence of an added document line `lines[k]` (a patch line), in plain
    text: the added lines of its paragraph or list item joined, Markdown taken off."""
    start = k
    while (
        start > 1
        and lines[start - 1].startswith("+")
        and not lines[start - 1].startswith("+++")
        and lines[start - 1][1:].strip()
        and not re.match(r"\s*(?:[-*+]|\d+[.)]|#)\s", lines[start][1:])
    ):
        start -= 1
    end = k
    while (
        end + 1 < len(lines)
        and lines[end + 1].startswith("+")
        and lines[end + 1][1:].strip()
        and not re.match(r"\s*(?:[-*+]|\d+[.)]|#)\s", lines[end + 1][1:])
    ):
        end += 1
    para = " ".join(_plain_md(ln[1:]) for ln in lines[start : end + 1])
    para = " ".join(para.split())
    target = " ".join(_plain_md(lines[k][1:]).split())
    at = para.find(target[:40]) if target else -1
    pieces = re.split(r"(?<=[.!?])\s+(?:\d+[).]+\s+)?(?=[A-Z(])", para)
    pieces = [re.sub(r"^\d+[).]+\s+", "", p) for p in pieces]  # "2). ForwardDiff ..."
    pos = 0
    for piece in pieces:
        begin = para.find(piece, pos)
        pos = begin + len(piece)
        if at < pos and _failure_said(piece):
            return piece
    return next((p for p in pieces if _failure_said(p)), "")


def _note_title(sentence: str) -> str:
    """A note's title: the sentence when it is short, else its first clause when that is
    ("Maximally-mixed prior I/2ⁿ was tried and abandoned" of a longer bullet), else the
    sentence shortened at a word."""
    if len(sentence) <= TITLE_CHARS:
        return sentence
    first = _CLAUSE.split(sentence, maxsplit=1)[0].rstrip(" ,.")
    if 20 <= len(first) <= TITLE_CHARS and _failure_said(first):
        return first
    return sentence[:TITLE_CHARS].rsplit(" ", 1)[0] + " …"


def readme_notes(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    """README and notes lines, added on the line of `head`, that say something failed
    (not in a file of reviewers' comments: their words, not the authors' record)."""
    marks = Marks.new()
    out = git(
        repo,
        "log",
        "-G",
        _NOTE_RE,
        "-p",
        "-U0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        marks.format("%H"),
        head,
        "--",
        "*.md",
        "*.rst",
        "*.txt",
        "*.markdown",
        check=False,
    )
    found: list[Finding] = []
    seen: set[str] = set()
    for rec in reversed(marks.records(out)):  # oldest first: a note copied later is one note
        lines = rec.splitlines()
        sha = lines[0].strip()
        c = commits.get(sha)
        if c is None:
            continue
        path = ""
        for k, line in enumerate(lines[1:], start=1):
            if line.startswith("+++ b/"):
                path = line[6:]
            elif (
                line.startswith("+")
                and not line.startswith("+++")
                and not paths.is_vendored(path)  # a vendored library's notes are its own
                and not _REVIEW_FILE.search(path)  # reviewers' words, not the authors' record
                and not _LEGAL_FILE.search(path)
                and not _GUIDE_FILE.search(path)
                and not _CHANGELOG_FILE.search(path)  # a record of changes, fixes included
                and not _imported(path, c)
                and _failure_said(line)
                and not in_progress(line)
            ):
                sentence = _note_sentence(lines, k)
                if not sentence or _INSTRUCTION.search(sentence):
                    continue  # troubleshooting advice ("If the above doesn't work, ...")
                text = sentence[:300]
                if text in seen:
                    continue
                seen.add(text)
                found.append(
                    Finding(
                        kind="dead_end",
                        pattern="note",
                        title=_note_title(sentence),
                        commits=[c.sha],
                        files=[path],
                        what=text,
                        why=f"{path} states it (added in {c.short}, {c.subject})",
                        lesson=text,
                        date=c.date,
                    )
                )
    return found
