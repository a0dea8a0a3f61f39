"""Front matter of the real corpus papers against the truth read off their rendered pages
(benchmarks/realworld/truth/papers/<pair>/front.yaml)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from arakit.compiler.pdf import read_document

TRUTH = Path(__file__).resolve().parents[2] / "benchmarks" / "realworld" / "truth" / "papers"


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


def _pairs() -> list[str]:
    return sorted(p.name for p in TRUTH.iterdir() if (p / "front.yaml").is_file())


@pytest.mark.parametrize("pair", _pairs())
def test_title_and_every_author_match_the_printed_page(real_corpus: Path, pair: str) -> None:
    pdf = real_corpus / "papers" / pair / "paper.pdf"
    if not pdf.is_file():
        pytest.skip(f"{pair} is not in this corpus")
    truth = YAML(typ="safe").load((TRUTH / pair / "front.yaml").read_text(encoding="utf-8"))
    doc = read_document(pdf)
    assert _norm(doc.title) == _norm(truth["title"])
    assert [_norm(a) for a in doc.authors] == [_norm(a) for a in truth["authors"] or []]
    if truth.get("affiliations"):
        assert [_norm(a) for a in doc.affiliations] == [_norm(a) for a in truth["affiliations"]]
