"""Settings papers state as a count before its noun, a dimension, a size, a change of a
reference model or a value per item, without `=`; and the look-alikes that are not
settings: counts that report outcomes or describe other work, algorithm notation, a
plot's axis and the solution training should find."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, tuple[float, ...]]]:
    where = Where(3, "2", sentence, role)
    return [(s.name, s.value, s.values) for s in settings_in(sentence, where)]


def test_a_count_in_words_of_a_model_part_is_read_with_its_adjectives() -> None:
    got = _read("The encoder consists of conv7×7, followed by six residual blocks of batch norm.")
    assert got == [("residual blocks", "six", (6.0,))]
    assert _read("The decoder consists of two blocks, each a sequence of up-sampling.") == [
        ("blocks", "two", (2.0,))
    ]


def test_a_count_before_a_second_count_keeps_both() -> None:
    got = _read("The chosen configuration, featuring 256 hidden units across 5 layers, works.")
    assert got == [("hidden units", "256", (256.0,)), ("layers", "5", (5.0,))]


def test_counts_of_data_items_are_read_with_thousands_grouped_by_comma_or_space() -> None:
    got = _read("Following (Siarohin et al., 2020), 3,141 Tai-chi videos were downloaded.")
    assert got == [("Tai-chi videos", "3,141", (3141.0,))]
    got = _read("We train each model for 20 000 steps with the ADAM optimizer.")
    assert got == [("steps", "20 000", (20000.0,))]
    got = _read("TIMIT (Garofolo et al., 1993) includes 6300 utterances recorded by 630 speakers.")
    assert [(n, v) for n, v, _ in got] == [("utterances", "6300"), ("speakers", "630")]


def test_a_cap_and_a_choice_among_runs_are_named_as_such() -> None:
    got = _read("We then use LBFGS until convergence (or for maximum 1000 steps).")
    assert got == [("maximum steps", "1000", (1000.0,))]
    assert _read("Fig. 6 shows the error surface of the best of 20 models on each task.") == [
        ("best models", "20", (20.0,))
    ]


def test_a_count_that_reports_an_outcome_or_another_work_is_not_a_setting() -> None:
    outcomes = [
        "The wide model correctly executes all 703 tested program instances, including 182 "
        "instances of programs never seen during training.",
        "The loss jumps to 0.11 but recovers within 2,000 steps.",
        "Beyond 15 epochs, the training cost continued to decrease.",
        "Madsen and Johansen [2020] solve (+, ×) with two new units: the NAU and the NMU.",
        "Foster et al. [7] present a method that works for small sets (around 200 samples).",
        "They fall into three main categories, depicted in Figure 1.",
        "We demonstrate this on the identity on one of two inputs.",
    ]
    for sentence in outcomes:
        assert _read(sentence, "results") == [], sentence
    # a count in words in the introduction describes the paper's plan, not its setup
    assert _read("We stack two blocks to model addition.", "introduction") == []


def test_a_dimensional_vector_gives_its_dimension_but_a_space_does_not() -> None:
    got = _read("The input layer receives a 6-dimensional vector from the IMU data.")
    assert got == [("vector dimension", "6", (6.0,))]
    assert _read("The points lie in a 3-dimensional space of poses.") == []


def test_a_size_after_of_size_keeps_every_number() -> None:
    got = _read("All the frames and the semantic segmentation masks are of size 160 × 240.")
    assert got == [("semantic segmentation masks size", "160 × 240", (160.0, 240.0))]


def test_a_change_of_a_reference_model_gives_the_new_value_and_keeps_the_old() -> None:
    sentence = (
        "We downsize the number of ResNetEncoder layers from 5 to 3, and change the number of "
        "unit blocks from 2 to 1."
    )
    got = settings_in(sentence, Where(4, "3", sentence, "method"))
    assert [(s.name, s.value, s.extra.get("changed_from")) for s in got] == [
        ("number of ResNetEncoder layers", "3", "5"),
        ("number of unit blocks", "1", "2"),
    ]
    got = _read(
        "We also diminished hidden dimensions, from 170 to 128 as to hidden dimension of RNN "
        "layer and from 340 to 256 as to dense layer dimension."
    )
    assert [(n, v) for n, v, _ in got] == [
        ("hidden dimension of RNN layer", "128"),
        ("dense layer dimension", "256"),
    ]


def test_a_range_or_an_outcome_from_a_to_b_is_no_change_of_a_setting() -> None:
    assert _read("Moving the region deeper increases forgetting from 1.85 to 3.14 points.") == []
    assert (
        _read("We show the change of r when changing the β from 0.00 to 5.00 in 0.01 increments.")
        == []
    )


def test_a_chained_equality_gives_every_symbol_the_value() -> None:
    got = _read("We simulated the model with the parameters α = 0.05, γ = κ = 0.5, in 40 steps.")
    assert [(n, v) for n, v, _ in got][:3] == [("α", "0.05"), ("γ", "0.5"), ("κ", "0.5")]


def test_a_value_set_per_item_after_set_to_gives_each_item_its_value() -> None:
    sentence = "The batch size is set to 64 for WSJ and 100 for UD."
    got = settings_in(sentence, Where(6, "4", sentence, "results"))
    assert [(s.name, s.value, s.key) for s in got] == [
        ("batch size (WSJ)", "64", "batch_size"),
        ("batch size (UD)", "100", "batch_size_ud"),
    ]


def test_algorithm_notation_and_a_plot_axis_are_not_settings() -> None:
    listing = (
        "Algorithm 1: Inside algorithm for grand-NDMV notation LEFT=0, RIGHT=0, HASCHILD=0, "
        "NOCHILD=1 initialization for w = 1...(n − 1)"
    )
    assert _read(listing, "appendix") == []
    run_in = "P = logsumexp P[i] + C Algorithm 3: Inside algorithm notation LEFT=0, RIGHT=0"
    assert _read(run_in, "appendix") == []
    axis = "-1.0 -0.5 0.0 0.5 1.0 1.5 2.0 2.5 w1 w1 NPU g1 = 1; g2 = 0 2.500 Solution"
    assert _read(axis, "other") == []
    # prose that names an algorithm keeps its settings
    got = _read("As in Algorithm 1, we set the learning rate to 0.01.")
    assert [(n, v) for n, v, _ in got] == [("learning rate", "0.01")]


def test_the_solution_training_should_find_is_not_a_setting() -> None:
    for sentence in (
        "The correct solution is w1 = 1 and w2 = 0.",
        "During training they adjust as needed, in this case to g1 = 1 and g2 = 0.",
        "The last plot shows the same for g1 = 1 and g2 = 0, which corresponds to the correct "
        "gates at the end of NPU training.",
    ):
        assert _read(sentence, "other") == [], sentence
    assert _read("The gates are fixed at g1 = g2 = 0.5 at the start.", "other") == [
        ("g1", "0.5", (0.5,)),
        ("g2", "0.5", (0.5,)),
    ]


def test_a_kernel_or_window_size_without_of_is_read() -> None:
    got = _read("Every convolution layer has 50 feature maps with kernel size 15.")
    assert got == [("feature maps", "50", (50.0,)), ("kernel size", "15", (15.0,))]


def test_each_part_of_a_data_split_is_read_with_its_use() -> None:
    got = _read(
        "We conduct experiments on the WSJ corpus, with section 2-21 for training, section 22 "
        "for validation and section 23 for testing.",
        "results",
    )
    assert got == [
        ("section for training", "section 2-21", (2.0, 21.0)),
        ("section for validation", "section 22", (22.0,)),
        ("section for testing", "section 23", (23.0,)),
    ]
    got = _read("We split the set into 70% for training, 10% for validation, and 20% for testing.")
    assert [(n, v) for n, v, _ in got] == [
        ("share for training", "70%"),
        ("share for validation", "10%"),
        ("share for testing", "20%"),
    ]
    # what a run costs is no part of the data
    assert _read("It takes 12 hours for training on one machine.") == []


def test_a_length_limit_on_the_data_is_read_with_every_bound() -> None:
    got = _read(
        "We use sentences of length ≤ 15 in training and sentences of length ≤ 15 and ≤ 40."
    )
    assert got == [
        ("maximum sentences length", "≤ 15", (15.0,)),
        ("maximum sentences length", "≤ 15 and ≤ 40", (15.0, 40.0)),
    ]


def test_a_value_a_verb_sets_is_read_for_each_quantity_it_names() -> None:
    got = _read(
        "We tackle this at the decoding step, by lowering the deletion cost to 0.5 and "
        "insertion cost to 0.75.",
        "results",
    )
    assert got == [("deletion cost", "0.5", (0.5,)), ("insertion cost", "0.75", (0.75,))]
    # an outcome a change brought is not a setting
    assert _read("With pruning we reduce the error to 0.3 on the test set.", "results") == []


def test_a_difference_in_percentage_points_and_a_labelled_group_count_nothing() -> None:
    # a range of gains in percentage points is an outcome; "Group 1" names a group
    from arakit.compiler.settings.counts import counts

    assert counts("The gap narrows by 6–12 percentage points on the hard split.", "method") == []
    assert counts("Both groups were imaged: Group 1 samples were stained first.", "method") == []
    kept = counts("We train for 20 000 steps with six residual blocks.", "method")
    assert [(f.name, n) for f, n in kept] == [("steps", 20000.0), ("residual blocks", 6.0)]
