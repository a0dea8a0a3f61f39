"""A distribution with numeric parameters that a paper sets (a prior, an initialisation) is
one setting: its value as printed, its parameters as numbers, named for what it is set on."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings.distributions import distribution_settings


def _read(text: str) -> list[tuple[str, str, tuple[float, ...]]]:
    return [(s.name, s.value, s.values) for s in distribution_settings(text, Where(3, "2", text))]


def test_brms_priors_printed_in_the_paper_are_named_by_class_and_parameter() -> None:
    code = (
        'priors <- c( prior( normal(450, 80), class = "Intercept" ), '
        'prior( normal(log(120), 0.4), class = "Intercept", dpar = "tau" ), '
        'prior(normal(0, 30), class = "b", coef = "Noise1") )'
    )
    assert _read(code) == [
        ("prior Intercept", "normal(450, 80)", (450.0, 80.0)),
        ("prior Intercept tau", "normal(log(120), 0.4)", (120.0, 0.4)),
        ("prior b Noise1", "normal(0, 30)", (0.0, 30.0)),
    ]


def test_a_prior_in_prose_is_named_by_its_noun() -> None:
    text = "We hold the slope prior at Normal(0, 10) and the scale prior at Half-normal(1.5)."
    assert _read(text) == [
        ("slope prior", "Normal(0, 10)", (0.0, 10.0)),
        ("scale prior", "Half-normal(1.5)", (1.5,)),
    ]
    assert _read("The prior on the drift coefficient is N(0, 2.5).") == [
        ("drift coefficient prior", "N(0, 2.5)", (0.0, 2.5))
    ]


def test_a_symbol_drawn_from_a_distribution_is_named_by_the_symbol() -> None:
    assert _read("The weights are initialised as W2 ∼ N(0, 0.02).") == [
        ("W2 distribution", "N(0, 0.02)", (0.0, 0.02))
    ]


def test_a_distribution_of_symbols_or_only_named_is_no_setting() -> None:
    assert _read("where the noise ξ ∼ N(0, I) is white") == []
    assert _read("each length Li ∼ N(μi, σi) is drawn per site") == []
    assert _read("The residuals look like a normal(0, 1) variable.") == []  # nothing set


def test_a_log_uniform_is_left_out_because_its_powers_may_have_lost_their_raise() -> None:
    assert _read("with a prior on periods P ∼ log U(1, 1015)") == []
