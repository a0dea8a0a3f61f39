"""A repository input as a folder: a working tree, a git bundle, or a local git URL
(cloned into a temporary folder). Nothing is fetched over the network."""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from arakit import gitsafe
from arakit.compiler.errors import InputError, SourceError
from arakit.compiler.repo.encoding import git_text

SKIP_DIRS = {
    ".git",
    ".hg",
    ".svn",
    "__pycache__",
    "node_modules",
    ".venv",
    "venv",
    "env",
    ".tox",
    ".mypy_cache",
    ".pytest_cache",
    "build",
    "dist",
    ".eggs",
}
MAX_FILE = 512 * 1024  # larger files are data, not code or config
MAX_NOTEBOOK = 8 * 1024 * 1024  # a notebook's saved outputs (plots) make it large
MAX_FILES = 5000


def git(repo: Path, *args: str, check: bool = True) -> str:
    """Run git in `repo` and return its standard output; failures become SourceError."""
    try:
        res = subprocess.run(
            gitsafe.argv(["-C", str(repo), *args]),  # nothing in the repo's config runs
            capture_output=True,
            env=gitsafe.env({"LC_ALL": "C"}),
            stdin=subprocess.DEVNULL,
            timeout=120,
        )
    except FileNotFoundError:
        raise SourceError(str(repo), "git is not installed", hint="install git") from None
    except subprocess.TimeoutExpired:
        raise SourceError(str(repo), f"git {args[0]} took longer than 120 s") from None
    if check and res.returncode != 0:
        err = git_text(res.stderr).strip()
        raise SourceError(str(repo), f"git {' '.join(args[:2])} failed: {err}")
    return git_text(res.stdout)


@dataclass(frozen=True)
class Marks:
    """Record and field separators for one `git log`/`git show` call that no commit message
    or file content can forge: a fixed control byte around a random token made per call.

    Commit messages and diffs are untrusted text; with a bare ``\x1e`` between records, a
    message holding that byte split one commit into two and cut its subject from its body.
    """

    record: str
    field: str

    @classmethod
    def new(cls) -> Marks:
        token = secrets.token_hex(8)
        return cls(f"\x1e{token}\x1e", f"\x1f{token}\x1f")

    def format(self, *placeholders: str) -> str:
        """``--format=`` opening each record with its mark and joining the placeholders."""
        record = self.record.replace("\x1e", "%x1e")
        field = self.field.replace("\x1f", "%x1f")
        return f"--format={record}{field.join(placeholders)}"

    def records(self, out: str) -> list[str]:
        """The records of ``out``, in order (text before the first mark dropped)."""
        return out.split(self.record)[1:]


def is_local_git_url(spec: str) -> bool:
    """True for `file://...` URLs (the only URLs the compiler accepts)."""
    return spec.startswith("file://")


def is_remote(spec: str) -> bool:
    """True for URLs that would need the network (http, ssh, git@)."""
    return spec.startswith(("http://", "https://", "ssh://", "git://", "git@"))


@contextmanager
def repo_folder(spec: str) -> Iterator[Path]:
    """Yield a folder with the repository's files (and history, when it has one)."""
    if is_remote(spec):
        raise InputError(
            f"{spec}: remote repositories are not fetched",
            hint="clone it yourself and give the local folder, a git bundle or a file:// URL",
        )
    path = Path(spec[len("file://") :]) if is_local_git_url(spec) else Path(spec)
    if path.is_dir() and not is_local_git_url(spec) and not _is_bare(path):
        yield path
        return
    if not path.exists():
        raise InputError(
            f"{spec}: no such repository", hint="give a folder, a .bundle or a file:// URL"
        )
    path = path.resolve()  # git runs inside the clone below: a relative path would miss
    tmp = Path(tempfile.mkdtemp(prefix="ara-compile-"))
    try:
        dest = tmp / "repo"
        try:
            subprocess.run(
                gitsafe.argv(["clone", "--quiet", "--no-local", str(path), str(dest)], tmp),
                capture_output=True,
                text=True,
                check=True,
                timeout=300,
                env=gitsafe.env(),
                stdin=subprocess.DEVNULL,
            )
        except subprocess.CalledProcessError as e:
            raise SourceError(spec, f"not a git repository or bundle: {e.stderr.strip()}") from None
        # a clone brings only the source's branches and tags: pull-request refs, remote
        # branches kept in a bundle and any other ref hold history too, so fetch them all
        # under their own names (HEAD's branch is rewritten to the commit it already has)
        git(dest, "fetch", "--quiet", "--update-head-ok", str(path), "+refs/*:refs/*")
        # a clone only makes the default branch local: make every fetched branch local too
        for line in git(
            dest, "for-each-ref", "--format=%(refname:short)", "refs/remotes/origin"
        ).splitlines():
            name = line.removeprefix("origin/")
            if (
                name
                and name != "HEAD"
                and not git(dest, "rev-parse", "--verify", "--quiet", name, check=False)
            ):
                git(dest, "branch", "--quiet", name, line, check=False)
        yield dest
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _is_bare(path: Path) -> bool:
    return (
        (path / "HEAD").is_file() and (path / "objects").is_dir() and not (path / ".git").exists()
    )


@dataclass
class RepoFiles:
    """The text files of a repository worth reading, by path relative to its root."""

    root: Path
    files: list[str] = field(default_factory=list)
    has_git: bool = False

    def read(self, rel: str) -> str | None:
        """The file's text, or None when it is binary or not UTF-8."""
        try:
            data = (self.root / rel).read_bytes()
        except OSError:
            return None
        if b"\0" in data[:4096]:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None


def list_files(root: Path) -> RepoFiles:
    """Every small file under root, skipping VCS folders, virtualenvs and caches."""
    out = RepoFiles(root=root, has_git=(root / ".git").exists())
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in SKIP_DIRS and not d.startswith("."))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            if p.is_symlink() or not p.is_file():
                continue
            try:
                if p.stat().st_size > (MAX_NOTEBOOK if name.endswith(".ipynb") else MAX_FILE):
                    continue
            except OSError:
                continue
            out.files.append(p.relative_to(root).as_posix())
            if len(out.files) >= MAX_FILES:
                return out
    return out
