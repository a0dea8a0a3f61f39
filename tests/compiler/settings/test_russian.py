"""Settings stated in Russian prose: a dash for `is`, `равен` (equal to), a preposition with
a noun and its value, counts after `с` or a verb of doing; and ratios in either language."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str) -> list[tuple[str, tuple[float, ...]]]:
    return [(s.name, s.values) for s in settings_in(sentence, Where(7, "4", sentence))]


def test_a_dash_between_a_name_and_a_number_states_the_value() -> None:
    assert _read("Число особей K в популяции – 20, остальные параметры по умолчанию.") == [
        ("Число особей K в популяции", (20.0,))
    ]


def test_an_item_number_before_the_dash_belongs_to_the_name() -> None:
    assert _read("Вес первого слоя – 0.3, у слоя 2 – 0.7.") == [
        ("Вес первого слоя", (0.3,)),
        ("у слоя 2", (0.7,)),
    ]


def test_equal_to_with_a_verb_of_choosing() -> None:
    assert _read("Шаг обучения α выбран равным 0.01 во всех запусках.") == [
        ("Шаг обучения α", (0.01,))
    ]


def test_a_preposition_noun_and_value_and_counts_after_a_verb() -> None:
    assert _read("Сравним точность моделей с бюджетом 50.") == [("бюджетом", (50.0,))]
    got = _read("Для каждой задачи выполнено 5 запусков, кросс-валидация с 4 блоками.")
    assert [v for _, v in got] == [(5.0,), (4.0,)]
    assert got[0][0].endswith("запусков") and got[1][0].endswith("блоками")


def test_ratios_in_russian_and_english_keep_both_parts() -> None:
    assert _read("Данные разбивались на две части в соотношении 8:2.")[0][1] == (8.0, 2.0)
    assert _read("We split the data in a 9:1 ratio for training and testing.")[0][1] == (9.0, 1.0)


def test_a_dash_between_two_numbers_and_english_text_are_left_alone() -> None:
    assert _read("Значения 1 – 5 показаны на рисунке.") == []
    assert _read("Pages 10 – 12 describe the method.") == []


def test_a_sentence_reporting_an_outcome_states_no_setting() -> None:
    assert _read("Точность достигает максимума при значении 0.8.") == []
