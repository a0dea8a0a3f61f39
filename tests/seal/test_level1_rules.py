"""Every Level 1 rule under the strict profile: one artifact that trips it (with the file and
line it names) and one that does not (the minimal artifact, which has zero findings).

The upstream profile, the default, is tested in test_level1_upstream.py."""

from __future__ import annotations

import os

import pytest

from arakit.codec.fs import Limits
from arakit.seal.level1 import validate
from arakit.seal.rules import RULES
from tests.fixtures.minimal import FILES

P, CL, EX, CO = "PAPER.md", "logic/claims.md", "logic/experiments.md", "logic/concepts.md"
PR, HE, RW = "logic/problem.md", "logic/solution/heuristics.md", "logic/related_work.md"
TR, EI, T1 = "trace/exploration_tree.yaml", "evidence/README.md", "evidence/tables/table1_epochs.md"
RP, ST = "src/reproduce.yaml", "staging/observations.yaml"


def sub(rel: str, old: str, new: str) -> dict[str, str]:
    assert old in FILES[rel], (rel, old)
    return {rel: FILES[rel].replace(old, new, 1)}


REPRODUCE = """runs:
  - id: R01
    experiment: E01
    command: python src/execution/train.py
    expect:
      - metric: epochs
        claim: C01
        evidence: tables/table1_epochs.md
        row: cosine restarts
        column: Epochs
        tolerance: {abs: 1.0}
"""
STAGING = """observations:
  - id: O101
    content: restarts look faster
    potential_type: claim
    provenance: user
    bound_to: [N02]
"""
DERIVED = """# Derived

**Source**: Table 1 in Warm restarts shorten training
**Extraction type**: derived_subset
**Derived from**: tables/table1_epochs.md

| Schedule | Epochs |
| --- | --- |
| cosine restarts | 41 |
"""

