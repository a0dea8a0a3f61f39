"""Which line of a table is its header, and how cells printed over several lines are put
together: pages drawn with PyMuPDF the way LaTeX sets left-aligned `p{}` columns (text
flush left in each column, labels broken over lines as a paragraph is), read back."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.compiler.tablegen import MARGIN, PITCH, SIZE, W, Page, read_one

Line = list[tuple[str, bool]]  # one printed line of a cell: its words, bold or not


def _draw(p: Page, x: float, y: float, words: Line) -> None:
    for text, bold in words:
        p.text(x, y, text, bold)
        x += p.width(text + " ", bold)


def left_aligned_page(
    path: Path,
    columns: list[float],
    head: list[list[str]] | None,
    rows: list[list[list[Line]]],
    rule_under_head: bool = True,
) -> Path:
    """A booktabs table whose columns start at `columns` (x), every cell flush left. `head`
    gives each column's label line by line; each body row gives each cell's lines. The
    caption is set under the table."""
    p = Page()
    left, right = columns[0] - 4, W - MARGIN
    y = MARGIN + 20
    p.rule(left, right, y, 0.8)
    y += 3
    if head:
        depth = max(len(h) for h in head)
        for c, label in enumerate(head):
            for k, line in enumerate(label):
                p.text(columns[c], y + 9 + k * PITCH, line)
        y += depth * PITCH + 3
        if rule_under_head:
            p.rule(left, right, y - 1, 0.5)
            y += 2
    for row in rows:
        depth = max(len(cell) for cell in row)
        for c, cell in enumerate(row):
            for k, line in enumerate(cell):
                _draw(p, columns[c], y + 9 + k * PITCH, line)
        y += depth * PITCH
    y += 3
    p.rule(left, right, y, 0.8)
    p.text(left, y + 16, "Table 3: Timings of the two searches.", size=9)
    return p.save(path)


def plain(text: str) -> Line:
    return [(w, False) for w in text.split()]


def test_a_first_row_set_like_the_rows_under_it_is_not_a_header(tmp_path: Path) -> None:
    """No rule under it and its bold label set as every row's: the table has no header."""
    rows = [
        [[[("Original", True)]], [plain("I love to play with cats.")]],
        [[[("Pivot", True)]], [plain("Me gusta jugar con gatos.")]],
        [[[("Result", True)]], [plain("I like playing with cats.")]],
    ]
    t = read_one(left_aligned_page(tmp_path / "t.pdf", [MARGIN, MARGIN + 60], None, rows))
    assert t.header == []
    assert t.rows[0] == ["**Original**", "I love to play with cats."]
    assert len(t.rows) == 3
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_a_bold_first_row_over_plain_rows_is_still_the_header(tmp_path: Path) -> None:
    """The negative case: a header set apart by its type keeps its place with no rule."""
    rows = [
        [[[("Code", True)]], [[("Description", True)]]],
        [[plain("UTP")], [plain("Upper tip of snout")]],
        [[plain("EYE")], [plain("Centre of eye")]],
    ]
    t = read_one(left_aligned_page(tmp_path / "t.pdf", [MARGIN, MARGIN + 60], None, rows))
    assert t.header == [["Code", "Description"]]
    assert t.rows == [["UTP", "Upper tip of snout"], ["EYE", "Centre of eye"]]
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_a_first_row_nothing_sets_apart_is_read_as_header_but_not_called_exact(
    tmp_path: Path,
) -> None:
    """All plain, no rule, no figures: only its place says it is the header."""
    rows = [
        [[plain("Symbol")], [plain("Meaning")]],
        [[plain("alpha")], [plain("step size of the update")]],
        [[plain("beta")], [plain("weight of the prior term")]],
    ]
    t = read_one(left_aligned_page(tmp_path / "t.pdf", [MARGIN, MARGIN + 60], None, rows))
    assert t.header == [["Symbol", "Meaning"]]
    assert t.check is not None and t.check.verdict == "partial", t.check
    assert any("no row is set apart" in f for f in t.check.failed), t.check.failed


