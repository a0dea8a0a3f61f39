"""Cuts set in multiples of σ are settings: a clip, outliers removed beyond a multiple, a
detection threshold, the significance that selects what is shown; a multiple that tells
how far values stand apart or draws a contour is not."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str) -> list[tuple[str, str, str]]:
    return [(s.name, s.value, s.unit) for s in settings_in(sentence, Where(6, "3", sentence))]


def test_a_clip_outliers_removed_and_a_detection_limit_are_cuts() -> None:
    assert _read("We perform a 4σ clip on each action to exclude such orbits.") == [
        ("σ clip", "4", "σ")
    ]
    assert _read("Velocity outliers greater than 3-σ were removed before the fit.") == [
        ("outlier clipping", "3", "σ")
    ]
    assert _read("Contrast curves are produced to determine the 5-σ detection limits.") == [
        ("detection limits", "5", "σ")
    ]
    assert _read("We show the hot Jupiters with significant (>3σ) linear trends.") == [
        ("significance", "3", "σ")
    ]


def test_a_distance_in_sigma_or_a_contour_is_not_a_cut() -> None:
    assert _read("The two measurements are discrepant by about 2-σ.") == []
    assert _read("The 1- and 2-σ contours of the prior are shown in red.") == []
    assert _read("We determine the 1 σ error bars by a bootstrap.") == []
