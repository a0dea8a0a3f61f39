"""Terms: a value, an identifier or an ID is found in any of its spellings."""

from __future__ import annotations

from arakit.query.terms import index_terms, number_token, query_terms, split_identifier


def test_a_number_has_one_token_whatever_its_spelling():
    assert number_token("1e-3") == number_token("0.001") == number_token("1.0E-03")
    assert number_token("10,000") == number_token("10000") == number_token("1e4")
    assert number_token("2e-5") != number_token("1e-5")


def test_identifiers_are_kept_whole_and_split_into_words():
    terms = index_terms("num_iter = 40000; batchSize; CTS_fit_soft.py").split()
    for tok in ("num_iter", "num", "iter", "batchsize", "batch", "size", "cts_fit_soft"):
        assert tok in terms
    assert split_identifier("RLC_SS_fit_1step") == ["rlc", "ss", "fit", "1", "step"]


def test_ids_and_commit_hashes_are_normalised():
    terms = index_terms("see C5 and N109, reverted in 3cba4972ab3b1975").split()
    assert {"id_c05", "id_n109", "h_3cba497"} <= set(terms)
    q = {a for t in query_terms("C05 3cba497") for a in t.alternatives}
    assert {"id_c05", "h_3cba497"} <= q


def test_a_phrase_in_a_question_also_asks_for_its_code_abbreviation():
    alts = {a for t in query_terms("What learning rate was used?") for a in t.alternatives}
    assert "lr" in alts
    assert "what" not in alts  # stop words carry nothing
    alts = {a for t in query_terms("lr of the soft fit") for a in t.alternatives}
    assert {"lr", "learning", "rate"} <= alts


def test_words_that_look_like_hex_are_words():
    terms = query_terms("the decade facade")
    assert [t.alternatives[0] for t in terms] == ["decade", "facade"]


def test_a_month_in_a_question_finds_dates_in_that_month():
    held = set(index_terms("Date = 2016-10-25 13:19; timestamp: 2025-02-18T16:11").split())
    assert {"d_2016_10", "mon_10", "d_2025_02", "mon_02"} <= held
    asked = {a for t in query_terms("added in late October 2016?") for a in t.alternatives}
    assert {"mon_10", "d_2016_10"} <= asked
    assert "mon_05" not in {a for t in query_terms("it may help") for a in t.alternatives}
    assert "d_2021_05" in {a for t in query_terms("fixed in May 2021") for a in t.alternatives}


def test_a_snake_case_word_with_digits_is_also_a_term_of_its_own():
    assert "doe5" in index_terms("does/doe5_plan.py").split()


def test_a_hyphenated_compound_also_asks_for_its_initials():
    terms = {t.text: t for t in query_terms("What is the closed-loop objective?")}
    assert terms["closed-loop"].alternatives == ("cl",)
    assert terms["closed-loop"].acronym and terms["closed-loop"].exact


def test_three_words_in_a_row_also_ask_for_their_initials_but_not_across_a_stop_word():
    alts = {
        a for t in query_terms("Which joint normalizing flow was removed?") for a in t.alternatives
    }
    assert "jnf" in alts
    across = {a for t in query_terms("joint of normalizing flow") for a in t.alternatives}
    assert "jnf" not in across


def test_a_long_word_also_asks_for_the_shortened_spellings_code_uses():
    perf = next(t for t in query_terms("closed-loop performance") if t.text == "performance")
    assert {"perf", "perfo"} <= set(perf.alternatives)
    short = next(t for t in query_terms("fit model") if t.text == "model")
    assert short.alternatives == ("model",)  # a short word is not cut


def test_a_camel_case_name_also_asks_for_its_initials_but_an_acronym_does_not():
    by_text = {}
    for t in query_terms("converted from PostScript, kept JNFDcca"):
        by_text.setdefault(t.text, []).append(t.alternatives)
    assert ("ps",) in by_text["PostScript"]
    assert ("jd",) not in by_text["JNFDcca"]  # JNF + Dcca: not words in CamelCase
