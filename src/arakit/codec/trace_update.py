"""Write changes to the exploration tree and staging into their files, in the files' own shape.

A writer loads a model, changes it (adds nodes or observations, sets a field) and hands both
versions here. What changed is found on the models (so a value that merely reads differently
— a scalar `evidence:`, an unpadded ID — is never rewritten) and applied to the file's text by
the surgical YAML editor: nodes go where that file keeps nodes (`tree:`, `nodes:`, the
`root:` node's children, a stream), changed fields are replaced where they stand, and the
rest of the file stays byte for byte.
"""

from __future__ import annotations

import copy
from typing import Any

from arakit.codec import yamlio
from arakit.codec.trace import node_dict, trace_from_data, write_staging, write_trace
from arakit.codec.yamledit import edit_yaml
from arakit.model.staging import Staging, StagedObservation
from arakit.model.trace import ALIASES, Trace, TraceNode

__all__ = ["update_staging_text", "update_trace_text"]


def _keyed(items: list[Any]) -> dict[tuple[str, int], Any]:
    """Items by (id, occurrence): IDs written twice in a file stay apart."""
    seen: dict[str, int] = {}
    out: dict[tuple[str, int], Any] = {}
    for it in items:
        n = seen.get(it.id, 0)
        seen[it.id] = n + 1
        out[(it.id, n)] = it
    return out


def _at(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


def _own_fields(node: TraceNode) -> dict[str, Any]:
    d = dict(node_dict(node))
    d.pop("children", None)
    return d


def _raw_key(raw: dict[Any, Any], key: str) -> str:
    """The spelling the file uses for a field (`prior_direction` for `from`, say)."""
    if key in raw:
        return key
    return next((a for a in ALIASES.get(key, ()) if a in raw), key)


def _set_fields(raw: dict[Any, Any], before: dict[str, Any], after: dict[str, Any]) -> None:
    for key in [*before, *(k for k in after if k not in before)]:
        old, new = before.get(key), after.get(key)
        if old == new:
            continue
        rk = _raw_key(raw, key)
        if new is None:
            raw.pop(rk, None)
        else:
            raw[rk] = new


def update_trace_text(text: str | None, file: str, before: Trace, after: Trace) -> str:
    """The trace file's text with the changes from `before` to `after` made in place.

    `text` is the file as it is now (None when it does not exist yet: then the canonical
    form is written). Nodes are matched by ID; a node that is gone from the file since
    `before` was read is left alone. Raises WriteRefusedError when the edit cannot be made
    without touching more than the changes.
    """
    if text is None or not text.strip():
        return write_trace(after)
    loaded = yamlio.load_with_nodes(text, file)
    data = loaded[0]
    current = trace_from_data(data, text, file)  # reads `data`, never changes it
    new_data = copy.deepcopy(data)
    where = {k: n.src_path for k, n in _keyed(current.nodes()).items()}
    old = _keyed(before.nodes())
    parents: dict[int, TraceNode | None] = {}
    for root in after.tree:
        parents[id(root)] = None
        for n in root.walk():
            for c in n.children:
                parents[id(c)] = n
    after_keyed = _keyed(after.nodes())
    key_of = {id(n): k for k, n in after_keyed.items()}
    for key, node in after_keyed.items():
        if key in old:
            path = where.get(key)
            if path is not None:
                _set_fields(_at(new_data, path), _own_fields(old[key]), _own_fields(node))
            continue
        parent = parents.get(id(node))
        pkey = key_of.get(id(parent)) if parent is not None else None
        if pkey is not None and pkey not in old and current.form != "streams":
            continue  # written inside its new parent
        path = _add_node(new_data, current, where.get(pkey) if pkey else None, node)
        if path is not None:
            where[key] = path
    return edit_yaml(text, file, new_data, loaded)


def _add_node(
    data: Any, current: Trace, parent_path: tuple[Any, ...] | None, node: TraceNode
) -> tuple[Any, ...] | None:
    """Put a new node where this file keeps nodes; returns its path for the streams form."""
    value = dict(node_dict(node))
    if current.form == "streams":
        # the new item names its parent (also_depends_on) instead of the parent's `children:`
        # list being rewritten: the stream only grows
        value.pop("children", None)
        stream = parent_path[0] if parent_path else current.streams[0]
        if parent_path is not None:
            parent_id = _at(data, parent_path).get("id")
            deps = [d for d in value.get("also_depends_on") or [] if d != parent_id]
            value["also_depends_on"] = [*deps, parent_id]
        data[stream].append(value)
        return (stream, len(data[stream]) - 1)
    if parent_path is not None:
        holder = _at(data, parent_path)
    elif current.form == "list":
        data.append(value)
        return None
    elif current.form == "root":  # one root: everything else hangs under it
        holder = data["root"]
    else:
        key = current.form if current.form in ("tree", "nodes") else "tree"
        if not isinstance(data.get(key), list):
            data[key] = []
        data[key].append(value)
        return None
    kids = holder.get("children")
    holder["children"] = [*kids, value] if isinstance(kids, list) else [value]
    return None


# -- staging ----------------------------------------------------------------------------------
def _obs_fields(o: StagedObservation) -> dict[str, Any]:
    d = {k: v for k, v in o.model_dump(exclude={"extra", "comments"}).items() if v is not None}
    d.update(o.extra)
    return d


def update_staging_text(text: str | None, file: str, before: Staging, after: Staging) -> str:
    """staging/observations.yaml with the changes from `before` to `after` made in place.
    New observations take the key names their siblings use (`timestamp` for `created`)."""
    if text is None or not text.strip():
        return write_staging(after)
    loaded = yamlio.load_with_nodes(text, file)
    new_data = copy.deepcopy(loaded[0])
    if isinstance(new_data, list):  # a bare list of observations
        items = new_data
    else:
        if not isinstance(new_data, dict):
            new_data = {"observations": []}
        found = new_data.get("observations")
        items = found if isinstance(found, list) else []
        new_data["observations"] = items
    raw_by_key = _keyed_raw(items)
    old = _keyed(before.observations)
    siblings_use_timestamp = any(
        isinstance(x, dict) and "timestamp" in x and "created" not in x for x in items
    )
    for key, o in _keyed(after.observations).items():
        if key in old:
            raw = raw_by_key.get(key)
            if raw is not None:
                _set_fields(raw, _obs_fields(old[key]), _obs_fields(o))
            continue
        value = _obs_fields(o)
        if siblings_use_timestamp and "created" in value:
            value = {("timestamp" if k == "created" else k): v for k, v in value.items()}
        items.append(value)
    return edit_yaml(text, file, new_data, loaded)


def _keyed_raw(items: list[Any]) -> dict[tuple[str, int], dict[Any, Any]]:
    from arakit.model.ids import normalize_id

    seen: dict[str, int] = {}
    out: dict[tuple[str, int], dict[Any, Any]] = {}
    for it in items:
        if not isinstance(it, dict):
            continue
        oid = str(it.get("id", "") or "")
        n = seen.get(oid, 0)
        seen[oid] = n + 1
        out[(oid, n)] = it
        norm = normalize_id(oid) if oid else oid
        if norm != oid:
            out.setdefault((norm, n), it)
    return out
