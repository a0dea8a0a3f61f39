"""trace/exploration_tree.yaml and staging/observations.yaml ⇄ Trace and Staging."""

from __future__ import annotations

import re
from typing import Any

from arakit.codec import yamlio
from arakit.errors import ParseError
from arakit.model.base import SourcePos
from arakit.model.ids import normalize_id
from arakit.model.staging import StagedObservation, Staging
from arakit.model.trace import NODE_KEYS, Trace, TraceNode

_LIST_KEYS = ("source_refs", "evidence", "alternatives")
_ID_LIST_KEYS = ("also_depends_on",)
_MAX_DEPTH = 150


def _line(obj: Any, default: int | None = None) -> int | None:
    return getattr(obj, "line", default)


def _header(text: str) -> str:
    """The comment block a YAML file opens with (other tools describe the file there)."""
    if not text.lstrip("\ufeff").startswith("#"):
        return ""
    lines = []
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            break
        lines.append(line.rstrip())
    return "\n".join(lines).strip("\n")


_KEY_LINE = re.compile(r"^(?P<ind> *)(?P<dash>- +)?(?P<key>[A-Za-z_][\w-]*) *:(?P<rest>.*)$")
_BLOCK_INDICATOR = re.compile(r"^ *[|>][-+0-9]* *(#.*)?$")


def _eol_comment(rest: str) -> str:
    """The comment ending a `key: value` line, if the value before it is complete."""
    pos = rest.find(" #")
    while pos != -1:
        value = rest[:pos].strip()
        if _complete(value):
            return rest[pos:].strip()
        pos = rest.find(" #", pos + 1)
    return "#" + rest.strip()[1:] if rest.strip().startswith("#") else ""


def _complete(value: str) -> bool:
    if not value or value[0] not in "\"'[{":
        return True  # a plain scalar ends at " #"
    pairs = {'"': '"', "'": "'", "[": "]", "{": "}"}
    return len(value) > 1 and value.endswith(pairs[value[0]])


def _comments(text: str) -> tuple[dict[int, str], dict[int, str]]:
    """End-of-line comments by line, and the comment lines above a line, by that line.

    Lines inside block scalars are content, not comments; the file's header block is kept
    separately (`_header`)."""
    eol: dict[int, str] = {}
    above: dict[int, str] = {}
    pending: list[str] = []
    block_col: int | None = None
    lines = text.split("\n")
    header = _header(text)
    start = len(header.split("\n")) if header else 0
    for no, line in enumerate(lines[start:], start + 1):
        if block_col is not None:
            if not line.strip() or len(line) - len(line.lstrip(" ")) > block_col:
                continue
            block_col = None
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            pending.append(line.strip())
            continue
        if pending:
            above[no], pending = "\n".join(pending), []
        m = _KEY_LINE.match(line)
        if m:
            rest = m.group("rest")
            if _BLOCK_INDICATOR.match(rest):
                block_col = len(m.group("ind")) + len(m.group("dash") or "")
            comment = _eol_comment(rest)
            if comment:
                eol[no] = comment
    return eol, above


def _attach_comments(nodes: list[Any], raw: list[Any], text: str) -> None:
    """Give each node (or staged observation) the comments written on or above its keys."""
    eol, above = _comments(text)
    if not eol and not above:
        return
    for node, d in zip(nodes, raw, strict=False):
        lines = getattr(d, "key_lines", {})
        for key, line in lines.items():
            if line in eol:
                node.comments[str(key)] = eol[line]
            if line in above:
                node.comments[f"^{key}"] = above[line]
        if (
            isinstance(d, dict)
            and isinstance(d.get("children"), list)
            and hasattr(node, "children")
        ):
            _attach_comments(node.children, d["children"], text)


def _with_header(header: str, body: str, footer: str = "") -> str:
    out = header + "\n\n" + body if header else body
    return out + "\n" + footer + "\n" if footer else out


def _footer(text: str) -> str:
    """The comment block a YAML file ends with (a summary, a stream's notes)."""
    lines = text.rstrip("\n").split("\n")
    k = len(lines)
    while k > 0 and (not lines[k - 1].strip() or lines[k - 1].lstrip().startswith("#")):
        k -= 1
    block = [ln.rstrip() for ln in lines[k:]]
    if not any(ln.strip() for ln in block) or k == 0:
        return ""
    return "\n".join(block).strip("\n")


