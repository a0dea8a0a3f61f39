"""Tables on pages set the ways journals set them around the table: a bold caption label with
no separator (SPIE), a short line of prose right over the table's top rule, a one-column page
whose table leaves a white stripe down the middle, two tables side by side, a caption that
wraps in its column of a two-column page, and a page full of plotted points."""

from __future__ import annotations

from pathlib import Path

import pymupdf
import pytest

from arakit.compiler.pdf.tables import finder
from arakit.compiler.pdf.tables.captions import bold_label, gutter
from arakit.compiler.pdf.tables.glyphs import TextLine, Word
from arakit.compiler.pdf.tables.region import page_rules
from tests.compiler.tablegen import Page, read_one

ROWS = [["M1", "-11.0400", "-1.00230", "1.20000"], ["M2", "-1.35800", "-1.49686", "0.14056"]]
HEAD = ["Surface", "RoC [m]", "Conic", "Aperture [m]"]
EDGES = [250.0, 330.0, 410.0]  # right edges of the figure columns


def _row(p: Page, x0: float, y: float, cells: list[str], size: float = 10.0) -> None:
    p.text(x0, y, cells[0], size=size)
    for e, t in zip(EDGES, cells[1:], strict=True):
        p.text(e - p.width(t, size=size), y, t, size=size)


def _caption(p: Page, x: float, y: float, label: str, rest: str, size: float = 9.0) -> None:
    p.text(x, y, label, bold=True, size=size)
    p.text(x + p.width(label, bold=True, size=size) + 3, y, rest, size=size)


def test_a_bold_label_without_a_separator_captions_the_table_over_it(tmp_path: Path) -> None:
    # SPIE's journals: "**Table 1** Optical prescription ..." under the table, no colon
    p = Page()
    y = p.prose(72.0, 540.0, 60.0, 4) + 30
    _row(p, 150.0, y, HEAD)
    for k, row in enumerate(ROWS):
        _row(p, 150.0, y + 15 + 13 * k, row)
    _caption(p, 72.0, y + 60, "Table 1", "Optical prescription of the telescope in meters.")
    p.text(72.0, y + 90, "Table 2 summarizes the results of every run.", size=9)
    t = read_one(p.save(tmp_path / "spie.pdf"))
    assert t.number == "1" and t.caption == "Optical prescription of the telescope in meters."
    assert t.header == [HEAD] and t.rows == ROWS


def test_a_short_line_of_prose_beyond_the_top_rule_is_not_the_tables_header(
    tmp_path: Path,
) -> None:
    # double-spaced prose ends with a short line ("in equation 16.") a few points over the
    # top rule, which is drawn tight on the header: the table starts under the rule
    p = Page()
    y = 200.0
    for k in range(3):
        p.text(
            72.0,
            y + 29 * k,
            "The equivalent paraxial system is given in the table and the",
            size=12,
        )
    p.text(72.0, y + 87, "in equation 16.", size=12)
    top = y + 101
    p.rule(140.0, 430.0, top, width=0.4)
    _row(p, 150.0, top + 11, HEAD)
    p.rule(140.0, 430.0, top + 14, width=0.4)
    for k, row in enumerate(ROWS):
        _row(p, 150.0, top + 26 + 14 * k, row)
    p.rule(140.0, 430.0, top + 44, width=0.4)
    _caption(p, 72.0, top + 62, "Table 2", "Optical system prescription.")
    t = read_one(p.save(tmp_path / "tight.pdf"))
    assert t.header == [HEAD] and t.rows == ROWS


def _words(x: float, y: float, words: list[str], gap: float = 4.0) -> TextLine:
    out = []
    for w in words:
        out.append(Word(w, x, y - 10, x + 6 * len(w), y + 2, y, 10.0, False))
        x += 6 * len(w) + gap
    return TextLine(out)


def test_a_one_column_page_is_no_two_column_page_because_its_table_leaves_the_middle_white() -> (
    None
):
    # the table's columns leave a white stripe at x 326-350 that no row crosses; the prose
    # lines run across it, with a word over the middle of each: one column of text
    prose = "running text of one column is set across the whole page width here and there"
    prose = f"{prose} again in a line".split()
    lines = [_words(72.0, 100.0 + 14 * k, prose, gap=4.0 + (k % 3)) for k in range(6)]
    for k in range(20):
        left = _words(120.0, 200.0 + 14 * k, ["0.971", "0.969", "0.973", "0.970", "1.000"], 14.0)
        right = _words(350.0, 200.0 + 14 * k, ["0.971", "0.999"], gap=30.0)
        lines.append(TextLine(left.words + right.words))
    assert gutter(lines, 612.0) is None
    # two real columns of prose, a gutter at the middle, still have one
    both = []
    for k in range(12):
        left = _words(72.0, 100.0 + 14 * k, prose[:8], gap=4.0 + (k % 3))
        right = _words(322.0, 100.0 + 14 * k, prose[:8], gap=4.0 + (k % 3))
        both.append(TextLine(left.words + right.words))
    assert gutter(both, 612.0) is not None


