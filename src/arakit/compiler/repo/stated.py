"""Dead ends and pivots a commit states in words (a failure, a pivot, a replacement for a
reason, a switch from one thing to another), trials given up (files added "to try out"
something, then deleted), and results files a later run overwrote."""

from __future__ import annotations

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
    wrong = msg.sentence_with(c.message, msg.WRONG_RE)
    return [
        Finding(
            kind="experiment",  # a re-run; whether the old numbers were wrong is judgment
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


def stated(f: PatternFinder, c: Commit) -> list[Finding]:
    """A commit whose message says that something failed, or that the work pivoted."""
    out: list[Finding] = []
    pivot = msg.sentence_with(c.message, msg.PIVOT_RE)
    reasoned = "" if pivot else msg.reasoned_replacement(c.message)
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
