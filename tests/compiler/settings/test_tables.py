"""Settings in hyperparameter tables, read from the document's tables."""

from __future__ import annotations

from arakit.compiler.pdf.document import DocTable
from arakit.compiler.settings.prose import Reader
from arakit.compiler.settings.tables import is_settings_table, table_settings


def _read(table: DocTable) -> list[tuple[str, str, object]]:
    return [(s.key, s.value, s.values) for s in table_settings(table, Reader({}), 1)]


def test_a_name_per_row_table_gives_one_setting_per_row_with_every_level() -> None:
    table = DocTable(
        "1",
        "WH circuit: Parameter configuration of the experiments.",
        ["Factor", "Values"],
        [
            ["Training time (s) (max time)", "300, 1800, 3600"],
            ["Size b of training (mini)batch (batch size)", "32, 128, 512, 1032"],
            ["Estimation seq. length me (seq est len)", "10, 20, 40, 80"],
        ],
        5,
    )
    assert _read(table) == [
        ("max_time", "300, 1800, 3600", (300.0, 1800.0, 3600.0)),
        ("batch_size", "32, 128, 512, 1032", (32.0, 128.0, 512.0, 1032.0)),
        ("seq_est_len", "10, 20, 40, 80", (10.0, 20.0, 40.0, 80.0)),
    ]
    assert table_settings(table, Reader({}), 1)[0].unit == "s"


def test_a_hyperparameter_table_with_one_column_per_model_keeps_the_column() -> None:
    table = DocTable(
        "4",
        "Hyperparameters used for fine-tuning.",
        ["Hyperparameter", "Base", "Large"],
        [["Learning rate", "1e-4", "5e-5"], ["Batch size", "32", "16"]],
        12,
    )
    got = [(s.key, s.number, s.extra.get("column")) for s in table_settings(table, Reader({}), 1)]
    assert got == [
        ("learning_rate", 1e-4, "Base"),
        ("learning_rate", 5e-5, "Large"),
        ("batch_size", 32, "Base"),
        ("batch_size", 16, "Large"),
    ]


def test_a_configuration_per_row_table_names_each_value_by_its_column() -> None:
    table = DocTable(
        "3",
        "Model configurations.",
        ["Name", "dmodel", "nheads", "nlayers"],
        [["Base", "128", "8", "6"], ["Wide", "256", "8", "6"]],
        6,
    )
    got = [(s.key, s.number, s.extra.get("column")) for s in table_settings(table, Reader({}), 1)]
    assert got[:3] == [
        ("d_model", 128, "Base"),
        ("num_heads", 8, "Base"),
        ("num_layers", 6, "Base"),
    ]
    assert len(got) == 6


def test_a_table_that_reports_results_is_not_a_settings_table() -> None:
    table = DocTable(
        "2",
        "Top-5 configurations.",
        ["est type", "batch size", "seq fit len", "FIT"],
        [["LSTM", "128", "80", "98.96 %"]],
        6,
    )
    assert not is_settings_table(table)
    assert _read(table) == []


def test_a_statistical_report_with_a_parameter_column_is_no_settings_table() -> None:
    anova = DocTable(
        "2",
        "ANOVA for the influence of sex and age on the scores.",
        ["Model", "Parameter", "Score / SS", "Score / df", "Score / F", "Score / p"],
        [["1", "Sex", "412.3", "1", "9.81", "0.002"]],
        5,
    )
    described = DocTable(
        "1",
        "Sociodemographic characteristics and parameters of the sample.",
        ["Variable", "18–25 Years n = 178", ">50 Years n = 98", "p Value"],
        [["Sex", "112 (62.9%)", "54 (55.1%)", "0.21"]],
        4,
    )
    regression = DocTable(
        "3",
        "Regression parameters.",
        ["Predictor", "β", "SE", "95% CI"],
        [["Age", "0.2", "0.1", "[0, 0.4]"]],
        6,
    )
    for table in (anova, described, regression):
        assert not is_settings_table(table)
        assert _read(table) == []
    settings = DocTable("4", "Simulation parameters.", ["Parameter", "Value"], [["N", "500"]], 7)
    assert is_settings_table(settings)


