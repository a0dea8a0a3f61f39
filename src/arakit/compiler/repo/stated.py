"""Dead ends and pivots a commit states in words (a failure, a pivot, a replacement for a
reason, a switch from one thing to another), trials given up (files added "to try out"
something, then deleted), and results files a later run overwrote."""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from arakit.compiler.repo import messages as msg
from arakit.compiler.repo import paths
from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit

if TYPE_CHECKING:
    from arakit.compiler.repo.patterns import PatternFinder


def tried(f: PatternFinder, c: Commit) -> list[Finding]:
    """Files other than code (a build or CI setup, a config) added by a commit that says it
    tries something out, and deleted here: the trial was given up (deleted code is the
    finder's own removal detector's)."""
    out: list[Finding] = []
    gone: dict[str, list[str]] = {}
    if msg.TEMPORARY_RE.search(c.subject):
        return out  # temporary files cleared
    for ch in c.changes:
        if (
            ch.status != "D"
            or paths.is_code(ch.path)
            or not f.in_scope(ch.path)
            or paths.is_scratch(ch.path)
            or paths.is_vendored(ch.path)
        ):
            continue
        born = f.by_sha.get(f.born.get(ch.path, ""))
        if born is not None and born.sha != c.sha and msg.TRIED_RE.search(born.subject):
            gone.setdefault(born.sha, []).append(ch.path)
    for sha, files in gone.items():
        born = f.by_sha[sha]
        out.append(
            Finding(
                kind="dead_end",
                pattern="tried",
                title=f"Tried and removed: {born.subject}"[:100],
                commits=[sha, c.sha],
                files=files[:20],
                what=f"{born.short} {born.subject} ({', '.join(files[:5])})",
                why=f"deleted in {c.short} ({c.subject})",
                lesson=msg.lesson(c.message),
                date=c.date,
            )
        )
    return out


def superseded(f: PatternFinder, c: Commit) -> list[Finding]:
    """Results files overwritten by a later run: the earlier numbers are superseded."""
    changed = [
        ch
        for ch in c.changes
        if ch.status == "M" and f.in_scope(ch.path) and paths.is_result(ch.path)
    ]
    if not changed:
        return []
    earlier = sorted({f.last_touch[ch.path] for ch in changed if ch.path in f.last_touch})
    said_wrong = msg.sentence_with(c.message, msg.RESULTS_WRONG_RE)
    wrong = said_wrong or msg.sentence_with(c.message, msg.WRONG_RE)
    return [
        Finding(
            # a re-run; the old numbers are a dead end only when the commit says they
            # were wrong ("running this simulation block was an error")
            kind="dead_end" if said_wrong else "experiment",
            pattern="superseded",
            title="Results overwritten: "
            + ", ".join(PurePosixPath(ch.path).name for ch in changed[:3]),
            commits=[*earlier[:3], c.sha],
            files=[ch.path for ch in changed],
            what="the results written by " + ", ".join(sha[:7] for sha in earlier[:3]),
            why=f"overwritten by {c.short} ({c.subject})",
            lesson=wrong,
            date=c.date,
        )
    ]


_INSTEAD_OF = re.compile(r"\b(?:instead of|rather than)\s+(?:the\s+|a\s+)?([\w.-]+)", re.I)


def _folder_swap(f: PatternFinder, line: str) -> bool:
    """True when what a replacement gives up is a folder of the repository: the line says
    where files are read or kept, not which approach is used."""
    m = _INSTEAD_OF.search(line)
    if m is None:
        return False
    word = m.group(1).lower().strip(".-")
    return any(
        word in (part.lower() for part in PurePosixPath(p).parts[:-1])
        for held in f.live.values()
        for p in held
    )


