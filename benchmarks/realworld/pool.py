"""The tuning pool: real paper + repository pairs beyond the corpus, kept by reference.

The corpus in ``shared/corpus`` holds eight pairs; rules tuned on eight examples of a kind
do not cover the ninth. The pool adds public pairs found with the search tool's ``fetch``.
Their material (PDF, code, history) is never committed: the project keeps only where each
pair comes from and the truth written by reading it, one folder per pair::

    benchmarks/realworld/pool/papers/<pair>/SOURCE.yaml     repo, commit, pdf path, who, when
    benchmarks/realworld/pool/papers/<pair>/<aspect>.yaml   truth, as under truth/papers/

and this module rebuilds the corpus layout (``papers/<pair>/paper.pdf``, ``repo.bundle``,
``SOURCE.md``) from the fetched snapshots, so the benchmarks run over the pool unchanged::

    python -m benchmarks.realworld.pool list                 # pairs, aspects, built or not
    python -m benchmarks.realworld.pool build                # from $ARA_MIRROR into $ARA_POOL
    python -m benchmarks.realworld.pool add NAME --repo OWNER/NAME --pdf PATH [--by WHO]
    python -m benchmarks.realworld.pool run [BENCH ...]      # the benchmarks, no floors

``ARA_MIRROR`` (default ``/work/.mirror``) holds snapshots as ``owner+name/repo`` git
directories; ``ARA_POOL`` (default ``/work/pool``) receives the built pairs. A pair whose
snapshot is missing is named with the ``fetch`` call that brings it. Pool scores are never
held to floors: pairs join over time and their truth may cover one aspect only.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

HERE = Path(__file__).resolve().parent
POOL_TRUTH = HERE / "pool"
ASPECTS = ("front", "settings", "tables", "code", "history")
_GIT = ["git", "-c", "core.hooksPath=/dev/null", "-c", "protocol.file.allow=always"]


@dataclass(frozen=True)
class Source:
    """Where one pool pair comes from."""

    name: str
    repo: str
    commit: str
    pdf: str

    @property
    def mirror_name(self) -> str:
        return self.repo.replace("/", "+")


class PoolError(RuntimeError):
    """A pool pair cannot be read or built; the message says which and what to do."""


def mirror_root() -> Path:
    return Path(os.environ.get("ARA_MIRROR") or "/work/.mirror")


def pool_root() -> Path:
    return Path(os.environ.get("ARA_POOL") or "/work/pool")


def read_source(folder: Path) -> Source:
    """The SOURCE.yaml of one pair folder, checked for its three required keys."""
    path = folder / "SOURCE.yaml"
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except Exception as exc:  # a hand-written file: say which one
        raise PoolError(f"{path}: not readable YAML ({exc})") from exc
    if not isinstance(data, dict):
        raise PoolError(f"{path}: expected a mapping with repo, commit and pdf")
    missing = [key for key in ("repo", "commit", "pdf") if not data.get(key)]
    if missing:
        raise PoolError(f"{path}: missing {', '.join(missing)}")
    return Source(folder.name, str(data["repo"]), str(data["commit"]), str(data["pdf"]))


def sources() -> list[Source]:
    folders = sorted(p for p in (POOL_TRUTH / "papers").glob("*") if (p / "SOURCE.yaml").is_file())
    return [read_source(p) for p in folders]


def _git(gitdir: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*_GIT, "--git-dir", str(gitdir), *args], check=True, capture_output=True)


def mirror_of(src: Source) -> Path | None:
    """The snapshot's git directory: ``repo`` when fetched bare, ``repo/.git`` when the
    snapshot came with a work tree (fetch delivers both shapes)."""
    root = mirror_root() / src.mirror_name / "repo"
    for gitdir in (root, root / ".git"):
        if (gitdir / "HEAD").is_file():
            return gitdir
    return None


def build(src: Source, out_root: Path) -> Path:
    """Write ``out_root/papers/<pair>`` (paper.pdf, repo.bundle, SOURCE.md) from the mirror.

    The bundle holds every ref of the snapshot; when the snapshot's HEAD has moved past the
    pinned commit, HEAD's branch is set back to the commit in a scratch copy, so the pair
    reads as it was annotated.
    """
    gitdir = mirror_of(src)
    if gitdir is None:
        raise PoolError(
            f"{src.name}: no snapshot of {src.repo} under {mirror_root()}; call fetch github:{src.repo}"
        )
    dest = out_root / "papers" / src.name
    dest.mkdir(parents=True, exist_ok=True)
    try:
        pdf = _git(gitdir, "show", f"{src.commit}:{src.pdf}").stdout
    except subprocess.CalledProcessError as exc:
        raise PoolError(
            f"{src.name}: {src.pdf} at {src.commit[:10]} not in the snapshot ({exc.stderr.decode(errors='replace').strip()})"
        ) from exc
    (dest / "paper.pdf").write_bytes(pdf)
    with tempfile.TemporaryDirectory(prefix="ara-pool-") as tmp:
        scratch = Path(tmp) / "repo.git"
        subprocess.run(
            [*_GIT, "clone", "-q", "--mirror", str(gitdir), str(scratch)],
            check=True,
            capture_output=True,
        )
        head = _git(scratch, "symbolic-ref", "-q", "HEAD").stdout.decode().strip()
        if _git(scratch, "rev-parse", "HEAD").stdout.decode().strip() != src.commit:
            _git(scratch, "update-ref", head, src.commit)
        replaced = _replace_absent_blobs(scratch)
        _git(scratch, "bundle", "create", str(dest / "repo.bundle"), "--all")
    note = (
        f" {replaced} file versions of 4 MiB or more were absent from the snapshot; each is a one-line "
        "placeholder in every commit, so commit hashes differ from upstream (subjects, authors "
        "and dates do not)."
        if replaced
        else ""
    )
    (dest / "SOURCE.md").write_text(
        f"# {src.name}\n\nPool pair built from the public repository {src.repo} at commit "
        f"{src.commit}; the paper is {src.pdf} of that commit.{note}\n",
        encoding="utf-8",
    )
    return dest


# rewrites each commit's index, swapping the blobs listed in $ARA_ABSENT for $ARA_PLACEHOLDER
_SWAP_ABSENT = (
    'git ls-files -s | awk -F\'\\t\' -v ph="$ARA_PLACEHOLDER" -v mf="$ARA_ABSENT" '
    "'BEGIN { while ((getline l < mf) > 0) absent[l] = 1 } "
    '{ split($1, a, " "); if (a[2] in absent) a[2] = ph; print a[1] " " a[2] " " a[3] "\\t" $2 }\' '
    "| git update-index --index-info"
)


def _replace_absent_blobs(gitdir: Path) -> int:
    """Swap every blob the snapshot lacks (files of 4 MiB and more are left out) for a
    placeholder, on every ref, so that ``git bundle`` can pack the history; the count swapped.
    """
    listing = _git(gitdir, "rev-list", "--objects", "--all", "--missing=print").stdout.decode()
    absent = sorted({line[1:].strip() for line in listing.splitlines() if line.startswith("?")})
    if not absent:
        return 0
    text = b"placeholder: this file (4 MiB or more) was absent from the fetched snapshot\n"
    placeholder = (
        subprocess.run(
            [*_GIT, "--git-dir", str(gitdir), "hash-object", "-w", "--stdin"],
            input=text,
            check=True,
            capture_output=True,
        )
        .stdout.decode()
        .strip()
    )
    listed = gitdir / "ara-absent.txt"
    listed.write_text("".join(f"{sha}\n" for sha in absent), encoding="ascii")
    env = dict(
        os.environ,
        ARA_ABSENT=str(listed),
        ARA_PLACEHOLDER=placeholder,
        FILTER_BRANCH_SQUELCH_WARNING="1",
    )
    with tempfile.TemporaryDirectory(prefix="ara-filter-") as scratch:
        _filter_branch(gitdir, env, scratch)
    originals = _git(gitdir, "for-each-ref", "--format=%(refname)", "refs/original/").stdout
    for ref in originals.decode().split():
        _git(gitdir, "update-ref", "-d", ref)
    return len(absent)


def _filter_branch(gitdir: Path, env: dict[str, str], scratch: str) -> None:
    subprocess.run(
        [
            *_GIT,
            "--git-dir",
            str(gitdir),
            "filter-branch",
            "-f",
            "-d",  # its scratch folder, else .git-rewrite/ in whatever folder we run from
            str(Path(scratch) / "rewrite"),
            "--index-filter",
            _SWAP_ABSENT,
            "--tag-name-filter",
            "cat",
            "--",
            "--all",
        ],
        env=env,
        check=True,
        capture_output=True,
    )


def add(name: str, repo: str, pdf: str, by: str, commit: str | None) -> Path:
    """Record a new pair (SOURCE.yaml at the snapshot's HEAD unless ``commit``) and build it."""
    folder = POOL_TRUTH / "papers" / name
    if (folder / "SOURCE.yaml").exists():
        raise PoolError(f"{folder}/SOURCE.yaml exists already; pick another name")
    probe = Source(name, repo, commit or "HEAD", pdf)
    gitdir = mirror_of(probe)
    if gitdir is None:
        raise PoolError(
            f"no snapshot of {repo} under {mirror_root()}; call fetch github:{repo} first"
        )
    sha = _git(gitdir, "rev-parse", commit or "HEAD").stdout.decode().strip()
    folder.mkdir(parents=True, exist_ok=True)
    stamp = _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    fields = {"repo": repo, "commit": sha, "pdf": pdf, "added": stamp, "by": by}
    # JSON strings are YAML scalars: a path holding `: ` or `#` stays one value
    text = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    (folder / "SOURCE.yaml").write_text(text, encoding="utf-8")
    return build(Source(name, repo, sha, pdf), pool_root())


def _list() -> int:
    built = pool_root() / "papers"
    for src in sources():
        aspects = [a for a in ASPECTS if (POOL_TRUTH / "papers" / src.name / f"{a}.yaml").is_file()]
        state = (
            "built"
            if (built / src.name / "repo.bundle").is_file()
            else ("mirror" if mirror_of(src) else "fetch")
        )
        print(f"{src.name:<24} {state:<6} {','.join(aspects) or '-':<36} {src.repo}")
    return 0


def _build() -> int:
    """Build every pair; one pair's failure is reported and the others still build. A git
    command that fails (filter-branch has been seen to lose its working directory under
    load) is retried once before the pair counts as failed."""
    failed = 0
    for src in sources():
        for attempt in (1, 2):
            try:
                print(f"{src.name}: {build(src, pool_root())}")
                break
            except PoolError as exc:
                failed += 1
                print(exc, file=sys.stderr)
                break
            except (subprocess.CalledProcessError, OSError) as exc:
                if attempt == 2:
                    failed += 1
                    print(f"{src.name}: build failed twice ({exc})", file=sys.stderr)
    return 1 if failed else 0


def _run(names: list[str]) -> int:
    env = dict(os.environ, ARA_CORPUS=str(pool_root()), ARA_TRUTH=str(POOL_TRUTH))
    cmd = [sys.executable, "-m", "benchmarks.realworld.run", *names, "--no-floor"]
    return subprocess.run(cmd, env=env, cwd=HERE.parents[1], check=False).returncode


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("list", help="pairs, their truth aspects, built or not")
    sub.add_parser("build", help="build every pair from the mirrors")
    p_add = sub.add_parser("add", help="record and build a new pair")
    p_add.add_argument("name")
    p_add.add_argument("--repo", required=True, help="owner/name on GitHub")
    p_add.add_argument("--pdf", required=True, help="the paper's path inside the repository")
    p_add.add_argument("--by", default=os.environ.get("USER", "unknown"), help="who annotates it")
    p_add.add_argument("--commit", help="pin another commit than the snapshot's HEAD")
    p_run = sub.add_parser("run", help="the real-world benchmarks over the pool, no floors")
    p_run.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    try:
        if args.cmd == "list":
            return _list()
        if args.cmd == "build":
            return _build()
        if args.cmd == "add":
            print(add(args.name, args.repo, args.pdf, args.by, args.commit))
            return 0
        return _run(args.names)
    except PoolError as exc:
        print(f"pool: {exc}", file=sys.stderr)
        return 1
    except subprocess.CalledProcessError as exc:
        print(
            f"pool: {' '.join(map(str, exc.cmd))} failed: {(exc.stderr or b'').decode(errors='replace').strip()}",
            file=sys.stderr,
        )
        return 1


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parents[1]))
    sys.exit(main())
