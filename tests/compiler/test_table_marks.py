"""Marks and lines a table prints that its cells must carry as printed: a dot set under a
letter (TeX's \\d{e}) is the letter's combining dot, not a period; a cell wrapped over lines
of letters set one by one (an IPA string) stays one cell; a table whose header fills its
column with em-wide gaps is a table, not a line of prose."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pymupdf

from arakit.compiler.pdf.tables.marks import lowered
from tests.compiler.tablegen import REGULAR, Cell, Spec, read_one, table_page

SIZE = 10.0
DROP = 0.22 * SIZE  # how far TeX's \d lowers its dot under the letter's baseline


def _write(tw: pymupdf.TextWriter, font: pymupdf.Font, x: float, y: float, text: str) -> None:
    """Write text as TeX prints it: a letter with a dot below is the letter, then a period
    lowered under its middle, then a blank back to the letter's width."""
    for ch in unicodedata.normalize("NFC", text):
        base = unicodedata.normalize("NFD", ch)
        if base.endswith("\u0323"):
            letter = base[0]
            width = font.text_length(letter, fontsize=SIZE)
            dot = font.text_length(".", fontsize=SIZE)
            tw.append((x, y), letter, font=font, fontsize=SIZE)
            tw.append((x + (width - dot) / 2, y + DROP), ".", font=font, fontsize=SIZE)
            x += width
        else:
            tw.append((x, y), ch, font=font, fontsize=SIZE)
            x += font.text_length(ch, fontsize=SIZE)


