"""Statistics a paper reports are results, never settings: a test statistic with its
degrees of freedom, an effect size, and a mean or an effect beside a p-value, also where
the paper restates one it reported that way; the same symbols stay settings elsewhere."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in
from arakit.compiler.settings.statistics import is_statistic, reported_symbols


def _read(sentence: str) -> list[tuple[str, str]]:
    return [(s.name, s.value) for s in settings_in(sentence, Where(9, "4", sentence))]


def test_a_test_statistic_and_the_means_beside_it_are_not_settings() -> None:
    sentence = (
        "Participants learned more repeated pairs (M = .47) than non-repeated pairs "
        "(M = .27) in the first condition (paired t(66) = 6.93, p < .001)."
    )
    assert _read(sentence) == []


def test_an_effect_size_is_not_a_setting() -> None:
    assert _read("The observed effect size was very large (η² = .94), as expected.") == []
    assert _read("The mean effect size was significant (d = 0.44, p < .05).") == []


def test_the_same_symbols_set_up_a_model_where_no_test_is_reported() -> None:
    assert ("d", "512") in _read("We use d = 512 and M = 4 samples per prompt.")
    assert ("M", "4") in _read("We use d = 512 and M = 4 samples per prompt.")
    assert not is_statistic("η", "the learning rate η = 0.1")


def test_a_symbol_reported_beside_a_p_value_is_a_statistic_wherever_it_stands() -> None:
    texts = ["The effect was robust (d = 0.44, p < .05).", "We set λ = 0.1 (p = 0.5)."]
    assert reported_symbols(texts) == frozenset({"d"})
    assert is_statistic("d", "supported by much evidence (d = 0.44)", reported_symbols(texts))
    assert not is_statistic("λ", "We set λ = 0.1.", reported_symbols(texts))


def test_the_statistics_of_a_fit_and_its_degrees_of_freedom_are_not_settings() -> None:
    sentence = "The best-fitting model has 91 degrees of freedom, χ2 = 276, and χ2 red = 3.0."
    assert _read(sentence) == []
    assert _read("The linear and quadratic models differ by ∆BIC = 89.") == []
    assert not is_statistic("χ", "the susceptibility χ = 0.5")


def test_a_p_value_is_a_result_however_it_is_printed() -> None:
    # biology style: capital P after an ANOVA whose F carries its degrees of freedom as a
    # subscript run into the letter
    assert (
        _read("Density differs among the three treatments (ANOVA, F2,126 = 682, P = 0.973).") == []
    )
    assert (
        _read("Density is greater on the lower surface (ANOVA, F1,126 = 44.2, P = 8.21 × 10⁻¹⁰).")
        == []
    )
    # social-science style: a p-value beside the estimate it qualifies
    assert _read("The effect is positive and statistically significant (p = 0.009).") == []
    assert is_statistic("P", "as reported", value="2.58 × 10⁻⁶⁸")


def test_a_p_that_the_paper_sets_stays_a_setting() -> None:
    # a probability of a draw and a count of predictors are named p as well
    assert ("p", "0.5") in _read("Each unit is dropped with probability p = 0.5 during training.")
    assert not is_statistic(
        "p", "when p is close to n, such as p = 180, Cp is estimated", value="180"
    )


def test_an_estimate_and_its_interval_are_results_but_the_level_may_be_set() -> None:
    assert (
        _read("Substantively, the point estimate of 0.056 for the marginal effect is large.") == []
    )
    assert _read("The 95% confidence interval ranges from -0.010 to 0.049.") == []
    assert not is_statistic(
        "confidence interval", "we report 95% confidence intervals", value="95%"
    )
