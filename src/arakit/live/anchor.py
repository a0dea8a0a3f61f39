"""Anchors of the journal's hash chain, kept where an editor of trace/events.jsonl alone
cannot reach them.

A hash chain shows that every line follows from the one before; it cannot show that nobody
rewrote the file and recomputed every hash after an edit. An anchor is the (seq, hash) of an
event, written elsewhere when the event was new; `Journal.verify()` checks that the event
with that seq still has that hash and that the journal still reaches it.

    local   outside the artifact, on this machine: outside_path(root, "anchors", ".txt"),
            written by every append (one small write in place)
    git     refs/arakit/journal/<key> in the repository that holds the artifact (a blob
            "seq hash"), written by the processing pass, off the `ara run` path
    seal    seal.json's `journal` entry, written by `ara seal`
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any, NamedTuple

from arakit.live.locate import outside_path

GIT_REF = "refs/arakit/journal/"


class Anchor(NamedTuple):
    """Event `seq` had hash `hash` when it was anchored in `where`."""

    where: str
    seq: int
    hash: str


def _local_file(root: str | Path) -> Path:
    return outside_path(root, "anchors", ".txt")


def record_local(root: str | Path, seq: int, event_hash: str) -> None:
    """Keep (seq, hash) outside the artifact (called under the journal lock, so the newest
    append wins; the first event of a new journal replaces the anchor of an artifact that
    was at this path before). One fixed-width write in place, no rename: it costs `ara run`
    next to nothing. Never raises: a missing anchor only weakens `verify`."""
    path = _local_file(root)
    line = f"{seq:020d} {event_hash}\n".encode()
    for _ in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o644)
        except FileNotFoundError:  # the first anchor on this machine: make its folder
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
            except OSError:
                return
            continue
        except OSError:
            return
        try:
            os.pwrite(fd, line, 0)
        except OSError:
            pass
        finally:
            os.close(fd)
        return


def head(root: str | Path) -> tuple[int, str] | None:
    """(seq, hash) of the journal's last event, or None when it has none."""
    from arakit.live.journal import Journal

    last = None
    for _, raw in Journal(root).lines():
        last = raw
    if last is None:
        return None
    try:
        ev = json.loads(last)
        return int(ev["seq"]), str(ev["hash"])
    except (ValueError, KeyError, TypeError, RecursionError):
        return None


def _git(root: Path, args: list[str], data: bytes | None = None) -> str | None:
    from arakit import gitsafe

    try:
        done = subprocess.run(
            gitsafe.argv(args, root),
            cwd=root,
            input=data,
            capture_output=True,
            timeout=10,
            env=gitsafe.env(),
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else None


def _git_ref(root: Path) -> str | None:
    """The anchor ref of this artifact in its repository, or None outside git."""
    top = _git(root, ["rev-parse", "--show-toplevel"])
    if not top:
        return None
    rel = os.path.relpath(os.path.realpath(root), os.path.realpath(top))
    return GIT_REF + hashlib.sha256(rel.encode()).hexdigest()[:16]


def record_git(root: str | Path) -> bool:
    """Point the artifact's anchor ref at a blob naming the journal's head; False when the
    artifact is not in a git repository or git refuses."""
    root = Path(root)
    now = head(root)
    ref = _git_ref(root)
    if now is None or ref is None:
        return False
    blob = _git(root, ["hash-object", "-w", "--stdin"], f"{now[0]} {now[1]}\n".encode())
    return bool(blob) and _git(root, ["update-ref", ref, blob]) is not None  # type: ignore[list-item]


def anchors(root: str | Path) -> list[Anchor]:
    """Every anchor found for the artifact at `root`."""
    root = Path(root)
    found: list[Anchor] = []
    try:
        seq, h = _local_file(root).read_text().split()
        if len(h) == 64:
            found.append(Anchor(f"local anchor {_local_file(root)}", int(seq), h))
    except (OSError, ValueError):  # none, or a torn write (read as no anchor)
        pass
    ref = _git_ref(root) if (root / "trace").is_dir() else None
    text = _git(root, ["cat-file", "blob", ref]) if ref else None
    if text:
        seq, _, h = text.partition(" ")
        if seq.isdigit() and h:
            found.append(Anchor(f"git ref {ref}", int(seq), h.strip()))
    try:
        seal = json.loads((root / "seal.json").read_text())
        j = seal.get("journal") if isinstance(seal, dict) else None
        if isinstance(j, dict):
            found.append(Anchor("seal.json", int(j["seq"]), str(j["hash"])))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return found


def check_anchors(
    root: str | Path, hashes: dict[int, tuple[int, str]], out: list[dict[str, Any]]
) -> tuple[int | None, str] | None:
    """Compare every anchor with the verified chain (`hashes`: seq → (line, hash)); append
    one entry per anchor to `out`; return (line, reason) of the first mismatch, or None."""
    problem: tuple[int | None, str] | None = None
    for a in anchors(root):
        got = hashes.get(a.seq)
        ok = got is not None and got[1] == a.hash
        out.append({"where": a.where, "seq": a.seq, "ok": ok})
        if ok or problem is not None:
            continue
        if got is None:
            problem = (
                None,
                f"the journal has {len(hashes)} events but the {a.where} holds event {a.seq}: "
                "events were cut off after they were anchored",
            )
        else:
            problem = (
                got[0],
                f"event {a.seq} does not match the hash the {a.where} holds: the journal "
                "was rewritten after the event was anchored",
            )
    return problem
