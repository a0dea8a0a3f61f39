"""The repository's history from every ref: what each ref holds, which branches never
reached the main line, the dead ends and pivots the main line shows, README notes that
state a failure, and config values over time."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePosixPath

from arakit.compiler.repo.calls import replaced_calls
from arakit.compiler.repo.commented import commented_out
from arakit.compiler.repo.comments import comment_lessons, readme_notes
from arakit.compiler.repo.cuts import cut_findings
from arakit.compiler.repo.diffs import small_diffs
from arakit.compiler.repo.grids import grid_changes
from arakit.compiler.repo.kept import kept_superseded
from arakit.compiler.repo.landed import share_typed_in
from arakit.compiler.repo.gitlog import (
    BlobReader,
    Commit,
    Ref,
    ancestors,
    author_words,
    read_commits,
    read_refs,
)
from arakit.compiler.repo.params import CodeParam
from arakit.compiler.repo.paths import generated, runs_code, upkeep
from arakit.compiler.repo.patterns import Finding, PatternFinder
from arakit.compiler.repo.series import fold_reverts
from arakit.compiler.repo.source import git
from arakit.compiler.repo.unused import cited, unused_tables
from arakit.compiler.repo.withdrawn import withdrawn

MAX_VERSIONS = 100  # versions of one config file read when following its values
# characters of one file's versions parsed when following its values: each version is parsed
# whole, so a 228 KB plotting module with 133 versions cost 100 full parses (over 10 minutes
# on a loaded machine); past this, versions are taken evenly from first to last and the
# summary says how many were left unread
MAX_FOLLOW_CHARS = 2_000_000
MAX_BLOBS = 400  # file contents read to describe deleted and retired scripts
MAX_BLOB_CHARS = 200_000
MAX_PROGRAM_BLOBS = 200  # files a restructuring deletes, read to see whether they ran
MAX_NEAR_BLOBS = 300  # files written around a deletion, read to see whether they replace it
MAX_NEAR_CHARS = 2_000_000  # a notebook keeps its outputs: its last cells lie far in
STALE_DAYS = 90  # a branch the main line outlived by this long is abandoned, not open
LANDED = 0.7  # share of a branch's final files found on the main line to call it merged
# what a build publishes: documents, pages, figures, and the archives a CI job uploads
# (showyourwork's main-pdf branch holds ms.pdf and arxiv.tar.gz)
PUBLISHED_EXT = (
    ".pdf", ".html", ".htm", ".png", ".jpg", ".jpeg", ".svg", ".eps", ".ps", ".tar.gz",
    ".tgz", ".zip",
)  # fmt: skip


@dataclass
class Branch:
    """A ref whose own commits never reached the main line and went stale."""

    name: str
    tip: str
    commits: list[Commit]
    fork_point: str | None


@dataclass
class ValueChange:
    """A config value that changed between two main-line commits."""

    key: str  # canonical key, e.g. learning_rate
    name: str  # as written
    file: str
    values: list[tuple[str, str, str]]  # (value, commit sha, date) in time order, deduplicated


@dataclass
class History:
    """Everything read from git: refs, main-line commits, findings and value changes."""

    head: str
    branch: str
    commits: list[Commit] = field(default_factory=list)  # reachable from HEAD, oldest first
    all_commits: dict[str, Commit] = field(default_factory=dict)
    refs: list[Ref] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    changes: list[ValueChange] = field(default_factory=list)
    truncated: bool = False
    prefix: str = ""  # the folder read, relative to the repository's root
    blobs_unread: int = 0  # scripts not described because MAX_BLOBS was reached
    problem: str = ""  # what could not be read, said in the trace's history summary
    checked_out: str = ""  # the commit the folder shows, when not the main line's tip
    diffs: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # small commits' lines
    versions_unread: int = 0  # versions of followed files skipped for MAX_FOLLOW_CHARS

    def commit(self, sha: str) -> Commit | None:
        """A commit by full or abbreviated hash."""
        if sha in self.all_commits:
            return self.all_commits[sha]
        return next((c for c in self.all_commits.values() if c.sha.startswith(sha)), None)

    @property
    def abandoned(self) -> list[Branch]:
        """Branches (and pull requests, tags) whose work never landed and went stale."""
        out = []
        for r in self.refs:
            if r.status == "stale":
                commits = [self.all_commits[s] for s in r.own if s in self.all_commits]
                first = commits[0].parents[0] if commits and commits[0].parents else None
                out.append(Branch(name=r.label, tip=r.tip, commits=commits, fork_point=first))
        return out


def read_history(
    repo: Path, params_of: Callable[[str, str], list[CodeParam]], tracked: list[str]
) -> History | None:
    """Walk every ref of `repo`; None when it is not a git repository or has no commits.

    `params_of(text, path)` extracts parameters from one version of a file; `tracked` lists
    the config files whose values are followed through time.
    """
    if git(repo, "rev-parse", "--is-inside-work-tree", check=False).strip() != "true":
        return None
    head = git(repo, "rev-parse", "--verify", "--quiet", "HEAD", check=False).strip()
    if not head:
        return None
    branch = git(repo, "rev-parse", "--abbrev-ref", "HEAD", check=False).strip() or "HEAD"
    prefix = git(repo, "rev-parse", "--show-prefix", check=False).strip()
    commits, truncated, problem = read_commits(repo)
    parents = {c.sha: c.parents for c in commits}
    refs = read_refs(repo)
    checked_out = head
    if branch == "HEAD":  # a detached view of an older commit: the main line goes on past it
        head, branch = _holding_branch(head, refs, parents)
    main = ancestors([head], parents)
    hist = History(head=head, branch=branch, truncated=truncated, prefix=prefix, problem=problem)
    hist.checked_out = checked_out
    hist.all_commits = {c.sha: c for c in commits}
    for c in commits:
        c.mainline = c.sha in main
    hist.commits = [c for c in commits if c.mainline]
    hist.refs = _classify_refs(refs, hist, parents, main, repo)
    reader = BlobReader(repo, MAX_BLOBS, MAX_BLOB_CHARS)
    first_parent = _first_parent(head, parents)
    other = BlobReader(repo, MAX_BLOBS, MAX_BLOB_CHARS)
    program = BlobReader(repo, MAX_PROGRAM_BLOBS, MAX_BLOB_CHARS)
    near = BlobReader(repo, MAX_NEAR_BLOBS, MAX_NEAR_CHARS)
    try:
        authors = author_words(repo)
        found = PatternFinder(
            hist.commits,
            reader,
            prefix,
            first_parent,
            other,
            authors,
            read_program=program,
            read_near=near,
        ).run()
        hist.findings = fold_reverts(found, hist.commits)
    finally:
        reader.close()
        other.close()
        program.close()
        near.close()
    hist.findings += readme_notes(repo, hist.head, hist.all_commits)
    hist.findings += cut_findings(repo, hist.head, hist.all_commits)
    hist.findings += comment_lessons(repo, hist.head, hist.all_commits)
    hist.findings += grid_changes(repo, hist.head, hist.all_commits, prefix)
    hist.findings += unused_tables(repo, hist.head, hist.all_commits)
    hist.findings += replaced_calls(repo, hist.head, hist.all_commits)
    hist.findings += commented_out(repo, hist.head, hist.all_commits)
    hist.findings += withdrawn(repo, hist.commits)
    hist.findings += kept_superseded(repo, hist.head, hist.all_commits, prefix, hist.findings)
    hist.findings = _not_cited(repo, hist.head, hist.findings)
    hist.findings += _ref_findings(hist)
    hist.findings.sort(key=lambda f: f.date)
    hist.blobs_unread = reader.skipped
    hist.changes, hist.versions_unread = _value_changes(repo, params_of, tracked)
    hist.diffs = small_diffs(repo)
    return hist


_MAIN_NAMES = ("main", "master", "trunk", "develop", "default")


def _not_cited(repo: Path, head: str, findings: list[Finding]) -> list[Finding]:
    """`findings` without scripts retired into an archive that a document at `head` still
    points to there ("the full script can be found at .../archive/benchmarking_script.R"):
    kept as the paper's record, not given up."""

    def where(path: str) -> str:  # the retiring folder and the name: archive/script.R
        return "/".join(PurePosixPath(path).parts[-2:])

    retired = [f for f in findings if f.pattern == "retired"]
    shown = cited(repo, head, [where(p) for f in retired for p in f.files])
    return [
        f for f in findings if f.pattern != "retired" or not {where(p) for p in f.files} & shown
    ]


