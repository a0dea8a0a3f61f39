"""Settings named in any script: a Cyrillic name is read whole, never cut to the last few
letters of its last word."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.names import snake


def _read(sentence: str) -> list[tuple[str, str, tuple[float, ...]]]:
    return [(s.name, s.key, s.values) for s in settings_in(sentence, Where(5, "3", sentence))]


def test_a_cyrillic_range_keeps_its_whole_name_and_a_key_in_its_own_letters() -> None:
    assert _read("• Число соседей ∈ [1, 50].") == [("Число соседей", "число_соседей", (1.0, 50.0))]


def test_a_cyrillic_word_before_a_range_is_not_taken_for_a_symbol() -> None:
    ((name, key, values),) = _read("• Вес γ для штрафа ∈ [0.001, 1]")
    assert name == "Вес γ для штрафа" and key == "вес_gamma_для_штрафа"
    assert values == (0.001, 1.0)


def test_a_symbol_before_a_range_is_still_the_name() -> None:
    assert _read("The penalty C ∈ [0.01, 10] is searched on a log scale.")[0][:2] == ("C", "c")


def test_values_joined_to_a_range_are_numbers_of_the_setting() -> None:
    ((name, _, values),) = _read("• Tree depth ∈ [2, 16] ∪ {−1}")
    assert name == "Tree depth" and values == (2.0, 16.0, -1.0)


def test_snake_keeps_letters_of_any_script_and_drops_latin_accents() -> None:
    assert snake("Доля выборки") == "доля_выборки"
    assert snake("Größe der Stichprobe") == "große_der_stichprobe"
    assert snake("Ts,min") == "ts_min" and snake("µtrue") == "mu_true"


def test_a_raised_digit_after_a_decimal_number_stays_an_exponent() -> None:
    from arakit.compiler.pdf.document import Line
    from arakit.compiler.pdf.paragraphs import reading_text

    text = "weights drawn from N(0, 0.32) and a rate of 10−4"
    two = text.index("2)")
    minus = text.index("−4")
    line = Line(text, 3, 0, 0, 300, 10, 10.0, sup=[(two, two + 1), (minus, minus + 2)])
    assert reading_text(line) == "weights drawn from N(0, 0.3²) and a rate of 10⁻⁴"


def test_a_raised_exponent_of_ten_stays_raised_and_reads_as_the_power() -> None:
    from arakit.compiler.pdf.document import Line
    from arakit.compiler.pdf.paragraphs import reading_text

    text = "small deviation with 108 samples; a rate of 3 × 10−4, see Smith2"
    eight = text.index("8 samples")
    minus = text.index("−4")
    two = text.index("2", text.index("Smith"))
    # the sign and the digit of `−4` are set as two raised pieces, as TeX sets them
    sup = [(eight, eight + 1), (minus, minus + 1), (minus + 1, minus + 2), (two, two + 1)]
    line = Line(text, 5, 0, 0, 300, 10, 10.0, sup=sup)
    got = reading_text(line)
    assert got == "small deviation with 10⁸ samples; a rate of 3 × 10⁻⁴, see Smith"
    found = settings_in(
        "Evaluation used 10⁸ samples and a learning rate of 3 × 10⁻⁴.", Where(5, "4", "")
    )
    assert [s.key for s in found] == ["n_samples", "learning_rate"]
    assert found[0].number == 1e8 and found[1].number == pytest.approx(3e-4)


def test_a_raised_digit_after_a_number_other_than_ten_is_not_made_a_power() -> None:
    from arakit.compiler.pdf.document import Line
    from arakit.compiler.pdf.paragraphs import reading_text

    text = "we ran 2003 trials and 110 more"
    three = text.index("3 trials")
    zero = text.index("0 more")
    line = Line(text, 5, 0, 0, 300, 10, 10.0, sup=[(three, three + 1), (zero, zero + 1)])
    assert "⁰" not in reading_text(line) and "³" not in reading_text(line)


def test_a_normal_written_with_a_squared_deviation_keeps_the_deviation() -> None:
    got = [
        (s.name, s.values)
        for s in settings_in("Elements Bij were sampled i.i.d. from N(0, 0.3²).", Where(4, "2", ""))
    ]
    assert got == [("Elements Bij", (0.0, 0.3))]


def test_a_paragraph_over_a_page_break_dates_its_second_half_by_the_later_page() -> None:
    from arakit.compiler.settings import _dated, _joined

    first = ("We set up the system. Then the grid", 4, "2", "method", [])
    second = ("is refined twice. We use a = 2 there.", 5, "2", "method", [])
    ((text, page, _, _, turns),) = _joined([first, second])
    assert [p for _, p in _dated(text, page, turns)] == [4, 4, 5]
