"""A laboratory protocol's steps are settings: what was done to the material at what
temperature, speed, for how long and in what concentration, named by the step."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings.protocol import protocol_settings


def _read(text: str) -> list[tuple[str, str, str, tuple[float, ...]]]:
    return [
        (s.name, s.value, s.unit, s.values) for s in protocol_settings(text, Where(4, "2", text))
    ]


def test_a_treatment_step_gives_its_temperature_duration_and_concentration() -> None:
    text = "Seeds were sterilized and then stratified at 4 °C for 2–4 d in 0.1% agar solution."
    assert _read(text) == [
        ("stratified temperature", "4", "°C", (4.0,)),
        ("stratified duration", "2–4", "d", (2.0, 4.0)),
        ("agar concentration", "0.1", "%", (0.1,)),
    ]


def test_each_step_names_its_own_values_and_keeps_a_negative_temperature() -> None:
    text = "Lysates were centrifuged at 12000 rpm for 15 min and stored at -20 °C until use."
    assert _read(text) == [
        ("centrifuged speed", "12000", "rpm", (12000.0,)),
        ("centrifuged duration", "15", "min", (15.0,)),
        ("stored temperature", "-20", "°C", (-20.0,)),
    ]


def test_a_measurement_or_a_result_at_a_temperature_is_no_step() -> None:
    assert _read("Enzyme activity was measured at 30 °C.") == []
    assert _read("The growth rate peaks at 28 °C for most strains.") == []
    assert _read("The model reaches 100% accuracy with 100% coverage.") == []