HEAD_COLUMNS = [MARGIN, MARGIN + 66, MARGIN + 132, MARGIN + 198, MARGIN + 264, MARGIN + 330]


def _timings(path: Path) -> Path:
    """Header labels over two or three lines, wider than the figures under them: "(s)"
    runs past the middle of the gap to the next column, "genera-" is broken over lines."""
    head = [
        ["Words"],
        ["Sentences"],
        ["Our time (s)"],
        ["Their", "time (s)"],
        ["Our genera-", "tion count"],
        ["Their", "generation", "count"],
    ]
    figures = [["152", "9", "88", "1452", "1", "8"], ["142", "11", "86.5", "169", "1", "1"]]
    rows = [[[plain(v)] for v in row] for row in figures]
    return left_aligned_page(path, HEAD_COLUMNS, head, rows)


def test_a_header_label_over_several_lines_stays_in_its_column(tmp_path: Path) -> None:
    t = read_one(_timings(tmp_path / "t.pdf"))
    assert t.header == [
        ["Words", "Sentences", "Our time (s)", "Their time (s)", "Our generation count",
         "Their generation count"],
    ]  # fmt: skip
    assert t.rows == [["152", "9", "88", "1452", "1", "8"], ["142", "11", "86.5", "169", "1", "1"]]
    assert t.check is not None and t.check.verdict == "exact", t.check


def test_a_header_torn_at_a_word_space_fails_the_self_check() -> None:
    """The check itself: header words a word space apart put in two columns, or a word
    hyphenated at its line's end followed by more words in its cell, are flagged."""
    from arakit.compiler.pdf.tables.glyphs import TextLine, Word
    from arakit.compiler.pdf.tables.grid import torn

    def word(text: str, x0: float) -> Word:
        return Word(text, x0, 10.0, x0 + 6.0 * len(text), 20.0, 18.0, 10.0, False)

    line = TextLine([word("Our", 0), word("time", 21), word("(s)", 47), word("Their", 90)])
    assert torn([line], [50.0]) is not None and "'(s)'" in (torn([line], [50.0]) or "")
    assert torn([line], [80.0]) is None
    broken = TextLine([word("Our", 0), word("genera-", 20), word("Their", 90)])
    assert torn([broken], [85.0]) is None
    assert "hyphenated" in (torn([broken], [140.0]) or "")


def test_a_row_label_broken_over_lines_joins_its_row(tmp_path: Path) -> None:
    """A label column set as a paragraph: its second line, starting with a figure or
    closing a bracket, carries on the label whose last line it did not fit on."""
    rows = [
        [[plain("Sentence length")], [plain("ASL")]],
        [[plain("Type Token Ratio (first"), plain("100 tokens)")], [plain("TTR")]],
        [[plain("Length of the longest link")], [plain("LLDL")]],
        [[plain("Ratio of words in top"), plain("3000 English words")], [plain("WIT")]],
    ]
    head = [["Metric"], ["Abbreviation"]]
    t = read_one(left_aligned_page(tmp_path / "t.pdf", [MARGIN, MARGIN + 120], head, rows))
    assert t.rows == [
        ["Sentence length", "ASL"],
        ["Type Token Ratio (first 100 tokens)", "TTR"],
        ["Length of the longest link", "LLDL"],
        ["Ratio of words in top 3000 English words", "WIT"],
    ]


@pytest.mark.parametrize("above", ["Length", "Mean sentence length in words"])
def test_a_label_alone_on_its_line_stays_a_row(tmp_path: Path, above: str) -> None:
    """The negative cases: a label-only line after a label with room left on its line, or
    after the one widest label (no other line shows the column's edge), is a row of its
    own (a group label over the rows under it)."""
    rows = [
        [[plain(above)], [plain("ASL")]],
        [[plain("2 syntactic")], []],
        [[plain("Parse tree depth")], [plain("PTD")]],
    ]
    head = [["Metric"], ["Abbreviation"]]
    t = read_one(left_aligned_page(tmp_path / "t.pdf", [MARGIN, MARGIN + 140], head, rows))
    assert t.rows == [[above, "ASL"], ["2 syntactic", ""], ["Parse tree depth", "PTD"]]


