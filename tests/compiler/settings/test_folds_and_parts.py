"""Settings stated without `=` in a method sentence: the folds of a cross-validation, the
parts of a split (in percent or with slashes), a count whose noun carries a size (`250
3-by-3 filters`), every part of a model (`all 12 attention heads`), counts of attempts,
stimuli, paragraphs and entries; and their near misses (a fraction, one share reported
alone, a label before a noun, threads of an argument, a part of a whole)."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str, role: str = "method") -> list[tuple[str, str]]:
    return [(s.name, s.value) for s in settings_in(sentence, Where(2, "2", sentence, role))]


def test_the_folds_of_a_cross_validation_are_read_in_digits_and_in_words() -> None:
    got = _read("The training features are subjected to five-fold cross-validation with an SVM.")
    assert got == [("cross-validation folds", "five")]
    assert _read("We use 10-fold stratified CV on the training set.") == [
        ("cross-validation folds", "10")
    ]
    assert _read("The five-fold increase in speed was unexpected.") == []


def test_a_split_in_percent_needs_two_parts_and_a_slashed_split_makes_a_whole() -> None:
    assert _read("The dataset is first divided into an 80% training and 20% holdout set.") == [
        ("training share", "80"),
        ("holdout share", "20"),
    ]
    assert _read("The model reaches 80% test accuracy.", "results") == []
    got = _read("Each dataset has 200 stimuli, split 70/30 with a fixed seed.")
    assert got == [("stimuli", "200"), ("split", "70/30")]
    assert _read("The samples were split 1/3 and 2/3 between the two sites.") == []


def test_a_count_whose_noun_carries_a_size_or_covers_every_part_of_a_model() -> None:
    got = _read("It has one 1D-convolutional layer with 250 3-by-3 filters.")
    assert got == [("3-by-3 filters", "250")]
    got = _read("The relevancy map is the mean attention map of all 12 attention heads.")
    assert got == [("attention heads", "12")]
    # `all` before items of data is what a run covered, not a part it was built with
    assert _read("The model correctly executes all 703 tested program instances.") == []


def test_counts_of_attempts_stimuli_paragraphs_and_entries_are_read() -> None:
    got = _read("The attack pauses if 20 consecutive back-translation attempts give no paraphrase.")
    assert got == [("consecutive back-translation attempts", "20")]
    got = _read("It was trained on a train dataset of approximately 240k paragraphs.")
    assert got == [("paragraphs", "240k")]
    assert _read("A test set of 40k entries is held out.") == [("entries", "40k")]
    # a part of a whole is an outcome of a check, not a size set up
    assert _read("Only 38 of its 125 entries are held out of training at all.") == []


def test_a_label_before_a_noun_and_threads_of_an_argument_count_nothing() -> None:
    got = _read("The model is confident on group 2 samples and less on group 1 samples.")
    assert got == []
    assert _read("This work joins the two threads.", "other") == []
    assert _read("Thus we invoke one thread for each disk.") == [("threads", "one")]


def test_what_a_model_takes_in_is_no_time_a_run_took() -> None:
    got = _read(
        "The model takes BERT embeddings as input, fed through an LSTM with hidden size 126."
    )
    assert got == [("hidden size", "126")]
    assert _read("The total training time took 2 hours.", "results") == []
    assert _read("Training the full model takes about 3 hours on one GPU.") == []


def test_a_dimension_printed_without_its_hyphen_is_read_but_not_a_space() -> None:
    got = _read("The goal is to sum two subsets of a 100 dimensional vector.")
    assert got == [("vector dimension", "100")]
    assert _read("The volume of a 3 dimensional space grows with the radius.") == []


def test_a_software_stack_and_a_camel_case_name_give_versions() -> None:
    got = _read("The software stack is Python 3.14, Qiskit 2.4.2 and JAX 0.10.2.")
    assert [n for n, _ in got] == ["Python", "Qiskit", "JAX"]
    assert _read("We employ a pre-trained ViT using pyTorch 2.5.") == [("pyTorch", "2.5")]
    # a lower-case word before a decimal is a quantity's name, not a program's
    sentence = "Using a threshold 0.5 the stack of layers is pruned."
    keys = [s.key for s in settings_in(sentence, Where(2, "2", sentence, "method"))]
    assert keys == ["threshold"]


def test_a_list_in_brackets_announced_by_its_count_is_the_values_tried() -> None:
    assert _read("• 4 embedding sizes (12, 25, 50, 100)", "results") == [
        ("embedding sizes", "12, 25, 50, 100")
    ]
    assert _read("• 2 values for C (1.0, 1000.0)", "results") == [("C", "1.0, 1000.0")]
    # as many values as announced, and of a quantity: not outcomes of counted runs
    assert _read("The 3 runs (0.91, 0.92, 0.93) agree.", "results") == []
    assert _read("• 3 embedding sizes (12, 25, 50, 100)", "results") == []


def test_cross_validation_written_with_capitals_counts_its_folds() -> None:
    assert _read("When training a model, 5-fold Cross Validation will be performed.") == [
        ("cross-validation folds", "5")
    ]


def test_a_share_of_the_data_made_into_each_named_set_is_a_split() -> None:
    got = _read(
        "In terms of splitting the dataset, 80% of the data will be made into the training"
        " dataset with the other 20% becoming the test dataset."
    )
    assert got == [("training share", "80"), ("test share", "20")]
    assert _read("The model reaches 80% on the training set and 20% on the test set.") == []
