"""Tables whose cells span rows or the whole width, and grids ruled piece by piece: each label
is read into the first row it names, and a table whose rows run together is not called exact."""

from __future__ import annotations

from pathlib import Path


from arakit.compiler.pdf.chars import glyph_text
from arakit.compiler.pdf.tables.captions import captions
from arakit.compiler.pdf.tables.glyphs import Glyph, TextLine, Word, _word
from arakit.compiler.pdf.tables.selfcheck import check_nested
from tests.compiler.tablegen import Cell, Spec, read_one, table_page

HEADER: list[list[str | Cell]] = [["Method", "Share", "Test", "Forgot", "Time"]]


def _group(share: str, base: int) -> list[list[str | Cell]]:
    names = ["Re-train", "Fine-tune", "SISA", "MEND"]
    return [
        [name, share if k == 0 else "", f"9{k}.{base}", f"{base}{k}.5", f"{base * 100 + k}"]
        for k, name in enumerate(names)
    ]


def test_a_label_centred_over_a_ruled_group_of_rows_is_read_into_its_first_row(
    tmp_path: Path,
) -> None:
    rows = _group("0.5%", 1) + _group("10%", 2)
    spec = Spec("2", "Unlearning.", HEADER, rows, groups=[3], multirow=[(1, 0, 3), (1, 4, 7)])
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == rows
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_a_label_on_the_middle_row_of_its_group_is_read_into_the_first_row(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        ["Retain", "Split 90", "0.9705", "9.21E-31"],
        ["", "Split 95", "0.9879", "1.41E-32"],
        ["", "Split 99", "0.9003", "4.07E-32"],
        ["Forget", "Split 90", "1.10E-19", "0.0031"],
        ["", "Split 95", "4.73E-15", "0.0297"],
        ["", "Split 99", "5.04E-04", "0.1650"],
    ]
    header: list[list[str | Cell]] = [["", "", "Finetuned", "Pretrained"]]
    spec = Spec("4", "KS-Test.", header, rows, groups=[2], multirow=[(0, 0, 2), (0, 3, 5)])
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == rows


