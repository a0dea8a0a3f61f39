"""Tables set the ways real papers set them that the generic generator does not draw: a
pandas `to_latex` header (the index name on a header row of its own) in one column of a page
whose other column holds a plotted figure; two group labels side by side over one rule;
captions set under stacked sub-tables with sub-captions between them."""

from __future__ import annotations

from pathlib import Path

import pymupdf

from arakit.compiler.pdf.tables import RawTable, confines, page_tables
from arakit.compiler.pdf.tables.glyphs import TextLine, Word
from tests.compiler.tablegen import Page

SIZE = 9.0
ROW = 12.0


def _tables(path: Path) -> list[RawTable]:
    doc = pymupdf.open(str(path))
    try:
        return page_tables(doc[0], 1)
    finally:
        doc.close()


def _right(p: Page, edge: float, y: float, text: str, bold: bool = False) -> None:
    p.text(edge - p.width(text, bold, SIZE), y, text, bold, SIZE)


def _centred(p: Page, x0: float, x1: float, y: float, text: str, size: float = SIZE) -> None:
    p.text((x0 + x1) / 2 - p.width(text, size=size) / 2, y, text, size=size)


def _figure(p: Page, x0: float, x1: float, y0: float, y1: float, title_at: float) -> None:
    """A plot drawn with vector lines: frame, ticks, a title and tick labels."""
    for a, b in (((x0, y0), (x1, y0)), ((x0, y1), (x1, y1)), ((x0, y0), (x0, y1))):
        p.page.draw_line(a, b, width=0.4)
    p.page.draw_line((x1, y0), (x1, y1), width=0.4)
    _centred(p, x0, x1, title_at, "Size of the Training set", size=7)
    for k, label in enumerate(("1.0", "0.9", "0.8", "0.7")):
        p.text(x0 - 14, y0 + 4 + k * (y1 - y0) / 4, label, size=5)
        p.page.draw_line((x0 - 2, y0 + k * (y1 - y0) / 4), (x0, y0 + k * (y1 - y0) / 4))
    _centred(p, x0, x1, y1 + 10, "Training time in seconds", size=6)


def test_a_pandas_header_beside_a_plot_is_two_header_rows_without_the_plot(
    tmp_path: Path,
) -> None:
    # pandas' to_latex: column labels over the figures, the index name under them on its own
    # row, the caption right over the top rule; the other column of the page is a plot whose
    # title shares a baseline with a row of the table
    p = Page()
    left, right = 320.0, 550.0
    y = p.prose(left, right, 60.0, 9)
    cap = y + 22
    p.text(left + 12, cap, "Table 1: min train/test times, 400k dataset", size=SIZE)
    p.rule(left + 8, right, cap + 3.5)
    edges = (left + 160, left + 207)  # labels a word space or two apart
    _right(p, edges[0], cap + 14, "train time")
    _right(p, edges[1], cap + 14, "test time")
    p.text(left + 12, cap + 26, "embedding size", bold=True, size=SIZE)
    p.rule(left + 8, right, cap + 31)
    rows = [("12", "75", "3917"), ("25", "97", "4757"), ("50", "154", "6891")]
    rows.append(("100", "258", "11419"))
    at = cap + 43
    for k, (size, train, test) in enumerate(rows):
        p.text(left + 12, at + k * ROW, size, bold=True, size=SIZE)
        _right(p, edges[0], at + k * ROW, train)
        _right(p, edges[1], at + k * ROW, test)
    bottom = at + 3 * ROW + 4
    p.rule(left + 8, right, bottom, width=0.8)
    p.prose(left, right, bottom + 10, 12)
    _figure(p, 100.0, 280.0, at + 2 * ROW + 6, at + 2 * ROW + 150, at + 2 * ROW)
    (t,) = _tables(p.save(tmp_path / "pandas.pdf"))
    assert t.caption == "min train/test times, 400k dataset"
    assert t.header == [["", "train time", "test time"], ["embedding size", "", ""]]
    assert t.rows == [[f"**{a}**", b, c] for a, b, c in rows]
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_two_group_labels_over_one_shared_rule_each_head_their_own_columns(
    tmp_path: Path,
) -> None:
    # `\\cmidrule{2-5}` under "ML100K" and "Latent Factors": the rule shows neither group's
    # columns; each group is centred on its own pair
    p = Page()
    x0, x1 = 200.0, 420.0
    y = p.prose(72.0, 540.0, 60.0, 4) + 24
    p.text(x0 + 4, y, "Table 1: Test set RMSE and MAE for each model", size=SIZE)
    p.rule(x0, x1, y + 5, width=0.8)
    edges = [x0 + 95, x0 + 135, x0 + 175, x0 + 215]
    labels = ["RMSE", "MAE", "RMSE", "MAE"]
    starts = [e - p.width(t, size=SIZE) for e, t in zip(edges, labels, strict=True)]
    _centred(p, starts[0], edges[1], y + 16, "ML100K")
    _centred(p, starts[2], edges[3], y + 16, "Latent Factors")
    p.rule(starts[0] - 2, edges[3] + 2, y + 19.5, width=0.3)
    for e, t in zip(edges, labels, strict=True):
        _right(p, e, y + 29, t)
    p.rule(x0, x1, y + 33)
    rows = [["MF", "0.1046", "0.0833", "0.1331", "0.1045"]]
    rows.append(["NPE-MF", "0.1048", "0.0834", "0.132", "0.1049"])
    rows.append(["MD-MF", "0.1044", "0.083", "0.1299", "0.1027"])
    for k, row in enumerate(rows):
        p.text(x0 + 4, y + 45 + k * ROW, row[0], size=SIZE)
        for e, t in zip(edges, row[1:], strict=True):
            _right(p, e, y + 45 + k * ROW, t)
    p.rule(x0, x1, y + 45 + 2 * ROW + 4, width=0.8)
    p.prose(72.0, 540.0, y + 45 + 2 * ROW + 20, 6)
    (t,) = _tables(p.save(tmp_path / "groups.pdf"))
    assert t.header == [["", "ML100K", "", "Latent Factors", ""], ["", *labels]]
    assert t.rows == rows
    assert t.check is not None and t.check.verdict == "exact", t.check


