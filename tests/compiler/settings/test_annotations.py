"""Values that annotate rather than set: a bracketed sample size (`rainfall (n=4k)`), the
count behind a reported share (`41% (n = 220 plots)`), a subscript flattened by the text
layer (`ws=2,t`), a label (`the K=0 condition`); and the names a length or a run takes from
the thing it belongs to (`along 30m survey lines`, `each trial ran for 20 minutes`)."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.samples import SampleSize, sample_size


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, tuple[float, ...]]]:
    got = settings_in(sentence, Where(2, "2.1", sentence, role))
    return [(s.name, s.value, s.values) for s in got]


def test_a_bracketed_sample_size_is_named_by_the_thing_before_the_bracket() -> None:
    sentence = "We gathered records of rainfall (n=4k), wind speed (n=900, in m/s) and snow."
    assert _read(sentence) == [
        ("n (rainfall)", "4k", (4000.0,)),
        ("n (wind speed)", "900", (900.0,)),
    ]


def test_a_bracketed_sample_size_is_named_by_the_noun_after_its_count() -> None:
    sentence = "A site was defined as all plots within one watershed (N = 412 sites)."
    got = settings_in(sentence, Where(2, "2.1", sentence, "method"))
    assert [(s.name, s.key, s.values) for s in got] == [("N (sites)", "n_sites", (412.0,))]


def test_the_count_behind_a_reported_share_is_a_result() -> None:
    sentence = (
        "Of the plots, 41% (n = 220 plots) burned, against 59% elsewhere (59%, n = 318 plots)."
    )
    assert [s for s in _read(sentence) if s[0].startswith("n")] == []
    at = sentence.index("n = 220")
    assert sample_size(sentence, "n", at, at + 7) == SampleSize("plots", True, "n_plots")


def test_a_bare_n_is_not_a_bracketed_sample_size() -> None:
    sentence = "We optimise over n = 3000 iterations of the solver."
    assert sample_size(sentence, "n", sentence.index("n ="), sentence.index(" iterations")) is None
    assert sample_size("the data (n = 120) were", "n", 10, 15) is not None
    assert sample_size("the data (k = 120) were", "k", 10, 15) is None


def test_a_flattened_subscript_is_no_setting_but_a_list_of_settings_is() -> None:
    sentence = "Households save ws=1,t when working and spend ws=2,t+1 when retired."
    assert _read(sentence) == []
    assert _read("We set K=4,T=5 for every run.") == [("K", "4", (4.0,)), ("T", "5", (5.0,))]


def test_a_value_labelling_a_condition_is_no_setting() -> None:
    assert _read("Learners in the K=0 condition saw no repeats.") == []


def test_a_length_along_a_path_is_named_by_the_path() -> None:
    sentence = "Each count was a walk along 30m survey line, with an observer on each side."
    assert _read(sentence)[0] == ("survey line", "30", (30.0,))


def test_a_run_is_named_by_what_ran() -> None:
    sentence = "Each trial ran for 20 minutes before the lights were switched off."
    assert _read(sentence)[0][:2] == ("trial ran for", "20")
    assert _read("Simulations were run for 5 ns.")[0][:2] == ("simulations run for", "5")
    assert _read("We then ran the model for 10 hours.")[0][:2] == ("ran the model for", "10")


def test_a_label_or_an_index_the_paper_gives_is_no_setting() -> None:
    assert _read("Let t0 be the time of the pulse designated P = 0 in the log.") == []
    assert _read("Each cohort c is indexed by c = 1 for juveniles and c = 2 for adults.") == []
    assert _read("The batch size is 32 for CIFAR and 64 for ImageNet.") == [
        ("batch size (CIFAR)", "32", (32.0,)),
        ("batch size (ImageNet)", "64", (64.0,)),
    ]


def test_the_points_a_condition_picks_out_are_no_setting() -> None:
    assert _read("The track crosses a few points in the plane where vx = 0 and y = 0.") == []
    assert _read("We keep the times when T = 0 out of the fit.") == []
    sentence = "The loss weights are w where w = 10 for moving cells and w = 1 for the rest."
    assert [s[:2] for s in _read(sentence)] == [
        ("w (moving cells)", "10"),
        ("w (rest)", "1"),
    ]


def test_a_function_at_zero_set_to_zero_is_a_boundary_condition() -> None:
    assert _read("Then set g(0) = 0, giving g for every fold.") == []
    assert _read("The step sizes are β(1) = 0.5 and β(2) = 0.1.")[0][:2] == ("β(1)", "0.5")


def test_a_duration_before_plural_things_is_each_ones_length() -> None:
    sentence = "We cut every recording into 3-second clips, dropping shorter clips."
    assert _read(sentence) == [("clip length", "3", (3.0,))]
    assert _read("We use a 2 fs timestep.") == [("timestep", "2", (2.0,))]


def test_a_telescope_named_by_its_aperture_is_no_setting() -> None:
    assert _read("Spectra were taken with the Magellan 6.5m telescope and its echelle.") == []
    assert _read("We used a search radius of 10 arcsec around each target.")[0][:2] == (
        "search radius",
        "10",
    )


def test_a_share_of_the_data_written_as_a_fraction_in_words() -> None:
    got = _read("We kept a hold-out test set of field plots (one third of the total data).")
    assert [(n, v) for n, v, _ in got] == [("holdout share", "one third")]
    assert abs(got[0][2][0] - 1 / 3) < 1e-9
    assert _read("Two thirds of the samples were used for training.")[0][:2] == (
        "training share",
        "Two thirds",
    )
    assert _read("Training accuracy rose for two thirds of the samples.") == []
    assert _read("About half of the data showed a clear trend.") == []
