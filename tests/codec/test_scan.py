"""The fast block scanner agrees with markdown-it, block for block, wherever it answers."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from arakit.codec.markdown import MdDoc, parse_reference, split_front_matter
from arakit.codec.scan import scan
from tests.conftest import EXAMPLES
from tests.fixtures.minimal import FILES


def _trimmed_end(lines: list[str], start: int, end: int) -> int:
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _reference_blocks(text: str) -> list[tuple]:
    doc: MdDoc = parse_reference(text)
    return [
        (
            b.kind,
            b.start,
            _trimmed_end(doc.lines, b.start, b.end),
            b.level,
            b.text,
            b.table.model_dump() if b.table else None,
        )
        for b in doc.blocks
    ]


def _fast_blocks(text: str) -> list[tuple] | None:
    fast = scan(text)
    if fast is None:
        return None
    lines = text.split("\n")
    return [
        (k, s, _trimmed_end(lines, s, e), lv, t, tb.model_dump() if tb else None)
        for k, s, e, lv, t, tb in fast
    ]


MARKDOWN_FILES = sorted(p for p in EXAMPLES.rglob("*.md"))
PROSE = {"architecture.md", "algorithm.md", "constraints.md", "environment.md"}


@pytest.mark.parametrize("path", MARKDOWN_FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_scanner_matches_markdown_it_on_every_example_file(path):
    _, text, _ = split_front_matter(path.read_text(encoding="utf-8"), path.name)
    fast = _fast_blocks(text)
    if fast is None:  # only prose files (kept verbatim, never parsed) may use other constructs
        assert path.name in PROSE, path
        return
    assert fast == _reference_blocks(text)


@pytest.mark.parametrize("rel", sorted(k for k in FILES if k.endswith(".md")))
def test_scanner_matches_markdown_it_on_the_minimal_artifact(rel):
    _, body, _ = split_front_matter(FILES[rel], rel)  # the codec parses only the body
    fast = _fast_blocks(body)
    assert fast is not None
    assert fast == _reference_blocks(body)


LINES = st.sampled_from(
    [
        "",
        "",
        "# Title",
        "## C01: A claim",
        "### O1: seen",
        "#### deep ##",
        "#",
        "# a | b",
        "- **Statement**: text",
        "- **Setup**:",
        "  - **Model**: m",
        "    - nested deeper",
        "  1. step one",
        "  2. step two",
        "1. first",
        "2. second",
        "3) third",
        "* star item",
        "+ plus",
        "-",
        "- ",
        "  continuation",
        "    indented four",
        "lazy line",
        "plain paragraph text",
        "```",
        "```python",
        "~~~",
        "  ```",
        "| a | b |",
        "| --- | --- |",
        "|:-|-:|",
        "a | b",
        "--- | ---",
        "| 1 | 2 \\| 3 |",
        "| x |",
        "***",
        "- - -",
        "___",
        "<!-- comment",
        "still -->",
        "<!-- one line -->",
        "**Source**: Table 1",
        "**Caption**: c",
        "text with `code` | pipe",
        "  | c | d |",
        "  | - | - |",
        "> quote",
        "<div>",
        "[ref]: http://x",
        "Setext",
        "===",
        "---",
        "\tTabbed",
        "- [ ] task",
        "10. ten",
        "-not a list",
        "1.not a list",
    ]
)


@settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(LINES, max_size=14))
def test_scanner_matches_markdown_it_or_defers_to_it(lines):
    text = "\n".join(lines)
    fast = _fast_blocks(text)
    if fast is not None:
        assert fast == _reference_blocks(text), text


def test_table_after_a_nested_item_with_a_lazy_line_matches_markdown_it():
    # found by the property test above: the fast scanner read a table at the outer item's
    # column where markdown-it keeps the lines in the nested item's paragraph
    text = "- **Statement**: text\n  - **Model**: m\n  | c | d |\n  | - | - |\nlazy line"
    fast = _fast_blocks(text)
    assert fast is None or fast == _reference_blocks(text)


def test_nested_item_right_after_a_table_in_an_item_matches_markdown_it():
    text = "- **Statement**: text\n  | c | d |\n  | - | - |\n  - **Model**: m\nlazy line"
    fast = _fast_blocks(text)
    assert fast is None or fast == _reference_blocks(text)