def explained(f: PatternFinder, c: Commit, found: list[Finding]) -> list[Finding]:
    """What the commit's message says, when no file pattern found anything in it; when the
    only findings are scripts it deleted and the message says what replaced them ("Switch
    from RLInterface to CommonRLInterface"), one pivot naming the deleted files too."""
    if found and any(x.pattern != "deleted" for x in found):
        return found
    said = stated(f, c)
    if not found:
        return said
    if not said or said[0].kind != "pivot":
        return found
    pivot = said[0]
    pivot.files = list(dict.fromkeys(pivot.files + [p for x in found for p in x.files]))[:30]
    pivot.commits = list(dict.fromkeys([s for x in found for s in x.commits] + pivot.commits))
    pivot.what += "; deleted: " + "; ".join(x.what for x in found if x.what)
    return [pivot]


# "Update results.", "new results", "re-run the benchmarks": results reported anew
_RESULTS_ANEW = re.compile(
    r"\b(?:updat\w*|new|re-?ran|re-?run\w*|refresh\w*|regenerat\w*)\b[\w ]{0,20}\bresults?\b|"
    r"\bresults? (?:updated|refreshed|regenerated)\b",
    re.I,
)
_SETTINGS_EXT = (".yaml", ".yml", ".json", ".toml", ".ini", ".cfg", ".conf", ".launch", ".gin")
_NUMBER_ROW = re.compile(r"^\s*\|.*\d")  # a Markdown table row holding a number


def rerun(f: PatternFinder, c: Commit) -> list[Finding]:
    """Results tables of a README or paper rewritten by a commit that says it updates the
    results and changes settings files too: the earlier numbers came from settings given up
    for the new ones, a pivot naming both."""
    if not _RESULTS_ANEW.search(c.message):
        return []
    settings = [
        ch.path
        for ch in c.changes
        if ch.status == "M"
        and ch.path.lower().endswith(_SETTINGS_EXT)
        and f.in_scope(ch.path)
        and not paths.is_ci(ch.path)
        and not paths.is_packaging(ch.path)
        and PurePosixPath(ch.path).name.lower() not in _TOOLING
    ]
    tables = [
        ch
        for ch in c.changes
        if ch.status == "M" and ch.path.lower().endswith(_DOCUMENTS) and f.in_scope(ch.path)
    ]
    changed: list[tuple[str, list[str], list[str]]] = []
    for ch in tables if settings else []:
        old = [x for x in (f.read_blob(ch.old_blob, ch.path) or "").splitlines()
               if _NUMBER_ROW.match(x)]  # fmt: skip
        new = [x for x in (f.read_blob(ch.new_blob, ch.path) or "").splitlines()
               if _NUMBER_ROW.match(x)]  # fmt: skip
        gone = [x for x in old if x not in new]
        if len(gone) >= 2 and len(new) >= 2:
            changed.append((ch.path, gone, new))
    if not changed:
        return []
    docs = [p for p, _, _ in changed]
    prev = f.previous_toucher(c)
    names = ", ".join(PurePosixPath(p).name for p in settings[:4])
    return [
        Finding(
            kind="pivot",
            pattern="rerun",
            title=f"Results in {', '.join(docs[:2])} replaced, with new settings in {names}"[:100],
            commits=[*([prev.sha] if prev else []), c.sha],
            files=docs + settings[:10],
            what=f"the results {', '.join(docs[:2])} reported before {c.short}: "
            + "; ".join(" ".join(r.split()) for r in changed[0][1][:3]),
            why=f"{c.short} ({c.subject}) rewrites {sum(len(g) for _, g, _ in changed)} "
            f"result rows and changes {', '.join(settings[:4])}",
            to=f"the results after {c.short}: "
            + "; ".join(" ".join(r.split()) for r in changed[0][2][:3]),
            lesson=msg.lesson(c.message),
            date=c.date,
        )
    ]


_TOOLING = {"pyproject.toml", "setup.cfg", "package.json", "tox.ini", "environment.yml",
            "environment.yaml", "mkdocs.yml", "codecov.yml", ".readthedocs.yaml"}  # fmt: skip
_DOCUMENTS = (".md", ".rmd", ".qmd", ".tex", ".rst", ".txt", ".markdown")
_REASON_LINE = re.compile(r"\b(?:because|since|due to|as it|as they)\b", re.I)
_MARKERS = re.compile(r"^\s*(?:<!--|%+|#+|//+)\s*|\s*-->\s*$")


