"""Read → write → read gives an equal model; canonical files are rewritten byte for byte."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.codec import read_artifact, render_artifact, write_artifact
from arakit.model import (
    Artifact,
    Claim,
    Concept,
    Evidence,
    EvidenceFile,
    EvidenceIndex,
    Experiment,
    Heuristic,
    MdField,
    Paper,
    Setup,
    Table,
    Trace,
    TraceNode,
)
from tests.conftest import EXAMPLES
from tests.fixtures.minimal import FILES

EXAMPLE_DIRS = sorted(p.parent for p in EXAMPLES.glob("*/PAPER.md"))


def _roundtrip(src: Path, dest: Path) -> tuple[Artifact, Artifact]:
    first = read_artifact(src, strict=True)
    write_artifact(first, dest)
    return first, read_artifact(dest, strict=True)


def test_minimal_artifact_reads_writes_and_reads_back_equal(minimal, tmp_path):
    first, second = _roundtrip(minimal(), tmp_path / "out")
    assert first == second
    assert sorted(first.files) == sorted(second.files)


def test_canonical_files_are_rewritten_byte_for_byte(minimal):
    art = read_artifact(minimal(), strict=True)
    for rel, text in render_artifact(art).items():
        assert text == FILES[rel], rel


@pytest.mark.parametrize("example", EXAMPLE_DIRS, ids=lambda p: p.name)
def test_examples_are_canonical_and_round_trip(example, tmp_path):
    first, second = _roundtrip(example, tmp_path / "out")
    assert first == second
    for rel, text in render_artifact(first).items():
        assert (example / rel).read_text(encoding="utf-8") == text, f"{rel} is not canonical"


def test_model_built_in_python_round_trips(tmp_path):
    art = Artifact(
        paper=Paper(
            title="Built in Python",
            authors=["A. Person"],
            year=2026,
            ara_version="1.0",
            domain="testing",
            keywords=["a", "b"],
            claims_summary=["one"],
            abstract="Multi-line\nabstract: with a colon",
            extra={"license": "CC0"},
            overview="Text.",
        ),
        claims=[
            Claim(
                id="C01",
                title="First",
                statement="X beats Y by 3%.",
                status="supported",
                proof=["E01", "E02"],
                dependencies=[],
                tags=["speed", "memory"],
                extra_fields=[MdField(name="Reviewer note", value="line one\nline two")],
            )
        ],
        experiments=[
            Experiment(
                id="E01",
                title="Run",
                verifies=["C01"],
                setup=Setup(model="m", dataset="d", extra_fields=[MdField(name="Seed", value="0")]),
                procedure=["Do a.", "Do b\nover two lines."],
                metrics="acc (%)",
                expected_outcome="X higher",
            )
        ],
        concepts=[Concept(term="Widget", definition="A thing.", notation="w")],
        heuristics=[
            Heuristic(id="H01", title="Trick", code_ref="[src/execution/x.py]", sensitivity="low")
        ],
        trace=Trace(
            tree=[
                TraceNode(
                    id="N01",
                    type="question",
                    title="Why? Because: yes",
                    description="d",
                    support_level="inferred",
                    extra={"owner": {"name": "x", "tags": [1, 2]}},
                    children=[
                        TraceNode(
                            id="N02",
                            type="dead_end",
                            hypothesis="h",
                            failure_mode="f",
                            lesson="l",
                            also_depends_on=["N01"],
                        )
                    ],
                )
            ]
        ),
        evidence=Evidence(
            index=EvidenceIndex(
                table=Table(header=["File", "Source"], rows=[["tables/table1_x.md", "Table 1"]])
            ),
            files=[
                EvidenceFile(
                    path="evidence/tables/table1_x.md",
                    title="Table 1",
                    source="Table 1 in X",
                    extraction_type="raw_table",
                    tables=[Table(header=["a", "b|c"], rows=[["1", "2 | 3"], ["", "x"]])],
                )
            ],
        ),
        attachments={"src/execution/x.py": "print('hi')\n"},
    )
    write_artifact(art, tmp_path / "built")
    back = read_artifact(tmp_path / "built", strict=True)
    assert back == art
    assert (tmp_path / "built/src/execution/x.py").read_text() == "print('hi')\n"


VARIANT_CLAIMS = """# Claims

