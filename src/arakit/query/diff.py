"""An executable diff between two artifacts (or two commits of one): what the research changed.

Claims added, removed, strengthened or weakened (by status) or reworded; parameters added,
removed or changed; evidence cells changed (with `file#rNcM` references); evidence files,
experiments and trace nodes added or removed.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from pydantic import BaseModel, Field

from arakit.errors import UsageError
from arakit.model.artifact import Artifact
from arakit.query.chunks import slug

# How strongly a status asserts its claim; a move up is "strengthened", down "weakened".
STRENGTH = {
    "refuted": 0,
    "withdrawn": 0,
    "weakened": 1,
    "hypothesis": 2,
    "untested": 2,
    "revised": 2,
    "testing": 3,
    "supported": 4,
}


class Change(BaseModel):
    """One difference, with the reference it concerns."""

    ref: str
    change: str  # added | removed | strengthened | weakened | reworded | changed
    before: str | None = None
    after: str | None = None


class ArtifactDiff(BaseModel):
    """Every difference from `a` to `b`, by layer."""

    a: str
    b: str
    claims: list[Change] = Field(default_factory=list)
    experiments: list[Change] = Field(default_factory=list)
    parameters: list[Change] = Field(default_factory=list)
    evidence: list[Change] = Field(default_factory=list)
    trace: list[Change] = Field(default_factory=list)

    def empty(self) -> bool:
        """True when nothing differs."""
        return not (
            self.claims or self.experiments or self.parameters or self.evidence or self.trace
        )


def _added_removed(old: dict[str, str], new: dict[str, str]) -> list[Change]:
    out = [Change(ref=k, change="added", after=new[k]) for k in new if k not in old]
    out += [Change(ref=k, change="removed", before=old[k]) for k in old if k not in new]
    return out


def diff_artifacts(a: Artifact, b: Artifact) -> ArtifactDiff:
    """What changed from `a` to `b`."""
    d = ArtifactDiff(a=a.root or "a", b=b.root or "b")
    old_c = {c.id: c for c in a.claims or []}
    new_c = {c.id: c for c in b.claims or []}
    d.claims = _added_removed(
        {k: v.title for k, v in old_c.items()}, {k: v.title for k, v in new_c.items()}
    )
    for cid in old_c.keys() & new_c.keys():
        x, y = old_c[cid], new_c[cid]
        sx, sy = (x.status or "").lower().strip(), (y.status or "").lower().strip()
        if sx != sy:
            up = STRENGTH.get(sy, 2) - STRENGTH.get(sx, 2)
            kind = "strengthened" if up > 0 else "weakened" if up < 0 else "changed"
            d.claims.append(Change(ref=cid, change=kind, before=x.status, after=y.status))
        if (x.statement or "") != (y.statement or ""):
            d.claims.append(
                Change(ref=cid, change="reworded", before=x.statement, after=y.statement)
            )
    d.experiments = _added_removed(
        {e.id: e.title for e in a.experiments or []}, {e.id: e.title for e in b.experiments or []}
    )
    d.parameters = _params(a, b)
    d.evidence = _evidence(a, b)
    d.trace = _added_removed(
        {n.id: f"[{n.type}] {n.title or ''}" for n in (a.trace.nodes() if a.trace else [])},
        {n.id: f"[{n.type}] {n.title or ''}" for n in (b.trace.nodes() if b.trace else [])},
    )
    for lst in (d.claims, d.experiments, d.parameters, d.evidence, d.trace):
        lst.sort(key=lambda c: c.ref)
    return d


def _params(a: Artifact, b: Artifact) -> list[Change]:
    def table(art: Artifact) -> dict[str, str]:
        return {f"{c.path}#{slug(p.name)}": str(p.value) for c in art.configs for p in c.params}

    old, new = table(a), table(b)
    out = _added_removed(old, new)
    out += [
        Change(ref=k, change="changed", before=old[k], after=new[k])
        for k in old.keys() & new.keys()
        if old[k] != new[k]
    ]
    return out


def _evidence(a: Artifact, b: Artifact) -> list[Change]:
    old = {f.path: f for f in a.evidence.files}
    new = {f.path: f for f in b.evidence.files}
    out = _added_removed(
        {k: v.caption or v.title for k, v in old.items()},
        {k: v.caption or v.title for k, v in new.items()},
    )
    for path in old.keys() & new.keys():
        rows_a = [r for t in old[path].tables for r in t.rows]
        rows_b = [r for t in new[path].tables for r in t.rows]
        for i in range(max(len(rows_a), len(rows_b))):
            ra = rows_a[i] if i < len(rows_a) else []
            rb = rows_b[i] if i < len(rows_b) else []
            for j in range(max(len(ra), len(rb))):
                ca = ra[j].strip() if j < len(ra) else None
                cb = rb[j].strip() if j < len(rb) else None
                if ca != cb:
                    out.append(
                        Change(
                            ref=f"{path}#r{i + 1}c{j + 1}", change="changed", before=ca, after=cb
                        )
                    )
    return out


@contextmanager
def checkout(spec: str) -> Iterator[Path]:
    """The artifact folder `spec` names: a folder, or `FOLDER@REV` for the folder as it was
    at a git revision (exported to a temporary folder, removed afterwards)."""
    path, at, rev = spec.rpartition("@") if "@" in spec else (spec, "", "")
    folder = Path(path if at else spec)
    if not at:
        yield folder
        return
    if not folder.is_dir():
        raise UsageError(f"{folder}: no such folder", hint="write FOLDER@REV, e.g. my-study@HEAD~1")
    top = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "--show-toplevel"], capture_output=True, text=True
    )
    if top.returncode != 0:
        raise UsageError(
            f"{folder}: not inside a git repository", hint="FOLDER@REV needs git history"
        )
    sub = folder.resolve().relative_to(Path(top.stdout.strip()).resolve()).as_posix()
    tmp = Path(tempfile.mkdtemp(prefix="ara-diff-"))
    try:
        archive = subprocess.run(
            [
                "git",
                "-C",
                top.stdout.strip(),
                "archive",
                "--format=tar",
                rev,
                "--",
                sub if sub != "." else ".",
            ],
            capture_output=True,
        )
        if archive.returncode != 0:
            msg = archive.stderr.decode("utf-8", "replace").strip().splitlines()
            raise UsageError(
                f"{spec}: {msg[-1] if msg else 'git archive failed'}",
                hint="check the revision name",
            )
        subprocess.run(["tar", "-x", "-C", str(tmp)], input=archive.stdout, check=True)
        yield tmp / sub if sub != "." else tmp
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def diff_paths(a: str, b: str) -> ArtifactDiff:
    """Diff two artifacts named as folders or `FOLDER@REV`."""
    from arakit.codec import read_artifact

    with checkout(a) as pa, checkout(b) as pb:
        d = diff_artifacts(read_artifact(pa), read_artifact(pb))
    d.a, d.b = a, b
    return d


def render_diff(d: ArtifactDiff) -> str:
    """The text `ara diff` prints: one line per change, grouped by layer."""
    if d.empty():
        return f"no differences between {d.a} and {d.b}\n"
    out = [f"--- {d.a}", f"+++ {d.b}"]
    for layer in ("claims", "experiments", "parameters", "evidence", "trace"):
        changes: list[Change] = getattr(d, layer)
        if not changes:
            continue
        out.append(f"\n{layer}:")
        for c in changes:
            if c.change == "added":
                out.append(f"  + {c.ref}: {c.after}")
            elif c.change == "removed":
                out.append(f"  - {c.ref}: {c.before}")
            else:
                out.append(f"  ~ {c.ref} {c.change}: {c.before} -> {c.after}")
    return "\n".join(out) + "\n"
