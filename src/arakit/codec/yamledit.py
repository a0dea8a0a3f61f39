"""Surgical edits of YAML text: the writer says what the data should become, and only the
spans that differ are rewritten; comments, quoting, indentation and key order elsewhere stay
byte for byte.

`edit_yaml(text, file, new_data)` compares the data the text holds with `new_data` over the
text's node tree and turns each difference into one small splice: a changed scalar is
replaced where it stands, new list items go after the last item, new keys after the last
key, a removed key takes its lines with it. The result is re-read: it must hold exactly
`new_data`, and every word of the original outside the spans meant to change must still be
there. Otherwise nothing is returned and `WriteRefusedError` says why.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from typing import Any

from arakit.codec import yamlio
from arakit.codec.content import require_kept, words
from arakit.errors import WriteRefusedError

__all__ = ["edit_yaml", "same_data"]


@dataclass
class _Splice:
    start: int
    end: int
    text: str
    old: tuple[Any, ...] = ()  # nodes whose values are meant to change (their words may go)


def _node_words(text: str, nodes: tuple[Any, ...]) -> Counter[str]:
    """Words of the keys and scalars under some nodes, as written, but not of the comments
    between them: a comment is never part of a value that changes."""
    out: Counter[str] = Counter()
    stack = list(nodes)
    while stack:
        n = stack.pop()
        if isinstance(n.value, list):
            for x in n.value:
                stack.extend(x if isinstance(x, tuple) else (x,))
        else:
            out += words(text[n.start_mark.index : n.end_mark.index])
    return out


def same_data(a: Any, b: Any) -> bool:
    """Deep equality of loaded YAML data, with NaN equal to NaN and dict order ignored."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_data(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_data(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and isinstance(b, float) and math.isnan(a) and math.isnan(b):
        return True
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    return bool(a == b)


def edit_yaml(text: str, file: str, new_data: Any, loaded: tuple[Any, Any] | None = None) -> str:
    """`text` changed as little as possible so that it loads as `new_data`.

    Raises ParseError when `text` is not YAML and WriteRefusedError when the edit cannot be
    made without touching more than the differences (the caller then leaves the file alone).
    `loaded` is `yamlio.load_with_nodes(text, file)` when the caller has it already.
    """
    old_data, root = loaded if loaded is not None else yamlio.load_with_nodes(text, file)
    if same_data(old_data, new_data):
        return text
    if old_data is None:  # empty or comments only: keep them, add the data below
        head = text.rstrip("\n")
        out = (head + "\n" if head else "") + yamlio.dump(new_data)
        return _verified(text, out, file, new_data, [])
    ed = _Editor(text, file)
    ed.diff(root, old_data, new_data, indent=0, flow=False)
    out = ed.apply()
    return _verified(text, out, file, new_data, ed.splices)


def _verified(before: str, after: str, file: str, want: Any, splices: list[_Splice]) -> str:
    try:
        got = yamlio.load(after, file)
    except Exception as e:  # the edit broke the syntax: never write that
        raise WriteRefusedError(
            f"an edit would leave the YAML unreadable ({e}); the file was left unchanged",
            file=file,
            hint="report this with the file: arakit's YAML editor met a shape it cannot edit",
        ) from None
    if not same_data(got, want):
        raise WriteRefusedError(
            "an edit would change more than the values it meant to; the file was left unchanged",
            file=file,
            hint="edit the file by hand, or run `ara fmt --to-canonical` to rewrite it first",
        )
    allowed: Counter[str] = Counter()
    for s in splices:
        allowed += _node_words(before, s.old)
    require_kept(before, after, file, allowed)
    return after