def _holding_branch(head: str, refs: list[Ref], parents: dict[str, list[str]]) -> tuple[str, str]:
    """The branch whose history holds the detached `head` (main/master first, then the one
    reaching most commits), as (tip, name); (head, "HEAD") when none does."""
    best: tuple[tuple[int, int], str, str] | None = None
    for r in refs:
        if r.kind not in ("branch", "remote"):
            continue
        reach = ancestors([r.tip], parents)
        if head not in reach:
            continue
        name = r.label.split("/", 1)[-1] if r.kind == "remote" else r.label
        rank = (int(name in _MAIN_NAMES), len(reach))
        if best is None or rank > best[0]:
            best = (rank, r.tip, name)
    return (best[1], best[2]) if best else (head, "HEAD")


def _first_parent(head: str, parents: dict[str, list[str]]) -> set[str]:
    line: set[str] = set()
    sha: str | None = head
    while sha and sha in parents and sha not in line:
        line.add(sha)
        sha = parents[sha][0] if parents[sha] else None
    return line


def _days(a: str, b: str) -> float:
    try:
        return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 86400
    except ValueError:
        return 0.0


def _classify_refs(
    refs: list[Ref], hist: History, parents: dict[str, list[str]], main: set[str], repo: Path
) -> list[Ref]:
    """One entry per distinct (name, tip), with its status against the main line."""
    seen: dict[tuple[str, str], Ref] = {}
    for r in sorted(refs, key=lambda r: ("branch", "remote", "pull", "tag", "other").index(r.kind)):
        key = (r.label.split("/", 1)[-1] if r.kind == "remote" else r.label, r.tip)
        if key not in seen and r.tip in parents:
            seen[key] = r
    kept = list(seen.values())
    reach: dict[str, set[str]] = {}
    main_blobs = {ch.new_blob for c in hist.commits for ch in c.changes}
    main_blobs |= {f"{c.date} {c.subject}" for c in hist.commits}  # rebased commits, by name
    newest_main = max((c.date for c in hist.commits), default="")
    for r in kept:
        if r.tip not in reach:
            reach[r.tip] = ancestors([r.tip], parents)
        r.reach = len(reach[r.tip])
        own = reach[r.tip] - main
        r.own = [c.sha for c in hist.all_commits.values() if c.sha in own]
        r.last_date = max((hist.all_commits[s].date for s in r.own), default="")
    pending = [r for r in kept if r.own]
    for r in kept:
        if r.tip == hist.head:
            r.status = "head"
        elif not r.own:
            r.status = "merged"
    # GitHub's pull/N/merge is its trial merge of pull/N/head into the base: the pull request
    # is its head, and the trial merge holds nothing more of it
    # (kept up to date while the pull request is open: its date is the request's last sign
    # of life, as when the request targets a side branch still being worked on)
    heads = {r.label for r in kept if r.kind == "pull"}
    trial = {r.label for r in kept if r.kind == "pull" and _trial_merge(r.label, heads)}
    by_label = {r.label: r for r in kept}
    for label in trial:
        head = by_label[label[: -len("merge")] + "head"]
        head.last_date = max(head.last_date, by_label[label].last_date)
    # a pull request opened from a branch of the repository points at the branch's tip:
    # one piece of work, told once (as the branch)
    branch_tips = {r.tip: r.label for r in kept if r.kind in ("branch", "remote") and r.own}
    for r in pending:
        if r.label in trial:
            r.status, r.note = "within", r.label.rsplit("/", 1)[0] + "/head"
            continue
        if r.kind == "pull" and r.tip in branch_tips:
            r.status, r.note = "within", branch_tips[r.tip]
            continue
        host = next(
            (
                o
                for o in pending
                if o is not r and o.tip != r.tip and r.tip in reach[o.tip] and o.label not in trial
            ),
            None,
        )
        r.landed = _landed(r, hist, main_blobs)
        if r.landed is not None and r.landed >= LANDED:
            r.status = "landed"
        elif host is not None:
            r.status, r.note = "within", host.label
        elif _published(r, hist):
            r.status = "publishing"
        elif _maintenance(r, hist):
            r.status = "maintenance"
        elif _days(r.last_date, newest_main) < STALE_DAYS:
            r.status = "open"
        elif _typed_in(r, hist, repo) >= LANDED:
            r.status = "landed"  # its edits typed in again on the main line
        else:
            r.status = "stale"
    return kept


