"""What an experiment ran on is read from the paper's own words: hardware from the sentence
that says where the work ran, the software the paper says it uses (not one it mentions),
datasets named as datasets, metrics the paper says it measures."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.mapping import setup
from arakit.compiler.mapping.context import Sentence


def _s(text: str, role: str = "setup") -> Sentence:
    return Sentence(text, Where(3, "4", text, role))


def test_hardware_spans_cores_cpu_clock_and_memory():
    s = _s(
        "All runs were executed on a workstation with a 32-core AMD EPYC 7302 CPU at "
        "3.0 GHz and 256 GB of RAM."
    )
    assert setup.hardware([s]) == "32-core AMD EPYC 7302 CPU at 3.0 GHz and 256 GB of RAM"


def test_hardware_keeps_the_device_count_and_memory_printed_before_the_vendor():
    s = _s(
        "All experiments were conducted on a server equipped with four 48G NVIDIA RTX A6000 GPUs."
    )
    assert setup.hardware([s]) == "four 48G NVIDIA RTX A6000 GPUs"


def test_hardware_keeps_two_devices_of_one_sentence():
    s = _s("Timings were measured on an Intel Core i7 CPU and an NVIDIA GeForce RTX 2080 GPU.")
    assert setup.hardware([s]) == "Intel Core i7 CPU and an NVIDIA GeForce RTX 2080 GPU"


def test_hardware_named_as_future_work_is_not_what_ran():
    s = _s("Future work: evaluating the use of GPUs for the clients.", role="conclusion")
    assert setup.hardware([s]) is None


def test_memory_of_data_is_not_hardware():
    assert setup.hardware([_s("We ran the pipeline over 4 GB of images.")]) is None


def test_framework_is_the_one_the_paper_says_it_uses_not_one_it_mentions():
    items = [
        _s("Libraries such as TensorFlow and JAX can host such a model.", role="related"),
        _s("We use PyTorch for every model, running on Python 3.10."),
    ]
    assert setup.framework(items) == "PyTorch, Python"


def test_framework_from_what_the_package_is_when_nothing_says_used():
    assert setup.framework([_s("FitKit.jl is a Julia package for robust fitting.")]) == "Julia"


def test_r_is_a_language_only_where_said_as_one():
    assert setup.framework([_s("The simulations were written in R, version 4.1.")]) == "R"
    assert setup.framework([_s("Let R be the reflection matrix.")]) is None


def test_dataset_named_as_one_or_trained_on_by_name():
    assert setup.dataset(["Models are compared on the CIFAR-10 dataset."]) == "CIFAR-10"
    assert setup.dataset(["The encoder was pre-trained on ImageNet first."]) == "ImageNet"


def test_method_and_metric_acronyms_are_not_datasets():
    assert setup.dataset(["Slopes were fitted with OLS and scored by F1 on MSD curves."]) is None
    assert setup.dataset(["Results on OPT-1.3B are shown in the appendix."]) is None


def test_metrics_are_those_the_paper_says_it_measures():
    texts = [
        "Accuracy has long been studied.",
        "Every 15 seconds we measure the F1 score and the wall-clock time of each client.",
    ]
    assert setup.metrics(texts) == ["F1 score", "wall-clock time"]


def test_a_kind_of_device_is_not_the_hardware_that_ran():
    s = _s("Each node of the system runs CPUs with one or more accelerators such as GPUs.")
    assert setup.hardware([s]) is None
    assert setup.hardware([_s("Training ran on 4 GPUs for two days.")]) == "4 GPUs"


def test_a_determiner_before_dataset_is_not_a_name():
    assert setup.dataset(["Each dataset is split into five folds."]) is None
    assert setup.dataset(["Synthetic data set results follow."]) is None


def test_languages_listed_as_what_was_studied_are_not_the_software_used():
    items = [
        _s("We mined projects written in Python, Rust and Java."),
        _s("Repositories in Python, Rust, Java and C++ were sampled."),
    ]
    assert setup.framework(items) is None
    used = [*items, _s("We implemented our approach using the HuggingFace transformers library.")]
    assert setup.framework(used) == "HuggingFace transformers"


def test_hardware_of_a_laptop_the_measures_were_collected_on():
    s = _s("Timings were collected from an M2 Max MacBook Pro with 64GB unified RAM.")
    assert setup.hardware([s]) == "M2 Max MacBook Pro with 64GB unified RAM"


def test_a_package_of_a_language_names_the_language_not_the_backend_it_calls():
    items = [
        _s("The SpecSVD R package was developed to speed up decompositions."),
        _s("It reaches libtorch through Python with reticulate."),
        _s("A Python environment is created for the pytorch backend."),
        _s("Kimberly R. Smith wrote the vignette."),
    ]
    assert setup.framework(items) == "R"
