"""Surgical YAML edits: only the differences are rewritten, everything else stays byte for byte."""

from __future__ import annotations

import copy
import io
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arakit.codec import yamlio
from arakit.codec.content import lost_words
from arakit.codec.yamledit import edit_yaml, same_data
from arakit.errors import WriteRefusedError

TREE = """\
# Exploration tree, written by hand
tree:
  - id: N01   # the root question
    type: question
    evidence: "prose, not a list"
    children: []
  - id: N02
    description: >
      folded text
      over two lines

    lesson: |
      a
      b
    children:
    - id: N03
      type: experiment

# ---- a second stream, introduced by this comment
malt_stream:
  - id: M1
"""


def _edit(text: str, change: Any) -> str:
    data = yamlio.load(text, "f.yaml")
    new = copy.deepcopy(data)
    change(new)
    out = edit_yaml(text, "f.yaml", new)
    assert same_data(yamlio.load(out, "f.yaml"), new)
    return out


def test_appending_a_node_leaves_every_other_byte_alone() -> None:
    out = _edit(TREE, lambda d: d["tree"].append({"id": "N04", "type": "decision"}))
    assert out.startswith(TREE.split("\n# ---- a second")[0].rstrip("\n"))
    assert out.endswith(
        "\n\n# ---- a second stream, introduced by this comment\nmalt_stream:\n  - id: M1\n"
    )
    assert "  - id: N04\n    type: decision\n" in out


def test_a_child_goes_into_an_empty_flow_list_as_a_block() -> None:
    out = _edit(TREE, lambda d: d["tree"][0]["children"].append({"id": "N05", "type": "pivot"}))
    assert "    children:\n      - id: N05\n        type: pivot\n  - id: N02" in out
    assert "# the root question" in out and 'evidence: "prose, not a list"' in out


def test_a_child_is_appended_after_the_last_child_at_its_indentation() -> None:
    out = _edit(TREE, lambda d: d["tree"][1]["children"].append({"id": "N06", "type": "dead_end"}))
    assert "    - id: N03\n      type: experiment\n    - id: N06\n      type: dead_end\n" in out


def test_a_changed_scalar_is_replaced_where_it_stands() -> None:
    out = _edit(TREE, lambda d: d["tree"][1].__setitem__("lesson", "one line"))
    assert out == TREE.replace("lesson: |\n      a\n      b\n", "lesson: one line\n")


def test_a_new_key_goes_after_the_mapping_s_last_line() -> None:
    out = _edit(TREE, lambda d: d["tree"][1].__setitem__("status", "resolved"))
    assert "      type: experiment\n    status: resolved\n\n# ----" in out


def test_a_removed_key_takes_only_its_own_lines() -> None:
    out = _edit(TREE, lambda d: d["tree"][0].pop("evidence"))
    assert out == TREE.replace('    evidence: "prose, not a list"\n', "")


def test_null_values_are_filled_in_on_their_own_line() -> None:
    text = "obs:\n  - id: O1\n    stale:   # set later\n    promoted: false\n"
    out = _edit(text, lambda d: d["obs"][0].__setitem__("stale", True))
    assert out == "obs:\n  - id: O1\n    stale: true   # set later\n    promoted: false\n"


def test_flow_lists_of_ids_grow_in_flow_style() -> None:
    out = _edit("a:\n  children: [O02, O03]  # ids\n", lambda d: d["a"]["children"].append("N09"))
    assert out == "a:\n  children: [O02, O03, N09]  # ids\n"


def test_an_empty_or_comment_only_file_keeps_its_comments() -> None:
    out = edit_yaml("# nothing yet\n", "f.yaml", {"entries": [{"turn": 1}]})
    assert out == "# nothing yet\nentries:\n  - turn: 1\n"


def test_replacing_a_block_that_holds_comments_is_refused() -> None:
    text = "a:\n  # keep me\n  b: 1\n  c: 2\n"
    with pytest.raises(WriteRefusedError, match="keep"):
        edit_yaml(text, "f.yaml", {"a": "scalar now"})


