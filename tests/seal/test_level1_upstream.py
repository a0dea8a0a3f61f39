"""Level 1 under the upstream profile (the default): what upstream's writers produce reads
without false errors, and the defects that break an artifact are still errors.

The live artifact below is written here in the shapes upstream's research manager writes
(session records, no front matter, `## Layers`, Proof as evidence pointers, pivots with
prior_direction/new_direction/reason); no upstream text is copied."""

from __future__ import annotations

from pathlib import Path

import pytest

from arakit.errors import UsageError
from arakit.seal.level1 import validate
from arakit.seal.rules import ANCHORS, FORMAT_DOC, RULES
from tests.fixtures.minimal import FILES

TR = "trace/exploration_tree.yaml"
PAPER = """# Sparse probes for cache misses

Recorded turn by turn while the work happened.

## Layers

- `logic/` — claims and problem
- `trace/` — the exploration tree and sessions
- `evidence/` — run tables
"""
CLAIMS = """# Claims

## C01 — Prefetching hides half of the misses
- **Statement**: On the replayed trace, stride prefetching removes about half of the L2 misses.
- **Conditions**: One trace, one machine.
- **Status**: supported (replayed twice)
- **Provenance**: ai-executed
- **Falsification**: A replay where prefetching removes under a quarter of the misses.
- **Proof**: [N02, evidence/tables/misses.md, bench/replay.py]
- **Dependencies**: [K01]
- **Tags**: cache

## C02: The effect needs a regular stride
- **Statement**: Irregular access patterns gain nothing from stride prefetching.
- **Status**: hypothesis
- **Provenance**: ai-suggested
- **Falsification**: An irregular trace that loses misses under prefetching.
- **Proof**: [pending]
- **Dependencies**: [C01]
"""
CONSTRAINTS = """# Constraints

## K01: One machine only
- **Statement**: Every replay runs on the same host.
"""
TREE = """tree:
  - id: N01
    type: question
    title: Can prefetching help?
    provenance: user
    timestamp: "2026-03-02"
    description: Where do the misses come from?
    children:
      - id: N02
        type: experiment
        title: Replay with prefetching
        provenance: ai-executed
        timestamp: "2026-03-02"
        result: Misses fell from 4,100 to 2,050.
        evidence: [C01, "bench/replay.py --prefetch", "the replay log of the second run"]
        children:
          - id: N03
            type: pivot
            title: From tuning to access patterns
            provenance: user
            timestamp: "2026-03-03"
            prior_direction: tune the prefetch distance
            new_direction: classify access patterns first
            reason: Distance tuning changed nothing beyond noise.
      - id: N04
        type: observation
        title: Misses cluster at page boundaries
        provenance: ai-executed
        timestamp: "2026-03-03"
        description: Most of the remaining misses sit at page boundaries.
      - id: N05
        type: decision
        title: Keep the default distance
        provenance: user
        timestamp: "2026-03-03"
        choice: the default distance
        alternatives: [a distance of 8, a distance of 16]
        evidence: "N02 showed no gain from other distances"
"""
TABLE = """# Misses per run

| Run | Misses |
| --- | --- |
| baseline | 4,100 |
| prefetch | 2,050 |
"""
HEURISTICS = """# Heuristics

## H01: Replay before tuning
- **Rationale**: A replay separates the workload from the machine.
- **Provenance**: ai-suggested
- **Sensitivity**: unknown
- **Code ref**: [bench/replay.py, docs/replay.md]
"""
SESSION = """session:
  id: "2026-03-02_001"
  summary: first replays
events_logged:
  - type: experiment
    id: N02
"""


def live_files(**changes: str | None) -> dict[str, str]:
    files = {
        "PAPER.md": PAPER,
        "logic/claims.md": CLAIMS,
        "logic/problem.md": "# Problem\n\nWhy do the L2 misses stay high?\n",
        "logic/solution/constraints.md": CONSTRAINTS,
        "logic/solution/heuristics.md": HEURISTICS,
        TR: TREE,
        "trace/sessions/2026-03-02_001.yaml": SESSION,
        "trace/sessions/session_index.yaml": "sessions:\n  - id: '2026-03-02_001'\n",
        "evidence/README.md": "# Evidence Index\n\n- `tables/misses.md`: misses per run\n",
        "evidence/tables/misses.md": TABLE,
        "staging/observations.yaml": "observations: []\n",
    }
    for rel, text in changes.items():
        if text is None:
            files.pop(rel.replace("__", "/"), None)
        else:
            files[rel] = text
    return files


def errors(root: Path, profile: str = "upstream") -> list[tuple[str, str | None]]:
    rep = validate(root, profile=profile)
    return [(f.code, f.entity) for f in rep.findings if f.severity == "error"]


