"""The machine the experiments ran on: device counts with their memory, RAM, clock, and
the cores each method was given; model numbers are never counts."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str) -> list[tuple[str, str, tuple[float, ...]]]:
    return [(s.key, s.name, s.values) for s in settings_in(sentence, Where(2, "4", sentence))]


def test_a_count_of_gpus_with_their_memory_and_model_between() -> None:
    got = _read(
        "Training ran on a node with three 48G NVIDIA RTX A6000 GPUs and an AMD EPYC 7543 CPU."
    )
    assert ("n_gpus", "GPUs", (3.0,)) in got
    assert ("gpu_memory", "GPU memory", (48.0,)) in got
    assert not any(v == (7543.0,) for _, _, v in got)  # a model number, not a count


def test_ram_clock_and_hyphenated_core_counts() -> None:
    got = _read("We used a 32-core Xeon Gold 6338 CPU at 2.0 GHz and 512 GB of RAM.")
    assert [(k, v) for k, _, v in got] == [
        ("cpu_cores", (32.0,)),
        ("cpu_clock", (2.0,)),
        ("ram", (512.0,)),
    ]


def test_the_cores_each_method_was_given_are_named_by_the_method() -> None:
    got = _read(
        "Methods were timed as follows: SketchSVD (8 cores), halko (2 cores) and lanczos (1 core)."
    )
    assert got == [
        ("cores", "SketchSVD cores", (8.0,)),
        ("cores", "halko cores", (2.0,)),
        ("cores", "lanczos cores", (1.0,)),
    ]


def test_threads_named_after_their_device_are_threads() -> None:
    got = _read("Each job was limited to 12 CPU threads and 2 GPUs.")
    assert [(k, v) for k, _, v in got] == [("n_threads", (12.0,)), ("n_gpus", (2.0,))]


def test_memory_a_run_used_is_an_outcome_not_a_setting() -> None:
    assert _read("Peak memory consumption reached 41 GB of RAM during decoding.") == []


def test_nodes_of_a_network_are_not_machines() -> None:
    got = _read("The encoder is a single hidden layer with 24 nodes and a linear output term.")
    assert all(k != "n_nodes" for k, _, _ in got)
    assert ("n_nodes", "nodes", (8.0,)) in _read(
        "Jobs ran on 8 nodes of the cluster, each with 4 GPUs."
    )


def test_software_versions_in_a_sentence_about_the_environment() -> None:
    got = _read("For the experiments we use Flower 1.4.2 running on Python 3.10.")
    assert [(k, v) for k, _, v in got] == [("flower_version", (1.4,)), ("python_version", (3.1,))]
    got = _read("El servidor tiene instalada la versión 4.2.1 de R y Julia en su versión 1.9.3.")
    assert [(k, v) for k, _, v in got] == [("r_version", (4.2,)), ("julia_version", (1.9,))]


def test_section_numbers_and_licences_are_not_versions() -> None:
    assert (
        _read("Using the notation of Section 4.2, the data are released under CC BY-SA 4.0.") == []
    )
    assert _read("The tokenizer of GPT 3.5 is described in the appendix.") == []


def test_a_device_noun_used_as_a_modifier_is_not_a_device() -> None:
    assert _read("We evaluate three models on the two core tasks of the benchmark.") == []
    assert _read("Entropy is averaged over one thread group at a time.") == []
