"""Values a paper reports rather than sets: the point of a sweep at which a results passage
reads an outcome, and the indices and limits of its equations; and the near misses that
stay settings (a value chosen from the sweep, a model configuration next to its result,
a count set for a run)."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import PaperSetting, settings_in
from arakit.compiler.settings.points import sweep_points


def _read(sentence: str, role: str = "results") -> list[tuple[str, str]]:
    return [(s.name, s.value) for s in settings_in(sentence, Where(4, "3", sentence, role))]


def _paper(*sentences: str) -> list[PaperSetting]:
    out: list[PaperSetting] = []
    for n, sentence in enumerate(sentences, start=1):
        out += settings_in(sentence, Where(n, str(n), sentence, "other"))
    return out


def test_a_value_beside_a_measured_outcome_is_where_the_outcome_was_read() -> None:
    assert (
        _read(
            "The hard task is not saturated: accuracy peaks at an intermediate cost "
            "(0.927 at K = 6) and is lower for the full circuit (0.873 at K = 24)."
        )
        == []
    )
    assert (
        _read(
            "On hardware the accuracy holds at 0.81 for cheap circuits, slips to 0.75 at M = 12, "
            "and collapses to near chance (0.56) at M = 18."
        )
        == []
    )


def test_a_configuration_beside_its_result_and_a_count_run_stay_settings() -> None:
    # the model described in parentheses is how it was built, not where a curve was read
    got = _read(
        "At matched compute, the wide model (d=256, L=6) achieves 95.9% accuracy, while the "
        "deep model (d=128, L=12) reaches only 74.8%."
    )
    assert ("d", "256") in got and ("d", "128") in got
    # a value that counts a unit of the run is set, even in a sentence about a plateau
    got = _read("It takes two hours to execute n = 10000 iterations and reach a plateau.")
    assert got == [("n", "10000")]


def test_a_member_of_a_declared_sweep_read_with_an_outcome_is_a_point_of_it() -> None:
    found = _paper(
        "For each task we run the sweep λ ∈ {0, 0.005, 0.01, 0.04, 0.15}.",
        "The λ = 0.15 circuit keeps the fewest gates, and its accuracy falls.",
        "The frontier stays flat above β = 0.04 and falls afterwards.",
    )
    assert [(s.name, s.value) for s in sweep_points(found)] == [
        ("λ", "{0, 0.005, 0.01, 0.04, 0.15}"),
        ("β", "0.04"),  # another symbol: no sweep of it was declared
    ]


def test_a_value_chosen_from_a_sweep_or_outside_it_stays_a_setting() -> None:
    found = _paper(
        "We search the rate λ ∈ {0.01, 0.1, 1}.",
        "We use λ = 0.1 for the final model, whose accuracy peaks there.",
        "The λ = 0.5 circuit keeps more gates, and its accuracy falls.",
    )
    assert [(s.name, s.value) for s in sweep_points(found)][1:] == [("λ", "0.1"), ("λ", "0.5")]


def test_a_run_of_a_sweep_with_an_ellipsis_holds_every_step() -> None:
    found = _paper(
        "The budgets are N ∈ {0, 2, . . . , 24}.",
        "The curve is flat above N = 12 and collapses at N = 0.",
        "It collapses at N = 7 as well.",
    )
    assert [(s.name, s.value) for s in sweep_points(found)][1:] == [("N", "7")]


def test_indices_and_limits_of_equations_are_notation() -> None:
    assert _read("The mapping in the 𝑖th layer (𝑖= 1, 2, ⋯, ℎ) uses weights 𝑊(𝑖).") == []
    assert _read("Cells 𝐾𝑘, where 𝑘= 1, 2, … , N_elem, cover the domain.") == []
    assert _read("𝐿𝑏 = 𝑁𝑇 1 ∑ (𝑢(𝑥𝑡) −𝑓(𝑥𝑡)) 𝑁𝑇 𝑡=1 𝐿PINN = 𝐿𝑝 + 𝜏𝐿𝑏.") == []
    # the flattened `A = (1/H) Σ a_h (2)`: a term of a display equation before its number
    assert _read("H A = 1 X ah (2) H h=1 and ah the attention score for head h.") == []


def test_a_value_in_prose_with_an_index_like_symbol_is_still_a_setting() -> None:
    assert _read("The difficulty is f = 2 (easy), f = 3 (medium) and f = 4 (hard).", "method") == [
        ("f", "2"),
        ("f", "3"),
        ("f", "4"),
    ]
    assert _read("We use a window w = 1 and a margin m = 0 in every run.", "method") == [
        ("w", "1"),
        ("m", "0"),
    ]