def _trial_merge(label: str, pulls: set[str]) -> bool:
    return label.endswith("/merge") and label[: -len("merge")] + "head" in pulls


def _typed_in(r: Ref, hist: History, repo: Path) -> float:
    """For a branch of writing (no code), the share of its new words typed in on the main
    line (a co-author's edits applied by hand); 0 for a branch with code."""
    own = [hist.all_commits[s] for s in r.own]
    final = _final(own)
    if any(runs_code(p) for p in final):
        return 0.0
    fork = own[0].parents[0] if own and own[0].parents else None
    return share_typed_in(repo, fork, final, hist.head)


def _final(commits: list[Commit]) -> dict[str, str]:
    """Path -> blob of each file the commits leave behind (deleted files left out)."""
    final: dict[str, str] = {}
    for c in commits:
        for ch in c.changes:
            if ch.status == "D":
                final.pop(ch.path, None)
            else:
                final[ch.path] = ch.new_blob
    return final


def _landed(r: Ref, hist: History, main_blobs: set[str]) -> float | None:
    final: dict[str, str] = {}
    for sha in r.own:
        for ch in hist.all_commits[sha].changes:
            if ch.status == "D":
                final.pop(ch.path, None)
            else:
                final[ch.path] = ch.new_blob
    # the code decides: logs and results copied onto the main line (cherry-picked runs)
    # land no approach when the branch's code never did
    code = {p: b for p, b in final.items() if runs_code(p)}
    final = code or final
    if not final:
        return None
    # or its commits, rebased onto the main line under new hashes (a pull request landed
    # through another one): the same subjects at the same author dates
    own = [hist.all_commits[s] for s in r.own]
    rebased = sum(f"{c.date} {c.subject}" in main_blobs for c in own) / max(len(own), 1)
    return max(sum(b in main_blobs for b in final.values()) / len(final), rebased)


