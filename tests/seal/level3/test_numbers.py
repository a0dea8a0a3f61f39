"""Numbers as evidence cells write them."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from arakit.seal.level3.numbers import parse_number


@pytest.mark.parametrize(
    "text,value,resolution",
    [
        ("3.57", 3.57, 0.01),
        ("3.57%", 3.57, 0.01),
        ("3.57 ± 0.1", 3.57, 0.01),
        ("≈3.6", 3.6, 0.1),
        ("1e-4", 1e-4, 1e-4),
        ("−0.5", -0.5, 0.1),
        ("6.322e+04", 63220.0, 10.0),
        ("**0.7890**", 0.789, 1e-4),
        ("12,345", 12345.0, 1.0),
        ("0.41 (best)", 0.41, 0.01),
        ("+2", 2.0, 1.0),
    ],
)
def test_written_forms_parse_to_value_and_precision(text, value, resolution) -> None:
    r = parse_number(text)
    assert r is not None
    assert r.value == pytest.approx(value)
    assert r.resolution == pytest.approx(resolution)


def test_spread_approximation_and_percent_are_kept_as_flags() -> None:
    r = parse_number("≈ 3.57% ± 0.10")
    assert r is not None and r.approx and r.percent and r.spread == 0.1 and r.value == 3.57


@pytest.mark.parametrize("text", ["0/10", "n/a", "", "—", "yes", "3.5.1", "1e", "± 0.1"])
def test_cells_that_state_no_number_read_as_none(text: str) -> None:
    assert parse_number(text) is None


def test_infinities_parse_without_a_precision() -> None:
    r = parse_number("-inf")
    assert r is not None and r.value == -math.inf and r.resolution is None


@given(st.floats(allow_nan=False, allow_infinity=False, width=32))
def test_any_float_python_prints_reads_back(x: float) -> None:
    r = parse_number(repr(x))
    assert r is not None and r.value == pytest.approx(x)


@given(st.text(max_size=40))
def test_arbitrary_text_never_crashes(text: str) -> None:
    r = parse_number(text)
    assert r is None or isinstance(r.value, float)
