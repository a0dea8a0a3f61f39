"""Work a history cuts by name: sections removed from the paper's LaTeX source by a commit
that says it takes something out, and libraries the code tried and then stopped depending on ("removing dynesty dependency").

Both are text the authors wrote and took out; each becomes a dead end citing the commit that
wrote it and the one that cut it (a pivot when the message says what replaced it).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from arakit.compiler.repo.gitlog import Commit
from arakit.compiler.repo.messages import BETTER_RE, lesson, sentence_with
from arakit.compiler.repo.patterns import Finding
from arakit.compiler.repo.sections import cut_sections
from arakit.compiler.repo.source import git

# "removing dynesty dependency", "drop the numba requirement", "remove dependency on jax"
_DROPPED_DEP = re.compile(
    r"\b(?:remov(?:e|es|ed|ing)|drop(?:s|ped|ping)?|get(?:ting)? rid of)\s+(?:the\s+)?"
    r"(?:(?:dependency|dependence|requirement)\s+on\s+(?P<a>[A-Za-z_][\w-]*)|"
    r"(?P<b>[A-Za-z_][\w-]*)\s+(?:dependency|dependence|requirement)\b)",
    re.I,
)

# "reimplement Sersic locally, drop astromatch dependency": what the library did is now the
# project's own code; the library went, the work did not
_WRITTEN_IN = re.compile(
    r"\b(?:re-?implement\w*|vendor\w*|inlin\w*|in-house|own implementation|"
    r"(?:copied|ported|moved) (?:in|into|locally)|locally)\b",
    re.I,
)


def cut_findings(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    """Sections cut from the paper and dependencies dropped, on the line of `head`."""
    return _sections(repo, head, commits) + _dependencies(repo, commits)


def _sections(repo: Path, head: str, commits: dict[str, Commit]) -> list[Finding]:
    out: list[Finding] = []
    for cut in cut_sections(repo, head):
        c = commits.get(cut.commit)
        if c is None or not _CUTTING.search(c.message) or _generated(repo, cut.commit, cut.path):
            continue
        name = PurePosixPath(cut.path).name
        headings = [cut.heading, *cut.others]
        said = ", ".join(f'"{h}"' for h in headings[:4]) + (" ..." if len(headings) > 4 else "")
        replaced = sentence_with(c.message, BETTER_RE)
        out.append(
            Finding(
                kind="pivot" if replaced else "dead_end",
                pattern="section-cut",
                title=f"Section{'s' * (len(headings) > 1)} {said} cut from {name}",
                commits=[*([cut.added_in] if cut.added_in in commits else []), c.sha],
                files=[cut.path],
                what=f"{said} in {cut.path} ({cut.lines} lines): {cut.opening}",
                why=f"{c.short} ({c.subject}) removes it from {cut.path}",
                lesson=replaced or lesson(c.message),
                date=c.date,
            )
        )
    return out


# a commit that says it takes something out: "removing kernel approximation section". Sections
# go missing in every rewrite of a draft ("arXiv text", "edits to appendix", "Revised
# notation"), re-titled, merged or moved; only a cut the authors name is a dead end
_CUTTING = re.compile(
    r"\b(?:remov\w*|delet\w*|drop\w*|cut(?:s|ting)?|took out|tak(?:e|es|ing) out|get rid|"
    r"got rid|trim\w*|strip\w*|discard\w*|abandon\w*|omit\w*)\b",
    re.I,
)
# what knitr and pandoc write into the LaTeX they generate from R Markdown or Markdown
_GENERATED_TEX = re.compile(r"\\tightlist\b|unnamed-chunk-\d|\\usepackage\{knitr\}|knitrout")


def _generated(repo: Path, sha: str, path: str) -> bool:
    """True when the .tex file was generated (by knitr or pandoc) before the commit: its
    sections are cut in its source, an .Rmd or .md, not in this build product."""
    text = git(repo, "show", f"{sha}^:{path}", check=False)[:400_000]
    return bool(_GENERATED_TEX.search(text))


def _dependencies(repo: Path, commits: dict[str, Commit]) -> list[Finding]:
    """A library a message says was dropped, with the commit that first imported it."""
    out: list[Finding] = []
    for c in commits.values():
        m = _DROPPED_DEP.search(c.subject) if c.mainline else None
        name = (m.group("a") or m.group("b")) if m else ""
        if not name or name.lower() in ("the", "a", "unused", "unnecessary", "old"):
            continue
        if _WRITTEN_IN.search(c.message):
            continue  # its job taken over by the project's own code
        module = re.escape(name.replace("-", "_"))
        first = git(
            repo,
            "log",
            "--reverse",
            "--format=%H",
            "-G",
            rf"^\s*(from|import)\s+{module}\b",
            c.sha,
            "--",
            "*.py",
            "*.pyx",
            check=False,
        ).split()
        intro = commits.get(first[0]) if first else None
        if intro is None or intro.sha == c.sha:
            continue  # never imported on this line: a packaging note, not tried work
        files = [f for f in intro.files if f.endswith((".py", ".pyx", ".ipynb"))][:10]
        out.append(
            Finding(
                kind="dead_end",
                pattern="removed-dependency",
                title=f"{name} tried and removed",
                commits=[intro.sha, c.sha],
                files=files + [f for f in c.files if f not in files][:10],
                what=f"{name}, first imported in {intro.short} ({intro.subject})",
                why=f"{c.short} ({c.subject}) drops it",
                lesson=lesson(c.message),
                date=c.date,
            )
        )
    return out
