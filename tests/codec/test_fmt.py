"""`ara fmt`: tidy within a file's own dialect, migrate only on request, and refuse any change
that would read back differently, drop a word or move a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.codec.fmt import _guard, format_artifact, tidy, write_result
from arakit.errors import WriteRefusedError
from tests.conftest import make_tree
from tests.fixtures.dialects import RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM


def _snapshot(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


@pytest.mark.parametrize("files", [RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM])
def test_fmt_leaves_a_tidy_foreign_artifact_byte_for_byte(tmp_path: Path, files) -> None:
    root = make_tree(tmp_path / "a", files)
    before = _snapshot(root)
    result = format_artifact(root)
    assert result.changed == [] and result.refused == []
    write_result(root, result)
    assert _snapshot(root) == before


def test_an_unpadded_id_is_padded_only_where_the_file_pads() -> None:
    padded = "# Claims\n\n## C1: a\n- **Proof**: [E2,E3]\n\n## C02: b\n- **Dependencies**: [C01]\n"
    assert tidy(padded, "logic/claims.md") == (
        "# Claims\n\n## C01: a\n- **Proof**: [E2, E3]\n\n## C02: b\n- **Dependencies**: [C01]\n"
    )
    own_style = "# Experiments\n\n## E1: a\n\n**Status**: done\n\n## E2: b\n"
    assert tidy(own_style, "logic/experiments.md") == own_style


def test_ids_are_never_unpadded() -> None:
    text = "# Claims\n\n## C01: a\n- **Dependencies**: [K05, C1]\n"
    assert (
        tidy(text, "logic/claims.md") == "# Claims\n\n## C01: a\n- **Dependencies**: [K05, C01]\n"
    )


def test_whitespace_is_tidied_outside_code_and_hard_breaks_stay() -> None:
    text = "# T  \n\nline one  \nline two\t\n\n\n\n```\nkeep   \n\n\n\n```\nend"
    assert tidy(text, "logic/problem.md") == (
        "# T\n\nline one  \nline two\n\n```\nkeep   \n\n\n\n```\nend\n"
    )


def test_a_change_that_drops_a_footnote_is_refused() -> None:
    before = "# Problem\n\nText.[^1]\n\n[^1]: the footnote.\n"
    with pytest.raises(WriteRefusedError):
        _guard(before, "# Problem\n\nText.[^1]\n", "logic/problem.md")


def test_a_change_that_moves_a_table_away_from_its_heading_is_refused() -> None:
    before = "# Evidence\n\n## A\n\n| x |\n| - |\n| 1 |\n\n## B\n\nprose\n"
    after = "# Evidence\n\n## A\n\n## B\n\n| x |\n| - |\n| 1 |\n\nprose\n"
    with pytest.raises(WriteRefusedError):
        _guard(before, after, "evidence/README.md")


def test_to_canonical_migrates_a_root_form_and_keeps_every_word(tmp_path: Path) -> None:
    root = make_tree(tmp_path / "a", ROOT_FORM)
    result = format_artifact(root, canonical=True)
    assert [f.path for f in result.changed] == ["trace/exploration_tree.yaml"]
    write_result(root, result)
    text = (root / "trace/exploration_tree.yaml").read_text()
    assert text.startswith("# One root node") and "tree:" in text and "root:" not in text


def test_to_canonical_keeps_claims_front_matter_and_qualified_labels(tmp_path: Path) -> None:
    claims = (
        "---\nowner: lab\n---\n\n# Claims\n\n## C01: a\n- **Statement**: s\n"
        "- **Taste** (optional):\n  - [2026-01-01] `endorse` on `claim` — yes\n"
    )
    root = make_tree(tmp_path / "a", {"logic/claims.md": claims})
    result = format_artifact(root, canonical=True)
    assert result.refused == []
    write_result(root, result)
    text = (root / "logic/claims.md").read_text()
    assert text.startswith("---\nowner: lab\n---\n") and "**Taste** (optional):" in text
    assert format_artifact(root, canonical=True).changed == []  # idempotent


def test_a_broken_file_is_refused_with_its_line_and_the_rest_is_formatted(tmp_path: Path) -> None:
    root = make_tree(
        tmp_path / "a",
        {"trace/exploration_tree.yaml": "tree: [\n", "logic/problem.md": "# Problem\n\n\n\nx   \n"},
    )
    result = format_artifact(root)
    (bad,) = result.refused
    assert bad.path == "trace/exploration_tree.yaml" and "exploration_tree.yaml:2" in bad.reason
    assert [f.path for f in result.changed] == ["logic/problem.md"]


def test_a_migration_adds_no_empty_ids(tmp_path: Path) -> None:
    files = {
        "trace/exploration_tree.yaml": "tree:\n  - type: question\n    title: no id here\n",
        "staging/observations.yaml": "observations:\n  - content: no id either\n",
    }
    root = make_tree(tmp_path / "a", files)
    write_result(root, format_artifact(root, canonical=True))
    for rel in files:
        assert "id:" not in (root / rel).read_text(), rel