Some words before the claims.

### C1 — Short IDs and an em dash

- **Statement:** colon inside the bold,
  continued on the next line
- **Status**: Supported
- **Proof**: E1, E2 and E003
- **Falsification criteria**:
  - first condition
  - second condition
- **Confidence**: high
- **Tags**: [a, b]

A paragraph the reader does not understand.

## Appendix

Kept as a section.
"""


def test_tolerant_reader_accepts_variants_and_keeps_what_it_does_not_know(tree, tmp_path):
    root = tree(
        {
            "logic/claims.md": VARIANT_CLAIMS.replace("\n", "\r\n"),
            "logic/experiments.md": "# Experiments\n\n## E001: Three digits\n\n"
            "- **Expected results**: up\n- **Verifies**: [C1]\n",
        }
    )
    art = read_artifact(root, strict=True)
    c = art.claims[0]
    assert c.id == "C01" and c.title == "Short IDs and an em dash"
    assert c.statement == "colon inside the bold,\ncontinued on the next line"
    assert c.proof == ["E01", "E02", "E03"]
    assert c.falsification_criteria == "- first condition\n- second condition"
    assert [(f.name, f.value) for f in c.extra_fields] == [("Confidence", "high")]
    assert c.tags == ["a", "b"]
    assert "does not understand" in c.notes
    assert art.doc_meta["logic/claims.md"].preamble == "Some words before the claims."
    assert [s.heading for s in art.doc_meta["logic/claims.md"].extra_sections] == ["Appendix"]
    e = art.experiments[0]
    assert (e.id, e.expected_outcome, e.verifies) == ("E01", "up", ["C01"])
    # proof had prose ("and"), so its written form is kept verbatim; everything round-trips
    write_artifact(art, tmp_path / "out")
    again = read_artifact(tmp_path / "out", strict=True)
    assert again == art
    assert "- **Proof**: [E01, E02, E03]" in (tmp_path / "out/logic/claims.md").read_text()


def test_trace_keeps_unknown_keys_and_structured_values(tree, tmp_path):
    yaml_text = (
        "tree:\n  - id: N1\n    type: experiment\n    result: {acc: 0.9}\n"
        "    owner: me\n    children:\n      - id: N2\n        type: question\n"
        "        description: why\n        weight: 3\nlayout: radial\n"
    )
    art = read_artifact(tree({"trace/exploration_tree.yaml": yaml_text}), strict=True)
    n1 = art.trace.tree[0]
    assert n1.id == "N01" and n1.result is None
    assert n1.extra == {"result": {"acc": 0.9}, "owner": "me"}
    assert n1.children[0].extra == {"weight": 3}
    assert art.trace.extra == {"layout": "radial"}
    write_artifact(art, tmp_path / "o")
    assert read_artifact(tmp_path / "o", strict=True) == art


def test_every_entity_records_file_and_line(minimal):
    art = read_artifact(minimal(), strict=True)
    assert str(art.claims[1].pos) == "logic/claims.md:16"
    assert str(art.get("N05").pos) == "trace/exploration_tree.yaml:30"
    assert str(art.problem.gaps[0].pos) == "logic/problem.md:13"
    assert art.experiments[0].setup.model == "linear regression"


def test_layer_index_and_evidence_index_accept_links_and_backticks(minimal):
    from arakit.seal.level1 import validate

    paper = (
        FILES["PAPER.md"]
        .replace("| logic/claims.md | claims |", "| [claims](logic/claims.md) | claims |")
        .replace("| src/environment.md |", "| `src/environment.md` |")
    )
    index = FILES["evidence/README.md"].replace(
        "| tables/table1_epochs.md |", "| [Table 1](./tables/table1_epochs.md) |"
    )
    root = minimal({"PAPER.md": paper, "evidence/README.md": index})
    assert validate(root).findings == []


def test_environment_fields_are_a_view_over_its_text(minimal):
    env = read_artifact(minimal(), strict=True).environment
    assert env.title == "Environment"
    assert env.fields() == {"python": "3.11", "seeds": "0, 1, 2"}
