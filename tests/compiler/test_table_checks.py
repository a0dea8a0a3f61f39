"""A table is marked exact only when its self-check shows every cell as printed: header
cells lost or set where nothing shows their columns, sub-tables stacked under one caption,
chapter-numbered captions in other languages; and file names that keep their letters."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from arakit.compiler.evidence import table_files
from arakit.compiler.pdf.chars import clean
from arakit.compiler.pdf.document import DocTable, Document, TableCheck
from arakit.compiler.pdf.tables import page_tables
from arakit.compiler.pdf.tables.glyphs import page_lines
from arakit.compiler.pdf.tables.grid import Grid
from arakit.compiler.pdf.tables.selfcheck import check_text
from arakit.compiler.text import slug
from tests.compiler.tablegen import Cell, Spec, read_one, table_page

ROWS: list[list[str | Cell]] = [
    ["BR", "0.295", "0.326", "0.093", "0.373", "0.365", "0.651"],
    ["CC", "0.294", "0.337", "0.229", "0.339", "0.353", "0.485"],
    ["MLHT", "0.327", "0.269", "0.488", "0.321", "0.127", "0.378"],
]
LOWER: list[str | Cell] = ["Stream", "20ng", "Enron", "Mediamill", "20ng", "Enron", "Mediamill"]


@pytest.mark.parametrize("label", ["Tab.", "Cuadro", "Tabla", "Table"])
def test_a_chapter_numbered_caption_below_keeps_its_whole_number(
    tmp_path: Path, label: str
) -> None:
    spec = Spec(
        "4.10", "Resultados de métricas.", [["Nombre", "N", "L"]],
        [["20ng", "19300", "20"], ["MOA", "19300", "20"]], caption_below=True, label=label,
    )  # fmt: skip
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.number == "4.10"
    assert t.caption == "Resultados de métricas."
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_a_header_word_in_no_cell_fails_the_text_check(tmp_path: Path) -> None:
    header: list[list[str | Cell]] = [["Method", "Top-1", "Epochs"]]
    rows: list[list[str | Cell]] = [["Baseline", "71.2", "12"], ["Ours", "76.4", "13"]]
    path = table_page(tmp_path / "t.pdf", Spec("2", "Accuracy.", header, rows))
    t = read_one(path)
    assert t.check is not None and t.check.verdict == "exact", t.check
    doc = pymupdf.open(str(path))
    try:
        lines = page_lines(doc[0])
    finally:
        doc.close()
    assert check_text(lines, t.bbox, Grid(header=t.header, rows=t.rows), []) is None
    problem = check_text(lines, t.bbox, Grid(header=[["Method", "Top-1", ""]], rows=t.rows), [])
    twice = Grid(header=[["Method", "Top-1", "Epochs Epochs"]], rows=t.rows)
    assert check_text(lines, t.bbox, twice, []) is not None
    assert problem is not None and "in no cell" in problem and "Epochs" in problem


@pytest.mark.parametrize(("align", "verdict"), [("centre", "exact"), ("right", "partial")])
def test_a_spanning_header_without_a_rule_is_exact_only_where_its_edge_or_centre_places_it(
    tmp_path: Path, align: str, verdict: str
) -> None:
    header: list[list[str | Cell]] = [["", "Precision", "", "", "Recall", "", ""], LOWER]
    spec = Spec("4", "Scores.", header, ROWS, spans=[(0, 1, 3), (0, 4, 6)], span_align=align)
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == ROWS
    assert t.check is not None and t.check.verdict == verdict, t.check
    if verdict == "exact":  # centred on its columns: written in the first
        assert t.header == header
    else:  # set flush right: nothing printed says where it starts
        assert any("no rule, edge or centre" in f for f in t.check.failed), t.check.failed


def test_sub_tables_stacked_under_one_caption_are_both_read_in_reading_order(
    tmp_path: Path,
) -> None:
    upper: list[list[str | Cell]] = [["", "Exact-match", "", "", "Hamming loss", "", ""], LOWER]
    lower: list[list[str | Cell]] = [["", "Precision", "", "", "Recall", "", ""], LOWER]
    second = Spec("", "", lower, ROWS, spans=[(0, 1, 3), (0, 4, 6)])
    spec = Spec(
        "4.10", "Resultados.", upper, ROWS, spans=[(0, 1, 3), (0, 4, 6)], span_align="centre",
        caption_below=True, label="Tab.", stacked=second,
    )  # fmt: skip
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.number == "4.10"
    assert t.header == upper
    assert t.rows == [*ROWS, *lower, *ROWS]
    assert t.check is not None and t.check.verdict == "exact", t.check
    assert any("2 sub-tables stacked" in p for p in t.check.passed)


def test_a_dotless_i_under_an_accent_is_the_accented_letter() -> None:
    assert clean("d\u0131\u0301a Caracter\u0131\u0301sticas") == "día Características"


def test_file_names_keep_accented_letters_as_plain_ones() -> None:
    assert slug("Caracter\u0131\u0301sticas de los streams", 32) == "caracteristicas_de_los_streams"
    assert slug("Größe der Modelle, Ørsted") == "grosse_der_modelle_orsted"
    doc = Document(path="p.pdf", pages=3)
    check = TableCheck("exact", "rule bands", passed=["digits"])
    doc.tables.append(
        DocTable(
            "4.1", "Caracter\u0131\u0301sticas de los streams.", ["a"], [["1"]], 3, check=check
        )
    )
    (ev,) = table_files(doc, "paper").values()
    assert ev.path == "evidence/tables/table4.1_caracteristicas_de_los_streams.md"


def test_a_running_head_over_a_head_rule_is_not_a_header_row(tmp_path: Path) -> None:
    header: list[list[str | Cell]] = [["Rank", "Original", "JC"]]
    rows: list[list[str | Cell]] = [["1", "{religion}", "{sci.crypt}"], ["2", "{hockey}", "{med}"]]
    spec = Spec(
        "4.2", "Sesgo de etiquetas.", header, rows, caption_below=True, label="Tab.",
        prose_above=0, running_head="4.2. RESULTADOS", head_rule=True, even_rules=True,
        pad=60.0,  # the table as wide as the text, its rules as long as the head rule
    )  # fmt: skip
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == header
    assert t.rows == rows


def test_a_table_captioned_below_right_under_another_is_not_its_sub_table(
    tmp_path: Path,
) -> None:
    header: list[list[str | Cell]] = [LOWER]
    second = Spec("5", "Recall by stream.", header, ROWS)
    spec = Spec("4", "Precision by stream.", header, ROWS, stacked=second)
    doc = pymupdf.open(str(table_page(tmp_path / "t.pdf", spec)))
    try:
        found = {t.number: t for t in page_tables(doc[0], 1)}
    finally:
        doc.close()
    assert set(found) == {"4", "5"}
    for t in found.values():
        assert t.header == header and t.rows == ROWS
        assert t.check is not None and t.check.verdict == "exact", t.check


PAIRS: list[list[str | Cell]] = [
    ["1", "writes", "10116", "source", "13590.5"],
    ["2", "article", "8715", "issue", "13267.3"],
]


@pytest.mark.parametrize(
    ("upper", "lower", "read"),
    [
        # the same labels repeated under each group: a level of group labels
        (
            ["", "20ng", "", "JC", ""],
            ["Rank", "Atributo", "Peso", "Atributo", "Peso"],
            [["", "20ng", "", "JC", ""], ["Rank", "Atributo", "Peso", "Atributo", "Peso"]],
        ),
        # different labels: the words above start wrapped header cells, one header row
        (
            ["", "Run", "", "Model", ""],
            ["Name", "duration", "Acc", "parameters", "F1"],
            [["Name", "Run duration", "Acc", "Model parameters", "F1"]],
        ),
    ],
)
def test_words_flush_left_over_column_pairs_are_a_level_only_over_repeated_labels(
    tmp_path: Path, upper: list[str | Cell], lower: list[str | Cell], read: list[list[str]]
) -> None:
    spans = [(0, 1, 2), (0, 3, 4)]
    spec = Spec("4.3", "Atributos.", [upper, lower], PAIRS, spans=spans, span_align="left")
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == read
    assert t.rows == PAIRS
    assert t.check is not None and t.check.verdict == "exact", t.check