def _top_comments(data: Any, text: str) -> dict[str, str]:
    """Comments on and above the top-level keys (section banners between streams)."""
    if "#" not in text or not isinstance(data, yamlio.Located):
        return {}
    eol, above = _comments(text)
    out: dict[str, str] = {}
    for key, line in data.key_lines.items():
        if line in eol:
            out[str(key)] = eol[line]
        if line in above:
            out[f"^{key}"] = above[line]
    return out


def read_trace(text: str, file: str = "trace/exploration_tree.yaml") -> Trace:
    """Parse the exploration tree in any of its forms (`tree:`, `nodes:`, a bare list, a single
    `root:` node, an `ara-2.0` streams document). Shapes that are none of these are refused
    with their line; every node remembers where it sits in the file (`src_path`)."""
    return trace_from_data(yamlio.load(text, file), text, file)


def trace_from_data(data: Any, text: str, file: str = "trace/exploration_tree.yaml") -> Trace:
    """The trace of a file already loaded with `yamlio.load` (`text` gives its comments)."""
    header = _header(text)
    if data is None:
        return Trace.build(header=header, pos=SourcePos.build(file=file, line=1))
    if isinstance(data, list):  # a bare list of nodes, as some tools write it
        nodes = _node_list(data, file, 1, 0, ())
        if "#" in text:
            _attach_comments(nodes, data, text)
        return Trace.build(
            tree=nodes, header=header, form="list", pos=SourcePos.build(file=file, line=1)
        )
    if not isinstance(data, dict):
        raise ParseError(
            "expected a mapping with a `tree:` list of nodes",
            file=file,
            line=1,
            hint="start the file with `tree:` and list nodes under it "
            "(docs/format.md#exploration-tree)",
        )
    if "tree" in data and "root" in data:
        raise ParseError(
            "the file has both `tree:` and `root:`; readers disagree on which one is the trace",
            file=file,
            line=data.key_lines.get("root", 1) if isinstance(data, yamlio.Located) else 1,
            hint="keep one: move the `root:` node into the `tree:` list (ara check --fix does)",
        )
    form, key = "tree", "tree"
    if "tree" not in data and isinstance(data.get("nodes"), list):
        form = key = "nodes"  # some tools name the list `nodes:`
    elif "tree" not in data and isinstance(data.get("root"), dict):
        form = key = "root"  # one root node (upstream's visualizer and ara-cli accept it)
    elif "tree" not in data and (streams := _stream_keys(data)):
        return _read_streams(data, streams, text, file, header)
    tree = data.get(key)
    extra = {str(k): v for k, v in data.items() if k != key}
    if form == "root":
        nodes = [_node(tree, file, _line(data, 1), 0, (key,))]
        raw_list: list[Any] = [tree]
    else:
        nodes = _node_list(tree, file, _line(data, 1), 0, (key,)) if tree is not None else []
        raw_list = tree if isinstance(tree, list) else []
    if "#" in text and raw_list:
        _attach_comments(nodes, raw_list, text)
    return Trace.build(
        tree=nodes,
        extra=extra,
        header=header,
        footer=_footer(text),
        key_comments=_top_comments(data, text),
        form=form,
        pos=SourcePos.build(file=file, line=1),
    )


def _stream_keys(data: dict[Any, Any]) -> list[str]:
    """Top-level keys of an `ara-2.0` document that hold node lists (`official_stream:` ...)."""
    return [
        str(k)
        for k, v in data.items()
        if str(k).endswith("stream")
        and isinstance(v, list)
        and v
        and all(isinstance(x, dict) and "id" in x for x in v)
    ]