def _reason_written(f: PatternFinder, c: Commit, docs: list[str]) -> str:
    """A line the commit added to one of `docs` that gives a reason ("<!-- Because cannot
    figure out best way to assess memory usage -->"), or ""."""
    for ch in c.changes:
        if ch.path not in docs or ch.status != "M":
            continue
        before = set((f.read_blob(ch.old_blob, ch.path) or "").splitlines())
        for line in (f.read_blob(ch.new_blob, ch.path) or "").splitlines():
            if line not in before and _REASON_LINE.search(line):
                return _MARKERS.sub("", line).strip()[:300]
    return ""


def stated(f: PatternFinder, c: Commit) -> list[Finding]:
    """A commit whose message says that something failed, or that the work pivoted."""
    out: list[Finding] = []
    pivot = msg.sentence_with(c.message, msg.PIVOT_RE)
    reasoned = "" if pivot else msg.reasoned_replacement(c.message)
    if reasoned and _folder_swap(f, reasoned):
        reasoned = ""  # "read from inst instead of the notebook": where files live, a move
    if pivot or reasoned:
        prev = f.previous_toucher(c)
        before = f"{prev.short} {prev.subject}" if prev else "the approach before this commit"
        out.append(
            Finding(
                kind="pivot",
                pattern="pivot" if pivot else "replaced",
                title=(c.subject if pivot else reasoned)[:100],
                commits=[*([prev.sha] if prev else []), c.sha],
                files=c.files[:20],
                what=before if pivot else f"what {c.short} replaced ({reasoned})",
                why=pivot or f"{c.short} ({c.subject}) replaces it: {reasoned}",
                lesson=pivot or reasoned,
                date=c.date,
            )
        )
        return out
    line, new, old = msg.switched(c.message)
    if line:
        out.append(
            Finding(
                kind="pivot",
                pattern="switched",
                title=c.subject[:100],
                commits=[c.sha],
                files=c.files[:20],
                what=f"{old} (removed in {c.short})",
                why=f"{c.short} says: {line}",
                lesson=f"{old} replaced by {new}",
                date=c.date,
            )
        )
        return out
    went, came = msg.out_and_in(c.subject)
    if went and any(paths.is_code(p) for p in c.files):
        prev = f.previous_toucher(c)
        return [
            Finding(
                kind="pivot",
                pattern="switched",
                title=c.subject[:100],
                commits=[*([prev.sha] if prev else []), c.sha],
                files=c.files[:20],
                what=f"{went} (removed in {c.short})",
                why=f"{c.short} says: {c.subject}",
                lesson=f"{went} replaced by {came}",
                date=c.date,
            )
        ]
    cut = msg.results_cut(c.message)
    docs = [p for p in c.files if p.lower().endswith(_DOCUMENTS) and f.in_scope(p)]
    if cut and docs:
        return [
            Finding(
                kind="dead_end",
                pattern="results-cut",
                title=f"{cut[:1].upper()}{cut[1:]} taken out of {', '.join(docs[:2])}"[:100],
                commits=[c.sha],
                files=c.files[:20],
                what=f"the {cut} {', '.join(docs[:3])} reported",
                why=f"{c.short} ({c.subject}) takes it out",
                lesson=_reason_written(f, c, docs),
                date=c.date,
            )
        ]
    failed = msg.failure_sentence(c.message)
    if failed:
        out.append(
            Finding(
                kind="dead_end",
                pattern="message",
                title=failed[:100],
                commits=[c.sha],
                files=c.files[:20],
                what=c.subject,
                why=f"{c.short} says: {failed}",
                lesson=failed,
                date=c.date,
            )
        )
    return out


_UNTRACKED = re.compile(r"gitignore|\buntrack|\btrack(?:ed|ing)\b|\blfs\b|large files?", re.I)