# dependency automation (Dependabot, Renovate, pre-commit.ci): a branch or pull request
# that only bumps versions, or only touches continuous integration, maintains the project;
# closing it abandons no research
_BUMP = re.compile(
    r"^(?:bump \S+ from \S+ to \S+|(?:build|chore|ci)\(deps(?:-dev)?\)|\[pre-commit\.ci\]|"
    r"update (?:dependency|actions?|pre-commit hooks?)\b)",
    re.IGNORECASE,
)


def _maintenance(r: Ref, hist: History) -> bool:
    commits = [hist.all_commits[s] for s in r.own]
    paths = [ch.path for c in commits for ch in c.changes]
    # CI, manifests, README, docs; and files tools write (caches, notebook checkpoints)
    kept_up = bool(paths) and all(upkeep(p) or generated(p) for p in paths)
    return bool(commits) and (kept_up or all(_BUMP.match(c.subject) for c in commits))


# what a documentation or site builder writes (Documenter, Sphinx, MkDocs, pkgdown, Jekyll):
# pages with their styles, scripts, search index, fonts and images, and the version links
# (`stable`, `v0.4`) Documenter keeps beside them
# (.gz: the compressed sitemap.xml.gz that MkDocs and Sphinx write beside sitemap.xml)
_SITE_EXT = (
    *PUBLISHED_EXT, ".css", ".js", ".map", ".json", ".xml", ".txt", ".gif", ".ico", ".woff", ".woff2", ".ttf",
    ".eot", ".otf", ".webp", ".inv", ".nojekyll", ".md5", ".gz",
)  # fmt: skip
_VERSION_LINK = re.compile(r"^(?:v?\d+(?:\.\d+)*|stable|latest|dev|previews?|[A-Z]+)$")