# (code, changes to the minimal artifact, file the finding names, line or None)
CASES: list[tuple[str, dict, str, int | None]] = [
    ("L1-READ-001", {}, "", None),  # special-cased below: generic read error
    ("L1-READ-002", {TR: "tree: [\n"}, TR, 2),
    ("L1-READ-003", {CL: b"\xff\xfe"}, CL, 1),
    ("L1-READ-004", {}, "", None),  # special-cased below: size limit
    (
        "L1-READ-005",
        sub(
            P,
            "| src/environment.md | environment |",
            "| src/environment.md | environment |\n| ../x.md | x |",
        ),
        P,
        42,
    ),
    (
        "L1-LAYOUT-001",
        {"logic/solution/constraints.md": None},
        "logic/solution/constraints.md",
        None,
    ),
    ("L1-LAYOUT-002", {"src/configs/training.md": None}, "src/configs", None),
    ("L1-PAPER-001", {P: FILES[P].split("---\n", 2)[2]}, P, 1),
    ("L1-PAPER-002", sub(P, "domain: machine learning\n", ""), P, 1),
    ("L1-PAPER-003", sub(P, 'ara_version: "1.0"', 'ara_version: "2.0"'), P, 1),
    ("L1-PAPER-004", sub(P, "## Layer Index", "## Files"), P, None),
    ("L1-PAPER-005", sub(P, "| src/environment.md |", "| src/env.md |"), P, 41),
    ("L1-PAPER-006", sub(P, "| logic/claims.md | claims |\n", ""), P, None),
    ("L1-PAPER-007", sub(P, "## Overview", "## Summary"), P, None),
    ("L1-PAPER-008", sub(P, "year: 2026", "year: next year"), P, 1),
    ("L1-COUNT-001", sub(CO, "## Step decay", "### Step decay"), CO, None),
    ("L1-COUNT-002", {EX: FILES[EX].split("## E02")[0]}, EX, None),
    (
        "L1-COUNT-003",
        sub(
            TR,
            "            children:\n              - id: N08",
            "            xchildren:\n              - id: N08",
        ),
        TR,
        None,
    ),
    (
        "L1-COUNT-004",
        sub(TR, "type: dead_end", "type: question\n            description: d"),
        TR,
        None,
    ),
    (
        "L1-COUNT-005",
        sub(TR, "type: decision", "type: question\n            description: d"),
        TR,
        None,
    ),
    ("L1-COUNT-006", {"src/execution/train.py": None}, "src/execution", None),
    ("L1-COUNT-007", {T1: None}, "evidence", None),
    ("L1-COUNT-008", {CL: "# Claims\n"}, CL, None),
    (
        "L1-COUNT-010",
        {
            EX: "# Experiments\n",
            T1: None,
            EI: "# Evidence\n\n| File | Source | Claims | Description |\n|---|---|---|---|\n",
            TR: "tree:\n  - id: N01\n    type: question\n    title: q\n"
            "    support_level: inferred\n    description: d\n",
        },
        TR,
        None,
    ),
    (
        "L1-COUNT-009",
        {PR: FILES[PR].split("## Gaps")[0] + "## Key Insight\n\n- **Insight**: x\n"},
        PR,
        None,
    ),
    (
        "L1-FIELD-001",
        sub(
            CL,
            "- **Falsification criteria**: Step decay",
            "- **Falsification**:\n- **Note**: Step decay",
        ),
        CL,
        3,
    ),
    ("L1-FIELD-002", sub(CL, "- **Interpretation**: Restarts help on smooth tasks.\n", ""), CL, 3),
    ("L1-FIELD-003", sub(CL, "- **Status**: supported", "- **Status**: proven"), CL, 3),
    (
        "L1-FIELD-004",
        sub(
            EX,
            "- **Expected outcome**: Restarts need fewer epochs.",
            "- **Expected outcome**: Restarts need 41.0 epochs.",
        ),
        EX,
        3,
    ),
    (
        "L1-FIELD-005",
        sub(CL, "- **Last revised**: 2026-11-25 (test)", "- **Last revised**: yesterday"),
        CL,
        3,
    ),
    ("L1-FIELD-006", sub(CL, "## C01: Restarts are faster", "## C01"), CL, 3),
    ("L1-ID-001", sub(CL, "## C02: Restart period", "## C1: Restart period"), CL, 16),
    ("L1-REF-001", sub(CL, "- **Proof**: [E01]", "- **Proof**: [E09]"), CL, 3),
    ("L1-REF-002", sub(EX, "- **Verifies**: [C01]", "- **Verifies**: [C07]"), EX, 3),
    ("L1-REF-003", sub(CL, "- **Dependencies**: [C01]", "- **Dependencies**: [C05]"), CL, 16),
    ("L1-REF-004", sub(HE, "[src/execution/train.py]", "[src/execution/missing.py]"), HE, 3),
    ("L1-REF-005", sub(HE, "[src/execution/train.py]", "[/etc/passwd]"), HE, 3),
    ("L1-REF-006", sub(TR, "evidence: [C01]", "evidence: [C04]"), TR, 9),
    ("L1-REF-007", sub(TR, "also_depends_on: [N02]", "also_depends_on: [N42]"), TR, 37),
    (
        "L1-REF-008",
        {
            "evidence/tables/derived_fast.md": DERIVED.replace(
                "tables/table1_epochs.md", "tables/table7.md"
            ),
            EI: FILES[EI] + "| tables/derived_fast.md | Table 1 | C01 | subset |\n",
        },
        "evidence/tables/derived_fast.md",
        None,
    ),
    ("L1-REF-009", sub(EI, "| tables/table1_epochs.md |", "| tables/table1_epoch.md |"), EI, 5),
    ("L1-REF-010", sub(PR, "- **Caused by**: [O1]", "- **Caused by**: [O4]"), PR, 13),
    ("L1-REF-011", sub(PR, "- **Derived from**: [O1, G1]", "- **Derived from**: [O1, G3]"), PR, 20),
    ("L1-REF-012", sub(RW, "- **Claims affected**: [C01]", "- **Claims affected**: [C11]"), RW, 3),
    ("L1-REF-013", {RP: REPRODUCE.replace("row: cosine restarts", "row: linear decay")}, RP, 6),
    ("L1-REF-014", sub(EI, "| C01, C02 |", "| C01, C03 |"), EI, 5),
    ("L1-REF-015", sub(CL, "- **Proof**: [E01]", "- **Proof**: none"), CL, 3),
    ("L1-REF-016", {ST: STAGING.replace("[N02]", "[N77]")}, ST, 2),
    ("L1-TRACE-001", sub(TR, "also_depends_on: [N02]", "also_depends_on: [N08]"), TR, 37),
    (
        "L1-TRACE-002",
        sub(
            TR,
            "            lesson: Restart at the full rate.",
            "            lesson: Restart at the full rate.\n            children:\n"
            "              - id: N09\n                type: question\n"
            "                support_level: inferred\n                description: d",
        ),
        TR,
        30,
    ),
    ("L1-TRACE-003", sub(TR, "type: pivot", "type: detour"), TR, 37),
    ("L1-TRACE-004", sub(TR, "            lesson: Restart at the full rate.\n", ""), TR, 30),
    (
        "L1-TRACE-005",
        sub(TR, "    source_refs: [Table 1]\n    description", "    description"),
        TR,
        2,
    ),
    ("L1-TRACE-006", sub(TR, "id: N07\n", "name: N07\n"), TR, 46),
    ("L1-TRACE-009", sub(TR, "from:", "prior_direction:"), TR, 37),
    (
        "L1-TRACE-007",
        sub(
            TR,
            "title: Period sweep\n                support_level: inferred",
            "title: Period sweep\n                support_level: guessed",
        ),
        TR,
        24,
    ),
    (
        "L1-TRACE-008",
        sub(TR, "alternatives: [step decay, linear restarts]", "alternatives: []"),
        TR,
        17,
    ),
    (
        "L1-EVID-001",
        sub(
            T1,
            "| Schedule | Epochs |\n| --- | --- |\n| step decay | 63 |\n| cosine restarts | 41 |\n",
            "step decay took 63 epochs\n",
        ),
        T1,
        None,
    ),
    (
        "L1-EVID-002",
        sub(T1, "**Source**: Table 1 in Warm restarts shorten training\n", ""),
        T1,
        None,
    ),
    ("L1-EVID-003", sub(T1, "**Source**: Table 1 in", "**Source**: Table 2 in"), T1, None),
    (
        "L1-EVID-004",
        {
            "evidence/tables/derived_fast.md": DERIVED.replace(
                "**Extraction type**: derived_subset\n", "**Extraction type**: raw_table\n"
            ),
            EI: FILES[EI] + "| tables/derived_fast.md | Table 1 | C01 | subset |\n",
        },
        "evidence/tables/derived_fast.md",
        None,
    ),
    ("L1-EVID-005", sub(T1, "**Extraction type**: raw_table\n", ""), T1, None),
    (
        "L1-EVID-006",
        {"evidence/tables/derived_fast.md": DERIVED},
        "evidence/tables/derived_fast.md",
        None,
    ),
    (
        "L1-EVID-007",
        {
            "evidence/figures/figure1_curve.md": DERIVED.replace("Table 1", "Figure 1")
            .replace("derived_subset", "figure_reading")
            .replace("**Derived from**: tables/table1_epochs.md\n", ""),
            EI: FILES[EI] + "| figures/figure1_curve.md | Figure 1 | C01 | curve |\n",
        },
        "evidence/figures/figure1_curve.md",
        None,
    ),
    ("L1-EVID-008", {EI: "# Evidence\n\nSee the tables folder.\n"}, EI, None),
    (
        "L1-STAGE-001",
        {ST: STAGING.replace("potential_type: claim", "potential_type: hunch")},
        ST,
        2,
    ),
]


