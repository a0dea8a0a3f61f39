"""Cutting JSON out of free-text replies, as small models write them."""

from __future__ import annotations

import pytest

from arakit.llm import extract_json


def test_json_inside_a_code_fence_is_found() -> None:
    assert extract_json('Sure!\n```json\n{"score": 4}\n```\nHope it helps') == {"score": 4}


def test_json_object_after_prose_is_found() -> None:
    assert extract_json('Here is my verdict: {"score": 3, "notes": ["a"]} done') == {
        "score": 3,
        "notes": ["a"],
    }


def test_reply_without_json_raises_value_error_quoting_the_reply() -> None:
    with pytest.raises(ValueError, match=r"holds no JSON object.*I think it is good"):
        extract_json("I think it is good.")
