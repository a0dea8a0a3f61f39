"""Parameter tables printed as narrow tables side by side (`Symbol | Value | Symbol |
Value`), and the cells of such tables that state no value."""

from __future__ import annotations

from arakit.compiler.pdf.document import DocTable
from arakit.compiler.settings.prose import Reader
from arakit.compiler.settings.tables import _side_by_side, table_settings


def _read(table: DocTable) -> list[tuple[str, str, tuple[float, ...]]]:
    return [(s.name, s.value, s.values) for s in table_settings(table, Reader({}), 1)]


def test_each_repeated_pair_of_columns_is_read_as_a_table_of_its_own() -> None:
    table = DocTable(
        "2",
        "Baseline values of the harvest model",
        ["Variable", "Value(s)", "Variable", "Value(s)"],
        [
            ["r", "0.42", "K", "[900, 1200]"],
            ["q", "0.003", "", ""],
        ],
        7,
    )
    assert _read(table) == [
        ("r", "0.42", (0.42,)),
        ("q", "0.003", (0.003,)),
        ("K", "[900, 1200]", (900.0, 1200.0)),
    ]


def test_a_cell_that_says_how_a_value_is_found_or_names_another_symbol_is_no_value() -> None:
    table = DocTable(
        "3",
        "Values used in the simulations",
        ["Variable", "Value(s)", "Variable", "Value(s)"],
        [["θ", "func. of E[Y_{t+1}]", "κ", "μ"], ["η", "1.5", "", ""]],
        4,
    )
    assert _read(table) == [("η", "1.5", (1.5,))]


def test_a_digit_in_a_subscript_indexes_a_symbol_and_is_not_one_of_the_values() -> None:
    table = DocTable(
        "1",
        "Parameters",
        ["Parameter", "Value"],
        [["cap", "[0, 0.08(avg. w_{3,t})]"]],
        2,
    )
    assert _read(table) == [("cap", "[0, 0.08(avg. w_{3,t})]", (0.0, 0.08))]


def test_a_header_that_does_not_repeat_one_group_of_columns_is_not_split() -> None:
    rows = [["a", "1", "b", "2"]]
    assert (
        _side_by_side(DocTable("5", "Parameters", ["Name", "Value", "Unit", "Value"], rows, 9))
        == []
    )
    split = _side_by_side(DocTable("5", "Parameters", ["Name", "Value", "Name", "Value"], rows, 9))
    assert [(t.header, t.rows) for t in split] == [
        (["Name", "Value"], [["a", "1"]]),
        (["Name", "Value"], [["b", "2"]]),
    ]
