"""The bounds of the filters a method applies (`fewer than four size classes` under
`excluded`, `at least three times` under `retained`), and bounds that filter nothing."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.forms import filter_bounds


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, tuple[float, ...]]]:
    got = settings_in(sentence, Where(3, "2.2", sentence, role))
    return [(s.name, s.value, s.values) for s in got]


def test_fewer_than_under_an_exclusion_is_the_minimum_the_filter_keeps() -> None:
    sentence = "We dropped nest records that covered fewer than six visit days."
    assert _read(sentence) == [("minimum visit days", "six", (6.0,))]


def test_at_least_n_times_is_named_by_the_verb_before_it() -> None:
    sentence = "Only bird species sighted at least three times were retained."
    assert _read(sentence) == [("minimum sighted times", "three", (3.0,))]


def test_fewer_than_under_a_keeping_verb_is_a_maximum() -> None:
    assert [f.name for f in filter_bounds("We kept towns with fewer than 5000 residents.")] == [
        "maximum residents"
    ]


def test_a_bound_in_a_sentence_that_filters_nothing_or_reports_an_outcome_is_no_setting() -> None:
    assert filter_bounds("The new solver is at least 3 times faster on every grid.") == []
    assert filter_bounds("Recall improved on more than 4 benchmarks.") == []
    assert filter_bounds("We select dwarfs out to distances >3 kpc.") == []
    assert _read("Only 12 sites kept at least 4 visits.", role="results") == []
