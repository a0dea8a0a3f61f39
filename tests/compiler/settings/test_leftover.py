"""The amounts and counts of a method clause that no reader knows by name: a number and its
unit, a number and the plural noun it counts, named by the words around them; and the
numbers such a clause holds that are no setting (approximations, instruments, the later
values of a list, references, dates, results)."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str, role: str = "method") -> list[tuple[str, str, str, str]]:
    return [
        (s.name, s.value, s.unit, s.meaning)
        for s in settings_in(sentence, Where(5, "2.3", sentence, role))
    ]


def test_an_amount_with_a_unit_no_vocabulary_names_is_read_with_its_noun_phrase() -> None:
    got = _read("Divers recorded every fish within a search width of 5 m of the transect.")
    assert ("search width", "5", "m", "") in got


def test_an_amount_after_a_passive_verb_is_named_by_the_verbs_subject() -> None:
    got = _read("The signal was notch filtered at 60 Hz before the analysis.")
    assert ("signal", "60", "Hz", "filtered at") in got
    got = _read("The initial exponential growth rate is scaled to 0.04 year−1 in every run.")
    assert ("exponential growth rate", "0.04", "year−1", "scaled to") in got


def test_a_compound_unit_is_kept_whole() -> None:
    got = _read("Plants were grown under 100 µmol m−2 s−1 of white light.")
    assert got == [("Plants", "100", "µmol m−2 s−1", "grown under")]


def test_a_count_of_any_plural_noun_in_a_method_clause_is_read() -> None:
    got = _read("We removed 208 stars from the final sample.")
    assert ("stars", "208", "", "") in got
    got = _read("The process is monitored through 52 variables in all runs.")
    assert ("variables", "52", "", "") in got


def test_the_number_of_a_million_or_a_space_grouped_thousand_is_not_cut_in_two() -> None:
    assert _read("The survey was filtered to over 12 million individuals.") == []
    assert all(v != "420" for _, v, _, _ in _read("It is padded with zeros to 46 420 samples."))


def test_an_approximation_an_instrument_and_a_reference_are_no_settings() -> None:
    assert _read("Bimodality was detected only for stars within ∼300 pc of the Sun.") == []
    assert _read("We performed speckle imaging on the Gemini South 8m telescope.") == []
    assert _read("Samples were drawn as listed in Table 4 regions of the survey.") == []


def test_the_later_values_of_a_list_or_a_span_are_left_to_the_list_readers() -> None:
    got = _read("The simulated change from 100 ms to 50 ms was applied to all words.")
    assert all(v not in ("100", "50") for _, v, _, _ in got)


def test_a_year_a_quotation_and_a_results_section_give_nothing() -> None:
    assert _read("The data were collected in 2018 across the region.") == []
    assert _read("As reported, “dyads were pulled at 91 kg of their capacity”.") == []
    assert _read("We removed 208 stars from the final sample.", role="results") == []


def test_a_clause_that_reports_an_outcome_gives_nothing() -> None:
    assert _read("The trained model reached an accuracy of 0.95 after we ran 30 epochs.") == []
