"""Tables read from PDFs typeset the ways papers set them: every cell as printed, and a
self-check that says when the cells cannot be trusted."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from arakit.compiler.evidence import evidence_index, figure_files, table_files
from arakit.compiler.pdf import read_document
from arakit.compiler.pdf.document import DocTable, Document, TableCheck
from arakit.compiler.pdf.chars import glyph_text, script
from arakit.compiler.pdf.tables import RawTable, page_tables
from arakit.compiler.pdf.tables.glyphs import TextLine, Word
from arakit.compiler.pdf.tables.grid import Grid, flat_header
from arakit.compiler.pdf.tables.selfcheck import check_agreement, digit_runs
from tests.compiler.tablegen import Cell, Spec, table_page

RESULTS = [
    ["Baseline", "71.2 ± 0.4", "−0.8", "12"],
    ["+ warmup", "73.9 ± 0.3", "1.9", "12"],
    [Cell("Ours", bold=True), Cell("76.4 ± 0.2", bold=True), Cell("4.4", bold=True), "13"],
]


def _tables(path: Path) -> list[RawTable]:
    doc = pymupdf.open(str(path))
    try:
        return [t for k, page in enumerate(doc, start=1) for t in page_tables(page, k)]
    finally:
        doc.close()


def _plain(rows: list[list[str | Cell]]) -> list[list[str]]:
    out = []
    for row in rows:
        cells = []
        for v in row:
            if isinstance(v, Cell):
                text = v.text.replace("\n", " ") + v.mark
                cells.append(f"**{text}**" if v.bold else text)
            else:
                cells.append(v.replace("\n", " "))
        out.append(cells)
    return out


def _one(path: Path) -> RawTable:
    found = [t for t in _tables(path) if t.check is not None]
    assert len(found) == 1, found
    return found[0]


def test_booktabs_table_with_caption_above_keeps_every_cell_and_bold(tmp_path: Path) -> None:
    spec = Spec("2", "Accuracy on the test set.", [["Method", "Top-1", "Δ", "Epochs"]], RESULTS)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.number == "2" and t.caption == "Accuracy on the test set."
    assert t.header == [["Method", "Top-1", "Δ", "Epochs"]]
    assert t.rows == _plain(RESULTS)


def test_a_plain_numeric_booktabs_table_passes_its_self_check(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [["Tiny", "135,360", "23.3"], ["Small", "235,328", "20.6"]]
    rows += [["Wide", Cell("4,879,360", bold=True), Cell("95.9", bold=True)]]
    spec = Spec("4", "Scaling.", [["Model", "Params", "Full%"]], rows)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == _plain(rows)
    assert t.check is not None and t.check.verdict == "exact", t.check
    assert not t.check.failed and len(t.check.passed) == 4


def test_table_without_rules_and_caption_below_is_read_from_the_gaps(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [["2", "16", "0.95/0.87"], ["64", "138", "0.99/0.98"]]
    spec = Spec("1", "Run time.", [["Length m", "Run-time (s)", "R2 index"]], rows, rules="none")
    spec.caption_below = True
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == [["Length m", "Run-time (s)", "R2 index"]]
    assert t.rows == _plain(rows)


def test_full_grid_keeps_a_cell_printed_on_two_lines_in_one_row(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        ["Estimator type", "FF, LSTM,\nZERO, RAND"],
        ["Training time (s)", "300, 1800"],
        ["Batch size", "32, 128, 1032"],
    ]
    spec = Spec("3", "Factors.", [["Factor", "Values"]], rows, rules="grid", caption_below=True)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == [
        ["Estimator type", "FF, LSTM, ZERO, RAND"],
        ["Training time (s)", "300, 1800"],
        ["Batch size", "32, 128, 1032"],
    ]
    assert t.check is not None and t.check.verdict == "exact", t.check


@pytest.mark.parametrize("label", ["Таблица", "Tabelle", "Tableau", "Tabla", "Tabella"])
def test_a_table_captioned_in_another_language_is_read(tmp_path: Path, label: str) -> None:
    rows: list[list[str | Cell]] = [
        ["HyperBand", "0.7439 ± 0.0055", "0.9171 ± 0.0009"],
        ["Evolution", Cell("0.7705 ± 0.0096", bold=True), "0.9167 ± 0.0000"],
    ]
    spec = Spec(
        "2", "Accuracy on cross-validation", [["Method", "credit-g", "qsar"]], rows,
        rules="grid", caption_below=True, label=label,
    )  # fmt: skip
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.number == "2"
    assert t.rows == [
        ["HyperBand", "0.7439 ± 0.0055", "0.9171 ± 0.0009"],
        ["Evolution", "**0.7705 ± 0.0096**", "0.9167 ± 0.0000"],
    ]


def test_a_grid_row_numbering_the_columns_over_measured_values_is_the_header(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        ["DEHB", "0.001 ± 0.005", "0.242 ± 0.012", "0.038 ± 0.006"],
        ["Proposed", "0.001 ± 0.001", "0.234 ± 0.014", "0.035 ± 0.006"],
        ["Random", "0.004 ± 0.002", "0.251 ± 0.010", "0.041 ± 0.005"],
    ]
    header: list[list[str | Cell]] = [["Model/Data", "1", "2", "3"]]
    spec = Spec("10", "Results", header, rows, rules="grid", caption_below=True)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == [["Model/Data", "1", "2", "3"]]
    assert t.rows == _plain(rows)
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_description_cells_over_several_lines_stay_one_row_each(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        ["stitch", "appends the attributes flux and time\nof other given objects."],
        ["flatten", "applies a Savitzky-Golay filter to\ncapture low frequency variations."],
        ["fold", "folds a lightcurve at a given period."],
    ]
    spec = Spec("1", "Methods.", [["Method", "Short description"]], rows)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == _plain(rows)


def test_header_levels_keep_spanning_cells_over_their_first_column(tmp_path: Path) -> None:
    header: list[list[str | Cell]] = [
        ["", "Base", "", "Wide", ""],
        ["Steps", "Full", "Changed", "Full", "Changed"],
    ]
    rows: list[list[str | Cell]] = [["1", "100.0%", "99.0%", "100.0%", "100.0%"]] * 2 + [
        ["8", "99.5%", "100.0%", "99.8%", "100.0%"]
    ]
    spec = Spec("6", "Accuracy by steps.", header, rows, spans=[(0, 1, 2), (0, 3, 4)])
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == header
    assert t.rows == rows
    assert flat_header(t.header) == [
        "Steps",
        "Base / Full",
        "Base / Changed",
        "Wide / Full",
        "Wide / Changed",
    ]


def test_footnote_marks_and_drawn_underscores_are_kept(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        [Cell("Multiply", mark="†"), Cell("seq_fit_len", underscore_rule=True), "141"],
        [Cell("Division", mark="†"), Cell("batch_size", underscore_rule=True), "16"],
        ["Negate", "lr", "201"],
    ]
    spec = Spec("7", "Programs.", [["Program", "Factor", "Cases"]], rows)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert [r[0] for r in t.rows] == ["Multiply†", "Division†", "Negate"]
    assert [r[1] for r in t.rows] == ["seq_fit_len", "batch_size", "lr"]


def test_table_in_the_right_column_of_a_two_column_page(tmp_path: Path) -> None:
    spec = Spec("4", "Ablation.", [["Variant", "Top-1", "Δ", "Ep."]], RESULTS, column="right")
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == _plain(RESULTS)


def test_figure_axis_numbers_below_a_table_are_not_rows(tmp_path: Path) -> None:
    spec = Spec("5", "Scaling.", [["Model", "Top-1", "Δ", "Ep."]], RESULTS, figure_below=True)
    spec.prose_below = 0
    path = table_page(tmp_path / "t.pdf", spec)
    t = _one(path)
    assert t.rows == _plain(RESULTS)
    doc = read_document(path)
    assert [x.number for x in doc.tables] == ["5"]
    assert [f.number for f in doc.figures] == ["1"]


def test_a_sentence_starting_with_table_n_is_not_a_caption(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Table 3 summarizes the results obtained on the benchmark.")
    page.insert_text((72, 120), "The learning rate follows the schedule given in")
    page.insert_text((72, 132), "Table 3.")
    doc.save(str(path))
    doc.close()
    assert _tables(path) == []


def test_a_caption_with_nothing_table_like_beside_it_is_reported_unread(tmp_path: Path) -> None:
    path = tmp_path / "t.pdf"
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    page.insert_text((72, 100), "Table 9: Results that were never typeset.")
    for k in range(5):
        page.insert_text(
            (72, 140 + 12 * k), "A long line of running prose text set across the page width here."
        )
    doc.save(str(path))
    doc.close()
    (t,) = _tables(path)
    assert t.check is None and t.rows == [] and t.failure


def test_tex_symbols_at_control_codes_become_unicode_and_other_controls_vanish() -> None:
    assert glyph_text("\x00", "CMSY10") == "−"
    assert glyph_text("\x06", "LMMathSymbols10-Regular") == "±"
    assert glyph_text("\x00", "CMR10") == ""
    assert glyph_text("\x07", "Times") == ""
    assert glyph_text("\ufb01", "CMR10") == "fi"
    assert glyph_text("\u00b5", "LinLibertineI") == "\u03bc"


@pytest.mark.parametrize(
    ("text", "raised", "written"),
    [
        ("2", True, "²"),
        ("−4", True, "⁻⁴"),
        ("†", True, "†"),
        ("e", False, "_e"),
        ("model", False, "_{model}"),
        ("sim", True, "^{sim}"),
    ],
)
def test_scripts_are_written_as_unicode_or_marked(text: str, raised: bool, written: str) -> None:
    assert script(text, raised) == written


def test_digits_are_counted_with_scripts_read_as_digits() -> None:
    assert digit_runs("R² 0.99/0.98 10⁻⁴") == digit_runs("R2 0.99/0.98 10-4")


def _w(text: str, x: float, base: float) -> Word:
    return Word(text, x, base - 8, x + 6 * len(text), base + 2, base, 10.0, False)


def _grid(cells: list[list[list[Word]]]) -> Grid:
    return Grid(rows=[[" ".join(w.text for w in c) for c in r] for r in cells], words=cells)


def test_agreement_allows_finer_cuts_at_word_spaces_and_over_lines() -> None:
    a, b, c = _w("one", 10, 20), _w("two", 30, 20), _w("three", 10, 32)
    one, d = _w("1", 100, 20), _w("x", 10, 44)
    grid = _grid([[[a, b, c], [one]], [[d], []]])
    finer = [[[a], [b], [one]], [[c], [], []], [[d], [], []]]
    assert check_agreement(grid, finer) is None


def test_agreement_fails_when_the_other_method_joins_two_cells_or_two_rows() -> None:
    a, one = _w("a", 10, 20), _w("1", 100, 20)
    b, two = _w("b", 10, 32), _w("2", 100, 32)
    grid = _grid([[[a], [one]], [[b], [two]]])
    joined = check_agreement(grid, [[[a, one]], [[b], [two]]])
    assert joined is not None and "joins two columns" in joined
    rows = check_agreement(grid, [[[a, b], [one, two]]])
    assert rows is not None and "rows 1 and 2" in rows
    assert check_agreement(grid, None) == "the independent method found no table in the region"


def test_agreement_fails_when_the_other_method_cuts_a_cell_at_a_wide_gap() -> None:
    left, right = _w("71.2", 10, 20), _w("0.4", 60, 20)  # 26 pt apart: a column gap
    grid = _grid([[[left, right]]])
    problem = check_agreement(grid, [[[left], [right]]])
    assert problem is not None and "cuts body row 1" in problem


def _doc_with(check: TableCheck | None) -> Document:
    doc = Document(path="p.pdf", pages=3)
    rows = [["a", "1"], ["b", "2"]] if check else []
    doc.tables.append(DocTable("2", "Results.", ["M", "x"] if check else [], rows, 3, check=check))
    return doc


def test_a_table_that_passed_its_check_is_a_raw_table_naming_method_and_check() -> None:
    check = TableCheck("exact", "rule bands", passed=["digits", "agreement"])
    (ev,) = table_files(_doc_with(check), "paper").values()
    assert ev.extraction_type == "raw_table"
    fields = {f.name: f.value for f in ev.extra_fields}
    assert fields["Extraction method"] == "rule bands"
    assert fields["Self-check"] == "passed: digits; passed: agreement"
    assert "Failed check" not in fields


def test_a_table_that_failed_its_check_says_partial_and_what_failed() -> None:
    check = TableCheck("partial", "rule bands", passed=["digits"], failed=["the methods disagree"])
    (ev,) = table_files(_doc_with(check), "paper").values()
    assert ev.extraction_type is not None and ev.extraction_type.startswith("raw_table (partial")
    fields = {f.name: f.value for f in ev.extra_fields}
    assert fields["Failed check"] == "the methods disagree"
    assert "NOT verified" in ev.notes and "exactly" not in ev.notes


def test_a_table_whose_cells_were_not_read_is_listed_as_not_transcribed() -> None:
    doc = _doc_with(None)
    assert table_files(doc, "paper") == {}
    index = evidence_index([], {}, doc, "paper")
    assert "Table 2 (p. 3): its cells could not be read" in index.notes


def test_real_paper_tables_match_the_truth_read_off_the_pages(real_corpus: Path) -> None:
    from benchmarks.realworld.bench_tables import load_truth, score_table

    pdf = real_corpus / "papers" / "subleq-transformer" / "paper.pdf"
    truth = load_truth("subleq-transformer")
    if not pdf.is_file() or truth is None:
        pytest.skip("subleq-transformer is not in this corpus")
    wanted = {str(t["number"]): t for t in truth if t["page"] == 12}
    with pymupdf.open(str(pdf)) as doc:
        found = {t.number: t for t in page_tables(doc[11], 12)}
    assert sorted(found) == sorted(wanted)
    for number, t in wanted.items():
        score = score_table(t, found[number].header, found[number].rows)
        assert score["exact"], (number, found[number].rows)


def test_a_plot_keeps_caption_page_and_axes_and_is_never_a_table(tmp_path: Path) -> None:
    spec = Spec("5", "Scaling.", [["Model", "Top-1", "Δ", "Ep."]], RESULTS, figure_below=True)
    spec.prose_below = 0
    doc = read_document(table_page(tmp_path / "t.pdf", spec))
    (fig,) = doc.figures
    assert fig.page == 1 and fig.caption.startswith("Accuracy over training steps")
    ticks = {
        role: [t for t, r in fig.labels if r == role] for role in ("x-axis tick", "y-axis tick")
    }
    assert ticks["x-axis tick"] == ["0", "100", "200", "300"]
    assert ticks["y-axis tick"] == ["60", "40", "20", "0"]
    (ev,) = figure_files(doc, "paper")
    assert (
        ev.path.startswith("evidence/figures/figure1_") and ev.extraction_type == "figure_reading"
    )
    assert ev.axes is not None and "ticks 0 … 300" in ev.axes
    assert [t.label for t in doc.tables] == ["Table 5"]


def test_a_header_wider_than_its_numbers_stays_in_its_own_column(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        ["Claude Sonnet 4.6", "72", "82"],
        ["Gemini 2.5 Flash", "63", "69"],
    ]
    rows += [["GPT-5.4", "72", "70"]]
    spec = Spec("15", "Keyframes.", [["Model", "without any keyframes", "+keyframes"]], rows)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == [["Model", "without any keyframes", "+keyframes"]]
    assert t.rows == rows


def test_a_group_label_reaching_into_the_next_column_stays_one_cell() -> None:
    from arakit.compiler.pdf.tables.bands import _one_run_across
    from arakit.compiler.pdf.tables.grid import place_words

    label = TextLine([_w("Claude", 10, 20), _w("Sonnet", 50, 20), _w("4.6", 90, 20)])
    row = TextLine([_w("Standard", 10, 32), _w("10.7", 100, 32)])
    bounds = [85.0]
    assert _one_run_across(label, bounds) and not _one_run_across(row, bounds)
    cells = place_words([[label], [row]], bounds, [label])
    assert [[" ".join(w.text for line in c for w in line) for c in r] for r in cells] == [
        ["Claude Sonnet 4.6", ""],
        ["Standard", "10.7"],
    ]


def test_margin_line_numbers_of_a_review_copy_are_no_part_of_a_table(tmp_path: Path) -> None:
    spec = Spec("3", "Ablation.", [["Variant", "Top-1", "Δ", "Ep."]], RESULTS, column="right")
    spec.caption_below, spec.line_numbers, spec.prose_below = True, True, 12
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == [["Variant", "Top-1", "Δ", "Ep."]]
    assert t.rows == _plain(RESULTS)


def test_two_columns_of_prose_under_a_full_width_caption_are_not_a_table(tmp_path: Path) -> None:
    spec = Spec("2", "Scaling over five sizes.", [["Model", "Top-1", "Δ", "Ep."]], RESULTS)
    spec.caption_below, spec.prose_below, spec.prose_below_columns = True, 14, 2
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == [["Model", "Top-1", "Δ", "Ep."]]
    assert t.rows == _plain(RESULTS)


def test_a_truth_header_with_an_empty_corner_cell_scores_as_exact() -> None:
    from benchmarks.realworld.bench_tables import score_table

    truth = {"header": [["", "A", "B"]], "rows": [["x", "1", "2"], ["y", "3", "4"]]}
    score = score_table(truth, [["", "A", "B"]], [["x", "1", "2"], ["y", "3", "4"]])
    assert score["exact"] and score["header_exact"] and score["row_exact"] == 6


def test_a_grid_ruled_alike_whose_first_row_holds_a_number_has_no_header(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        ["# nodes", "16"],
        ["OS", "RedHat 6.2"],
        ["CPU", "Xeon E5620\n@2.4GHz"],
        ["Memory", "48GB"],
    ]
    spec = Spec("1", "System configuration.", [], rows, rules="grid")
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == []
    assert [r[0] for r in t.rows] == ["# nodes", "OS", "CPU", "Memory"]
    assert t.rows[2] == ["CPU", "Xeon E5620 @2.4GHz"]
    assert t.check is not None and not any("header" in f for f in t.check.failed)


def test_a_key_value_grid_with_nothing_marking_a_header_is_not_called_exact(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        ["Selection", "Tournament size=12"],
        ["Crossover", "Two Point"],
        ["Crossover Probability", "[0.2,0.6]"],
        ["Mutation", "Gaussian"],
    ]
    t = _one(table_page(tmp_path / "t.pdf", Spec("1", "GA parameters.", [], rows, rules="grid")))
    assert t.header == [] and t.rows == rows
    assert t.check is not None and t.check.verdict == "partial"
    assert any("no row is set apart as the header" in f for f in t.check.failed)


def test_rows_grouped_between_rules_of_a_grid_stay_separate_rows(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        ["A1", "True Delete", "0.11", "0.12"],
        ["B1", "True Insert", "0.21", "0.22"],
        ["C1", "True Keep", "0.31", "0.32"],
        ["D1", "Over-Delete", "0.41", "0.42"],
        ["E1", "Over-Insert", "0.51", "0.52"],
        ["F1", "Under-Delete", "0.61", "0.62"],
        ["G1", "Under-Insert", "0.71", "0.72"],
    ]
    header: list[list[str | Cell]] = [["Region", "Name", "x", "y"]]
    spec = Spec("1", "Regions.", header, rows, rules="grid", groups=[2, 4, 6])
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == header and t.rows == rows
    assert t.check is not None and t.check.verdict == "exact", t.check
    words = [[r[0], r[1], r[1], r[0]] for r in rows]
    spec = Spec("1", "Regions.", header, words, rules="grid", groups=[2, 4, 6])
    t = _one(table_page(tmp_path / "w.pdf", spec))
    assert t.rows == words
    assert t.check is not None and any("rows or cells" in f for f in t.check.failed)


def test_an_interval_printed_over_two_lines_stays_one_row(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [
        ["Level", "0.8503", "0.8545"],
        ["ΔC", "−0.35", "+0.15"],
        ["95% CI", "[−2.11,\n+1.53]", "[−1.48,\n+1.36]"],
        ["LR", "0.18", "37.97"],
    ]
    spec = Spec("1", "Ladder.", [["", "locked", "refit"]], rows)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == _plain(rows)


def test_a_header_level_under_its_own_full_rule_is_header_not_body(tmp_path: Path) -> None:
    header: list[list[str | Cell]] = [
        ["Method", "Llama3 (8B)", "Llama3 (8B)"],
        ["", "LC (%)", "WR (%)"],
    ]
    rows: list[list[str | Cell]] = [["DPO", "40.44", "37.38"], ["SimPO", "44.38", "38.97"]]
    rows += [["β-SimPO", "46.03", "40.18"]]
    spec = Spec("5", "Reward models.", header, rows, level_rules=True)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == header
    assert t.rows == rows


def test_grid_header_cells_over_two_lines_stack_inside_their_walls(tmp_path: Path) -> None:
    header: list[list[str | Cell]] = [
        ["model g(X)\nPercentile", "model g(x)\nPrediction", "linear h\nIntercept"]
    ]
    rows: list[list[str | Cell]] = [["10th", "0.16", "0.53"], ["Median", "0.30", "0.70"]]
    rows += [["90th", "0.82", "0.76"]]
    spec = Spec("1", "Surrogates.", header, rows, rules="grid", pad=2.5)
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == [["model g(X) Percentile", "model g(x) Prediction", "linear h Intercept"]]
    assert t.rows == rows


def test_a_lone_cyrillic_de_in_libertine_is_the_math_g_it_draws() -> None:
    from arakit.compiler.pdf.chars import math_italic_g

    assert math_italic_g("д", "LinLibertineI", "дGBM(X)") == "g"
    assert math_italic_g("д", "LinLibertineI", "Пример где") == "д"
    assert math_italic_g("д", "Times-Italic", "д") == "д"


def test_a_bar_drawn_over_a_letter_keeps_the_table_from_being_exact(tmp_path: Path) -> None:
    rows: list[list[str | Cell]] = [["S R C", "0.11"], ["S R D", "0.21"], ["S Q C", "0.31"]]
    path = table_page(tmp_path / "t.pdf", Spec("1", "Regions.", [["Region", "x"]], rows))
    doc = pymupdf.open(str(path))
    (hit,) = doc[0].search_for("S Q C")
    doc[0].draw_line((hit.x0, hit.y0 + 1.5), (hit.x0 + 5, hit.y0 + 1.5), width=0.4)
    doc.save(str(tmp_path / "bar.pdf"))
    doc.close()
    t = _one(tmp_path / "bar.pdf")
    assert t.rows == rows
    assert t.check is not None and t.check.verdict == "partial"
    assert any("a bar is drawn over 'S'" in f for f in t.check.failed)


def test_a_raised_glyph_joins_the_line_whose_baseline_is_nearest() -> None:
    from arakit.compiler.pdf.tables.glyphs import Glyph, _join_units

    def unit(text: str, x: float, base: float) -> list[Glyph]:
        return [Glyph(text, x, base - 8, x + 6, base + 2, base, 10.9, False)]

    left, right = unit("fu-", 100, 129.8), unit("ñ", 400, 135.3)
    lines = _join_units([left, right, unit("İ", 300, 133.0)])
    assert [[g.text for g in line] for line in lines] == [["fu-"], ["İ", "ñ"]]


def test_an_ieee_caption_label_alone_over_its_centred_title_is_a_caption(tmp_path: Path) -> None:
    spec = Spec("IV", "Execution time", [["Method", "Top-1", "Δ", "Ep."]], RESULTS, ieee=True)
    spec.column = "left"
    t = _one(table_page(tmp_path / "t.pdf", spec))
    assert t.number == "IV" and t.caption == "EXECUTION TIME"
    assert t.rows == _plain(RESULTS)


def test_a_tall_glyph_on_its_own_baseline_joins_the_line_it_spans() -> None:
    from arakit.compiler.pdf.tables.glyphs import Glyph, _join_units

    row = [Glyph(t, x, 592, x + 8, 600, 598, 8.0, False) for t, x in (("A", 100), ("+", 150))]
    root = [Glyph("√", 120, 586, 127, 600, 590, 8.0, False)]
    (line,) = _join_units([row, root])
    assert [g.text for g in line] == ["A", "√", "+"]
