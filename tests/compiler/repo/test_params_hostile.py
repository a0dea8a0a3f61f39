"""Hostile input to the R / Julia, document-chunk, DESCRIPTION and YAML-schema readers:
runs of name characters with no call, unclosed strings, brackets and fences, binary bytes
and oversized files end in a bounded result (few or no parameters), never an exception.
(How long they take is measured in benchmarks, not asserted here; each case below once
took minutes, or would have, with a regex that rescanned a name from every character.)"""

from __future__ import annotations

import pytest

from arakit.compiler.repo.params import params_of
from arakit.compiler.repo.params.rexpr import (
    is_const_value,
    is_default_value,
    is_literal,
    is_literal_call,
)

HOSTILE = {
    "R/unclosed_string.R": "y <- c('" + "a" * 200_000 + "\n",
    "R/dotted_run.R": "x <- " + "a." * 20_000 + "\nfunction " + "a." * 20_000 + "\n",
    "R/unclosed_signature.R": "f <- function(a = c(" + "1, " * 20_000 + "\n",
    "R/deep.R": "g <- function(x = list(" + "(" * 5_000 + "\n",
    "src/unclosed.jl": "const X = "
    + "A." * 500
    + "B("
    + "1, " * 500
    + "\n"
    + ("function f(x=" + "[1 " * 100 + ")\nend\n") * 200,
    "paper.md": "```{r\n" + "x <- 1\n" * 20_000,
    "docs/fences.md": "~~~julia\n" + "```r\n" * 20_000 + "const A = 1\n",
    "README.Rmd": "\x00\xff```{r}\n\x00 <- \xff\n" * 1_000,
    "DESCRIPTION": "Imports:" + " pkg (>= " * 50_000 + "\nVersion:\n" + "\x00\xff" * 1_000,
    "project.yml": "commands:\nvars:\n" + "  a: [1,\n" * 20_000,
}


@pytest.mark.parametrize("rel", sorted(HOSTILE))
def test_hostile_input_to_a_reader_gives_a_bounded_result_not_an_error(rel: str) -> None:
    found = params_of(HOSTILE[rel], rel)
    assert len(found) <= 2_000
    assert all(p.file == rel and p.line >= 1 for p in found)


def test_an_oversized_document_or_description_is_skipped_whole() -> None:
    big = "```r\nn <- 1\n```\n" + "x" * 600_000
    assert params_of(big, "paper.md") == []
    assert params_of("Version: 1.0\n" + "#" * 300_000, "DESCRIPTION") == []


@pytest.mark.parametrize(
    "value",
    [
        "c(" + "1.1.1," * 50,
        "list(" + "a=1," * 70,
        "f(" + "A.B," * 70 + ")",
        "seq(" + "(" * 150 + ")" * 150 + ")",
        "1e" * 150,
        "f(" + "a." * 140,
        "c(" + "'a', " * 70 + "x",
        "x" * 100_000,
    ],
)
def test_value_checks_refuse_malformed_or_oversized_values(value: str) -> None:
    checks = (is_literal, is_default_value, is_const_value, is_literal_call)
    assert not any(check(value) for check in checks)


def test_a_long_number_within_the_bound_is_still_a_literal() -> None:
    assert is_literal("1" * 299) and not is_literal("1" * 301)
