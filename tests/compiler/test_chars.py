"""Text as a reader sees it: TeX math-extension codes, bracket pieces, accents set before
their letter, ligatures; and no control character survives."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from arakit.compiler.pdf.chars import clean, span_text


def test_math_extension_codes_become_delimiters_and_operators() -> None:
    assert span_text("\x0c", "CMEX10") == "|"
    assert span_text("\x0d", "CMEX9") == "‖"
    assert span_text("\x00\x01", "LMMathExtension10-Regular") == "()"
    assert span_text("\x12∑\x13", "CMEX10") == "(∑)"  # mapped glyphs stay as they are


def test_control_codes_of_other_fonts_are_not_reinterpreted() -> None:
    assert span_text("\x0c", "CMR10") == "\x0c"
    assert clean("a\x0cb\x00c") == "abc"


def test_accents_typeset_before_their_letter_are_joined_to_it() -> None:
    assert clean("Jos\u00b4e Vin\u00b4\u0131cius") == "José Vinícius"
    assert clean("Allassonni`ere na\u00a8\u0131ve Fran\u00b8cois") == "Allassonnière naïve François"


def test_ligatures_and_symbol_bracket_pieces_become_plain_text() -> None:
    assert clean("\ufb01t e\ufb03cient") == "fit efficient"
    assert clean("\uf8eb x \uf8f6") == "⎛ x ⎞"


@given(st.text())
def test_clean_text_never_holds_a_control_character(text: str) -> None:
    out = clean(text)
    assert not any(unicodedata.category(ch) == "Cc" and ch not in "\t\n" for ch in out)