def _read_streams(
    data: dict[Any, Any], streams: list[str], text: str, file: str, header: str
) -> Trace:
    """An `ara-2.0` streams document: every stream item is a node; `children: [O02]` names
    children by ID. A node listed under several parents hangs under the first and records
    the others in `also_depends_on`; a node no one lists is a root."""
    flat: list[TraceNode] = []
    kids: dict[int, list[str]] = {}
    for key in streams:
        for i, item in enumerate(data[key]):
            child_ids = item.get("children")
            shell = {k: v for k, v in item.items() if k != "children"}
            if isinstance(item, yamlio.Located):
                shell = yamlio.Located(shell)
                shell.line, shell.key_lines = item.line, item.key_lines
            node = _node(shell, file, _line(item, 1), 0, (key, i))
            if isinstance(child_ids, list) and all(isinstance(c, (str, int)) for c in child_ids):
                kids[id(node)] = [normalize_id(str(c)) for c in child_ids]
                node.extra["children"] = child_ids  # kept as written: an ID list
            elif child_ids is not None:
                node.extra["children"] = child_ids
            flat.append(node)
        if "#" in text:
            _attach_comments(flat[-len(data[key]) :], data[key], text)
    by_id = {n.id: n for n in reversed(flat)}  # the first node of an ID wins
    placed: set[int] = set()
    for n in flat:
        for cid in kids.get(id(n), []):
            child = by_id.get(cid)
            if child is None or child is n:
                continue
            if id(child) in placed or _is_ancestor(child, n, kids, by_id):
                child.also_depends_on = [*(child.also_depends_on or []), n.id]
                continue
            placed.add(id(child))
            n.children.append(child)
    roots = [n for n in flat if id(n) not in placed]
    extra = {str(k): v for k, v in data.items() if str(k) not in streams}
    return Trace.build(
        tree=roots,
        extra=extra,
        header=header,
        footer=_footer(text),
        key_comments=_top_comments(data, text),
        form="streams",
        streams=streams,
        pos=SourcePos.build(file=file, line=1),
    )


def _is_ancestor(
    node: TraceNode, of: TraceNode, kids: dict[int, list[str]], by_id: dict[str, TraceNode]
) -> bool:
    """True when `node` reaches `of` through children lists (nesting it would make a cycle)."""
    seen: set[int] = set()
    stack = [node]
    while stack:
        cur = stack.pop()
        if cur is of:
            return True
        if id(cur) in seen:
            continue
        seen.add(id(cur))
        stack.extend(by_id[c] for c in kids.get(id(cur), []) if c in by_id)
    return False


def _node_list(
    items: Any, file: str, line: int | None, depth: int, path: tuple[Any, ...]
) -> list[TraceNode]:
    if not isinstance(items, list):
        raise ParseError(
            f"expected a list of nodes, got {type(items).__name__}",
            file=file,
            line=_line(items, line),
            hint="write each node as `- id: N01` under the key",
        )
    if depth > _MAX_DEPTH:
        raise ParseError(f"trace nested deeper than {_MAX_DEPTH} levels", file=file, line=line)
    return [
        _node(item, file, _line(items, line), depth, (*path, i)) for i, item in enumerate(items)
    ]


def _node(d: Any, file: str, line: int | None, depth: int, path: tuple[Any, ...]) -> TraceNode:
    if not isinstance(d, dict):
        raise ParseError(
            f"expected a node mapping (id, type, title, ...), got {d!r:.60}",
            file=file,
            line=_line(d, line),
            hint="each list item must be `- id: N..`",
        )
    line = _line(d, line)
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for k, v in d.items():
        key = str(k)
        if key == "children":
            if v == []:
                extra["children"] = []  # written as `children: []`: kept that way
            else:
                values["children"] = (
                    _node_list(v, file, line, depth + 1, (*path, "children"))
                    if v is not None
                    else []
                )
        elif key in _ID_LIST_KEYS and isinstance(v, (list, str)):
            items = v if isinstance(v, list) else [v]
            if all(isinstance(x, (str, int)) and not isinstance(x, bool) for x in items):
                values[key] = [normalize_id(str(x)) for x in items]
            else:
                extra[key] = v
        elif key in _LIST_KEYS and v is not None:
            values[key] = list(v) if isinstance(v, list) else [v]
        elif key in NODE_KEYS:
            if v is None:
                extra[key] = v if key != "id" else None
            elif isinstance(v, (dict, list)):
                extra[key] = v  # a structured value where text was expected: kept untouched
            else:
                values["from_" if key == "from" else key] = (
                    str(v) if not isinstance(v, bool) else str(v).lower()
                )
        else:
            extra[key] = v
    node_id = values.pop("id", "")
    return TraceNode.build(
        id=normalize_id(node_id) if node_id else "",
        **values,
        extra=extra,
        src_path=path,
        pos=SourcePos.build(file=file, line=line),
    )


