"""`ara seal`: run Levels 1, 2 and 3 in order and write seal.json, the artifact's certificate.

The certificate names the tool and version, when it was made, a hash of the artifact's
content (so a later edit is detectable), and per level: passed / failed / not available /
not run, a one-line summary, the headline numbers and how long it took.
"""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

from arakit import ARA_VERSION, __version__
from arakit.codec.fs import atomic_write

CERTIFICATE = "seal.json"
LEVEL_NAMES = {1: "structural", 2: "argumentative", 3: "reproducibility"}
PASSING_GRADES = ("Strong Accept", "Accept", "Weak Accept")
# Files that record a seal rather than make up the artifact; left out of the content hash.
_RECORDS = frozenset({CERTIFICATE, "level2_report.json", "level3_report.json"})

Status = Literal["passed", "failed", "not_available", "not_run"]


class LevelVerdict(BaseModel):
    """One level's outcome in the certificate."""

    model_config = ConfigDict(extra="forbid")

    level: int
    name: str
    status: Status
    summary: str
    duration_s: float = 0.0
    details: dict[str, Any] = Field(default_factory=dict)


class SealCertificate(BaseModel):
    """seal.json."""

    model_config = ConfigDict(extra="forbid")

    artifact: str
    tool: str = "arakit"
    tool_version: str = __version__
    ara_version: str = ARA_VERSION
    created: str
    content_sha256: str
    requested: list[int]
    keep_going: bool = False
    levels: list[LevelVerdict] = Field(default_factory=list)
    journal: dict[str, Any] | None = None  # the journal's head {seq, hash}: an anchor

    @computed_field  # type: ignore[prop-decorator]
    @property
    def passed(self) -> bool:
        """True when every requested level ran and passed."""
        done = {v.level: v.status for v in self.levels}
        return all(done.get(lvl) == "passed" for lvl in self.requested)


def parse_levels(text: str) -> list[int]:
    """`1`, `2`, `3`, `all`, or a comma list such as `1,3`, as sorted level numbers."""
    from arakit.errors import UsageError

    if text.strip().lower() == "all":
        return [1, 2, 3]
    try:
        levels = sorted({int(p) for p in text.split(",") if p.strip()})
    except ValueError:
        levels = []
    if not levels or any(lvl not in LEVEL_NAMES for lvl in levels):
        raise UsageError(f"--level {text!r}: expected 1, 2, 3, all, or a list such as 1,3")
    return levels


def seal(
    path: str | Path,
    levels: list[int] | None = None,
    *,
    keep_going: bool = False,
    level3: dict[str, Any] | None = None,
    on_level: Callable[[LevelVerdict], None] | None = None,
    profile: str = "upstream",
) -> SealCertificate:
    """Run the requested levels in order; stop after the first that fails unless `keep_going`.

    `level3` passes keyword options to `arakit.seal.level3.reproduce` (sandbox, jobs, ...).
    `profile` is the Level 1 profile ("upstream" or "strict", seal/profile.py).
    Levels after a stop are recorded as `not_run`. Level 2 counts as passed at Weak Accept
    or better; if its module is not installed it is `not_available` (not passed).
    """
    from arakit.codec import read_artifact

    root = Path(path)
    art = read_artifact(root)  # raises NotAnArtifactError for a missing or empty folder
    wanted = levels or [1, 2, 3]
    from arakit.live.anchor import head

    journal_head = head(root)
    cert = SealCertificate(
        artifact=str(root),
        created=datetime.now(UTC).isoformat(timespec="seconds"),
        content_sha256=content_hash(root),
        requested=wanted,
        keep_going=keep_going,
        journal={"seq": journal_head[0], "hash": journal_head[1]} if journal_head else None,
    )
    stopped = False
    for lvl in wanted:
        if stopped:
            verdict = LevelVerdict(
                level=lvl,
                name=LEVEL_NAMES[lvl],
                status="not_run",
                summary="not run: an earlier level failed (use --keep-going to run it anyway)",
            )
        else:
            start = time.perf_counter()
            opts = {"profile": profile} if lvl == 1 else level3 or {}
            verdict = _RUNNERS[lvl](art, opts)
            verdict.duration_s = round(time.perf_counter() - start, 3)
            stopped = verdict.status != "passed" and not keep_going
        cert.levels.append(verdict)
        if on_level is not None:
            on_level(verdict)
    return cert