def test_a_prior_column_gives_the_settings_and_posterior_columns_are_results() -> None:
    table = DocTable(
        "5",
        "Priors and posteriors for the model fitted to the data.",
        ["Param.", "Unit", "Prior", "Median", "Mean", "Std. Dev."],
        [
            ["Sampled: physical", "", "", "", "", ""],
            ["P", "d", "N(8.3249; 0.1000)", "8.3248762", "8.3248762", "0.0000157"],
            ["u1", "–", "U(0.175; 0.475)(2)", "0.344", "0.338", "0.085"],
            ["T14", "hr", "–", "1.957", "1.955", "0.03"],
        ],
        20,
    )
    assert is_settings_table(table)
    assert _read(table) == [
        ("p", "N(8.3249; 0.1000)", (8.3249, 0.1)),
        ("u1", "U(0.175; 0.475)", (0.175, 0.475)),
    ]


def test_a_table_of_accuracies_under_different_configurations_is_results() -> None:
    by_caption = DocTable(
        "5",
        "Cross-session classification accuracy (%) of CTSSP with different time window "
        "configurations.",
        ["Windows", "Dataset I", "Dataset II"],
        [["1", "83.3±11.1", "67.8±16.7"], ["2", "**85.7±11.2**", "68.8±17.5"]],
        17,
    )
    by_cells = DocTable(
        "6",
        "Delay point settings.",
        ["Delay", "Dataset I", "Dataset II"],
        [["0", "83.5±11.1", "67.5±16.6"], ["1", "**85.7±11.2**", "68.8±17.5"]],
        17,
    )
    assert not is_settings_table(by_caption) and not is_settings_table(by_cells)
    hyper = DocTable(
        "7",
        "Hyperparameters used to reach the accuracy of Table 5.",
        ["Hyperparameter", "Value"],
        [["Learning rate", "1e-3"], ["Dropout", "0.25"]],
        18,
    )
    assert is_settings_table(hyper)


def test_a_results_table_whose_caption_mentions_settings_later_gives_no_settings() -> None:
    table = DocTable(
        "4",
        "FID comparison of GANs and VAEs. Best GAN indicates the best FID on each dataset "
        "when trained using settings suggested by original authors.",
        ["Model", "MNIST", "Fashion", "CIFAR"],
        [["Best GAN", "∼ 10", "∼ 32", "∼ 70"], ["VAEPP", "12.0", "26.4", "71.0"]],
        6,
    )
    assert not is_settings_table(table) and table_settings(table, Reader({}), 1) == []


def test_a_caption_that_opens_by_naming_the_settings_still_gives_them() -> None:
    table = DocTable(
        "2",
        "Training settings. Values not listed follow the original authors.",
        ["Model", "batch size", "learning rate"],
        [["Base", "32", "1e-4"]],
        6,
    )
    assert [s.key for s in table_settings(table, Reader({}), 1)] == ["batch_size", "learning_rate"]


def test_a_cell_listing_name_value_pairs_gives_one_setting_per_key_for_its_row() -> None:
    table = DocTable(
        "3",
        "Optimal hyperparameters for multiclass classification models.",
        ["Model", "Hyperparameters"],
        [
            ["XGBoost", "n_estimators=499, max_depth=6, learning_rate=0.196"],
            ["LSTM", "hidden_size=32, dropout=0.066, use_bias=False"],
        ],
        15,
    )
    got = [
        (s.name, s.value, s.number, s.extra.get("column"))
        for s in table_settings(table, Reader({}), 1)
    ]
    assert got == [
        ("n_estimators", "499", 499, "XGBoost"),
        ("max_depth", "6", 6, "XGBoost"),
        ("learning_rate", "0.196", 0.196, "XGBoost"),
        ("hidden_size", "32", 32, "LSTM"),
        ("dropout", "0.066", 0.066, "LSTM"),
        ("use_bias", "False", None, "LSTM"),
    ]
    groups = [s.group for s in table_settings(table, Reader({}), 1)]
    assert groups[0] == groups[2] != groups[3] == groups[5]  # one configuration per row


