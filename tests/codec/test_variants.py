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
