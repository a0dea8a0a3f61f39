"""Selection cuts read as settings: the bounds a study draws around its sample."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.prose import Reader


def _read(sentence: str) -> list[tuple[str, str, tuple[float, ...], str]]:
    where = Where(3, "2", sentence, "method")
    return [(s.name, s.value, s.values, s.unit) for s in settings_in(sentence, where)]


def test_removed_members_with_bounds_give_one_cut_per_bounded_quantity() -> None:
    got = _read(
        "We also removed stars with a Gaia parallax < 0, parallax signal-to-noise ratio < 10,"
        " and ruwe ≥ 1.4."
    )
    assert got == [
        ("Gaia parallax", "< 0", (0.0,), ""),
        ("parallax signal-to-noise ratio", "< 10", (10.0,), ""),
        ("ruwe", "≥ 1.4", (1.4,), ""),
    ]


def test_a_cut_written_in_words_keeps_its_unit() -> None:
    assert _read("We removed galaxies with angular separations larger than 150 mas.") == [
        ("angular separations", "larger than 150", (150.0,), "mas")
    ]
    assert _read(
        "Stars with effective temperatures that differed by more than 500K were removed."
    ) == [("effective temperatures", "more than 500K", (500.0,), "K")]


def test_a_flag_and_a_band_in_a_selecting_sentence_are_cuts() -> None:
    got = _read("We kept only sources with quality flag == 1 and with 0.8 < B − V < 1.5.")
    assert got == [
        ("quality flag", "== 1", (1.0,), ""),
        ("B − V", "0.8 < B − V < 1.5", (0.8, 1.5), ""),
    ]


def test_an_inequality_outside_a_selection_is_not_a_cut() -> None:
    assert _read("The bimodality drops strongly for stars above Z > 90 pc.") == []
    assert _read("We selected the brightest dwarfs out to distances > 2 kpc.") == []


def test_the_items_of_a_list_a_selecting_sentence_opens_are_cuts() -> None:
    reader = Reader({})
    lines = [
        "We selected stars with the following criteria:",
        "• Parallax error < 0.1 mas",
        "• σ(G)/G < 0.01",
        "The sample is shown in Figure 1.",
        "• Noise < 3",
    ]
    got = [
        (s.name, s.values, s.unit)
        for line in lines
        for s in reader.read(line, Where(3, "2", line, "method"), 1, False)
    ]
    assert got == [("Parallax error", (0.1,), "mas"), ("σ(G)/G", (0.01,), "")]


def test_members_kept_by_rank_are_a_cut_named_by_the_ranked_phrase() -> None:
    assert _read(
        "As part of pre-processing, all but the 500 most variable genes were removed."
    ) == [("most variable genes", "500", (500.0,), "")]
    assert _read("The 10 most cited papers are shown in Table 2.") == []
