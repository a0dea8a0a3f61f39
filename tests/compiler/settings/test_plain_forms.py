"""Settings papers state in plain words, without `=`: counts with thousands written with a
dot, lists of values that belong to one method, values `used as` something, ranges written
as inequalities, quoted keyword arguments, memory budgets, versions; and the look-alikes
that are not settings."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.glossary import glossary
from arakit.compiler.settings.numbers import dot_thousands_count, writes_dot_thousands
from arakit.compiler.settings.prose import Reader


def _read(sentence: str) -> list[tuple[str, str, tuple[float, ...]]]:
    return [(s.name, s.value, s.values) for s in settings_in(sentence, Where(2, "3", sentence))]


def test_a_count_with_a_dot_between_thousands_is_read_as_thousands_in_such_a_paper() -> None:
    texts = ["The corpus contains 12.480 reviews and 3.105 annotations.", "We keep 0.25 of them."]
    assert writes_dot_thousands(texts)
    reader = Reader(glossary(texts), dot_thousands=True)
    got = reader.read(texts[0], Where(1, "2", texts[0]), 1, False)
    assert [(s.value, s.number) for s in got] == [("12.480", 12480.0), ("3.105", 3105.0)]


def test_a_paper_that_groups_thousands_with_commas_keeps_the_dot_a_decimal_point() -> None:
    texts = ["The corpus holds 12.480 reviews.", "We sampled 1,319 problems for testing."]
    assert not writes_dot_thousands(texts)
    # and a dot before something that is not a plural noun stays a decimal point anywhere
    assert dot_thousands_count("0.125", "a step of 0.125 seconds", 10) is None
    assert dot_thousands_count("2.500", "a ratio of 2.500 to 1", 11) is None


def test_a_list_of_sizes_is_one_setting_named_by_the_method_it_belongs_to() -> None:
    sentence = (
        "We also trained Gated Recurrent Units (GRU) (Cho et al., 2014) with 32 and 96 "
        "units, and a convolutional baseline."
    )
    assert _read(sentence) == [("GRU units", "32 and 96", (32.0, 96.0))]


def test_one_size_per_layer_of_a_network_declared_with_as_many_layers() -> None:
    sentence = "The 4-layer Perceptron (300, 200, 100 and 50 layers with tanh) is our baseline."
    got = [(n, v) for n, _, v in _read(sentence) if len(v) > 1]
    assert got == [("Perceptron layer sizes", (300.0, 200.0, 100.0, 50.0))]


def test_values_paired_respectively_stay_one_setting_each() -> None:
    sentence = "The two splits contain 8000 and 2000 samples, respectively."
    assert [v for _, _, v in _read(sentence)] == [(8000.0,), (2000.0,)]


def test_a_decimal_before_a_count_is_not_part_of_its_list() -> None:
    sentence = "Filters use a dropout of 0.3 and 256 hidden units."
    assert ("hidden units", "256", (256.0,)) in _read(sentence)
    assert all(len(v) == 1 for _, _, v in _read(sentence))


def test_values_used_as_something_are_one_setting_named_by_what_they_are() -> None:
    sentence = "Throughout the study we used only 4, 8, and 16 as bucket counts for hashing."
    assert _read(sentence) == [("bucket counts", "4, 8, and 16", (4.0, 8.0, 16.0))]


def test_a_result_used_as_a_reference_is_not_a_setting() -> None:
    assert _read("The model achieved 0.91, which we use 0.91 as accuracy reference.") == []


def test_an_inequality_in_brackets_is_the_range_of_the_words_before_it() -> None:
    sentence = "We search the temperature window of the survey (250 < T < 900) for candidates."
    assert _read(sentence) == [
        ("temperature window of the survey (T)", "250 < T < 900", (250.0, 900.0))
    ]


def test_an_inequality_inside_a_derivation_is_not_a_range_setting() -> None:
    assert _read("Then f is convex on (0 < x < 1) since f'' ≥ 0.") == []
    assert _read("The bound holds for α in (0 < α < 1).") == []


def test_a_keyword_argument_quoted_in_prose_is_a_setting() -> None:
    sentence = "Vectors were trained with hierarchical softmax off (negative=10, window=4)."
    assert [(n, v) for n, v, _ in _read(sentence)] == [("negative", "10"), ("window", "4")]


def test_a_memory_budget_given_to_a_program_is_a_setting_but_the_machine_is_not() -> None:
    assert _read("On the cluster we set a buffer-size of 12GB for the solver.") == [
        ("buffer-size", "12", (12.0,))
    ]
    assert _read("The node has a memory of 64GB.") == []


def test_an_acronym_named_with_of_and_a_unit_is_a_setting() -> None:
    sentence = "Each template is a Lorentzian with a HWHM of 120 km/s at every position."
    assert _read(sentence) == [("HWHM", "120", (120.0,))]


def test_a_value_compared_to_another_is_not_a_setting_named_by_the_verb() -> None:
    sentence = "With early stopping the longest fit took 210 seconds compared to 9100 seconds."
    assert all(n != "compared" for n, _, _ in _read(sentence))


def test_a_library_used_in_a_version_is_read_as_its_version() -> None:
    sentence = "NumPy was used in version 1.21.4 because the cluster provides it."
    assert _read(sentence) == [("NumPy", "1.21.4", (1.21,))]


def test_a_cap_or_a_worker_count_in_words_is_a_setting() -> None:
    assert _read("Each query may name a maximum of three colours of the scene.") == [
        ("maximum colours", "three", (3.0,))
    ]
    assert _read("Vectors were built from the small corpus using four workers in parallel.") == [
        ("workers", "four", (4.0,))
    ]


def test_a_count_in_words_of_what_a_study_looks_at_is_not_a_setting() -> None:
    assert _read("The plant consists of two tanks connected in series.") == []
    assert _read("We compare on two standard benchmarks with three topics each.") == []


def test_a_figure_legend_of_keyword_values_is_not_read_as_settings() -> None:
    assert _read("0.5 interpolation=0.9 interpolation=0.5 interpolation=0.1") == []


def test_a_device_count_stands_although_the_sentence_goes_on_to_a_duration() -> None:
    sentence = "Every run trained on eight GPUs and took about 3 hours in total."
    assert ("GPUs", "eight", (8.0,)) in _read(sentence)
    assert _read("Memory use peaked at 40 GB of RAM on two GPUs.") == []


def test_a_sentence_that_opens_with_a_count_in_words_is_not_a_heading() -> None:
    assert _read("Two MPI processes share each node of the run.") == [
        ("MPI processes", "Two", (2.0,))
    ]
    assert _read("4 Training the classifiers") == []


def test_sizes_of_declared_layers_are_one_setting_of_layer_sizes() -> None:
    sentence = "The encoder feeds ELMo (Peters et al., 2018) + 2 dense layers of 300 and 100 units."
    got = [(n, v) for n, _, v in _read(sentence) if len(v) > 1]
    assert got == [("ELMo dense layer sizes", (300.0, 100.0))]
    sweep = "We compare MLPs with 2, 4 and 8 layers on every task."
    assert [(n, v) for n, _, v in _read(sweep) if len(v) > 1] == [("MLPs layers", (2.0, 4.0, 8.0))]