def _grid(p: Page, x0: float, edges: list[float], y: float, rows: list[list[str]]) -> float:
    """A small ruled table (rules over and under the header and under the last row, as
    `\\hline` draws them) at 8 pt: labels flush left at x0, figures flush right at `edges`;
    returns the y of its last rule."""
    x1 = edges[-1] + 6
    p.rule(x0 - 6, x1, y)
    for k, row in enumerate(rows):
        base = y + 9 + k * 10
        p.text(x0, base, row[0], size=8)
        for e, t in zip(edges, row[1:], strict=True):
            p.text(e - p.width(t, size=8), base, t, size=8)
        if k == 0:
            p.rule(x0 - 6, x1, base + 2.5)
    end = y + 9 + (len(rows) - 1) * 10 + 3
    p.rule(x0 - 6, x1, end)
    return end


def test_a_caption_under_stacked_sub_tables_with_sub_captions_reads_them_not_the_table_below(
    tmp_path: Path,
) -> None:
    # ACL style: "Table 1:" under two sub-tables, each with "(a) ..." / "(b) ..." under it;
    # below the caption, a table in the left column captioned under itself, text beside it
    p = Page()
    head = ["Approach", "Simple", "SMOTE"]
    upper = [head, ["Neural Networks", "0.27", "0.2823"], ["Random Forest", "0.067", "0.19"]]
    lower = [head, ["Neural Networks", "0.2698", "0.289"], ["Random Forest", "0.038", "0.21"]]
    edges = [330.0, 390.0]
    end = _grid(p, 220.0, edges, 72.0, upper)
    _centred(p, 214.0, 396.0, end + 10, "(a) Results on the lemmatized dataset", size=8)
    end = _grid(p, 220.0, edges, end + 16, lower)
    _centred(p, 214.0, 396.0, end + 10, "(b) Results on the stemmed dataset", size=8)
    cap = end + 34
    p.text(72.0, cap, "Table 1: Results on the lemmatized and stemmed datasets.", size=9)
    small = [["Approach", "Augmented"], ["Neural Networks", "0.2155"], ["Logistic", "0.23"]]
    end = _grid(p, 90.0, [250.0], cap + 22, small)
    p.text(96.0, end + 14, "Table 2: Results on the augmented dataset.", size=9)
    p.prose(320.0, 540.0, cap + 14, 24)
    p.prose(72.0, 290.0, end + 22, 16)
    tables = {t.number: t for t in _tables(p.save(tmp_path / "below.pdf"))}
    one, two = tables["1"], tables["2"]
    assert one.header == [head]
    assert one.rows == [*upper[1:], *lower]
    assert one.check is not None and one.check.verdict == "exact", one.check
    assert two.header == [small[0]]
    assert two.rows == small[1:]
    assert two.check is not None and two.check.verdict == "exact", two.check


