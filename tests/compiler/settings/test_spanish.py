"""Settings stated in Spanish prose: decimal commas, number words, verbs of taking a value,
`de` before a value or a noun, and counts in a sentence that tells what was done."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.spanish import number, spanish


def _read(sentence: str) -> list[tuple[str, tuple[float, ...]]]:
    return [(s.name, s.values) for s in settings_in(sentence, Where(4, "3", sentence))]


def test_a_decimal_comma_is_a_decimal_point_and_number_words_are_counts() -> None:
    assert number("0,25") == 0.25
    assert number("3.5") == 3.5
    assert number("tres") == 3
    assert number("15 mil") == 15000


def test_a_symbol_that_takes_a_value_by_default_is_named_by_the_sentence_subject() -> None:
    got = _read("γ es un factor en el intervalo 0 ≤ γ ≤ 1 y toma el valor 0,25 por defecto.")
    assert got == [("γ", (0.25,))]


def test_initialised_values_and_a_noun_followed_by_de_and_its_value() -> None:
    assert _read("Todas las neuronas son inicializadas en 0,1 antes del entrenamiento.") == [
        ("neuronas", (0.1,))
    ]
    assert _read("Se descartan las predicciones que no superen un umbral de 0,7 en la salida.") == [
        ("umbral", (0.7,))
    ]


def test_the_machine_in_spanish_keeps_its_units_and_counts() -> None:
    got = _read(
        "El servidor cuenta con cuatro nodos de 16 núcleos cada uno, 2.4 GHz de velocidad de "
        "procesamiento y 64 GB de memoria RAM."
    )
    assert ("nodos", (4.0,)) in got and ("núcleos", (16.0,)) in got
    assert ("velocidad de procesamiento", (2.4,)) in got and ("memoria RAM", (64.0,)) in got
    assert _read("La memoria disponible es de 512 GB en total.") == [
        ("memoria disponible", (512.0,))
    ]


def test_counts_set_up_in_a_method_sentence_are_read() -> None:
    got = _read(
        "Los modelos son configurados con cinco árboles base y se divide el flujo en 40 ventanas."
    )
    assert got == [("árboles base", (5.0,)), ("ventanas", (40.0,))]


def test_outcomes_references_bounds_and_background_counts_are_not_settings() -> None:
    assert _read("El modelo obtiene una exactitud de 0,91 con 20 ventanas.") == []
    assert _read("Los 30 atributos de la tabla 2.1 se usan como entrada.") == []
    assert _read("Cada ejemplo se usa con más de dos etiquetas activas.") == []
    assert _read("Los autores clasifican estos métodos en tres grupos principales.") == []


def test_an_english_sentence_is_not_read_as_spanish() -> None:
    assert not spanish("The model was trained with a learning rate of 0.5 for the data.")
    assert spanish("El modelo fue entrenado con una tasa de aprendizaje de 0,5.")