def test_the_rules_of_two_tables_side_by_side_half_a_point_apart_are_both_kept(
    tmp_path: Path,
) -> None:
    p = Page()
    p.rule(82.8, 248.5, 422.57, width=0.8)  # the left table's top rule
    p.rule(320.6, 542.3, 422.07, width=0.8)  # the right one's, half a point higher
    rules = page_rules(p.page)
    tops = sorted((round(a), round(b)) for a, b, y in rules.horizontal if 421 < y < 424)
    assert tops == [(83, 248), (321, 542)]
    p.doc.close()


def test_a_caption_wrapping_in_the_left_column_is_read_whole_and_labels_its_table(
    tmp_path: Path,
) -> None:
    # IEEE: "TABLE I: ... Archi-" / "tectures" in the left column, the right column's prose a
    # word space beyond the gutter on a baseline between the caption's two lines
    p = Page()
    y = 140.0
    for k in range(20):
        p.text(312.0, 60.0 + 12 * k, "A symmetry; deferred columns incur a", size=10)
    for k in range(6):
        p.text(49.0, 60.0 + 12 * k, "traditional methods like chained equations", size=10)
    p.text(49.0, y, "TABLE I: Comparison of In-Database Imputation Archi-", size=9)
    p.text(49.0, y + 11, "tectures", size=9)
    p.rule(49.0, 300.0, y + 20, width=0.8)
    rows = [["ImputeDB", "Yes", "No"], ["MindsDB", "No", "No"], ["Ours", "Yes", "Yes"]]
    for k, row in enumerate([["System", "Lazy", "Native"], *rows]):
        base = y + 30 + 10 * k + (3 if k else 0)
        for x, t in zip((49.0, 170.0, 250.0), row, strict=True):
            p.text(x, base, t, size=8)
    p.rule(49.0, 300.0, y + 35, width=0.5)
    p.rule(49.0, 300.0, y + 67, width=0.8)
    for k in range(8):
        p.text(49.0, y + 90 + 12 * k, "we implement deferred columns as an", size=10)
    t = read_one(p.save(tmp_path / "ieee.pdf"))
    assert t.number == "I"
    assert t.caption == "Comparison of In-Database Imputation Architectures"
    assert t.header == [["System", "Lazy", "Native"]] and t.rows == rows


def test_a_table_beside_a_plot_of_many_thousand_points_is_checked_without_the_plot(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the independent finder joins every path of the page with its neighbours (minutes on a
    # page of plotted points); it is given the paths near the table only, and still agrees
    p = Page()
    shape = p.page.new_shape()
    for k in range(finder.MANY_PATHS + 500):  # a scatter plot: one tiny path per point
        x, y = 80.0 + (k * 7) % 450, 420.0 + (k * 13) % 300
        shape.draw_line((x, y), (x + 0.5, y))
        shape.finish(width=0.3)
    shape.commit()
    p.text(150.0, 90.0, "Table 3: Median response times.", size=9)
    p.rule(140.0, 430.0, 96.0, width=0.8)
    _row(p, 150.0, 108.0, HEAD)
    p.rule(140.0, 430.0, 111.0, width=0.4)
    for k, row in enumerate(ROWS):
        _row(p, 150.0, 123.0 + 13 * k, row)
    p.rule(140.0, 430.0, 140.0, width=0.8)
    path = p.save(tmp_path / "plot.pdf")
    seen: list[int] = []
    real = pymupdf.Page.find_tables

    def spy(page: pymupdf.Page, *args: object, **kwargs: object) -> object:
        paths = kwargs.get("paths")
        seen.append(len(paths) if isinstance(paths, list) else -1)
        return real(page, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(pymupdf.Page, "find_tables", spy)
    t = read_one(path)
    assert seen and all(0 <= n < 10 for n in seen), seen  # the table's own rules
    assert t.header == [HEAD] and t.rows == ROWS
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_only_a_bold_label_before_plain_words_is_a_caption_without_a_separator() -> None:
    sentence = _words(72.0, 100.0, ["Table", "2", "summarizes", "the", "runs."])
    assert bold_label(sentence) is None  # running text that starts with a reference
    for w in sentence.words[:2]:
        w.bold = True
    label = bold_label(sentence)
    assert label is not None and (label.kind, label.number) == ("table", "2")
    for w in sentence.words:
        w.bold = True
    assert bold_label(sentence) is None  # a bold heading, no plain title after the label
