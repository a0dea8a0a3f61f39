"""Random and mutated input to the compiler's text readers ends in a result, never a crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from arakit.compiler.atoms import Where, hyperparameters_in
from arakit.compiler.pdf.references import parse_reference, split_entries
from arakit.compiler.repo.params import json_params, python_params, toml_params, yaml_params
from arakit.compiler.text import sentences

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_config_readers_never_crash(text: str) -> None:
    for reader in (python_params, yaml_params, toml_params, json_params):
        for p in reader(text, "f"):
            assert p.line >= 1 and isinstance(p.value, str)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_sentence_and_atom_readers_never_crash(text: str) -> None:
    for s in sentences(text):
        for h in hyperparameters_in(s, Where(1, "", s)):
            assert h.value in s


@settings(max_examples=150, deadline=None)
@given(st.lists(TEXT, max_size=8))
def test_reference_parser_never_crashes(lines: list[str]) -> None:
    for key, text in split_entries(lines):
        ref = parse_reference(key, text)
        assert ref.doi in text and ref.arxiv in text
