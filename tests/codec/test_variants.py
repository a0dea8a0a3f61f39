"""Shapes other Ara tools write that the reader must keep, byte for byte where it carries meaning."""

from __future__ import annotations

from arakit.codec.paper import read_paper, write_paper

LIST_INDEX = """---
title: A study
ara_version: 1
---

# A study

## Layer Index

### `logic/` — what and why
- [claims.md](logic/claims.md) — the claims
- `solution/`
  - [heuristics.md](logic/solution/heuristics.md) — the tricks

### `trace/` — the journey
- [exploration_tree.yaml](trace/exploration_tree.yaml) — the DAG
"""


def test_layer_index_written_as_lists_keeps_its_headings_and_order():
    paper = read_paper(LIST_INDEX)
    out = write_paper(paper)
    body = LIST_INDEX.split("# A study", 1)[1]
    assert body in out  # headings between the lists are not dropped, nor reordered
    assert read_paper(out) == paper
    assert {
        "logic/claims.md",
        "logic/solution/heuristics.md",
        "trace/exploration_tree.yaml",
    } <= set(paper.listed_in_notes())


def test_layer_index_heading_before_a_table_still_names_that_table():
    text = "# T\n\n## Layer Index\n\n### logic\n\n| File | Description |\n| --- | --- |\n| logic/claims.md | c |\n"
    paper = read_paper(text)
    assert paper.layer_index and paper.layer_index[0].name == "logic"
    assert paper.indexed_files() == ["logic/claims.md"]
    assert write_paper(paper) == text


def test_comment_block_opening_a_yaml_file_survives_a_round_trip():
    from arakit.codec.trace import read_staging, read_trace, write_staging, write_trace

    tree = (
        "# Exploration tree for a toy study\n# types: question | experiment\n\n"
        "tree:\n  - id: N01\n    type: question\n    title: Why?\n    description: Because.\n"
    )
    trace = read_trace(tree)
    out = write_trace(trace)
    assert out.startswith("# Exploration tree for a toy study\n# types: question | experiment\n\n")
    assert read_trace(out) == trace and trace.header
    staged = "# waiting for a closure signal\nobservations:\n  - id: O1\n    content: c\n"
    st = read_staging(staged)
    assert write_staging(st).startswith("# waiting for a closure signal\n\nobservations:")
    assert read_staging(write_staging(st)) == st
    assert read_trace("tree: []\n# trailing note\n").header == ""


def test_emphasised_entity_ids_and_a_nodes_list_are_read(tree):
    from arakit.codec import read_artifact

    root = tree(
        {
            "logic/claims.md": "# Claims\n\n## **C1**: Bold ID\n\n- **Statement**: s\n\n## `C2`: Code ID\n\n- **Statement**: t\n",
            "trace/exploration_tree.yaml": "nodes:\n  - id: N1\n    type: question\n    description: d\n",
        }
    )
    art = read_artifact(root, strict=True)
    assert [(c.id, c.title) for c in art.claims] == [("C01", "Bold ID"), ("C02", "Code ID")]
    assert [n.id for n in art.trace.nodes()] == ["N01"] and art.trace.extra == {}


TRACE_WITH_COMMENTS = """# header kept by the reader
tree:
  # the first question we asked
  - id: N01
    type: question  # asked on day one
    title: "Why # this?"  # a hash inside quotes is not a comment
    description: |
      # inside a block scalar this is text, not a comment
      second line
    support_level: inferred
    children:  # what followed
      - id: N02
        # why this node exists
        type: dead_end
        hypothesis: h
        failure_mode: f
        lesson: l
"""


def test_comments_in_the_trace_survive_a_rewrite(tree, tmp_path):
    from arakit.codec import read_artifact, write_artifact

    art = read_artifact(tree({"trace/exploration_tree.yaml": TRACE_WITH_COMMENTS}), strict=True)
    n1, n2 = art.trace.nodes()
    assert n1.title == "Why # this?"
    assert n1.description.startswith("# inside a block scalar")
    assert n1.comments == {
        "^id": "# the first question we asked",
        "type": "# asked on day one",
        "title": "# a hash inside quotes is not a comment",
        "children": "# what followed",
    }
    assert n2.comments == {"^type": "# why this node exists"}
    write_artifact(art, tmp_path / "out")
    text = (tmp_path / "out/trace/exploration_tree.yaml").read_text()
    for line in (
        "  # the first question we asked\n  - id: N01",
        "type: question  # asked on day one",
        "        # why this node exists\n        type: dead_end",
    ):
        assert line in text
    again = read_artifact(tmp_path / "out", strict=True)
    assert again == art
    write_artifact(again, tmp_path / "out2")
    assert (tmp_path / "out2/trace/exploration_tree.yaml").read_text() == text


def test_comments_in_staging_survive_a_rewrite(tree, tmp_path):
    from arakit.codec import read_artifact, write_artifact

    text = (
        "observations:\n  # from Tuesday's run\n  - id: O1\n    content: warmup helps  # check again\n"
        "    potential_type: claim\n"
    )
    art = read_artifact(tree({"staging/observations.yaml": text}), strict=True)
    (o,) = art.staging.observations
    assert o.comments == {"^id": "# from Tuesday's run", "content": "# check again"}
    write_artifact(art, tmp_path / "out")
    assert read_artifact(tmp_path / "out", strict=True) == art
    written = (tmp_path / "out/staging/observations.yaml").read_text()
    assert (
        "  # from Tuesday's run\n  - id: O1" in written and "warmup helps  # check again" in written
    )