def _letters_page(path: Path, rows: list[tuple[str, str, str]], stray_at: int = -1) -> Path:
    """A booktabs table of letters, sounds and examples, its caption above; `stray_at`: a
    body row whose last cell has a lowered period after the word, under no letter."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    font = pymupdf.Font(fontfile=str(REGULAR))
    tw = pymupdf.TextWriter(page.rect)
    xs = (100.0, 170.0, 240.0)
    tw.append((100, 100), "Table 4: Letters of the orthography.", font=font, fontsize=SIZE)
    y = 130.0
    for x, head in zip(xs, ("Letter", "Sound", "Example"), strict=True):
        tw.append((x, y), head, font=font, fontsize=SIZE)
    rules = [115.0, y + 5]
    for k, row in enumerate(rows):
        y += 14
        for x, text in zip(xs, row, strict=True):
            _write(tw, font, x, y, text)
        if k == stray_at:
            end = xs[2] + font.text_length(row[2], fontsize=SIZE) + 3
            tw.append((end, y + DROP), ".", font=font, fontsize=SIZE)
    rules.append(y + 6)
    tw.write_text(page)
    for r in rules:
        page.draw_line((95, r), (320, r), width=0.5)
    doc.save(str(path))
    doc.close()
    return path


ROWS = [("ẹ", "ɛ", "ẹja"), ("ọn", "ɔ̃", "ọna"), ("ṣ", "ʃ", "ṣe"), ("b", "b", "No. 3")]


def test_a_dot_set_under_a_letter_is_the_letters_dot_below_and_the_table_is_exact(
    tmp_path: Path,
) -> None:
    t = read_one(_letters_page(tmp_path / "t.pdf", ROWS))
    assert [r[0] for r in t.rows] == ["ẹ", "ọn", "ṣ", "b"]
    assert t.rows[0][2] == "ẹja"
    assert t.rows[3][2] == "No. 3"  # a period on the baseline after a letter stays a period
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_a_lowered_period_under_no_letter_makes_the_table_partial(tmp_path: Path) -> None:
    t = read_one(_letters_page(tmp_path / "t.pdf", ROWS, stray_at=2))
    assert t.check is not None and t.check.verdict == "partial"
    assert any("below the line under no letter" in f for f in t.check.failed), t.check.failed


def test_a_full_size_glyph_under_its_neighbours_baseline_is_lowered_and_a_script_is_not() -> None:
    from arakit.compiler.pdf.tables.glyphs import Glyph

    letter = Glyph("e", 0, 0, 5, 10, 100.0, SIZE, False, oy=100.0)
    assert lowered(Glyph(".", 1, 0, 3, 10, 100.0, SIZE, False, oy=100.0 + DROP), letter)
    script = Glyph(".", 1, 0, 3, 10, 100.0, SIZE, False, shift=-1, oy=100.0 + DROP)
    assert not lowered(script, letter)
    assert not lowered(Glyph(".", 5, 0, 7, 10, 100.0, SIZE, False, oy=100.0), letter)


IPA = [
    ["S1", Cell("ʔ ɪ t ð ə ʔ ɪ ə b i\nɹ ɛ n ə d ɨ ɹ ɪ k ɨ\nb ʔ e j ɹ t"), Cell("ɡ o ɡ o a w\nĩ u l a")],
    ["S2", Cell("ɔ w a w v ə e ʔ j z\nu ʔ j i ɹ"), Cell("i k u n i e r e")],
]  # fmt: skip


def test_a_cell_of_letters_set_one_by_one_wrapped_over_lines_stays_one_cell(
    tmp_path: Path,
) -> None:
    spec = Spec("5", "Some predictions (Pred vs. Gold).", [["", "Pred", "Gold"]], IPA)
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert len(t.rows) == 2, t.rows
    assert t.rows[0][0] == "S1" and t.rows[0][1].endswith("b ʔ e j ɹ t")
    assert t.rows[0][2] == "ɡ o ɡ o a w ĩ u l a"
    assert t.rows[1] == ["S2", "ɔ w a w v ə e ʔ j z u ʔ j i ɹ", "i k u n i e r e"]


def test_a_lower_case_label_under_a_row_of_mixed_figures_is_a_row_of_its_own(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        ["depth", "3", "generate.py:129"],
        ["top_k", "8", "generate.py:130"],
        ["precision", "L4, fp16", "implementation log"],
        ["quantization", "none", "implementation log"],
    ]
    spec = Spec("3", "Generation settings.", [["setting", "value", "source"]], rows, groups=[1])
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert [r[0] for r in t.rows] == ["depth", "top_k", "precision", "quantization"]


def test_a_small_table_whose_header_fills_its_column_with_em_gaps_is_found(
    tmp_path: Path,
) -> None:
    """Alone on its page under a caption at the left margin, the header as wide as the text
    around it and its columns an em apart (\\tabcolsep at an 11 pt font)."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    font = pymupdf.Font(fontfile=str(REGULAR))
    tw = pymupdf.TextWriter(page.rect)
    tw.append(
        (72, 100), "Table 7: Pearson correlation between vowel distance", font=font, fontsize=SIZE
    )
    tw.append((72, 112), "and another variable", font=font, fontsize=SIZE)
    gap = 1.1 * SIZE
    head = ["Language", "Correlation Coefficient (r)", "p-value"]
    xs = [78.0]
    for h in head[:-1]:
        xs.append(xs[-1] + font.text_length(h, fontsize=SIZE) + gap)
    for x, h in zip(xs, head, strict=True):
        tw.append((x, 140), h, font=font, fontsize=SIZE)
    for y, row in ((160, ("English", "0.47", "0.0002")), (174, ("Yoruba", "0.49", "0.004"))):
        for x, text in zip(xs, row, strict=True):
            tw.append((x, y), text, font=font, fontsize=SIZE)
    tw.write_text(page)
    right = xs[-1] + font.text_length(head[-1], fontsize=SIZE) + 3
    for y in (126.0, 145.0, 179.0):
        page.draw_line((75, y), (right, y), width=0.5)
    doc.save(str(tmp_path / "t.pdf"))
    doc.close()
    t = read_one(tmp_path / "t.pdf")
    assert t.header == [head]
    assert t.rows == [["English", "0.47", "0.0002"], ["Yoruba", "0.49", "0.004"]]