def test_every_rule_has_a_case():
    # the format-lint rules (L1-FMT-*) come from codec/lint.py: tests/codec/test_lint.py
    assert {c[0] for c in CASES} == {code for code in RULES if not code.startswith("L1-FMT-")}


@pytest.mark.parametrize("profile", ["strict", "upstream"])
def test_minimal_artifact_has_no_findings(minimal, profile):
    report = validate(minimal(), profile=profile)
    assert report.findings == []
    assert report.passed


def test_minimal_artifact_with_reproduce_and_staging_has_no_findings(minimal):
    assert validate(minimal({RP: REPRODUCE, ST: STAGING}), profile="strict").findings == []


def test_derived_file_done_right_has_no_findings(minimal):
    files = {
        "evidence/tables/derived_fast.md": DERIVED,
        EI: FILES[EI] + "| tables/derived_fast.md | Table 1 | C01 | subset |\n",
    }
    assert validate(minimal(files), profile="strict").findings == []


@pytest.mark.parametrize(
    "code,changes,file,line", [c for c in CASES if c[2]], ids=[c[0] for c in CASES if c[2]]
)
def test_rule_is_reported_where_the_problem_is(minimal, code, changes, file, line):
    base = {}
    if code == "L1-REF-013":
        base = {}
    report = validate(minimal({**base, **changes}), profile="strict")
    hits = [f for f in report.findings if f.code == code]
    assert hits, f"{code} not reported; got {[(f.code, f.message) for f in report.findings]}"
    f = hits[0]
    assert f.file == file
    assert f.line == line, f.message
    assert f.severity == RULES[code].severity
    assert f.message and f.hint
    assert f.doc.startswith("docs/format.md#")


def test_read_size_limit_is_reported_as_a_finding(minimal):
    from arakit.codec import read_artifact

    art = read_artifact(minimal(), limits=Limits(max_text_file_bytes=800))
    report = validate(art, profile="strict")
    assert any(f.code == "L1-READ-004" and f.file == CO for f in report.findings)


def test_generic_read_error_is_reported_as_a_finding(minimal):
    from arakit.codec import read_artifact
    from arakit.errors import ArtifactError

    art = read_artifact(minimal())
    art.problems.append(ArtifactError("cannot open", file="logic/claims.md"))
    assert [f.code for f in validate(art).findings] == ["L1-READ-001"]


def test_symlink_escape_is_reported_by_validate(minimal, tmp_path):
    (tmp_path / "outside.md").write_text("x")
    root = minimal()
    os.symlink(tmp_path / "outside.md", root / "logic/extra.md")
    assert [f.code for f in validate(root).findings] == ["L1-READ-005"]


def test_messages_quote_the_value_and_the_existing_ids(minimal):
    report = validate(minimal(sub(CL, "- **Proof**: [E01]", "- **Proof**: [E09]")), "strict")
    (f,) = report.findings
    assert f.message == "C01 Proof cites E09, which does not exist; existing: E01, E02, E03"
