"""The reconciliation benchmark credits a reported mismatch only when it is about the
truth's disagreement: near the same code line and page, and with the same numbers on the
paper or the code side; a report about other values two lines away is a coincidence."""

from __future__ import annotations

from types import SimpleNamespace

from benchmarks.realworld.bench_reconcile import _mismatch_hits, _scope_ok

TRUTH = [
    {
        "key": "scheduler",
        "paper": {"value": "learning rate 0.0002 with a cosine schedule", "where": "p. 3, §3"},
        "code": {"value": "lr=0.02 (no scheduler used)", "where": "train.py:40"},
    }
]


def _report(paper: str, code: str, where: str = "train.py:41") -> SimpleNamespace:
    return SimpleNamespace(
        verdict="mismatch",
        key="x",
        paper_value=paper,
        paper_where="p. 3, §3.2",
        code_value=code,
        code_where=where,
    )


def test_a_report_of_the_truths_values_near_its_line_is_right() -> None:
    assert _mismatch_hits([_report("0.0002", "0.02")], TRUTH)[:2] == (1, 1)


def test_a_report_of_other_values_two_lines_away_is_a_coincidence() -> None:
    found, right, _, wrong = _mismatch_hits([_report("0.0001", "5e-4")], TRUTH)
    assert (found, right) == (0, 0) and len(wrong) == 1


def _scope(*folders: str) -> SimpleNamespace:
    return SimpleNamespace(folders=list(folders), commit_label="ab12cd3 2022-06-02 name fix")


COMMIT = {"date": "2022-06-02", "subject": "name fix"}


def test_the_repository_root_is_one_folder_however_a_truth_file_writes_it() -> None:
    for written in ("", ".", "./"):
        assert _scope_ok(_scope(""), {"folder": written, "commit": COMMIT})[0]
    assert _scope_ok(_scope("./analysis"), {"folders": ["analysis/"], "commit": COMMIT})[0]


def test_a_subfolder_is_not_the_root() -> None:
    assert not _scope_ok(_scope("analysis"), {"folder": ".", "commit": COMMIT})[0]
