"""Level 1 on shapes that writers outside this project use (seen on real artifacts by others,
written here in the same shapes; no text is copied): they read without false errors, and the
defects next to them are still found."""

from __future__ import annotations

from pathlib import Path

from arakit.seal.level1 import validate
from tests.fixtures.minimal import FILES

TR = "trace/exploration_tree.yaml"


def found(root: Path, profile: str = "upstream") -> list[tuple[str, str, str | None]]:
    return [(f.code, f.severity, f.entity) for f in validate(root, profile=profile).findings]


def codes(root: Path, severity: str = "error", profile: str = "upstream") -> list[str]:
    return [c for c, s, _ in found(root, profile) if s == severity]


CONCEPTS_IN_PROSE = """# Concepts

## Warm restart

A reset of the learning rate to its initial value, after which the cosine decay starts again.

## Cycle length

The number of epochs between two restarts; it doubles after every restart here.

## Target loss

- **target** — the training loss a run must reach, 0.1 on the toy task.
"""


def test_a_concept_defined_in_a_paragraph_has_its_definition_upstream(minimal):
    root = minimal({"logic/concepts.md": CONCEPTS_IN_PROSE})
    assert "L1-FIELD-001" not in codes(root)
    assert "L1-FIELD-001" in codes(root, profile="strict")  # the canonical field is missing


def test_a_concept_with_an_empty_section_still_has_no_definition(minimal):
    root = minimal({"logic/concepts.md": CONCEPTS_IN_PROSE + "\n## Restart budget\n"})
    assert codes(root).count("L1-FIELD-001") == 1


def test_a_layer_index_written_from_the_repository_root_through_ara_resolves(minimal):
    paper = FILES["PAPER.md"].replace("| logic/claims.md |", "| ara/logic/claims.md |")
    assert "L1-PAPER-005" not in codes(minimal({"PAPER.md": paper}))
    gone = paper.replace("| ara/logic/claims.md |", "| ara/logic/gone.md |")
    assert "L1-PAPER-005" in codes(minimal({"PAPER.md": gone}))


def test_a_layer_index_prefixed_with_the_artifacts_own_folder_name_resolves(tree):
    files = dict(FILES)
    files["PAPER.md"] = FILES["PAPER.md"].replace(
        "| logic/claims.md |", "| study/logic/claims.md |"
    )
    assert "L1-PAPER-005" not in codes(tree(files, name="study"))
    assert "L1-PAPER-005" in codes(tree(files, name="other"))


def _index(row: str) -> str:
    return FILES["evidence/README.md"] + row


def test_an_index_row_naming_two_files_by_one_stem_resolves_each(minimal):
    figure = (
        "# Figure 9\n\n**Source**: Figure 9 in the paper\n\n| x | y |\n| --- | --- |\n| 1 | 2 |\n"
    )
    files = {
        "evidence/figures/figure9_loss.md": figure,
        "evidence/figures/figure9_loss.png": b"\x89PNG\r\n",
        "evidence/README.md": _index("| figures/figure9_loss.(png/md) | Figure 9 | C01 | loss |\n"),
    }
    assert "L1-REF-009" not in codes(minimal(files))
    files["evidence/figures/figure9_loss.png"] = None  # type: ignore[assignment]
    assert "L1-REF-009" in codes(minimal(files))


def test_an_index_row_pointing_outside_the_artifact_is_a_warning_upstream(minimal):
    row = "| [`../../runs/results.json`](../../runs/results.json) / `results.md` | runs | C01 | all |\n"
    root = minimal({"evidence/README.md": _index(row)})
    assert ("L1-READ-005", "warning", None) in found(root)
    assert "L1-REF-009" not in codes(root)
    assert "L1-READ-005" in codes(root, profile="strict")


TREE_WITH_CYCLES = """tree:
  - id: N01
    type: question
    description: d
  - id: N02
    type: experiment
    result: r
    also_depends_on: [N03, N04]
  - id: N03
    type: experiment
    result: r
    also_depends_on: [N02]
  - id: N04
    type: experiment
    result: r
    also_depends_on: [N02]
  - id: N05
    type: experiment
    result: r
    also_depends_on: [N05]
"""


def test_every_cycle_of_the_trace_is_reported_not_only_the_first(minimal):
    cycles = [e for c, s, e in found(minimal({TR: TREE_WITH_CYCLES})) if c == "L1-TRACE-001"]
    assert sorted(cycles) == ["N02", "N02", "N05"]
