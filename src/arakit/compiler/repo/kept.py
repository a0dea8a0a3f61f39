"""Code kept in the tree that the project's own documents call superseded: a dead end the
history does not show by a deletion. The statements come from `superseded` (the reader
scoping shares); here each set of files they name becomes one finding, citing the commits
that added those files and the one that wrote the statement."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

from arakit.compiler.repo.finding import Finding
from arakit.compiler.repo.gitlog import Commit
from arakit.compiler.repo.source import git
from arakit.compiler.repo.superseded import Superseded, superseded


def kept_superseded(
    repo: Path, head: str, commits: dict[str, Commit], prefix: str, known: list[Finding]
) -> list[Finding]:
    """Dead ends for code the documents at `head` call superseded and the tree keeps: one
    per set of files (statements naming the same files are one), citing the commits that
    added those files and the one that wrote the statement. Files a finding in `known`
    already gives up (moved to deprecated/, deleted) are not told again."""
    tree = git(repo, "ls-tree", "-r", "--name-only", head, check=False).splitlines()

    def read(rel: str) -> str | None:
        return git(repo, "show", f"{head}:./{rel}", check=False) or None

    told = {p for f in known if f.kind in ("dead_end", "pivot") for p in f.files}
    groups: list[list[Superseded]] = []
    for s in superseded(tree, read):
        if not set(s.paths) - {p[len(prefix) :] for p in told if p.startswith(prefix)}:
            continue
        home = next((g for g in groups if set(g[0].paths) & set(s.paths)), None)
        if home is None:
            groups.append([s])
        else:
            home.append(s)
    born: dict[str, Commit] = {}
    for c in commits.values():
        if c.mainline:
            for ch in c.changes:
                if ch.status in ("A", "C") and ch.path not in born:
                    born[ch.path] = c
    out = []
    for group in groups:
        # the README's word first: it speaks to every reader; then the sentence naming most
        first = min(group, key=lambda s: (not s.source.lower().startswith("readme"), -len(s.paths)))
        files = list(dict.fromkeys(p for s in group for p in s.paths))
        added = sorted(
            {born[prefix + p].sha: born[prefix + p] for p in files if prefix + p in born}.values(),
            key=lambda c: c.date,
        )
        wrote = [_written_in(repo, head, s, commits) for s in group]
        stated = [w for w in wrote if w is not None]
        cited = list(dict.fromkeys([c.sha for c in added[:6]] + [c.sha for c in stated]))
        if not cited:
            continue
        names = [PurePosixPath(p).name for p in files]
        shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        out.append(
            Finding(
                kind="dead_end",
                pattern="kept-superseded",
                title=f"Kept in the tree but set aside by {first.source}: {shown}",
                commits=cited,
                files=[prefix + p for p in files][:30],
                what=f"{', '.join(files[:8])}, still in the tree",
                why=" ".join(f"{s.source} says: {_plain(s.sentence)}" for s in group[:3])[:600],
                lesson=_plain(first.sentence),
                date=max((c.date for c in [*added, *stated]), default=""),
            )
        )
    return out


def _written_in(repo: Path, head: str, s: Superseded, commits: dict[str, Commit]) -> Commit | None:
    """The commit that wrote the statement's first line, when it is known."""
    out = git(
        repo, "blame", "--porcelain", "-L", f"{s.line},{s.line}", head, "--", s.source,
        check=False,
    )  # fmt: skip
    sha = out.split(" ", 1)[0] if out else ""
    return commits.get(sha)


def _plain(sentence: str) -> str:
    """A document's sentence without its Markdown marks."""
    return re.sub(r"\s+", " ", sentence.replace("`", "").replace("**", "")).strip()
