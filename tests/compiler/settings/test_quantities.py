"""Settings stated in prose without `=`: a run's length, an interval, a repetition, a
discarded start, a size before its noun, a shape, a collection's size, counts of simulated
things, value sets and the values a study tries; and what is not a setting."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str) -> list[tuple[str, str, str, tuple[float, ...]]]:
    return [
        (s.name, s.value, s.unit, s.values)
        for s in settings_in(sentence, Where(4, "3.2", sentence))
    ]


def test_a_run_length_and_a_timestep_before_its_noun() -> None:
    got = _read("Each trajectory was run for 5 ns with a 1 fs timestep.")
    assert ("trajectory run for", "5", "ns", (5.0,)) in got
    assert ("timestep", "1", "fs", (1.0,)) in got


def test_a_repetition_is_a_count_of_repeats_but_a_speed_ratio_is_not() -> None:
    assert _read("The whole experiment was repeated 5 times per setting.") == [
        ("repeated", "5", "", (5.0,))
    ]
    assert _read("The method runs 3 times faster than the baseline.") == []


def test_walkers_steps_and_burn_in_are_bound_to_their_own_nouns() -> None:
    got = _read("We ran 64 walkers for 2000 steps and discarded the first 400 steps as burn-in.")
    assert [(n, v) for n, v, _, _ in got] == [
        ("walkers", "64"),
        ("steps", "2000"),
        ("burn-in", "400"),
    ]


def test_thinning_and_a_timed_interval() -> None:
    assert _read("Only every 5th sample of the chain was kept.") == [
        ("every 5th sample", "5", "", (5.0,))
    ]
    ((name, value, unit, _),) = _read("We record the validation curve every 30 seconds.")
    assert (name, value, unit) == ("record every", "30", "seconds")


def test_a_hyphenated_size_names_the_noun_it_qualifies() -> None:
    assert _read("We define neighbours as points within a 5-meter radius of the query.") == [
        ("radius", "5", "m", (5.0,))
    ]


def test_a_shape_keeps_every_number() -> None:
    assert _read("All runs used 3×3×3 supercells.") == [
        ("supercells", "3×3×3", "", (3.0, 3.0, 3.0))
    ]


def test_a_population_size_and_counts_of_simulated_objects() -> None:
    assert _read("We initialise a population of 200 candidate vectors.")[0][:2] == (
        "population size",
        "200",
    )
    assert _read("We simulated 5000 random M for each size.")[0][3] == (5000.0,)
    assert _read("One million X were sampled for every system size.")[0][3] == (1e6,)


def test_value_sets_keep_every_value_or_the_ends_of_a_run() -> None:
    got = _read("We vary N = {10, 20, 40} and p = {1, 2, ..., 9, 10}.")
    assert [(n, v) for n, _, _, v in got] == [("N", (10.0, 20.0, 40.0)), ("p", (1.0, 10.0))]


def test_index_sets_and_binary_domains_are_not_settings() -> None:
    assert _read("Here C1 = {1, 2} and C2 = {1, 3} are the subsets.") == []
    assert _read("We use a sign variable s = {0, 1} in each gate.") == []


def test_the_values_a_study_tries_are_kept_when_their_number_is_announced() -> None:
    got = _read("We test 3 R configurations: 0%, for no loss, 5%, for mild loss, and 15%.")
    assert got == [("R", "0%, 5%, 15%", "%", (0.0, 5.0, 15.0))]
    assert _read("We test 4 Q configurations: 1, for a start, 2 and 3.") == []


def test_counts_of_what_a_method_set_up_are_read_for_any_plural_noun() -> None:
    got = _read("We performed 2048 independent simulations of 64 particles.")
    assert [(n, v) for n, v, _, _ in got] == [
        ("independent simulations", "2048"),
        ("particles", "64"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The model reaches 98% accuracy on 1,000 held-out images.",
        "We found 12 errors in 3 programs.",
        "In the matrix, 0s represent absent links.",
        "The fit uses the line m = 6D∗t + c for every run.",
        "The spectrum is symmetric about ℑ = 0 in the plot.",
        "Discarding outliers, we used the final sample of 841 simulated stars, resulting in a clean set.",
        "Curves compare P (σ2 r = 0) versus Q (σ2 r = 1/2) over time.",
        "All points lie within a radius of σB√N = 1 of the origin.",
        "Independent points have a covariance of 0.",
    ],
)
def test_results_zeros_products_and_axes_are_not_settings(sentence: str) -> None:
    assert _read(sentence) == []


def test_a_known_setting_named_before_a_which_clause_takes_its_value() -> None:
    assert _read("We keep the default learning rate for Adam, which is 0.001.") == [
        ("learning rate", "0.001", "", (0.001,))
    ]


def test_a_fraction_is_a_value_and_a_split_power_names_the_variance() -> None:
    assert _read("We use a mixing weight w = 1/4 in every run.") == [("w", "1/4", "", (0.25,))]
    got = _read("Rates are drawn so that σ2 r = 1/3 holds in each system.")
    assert [(n, v) for n, _, _, v in got] == [("σr²", (1 / 3,))]


def test_a_duration_written_in_words_and_a_stimulus_presented_for_a_time() -> None:
    got = _read("Each pseudoword was played for one second, then the next was played.")
    assert ("pseudoword played for", "one", "second", (1.0,)) in got
    got = _read("In the test simulations, the process operates normally for eight hours.")
    assert [(v, u) for _, v, u, _ in got] == [("eight", "hours")]


def test_an_integration_length_in_gigayears() -> None:
    got = _read("We use a timestep of 1 Myr and integrate for 5 Gyr, about 20 orbits.")
    assert ("integrate for", "5", "Gyr", (5.0,)) in got


def test_chains_and_conditions_counted_in_words() -> None:
    got = _read("We then ran four chains of 1000 steps for a total of 4000 steps.")
    assert ("chains", "four", "", (4.0,)) in got
    got = _read("Every person had to clap in three conditions: alone, with one and with five.")
    assert ("conditions", "three", "", (3.0,)) in got


def test_an_angle_on_the_sky_before_its_noun() -> None:
    got = _read("The catalogue was matched to Gaia using a 1 arcsecond radius.")
    assert ("radius", "1", "arcsec", (1.0,)) in got
    got = _read("This catalog contains targets cross-matched within a 1” radius.")
    assert ("radius", "1", "arcsec", (1.0,)) in got
