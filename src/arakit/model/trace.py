"""trace/exploration_tree.yaml: the research DAG (questions, experiments, decisions, dead ends, pivots)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import Field

from arakit.model.base import AraModel

NODE_TYPES = ("question", "experiment", "decision", "dead_end", "pivot")
# Types other writers use that the format does not define: read and kept (upstream's own
# resnet example has an `insight`; the-ara-of-ara has `observation` nodes).
OTHER_NODE_TYPES = ("insight", "observation")
SUPPORT_LEVELS = ("explicit", "inferred")
# Fields each node type must carry (ARA-FORMAT.md, trace/exploration_tree.yaml).
REQUIRED_BY_TYPE: dict[str, tuple[str, ...]] = {
    "question": ("description",),
    "experiment": ("result",),
    "decision": ("choice", "alternatives"),
    "dead_end": ("hypothesis", "failure_mode", "lesson"),
    "pivot": ("from", "to", "trigger"),
}
# Other spellings of a field, as other writers use them. Equivalent for every reader: upstream's
# own live example and ara-cli write pivots as prior_direction/new_direction/reason; ara-cli
# reads `reason` on a dead end as why it failed. The file keeps the spelling it was written in.
ALIASES: dict[str, tuple[str, ...]] = {
    "from": ("prior_direction",),
    "to": ("new_direction",),
    "trigger": ("reason",),
    "failure_mode": ("why_failed", "reason"),
    "result": ("outcome",),
    "description": ("question",),
    "title": ("name",),
}
# The forms a trace file can take (`Trace.form`): `tree:` list (the format), `nodes:` list,
# a bare list, a single `root:` node, or an `ara-2.0` document of `*_stream` lists whose
# items name their children by ID.
TRACE_FORMS = ("tree", "nodes", "list", "root", "streams")
# Known keys in canonical order. `from` is a Python keyword, hence the attribute `from_`.
NODE_KEYS = (
    "id",
    "type",
    "title",
    "support_level",
    "source_refs",
    "provenance",
    "timestamp",
    "status",
    "description",
    "result",
    "evidence",
    "choice",
    "alternatives",
    "hypothesis",
    "failure_mode",
    "lesson",
    "from",
    "to",
    "trigger",
    "also_depends_on",
    "children",
)


class TraceNode(AraModel):
    """One node of the exploration DAG; unknown keys are kept in `extra`."""

    id: str
    type: str | None = None
    title: str | None = None
    support_level: str | None = None
    source_refs: list[Any] | None = None
    provenance: str | None = None
    timestamp: str | None = None
    status: str | None = None
    description: str | None = None
    result: str | None = None
    evidence: list[Any] | None = None
    choice: str | None = None
    alternatives: list[Any] | None = None
    hypothesis: str | None = None
    failure_mode: str | None = None
    lesson: str | None = None
    from_: str | None = None
    to: str | None = None
    trigger: str | None = None
    also_depends_on: list[str] | None = None
    children: list[TraceNode] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    # comments written in the file: key -> end-of-line comment, "^key" -> lines above the key
    comments: dict[str, str] = Field(default_factory=dict)
    # where the node's mapping sits in the file's data (keys and list indexes); writers use
    # it to edit that mapping in place. Not part of the node's value.
    src_path: tuple[Any, ...] | None = Field(default=None, exclude=True, repr=False)

    def get(self, key: str) -> Any:
        """A field by its YAML key (`from` included)."""
        if key == "from":
            return self.from_
        if key in self.extra:
            return self.extra[key]
        return getattr(self, key, None)

    def field(self, key: str) -> Any:
        """A field by its format name, or by another writer's spelling of it (ALIASES):
        `field("from")` reads `prior_direction` when `from` is absent."""
        v = self.get(key)
        if v is None or v == "" or v == []:
            for alias in ALIASES.get(key, ()):
                if alias == "reason" and key == "failure_mode" and self.type != "dead_end":
                    continue
                if alias == "reason" and key == "trigger" and self.type == "dead_end":
                    continue
                alt = self.get(alias)
                if alt is not None and alt != "":
                    return alt
        return v

    def walk(self) -> Iterator[TraceNode]:
        """This node and every descendant, depth first."""
        yield self
        for child in self.children:
            yield from child.walk()


class Trace(AraModel):
    """The exploration tree; top-level keys besides `tree` are kept in `extra`."""

    tree: list[TraceNode] = Field(default_factory=list)
    extra: dict[str, Any] = Field(default_factory=dict)
    header: str = ""  # the `#` comment lines the file opens with, kept as written
    footer: str = ""  # the `#` comment lines the file ends with, kept as written
    # comments at the top level: key -> end-of-line comment, "^key" -> lines above the key
    key_comments: dict[str, str] = Field(default_factory=dict)
    form: str = "tree"  # how the file lists its nodes (TRACE_FORMS)
    streams: list[str] = Field(default_factory=list)  # form "streams": the stream keys read

    def nodes(self) -> list[TraceNode]:
        """Every node, depth first, in file order."""
        return [n for root in self.tree for n in root.walk()]