def test_a_cell_of_prose_with_an_equals_sign_is_not_split() -> None:
    table = DocTable(
        "2",
        "Training settings.",
        ["Setting", "Value"],
        [["Schedule", "cosine, with T=100 and warm restarts"], ["Batch size", "64"]],
        4,
    )
    assert [(s.name, s.value) for s in table_settings(table, Reader({}), 1)] == [
        ("Schedule", "cosine, with T=100 and warm restarts"),
        ("Batch size", "64"),
    ]


def test_a_table_of_runs_gives_only_its_initial_conditions() -> None:
    table = DocTable(
        "1",
        "Names and properties of the three orbits considered in this work.",
        ["name", "initial position (kpc)", "initial velocity (km s⁻¹)", "J_z (kpc km s⁻¹)"],
        [
            ["thin-disk", "(8, 0, 0)", "(0, −190, 10)", "0.69"],
            ["halo", "(8, 0, 0)", "(0, −190, 190)", "530"],
        ],
        6,
    )
    got = [
        (s.name, s.values, s.unit, s.extra.get("column"))
        for s in table_settings(table, Reader({}), 1)
    ]
    assert got == [
        ("initial position (kpc)", (8.0, 0.0, 0.0), "kpc", "thin-disk"),
        ("initial velocity (km s⁻¹)", (0.0, -190.0, 10.0), "km s⁻¹", "thin-disk"),
        ("initial position (kpc)", (8.0, 0.0, 0.0), "kpc", "halo"),
        ("initial velocity (km s⁻¹)", (0.0, -190.0, 190.0), "km s⁻¹", "halo"),
    ]


def test_a_table_of_best_fit_parameters_is_results() -> None:
    table = DocTable(
        "3",
        "Best-fit transit timing model parameters.",
        ["Parameter", "Median Value (Unc.)"],
        [["P [days]", "1.338231429(+26)(-26)"], ["dP/dt", "−2.74(+40)(−40) × 10−10"]],
        9,
    )
    assert not is_settings_table(table)
    assert _read(table) == []


def test_an_optical_prescription_is_one_setting_per_surface_and_column() -> None:
    from arakit.compiler.pdf.document import DocTable
    from arakit.compiler.settings.glossary import glossary
    from arakit.compiler.settings.prose import Reader
    from arakit.compiler.settings.tables import table_settings

    header = ["Surface", "RoC [m]", "Conic", "Thickness [m]"]
    table = DocTable(
        page=4,
        section="2",
        number="1",
        caption="Lens prescription of the relay used in the bench tests.",
        header=header,
        header_rows=[header],
        rows=[["L1", "0.250", "-0.5", "0.012"], ["L2", "-0.400", "0", "0.020"]],
    )
    got = table_settings(table, Reader(glossary([])), 1)
    assert [(s.key, s.value, s.extra["column"]) for s in got] == [
        ("roc", "0.250", "L1"),
        ("conic", "-0.5", "L1"),
        ("thickness", "0.012", "L1"),
        ("roc", "-0.400", "L2"),
        ("conic", "0", "L2"),
        ("thickness", "0.020", "L2"),
    ]


def test_a_unit_in_square_brackets_is_read_like_one_in_parentheses() -> None:
    from arakit.compiler.settings.tables import _unit_of

    assert _unit_of("Exposure [ms]") == _unit_of("Exposure (ms)") == "ms"
    assert _unit_of("Surface [label]") == ""


def test_a_notation_description_value_source_table_names_each_row_by_its_symbol_and_words() -> None:
    # a modelling paper's parameter table: the value column is headed `Range/Value`, the
    # last column cites where each value comes from
    table = DocTable(
        "2",
        "Model parameters and their values.",
        ["Notation", "Description", "Range/Value", "Source"],
        [
            ["γ", "recovery rate", "1/7 per day", "[12]"],
            ["k_{50}", "half-saturation density", "250 cells per ml", "[3]"],
            ["σ_M", "mutation standard deviation", "0.2", "estimated"],
        ],
        6,
    )
    got = [(s.name, s.value, s.meaning) for s in table_settings(table, Reader({}), 1)]
    assert got == [
        ("γ", "1/7 per day", "recovery rate"),
        ("k_{50}", "250 cells per ml", "half-saturation density"),
        ("σ_M", "0.2", "mutation standard deviation"),
    ]
