"""The catalog the MCP server holds: unique names, reads confined to the artifacts, fresh models."""

from __future__ import annotations

import pytest

from arakit.errors import ArtifactError, UsageError
from arakit.query.catalog import Catalog


def test_two_folders_with_one_name_get_distinct_names(tree, minimal, tmp_path):
    from tests.conftest import make_tree
    from tests.fixtures.minimal import FILES

    a = make_tree(tmp_path / "x" / "study", dict(FILES))
    b = make_tree(tmp_path / "y" / "study", dict(FILES))
    cat = Catalog([a, b], tmp_path / "i.sqlite")
    try:
        assert sorted(cat.roots) == ["study", "study-2"]
        with pytest.raises(UsageError, match="several artifacts"):
            cat.root(None)
    finally:
        cat.close()


def test_an_edited_file_is_seen_after_the_next_refresh(minimal, tmp_path):
    art = minimal()
    cat = Catalog([art], tmp_path / "i.sqlite", refresh_every=0)
    try:
        assert cat.model(None).get("C01").title == "Restarts are faster"
        claims = art / "logic/claims.md"
        claims.write_text(claims.read_text().replace("Restarts are faster", "Restarts win"))
        cat.refresh(force=True)
        assert cat.model(None).get("C01").title == "Restarts win"
    finally:
        cat.close()


def test_files_outside_the_artifact_are_refused(minimal, tmp_path):
    art = minimal()
    (tmp_path / "secret.txt").write_text("no")
    cat = Catalog([art], tmp_path / "i.sqlite")
    try:
        with pytest.raises(UsageError):
            cat.read_file(None, "../secret.txt")
        (art / "link.txt").symlink_to(tmp_path / "secret.txt")
        with pytest.raises(ArtifactError):
            cat.read_file(None, "link.txt")
        assert "C01" in cat.read_file(None, "logic/claims.md")
    finally:
        cat.close()
