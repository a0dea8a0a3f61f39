"""`ara fork SRC DST`: a new artifact that cites its source instead of copying it silently.

The fork is a byte-for-byte copy of SRC, then two surgical edits made by the codec's
editors (codec/yamledit.py, codec/trace_update.py): PAPER.md's front matter gains
`forked_from` (source, commit, date), and the trace gains a root decision node that records
the fork, where that file keeps its roots. Every other byte stays as it was; each edit is
read back through the codec and checked to keep every word of the original, and if the
reader does not see exactly the old content plus the addition, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from arakit.errors import NotAnArtifactError, UsageError, WriteRefusedError
from arakit.query.index import is_artifact

PAPER, TRACE = "PAPER.md", "trace/exploration_tree.yaml"


class ForkResult(BaseModel):
    """What `fork` made."""

    source: str
    destination: str
    commit: str | None
    date: str
    node: str
    files: int


def _git_commit(folder: Path) -> str | None:
    done = subprocess.run(
        ["git", "-C", str(folder), "rev-parse", "HEAD"], capture_output=True, text=True
    )
    return done.stdout.strip() if done.returncode == 0 else None


def with_lineage(text: str, lineage: dict[str, Any]) -> str:
    """PAPER.md text with `forked_from` set in its front matter (replacing an older one) by
    the codec's surgical YAML editor; every other byte unchanged. Raises ParseError on a
    broken front matter and WriteRefusedError when the edit would change anything else."""
    from arakit.codec import yamlio
    from arakit.codec.content import require_kept
    from arakit.codec.markdown import split_front_matter
    from arakit.codec.paper import read_paper
    from arakit.codec.yamledit import edit_yaml

    front, _body, n = split_front_matter(text, PAPER)
    if front is None:
        new = f"---\n{yamlio.dump({'forked_from': lineage})}---\n\n{text}"
    else:
        data = yamlio.load(front, PAPER, line_offset=1)
        if data is not None and not isinstance(data, dict):
            raise WriteRefusedError(
                "the front matter is not a mapping: forked_from cannot be added to it",
                file=PAPER,
                hint="make the front matter `key: value` lines, or add forked_from by hand",
            )
        edited = edit_yaml(front, PAPER, {**(data or {}), "forked_from": lineage})
        lines = text.split("\n")
        new = "\n".join([lines[0], *edited.rstrip("\n").split("\n"), *lines[n - 1 :]])
    require_kept(text, new, PAPER, _old_lineage_words(front))
    before, after = read_paper(text, PAPER), read_paper(new, PAPER)
    if after.forked_from != lineage or _without(after) != _without(before):
        raise WriteRefusedError(
            "adding forked_from would change more than that key; the file was left unchanged",
            file=PAPER,
            hint="fix the front matter by hand (it may use a form the reader does not keep)",
        )
    return new


def _old_lineage_words(front: str | None) -> Counter[str]:
    """The words of a `forked_from` the fork replaces (a fork of a fork): those may go."""
    from arakit.codec import yamlio
    from arakit.codec.content import words

    if front is None:
        return Counter()
    data = yamlio.load(front, PAPER, line_offset=1)
    old = data.get("forked_from") if isinstance(data, dict) else None
    return words(yamlio.dump(old)) if old is not None else Counter()


def _without(paper: Any) -> dict[str, Any]:
    data = dict(paper.model_dump())
    data.pop("forked_from", None)
    return data


def with_root_node(text: str | None, node: dict[str, Any]) -> str:
    """exploration_tree.yaml text with `node` added as a new root where the file keeps its
    roots (`tree:`, `nodes:`, under a single `root:`, a stream), by the codec's trace editor;
    the rest unchanged. Raises WriteRefusedError when that cannot be done in place."""
    from arakit.codec.trace import read_trace, write_trace
    from arakit.codec.trace_update import update_trace_text
    from arakit.model.trace import Trace, TraceNode

    new_node = TraceNode.model_validate(node)
    if text is None or not text.strip():
        return write_trace(Trace(tree=[new_node]))
    before = read_trace(text, TRACE)
    after = before.model_copy(deep=True)
    after.tree.append(new_node)
    return update_trace_text(text, TRACE, before, after)


def fork(src: str | Path, dst: str | Path, *, today: dt.date | None = None) -> ForkResult:
    """Copy the artifact SRC to DST (new or empty) and record the lineage in the copy."""
    from arakit.codec.fs import atomic_write, read_text
    from arakit.codec.trace import read_trace
    from arakit.model.ids import next_id

    source, dest = Path(src), Path(dst)
    if not source.is_dir() or not is_artifact(source):
        raise NotAnArtifactError(
            f"{source}: not an artifact folder", hint="give the folder that holds PAPER.md"
        )
    if dest.exists() and (not dest.is_dir() or any(dest.iterdir())):
        raise UsageError(f"{dest}: exists and is not empty", hint="fork into a new folder")
    commit = _git_commit(source)
    date = (today or dt.date.today()).isoformat()
    lineage = {"source": str(source.resolve()), "commit": commit, "date": date}
    paper_text = read_text(source, PAPER) if (source / PAPER).is_file() else ""
    trace_text = read_text(source, TRACE) if (source / TRACE).is_file() else None
    ids = [n.id for n in read_trace(trace_text, TRACE).nodes()] if trace_text else []
    node_id = next_id("N", ids)
    node = {
        "id": node_id,
        "type": "decision",
        "title": f"Forked from {source.resolve().name}",
        "support_level": "explicit",
        "source_refs": [f"{lineage['source']}" + (f"@{commit[:12]}" if commit else "")],
        "provenance": "user",
        "timestamp": date,
        "choice": "start a new artifact from this one and cite it",
        "alternatives": ["extend the source artifact in place", "start from scratch"],
    }
    new_paper = with_lineage(paper_text, lineage)  # checked before anything is copied
    new_trace = with_root_node(trace_text, node)
    shutil.copytree(
        source,
        dest,
        symlinks=True,
        dirs_exist_ok=True,
        ignore=shutil.ignore_patterns(".git", ".ara-cache"),
    )
    atomic_write(dest / PAPER, new_paper)
    atomic_write(dest / TRACE, new_trace)
    files = sum(1 for p in dest.rglob("*") if p.is_file())
    return ForkResult(
        source=str(source),
        destination=str(dest),
        commit=commit,
        date=date,
        node=node_id,
        files=files,
    )