def test_a_live_artifact_in_upstream_shapes_has_no_errors(tree):
    rep = validate(tree(live_files()))
    assert rep.profile == "upstream" and rep.live
    assert [f for f in rep.findings if f.severity == "error"] == []
    codes = {f.code for f in rep.findings}
    assert "L1-PAPER-001" in codes  # no front matter: reported, as a warning
    assert "L1-TRACE-007" not in codes  # the research manager writes no support_level
    assert "L1-REF-006" not in codes  # prose and working-repo paths in evidence: notes


def test_the_same_artifact_fails_the_strict_profile_for_what_strict_demands(tree):
    codes = {c for c, _ in errors(tree(live_files()), "strict")}
    assert {"L1-PAPER-001", "L1-LAYOUT-001", "L1-COUNT-003", "L1-TRACE-003"} <= codes


def test_pivot_spellings_are_equivalent_and_strict_notes_the_other_dialect(tree):
    root = tree(live_files())
    assert not [f for f in validate(root).findings if f.entity == "N03"]
    strict = [
        f
        for f in validate(root, "strict").findings
        if f.entity == "N03" and f.code != "L1-TRACE-007"
    ]
    assert [(f.code, f.severity) for f in strict] == [
        ("L1-TRACE-009", "warning"),
        ("L1-TRACE-009", "warning"),
        ("L1-TRACE-009", "warning"),
    ]


def test_observation_node_type_is_a_warning_upstream_and_an_error_strict(tree):
    root = tree(live_files())
    up = [f for f in validate(root).findings if f.code == "L1-TRACE-003"]
    st = [f for f in validate(root, "strict").findings if f.code == "L1-TRACE-003"]
    assert [(f.entity, f.severity) for f in up] == [("N04", "warning")]
    assert [(f.entity, f.severity) for f in st] == [("N04", "error")]


def test_a_node_without_a_type_is_an_error_in_both_profiles(tree):
    root = tree(live_files(**{TR: TREE.replace("        type: observation\n", "")}))
    assert ("L1-TRACE-003", "N04") in errors(root)


def test_a_claim_id_in_trace_evidence_must_resolve(tree):
    root = tree(live_files(**{TR: TREE.replace("evidence: [C01,", "evidence: [C07,")}))
    assert errors(root) == [("L1-REF-006", "N02")]


def test_a_node_id_in_trace_evidence_must_resolve(tree):
    root = tree(live_files(**{TR: TREE.replace('evidence: "N02 showed', 'evidence: [N09]\n#"')}))
    assert errors(root) == [("L1-REF-006", "N05")]


def test_proof_citing_a_missing_trace_node_is_an_error(tree):
    root = tree(live_files(**{"logic/claims.md": CLAIMS.replace("[N02,", "[N12,")}))
    assert errors(root) == [("L1-REF-001", "C01")]


def test_proof_citing_an_experiment_without_experiments_md_is_a_warning(tree):
    root = tree(live_files(**{"logic/claims.md": CLAIMS.replace("[pending]", "[E01]")}))
    found = [(f.code, f.severity) for f in validate(root).findings if f.entity == "C02"]
    assert found == [("L1-REF-001", "warning")]


def test_dependencies_on_a_constraint_resolve_and_a_missing_one_is_an_error(tree):
    assert errors(tree(live_files())) == []
    root = tree(live_files(**{"logic/claims.md": CLAIMS.replace("[K01]", "[K02]")}))
    assert errors(root) == [("L1-REF-003", "C01")]


def test_code_refs_into_the_working_repository_are_not_checked(tree):
    codes = [f.code for f in validate(tree(live_files())).findings]
    assert "L1-REF-004" not in codes and "L1-REF-005" not in codes


def test_code_ref_to_a_missing_src_file_is_an_error_when_src_execution_exists(tree):
    files = live_files(**{"src/execution/replay.py": "print('replay')\n"})
    files["logic/solution/heuristics.md"] = HEURISTICS.replace(
        "bench/replay.py", "src/execution/replay2.py"
    )
    assert errors(tree(files)) == [("L1-REF-004", "H01")]


def test_duplicate_node_ids_and_a_dead_end_with_children_are_errors(tree):
    dup = TREE.replace("      - id: N05\n", "      - id: N02\n")
    dead = TREE.replace(
        "type: experiment",
        "type: dead_end\n        hypothesis: h\n        failure_mode: f\n        lesson: l",
    )
    assert ("L1-ID-001", "N02") in errors(tree(live_files(**{TR: dup})))
    assert ("L1-TRACE-002", "N02") in errors(tree(live_files(**{TR: dead})))


def test_a_dead_end_that_misspells_failure_mode_lacks_the_field(tree):
    dead = TREE.replace(
        "type: experiment",
        "type: dead_end\n        hypothesis: h\n        failure: f\n        lesson: l",
    ).replace("        children:\n          - id: N03", "        xchildren:\n          - id: N03")
    assert ("L1-TRACE-004", "N02") in errors(tree(live_files(**{TR: dead})))


