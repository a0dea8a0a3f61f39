"""The index: one SQLite file, every addressable thing a row with its reference, refreshed
incrementally by modification time and content hash."""

from __future__ import annotations

import os
import time

import pytest

from arakit.errors import UsageError
from arakit.query.index import Index, find_artifacts


def _refs(idx: Index) -> dict[str, str]:
    return dict(idx.db.execute("SELECT ref, kind FROM passages"))


def test_each_addressable_thing_is_a_row_with_its_native_reference(minimal, tmp_path):
    art = minimal()
    with Index(tmp_path / "i.sqlite") as idx:
        idx.refresh([art])
        refs = _refs(idx)
    assert refs["C01"] == "claim"
    assert refs["E01"] == "experiment"
    assert refs["H01"] == "heuristic"
    assert refs["N05"] == "trace"
    assert refs["O1"] == "observation"
    assert refs["src/configs/training.md#learning-rate"] == "param"
    assert refs["evidence/tables/table1_epochs.md#r2"] == "table_row"
    assert refs["logic/concepts.md#warm-restart"] == "concept"
    assert any(r.startswith("src/execution/train.py") and k == "source" for r, k in refs.items())


def test_a_table_row_carries_its_column_headers(minimal, tmp_path):
    with Index(tmp_path / "i.sqlite") as idx:
        idx.refresh([minimal()])
        text = idx.db.execute(
            "SELECT text FROM passages WHERE ref='evidence/tables/table1_epochs.md#r2'"
        ).fetchone()[0]
    assert "Schedule cosine restarts" in text and "Epochs = 41" in text


def test_refresh_reads_only_files_whose_bytes_changed(minimal, tmp_path):
    art = minimal()
    with Index(tmp_path / "i.sqlite") as idx:
        first = idx.refresh([art])
        assert first.files_indexed == first.files_seen > 10
        again = idx.refresh([art])
        assert again.files_indexed == 0
        # touched but identical: hashed, not re-read
        claims = art / "logic/claims.md"
        os.utime(claims, ns=(time.time_ns(), time.time_ns() + 10**9))
        assert idx.refresh([art]).files_indexed == 0
        claims.write_text(claims.read_text().replace("## C01:", "## C01: Renamed zebra claim;"))
        changed = idx.refresh([art])
        assert changed.files_indexed == 1
        titles = [t for (t,) in idx.db.execute("SELECT title FROM passages WHERE ref='C01'")]
        assert len(titles) == 1 and "zebra" in titles[0]
        n = idx.db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'zebra'").fetchone()[0]
        assert n == 1


def test_deleted_files_and_vanished_artifacts_drop_out(minimal, tmp_path):
    import shutil

    a, b = minimal(), minimal()
    with Index(tmp_path / "i.sqlite") as idx:
        idx.refresh([a, b])
        (a / "src/execution/train.py").unlink()
        assert idx.refresh([a]).files_removed == 1
        shutil.rmtree(b)
        idx.refresh([a])
        assert [root for _, root, _ in idx.artifacts()] == [str(a.resolve())]
        orphans = idx.db.execute(
            "SELECT count(*) FROM passages WHERE artifact NOT IN (SELECT id FROM artifacts)"
        ).fetchone()[0]
        assert orphans == 0


def test_a_broken_typed_file_is_still_searchable_as_text(minimal, tmp_path):
    art = minimal(
        {"trace/exploration_tree.yaml": "tree:\n  - id: N01\n    title: [unclosed quokka\n"}
    )
    with Index(tmp_path / "i.sqlite") as idx:
        stats = idx.refresh([art])
        assert any("exploration_tree.yaml" in p for p in stats.problems)
        n = idx.db.execute("SELECT count(*) FROM fts WHERE fts MATCH 'quokka'").fetchone()[0]
    assert n == 1


def test_binary_files_are_listed_not_indexed(minimal, tmp_path):
    art = minimal({"src/execution/weights.bin": b"\x00\x01" * 100})
    with Index(tmp_path / "i.sqlite") as idx:
        idx.refresh([art])
        refs = _refs(idx)
    assert not any("weights.bin" in r for r in refs)


def test_a_folder_of_artifacts_is_found_below_and_a_wrong_path_is_a_usage_error(minimal, tmp_path):
    a = minimal()
    assert find_artifacts([a.parent]) == [a.resolve()]
    with pytest.raises(UsageError):
        find_artifacts([tmp_path / "nope"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(UsageError, match="no artifact below"):
        find_artifacts([tmp_path / "empty"])


def test_a_file_that_is_not_an_index_is_refused_with_a_hint(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(UsageError, match="not a usable search index"):
        Index(bad)
