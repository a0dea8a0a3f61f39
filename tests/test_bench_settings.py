"""The settings benchmark scores recall twice: name-aware (an extracted setting must share
a word or the key with the truth's name) and name-blind (the same numbers on the same page,
any name), so a naming gap is told apart from a reading gap."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks.realworld.bench_settings import score, values_found

TRUTH = [
    {"name": "notch filter", "key": "notch", "value": "60 Hz", "numbers": [60], "page": 6},
    {"name": "sampling rate", "key": "fs", "value": "128 Hz", "numbers": [128], "page": 6},
]


def _setting(name: str, value: float, page: int = 6) -> SimpleNamespace:
    return SimpleNamespace(
        name=name,
        meaning="",
        key=name.replace(" ", "_"),
        value=str(value),
        values=[value],
        where=SimpleNamespace(page=page),
    )


def test_a_value_under_a_foreign_name_is_found_name_blind_only() -> None:
    got = [_setting("line noise", 60), _setting("sampling rate", 128)]
    found, required, *_ = score(got, TRUTH)
    assert (found, required) == (1, 2)
    assert values_found(got, TRUTH) == 2


def test_a_value_on_a_far_page_is_not_found_even_name_blind() -> None:
    assert values_found([_setting("notch filter", 60, page=9)], TRUTH) == 0


def test_one_extracted_setting_finds_one_truth_setting_name_blind() -> None:
    twins = [{**TRUTH[0], "name": "a"}, {**TRUTH[0], "name": "b"}]
    assert values_found([_setting("x", 60)], twins) == 1