def test_no_claims_and_nothing_to_judge_are_errors_in_both_profiles(tree):
    files = live_files(**{"logic/claims.md": "# Claims\n\nNone yet.\n"})
    files[TR] = "tree:\n  - id: N01\n    type: question\n    description: d\n"
    files["evidence/README.md"] = "# Evidence Index\n\nEvidence: none.\n"
    del files["evidence/tables/misses.md"]
    for profile in ("upstream", "strict"):
        codes = {c for c, _ in errors(tree(files), profile)}
        assert {"L1-COUNT-008", "L1-COUNT-010"} <= codes, profile


def test_a_layer_list_naming_a_missing_file_is_an_error(tree):
    paper = PAPER + "- `logic/solution/algorithm.md` — the method\n- `../notes.md` — notes\n"
    rep = validate(tree(live_files(**{"PAPER.md": paper})))
    found = [(f.code, f.severity) for f in rep.findings if f.file == "PAPER.md"]
    assert ("L1-PAPER-005", "error") in found
    assert ("L1-READ-005", "warning") in found  # a pointer into the working repo


def test_status_with_a_qualifier_is_read_by_its_first_word(tree):
    codes = [f.code for f in validate(tree(live_files())).findings]
    assert "L1-FIELD-003" not in codes
    root = tree(live_files(**{"logic/claims.md": CLAIMS.replace("supported (", "superseded (")}))
    found = [(f.code, f.severity) for f in validate(root).findings if f.code == "L1-FIELD-003"]
    assert found == [("L1-FIELD-003", "warning")]


def test_derived_from_a_file_beside_it_resolves(tree):
    derived = (
        "# Derived\n\n**Source**: runs\n**Extraction type**: derived_subset\n"
        "**Derived from**: misses.md\n\n| Run | Misses |\n| --- | --- |\n| prefetch | 2,050 |\n"
    )
    files = live_files(**{"evidence/tables/derived_prefetch.md": derived})
    assert errors(tree(files)) == []
    files["evidence/tables/derived_prefetch.md"] = derived.replace("misses.md", "gone.md")
    assert errors(tree(files)) == [("L1-REF-008", None)]


def test_a_compiled_artifact_missing_a_file_the_compiler_requires_is_an_error(minimal):
    root = minimal({"logic/concepts.md": None, "logic/solution/algorithm.md": None})
    found = [(f.code, f.file, f.severity) for f in validate(root).findings]
    assert ("L1-LAYOUT-001", "logic/concepts.md", "error") in found
    assert not [f for f in found if f[1] == "logic/solution/algorithm.md"]  # optional upstream


def test_a_live_artifact_missing_files_the_manager_does_not_seed_gets_warnings(tree):
    rep = validate(tree(live_files()))
    missing = {f.file: f.severity for f in rep.findings if f.code == "L1-LAYOUT-001"}
    assert missing == {
        "logic/concepts.md": "warning",
        "logic/experiments.md": "warning",
        "logic/related_work.md": "warning",
        "src/environment.md": "warning",
    }


def test_unknown_profile_is_refused_with_the_choices(minimal):
    with pytest.raises(UsageError) as e:
        validate(minimal(), profile="lenient")
    assert "upstream" in (e.value.hint or "") and "strict" in (e.value.hint or "")


def test_every_rule_points_at_a_known_anchor_of_the_format_doc():
    assert all(rule.doc in ANCHORS for rule in RULES.values())


def test_format_doc_has_every_anchor_the_rules_point_at():
    doc = Path(__file__).resolve().parents[2] / FORMAT_DOC
    if not doc.is_file():
        pytest.skip(f"{FORMAT_DOC} is not written yet")
    import re

    text = doc.read_text(encoding="utf-8")
    slugs = {
        re.sub(r"[^\w\- ]", "", h.strip().lower()).replace(" ", "-")
        for h in re.findall(r"^#{1,6}\s+(.+)$", text, re.MULTILINE)
    }
    slugs |= set(re.findall(r'<a (?:id|name)="([^"]+)"', text))
    assert sorted(set(ANCHORS) - slugs) == []


def test_strict_minimal_artifact_is_clean_under_upstream_too(minimal):
    assert validate(minimal()).findings == []
    assert FILES  # the fixture the strict tests use


def test_a_figure_read_as_a_trend_summary_needs_no_table_upstream(minimal) -> None:
    figure = (
        "# Figure 1: Loss curves\n\n**Source**: Figure 1 in Warm restarts shorten training\n"
        "**Axes**: x = epoch, y = loss\n**Extraction type**: figure_reading\n\n"
        "## Trend summary\n\nRestarts fall below 0.1 first.\n"
    )
    index = FILES["evidence/README.md"] + "| figures/figure1_loss.md | Figure 1 | C01 | curves |\n"
    root = minimal({"evidence/figures/figure1_loss.md": figure, "evidence/README.md": index})
    assert not [f for f in validate(root).findings if f.code == "L1-EVID-001"]
    assert [f.code for f in validate(root, "strict").findings if f.code == "L1-EVID-001"] == [
        "L1-EVID-001"
    ]
