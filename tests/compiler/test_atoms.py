"""Knowledge atoms: numbers with units, citations, negative results."""

from __future__ import annotations

import pytest

from arakit.compiler.atoms import extract_atoms
from arakit.compiler.pdf import read_document
from tests.compiler.pdfgen import PaperFile


@pytest.fixture(scope="module")
def atoms(paper: PaperFile):  # type: ignore[no-untyped-def]
    return extract_atoms(read_document(paper.path))


def test_negative_results_are_found_with_the_table_they_point_to(atoms) -> None:  # type: ignore[no-untyped-def]
    got = [
        (n.cue, n.objects, n.where.section) for n in atoms.negatives if n.where.role == "ablation"
    ]
    assert got == [
        ("degrades", ["Table 2"], "4.3"),
        ("does not improve", ["Table 2"], "4.3"),
        ("fails to converge", ["Table 2"], "4.3"),
    ]


def test_citations_keep_the_citing_sentence(atoms) -> None:  # type: ignore[no-untyped-def]
    by_key = {}
    for c in atoms.citations:
        for k in c.keys:
            by_key.setdefault(k, []).append(c.where.sentence)
    assert "DenseNet [4] is a further baseline in our comparison." in by_key["4"]
    assert any(s.startswith("Unlike batch normalization [3]") for s in by_key["3"])


def test_numbers_keep_their_units_and_context(atoms) -> None:  # type: ignore[no-untyped-def]
    pairs = {(n.value, n.unit) for n in atoms.numbers}
    assert ("76.4", "%") in pairs and ("1.1", "points") in pairs and ("90", "epochs") in pairs
    assert not any(
        n.where.sentence.startswith("Table 2 removes") and n.value == "2" for n in atoms.numbers
    )
    hit = next(n for n in atoms.numbers if n.value == "76.4")
    assert "RWN-50 reaches 76.4% top-1 accuracy" in hit.where.sentence
