"""A mean or a median the paper names against the one its code takes of the same thing:
reported only when every reduction of values named for the paper's word is the other
statistic. Each test builds a real git repository shaped like a research project."""

from __future__ import annotations

from pathlib import Path

from arakit.compiler.choices import paper_sentences
from arakit.compiler.ground import ground_repo
from arakit.compiler.reconcile import Verdict, reconcile
from arakit.compiler.repo.reductions import reductions
from arakit.compiler.settings import paper_settings
from tests.compiler.gitrepo import git_repo
from tests.compiler.reconciled import one_paragraph

RELEVANCY = (
    "import numpy as np\n\n\ndef relevancy(relevance, attention):\n"
    "    attentionImage = attention.reshape(12, -1)\n"
    "    averageAttention = attentionImage.{how}(axis=0)\n"
    "    return relevance * averageAttention\n\n\n"
    "def summary(maps):\n    return np.median(np.stack(maps), axis=0)\n"
)
TEXT = (
    "These values are then combined with the median attention across all twelve heads "
    "for each patch."
)


def _reductions(tmp_path: Path, text: str, how: str) -> list[Verdict]:
    files = {"code/relevancy.py": RELEVANCY.format(how=how)}
    repo = git_repo(tmp_path / "r", [{"files": files, "msg": "project"}])
    g = ground_repo(repo.path, with_history=False)
    doc = one_paragraph(text)
    found = reconcile(paper_settings(doc), g.in_scope(), sentences=paper_sentences(doc))
    return [v for v in found if v.key.endswith("_reduction")]


def test_a_median_the_paper_names_where_the_code_takes_the_mean_is_a_mismatch(
    tmp_path: Path,
) -> None:
    [v] = _reductions(tmp_path, TEXT, "mean")
    assert (v.verdict, v.paper_value, v.code_value, v.code_where) == (
        "mismatch",
        "median",
        "mean",
        "code/relevancy.py:6",
    )


def test_the_papers_own_statistic_or_an_unnamed_thing_says_nothing(tmp_path: Path) -> None:
    assert _reductions(tmp_path, TEXT, "median") == []
    # the code's median of other maps does not make a mean of attention a disagreement
    mean = "We combine the mean attention of all heads."
    assert _reductions(tmp_path / "m", mean, "mean") == []
    # a word the code names nothing after
    other = "We report the median latency of each request."
    assert _reductions(tmp_path / "o", other, "mean") == []


def test_reductions_are_read_with_their_name_and_operand() -> None:
    got = [
        (p.name, p.value, p.line, p.context)
        for p in reductions(RELEVANCY.format(how="mean"), "r.py")
    ]
    assert ("averageAttention", "mean", 6, "attentionImage") in got
    assert ("", "median", 11, "") in got
    # Python's own max(a, b) and sum(list) reduce no array
    assert reductions("x = max(a, b)\ny = sum([1, 2])\n", "r.py") == []
