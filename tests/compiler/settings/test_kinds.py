"""Settings read by what they are rather than by one paper's words: a quantity whose unit
is divided (`kg/m3`) or printed with LaTeX's degree glyph; the two ends of a range written
in words; a grid's shape; values matched `respectively` with the word before the values or
the names after them; a decaying schedule's end; an item of a configuration list; the
steps a method evaluates at. And what looks like a setting but is not: a description
column, a figure's number, the event of a probability, where an optimum lies, a reason."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.pdf.document import DocTable
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.prose import Reader
from arakit.compiler.settings.tables import table_settings


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, str]]:
    return [(s.key, s.value, s.unit) for s in settings_in(sentence, Where(2, "3", sentence, role))]


def _values(sentence: str) -> list[tuple[float, ...]]:
    return [s.values for s in settings_in(sentence, Where(2, "3", sentence, "method"))]


def test_a_quantity_with_a_divided_unit_keeps_the_whole_unit() -> None:
    got = _read(
        "All synthetic bodies have a total-magnetization vector with intensity 3.46 A/m, and "
        "a density contrast of 600 kg/m3."
    )
    assert [(v, u) for _, v, u in got] == [("3.46", "A/m"), ("600", "kg/m3")]


def test_an_angle_printed_with_latex_degree_glyph_is_read_in_degrees() -> None:
    got = _read(
        "We consider a main geomagnetic field with inclination 20.0◦ and declination 35.0◦."
    )
    assert [(v, u) for _, v, u in got] == [("20.0", "◦"), ("35.0", "◦")]


def test_values_after_the_word_respectively_go_to_the_names_in_order() -> None:
    got = _read(
        "The density contrasts of the upper left sphere, upper right sphere and prism are, "
        "respectively, 600 kg/m3, −500 kg/m3 and to 550 kg/m3."
    )
    assert [v for _, v, _ in got] == ["600", "−500", "550"]
    assert got[0][0] == "density_contrasts_of_upper_left_sphere"


def test_names_after_their_values_are_matched_respectively() -> None:
    got = _read(
        "We consider a mean direction for the main field equal to −19.865◦ and −7.43915◦ "
        "(the same as the mid location of the area) for the inclination and declination, "
        "respectively."
    )
    assert [(k, v) for k, v, _ in got] == [("inclination", "−19.865"), ("declination", "−7.43915")]


def test_outcomes_matched_respectively_are_not_settings() -> None:
    assert not _read(
        "The fit recovers the same performance (R2 index of 0.99 and 0.98 for vC and iL, "
        "respectively)."
    )


def test_a_range_in_words_keeps_both_ends_with_thousands_set_apart_by_a_space() -> None:
    assert _values(
        "The flops are computed for different number of potential-field data ranging from "
        "10, 000 to 1, 000, 000."
    ) == [(10000.0, 1000000.0)]
    assert _values("The standard deviations vary from 0.5% to 10% of the maximum value.") == [
        (0.5, 10.0)
    ]


def test_a_spread_of_outcomes_is_no_range_setting() -> None:
    assert not _read("Accuracies range from 80% to 90% across tasks.")
    # in a results section a range is read only where the clause tells what was done
    assert not _read("The gains ranged from 2 to 5 on every split.", role="results")


def test_the_shape_of_a_grid_keeps_every_number() -> None:
    assert _values("We computed the data on the same regularly spaced grid of 50 × 50 points.") == [
        (50.0, 50.0)
    ]


def test_a_length_is_never_a_count_of_layers() -> None:
    got = _read("For this application, we set a depth of 900 m (below the observation plane).")
    assert got == [("depth", "900", "m")]
    assert _read("The encoder has a depth of 12.") == [("num_layers", "12", "")]


def test_a_decaying_learning_rate_ends_at_its_minimum() -> None:
    got = _read(
        "The learning rate schedule is warmed up for the first 2k steps and decays toward 1e-5."
    )
    assert ("warmup_steps", "2k", "") in got
    assert ("min_learning_rate", "1e-5", "") in got
    assert not _read("The loss decreased to 0.1 after the first epoch.")


def test_a_number_of_steps_after_a_rate_counts_the_warm_up() -> None:
    got = _read("We warm up the learning rate for 1k steps and rely on AdamW.")
    assert [k for k, _, _ in got] == ["warmup_steps"]


def test_an_item_of_a_configuration_list_beside_read_settings_is_a_setting() -> None:
    got = _read(
        "Training uses K=4 samples per prompt (rollout batch 8, oversample 8), difficulty "
        "range [0, 16], controller temperature T=0.25."
    )
    assert ("batch_size", "8", "") in got and ("oversampling", "8", "") in got
    # a citation's year beside a setting is no item of a list
    assert _read("This was shown before (Smith et al., 2019), with a learning rate of 0.1.") == [
        ("learning_rate", "0.1", "")
    ]


def test_the_steps_a_method_evaluates_at_are_one_setting() -> None:
    assert _values("We evaluate on 128 held-out instances at steps 0, 9, 19, 29.")[-1] == (
        0.0,
        9.0,
        19.0,
        29.0,
    )
    assert not _read("The loss at steps 1, 2 and 3 was high.")


def test_replications_count_repetitions() -> None:
    got = _read("In each scenario, 1000 replications of the response y are generated.")
    assert got == [("repetitions", "1000", "")]


def test_a_description_column_of_a_settings_table_sets_nothing() -> None:
    table = DocTable(
        "III",
        "Hyperparameter descriptions for all flows.",
        ["Component", "Description"],
        [["Batch size", "Number of samples per training batch"], ["Epochs", "Passes over data"]],
        16,
    )
    assert table_settings(table, Reader({}), 1) == []


def test_a_figure_number_is_no_value() -> None:
    assert not _read("We produced 20 data sets from the noise-free data shown in Figure 3A.")


def test_a_numbered_part_of_the_supplement_is_no_setting() -> None:
    assert not _read(
        "Using turnout instead of vote share as the outcome produces a similar pattern of "
        "results (see SI 8.2)."
    )
    assert not _read(
        "We also find no effect when using the regression model to predict each member's "
        "party (see Table SI 8.4)."
    )
    assert not _read("The full derivation is given in Supplementary Note 3.")


def test_the_event_of_a_probability_is_no_setting() -> None:
    assert not _read("The outcome at difficulty d is generated by P(o = 1 | se, d) = σ(a(se − d)).")


def test_where_an_optimum_lies_is_derived_not_set() -> None:
    assert not _read("The utility is UK(p) = 1 − pK − (1 − p)K, uniquely maximized at p = 0.5.")
    assert not _read("The risk is minimal at the signal-optimal p=0.5 band.")
    assert ("l", "512", "") in _read("We cap the maximum sequence length at L = 512.")


def test_a_fact_given_as_a_reason_is_no_setting() -> None:
    assert _read("We also let the weight w = 0.5 since dfC(0) = 0.") == [("w", "0.5", "")]


def test_an_inequality_in_another_case_of_a_list_leaves_a_zero_setting_alone() -> None:
    got = _read(
        "The arms differ only in the controller: RLVE-90 (the acc ≥ 0.9 baseline), "
        "Signal-RLVE (λinfo=0), and FEP-RLVE (λinfo=1)."
    )
    assert [(k, v) for k, v, _ in got] == [("lambda_info", "0"), ("lambda_info", "1")]
    assert not _read("For |ri| < ϵ, αi = 0 holds.")


def test_one_end_of_a_range_and_a_measured_angle_are_not_settings() -> None:
    assert not _read("It spans galactic latitudes between 0◦ and 20◦ in our sample.")
    assert not _read("The companion lies at a position angle 231.17◦±0.02◦ from the primary.")


def test_a_symbols_count_is_named_by_the_noun_printed_after_it() -> None:
    got = settings_in(
        "Each range is cut into N = 500 equal intervals with nj = 12 plots per site.",
        Where(2, "3", "", "method"),
    )
    assert [(s.name, s.value, s.meaning) for s in got] == [
        ("N", "500", "equal intervals"),
        ("nj", "12", "plots per site"),
    ]
    said = settings_in("The estimate is stable when n = 8 is reached.", Where(2, "3", "", "method"))
    assert [s.meaning for s in said] == [""]
