"""Numbers in prose: the digits of model, dataset and tool names, versions and dates are not
measurements; ranges, spreads and settings are told apart from values; a percentage matches
the same share written as a fraction."""

from __future__ import annotations

import pytest

from arakit.seal.level2.quotes import measured_values, numbers


def roles(text: str) -> list[tuple[str, str]]:
    return [(n.text, n.role) for n in numbers(text)]


@pytest.mark.parametrize(
    "text",
    [
        "plain-18 and plain-{18, 34, 56}",
        "ResNet-50/101/152 and ResNet-50 / 101 / 152 and VGG-16/19",
        "CIFAR-10, top-1, dev20, T14, WM-001, METHOD-023, C++23, K3-K6",
        "Python 3.11, Clang 23, RTX 3050, driver 590.48.01, protocol-1.3.0",
        "on 2026-07-18 at 13:05, see §4.1, Table 3, Highway [42, 43]",
        "a 10-crop test of the 152-layer net",
    ],
)
def test_digits_of_names_versions_dates_and_references_are_not_measurements(text) -> None:
    assert measured_values(text) == [], roles(text)


def test_a_value_quoted_for_a_named_model_is_a_measurement() -> None:
    assert [(n.text, n.percent) for n in measured_values("plain-18 = 27.94% top-1")] == [
        ("27.94", True)
    ]


def test_slash_lists_of_values_stay_values_beside_a_slash_list_of_names() -> None:
    found = measured_values("(3.8/7.6/11.3 GFLOPs for ResNet-50/101/152)")
    assert [n.text for n in found] == ["3.8", "7.6", "11.3"]


def test_whole_number_ranges_are_ranges_and_decimal_ends_stay_checkable() -> None:
    assert {r for _, r in roles("periods 10–40, seeds 0-9, between 20 and 40")} == {"range"}
    assert [n.text for n in measured_values("between 0.3870 and 0.3915")] == ["0.3870", "0.3915"]
    assert [n.text for n in measured_values("from 0.7890 at N = 10 to 0.3136")] == [
        "0.7890",
        "0.3136",
    ]


def test_spread_and_settings_have_their_roles() -> None:
    assert roles("6.61 ± 0.16") == [("6.61", "value"), ("0.16", "spread")]
    assert roles("LR 0.01 for 400 iterations, batch size 128") == [
        ("0.01", "setting"),
        ("400", "value"),
        ("128", "setting"),
    ]


def test_percent_matches_the_same_share_written_as_a_fraction() -> None:
    [pct] = numbers("94.1%")
    [frac] = numbers("0.941")
    assert pct.matches(0.941) and frac.matches(94.1)
    assert not pct.matches(0.95)