def test_a_row_of_text_without_a_label_under_labelled_rows_fails_the_self_check() -> None:
    from arakit.compiler.pdf.tables.grid import Grid
    from arakit.compiler.pdf.tables.selfcheck import check_labels

    wrapped = Grid(rows=[["**S1**", "ʔ ɪ t ð ə"], ["", "ɹ ɛ n ə d"], ["**S2**", "ɔ w a w"]])
    problem = check_labels(wrapped)
    assert problem is not None and "body row 2 has no label" in problem
    # rows under a label set over several rows carry figures: a group, not a wrapped cell
    grouped = Grid(rows=[["BERT", "GA", "34.5%"], ["", "NPO", "**1%**"], ["T5", "GA", "2%"]])
    assert check_labels(grouped) is None
    # a table whose rows carry no labels at all has nothing to compare with
    assert check_labels(Grid(rows=[["", "a b c"], ["", "d e f"]])) is None


def test_a_group_label_across_a_ruled_table_whose_column_rules_stop_beside_it_is_one_cell(
    tmp_path: Path,
) -> None:
    rows: list[list[str | Cell]] = [
        ["DMV (Klein and Manning, 2004)", "58.3", "39.4"],
        ["Neural DMV (Jiang et al., 2016)", "72.5", "57.6"],
        ["Systems with additional training data", "", ""],
        ["CS (Spitkovsky et al., 2013)", "72.0", "64.4"],
    ]
    spec = Spec("1", "Comparison on WSJ.", [["Methods", "WSJ10", "WSJ"]], rows, rules="grid")
    spec.wide = [2]
    t = read_one(table_page(tmp_path / "t.pdf", spec))
    assert t.rows == rows


def test_a_radical_hung_from_a_higher_baseline_stays_on_its_rows_label(tmp_path: Path) -> None:
    """TeX's \\surd hangs from a baseline above the row's: the span's origin is the radical's,
    its dot and the row's figures sit on the row's baseline, and a bar is drawn over the dot."""
    doc = pymupdf.open()
    page = doc.new_page(width=612, height=792)
    font = pymupdf.Font(fontfile=str(REGULAR))
    tw = pymupdf.TextWriter(page.rect)
    tw.append((100, 100), "Table 1: Testing errors.", font=font, fontsize=SIZE)
    xs = (110.0, 180.0, 260.0)
    for x, h in zip(xs, ("Task", "NPU", "NALU"), strict=True):
        tw.append((x, 130), h, font=font, fontsize=SIZE)
    rows = [("+", "0.092", "740.0"), ("×", "4.28", "2.9e83"), ("√·", "0.054", "7300.0")]
    y = 130.0
    for label, a, b in rows:
        y += 16
        if label == "√·":
            raised = y - 0.73 * SIZE
            tw.append((xs[0], raised), "√", font=font, fontsize=SIZE)
            at = xs[0] + font.text_length("√", fontsize=SIZE)
            tw.append((at, y), "·", font=font, fontsize=SIZE)
            bar = (at, at + font.text_length("·", fontsize=SIZE), raised - 0.8 * SIZE)
        else:
            tw.append((xs[0], y), label, font=font, fontsize=SIZE)
        tw.append((xs[1], y), a, font=font, fontsize=SIZE)
        tw.append((xs[2], y), b, font=font, fontsize=SIZE)
    tw.write_text(page)
    page.draw_line((bar[0], bar[2]), (bar[1], bar[2]), width=0.4)
    for r in (115.0, 135.0, y + 6):
        page.draw_line((105, r), (310, r), width=0.5)
    doc.save(str(tmp_path / "t.pdf"))
    doc.close()
    t = read_one(tmp_path / "t.pdf")
    assert t.rows == [list(r) for r in rows]
    assert t.check is not None
    assert not any("bar is drawn" in f for f in t.check.failed), t.check.failed
