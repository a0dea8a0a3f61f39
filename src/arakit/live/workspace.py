"""The live files of one artifact, loaded once per processing pass and written back atomically.

`find_artifact` says where the artifact is; `Workspace` holds the exploration tree, the staging
file, the manager's reasoning log and the live state (the last event processed), adds nodes
with the next free N ID, and writes only the files it changed.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from arakit.codec.fs import atomic_write
from arakit.codec.textfile import TextFile
from arakit.codec.trace import read_staging, read_trace
from arakit.codec.trace_update import update_staging_text, update_trace_text
from arakit.live.locate import find_artifact
from arakit.model.ids import next_id, normalize_id
from arakit.model.staging import StagedObservation, Staging
from arakit.model.trace import Trace, TraceNode

TRACE = "trace/exploration_tree.yaml"
STAGING = "staging/observations.yaml"
PM_LOG = "trace/pm_reasoning_log.yaml"
STATE = ".ara-cache/live-state.json"
SNAPSHOT = ".ara-cache/live-snapshot.json"
LOCK = ".ara-cache/live.lock"
PENDING = "[pending]"

__all__ = ["PENDING", "Workspace", "event_ref", "find_artifact", "processing_lock"]


@contextmanager
def processing_lock(root: Path) -> Iterator[None]:
    """Exclusive lock for one processing pass (the tree and staging are read-modify-written)."""
    path = root / LOCK
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def event_ref(seq: int) -> str:
    """The source_refs entry that ties a node or observation to its journal event."""
    return f"trace/events.jsonl#{seq}"


class Workspace:
    """Trace, staging, reasoning log and state of an artifact, edited in memory."""

    def __init__(self, root: Path) -> None:
        self.root = root
        snap_path = root / SNAPSHOT
        try:
            self._snap: dict[str, Any] = json.loads(snap_path.read_text())
        except (OSError, ValueError):
            self._snap = {}
        self.trace: Trace = self._cached(TRACE, Trace, read_trace)
        self.staging: Staging = self._cached(STAGING, Staging, read_staging)
        # the models as read: saving writes only what differs from them, into the files' text
        self._trace_read = self.trace.model_copy(deep=True)
        self._staging_read = self.staging.model_copy(deep=True)
        self.pm_turns: list[Any] = []  # turns added in this pass; the log is append-only
        try:
            self.state: dict[str, Any] = json.loads((root / STATE).read_text())
        except (OSError, ValueError):  # missing or damaged: rebuilt from the session records
            self.state = {"last_seq": self._processed_by_sessions()}
        self.state.setdefault("last_seq", 0)
        self.state.setdefault("left_branches", {})
        self._dirty: set[str] = set()
        self._seen_refs = {
            r for n in self.trace.nodes() for r in (n.source_refs or []) if isinstance(r, str)
        }
        self.nodes_added: list[str] = []

    def _processed_by_sessions(self) -> int:
        """The last event any session record covers: every processed event extends one."""
        last = 0
        for path in (self.root / "trace/sessions").glob("*.yaml"):
            m = re.search(r"^events:\s*\{first:\s*\d+,\s*last:\s*(\d+)\}", path.read_text(), re.M)
            if m:
                last = max(last, int(m.group(1)))
        return last

    def _cached(self, rel: str, model: Any, reader: Any) -> Any:
        """The file's model; from the JSON snapshot of our last write when the file is
        unchanged since (same size and mtime), else parsed from the YAML."""
        p = self.root / rel
        try:
            st = p.stat()
        except FileNotFoundError:
            return model()
        snap = self._snap.get(rel)
        if snap and snap.get("stamp") == [st.st_mtime_ns, st.st_size]:
            return model.model_validate(snap["data"])
        from arakit.codec.fs import read_text

        return reader(read_text(self.root, rel), rel)

    def _snapshot(self, rel: str, obj: Any) -> None:
        st = (self.root / rel).stat()
        self._snap[rel] = {"stamp": [st.st_mtime_ns, st.st_size], "data": obj.model_dump()}

    # -- trace ----------------------------------------------------------------------------
    def node(self, node_id: str) -> TraceNode | None:
        """The node with this ID, or None."""
        want = normalize_id(node_id)
        return next((n for n in self.trace.nodes() if n.id == want), None)

    def has_event_node(self, seq: int) -> bool:
        """True when a node or an observation already records this event (idempotence)."""
        if event_ref(seq) in self._seen_refs:
            return True
        return any(o.extra.get("source_event") == seq for o in self.staging.observations)

    def flat(self) -> bool:
        """True when the tree keeps its nodes side by side at the top and links them with
        `also_depends_on` (as several live recorders do) instead of nesting children."""
        top = len(self.trace.tree)
        nested = len(self.trace.nodes()) - top
        return top >= 3 and nested * 4 < top

    def add_node(self, node: TraceNode, parent: str | None = None) -> TraceNode:
        """Give the node the next free N ID and attach it under `parent` (or at the root).
        In a flat tree it joins the top level and names its parent in `also_depends_on`."""
        node.id = next_id("N", [n.id for n in self.trace.nodes()])
        holder = self.node(parent) if parent else None
        if holder is not None and self.flat():
            node.also_depends_on = [*(node.also_depends_on or []), holder.id]
            self.trace.tree.append(node)
        elif holder is not None and holder.type != "dead_end":
            holder.children.append(node)
        else:
            self.trace.tree.append(node)
        self._seen_refs.update(r for r in node.source_refs or [] if isinstance(r, str))
        self.nodes_added.append(node.id)
        self._dirty.add(TRACE)
        return node

    def current_question(self) -> str | None:
        """The latest question node: new journey nodes hang under it."""
        qs = [n.id for n in self.trace.nodes() if n.type == "question"]
        return qs[-1] if qs else None

    def touch_trace(self) -> None:
        """Mark the tree changed (after editing a node in place)."""
        self._dirty.add(TRACE)

    # -- staging --------------------------------------------------------------------------
    def observation(self, obs_id: str) -> StagedObservation | None:
        """The staged observation with this ID, or None."""
        want = normalize_id(obs_id)
        return next((o for o in self.staging.observations if normalize_id(o.id) == want), None)

    def add_observation(self, obs: StagedObservation) -> StagedObservation:
        """Stage an observation with the next free O ID (global: problem.md's O IDs count)."""
        used = [o.id for o in self.staging.observations] + self._problem_o_ids()
        if "source_event" in obs.extra:
            self._seen_refs.add(event_ref(int(obs.extra["source_event"])))
        obs.id = next_id("O", used)
        self.staging.observations.append(obs)
        self._dirty.add(STAGING)
        return obs

    def touch_staging(self) -> None:
        """Mark staging changed (after editing an observation in place)."""
        self._dirty.add(STAGING)

    def _problem_o_ids(self) -> list[str]:
        p = self.root / "logic/problem.md"
        if not p.exists():
            return []
        import re

        return re.findall(r"^###\s+(O\d+)\b", p.read_text(errors="replace"), flags=re.M)

    # -- reasoning log --------------------------------------------------------------------
    def reason(self, turn: dict[str, Any]) -> None:
        """Add one turn of the manager's reasoning (what it decided and why)."""
        self.pm_turns.append(turn)

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> list[str]:
        """Write what changed into each file, in place and in the file's own shape
        (atomically); returns the paths written. A file the edit cannot be made in is left
        as it is and the WriteRefusedError says why."""
        from arakit.live.reasoning_log import append_turns

        written = []
        if TRACE in self._dirty:
            self._edit(
                TRACE, lambda text: update_trace_text(text, TRACE, self._trace_read, self.trace)
            )
            self._snapshot(TRACE, self.trace)
            self._trace_read = self.trace.model_copy(deep=True)
            written.append(TRACE)
        if STAGING in self._dirty:
            self._edit(
                STAGING,
                lambda text: update_staging_text(text, STAGING, self._staging_read, self.staging),
            )
            self._snapshot(STAGING, self.staging)
            self._staging_read = self.staging.model_copy(deep=True)
            written.append(STAGING)
        if self.pm_turns:
            append_turns(self.root, self.pm_turns)
            self.pm_turns = []
            written.append(PM_LOG)
        atomic_write(self.root / STATE, json.dumps(self.state, indent=1, sort_keys=True))
        atomic_write(self.root / SNAPSHOT, json.dumps(self._snap))
        self._dirty.clear()
        return written

    def _edit(self, rel: str, change: Any) -> None:
        current = TextFile.read(self.root / rel, rel)
        if current is None:
            atomic_write(self.root / rel, change(None))
        else:
            current.write(change(current.text))
