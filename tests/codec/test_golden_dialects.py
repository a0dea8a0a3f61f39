"""Golden folders in every dialect, written here: they read whole, `ara fmt` leaves them byte
for byte, a migration keeps every word and is idempotent, and live writes only add."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.codec import read_artifact
from arakit.codec.content import lost_words
from arakit.codec.dialect import detect
from arakit.codec.fmt import format_artifact, write_result
from arakit.live.capture import add_note
from tests.conftest import make_tree
from tests.fixtures.dialects import COMPILED, LIVE_PM, RESEARCH_MANAGER, ROOT_FORM, STREAMS_FORM
from tests.live.test_foreign_files import only_insertions

GOLDEN = {
    "research-manager": RESEARCH_MANAGER,
    "live-pm": LIVE_PM,
    "root-form": ROOT_FORM,
    "streams": STREAMS_FORM,
    "compiled": COMPILED,
}


def _bytes(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file() and ".ara-cache" not in p.parts
    }


@pytest.fixture(params=sorted(GOLDEN))
def golden(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    return make_tree(tmp_path / request.param, GOLDEN[request.param])


def test_a_golden_folder_reads_whole(golden: Path) -> None:
    art = read_artifact(golden)
    assert art.problems == []
    assert detect(art).name  # named, with the features it shows


def test_fmt_leaves_a_golden_folder_byte_for_byte(golden: Path) -> None:
    before = _bytes(golden)
    write_result(golden, format_artifact(golden))
    assert _bytes(golden) == before


def test_a_migration_keeps_every_word_and_is_idempotent(golden: Path) -> None:
    before = _bytes(golden)
    result = format_artifact(golden, canonical=True)
    assert result.refused == []
    write_result(golden, result)
    after = _bytes(golden)
    for rel, data in before.items():
        lost = lost_words(data.decode("utf-8-sig"), after[rel].decode("utf-8-sig"))
        # what a migration renames: form keys, stream keys and their child-ID lists, other
        # writers' field names and labels
        allowed = {"root", "nodes", "official_stream", "malt_stream", "children", "output"}
        allowed |= {"O1", "O2", "M2", "M3", "from", "to", "trigger", "prior_direction"}
        allowed |= {"new_direction", "reason", "name", "question", "Falsification", "Prediction"}
        assert set(lost) <= allowed, (rel, dict(lost))
    assert format_artifact(golden, canonical=True).changed == []


def test_a_note_only_adds_and_keeps_line_ends_and_byte_order_marks(golden: Path) -> None:
    before = _bytes(golden)
    add_note(golden, "We decided to keep ridge because it is stable at small n")
    after = _bytes(golden)
    for rel, data in before.items():
        new = after[rel]
        assert data.startswith(b"\xef\xbb\xbf") == new.startswith(b"\xef\xbb\xbf"), rel
        assert (b"\r\n" in data) == (b"\r\n" in new), rel
        assert not only_insertions(data.decode("utf-8"), new.decode("utf-8")), rel
