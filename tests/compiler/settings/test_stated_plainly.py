"""Settings a methods section states with a plain `the X was V` (no vocabulary needed) and
spans of time named by what fills them (`three seconds of blank screen`); and the
look-alikes that are outcomes, properties, parts of something or who was studied."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.forms import (
    bracketed_items,
    group_counts,
    passive_counts,
    time_spans,
    vectors,
)


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, str, tuple[float, ...]]]:
    got = settings_in(sentence, Where(4, "2.3", sentence, role))
    return [(s.name, s.value, s.unit, s.values) for s in got]


def test_a_noun_phrase_and_was_with_the_value_closing_the_clause_is_a_setting() -> None:
    sentence = "For plots sampled by drone, the smallest patch area was 40 in every survey."
    assert _read(sentence) == [("smallest patch area", "40", "", (40.0,))]


def test_assumed_to_be_in_percent_words_keeps_the_percent_as_its_unit() -> None:
    sentence = "Because machines wear out fast, the scrappage rate is assumed to be 90 percent."
    assert _read(sentence) == [("scrappage rate", "90", "%", (90.0,))]


def test_a_count_in_words_after_set_to_is_read_as_its_number() -> None:
    sentence = "The smoothing window was set to four for every county series."
    assert _read(sentence) == [("smoothing window", "four", "", (4.0,))]


def test_an_assumed_age_is_read_even_in_a_results_section() -> None:
    sentence = "We adopted that the cluster age was 2 Gyr, after which the orbits were frozen."
    assert _read(sentence, role="results") == [("cluster age", "2", "Gyr", (2.0,))]


def test_a_plain_was_in_a_results_section_is_an_outcome_not_a_setting() -> None:
    assert _read("Overall, the retention share was 0.62 across clinics.", role="results") == []


def test_an_outcome_a_measured_distance_and_a_total_are_not_read_as_was_settings() -> None:
    assert _read("The mean recall was 0.71 on held-out towns.") == []
    assert _read("The distance to the host galaxy was 410 pc.") == []
    assert _read("The total was 1,210 after cleaning.") == []
    assert _read("The rebate in the reform was 0.") == []


def test_a_noun_inside_a_prepositional_phrase_is_no_subject_of_was() -> None:
    sentence = "The number of farms visited in this survey was 1,406."
    assert all(name != "survey" for name, *_ in _read(sentence))


def test_a_span_of_time_is_named_by_what_fills_it_up_to_its_first_preposition() -> None:
    sentence = "Each block opened with three seconds of blank screen before the first cue."
    assert _read(sentence) == [("blank screen", "three", "seconds", (3.0,))]


def test_a_span_of_time_takes_its_name_before_the_words_ahead_of_the_number() -> None:
    sentence = "Every visit started with 15 minutes of seated rest, then blood was drawn."
    assert _read(sentence) == [("seated rest", "15", "minutes", (15.0,))]


def test_years_of_experience_and_a_part_of_something_are_not_spans_set_up() -> None:
    assert time_spans("We coded 10 minutes of the interview.") == []
    assert _read("All raters had 12 years of experience with the scale.") == []


def test_a_span_restating_a_setting_in_other_units_or_ending_a_range_is_not_read() -> None:
    sentence = "The lag window was 24 samples, which corresponds to 120 minutes of sensor history."
    assert time_spans(sentence) == []
    assert time_spans("Windows cover 30–90 minutes of sensor history.") == []


def test_a_point_given_by_its_coordinates_is_one_setting_with_every_coordinate() -> None:
    sentence = "In every run the probe is placed at (0.4, −1.5, 3) m above the tank floor."
    assert _read(sentence) == [("probe placed at", "(0.4, −1.5, 3)", "m", (0.4, -1.5, 3.0))]


def test_a_vector_after_its_symbol_is_named_by_the_words_before_the_symbol() -> None:
    sentence = "We adopt a drift velocity of u = (3.5, 0, −1.2) km s−1 for all tracers."
    got = _read(sentence)
    assert [(n, v) for n, _, _, v in got] == [("drift velocity", (3.5, 0.0, -1.2))]


def test_a_bracketed_list_without_unit_or_assignment_and_a_pronouns_place_are_not_points() -> None:
    assert vectors("This agrees with earlier surveys of (2, 3, 4).") == []
    assert vectors("Observers wrongly believe they are located at (5, 0, 0.2) kpc.") == []


def test_counts_before_a_passive_verb_of_showing_are_read_for_any_noun() -> None:
    sentence = "In each round, three painted tokens (e.g., a red disc) were briefly shown."
    assert _read(sentence) == [("painted tokens", "three", "", (3.0,))]


def test_a_list_of_counts_before_one_passive_verb_gives_one_setting_each() -> None:
    sentence = "A toy panel of 120 households and 40 villages was simulated for every draw."
    assert _read(sentence, role="results") == [
        ("households", "120", "", (120.0,)),
        ("villages", "40", "", (40.0,)),
    ]


def test_counts_of_people_and_shown_counts_in_a_results_section_are_not_read() -> None:
    assert passive_counts("Four volunteers and 30 patients were tested twice.") == []
    assert passive_counts("Afterwards 52 errors were shown in the log.", reporting=True) == []
    assert passive_counts("Suppose two of the five cue words are repeated.") == []
    assert passive_counts("Both 3 surrogate models were shown to be biased.") == []


def test_settings_listed_in_brackets_after_a_part_are_named_with_that_part() -> None:
    sentence = "Each stage ends with a pooling (window 3, stride 2, max reduction) over time."
    got = settings_in(sentence, Where(4, "2.3", sentence, "method"))
    assert [(s.name, s.key, s.value) for s in got] == [
        ("pooling window", "window", "3"),
        ("pooling stride", "stride", "2"),
    ]


def test_one_bracketed_number_citations_references_and_outcomes_are_not_listed_settings() -> None:
    assert bracketed_items("The filter (order 4) removes drift.") == []
    assert bracketed_items("as argued before (Ortiz 2018, Lam 2021).") == []
    assert bracketed_items("the estimator (see section 3, equation 7) is used.") == []
    assert bracketed_items("the model (accuracy 0.91, error 0.08) wins.") == []
    assert bracketed_items("the solvers (equations 12, 15, and 19) compared.") == []


def test_a_fraction_closing_a_sentence_is_read_and_one_with_a_decimal_after_is_not() -> None:
    assert _read("The capital share is fixed at θ = 2/3.") == [("θ", "2/3", "", (2 / 3,))]
    assert all(v != "2/3" for _, v, _, _ in _read("The band ratio b = 2/3.5 is used."))


def test_a_count_of_groups_is_named_by_the_group_and_what_it_holds() -> None:
    sentence = "Every evening we recorded two sets of 300×5s frames at the summit."
    assert _read(sentence) == [("sets of frames", "two", "", (2.0,))]
    sentence = "Pupils then completed five rounds of reading tasks in random order."
    assert _read(sentence) == [("rounds of tasks", "five", "", (5.0,))]


def test_groups_of_people_parts_of_a_whole_and_bounds_are_no_group_counts() -> None:
    assert group_counts("We compared three groups of patients by age.") == []
    assert group_counts("Two of the four sets of images were blurred.") == []
    assert group_counts("Runs used more than two sets of seeds.") == []


def test_a_count_set_to_a_number_word_is_read_but_one_of_several_is_not() -> None:
    sentence = "The number of latent topics was set to twelve for both corpora."
    assert ("number of latent topics", "twelve", "", (12.0,)) in _read(sentence)
    assert _read("The window was set to one of the listed sizes.") == []
    assert _read("Results matched once the lag was set to four or higher.") == []
