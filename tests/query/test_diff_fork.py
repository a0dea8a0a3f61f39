"""`ara diff` and `ara fork`: what changed, and forks that cite their source without losing bytes."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from arakit.codec import read_artifact
from arakit.errors import UsageError
from arakit.query.diff import diff_artifacts, diff_paths, render_diff
from arakit.query.fork import fork


def test_diff_reports_status_moves_parameters_cells_and_nodes(minimal):
    from tests.fixtures.minimal import CLAIMS, TABLE1, TRACE

    a = minimal()
    b = minimal(
        {
            "logic/claims.md": CLAIMS.replace("**Status**: supported", "**Status**: weakened", 1),
            "src/configs/training.md": "# Training configuration\n\n## Learning rate\n\n- **Value**: 0.05\n",
            "evidence/tables/table1_epochs.md": TABLE1.replace("| 41 |", "| 44 |"),
            "trace/exploration_tree.yaml": TRACE
            + "  - id: N09\n    type: question\n    title: New branch\n    support_level: inferred\n"
            "    description: Does it hold on CIFAR?\n",
        }
    )
    d = diff_artifacts(read_artifact(a), read_artifact(b))
    changes = {(c.ref, c.change) for c in d.claims + d.parameters + d.evidence + d.trace}
    assert ("C01", "weakened") in changes
    assert ("src/configs/training.md#learning-rate", "changed") in changes
    assert ("evidence/tables/table1_epochs.md#r2c2", "changed") in changes
    assert ("N09", "added") in changes
    text = render_diff(d)
    assert "~ evidence/tables/table1_epochs.md#r2c2 changed: 41 -> 44" in text
    assert diff_artifacts(read_artifact(a), read_artifact(a)).empty()


def test_diff_between_two_commits_of_one_artifact(minimal):
    art = minimal()
    git = ["git", "-C", str(art), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    cfg = art / "src/configs/training.md"
    cfg.write_text(cfg.read_text().replace("**Value**: 0.1", "**Value**: 0.3"))
    d = diff_paths(f"{art}@HEAD", str(art))
    assert [(c.ref, c.before, c.after) for c in d.parameters] == [
        ("src/configs/training.md#learning-rate", "0.1", "0.3")
    ]
    with pytest.raises(UsageError):
        diff_paths(f"{art}@no-such-rev", str(art))


def test_fork_copies_every_byte_and_adds_only_the_lineage(minimal, tmp_path):
    src = minimal({"src/execution/data.bin": bytes(range(256))})
    dst = tmp_path / "fork"
    done = fork(src, dst, today=dt.date(2026, 11, 3))
    assert done.node == "N09" and done.date == "2026-11-03"
    for path in src.rglob("*"):
        if path.is_file() and path.name not in ("PAPER.md", "exploration_tree.yaml"):
            assert (dst / path.relative_to(src)).read_bytes() == path.read_bytes()
    old, new = (src / "PAPER.md").read_text(), (dst / "PAPER.md").read_text()
    added = [ln for ln in new.split("\n") if ln not in old.split("\n")]
    assert len(added) == 1 and added[0].startswith("forked_from: {source:")
    assert new.replace(added[0] + "\n", "") == old
    art = read_artifact(dst)
    assert art.paper.forked_from == {
        "source": str(src.resolve()),
        "commit": None,
        "date": "2026-11-03",
    }
    root = art.trace.tree[-1]
    assert (
        root.id == "N09" and root.type == "decision" and str(src.resolve()) in root.source_refs[0]
    )
    old_trace = (src / "trace/exploration_tree.yaml").read_text()
    assert (dst / "trace/exploration_tree.yaml").read_text().startswith(old_trace)


def test_a_fork_of_a_fork_points_at_its_own_source(minimal, tmp_path):
    first = tmp_path / "f1"
    fork(minimal(), first)
    second = tmp_path / "f2"
    fork(first, second)
    art = read_artifact(second)
    assert art.paper.forked_from["source"] == str(first.resolve())
    assert [n.id for n in art.trace.tree][-2:] == ["N09", "N10"]


def test_fork_refuses_a_non_empty_destination(minimal, tmp_path):
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "x").write_text("mine")
    with pytest.raises(UsageError, match="not empty"):
        fork(minimal(), tmp_path / "busy")
    assert (tmp_path / "busy" / "x").read_text() == "mine"


NODES_TRACE = """# the journey, as our own tool writes it
nodes:
  - id: N1   # first question
    type: question
    title: Does dropout help?
    support_level: explicit
    source_refs: [notes]
    description: Try it.
"""
ROOT_TRACE = """root:
  id: N01
  type: question
  title: Does dropout help?
  support_level: explicit
  source_refs: [notes]
  description: Try it.
"""


@pytest.mark.parametrize("trace", [NODES_TRACE, ROOT_TRACE], ids=["nodes", "root"])
def test_fork_adds_its_node_where_the_trace_keeps_nodes_and_keeps_every_comment(
    minimal, tmp_path, trace
):
    from arakit.codec.content import lost_words

    src = minimal({"trace/exploration_tree.yaml": trace})
    done = fork(src, tmp_path / "fork")
    new = (tmp_path / "fork/trace/exploration_tree.yaml").read_text()
    assert not lost_words(trace, new) and "tree:" not in new
    ids = [n.id for n in read_artifact(tmp_path / "fork").trace.nodes()]
    assert ids == ["N01", done.node] and done.node == "N02"


def test_fork_keeps_comments_and_quoting_of_the_front_matter(minimal, tmp_path):
    from tests.fixtures.minimal import PAPER

    body = PAPER.split("---\n", 2)[2]
    paper = (
        '---\n# written by hand\ntitle: "Dropout, again"  # short title\nyear: 2026\n---\n' + body
    )
    src = minimal({"PAPER.md": paper})
    fork(src, tmp_path / "fork")
    new = (tmp_path / "fork/PAPER.md").read_text()
    assert new.startswith('---\n# written by hand\ntitle: "Dropout, again"  # short title\n')
    assert new.endswith(body) and "forked_from:" in new


def test_every_corpus_artifact_forks_keeping_every_byte_but_the_lineage(real_corpus, tmp_path):
    from arakit.codec.content import lost_words

    for src in sorted(p for p in (real_corpus / "artifacts").iterdir() if p.is_dir()):
        dst = tmp_path / src.name
        fork(src, dst)
        for path in src.rglob("*"):
            rel = path.relative_to(src)
            if not path.is_file() or ".git" in rel.parts:
                continue
            old, new = path.read_bytes(), (dst / rel).read_bytes()
            if str(rel) in ("PAPER.md", "trace/exploration_tree.yaml"):
                assert not lost_words(old.decode(), new.decode()), (src.name, rel)
            else:
                assert old == new, (src.name, rel)