def node_dict(n: TraceNode) -> dict[str, Any]:
    """A node as a mapping in canonical key order (children last), carrying its comments."""
    out: dict[str, Any] = yamlio.Commented()
    out.comments = n.comments  # type: ignore[attr-defined]
    for key in NODE_KEYS:
        if key == "children":
            continue
        v = n.get(key) if key not in n.extra else None
        if key == "id":
            v = n.id or None  # a node written without an id gets none (never `id: ""`)
        if v is not None:
            out[key] = v
    for k, v in n.extra.items():
        out[k] = v
    if n.children:
        out["children"] = [node_dict(c) for c in n.children]
    return out


def write_trace(trace: Trace) -> str:
    """Canonical exploration_tree.yaml."""
    data: dict[str, Any] = yamlio.Commented(tree=[node_dict(n) for n in trace.tree])
    data.update(trace.extra)
    data.comments = {  # type: ignore[attr-defined]
        k: v for k, v in trace.key_comments.items() if k.lstrip("^") in data
    }
    return _with_header(trace.header, yamlio.dump(data), trace.footer)


# -- staging ----------------------------------------------------------------------------------


def read_staging(text: str, file: str = "staging/observations.yaml") -> Staging:
    """Parse staged observations."""
    data = yamlio.load(text, file)
    if data is None:
        return Staging.build(header=_header(text), pos=SourcePos.build(file=file, line=1))
    form = "observations"
    if isinstance(data, list):  # a bare list of observations (the first Live PM wrote this)
        data, form = yamlio.Located(observations=data), "list"
    if not isinstance(data, dict) or not isinstance(data.get("observations", []), list):
        raise ParseError(
            "expected `observations:` followed by a list",
            file=file,
            line=_line(data, 1),
            hint="see docs/format.md#staging",
        )
    obs = []
    for item in data.get("observations") or []:
        if not isinstance(item, dict):
            raise ParseError(
                f"expected an observation mapping, got {item!r:.60}",
                file=file,
                line=_line(data.get("observations"), 1),
            )
        values: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for k, v in item.items():
            key = str(k)
            field = StagedObservation.model_fields.get(key)
            if key in ("pos", "extra", "comments") or field is None:
                extra[key] = v
            elif key in ("promoted", "stale"):
                (values.__setitem__(key, v) if isinstance(v, bool) else extra.__setitem__(key, v))
            elif key == "bound_to":
                vs = v if isinstance(v, list) else [v]
                if all(isinstance(x, str) for x in vs):
                    values[key] = vs
                else:
                    extra[key] = v
            elif v is None or isinstance(v, (dict, list)):
                extra[key] = v
            else:
                values[key] = str(v)
        values.setdefault("id", "")
        obs.append(
            StagedObservation.build(
                **values, extra=extra, pos=SourcePos.build(file=file, line=_line(item, 1))
            )
        )
    if "#" in text:
        _attach_comments(obs, data.get("observations") or [], text)
    extra_top = {str(k): v for k, v in data.items() if k != "observations"}
    return Staging.build(
        observations=obs,
        extra=extra_top,
        form=form,
        header=_header(text),
        footer=_footer(text),
        key_comments=_top_comments(data, text),
        pos=SourcePos.build(file=file, line=1),
    )


def write_staging(staging: Staging) -> str:
    """Canonical staging/observations.yaml."""
    items = []
    for o in staging.observations:
        d = yamlio.Commented(
            (k, v)
            for k, v in o.model_dump(exclude={"extra", "comments"}).items()
            if v is not None and not (k == "id" and v == "")
        )
        d.update(o.extra)
        d.comments = o.comments
        items.append(d)
    data: dict[str, Any] = yamlio.Commented(observations=items)
    data.update(staging.extra)
    data.comments = {  # type: ignore[attr-defined]
        k: v for k, v in staging.key_comments.items() if k.lstrip("^") in data
    }
    return _with_header(staging.header, yamlio.dump(data), staging.footer)
