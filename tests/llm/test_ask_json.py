"""ask_json: schema in the prompt or native, validation, one retry with the error, cache, errors.

The scripted model stands in for a paid remote API (deterministic replies); the real embedded
model is exercised in test_smollm2.py.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from pydantic import BaseModel, Field

from arakit.errors import AraError
from arakit.llm import LLMError, ask_json, ask_json_detailed, cache_dir


class Verdict(BaseModel):
    score: int = Field(ge=1, le=5)
    reason: str


def test_valid_answer_is_returned_typed_after_one_call(scripted) -> None:
    scripted.reply('Sure. {"score": 4, "reason": "clear thresholds"}')
    answer = ask_json_detailed("scripted-remote", "Judge C01.", Verdict)
    assert answer.value == Verdict(score=4, reason="clear thresholds")
    assert answer.attempts == 1 and not answer.cached
    assert '"score": integer 1..5' in scripted.prompts[0]  # schema stated in the prompt
    assert scripted.schemas == [None]


def test_invalid_answer_is_retried_once_with_the_validation_error(scripted) -> None:
    scripted.reply('{"score": 9, "reason": "x"}', '{"score": 3, "reason": "fixed"}')
    answer = ask_json_detailed("scripted-remote", "Judge C01.", Verdict)
    assert answer.value.score == 3 and answer.attempts == 2
    assert "score: Input should be less than or equal to 5" in scripted.prompts[1]
    assert '{"score": 9' in scripted.prompts[1]


def test_answer_invalid_twice_raises_llm_error_with_the_last_reply(scripted) -> None:
    scripted.reply("I cannot decide.", "Still no JSON here.")
    with pytest.raises(LLMError) as err:
        ask_json("scripted-remote", "Judge C01.", Verdict)
    assert isinstance(err.value, AraError)
    assert "no valid Verdict after one retry" in err.value.message
    assert err.value.answer == "Still no JSON here." and len(scripted.prompts) == 2


@pytest.mark.parametrize("scripted", [True], indirect=True)
def test_schema_is_passed_natively_when_the_model_supports_it(scripted) -> None:
    scripted.reply('{"score": 5, "reason": "ok"}')
    ask_json("scripted-remote", "Judge C01.", Verdict)
    assert scripted.schemas[0]["properties"]["score"]["maximum"] == 5
    assert "of this shape" not in scripted.prompts[0]


def test_valid_answers_are_cached_on_disk_under_xdg_cache_home(scripted) -> None:
    scripted.reply('{"score": 2, "reason": "weak"}')
    first = ask_json_detailed("scripted-remote", "Judge C02.", Verdict, system="strict")
    again = ask_json_detailed("scripted-remote", "Judge C02.", Verdict, system="strict")
    assert again.value == first.value and again.cached and again.attempts == 0
    assert len(scripted.prompts) == 1
    assert cache_dir() == Path(os.environ["XDG_CACHE_HOME"]) / "arakit" / "llm"
    assert len(list(cache_dir().rglob("*.json"))) == 1


def test_use_cache_false_asks_again_and_refreshes_the_entry(scripted) -> None:
    scripted.reply('{"score": 2, "reason": "old"}', '{"score": 4, "reason": "new"}')
    ask_json("scripted-remote", "Judge C03.", Verdict)
    fresh = ask_json("scripted-remote", "Judge C03.", Verdict, use_cache=False)
    assert fresh.reason == "new"
    assert ask_json("scripted-remote", "Judge C03.", Verdict).reason == "new"


def test_a_different_prompt_or_system_is_a_cache_miss(scripted) -> None:
    scripted.reply('{"score": 2, "reason": "a"}', '{"score": 3, "reason": "b"}')
    ask_json("scripted-remote", "Judge C04.", Verdict)
    assert ask_json("scripted-remote", "Judge C04.", Verdict, system="other").reason == "b"


def test_model_that_fails_to_answer_raises_llm_error_naming_it(scripted) -> None:
    with pytest.raises(LLMError, match="scripted-remote is unavailable: RuntimeError"):
        ask_json("scripted-remote", "Judge C05.", Verdict)


def test_unknown_model_raises_llm_error_listing_the_models_set_up() -> None:
    with pytest.raises(LLMError, match="unknown model 'no-such-model'") as err:
        ask_json("no-such-model", "hello", Verdict)
    assert err.value.hint and "llm models" in err.value.hint


def test_damaged_cache_entry_counts_as_a_miss(scripted) -> None:
    scripted.reply('{"score": 2, "reason": "a"}', '{"score": 5, "reason": "b"}')
    ask_json("scripted-remote", "Judge C06.", Verdict)
    [entry] = list(cache_dir().rglob("*.json"))
    entry.write_text("{ not json", encoding="utf-8")
    assert ask_json("scripted-remote", "Judge C06.", Verdict).reason == "b"