def _small_caps(p: Page, x: float, y: float, text: str) -> float:
    """Small capitals made by scaling, as LaTeX fakes them with Times: capitals at the
    font's size, lower-case letters as capitals at 0.8 of it. Returns where the run ends."""
    for word in text.split(" "):
        for ch in word:
            size = SIZE if not ch.islower() else 0.8 * SIZE
            p.text(x, y, ch.upper(), size=size)
            x += p.width(ch.upper(), size=size)
        x += p.width(" ")
    return x


def test_small_capitals_made_by_scaling_read_in_the_case_they_print(tmp_path: Path) -> None:
    """ "M" large and "ETHOD" small is "Method"; a run of small capitals beside it is lower
    case too; capitals all of one size (an acronym, codes set in small capitals alone) keep
    their case, and so do capitals beside ordinary lower-case words."""
    p = Page()
    left, cols = MARGIN, [MARGIN, MARGIN + 150, MARGIN + 230]
    y = MARGIN + 20
    p.rule(left - 4, W - MARGIN, y, 0.8)
    _small_caps(p, cols[0], y + 12, "Method")
    _small_caps(p, cols[1], y + 12, "Score")
    p.text(cols[2], y + 12, "Code")
    p.rule(left - 4, W - MARGIN, y + 16, 0.5)
    body = [("Ours (circles mask)", "14.760", "cop"), ("Improvement (FOMM)", "19.2", "fro")]
    for k, (label, score, code) in enumerate(body):
        base = y + 28 + k * PITCH
        _small_caps(p, cols[0], base, label)
        p.text(cols[1], base, score)
        _small_caps(p, cols[2], base, code)
    p.text(cols[0], y + 28 + 2 * PITCH, "Baseline (ABC)")
    p.text(cols[1], y + 28 + 2 * PITCH, "12.1")
    p.text(cols[2], y + 28 + 2 * PITCH, "ENG")
    bottom = y + 32 + 2 * PITCH
    p.rule(left - 4, W - MARGIN, bottom, 0.8)
    p.text(left, bottom + 16, "Table 2: Scores of the methods.", size=9)
    t = read_one(p.save(tmp_path / "t.pdf"))
    assert t.header == [["Method", "Score", "Code"]]
    assert t.rows == [
        ["Ours (circles mask)", "14.760", "COP"],
        ["Improvement (FOMM)", "19.2", "FRO"],
        ["Baseline (ABC)", "12.1", "ENG"],
    ]


def test_words_the_independent_method_leaves_off_a_cell_are_vouched_for_only_by_word_spaces() -> (
    None
):
    """The second method's table may stop short of a long cell's last words: those words,
    a word space from a word of the same cell it did place, cannot be a join of two cells.
    A word it leaves out at a column-wide gap, or a cell it leaves out wholly, still fails."""
    from arakit.compiler.pdf.tables.glyphs import Word
    from arakit.compiler.pdf.tables.grid import Grid
    from arakit.compiler.pdf.tables.selfcheck import check_agreement

    def word(text: str, x0: float) -> Word:
        return Word(text, x0, 10.0, x0 + 5.0 * len(text), 20.0, 18.0, 10.0, False)

    code, ventral, insertion, fin = (
        word("VOC", 0),
        word("Ventral", 40),
        word("of", 77),
        word("fin", 89),
    )
    grid = Grid(
        header=[], rows=[["VOC", "Ventral of fin"]], words=[[[code], [ventral, insertion, fin]]]
    )
    placed = [[[code], [ventral, insertion]]]  # its table ends before "fin"
    assert check_agreement(grid, placed) is None
    far = word("fin", 120)  # a column-wide gap from "of": not vouched for
    grid_far = Grid(
        header=[], rows=[["VOC", "Ventral of fin"]], words=[[[code], [ventral, insertion, far]]]
    )
    assert "leaves out" in (check_agreement(grid_far, placed) or "")
    assert "leaves out" in (check_agreement(grid, [[[code], []]]) or "")
