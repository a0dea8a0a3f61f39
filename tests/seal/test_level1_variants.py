"""Legitimate variants other Ara tools write: Level 1 reads them without false findings, and
still reports the real defect when one is planted in the same shape."""

from __future__ import annotations

import re

from arakit.codec import read_artifact, write_artifact
from arakit.seal.level1 import validate
from tests.fixtures.minimal import FILES

P, HE, TR, EI = (
    "PAPER.md",
    "logic/solution/heuristics.md",
    "trace/exploration_tree.yaml",
    ("evidence/README.md"),
)


def codes(root) -> list[str]:
    return [f.code for f in validate(root, profile="strict").findings]


def _list_index(paper: str, nested: bool) -> str:
    """The minimal PAPER.md with its Layer Index tables rewritten as a list."""
    head, index = paper.split("## Layer Index", 1)
    rows = re.findall(r"^\| ((?:logic|src|trace|evidence)/\S+) \| (.*) \|$", index, re.M)
    lines = ["## Layer Index", ""]
    if nested:  # `- `logic/`` with the file names under it, relative to that folder
        layers: dict[str, list[str]] = {}
        for path, desc in rows:
            top, rest = path.split("/", 1)
            layers.setdefault(top, []).append(f"  - `{rest}` — {desc}")
        for top, items in layers.items():
            lines += [f"- `{top}/` — a layer", *items]
    else:  # a heading per layer, then Markdown links with full paths
        layer = ""
        for path, desc in rows:
            top = path.split("/", 1)[0]
            if top != layer:
                lines += ["", f"### `{top}/` — a layer"]
                layer = top
            lines.append(f"- [{path.rsplit('/', 1)[-1]}]({path}) — {desc}")
    return head + "\n".join(lines) + "\n"


def test_layer_index_as_a_list_of_links_lists_the_files(minimal, tmp_path):
    root = minimal({P: _list_index(FILES[P], nested=False)})
    assert codes(root) == []
    out = tmp_path / "out"
    write_artifact(read_artifact(root), out)
    text = (out / P).read_text(encoding="utf-8")
    assert "### `logic/` — a layer" in text  # the headings between the lists are kept
    assert "- [claims.md](logic/claims.md) — claims" in text


def test_layer_index_as_a_nested_list_relative_to_its_folder(minimal):
    assert codes(minimal({P: _list_index(FILES[P], nested=True)})) == []


def test_layer_index_list_missing_a_mandatory_file_is_still_reported(minimal):
    paper = _list_index(FILES[P], nested=False).replace(
        "- [claims.md](logic/claims.md) — claims\n", ""
    )
    found = validate(minimal({P: paper}), profile="strict").findings
    assert [f.message for f in found if f.code == "L1-PAPER-006"] == [
        "mandatory file logic/claims.md is not in the Layer Index"
    ]


def test_ara_version_written_as_a_bare_major_number(minimal):
    assert codes(minimal({P: FILES[P].replace('ara_version: "1.0"', "ara_version: 1")})) == []
    assert "L1-PAPER-003" in codes(minimal({P: FILES[P].replace('"1.0"', '"2.0"')}))


FIGURE = """# Figure 2: Loss curves

**Source**: Figure 2 in Warm restarts shorten training
**Axes**: X = epoch, Y = loss
**Extraction type**: {etype}

| Epoch | Loss |
| --- | --- |
| 10 | ≈0.4 |
"""

SPLIT_INDEX = """# Evidence Index

## Tables

| File | Source | Claims | Description |
|------|--------|--------|-------------|
| [tables/table1_epochs.md](tables/table1_epochs.md) | Table 1 | C01, C02 | epochs |

## Figures

| File | Source | Claims | Description |
|------|--------|--------|-------------|
| [figures/figure2_loss.md](figures/figure2_loss.md) | Figure 2 | C01 | loss curves |

## By claim

| Claim | Evidence files |
|-------|----------------|
| C01 | table1_epochs.md, figure2_loss.md |
"""


def test_evidence_index_split_into_several_tables(minimal):
    fig = FIGURE.format(etype="figure_data (points read off the plot)")
    root = minimal({EI: SPLIT_INDEX, "evidence/figures/figure2_loss.md": fig})
    assert codes(root) == []


def test_evidence_index_second_table_naming_a_missing_file_is_reported(minimal):
    fig = FIGURE.format(etype="figure_summary")
    index = SPLIT_INDEX.replace("figures/figure2_loss.md)", "figures/figure9_gone.md)")
    found = validate(
        minimal({EI: index, "evidence/figures/figure2_loss.md": fig}), profile="strict"
    ).findings
    assert sorted(f.code for f in found) == ["L1-EVID-006", "L1-REF-009"]


def test_unknown_extraction_type_is_still_reported(minimal):
    fig = FIGURE.format(etype="eyeballed")
    root = minimal({EI: SPLIT_INDEX, "evidence/figures/figure2_loss.md": fig})
    assert codes(root) == ["L1-EVID-005"]


def test_code_ref_as_a_markdown_link_with_the_path_as_its_text(minimal):
    ref = "[`src/execution/train.py`](../execution/train.py) (`train()`)"
    heur = FILES[HE].replace("[src/execution/train.py]", ref)
    assert codes(minimal({HE: heur})) == []
    gone = heur.replace("`src/execution/train.py`", "`src/execution/gone.py`")
    found = validate(minimal({HE: gone}), profile="strict").findings
    assert [(f.code, f.message) for f in found] == [
        ("L1-REF-004", "H01 Code ref src/execution/gone.py does not exist")
    ]


def test_trace_evidence_may_hold_paper_locators_and_prose(minimal):
    tree = (
        FILES[TR]
        .replace("evidence: [C01]", 'evidence: [C01, N01, "Table 1", "§4", "Appendix A.3"]')
        .replace(
            "            choice: cosine restarts\n",
            "            choice: cosine restarts\n"
            "            evidence: >\n"
            "              Restarts beat step decay (41 vs 63 epochs), so keep them.\n",
        )
    )
    assert codes(minimal({TR: tree})) == []


def test_trace_evidence_naming_a_missing_claim_or_file_is_still_reported(minimal):
    tree = FILES[TR].replace(
        "evidence: [C01]", 'evidence: [C09 (main result), N42, "tables/gone.md rows 1-2"]'
    )
    found = validate(minimal({TR: tree}), profile="strict").findings
    assert [f.code for f in found] == ["L1-REF-006"] * 3
    assert "C09" in found[0].message and "N42" in found[1].message
    assert "tables/gone.md" in found[2].message


def test_readme_of_an_evidence_subfolder_is_not_read_as_a_table_file(minimal, tmp_path):
    files = {
        "evidence/runs/r1/README.md": "# Run r1\n\nCommand and seed of this run.\n",
        "evidence/runs/r1/summary.json": '{"loss": 0.09}\n',
    }
    root = minimal(files)
    assert codes(root) == []
    out = tmp_path / "out"
    write_artifact(read_artifact(root), out)
    assert (out / "evidence/runs/r1/README.md").read_text(encoding="utf-8") == files[
        "evidence/runs/r1/README.md"
    ]
