"""A script with a broken line (work in progress committed with an unclosed parenthesis)
still yields the parameters of its other lines, at their own line numbers."""

from __future__ import annotations

from arakit.compiler.repo.params import params_of

BROKEN = """import stardate as sd

for i in range(3):
    try:
        name = "star_{}".format(str(int(i))
        star = sd.Star(filename=name)
        sampler = star.fit(max_n=200000)
    except ValueError:
        print("failed")
"""


def test_a_script_with_one_broken_line_keeps_its_other_parameters() -> None:
    got = {(p.name, p.value, p.line) for p in params_of(BROKEN, "run.py")}
    assert ("max_n", "200000", 7) in got


def test_a_file_that_is_not_python_at_all_yields_nothing() -> None:
    assert params_of("<html>\n<body>\n{{ x }}\n(((\n" * 20, "page.py") == []
