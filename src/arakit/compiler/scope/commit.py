"""Which commit is the paper's: the one that added this exact PDF (its git blob is looked
up on every ref), or its first parent when that commit holds nothing but the PDF (a build
branch); HEAD when the PDF is not in the history. When HEAD's code differs from that
commit's, the commit's tree is read instead, and the report says so."""

from __future__ import annotations

import hashlib
import io
import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from arakit import gitsafe
from arakit.compiler.errors import InputError, SourceError
from arakit.compiler.repo.source import git
from arakit.compiler.scope.model import CODE_SUFFIXES, Scope

MAX_TREE_BYTES = 512 * 1024 * 1024


def blob_id(path: Path) -> str:
    """The git blob id (SHA-1) of a file's bytes, as `git hash-object` computes it."""
    data = path.read_bytes()
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def _has_git(root: Path) -> bool:
    return (root / ".git").exists() or ((root / "HEAD").is_file() and (root / "objects").is_dir())


def paper_commit(root: Path, pdf: Path | None) -> tuple[str, str, str]:
    """(commit, path of the PDF in the repository, reason). The commit is "" when the
    PDF is not in the history (or there is no PDF)."""
    if pdf is None:
        return "", "", "no PDF given: the tree is read at HEAD"
    blob = blob_id(pdf)
    # -m: a PDF first committed in a merge (both sides edited it, the merge settled its
    # bytes) is found only in the merge's diff, which `git log` leaves out by default
    log = git(
        root,
        "log",
        "--all",
        "--reverse",
        "-m",
        "--format=%H",
        f"--find-object={blob}",
        check=False,
    )
    commits = list(dict.fromkeys(log.split()))
    if not commits:
        return (
            "",
            "",
            f"{pdf.name} is not in the repository's history on any ref: the tree is read at HEAD",
        )
    first = _main_line_twin(root, commits)
    path = ""
    for line in git(root, "ls-tree", "-r", first, check=False).splitlines():
        meta, _, name = line.partition("\t")
        if meta.split()[-1:] == [blob]:
            path = name
            break
    return first, path, f"{path or pdf.name} was added at {first[:7]}"


def _main_line_twin(root: Path, commits: list[str]) -> str:
    """The first commit that added the PDF, or its twin on the default branch: a
    squash-merged pull request leaves the same change twice (the PR branch's commit, kept
    under refs/pull/, and the squash commit on the default branch, with an identical tree),
    and the default branch's is the one a reader of the repository finds."""
    first = commits[0]
    head = git(root, "rev-parse", "--verify", "--quiet", "HEAD", check=False).strip()
    if not head or len(commits) < 2 or _on_line(root, first, head):
        return first
    tree = git(root, "rev-parse", "--verify", "--quiet", f"{first}^{{tree}}", check=False).strip()
    for other in commits[1:]:
        same = git(root, "rev-parse", "--verify", "--quiet", f"{other}^{{tree}}", check=False)
        if tree and same.strip() == tree and _on_line(root, other, head):
            return other
    return first


def _on_line(root: Path, commit: str, head: str) -> bool:
    """True when `commit` is in the history of `head`."""
    return git(root, "merge-base", commit, head, check=False).strip() == commit


def edited_after_added(root: Path, commit: str) -> Callable[[str], bool]:
    """A test of whether the history up to `commit` changed a folder after the commit
    that added it (two or more commits touch it): a folder copied in once and never
    edited is someone else's code."""

    def edited(folder: str) -> bool:
        log = git(
            root, "log", "--format=%H", "-n", "2", commit or "HEAD", "--", folder, check=False
        )
        return len(log.split()) >= 2

    return edited


def _label(root: Path, commit: str) -> str:
    out = git(root, "log", "-1", "--format=%h %ad %s", "--date=short", commit, check=False).strip()
    return out or commit[:7]


def _code_files(root: Path, commit: str) -> list[str]:
    names = git(root, "ls-tree", "-r", "--name-only", commit, check=False).splitlines()
    return [n for n in names if n.lower().endswith(CODE_SUFFIXES)]


def choose_commit(root: Path, pdf: Path | None, at: str | None) -> tuple[str, str, list[str]]:
    """(commit whose tree is the paper's, path of the PDF, reasons)."""
    if at:
        sha = git(root, "rev-parse", "--verify", "--quiet", f"{at}^{{commit}}", check=False).strip()
        if not sha:
            raise InputError(
                f"--at {at}: no such commit in the repository",
                hint="give a commit hash, branch or tag",
            )
        return sha, "", [f"read at {at} as asked (--at)"]
    commit, path, why = paper_commit(root, pdf)
    reasons = [why]
    if commit and not _code_files(root, commit):
        built = _built_from(root, commit)
        # a repository of LaTeX alone (a thesis) has no code at either commit: the PDF's
        # own commit is then the paper's
        if built and _code_files(root, built):
            reasons.append(
                f"{commit[:7]} holds no code (a build of the PDF): {built[:7]}, the commit it "
                "was built from, is read"
            )
            commit = built
        elif not built or not _code_files(root, built):
            later = _code_after(root, commit)
            if later:
                reasons.append(
                    f"{commit[:7]} and the history before it hold no code (the PDF came "
                    f"first): {later[:7]}, the first later commit with code, is read"
                )
                commit = later
    return commit, path, reasons


