"""Random and mutated input ends in a result or a clean arakit error, never a crash."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from arakit.errors import AraError
from arakit.live.ingest import parse_history, parse_transcript
from arakit.live.journal import JOURNAL, Journal
from arakit.live.metrics import OutputScanner

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.binary(max_size=200), max_size=10))
def test_the_output_scanner_takes_any_bytes(chunks: list[bytes]) -> None:
    s = OutputScanner()
    for i, c in enumerate(chunks):
        s.feed(c, 1 + i % 2)
    s.close()
    assert all(isinstance(v, (int, float)) for v in s.metrics.values())


@settings(max_examples=200, deadline=None)
@given(st.lists(json_values, max_size=8))
def test_any_json_lines_parse_as_a_transcript_or_fail_cleanly(rows: list[object]) -> None:
    text = "".join(json.dumps(r) + "\n" for r in rows)
    try:
        _, items = parse_transcript(text, "t.jsonl")
    except AraError:
        return
    assert all(i.kind in ("command", "note", "transcript") for i in items)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_parses_as_history_or_fails_cleanly(text: str) -> None:
    try:
        _, items = parse_history(text)
    except AraError:
        return
    assert all(i.kind == "command" for i in items)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=400))
def test_verify_reports_on_any_journal_bytes(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / JOURNAL
        path.parent.mkdir(parents=True)
        path.write_bytes(data)
        rep = Journal(tmp).verify()
        assert rep.ok == (rep.broken_line is None)
