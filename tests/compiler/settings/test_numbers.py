"""Printed values read as numbers in every notation papers and code use, and units."""

from __future__ import annotations

import pytest

from arakit.compiler.settings.numbers import parse_number, same_number, si


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("1e-5", 1e-5),
        ("0.00001", 1e-5),
        ("10^-5", 1e-5),
        ("10^{-5}", 1e-5),
        ("10**-5", 1e-5),
        ("10−5", 1e-5),  # a flattened superscript with a Unicode minus
        ("1 · 10−3", 1e-3),
        ("3×10−4", 3e-4),
        ("3 × 10−4", 3e-4),
        ("2k", 2000),
        ("50K", 50000),
        ("4.9M", 4.9e6),
        ("40,000", 40000),
        ("2,143,712", 2143712),
        ("−10", -10),
        ("20%", 20),
        ("five", 5),
    ],
)
def test_every_printed_notation_reads_as_the_same_number(printed: str, number: float) -> None:
    got = parse_number(printed)
    assert got is not None and same_number(got, number)


@pytest.mark.parametrize("printed", ["abc", "1.2.3", "", "10-20 runs", "3,14", "inf", "nan"])
def test_text_that_is_not_one_number_reads_as_none(printed: str) -> None:
    assert parse_number(printed) is None


def test_units_scale_to_si_so_paper_and_code_values_compare() -> None:
    assert same_number(si(0.5, "µs") or 0, 5e-7)
    assert same_number(si(150, "kHz") or 0, 150e3)
    assert same_number(si(270, "nF") or 0, 270e-9)
    assert si(3, "Ω") is None  # already in base units: nothing to scale
