"""Sizes and counts stated without `=`: a model's parameter count, how many kinds a task
has, a total from chosen counts, lines of code, widths in bits, the leading part kept;
and a pseudo-code figure run into the text is no setting at all."""

from __future__ import annotations

from arakit.compiler.atoms import Where
from arakit.compiler.settings import settings_in


def _read(sentence: str) -> list[tuple[str, tuple[float, ...]]]:
    return [(s.name, s.values) for s in settings_in(sentence, Where(6, "5", sentence))]


def test_a_model_size_in_billions_as_printed() -> None:
    assert _read("We fine-tune the Mistral 13B model with adapters.") == [
        ("Mistral model size", (13.0,))
    ]
    assert _read("The Falcon-40B model is the largest we train.") == [
        ("Falcon model size", (40.0,))
    ]


def test_kinds_and_a_total_from_per_kind_counts() -> None:
    got = _read(
        "We randomly selected 150 reviews for each of the 8 defect types, resulting in 1,200 reviews."
    )
    assert ("defect types", (8.0,)) in got
    assert ("total reviews", (1200.0,)) in got


def test_a_total_of_a_noun_never_counted_before_is_not_read() -> None:
    assert ("total failures", (12.0,)) not in _read(
        "The tool ran overnight, resulting in 12 failures."
    )


def test_lines_of_code_and_a_width_in_bits() -> None:
    got = _read("The prototype is 900 lines of code (500 lines of Rust and 400 lines of OCaml).")
    assert got == [
        ("lines of code", (900.0,)),
        ("lines of Rust", (500.0,)),
        ("lines of OCaml", (400.0,)),
    ]
    assert _read("The ISA has 12 instruction types, so each opcode is 4 bits.") == [
        ("instruction types", (12.0,)),
        ("opcode bits", (4.0,)),
    ]


def test_a_machine_named_by_its_width_is_not_a_width_chosen() -> None:
    assert _read("It executes programs on a 256-cell, 16-bit machine.") == []


def test_the_leading_part_of_a_ranked_list_a_method_keeps() -> None:
    assert _read("The embeddings were truncated to the first 64 components before clustering.") == [
        ("first components", (64.0,))
    ]


def test_a_ratio_of_three_parts_keeps_every_part() -> None:
    got = _read("The corpus was then divided into train, dev and test sets in an 8:1:1 ratio.")
    assert [v for _, v in got] == [(8.0, 1.0, 1.0)]


def test_pseudo_code_run_into_the_text_states_no_setting() -> None:
    assert (
        _read("loop () { best := search ( pool ) if ( best = none ) { k := 0 } } n := n + 1") == []
    )
    assert _read("c := 0 c := c + 1 Stop? k := k + 1") == []
    assert _read("if ( found ) { x = 1 ; } else { x = 0 ; }") == []


def test_a_brace_under_a_formula_is_not_a_program() -> None:
    got = _read("|{z} 1 byte (2) {z } giving a vocabulary of V = 128 tokens for the system.")
    assert ("V", (128.0,)) in got


def test_a_temperature_named_only_by_its_unit_in_a_method_clause() -> None:
    got = _read("We ran a single simulation of 864 atoms at 600 K for 2 ns.")
    assert ("temperature", (600.0,)) in got
    assert _read("The transition was observed at 350 K in every sample.") == []


def test_a_display_equation_run_into_the_text_is_math_not_a_setting() -> None:
    assert _read("m ELoss = 1 n X ∥g(xi)△Yi∥ (4.2) i=1 Here the symbol is the difference.") == []
    got = _read("Substituting ρ = 1/3, Equation (7) becomes √ 3 P(ω) = π P0 (12) as before.")
    assert ("ρ", (1 / 3,)) in got


def test_prose_after_a_listing_in_the_same_sentence_is_still_read() -> None:
    got = _read(
        "3: S ← sample(P) 4: P ← update(S) 5: end for Thus the method has one knob: the "
        "step size η is set to 0.25."
    )
    assert got == [("step size η", (0.25,))]