def _line(x: float, y: float, words: str, size: float, gap: float = 3.0) -> TextLine:
    out = []
    for w in words.split():
        out.append(Word(w, x, y - size, x + 5 * len(w), y + 2, y, size, False))
        x += 5 * len(w) + gap
    return TextLine(out)


def test_a_box_holding_another_caption_or_a_columns_running_text_is_not_exact() -> None:
    rows = [_line(100, 300, "Neural Networks 0.2155", 8, 3), _line(100, 310, "Logistic 0.23", 8)]
    rows = [TextLine([*ln.words[:-1], Word(ln.words[-1].text, 250, ln.y0, 270, ln.y1, ln.base,
                                           8, False)]) for ln in rows]  # fmt: skip
    prose = _line(340, 305, "best results but still insufficient to reach", 10)
    assert confines.column_text([*rows, prose], 300.0, 10.0) is not None
    assert confines.column_text(rows, 300.0, 10.0) is None  # no text of a column in it
    assert confines.column_text([*rows, prose], None, 10.0) is None  # one column: no gutter
    caption = ((90.0, 320.0, 280.0, 330.0), "Table 2")
    assert confines.foreign_caption((90, 290, 530, 340), [caption]) is not None
    assert confines.foreign_caption((90, 290, 530, 315), [caption]) is None


def test_a_group_label_centred_beside_two_levels_of_group_labels_is_read_into_the_first(
    tmp_path: Path,
) -> None:
    # "Normal" set half a line lower than "Unlearned" / "Unseen" and half a line higher than
    # the "Harmful" labels under them: centred over both levels, it belongs to the first
    p = Page()
    y = p.prose(72.0, 540.0, 60.0, 4) + 24
    p.text(100.0, y, "Table 1: Rates before and after unlearning.", size=SIZE)
    p.rule(96.0, 470.0, y + 5, width=0.8)
    edges = [190.0, 240.0, 300.0, 350.0, 410.0, 460.0]
    labels = ["Rate", "Div", "Rate", "Div", "Reward", "Sim"]
    starts = [e - p.width(t, size=SIZE) for e, t in zip(edges, labels, strict=True)]
    top = y + 16
    _centred(p, starts[0], edges[1], top, "Unlearned")
    _centred(p, starts[2], edges[3], top, "Unseen")
    _centred(p, starts[4], edges[5], top + 5, "Normal")
    _centred(p, starts[0], edges[1], top + 10, "Harmful")
    _centred(p, starts[2], edges[3], top + 10, "Harmful")
    for e, t in zip(edges, labels, strict=True):
        _right(p, e, top + 21, t)
    p.rule(96.0, 470.0, top + 25)
    rows = [["GA", "1%", "0.118", "3%", "0.101", "-3.838", "-1.034"]]
    rows.append(["Finetuning", "34.5%", "0.582", "34.5%", "0.584", "-5.260", "-1.136"])
    for k, row in enumerate(rows):
        p.text(100.0, top + 37 + k * ROW, row[0], size=SIZE)
        for e, t in zip(edges, row[1:], strict=True):
            _right(p, e, top + 37 + k * ROW, t)
    p.rule(96.0, 470.0, top + 37 + ROW + 4, width=0.8)
    p.prose(72.0, 540.0, top + 37 + ROW + 20, 6)
    (t,) = _tables(p.save(tmp_path / "centred.pdf"))
    assert t.header == [
        ["", "Unlearned", "", "Unseen", "", "Normal", ""],
        ["", "Harmful", "", "Harmful", "", "", ""],
        ["", *labels],
    ]
    assert t.rows == rows
