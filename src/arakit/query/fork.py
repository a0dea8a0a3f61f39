"""`ara fork SRC DST`: a new artifact that cites its source instead of copying it silently.

The fork is a byte-for-byte copy of SRC, then two surgical edits: PAPER.md's front matter
gains `forked_from` (source, commit, date), and the trace gains a root decision node that
records the fork. Each edit inserts text made by the codec's YAML writer, leaves every
other byte as it was, and is checked by reading the file back through the codec: if the
reader does not see exactly the old content plus the addition, nothing is written.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from arakit.errors import NotAnArtifactError, UsageError
from arakit.query.index import is_artifact

PAPER, TRACE = "PAPER.md", "trace/exploration_tree.yaml"
_TOP_KEY = ("#", " ", "-", "\t")


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


def _key_span(lines: list[str], key: str) -> tuple[int, int] | None:
    """Lines [start, end) of a top-level YAML key and its indented value, or None."""
    for i, line in enumerate(lines):
        if line.startswith(f"{key}:"):
            j = i + 1
            while j < len(lines) and (not lines[j].strip() or lines[j].startswith(_TOP_KEY)):
                j += 1
            while j > i + 1 and not lines[j - 1].strip():
                j -= 1
            return i, j
    return None


def with_lineage(text: str, lineage: dict[str, Any]) -> str:
    """PAPER.md text with `forked_from` set in its front matter (replacing an older one);
    every other byte unchanged. Raises ParseError on a broken front matter."""
    from arakit.codec import yamlio
    from arakit.codec.markdown import split_front_matter
    from arakit.codec.paper import read_paper

    fragment = yamlio.dump({"forked_from": lineage}).rstrip("\n").split("\n")
    front, _body, n = split_front_matter(text, PAPER)
    lines = text.split("\n")
    if front is None:
        new = "\n".join(["---", *fragment, "---", "", text])
    else:
        head = lines[1 : n - 1]
        span = _key_span(head, "forked_from")
        if span:
            head[span[0] : span[1]] = fragment
        else:
            head += fragment
        new = "\n".join([lines[0], *head, *lines[n - 1 :]])
    before, after = read_paper(text, PAPER), read_paper(new, PAPER)
    if after.forked_from != lineage or _without(after) != _without(before):
        raise UsageError(
            f"{PAPER}: adding forked_from would change more than that key",
            hint="fix the front matter by hand (it may use a form the reader does not keep)",
        )
    return new


def _without(paper: Any) -> dict[str, Any]:
    data = dict(paper.model_dump())
    data.pop("forked_from", None)
    return data


def with_root_node(text: str | None, node: dict[str, Any]) -> str:
    """exploration_tree.yaml text with `node` appended as a new root; the rest unchanged."""
    from arakit.codec import yamlio
    from arakit.codec.trace import read_trace, write_trace
    from arakit.model.trace import Trace

    if text is None or not text.strip():
        from arakit.model.trace import TraceNode

        return write_trace(Trace(tree=[TraceNode.model_validate(node)]))
    old = read_trace(text, TRACE)
    lines = text.rstrip("\n").split("\n")
    span = _key_span(lines, "tree")
    if span is None:
        raise UsageError(f"{TRACE}: no top-level `tree:` list to add the fork's root node to")
    items = [ln for ln in lines[span[0] + 1 : span[1]] if ln.lstrip().startswith("- ")]
    indent = (len(items[0]) - len(items[0].lstrip())) if items else 2
    block = yamlio.dump([node]).rstrip("\n").split("\n")
    block = [" " * indent + ln for ln in block]
    if span[1] == span[0] + 1 and lines[span[0]].split(":", 1)[1].strip() in ("", "[]"):
        lines[span[0]] = "tree:"
    new_lines = lines[: span[1]] + block + lines[span[1] :]
    new = "\n".join(new_lines) + "\n"
    after = read_trace(new, TRACE)
    old_roots = [n.model_dump() for n in old.tree]
    new_roots = [n.model_dump() for n in after.tree]
    if new_roots[: len(old_roots)] != old_roots or len(new_roots) != len(old_roots) + 1:
        raise UsageError(
            f"{TRACE}: adding the fork's root node would change more than that node",
            hint="the file uses a layout the fork cannot extend safely; add the node by hand",
        )
    return new


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