def results_dropped(f: PatternFinder, c: Commit) -> list[Finding]:
    """Results files deleted or moved into an old/-style folder by a commit that says the
    results are old or wrong ("Delete the old results -- rather, move them"): a later run
    superseded them."""
    gone = [
        ch
        for ch in c.changes
        if f.in_scope(ch.old_path or ch.path)
        and paths.is_result(ch.old_path or ch.path)
        and (ch.status == "D" or (ch.status == "R" and paths.retire_dir(ch.path, True)))
        and not paths.retire_dir(ch.old_path or ch.path, True)  # already retired before
    ]
    said = msg.sentence_with(c.message, msg.RESULTS_OLD_RE)
    if not gone or not said or _UNTRACKED.search(c.message):
        return []  # nothing said, or outputs taken out of version control, not superseded
    files = [ch.old_path or ch.path for ch in gone]
    born = sorted({f.born.get(p, "") for p in files} - {"", c.sha}, key=lambda s: f.order[s])
    return [
        Finding(
            kind="pivot",
            pattern="results-dropped",
            title=f"Results superseded: {', '.join(PurePosixPath(p).name for p in files[:3])}"
            + (f" and {len(files) - 3} more" if len(files) > 3 else ""),
            commits=[*born[:2], c.sha],
            files=files[:20],
            what=f"the results in {paths.common_folder(files)} ({len(files)} files)",
            why=f"{c.short} ({c.subject}) takes them out",
            lesson=said,
            date=c.date,
        )
    ]


def swapped(f: PatternFinder, c: Commit) -> list[Finding]:
    """A commit that says it replaces something and swaps one figure or data file for
    another of the same kind (`circle.png` out, `logistic.png` in): a pivot. Scripts are the
    removal detector's."""
    if not re.search(r"\breplac(?:e|es|ed|ing)\b", c.subject, re.I):
        return []
    added = [ch.path for ch in c.changes if ch.status == "A" and f.in_scope(ch.path)]
    pairs = [
        (ch.path, a)
        for ch in c.changes
        if ch.status == "D" and f.in_scope(ch.path) and not paths.is_code(ch.path)
        for a in added
        if PurePosixPath(a).suffix.lower() == PurePosixPath(ch.path).suffix.lower()
        and PurePosixPath(a).name != PurePosixPath(ch.path).name
    ]
    if not pairs:
        return []
    old, new = pairs[0]
    born = f.born.get(old, "")
    return [
        Finding(
            kind="pivot",
            pattern="swapped",
            title=f"{PurePosixPath(old).name} replaced by {PurePosixPath(new).name}",
            commits=[*([born] if born and born != c.sha else []), c.sha],
            files=sorted({p for pair in pairs for p in pair} | set(added))[:20],
            what=f"{old} (deleted in {c.short})",
            why=f"{c.short} ({c.subject}) puts {new} in its place",
            to=new,
            lesson=c.subject,
            date=c.date,
        )
    ]


def kept_old(f: PatternFinder, c: Commit) -> list[Finding]:
    """A script rewritten with its earlier version kept beside it as `name_old.py`: the
    earlier approach was given up for the new one."""
    out: list[Finding] = []
    for ch in c.changes:
        base = paths.old_copy(ch.path) if ch.status in ("A", "R") else None
        if (
            base is None
            or not paths.is_code(ch.path)
            or not f.in_scope(ch.path)
            or base not in f.live.get(PurePosixPath(base).name, set())
        ):
            continue
        earlier = [s for s in (f.born.get(base), f.last_touch.get(base)) if s and s != c.sha]
        out.append(
            Finding(
                kind="pivot",
                pattern="kept-old",
                title=f"{PurePosixPath(base).name} rewritten; the earlier version kept as "
                f"{PurePosixPath(ch.path).name}",
                commits=[*dict.fromkeys(earlier), c.sha],
                files=[base, ch.path],
                what=f"the earlier {base}, kept as {ch.path}",
                why=f"{c.short} ({c.subject}) keeps the old version beside the new one",
                to=f"the rewritten {base} ({c.short})",
                lesson=msg.lesson(c.message),
                date=c.date,
            )
        )
    return out