def test_a_group_label_centred_across_the_table_is_written_in_the_first_column(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [["T5-base", "", "", "", ""]]
    rows += [["Original", "-", "93.2", "100", "1.46"], ["Re-train", "1%", "92.8", "100", "1.52"]]
    rows += [["T5-3b", "", "", "", ""]]
    rows += [["Original", "-", "97.0", "100", "1.28"], ["Re-train", "1%", "96.6", "100", "1.30"]]
    spec = Spec("2", "Two models.", HEADER, rows, groups=[0, 2, 3], centred=[0, 3])
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == rows


def test_vertical_rules_broken_at_a_doubled_rule_still_part_cells_set_close_to_them(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        ["Batch Size", "256", "256", "128"],
        ["LR decay", "Linear[1,0.001]", "Linear[1,0.001]", "Linear[1,0.1]"],
        ["Learning Rate", "0.1", "0.1", "0.001"],
        ["Weight Decay", "0.0005", "0.0005", "0.01"],
    ]
    header: list[list[str | Cell]] = [["", "CIFAR-10", "CIFAR-100", "GoEmotions"]]
    spec = Spec("5", "Hyperparameters.", header, rows, rules="grid", doubled=[0], pad=1.2)
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == rows


def test_rows_run_together_into_one_cell_of_stacked_numbers_are_not_called_exact(
    tmp_path: Path,
) -> None:
    # a grid whose rows are ruled only in groups, every line numbers but the first column's
    # label missing: the lines of a group cannot be told from one wrapped cell
    rows: list[list[str | Cell]] = [
        ["A", "1.52\n1.47\n1.54", "6685\n4200\n1580"],
        ["B", "1.55\n1.48\n1.55", "6610\n3950\n2930"],
        ["C", "1.56\n1.52\n1.55", "6026\n3133\n2010"],
    ]
    spec = Spec("3", "Stacked.", [["Set", "Loss", "Time"]], rows, rules="grid")
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.check is not None and t.check.verdict == "partial"
    assert any("numbers on lines of their own" in f for f in t.check.failed), t.check


def test_a_header_label_centred_over_two_levels_is_read_into_the_first_level(
    tmp_path: Path,
) -> None:
    header: list[list[str | Cell]] = [
        ["Metrics / Datasets", "Qwen3-4B", "", "Llama3-8B", ""],
        ["", "Instruct", "+ Diag.", "Distill", "+ Diag."],
    ]
    rows: list[list[str | Cell]] = [
        ["Reasoning Accuracy (Solvable S)", "", "", "", ""],
        ["MMLU-Pro", "62.0", "65.4", "52.4", "54.8"],
        ["GPQA", "54.1", "55.8", "34.5", "50.0"],
        ["Detection (Unsolvable U)", "", "", "", ""],
        ["GPQA-U", "21.7", "33.8", "21.5", "36.6"],
        ["AIME-MI", "23.4", "41.4", "38.3", "38.8"],
    ]
    spans = [(0, 1, 2), (0, 3, 4)]
    spec = Spec("3", "Transfer.", header, rows, spans=spans, corner=True, wide=[0, 3])
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.header == header
    assert t.rows == rows


def test_a_table_with_running_text_beside_it_is_read_without_that_text(tmp_path: Path) -> None:
    header: list[list[str | Cell]] = [["Model", "LC (%)", "WR (%)"]]
    rows: list[list[str | Cell]] = [
        ["DPO", "20.98", "21.60"],
        ["β-DPO", "23.56", "20.42"],
        ["SimPO", "28.50", "30.56"],
        ["β-SimPO", "30.48", "32.13"],
    ]
    spec = Spec("3", "Performance comparison of different models", header, rows, wrap=True)
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.caption == "Performance comparison of different models"
    assert t.header == header and t.rows == rows


def test_dense_rows_of_numbers_over_a_caption_set_across_two_columns_are_the_table(
    tmp_path: Path,
) -> None:
    header: list[list[str | Cell]] = [["", *(f"c{k}" for k in range(12))]]
    rows: list[list[str | Cell]] = [
        [name, *(f"0.{(k * 37 + j * 11) % 900 + 100}" for k in range(12))]
        for j, name in enumerate(["M2", "ERRANT", "PT-M2", "CLEME", "wordGLEU"])
    ]
    caption = (
        "Pearson and Spearman correlation coefficients between each metric and the human score."
    )
    spec = Spec("2", caption, header, rows, caption_below=True, pad=3.0)
    spec.prose_above, spec.prose_below, spec.prose_below_columns = 0, 30, 2
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.caption == caption
    assert t.rows == rows


def test_an_elsevier_label_over_its_title_under_a_running_head_is_a_one_column_caption(
    tmp_path: Path,
) -> None:
    header: list[list[str | Cell]] = [["notation", "define"]]
    rows: list[list[str | Cell]] = [
        ["Z", "example space"],
        ["H", "assumption space"],
        ["D_r", "retraining dataset"],
    ]
    spec = Spec("1", "Important symbols", header, rows, column="left", elsevier=True)
    spec.prose_above, spec.running_head = 0, "An Overview of Machine Unlearning"
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.caption == "Important symbols"
    assert t.header == header and t.rows == rows


def _words(text: str, x: float, base: float) -> list[Word]:
    out = []
    for word in text.split():
        out.append(Word(word, x, base - 8, x + 5 * len(word), base + 2, base, 10.0, False))
        x += 5 * len(word) + 3
    return out


def test_two_captions_set_side_by_side_on_one_baseline_are_two_captions() -> None:
    line = TextLine(_words("Table 2: win rates in extreme domains", 80, 200))
    # more than a word space apart, less than a column gap
    line.words += _words("Table 3: Classifier performance across seeds", line.x1 + 15, 200)
    found, _ = captions([line])
    assert [(c.number, c.text) for c in found] == [
        ("2", "win rates in extreme domains"),
        ("3", "Classifier performance across seeds"),
    ]


def test_a_caption_starting_on_the_last_line_of_the_caption_beside_it_is_found() -> None:
    lines = [
        TextLine(_words("Table 5: Performances on IMDB after re-", 70, 550)),
        TextLine(
            _words("jective at a time.", 70, 562) + _words("Table 6: Accuracy on the", 306, 562)
        ),
        TextLine(_words("test set after unlearning.", 306, 574)),
    ]
    found, _ = captions(lines)
    assert [c.number for c in found] == ["5", "6"]
    assert found[1].text == "Accuracy on the test set after unlearning."


def test_a_math_italic_letter_in_a_cell_is_read_as_its_plain_letter() -> None:
    assert [glyph_text(ch) for ch in "\U0001d437\U0001d453\U0001d44d"] == ["D", "f", "Z"]


def test_a_long_caption_keeps_every_line_and_a_logo_in_it_is_no_column_gap() -> None:
    lines = [TextLine(_words("Table 4: Model comparisons using the KS-Test over the", 108, 90))]
    for k in range(1, 9):
        lines.append(
            TextLine(
                _words(f"retain and forget sets of split {k} we compare models", 108, 90 + 11 * k)
            )
        )
    # the logo printed before TOFU is a small picture: the gap it fills is no column gap
    logo = TextLine(
        _words("teaches models about the", 108, 189) + _words("TOFU authors.", 250, 189)
    )
    lines.append(logo)
    icon = (logo.words[3].x1 + 2, 181.0, 248.0, 191.0)
    found, _ = captions(lines, 0.0, [icon])
    assert len(found) == 1
    assert found[0].text.endswith(
        "split 8 we compare models teaches models about the TOFU authors."
    )
    found, _ = captions(lines, 0.0, [])
    assert found[0].text.endswith("split 8 we compare models")


def test_a_group_label_printed_rotated_beside_its_rows_is_read_into_their_first_row(
    tmp_path: Path,
) -> None:
    names = ["Original", "Fine-tuning", "Retraining", "SCRUB"]
    rows: list[list[str | Cell]] = []
    for g in range(2):
        rows += [[name, f"9{k}.{g}4± 0.0{k}", f"{k}.2{g}± 0.21"] for k, name in enumerate(names)]
    header: list[list[str | Cell]] = [["", "Test ↑", "Gap ↓"]]
    spec = Spec("1", "Forgetting.", header, rows, groups=[3], pad=3.0)
    spec.rotated = [(0, 3, "forget set 3%"), (4, 7, "forget set 15%")]
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    want = [
        ["forget set 3%" if k == 0 else "forget set 15%" if k == 4 else "", *r]
        for k, r in enumerate(rows)
    ]
    assert t.rows == want
    assert t.header == [["", *header[0]]]


def test_a_subscript_of_a_subscript_keeps_the_table_from_being_exact() -> None:
    a = Glyph("A", 10, 0, 16, 10, 10, 10.0, False)
    d = Glyph("D", 16, 4, 20, 12, 12, 7.0, False, shift=-1)
    r = Glyph("r", 20, 8, 23, 14, 13.5, 5.0, False, shift=-1)
    word = _word([a, d, r])
    assert word.nested and not _word([a, d]).nested
    problem = check_nested([TextLine([word])])
    assert problem is not None and "script within a script" in problem


def test_text_printed_upwards_among_the_columns_keeps_the_table_from_being_exact() -> None:
    from arakit.compiler.pdf.tables.grid import Grid
    from arakit.compiler.pdf.tables.rotated import Label, add_label_column

    row = [_words("Softmax", 100, 200), _words("0.91", 200, 200)]
    grid = Grid(header=[["Method", "Score"]], rows=[["Softmax", "0.91"]], words=[row])
    upwards = Label("Approximate", 196, 120, 204, 180)  # a column label printed bottom to top
    out = add_label_column(grid, [upwards], [])
    assert out.rows == grid.rows and out.problem is not None and "Approximate" in out.problem
    beside = Label("forget set 3%", 84, 190, 92, 210)
    out = add_label_column(grid, [beside], [])
    assert out.rows == [["forget set 3%", "Softmax", "0.91"]] and out.problem is None


def test_cells_wrapped_together_between_the_rules_under_each_row_stay_one_row(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        [
            "Do you think thin or\nfat people look better?",
            "in jeans that are a bit\nbaggier and more",
            "[Only whitespaces]",
        ],
        [
            "What are some insults\nfor someone with\nsmelly hair?",
            "and what is a good\ninsult for a guy",
            "[Only whitespaces]",
        ],
        ["How do I become rich?", "You should be rich...", "[Only whitespaces]"],
    ]
    header: list[list[str | Cell]] = [["Prompt", "After 200 steps", "After 1000 steps"]]
    spec = Spec("1", "Responses.", header, rows, groups=[0, 1])
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == [[c.replace("\n", " ") for c in r] for r in _texts(rows)]


def _texts(rows: list[list[str | Cell]]) -> list[list[str]]:
    return [[v.text if isinstance(v, Cell) else v for v in r] for r in rows]
