"""review(judge=MODEL): one call per dimension, model scores recorded per dimension, and the
fallback to the rules (with a warning) when a dimension's answer stays invalid or the call fails.

Uses the scripted stand-in for a paid remote model, so every path is deterministic.
"""

from __future__ import annotations

import json

import pytest

from arakit.llm import LLMError
from arakit.seal.level2 import review

GOOD = json.dumps(
    {
        "score": 4,
        "strengths": ["clear"],
        "weaknesses": ["one seed"],
        "suggestions": ["add seeds"],
        "findings": [{"severity": "minor", "entities": ["C01"], "message": "only 3 seeds"}],
    }
)


def test_every_dimension_is_judged_by_the_model_and_says_so(minimal, scripted) -> None:
    scripted.reply(*[GOOD] * 6)
    report = review(minimal(), judge="scripted-remote")
    assert [d.judge for d in report.dimensions] == ["scripted-remote"] * 6
    assert [d.score for d in report.dimensions] == [4] * 6 and report.grade == "Accept"
    assert len(scripted.prompts) == 6
    assert "D2, Falsifiability" in scripted.prompts[1]
    assert "falsification: Step decay reaching loss 0.1" in scripted.prompts[1]
    model_findings = [f for f in report.findings if f.code == "L2-MODEL"]
    assert len(model_findings) == 6 and model_findings[0].entities == ["C01"]
    assert any(f.code.startswith("L2-D1") for f in report.findings)  # rule facts are kept
    assert set(report.timings_ms) >= {f"model.D{i}" for i in range(1, 7)}


def test_dimension_whose_answer_stays_invalid_falls_back_to_rules_with_a_warning(
    minimal, scripted
) -> None:
    scripted.reply(GOOD, "no idea", '{"score": "high"}', GOOD, GOOD, GOOD, GOOD)
    report = review(minimal(), judge="scripted-remote")
    d2 = report.dimension("D2")
    assert d2.judge == "rules" and d2.warning and "after one retry" in d2.warning
    assert [d.judge for d in report.dimensions].count("scripted-remote") == 5
    assert any(w.startswith("D2 falsifiability") for w in report.warnings)


def test_answer_valid_on_retry_keeps_the_model_score_and_notes_the_retry(minimal, scripted) -> None:
    scripted.reply('{"score": 0}', GOOD, *[GOOD] * 5)
    report = review(minimal(), judge="scripted-remote")
    assert report.dimension("D1").judge == "scripted-remote"
    assert any("first answer was invalid; retried once" in w for w in report.warnings)


def test_model_going_down_midway_leaves_the_rest_to_the_rules(minimal, scripted) -> None:
    scripted.reply(GOOD, GOOD)  # then the scripted server refuses connections
    report = review(minimal(), judge="scripted-remote")
    assert [d.judge for d in report.dimensions] == ["scripted-remote"] * 2 + ["rules"] * 4
    assert all("unavailable" in (d.warning or "") for d in report.dimensions[2:])


def test_second_review_is_served_from_the_cache_and_no_cache_asks_again(minimal, scripted) -> None:
    root = minimal()
    scripted.reply(*[GOOD] * 6)
    review(root, judge="scripted-remote")
    again = review(root, judge="scripted-remote")
    assert len(scripted.prompts) == 6 and again.dimension("D6").judge == "scripted-remote"
    scripted.reply(*[GOOD] * 6)
    review(root, judge="scripted-remote", use_cache=False)
    assert len(scripted.prompts) == 12


def test_model_dimensions_limits_the_model_to_the_dimensions_named(minimal, scripted) -> None:
    scripted.reply(GOOD)
    report = review(minimal(), judge="scripted-remote", model_dimensions=("D5",))
    assert [d.judge for d in report.dimensions] == ["rules"] * 4 + ["scripted-remote", "rules"]


def test_unknown_model_is_an_error_not_a_silent_fallback(minimal) -> None:
    with pytest.raises(LLMError, match="unknown model"):
        review(minimal(), judge="no-such-model")


def test_ara_review_with_model_prints_which_judge_scored_each_dimension(minimal, scripted) -> None:
    from typer.testing import CliRunner

    from arakit.cli.main import app

    scripted.reply(GOOD, "no json", "still none", GOOD, GOOD, GOOD, GOOD)
    result = CliRunner().invoke(app, ["review", str(minimal()), "--model", "scripted-remote"])
    assert "scripted-remote" in result.output
    assert "rules (fallback)" in result.output  # D2 fell back
    assert "warning: D2 falsifiability" in result.output