def _code_after(root: Path, commit: str) -> str:
    """The first commit after `commit` on the line to HEAD that holds code: the paper's
    code when the PDF was committed before any program (a tree without code has nothing
    to reconcile)."""
    later = git(
        root, "rev-list", "--reverse", "--ancestry-path", f"{commit}..HEAD", check=False
    ).split()
    return next((c for c in later[:MAX_LATER] if _code_files(root, c)), "")


MAX_LATER = 200  # commits after a code-less PDF looked at for the first with code


def _built_from(root: Path, commit: str) -> str:
    """The tree a code-less PDF commit was built from: its parent, or, for an orphan
    commit pushed by a CI job, the newest commit with code made before it on any ref."""
    parent = git(root, "rev-parse", "--verify", "--quiet", f"{commit}^", check=False).strip()
    if parent:
        return parent
    when = git(root, "log", "-1", "--format=%ct", commit, check=False).strip()
    if not when:
        return ""
    for cand in git(
        root, "rev-list", "--all", f"--before={when}", "--max-count=20", check=False
    ).split():
        if cand != commit and _code_files(root, cand):
            return cand
    return ""


def export_tree(root: Path, commit: str, dest: Path, left_out: list[str] | None = None) -> Path:
    """The files of `commit` written under `dest` (no .git), by `git archive`. A member the
    tar "data" filter refuses (a link to an absolute path or out of the tree, a device) is
    left out and its name added to `left_out`: a repository's `result -> /nix/store/...`
    link must not stop the compile, nor be followed."""
    try:
        done = subprocess.run(
            gitsafe.argv(["-C", str(root), "archive", "--format=tar", commit]),
            capture_output=True,
            env=gitsafe.env(),
            stdin=subprocess.DEVNULL,
            timeout=300,
            check=False,
        )
    except (OSError, subprocess.SubprocessError) as e:
        raise SourceError(str(root), f"git archive {commit[:7]} failed: {e}") from None
    if done.returncode != 0 or len(done.stdout) > MAX_TREE_BYTES:
        raise SourceError(
            str(root),
            f"git archive {commit[:7]} failed: {done.stderr.decode(errors='replace').strip()}",
        )
    with tarfile.open(fileobj=io.BytesIO(done.stdout)) as tar:
        tar.extractall(dest, filter=_kept(left_out if left_out is not None else []))
    return dest


def _kept(left_out: list[str]) -> Callable[[tarfile.TarInfo, str], tarfile.TarInfo | None]:
    def keep(member: tarfile.TarInfo, path: str) -> tarfile.TarInfo | None:
        try:
            return tarfile.data_filter(member, path)
        except tarfile.FilterError:
            left_out.append(member.name)
            return None

    return keep


@contextmanager
def paper_tree(root: Path, pdf: Path | None, at: str | None = None) -> Iterator[Scope]:
    """The scope's tree and commit (folders are chosen later, from the parameters)."""
    if not _has_git(root):
        yield Scope(root, root, reasons=["not a git repository: the folder is read as it is"])
        return
    head = git(root, "rev-parse", "--verify", "--quiet", "HEAD", check=False).strip()
    commit, path, reasons = choose_commit(root, pdf, at)
    scope = Scope(root, root, commit=commit or head, pdf_path=path, head=head, reasons=reasons)
    scope.pdf_blob = blob_id(pdf) if pdf is not None else ""
    scope.commit_label = _label(root, scope.commit) if scope.commit else ""
    if not commit or commit == head:
        yield scope
        return
    diff = git(
        root,
        "diff",
        "--name-only",
        commit,
        head,
        "--",
        *[f"*{s}" for s in CODE_SUFFIXES],
        "*Makefile",
        check=False,
    )
    scope.head_differs = diff.split()
    if not scope.head_differs and (root / ".git").exists():
        scope.reasons.append(
            f"HEAD's code is the same as at {commit[:7]}: the working tree is read"
        )
        yield scope
        return
    tmp = Path(tempfile.mkdtemp(prefix="ara-scope-"))
    try:
        left_out: list[str] = []
        try:
            scope.tree = export_tree(root, commit, tmp / "tree", left_out)
        except SourceError as e:  # objects missing from a partial clone or a damaged repository
            scope.reasons.append(
                f"the tree at {commit[:7]} cannot be read ({e.reason.splitlines()[0]}): "
                "the working tree is read instead"
            )
            yield scope
            return
        n = len(scope.head_differs)
        scope.reasons.append(
            f"HEAD differs from {commit[:7]} in {n} code file{'s' if n != 1 else ''}"
            + (f" ({', '.join(scope.head_differs[:4])}{', …' if n > 4 else ''})" if n else "")
            + f": the tree at {commit[:7]} is read, not HEAD"
        )
        if left_out:
            n = len(left_out)
            scope.reasons.append(
                f"{n} link{'s' if n != 1 else ''} to outside the tree left out "
                f"({', '.join(left_out[:4])}{', …' if n > 4 else ''})"
            )
        yield scope
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
