"""Commit messages are untrusted text: control bytes in them (old merge tools wrote \\x01
before each "Conflicts:" line) never reach the artifact's Markdown."""

from __future__ import annotations

import re
from pathlib import Path

from arakit.compiler.history_log import history_log
from arakit.compiler.repo.gitlog import read_commits
from tests.compiler.gitrepo import git_repo
from tests.compiler.histories import history_of

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def test_control_bytes_of_a_commit_message_are_not_written_into_the_history_log(
    tmp_path: Path,
) -> None:
    merge = "Merge branch 'master'\n\n\x01 Conflicts:\n\x01 code/test_multiple.py\n"
    git_repo(
        tmp_path,
        [
            {"files": {"train.py": "lr = 0.1\n"}, "msg": "init"},
            {"files": {"train.py": "lr = 0.2\n"}, "msg": merge, "day": 2},
        ],
    )
    commits, _, _ = read_commits(tmp_path)
    assert commits[-1].body == "Conflicts:\n code/test_multiple.py"
    written = history_log(history_of(tmp_path), "repo")
    cells = [cell for table in written.tables for row in table.rows for cell in row]
    assert any("Conflicts:" in cell for cell in cells)
    assert not any(_CONTROL.search(cell) for cell in cells)


def test_separator_bytes_in_a_commit_message_leave_the_commit_whole(tmp_path: Path) -> None:
    # git log is read with record and field separators; a message holding the bare bytes
    # \x1e and \x1f once split one commit into two and cut its file changes away
    forged = "Tune lr\n\nfirst\x1e" + "a" * 40 + "\x1fsecond\x1fthird\n"
    git_repo(
        tmp_path,
        [
            {"files": {"train.py": "lr = 0.1\n"}, "msg": "init"},
            {"files": {"train.py": "lr = 0.2\n", "eval.py": "k = 4\n"}, "msg": forged, "day": 2},
        ],
    )
    commits, _, _ = read_commits(tmp_path)
    assert [c.subject for c in commits] == ["init", "Tune lr"]
    assert commits[-1].body == "first" + "a" * 40 + "secondthird"
    assert sorted(ch.path for ch in commits[-1].changes) == ["eval.py", "train.py"]
