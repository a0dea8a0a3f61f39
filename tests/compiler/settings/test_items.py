"""Settings stated item by item, as distributions, windows and stopping thresholds; and
values that describe an observed thing rather than a choice."""

from __future__ import annotations

import math

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str) -> list[tuple[str, str, tuple[float, ...]]]:
    return [(s.name, s.value, s.values) for s in settings_in(sentence, Where(3, "2", sentence))]


def test_a_value_per_item_gives_one_setting_per_item_named_by_its_item() -> None:
    got = _read(
        "The logistic growth rate, or steepness, of the sigmoid functions is 100 dex−1 for "
        "both color transitions, .2 EEP−1 for the EEP transition, 20 dex−1 for the age "
        "transition and 5 dex−1 for the both metallicity transitions."
    )
    assert got == [
        ("logistic growth rate (color transitions)", "100", (100.0,)),
        ("logistic growth rate (EEP transition)", ".2", (0.2,)),
        ("logistic growth rate (age transition)", "20", (20.0,)),
        ("logistic growth rate (metallicity transitions)", "5", (5.0,)),
    ]


def test_named_values_per_item_and_respectively_lists_keep_each_name() -> None:
    got = _read(
        "The sigmoids reach half their maximum at GBP − GRP = 0.56 and 2.5 for hot and cool "
        "stars respectively, EEP = 454 for subgiants, [M/H] = -0.2 for metal poor stars and "
        "0.2 for metal rich stars."
    )
    assert [(n, v) for n, v, _ in got] == [
        ("GBP − GRP (hot stars)", "0.56"),
        ("GBP − GRP (cool stars)", "2.5"),
        ("EEP (subgiants)", "454"),
        ("[M/H] (metal poor stars)", "-0.2"),
        ("[M/H] (metal rich stars)", "0.2"),
    ]


def test_one_value_for_one_item_is_not_read_as_a_list() -> None:
    assert _read("The model is trained for 100 epochs for the final run.") == [
        ("epochs", "100", (100.0,))
    ]


def test_a_prior_is_named_by_its_parameter_with_both_numbers() -> None:
    got = _read(
        "We choose log-uniform priors on each of the three parameters ln A/ppm ∼U(−10, 10), "
        "ln λ/day ∼U(−10, 10), and ln Ptrue/day ∼ U(−15, 5)."
    )
    assert got == [
        ("ln A/ppm", "U(−10, 10)", (-10.0, 10.0)),
        ("ln λ/day", "U(−10, 10)", (-10.0, 10.0)),
        ("ln Ptrue/day", "U(−15, 5)", (-15.0, 5.0)),
    ]


def test_distributions_in_a_run_of_display_equations_are_named_apart() -> None:
    got = _read("EEP ∼ U (198, 480) (12) t ∼ U (0.5, 14) [Gyr] (13) [Fe/H] ∼ U (−0.2, 0.2) (14)")
    assert [n for n, _, _ in got] == ["EEP", "t", "[Fe/H]"]


def test_values_written_with_constants_are_read_as_numbers() -> None:
    got = _read("We simulate data with parameters S0 = 1 ppm2, ω0 = e2 day−1, and Q = e2.")
    assert [(n, v) for n, v, _ in got] == [("S0", "1"), ("ω0", "e2"), ("Q", "e2")]
    assert math.isclose(got[1][2][0], math.e**2)
    (q,) = _read("One of the terms has S0 fixed and Q = 1/√2 fixed.")
    assert q[1] == "1/√2" and math.isclose(q[2][0], 1 / math.sqrt(2))


def test_a_symmetric_window_is_a_setting() -> None:
    assert _read("We then trimmed the data to windows of ±7 hr centered on each transit.") == [
        ("windows", "±7", (7.0,))
    ]


def test_a_stopping_rule_states_its_threshold_and_its_count() -> None:
    got = _read(
        "The MCMC concluded when either 100 times the autocorrelation length was reached "
        "and the change in autocorrelation length over 100 samples was less than 0.01, or "
        "the maximum of 500,000 samples was obtained."
    )
    assert ("change in autocorrelation length", "0.01", (0.01,)) in got
    assert ("maximum samples", "500,000", (500000.0,)) in got
    (s,) = settings_in(
        "Samples were drawn until 100 independent samples were obtained.", Where(1, "", "")
    )
    assert (s.name, s.number) == ("independent samples", 100.0)


def test_the_maximum_of_a_count_meets_the_code_name_max_n() -> None:
    from arakit.compiler.settings.names import code_key

    (s,) = settings_in("The sampler stops at a maximum of 5000 samples.", Where(1, "", ""))
    assert s.key == "max_samples" == code_key("max_n")


def test_a_measured_property_of_an_observed_thing_is_not_a_setting() -> None:
    assert _read("We find that TOI 837 is a T = 9.9 mag G0/F9 dwarf in the cluster.") == []
    assert _read("A detection of a V = 10.6 star is possible.") == []
    assert _read("The resolved stars were TIC 460205581 (T = 9.9) and Star A (∆T = 4.7).") == []
    assert _read("Stars brighter than T = 16 are shown with white circles.") == []
    assert _read("While Star A has G = 15.1, and Bp = 14.9, no Rp magnitude is reported.") == []


def test_a_count_described_by_its_assignment_stays_a_setting() -> None:
    assert _read("We train a K = 4 layer network.") == [("K", "4", (4.0,))]
    assert _read("We simulate a small (N = 200) dataset.") == [("N", "200", (200.0,))]