def test_removing_the_key_that_opens_a_list_item_rewrites_only_that_item() -> None:
    text = "- id: 1\n  x: 2\n# between\n- id: 3\n"
    assert edit_yaml(text, "f.yaml", [{"x": 2}, {"id": 3}]) == "- x: 2\n# between\n- id: 3\n"


def test_unchanged_data_returns_the_text_itself() -> None:
    assert edit_yaml(TREE, "f.yaml", yamlio.load(TREE, "f.yaml")) is TREE


# -- property: random documents, random styles, random changes ----------------------------------
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-1000, 1000),
    st.text(
        st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from("\n:#-'\"[]{}, "),
        max_size=25,
    ),
)
_keys = st.text("abcdefghij_", min_size=1, max_size=6)
_values = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=4),
    max_leaves=14,
)
_docs = st.dictionaries(_keys, _values, min_size=1, max_size=4)


def _ruamel_dump(data: Any, seq_indent: int, offset: int) -> str:
    from ruamel.yaml import YAML

    y = YAML()
    y.indent(mapping=2, sequence=seq_indent, offset=offset)
    y.width = 40
    buf = io.StringIO()
    y.dump(data, buf)
    return buf.getvalue()


def _mutate(data: Any, draw: Any) -> Any:
    """One random change somewhere in the document: append, set, add or remove a key."""
    holders: list[Any] = []

    def walk(v: Any) -> None:
        if isinstance(v, (dict, list)):
            holders.append(v)
            for x in v.values() if isinstance(v, dict) else v:
                walk(x)

    walk(data)
    target = draw(st.sampled_from(holders))
    value = draw(_values)
    if isinstance(target, list):
        if target and draw(st.booleans()):
            target[draw(st.integers(0, len(target) - 1))] = value
        else:
            target.append(value)
    elif target and draw(st.booleans()):
        key = draw(st.sampled_from(sorted(target)))
        if draw(st.booleans()):
            del target[key]
        else:
            target[key] = value
    else:
        target[draw(_keys)] = value
    return data


def _with_comments(text: str, where: list[int]) -> str:
    """The text with `# zqnoteN` comment lines put between lines, where that keeps the data."""
    lines = text.split("\n")
    data = yamlio.load(text, "f.yaml")
    for n, at in enumerate(sorted(set(where), reverse=True)):
        if at >= len(lines):
            continue
        indent = len(lines[at]) - len(lines[at].lstrip(" "))
        trial = [*lines[:at], " " * indent + f"# zqnote{n}", *lines[at:]]
        try:
            same = same_data(yamlio.load("\n".join(trial), "f.yaml"), data)
        except Exception:
            same = False
        if same:
            lines = trial
    return "\n".join(lines)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(
    doc=_docs,
    style=st.sampled_from(["arakit", "ruamel-2-0", "ruamel-4-2"]),
    where=st.lists(st.integers(0, 40), max_size=4),
    data=st.data(),
)
def test_edits_keep_every_comment_and_load_as_the_new_data(
    doc: Any, style: str, where: list[int], data: Any
) -> None:
    if style == "arakit":
        text = yamlio.dump(doc)
    else:
        seq, off = (2, 0) if style == "ruamel-2-0" else (4, 2)
        text = _ruamel_dump(doc, seq, off)
    text = _with_comments(text, where)
    old = yamlio.load(text, "f.yaml")
    new = _mutate(copy.deepcopy(old), data.draw)
    try:
        out = edit_yaml(text, "f.yaml", new)
    except WriteRefusedError:
        return  # refusing is allowed; writing something else is not
    assert same_data(yamlio.load(out, "f.yaml"), new)
    assert not {w for w in lost_words(text, out) if w.startswith("zqnote")}


@pytest.mark.parametrize("text", ["A?", "A?b", "A ?", "A? b", "why?"])
def test_a_question_mark_in_a_flow_list_is_quoted_so_the_yaml_loads_back(text: str) -> None:
    doc = {"k": [text], "m": {"a": [text, "x"]}, "plain": text}
    out = yamlio.dump(doc)
    assert yamlio.load(out, "f.yaml") == doc
    assert f"plain: {text}\n" in out  # block scalars stay plain