def write_certificate(cert: SealCertificate, dest: str | Path | None = None) -> Path:
    """Write seal.json atomically (default: at the artifact's root)."""
    p = Path(dest) if dest else Path(cert.artifact) / CERTIFICATE
    atomic_write(p, cert.model_dump_json(indent=2) + "\n")
    return p


def content_hash(root: Path) -> str:
    """SHA-256 over every file's relative path and bytes, in sorted order (records excluded).

    Symlinks are skipped; a FIFO, device or socket is named with its type but never opened
    (opening a FIFO blocks, a device reads forever); files are hashed in chunks."""
    h = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in (".git", "__pycache__"))
        for name in sorted(filenames):
            p = Path(dirpath) / name
            rel = p.relative_to(root).as_posix()
            st = os.lstat(p)
            if rel in _RECORDS or stat.S_ISLNK(st.st_mode):
                continue
            h.update(rel.encode() + b"\0")
            if stat.S_ISREG(st.st_mode):
                _hash_file(h, p)
            else:
                h.update(f"<{stat.S_IFMT(st.st_mode):o}>".encode())
            h.update(b"\0")
    return h.hexdigest()


def _hash_file(h: Any, path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the lstat
            return
        while chunk := fh.read(1 << 20):
            h.update(chunk)


def _level1(art: Any, opts: dict[str, Any]) -> LevelVerdict:
    from arakit.seal.level1 import validate

    rep = validate(art, profile=opts.get("profile", "upstream"))
    return LevelVerdict(
        level=1,
        name=LEVEL_NAMES[1],
        status="passed" if rep.passed else "failed",
        summary=f"{rep.errors} errors, {rep.warnings} warnings",
        details={
            "profile": rep.profile,
            "errors": rep.errors,
            "warnings": rep.warnings,
            "codes": sorted({f.code for f in rep.findings if f.severity == "error"}),
        },
    )


def _level2(art: Any, _: dict[str, Any]) -> LevelVerdict:
    try:
        from arakit.seal.level2 import review
    except ImportError as e:
        return LevelVerdict(
            level=2,
            name=LEVEL_NAMES[2],
            status="not_available",
            summary=f"Level 2 is not available in this installation ({e}); not passed",
        )
    rep = review(art, judge="rules")
    passed = rep.grade in PASSING_GRADES
    return LevelVerdict(
        level=2,
        name=LEVEL_NAMES[2],
        status="passed" if passed else "failed",
        summary=f"grade {rep.grade} (passes at Weak Accept or better)",
        details={
            "grade": rep.grade,
            "judge": getattr(rep, "judge", "rules"),
            "mean_score": getattr(rep, "mean_score", None),
            "scores": {d.dimension: d.score for d in getattr(rep, "dimensions", [])},
        },
    )


def _level3(art: Any, options: dict[str, Any]) -> LevelVerdict:
    from arakit.errors import ArtifactError
    from arakit.seal.level3 import reproduce

    from arakit.seal.level3.deps import DependencyError

    try:
        rep = reproduce(art, **options)
    except (ArtifactError, DependencyError) as e:  # no plan, unreadable, refused requirements
        return LevelVerdict(level=3, name=LEVEL_NAMES[3], status="failed", summary=str(e))
    c = rep.counts
    summary = (
        f"{c['reproduced']} of {len(rep.expectations)} expectations reproduced "
        f"({rep.sandbox} sandbox, {rep.isolation} isolation)"
    )
    if rep.all_reproduced and not rep.passed:
        summary += ": weak isolation could read evidence/, so it is no seal; use bwrap"
    return LevelVerdict(
        level=3,
        name=LEVEL_NAMES[3],
        status="passed" if rep.passed else "failed",
        summary=summary,
        details={
            "counts": c,
            "claims": {cl.claim: cl.verdict for cl in rep.claims},
            "verdicts": [
                {"run": e.run, "metric": e.metric, "verdict": e.verdict, "isolation": e.isolation}
                for e in rep.expectations
            ],
            "sandbox": rep.sandbox,
            "isolation": rep.isolation,
            "isolation_note": rep.isolation_note,  # what the run could see (non-root, mounts)
            "bounds": rep.bounds,
            "executions": len(rep.runs),
        },
    )


_RUNNERS: dict[int, Callable[[Any, dict[str, Any]], LevelVerdict]] = {
    1: _level1,
    2: _level2,
    3: _level3,
}
