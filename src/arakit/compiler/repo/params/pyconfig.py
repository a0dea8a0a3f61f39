"""Python configuration files in the mmcv / MMEngine style (mmdetection, mmsegmentation,
mmpretrain): module-level `model = dict(roi_head=dict(bbox_head=dict(num_classes=14)))`,
`optimizer = dict(type='SGD', lr=0.02)`, and `_base_ = ['../_base_/schedules/
schedule_1x.py']`, which the file inherits and overrides key by key. Each literal leaf
is a parameter named by its dotted path (`model.roi_head.bbox_head.num_classes`, kind
`dict`), and each base a `config-base` parameter, so that a child's value can name the
base definition it overrides (compose.py). Lists (a data pipeline of transforms) are left
to the call reader, which names each transform's arguments."""

from __future__ import annotations

import ast
from collections.abc import Callable

MAX_DEPTH = 12  # nesting of dict(...) read


# how a leaf is recorded: add(name, value node, kind, context) (the Python reader's add)
Add = Callable[[str, ast.expr, str, str], None]


def is_inheriting_config(tree: ast.Module, rel: str) -> bool:
    """A config file of an inheritance tree: it inherits others (`_base_ = ...` at module
    level) or is kept in a `_base_/` folder for others to inherit."""
    return "/_base_/" in f"/{rel}" or any(
        isinstance(st, ast.Assign)
        and any(isinstance(t, ast.Name) and t.id == "_base_" for t in st.targets)
        for st in tree.body
    )


def config_params(add: Add, tree: ast.Module) -> set[int]:
    """Add the dotted leaves of each module-level `name = dict(...)` and the `_base_`
    files; return the ids of the dict calls read, which the call reader then skips."""
    handled: set[int] = set()
    for st in tree.body:
        if not (isinstance(st, ast.Assign) and len(st.targets) == 1):
            continue
        target = st.targets[0]
        if not isinstance(target, ast.Name):
            continue
        if target.id == "_base_":
            bases = st.value.elts if isinstance(st.value, ast.List | ast.Tuple) else [st.value]
            for b in bases:
                if isinstance(b, ast.Constant) and isinstance(b.value, str):
                    add("_base_", b, "config-base", "")
            continue
        _leaves(add, target.id, st.value, handled, 0)
    return handled


def _leaves(add: Add, prefix: str, node: ast.expr, handled: set[int], depth: int) -> None:
    if depth > MAX_DEPTH:
        return
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        if node.args:
            return  # dict(**other, ...): built from another value
        handled.add(id(node))
        items = [(k.arg, k.value) for k in node.keywords if k.arg]
    elif isinstance(node, ast.Dict):
        items = [
            (k.value, v)
            for k, v in zip(node.keys, node.values, strict=True)
            if isinstance(k, ast.Constant) and isinstance(k.value, str)
        ]
    else:
        if depth:
            add(prefix, node, "dict", prefix.split(".", 1)[0])
        return
    for key, value in items:
        _leaves(add, f"{prefix}.{key}", value, handled, depth + 1)