class _Editor:
    """Collects splices against the original text while walking old and new data together."""

    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        self.splices: list[_Splice] = []
        self.key_end: dict[int, int] = {}  # value node id -> index just past its key's colon

    # -- positions --------------------------------------------------------------------------
    def line_end(self, i: int) -> int:
        j = self.text.find("\n", i)
        return len(self.text) if j == -1 else j

    def line_start(self, i: int) -> int:
        return self.text.rfind("\n", 0, i) + 1

    def content_end(self, node: Any) -> int:
        """Index of the newline ending the last line that holds the node's own content (so
        that trailing blank lines and comments that introduce the next entry stay after it)."""
        from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

        if isinstance(node, MappingNode) and not node.flow_style and node.value:
            k, v = node.value[-1]
            last = k if isinstance(v, ScalarNode) and v.start_mark.index == v.end_mark.index else v
            return self.content_end(last)
        if isinstance(node, SequenceNode) and not node.flow_style and node.value:
            last = node.value[-1]
            if isinstance(last, ScalarNode) and last.start_mark.index == last.end_mark.index:
                return self.line_end(last.start_mark.index)
            return self.content_end(last)
        end = node.end_mark.index
        start = node.start_mark.index
        while end > start and self.text[end - 1] in " \t\n":
            end -= 1
        return self.line_end(max(end - 1, start))

    # -- the walk ---------------------------------------------------------------------------
    def diff(self, node: Any, old: Any, new: Any, *, indent: int, flow: bool) -> None:
        """Record the splices that turn `old` (held by `node`) into `new`.

        `indent` is the column where the content of a block value at this place starts.
        """
        from ruamel.yaml.nodes import MappingNode, SequenceNode

        if same_data(old, new):
            return
        if isinstance(node, MappingNode) and isinstance(old, dict) and isinstance(new, dict):
            merge = any(yamlio._tag(k) == "tag:yaml.org,2002:merge" for k, _ in node.value)
            if node.flow_style or merge:
                return self.replace(node, old, new, indent=indent, flow=bool(node.flow_style))
            self.mapping(node, old, new)
            return
        if isinstance(node, SequenceNode) and isinstance(old, list) and isinstance(new, list):
            n = len(old)
            if len(new) > n and all(same_data(a, b) for a, b in zip(old, new[:n], strict=False)):
                self.append(node, new[n:], indent=indent)
                return
            if len(new) >= n and not node.flow_style:
                for item_node, a, b in zip(node.value, old, new[:n], strict=True):
                    self.diff(item_node, a, b, indent=item_node.start_mark.column, flow=False)
                if len(new) > n:
                    self.append(node, new[n:], indent=indent)
                return
        self.replace(
            node, old, new, indent=indent, flow=flow or bool(getattr(node, "flow_style", False))
        )

    def mapping(self, node: Any, old: dict[Any, Any], new: dict[Any, Any]) -> None:
        col = node.start_mark.column
        pairs = [
            (yamlio._scalar(k) if not isinstance(k.value, list) else None, k, v)
            for k, v in node.value
        ]
        first = node.value[0][0] if node.value else None
        opens_item = first is not None and bool(
            self.text[self.line_start(first.start_mark.index) : first.start_mark.index].strip()
        )
        kept = [(k, v) for key, k, v in pairs if key is not None and key in new]
        if not kept or (opens_item and pairs[0][0] not in new):
            # nothing left, or the key on the dash's line goes: the mapping is rewritten whole
            return self.replace(node, old, new, indent=col, flow=False)
        for key, knode, vnode in pairs:
            if key is None or key not in old:
                continue
            colon = self.text.find(":", knode.end_mark.index)
            self.key_end[id(vnode)] = colon + 1 if colon != -1 else knode.end_mark.index
            if key not in new:
                self.delete_pair(knode, vnode)
            else:
                self.diff(vnode, old[key], new[key], indent=col + 2, flow=False)
        added = {k: v for k, v in new.items() if k not in old}
        if added:  # after the last key that stays
            k, v = kept[-1]
            empty = isinstance(v.value, str) and v.start_mark.index == v.end_mark.index
            at = self.content_end(k if empty else v)
            self.splices.append(_Splice(at, at, "\n" + _block(added, col)))

    def delete_pair(self, knode: Any, vnode: Any) -> None:
        start = self.line_start(knode.start_mark.index)
        if self.text[start : knode.start_mark.index].strip():  # `- key:` opens a list item
            raise WriteRefusedError(
                f"cannot remove `{knode.value}`: it opens a list item",
                file=self.file,
                line=knode.start_mark.line + 1,
                hint="edit the file by hand",
            )
        end = self.content_end(vnode) if vnode.end_mark.index > vnode.start_mark.index else None
        end = end if end is not None else self.line_end(knode.start_mark.index)
        self.splices.append(_Splice(start, min(end + 1, len(self.text)), "", old=(knode, vnode)))

    def append(self, node: Any, items: list[Any], *, indent: int) -> None:
        if node.flow_style:
            if not node.value:  # `[]`: becomes a block list
                return self.replace(node, [], items, indent=indent, flow=False)
            at = node.value[-1].end_mark.index
            self.splices.append(_Splice(at, at, "".join(", " + _flow(x) for x in items)))
            return
        dash = node.start_mark.column
        at = self.content_end(node)
        self.splices.append(_Splice(at, at, "\n" + _block(items, dash)))

    def replace(self, node: Any, old: Any, new: Any, *, indent: int, flow: bool) -> None:
        """Rewrite one value where it stands (its old words may go: they are the change)."""
        from ruamel.yaml.nodes import ScalarNode, SequenceNode

        start, end = node.start_mark.index, node.end_mark.index
        block_new = isinstance(new, (dict, list)) and bool(new) and not flow
        if not isinstance(node, ScalarNode) and not node.flow_style and node.value:
            # a block collection: it owns whole lines, from its first line to its last
            end = self.content_end(node)
            col = node.start_mark.column
            ls = self.line_start(start)
            same_kind = isinstance(new, list) == isinstance(node, SequenceNode)
            if block_new and not self.text[ls:start].strip():
                col = col if same_kind else indent  # `key:` + `- a` may sit at the key's column
                self.splices.append(_Splice(ls, end, _block(new, col), old=(node,)))
            elif block_new:  # `- key: ...`: the item's first key shares the dash's line
                self.splices.append(_Splice(start, end, _block(new, col).lstrip(" "), old=(node,)))
            else:  # a collection becomes a scalar: it goes back onto the key's line
                at = self.key_end.get(id(node))
                if at is None:  # a list item: `- a` lines cannot shrink to a scalar in place
                    at = start
                self.splices.append(_Splice(at, end, " " + _scalar_text(new, indent), old=(node,)))
            return
        if isinstance(node, ScalarNode) and node.style in ("|", ">"):
            end = self.content_end(node)  # keep the blank lines after a block scalar
        if block_new:
            while start > 0 and self.text[start - 1] == " ":
                start -= 1
            if start > 0 and self.text[start - 1] == "-":  # a list item: stay on the dash's line
                text = " " + _block(new, indent).lstrip(" ")
            else:
                text = "\n" + _block(new, indent)
        else:
            text = _flow(new) if flow else _scalar_text(new, indent)
            if start == end and start > 0 and self.text[start - 1] in ":-":
                text = " " + text  # `key:` or `-` held null
        self.splices.append(_Splice(start, end, text, old=(node,)))

    def apply(self) -> str:
        out = self.text
        last = len(out) + 1
        # same-place inserts keep the order they were recorded in (deepest first)
        order = sorted(enumerate(self.splices), key=lambda p: (p[1].start, p[1].end, p[0]))
        for _, s in reversed(order):
            if s.end > last:
                raise WriteRefusedError(
                    "two edits overlap; the file was left unchanged",
                    file=self.file,
                    hint="report this with the file",
                )
            out = out[: s.start] + s.text + out[s.end :]
            last = s.start
        return out


def _block(value: Any, col: int) -> str:
    """`value` (a mapping or a list) as block YAML whose first line starts at column `col`."""
    lines: list[str] = []
    yamlio._emit(value, 0, lines)
    pad = " " * col
    text = "\n".join(pad + ln if ln else ln for ln in "\n".join(lines).split("\n"))
    return text


def _flow(value: Any) -> str:
    return yamlio.flow(value)


def _scalar_text(value: Any, indent: int) -> str:
    if isinstance(value, (dict, list)):
        return _flow(value)  # an empty collection
    if isinstance(value, str) and "\n" in value:
        lit = yamlio._block_literal(value, " " * indent)
        return lit if lit is not None else yamlio.quoted(value)
    return yamlio.scalar(value)