def _published(r: Ref, hist: History) -> bool:
    """A branch of built output: documents and archives only (a CI branch of PDFs), or a
    built site (pages with their assets, never source)."""
    paths = [ch.path for s in r.own for ch in hist.all_commits[s].changes if ch.status != "D"]
    if not paths:
        return False
    low = [p.lower() for p in paths]
    if all(p.endswith(PUBLISHED_EXT) for p in low):
        return True
    return any(p.endswith((".html", ".htm")) for p in low) and all(
        p.endswith(_SITE_EXT) or _VERSION_LINK.match(p.rsplit("/", 1)[-1]) for p in paths
    )


def _ref_findings(hist: History) -> list[Finding]:
    out: list[Finding] = []
    for r in hist.refs:
        if r.status not in ("stale", "open"):
            continue
        commits = [hist.all_commits[s] for s in r.own]
        subjects = "; ".join(c.subject for c in commits[-8:])
        landed = (
            f"; {round((r.landed or 0) * 100)}% of its final files are on {hist.branch}"
            if r.landed is not None
            else ""
        )
        stale = r.status == "stale"
        out.append(
            Finding(
                kind="dead_end" if stale else "experiment",
                pattern="branch",
                title=f"{'Abandoned' if stale else 'Open'} {_ref_noun(r)} {r.label}",
                commits=[c.sha for c in commits][-20:],
                files=sorted({ch.path for c in commits for ch in c.changes})[:30],
                what=subjects[:400],
                why=f"{_ref_noun(r)} {r.label} ({len(commits)} commits, last {r.last_date[:10]}) "
                f"was never merged into {hist.branch}{landed}"
                + (f"; {hist.branch} moved on for {STALE_DAYS}+ days after it" if stale else ""),
                date=r.last_date,
                ref=r.label,
            )
        )
    return out


def _ref_noun(r: Ref) -> str:
    return {"pull": "pull request", "tag": "tag"}.get(r.kind, "branch")


def _value_changes(
    repo: Path, params_of: Callable[[str, str], list[CodeParam]], tracked: list[str]
) -> tuple[list[ValueChange], int]:
    """Each tracked file's parameters whose value changed along the main line, and how many
    versions were left unread to keep within MAX_FOLLOW_CHARS per file."""
    changes: list[ValueChange] = []
    unread = 0
    for path in tracked:
        shas = git(
            repo,
            "log",
            "--first-parent",
            "--reverse",
            "--format=%H%x1f%aI",
            "HEAD",
            "--",
            path,
            check=False,
        )
        versions = shas.splitlines()[-MAX_VERSIONS:]
        size = git(repo, "cat-file", "-s", f"HEAD:./{path}", check=False).strip()
        chosen = _spread(versions, MAX_FOLLOW_CHARS // max(int(size) if size.isdigit() else 1, 1))
        unread += len(versions) - len(chosen)
        series: dict[str, ValueChange] = {}
        for line in chosen:
            sha, _, date = line.partition("\x1f")
            text = git(
                repo, "show", f"{sha}:./{path}", check=False
            )  # ./ : relative to repo, which may be a subfolder
            if not text:
                continue
            for p in params_of(text, path):
                vc = series.setdefault(p.name, ValueChange(p.key, p.name, path, []))
                if not vc.values or vc.values[-1][0] != p.value:
                    vc.values.append((p.value, sha, date))
        changes += [vc for vc in series.values() if len(vc.values) > 1]
    return changes, unread


def _spread(items: list[str], most: int) -> list[str]:
    """At most `most` of `items` (never fewer than the first and the last), evenly spaced."""
    most = max(most, 2)
    if len(items) <= most:
        return items
    step = (len(items) - 1) / (most - 1)
    return [items[round(i * step)] for i in range(most)]
