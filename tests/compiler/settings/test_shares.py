"""A share of something a method sets (`on 40% of the survey plots`, `to be 80 percent of
the median rent`), and the shares a paper reports."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.forms import shares


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, str, tuple[float, ...]]]:
    got = settings_in(sentence, Where(5, "3", sentence, role))
    return [(s.name, s.value, s.unit, s.values) for s in got]


def test_a_share_after_a_preposition_that_sets_it_is_named_by_what_it_shares() -> None:
    sentence = "Calibration was run on 40% of the survey plots, chosen by county."
    assert _read(sentence) == [("share of survey plots", "40", "%", (40.0,))]


def test_a_share_in_percent_words_after_to_be_keeps_a_percent_unit() -> None:
    sentence = "The subsidy is calibrated to be 80 percent of the median rent in each city."
    assert _read(sentence) == [("share of median rent", "80", "%", (80.0,))]


def test_a_share_the_sentence_reports_or_explains_is_not_a_setting() -> None:
    assert shares("Overall, 36% of the towns were better fitted by the null model.") == []
    assert shares("The second axis explains 22% of the variance.") == []
    assert shares("We then kept 10% of the error terms.") != []  # `kept` sets it: the control
