"""The catalogue of Level 1 rules: stable codes, severity per profile, what they check, how to
fix, and where docs/format.md explains the part of the format they are about.

Codes never change meaning once released; new checks get new numbers.

`severity` is the rule's severity under the `strict` profile. `upstream` is its severity
under the `upstream` profile (the default; see seal/profile.py): "error", "warning", "off"
(not reported), "live" (an error for a compiled artifact, a warning for one recorded live by
a research manager, whose seeds do not include it) or "" (the same as `severity`).

`doc` is an anchor of docs/format.md. The anchors are agreed here, in one table
(`ANCHORS`), with the writer of docs/format.md: a test checks that every anchor is a heading
of that file once it exists.
"""

from __future__ import annotations

from typing import NamedTuple

FORMAT_DOC = "docs/format.md"

# anchor → what the section of docs/format.md explains
ANCHORS: dict[str, str] = {
    "profiles": "Level 1 profiles: upstream (default) and strict",
    "layout": "the folder layout and which files are mandatory",
    "paper-md": "PAPER.md: front matter, overview",
    "layer-index": "the Layer Index of PAPER.md",
    "problem": "logic/problem.md: observations, gaps, key insight, assumptions",
    "claims": "logic/claims.md",
    "experiments": "logic/experiments.md",
    "concepts": "logic/concepts.md",
    "related-work": "logic/related_work.md",
    "heuristics": "logic/solution/heuristics.md",
    "configs": "src/configs/*.md",
    "ids": "entity IDs and how references resolve",
    "exploration-tree": "trace/exploration_tree.yaml: roots, node types and their fields",
    "evidence": "evidence files: tables, figures, derived subsets",
    "evidence-index": "evidence/README.md",
    "reproduce-yaml": "src/reproduce.yaml",
    "staging": "staging/observations.yaml",
    "reading": "what the reader refuses: malformed, binary, huge files, paths that leave",
    "level2-report": "level2_report.json, its upstream keys and tiers",
    "dialects": "the dialects arakit reads, and what `ara check --fix` rewrites",
}


class Rule(NamedTuple):
    severity: str
    summary: str
    hint: str
    upstream: str = ""
    doc: str = ""

    def anchor(self) -> str:
        """`docs/format.md#anchor`, where the format part this rule checks is explained."""
        return f"{FORMAT_DOC}#{self.doc}" if self.doc else ""


RULES: dict[str, Rule] = {
    # reading
    "L1-READ-001": Rule(
        "error", "file could not be read", "fix the file named in the message", doc="reading"
    ),
    "L1-READ-002": Rule(
        "error",
        "malformed YAML or Markdown structure",
        "fix the syntax at the line given",
        doc="reading",
    ),
    "L1-READ-003": Rule(
        "error", "binary or non-UTF-8 file", "re-save the file as UTF-8 text", doc="reading"
    ),
    "L1-READ-004": Rule(
        "error", "file over a size limit", "split the file or move bulk data out", doc="reading"
    ),
    "L1-READ-005": Rule(
        "error",
        "path leaves the artifact folder",
        "keep every file inside the artifact",
        doc="reading",
    ),
    # layout
    "L1-LAYOUT-001": Rule(
        "error",
        "mandatory file missing",
        "create the file (see `ara init` for a skeleton)",
        doc="layout",
    ),
    "L1-LAYOUT-002": Rule(
        "warning",
        "no configuration file in src/configs/",
        "add src/configs/training.md with one `## Parameter` section each",
        upstream="off",
        doc="configs",
    ),
    # PAPER.md
    "L1-PAPER-001": Rule(
        "error",
        "PAPER.md has no YAML front matter",
        "start PAPER.md with '---', the title, authors and year keys, and '---'",
        upstream="live",
        doc="paper-md",
    ),
    "L1-PAPER-002": Rule(
        "error",
        "required front matter key missing or empty",
        "add the key to the front matter of PAPER.md",
        upstream="live",
        doc="paper-md",
    ),
    "L1-PAPER-003": Rule(
        "warning", "unsupported ara_version", 'set ara_version: "1.0"', doc="paper-md"
    ),
    "L1-PAPER-004": Rule(
        "error",
        "PAPER.md has no Layer Index",
        "add `## Layer Index` with one table of files per layer",
        upstream="live",
        doc="layer-index",
    ),
    "L1-PAPER-005": Rule(
        "error",
        "Layer Index lists a file that does not exist",
        "create the file or remove its row",
        doc="layer-index",
    ),
    "L1-PAPER-006": Rule(
        "error",
        "mandatory file missing from the Layer Index",
        "add a row for the file to its layer's table",
        upstream="off",
        doc="layer-index",
    ),
    "L1-PAPER-007": Rule(
        "warning",
        "PAPER.md has no Overview section",
        "add `## Overview` with a paragraph",
        upstream="off",
        doc="paper-md",
    ),
    "L1-PAPER-008": Rule(
        "warning",
        "front matter value has the wrong type",
        "give the key the type docs/format.md names",
        doc="paper-md",
    ),
    # counts
    "L1-COUNT-001": Rule(
        "error",
        "fewer than 5 concepts",
        "define at least five terms in logic/concepts.md",
        upstream="warning",
        doc="concepts",
    ),
    "L1-COUNT-002": Rule(
        "error",
        "fewer than 3 experiments",
        "plan at least three experiments",
        upstream="warning",
        doc="experiments",
    ),
    "L1-COUNT-003": Rule(
        "error",
        "fewer than 8 trace nodes",
        "record at least eight exploration nodes",
        upstream="warning",
        doc="exploration-tree",
    ),
    "L1-COUNT-004": Rule(
        "error",
        "no dead_end node in the trace",
        "record at least one dead end",
        upstream="warning",
        doc="exploration-tree",
    ),
    "L1-COUNT-005": Rule(
        "error",
        "no decision node in the trace",
        "record at least one decision",
        upstream="warning",
        doc="exploration-tree",
    ),
    "L1-COUNT-006": Rule(
        "error",
        "no execution file",
        "put the code of the contribution in src/execution/",
        upstream="off",
        doc="layout",
    ),
    "L1-COUNT-007": Rule(
        "error",
        "no evidence file",
        "add at least one table under evidence/tables/",
        upstream="warning",
        doc="evidence",
    ),
    "L1-COUNT-008": Rule(
        "error", "no claims", "state at least one claim in logic/claims.md", doc="claims"
    ),
    "L1-COUNT-009": Rule(
        "warning",
        "problem.md has no observations or no gaps",
        "add `### O1:` observations and `### G1:` gaps",
        doc="problem",
    ),
    "L1-COUNT-010": Rule(
        "error",
        "nothing to judge: no experiment and no evidence",
        "record the experiments (trace experiment nodes or logic/experiments.md) and file "
        "their results under evidence/",
        doc="experiments",
    ),
    # fields
    "L1-FIELD-001": Rule(
        "error", "required field missing or empty", "add the field to the entity", doc="ids"
    ),
    "L1-FIELD-002": Rule(
        "warning", "recommended field missing", "add the field to the entity", doc="ids"
    ),
    "L1-FIELD-003": Rule(
        "error",
        "value is not one of the allowed values",
        "use one of the values listed",
        upstream="warning",
        doc="ids",
    ),
    "L1-FIELD-004": Rule(
        "warning",
        "expected outcome quotes exact numbers",
        "say the direction only; exact numbers belong in evidence/",
        doc="experiments",
    ),
    "L1-FIELD-005": Rule(
        "warning",
        "Last revised is not `YYYY-MM-DD (session)`",
        "write the date as YYYY-MM-DD followed by the session in brackets",
        doc="claims",
    ),
    "L1-FIELD-006": Rule(
        "warning", "entity heading has no title", "write `## C01: Short title`", doc="ids"
    ),
    # IDs
    "L1-ID-001": Rule("error", "duplicate ID", "give each entity its own ID", doc="ids"),
    # references
    "L1-REF-001": Rule(
        "error",
        "Proof cites an experiment that does not exist",
        "cite an existing E ID",
        doc="claims",
    ),
    "L1-REF-002": Rule(
        "error",
        "Verifies cites a claim that does not exist",
        "cite an existing C ID",
        doc="experiments",
    ),
    "L1-REF-003": Rule(
        "error",
        "Dependencies cite an entity that does not exist",
        "cite existing IDs of the same kind, or write none",
        doc="ids",
    ),
    "L1-REF-004": Rule(
        "error",
        "Code ref names a file that does not exist",
        "point at a file in src/",
        doc="heuristics",
    ),
    "L1-REF-005": Rule(
        "error",
        "Code ref points outside the artifact",
        "copy the code into src/execution/ and point there",
        doc="heuristics",
    ),
    "L1-REF-006": Rule(
        "error",
        "trace evidence cites a claim that does not exist",
        "cite an existing C ID",
        doc="exploration-tree",
    ),
    "L1-REF-007": Rule(
        "error",
        "also_depends_on names a node that does not exist",
        "name an existing N ID",
        doc="exploration-tree",
    ),
    "L1-REF-008": Rule(
        "error",
        "Derived from names an evidence file that does not exist",
        "name the raw file this one was derived from",
        doc="evidence",
    ),
    "L1-REF-009": Rule(
        "error",
        "evidence index row names a file that does not exist",
        "fix the path (relative to evidence/) or remove the row",
        doc="evidence-index",
    ),
    "L1-REF-010": Rule(
        "error",
        "Caused by cites an observation that does not exist",
        "cite an existing O ID",
        doc="problem",
    ),
    "L1-REF-011": Rule(
        "error",
        "Key Insight derives from an observation or gap that does not exist",
        "cite existing O or G IDs",
        doc="problem",
    ),
    "L1-REF-012": Rule(
        "error",
        "related work affects a claim that does not exist",
        "cite an existing C ID",
        doc="related-work",
    ),
    "L1-REF-013": Rule(
        "error",
        "reproduce.yaml names something that does not exist",
        "fix the experiment, claim, evidence file, row or column",
        doc="reproduce-yaml",
    ),
    "L1-REF-014": Rule(
        "error",
        "evidence index cites a claim that does not exist",
        "cite an existing C ID",
        doc="evidence-index",
    ),
    "L1-REF-015": Rule(
        "warning",
        "claim cites no experiment",
        "list the experiments in Proof",
        upstream="off",
        doc="claims",
    ),
    "L1-REF-016": Rule(
        "error",
        "staged observation is bound to a node that does not exist",
        "bind it to an existing N ID",
        doc="staging",
    ),
    # trace
    "L1-TRACE-001": Rule(
        "error",
        "trace has a cycle",
        "remove a children or also_depends_on edge",
        doc="exploration-tree",
    ),
    "L1-TRACE-002": Rule(
        "error",
        "dead_end node has children",
        "move the children under another node",
        doc="exploration-tree",
    ),
    "L1-TRACE-003": Rule(
        "error",
        "node type unknown",
        "use question, experiment, decision, dead_end or pivot",
        upstream="warning",
        doc="exploration-tree",
    ),
    "L1-TRACE-004": Rule(
        "error",
        "node lacks a field its type requires",
        "add the field",
        doc="exploration-tree",
    ),
    "L1-TRACE-005": Rule(
        "error",
        "explicit node without source_refs",
        "cite the source (table, section, commit) or mark it inferred",
        upstream="warning",
        doc="exploration-tree",
    ),
    "L1-TRACE-006": Rule(
        "error",
        "node without an id",
        "give the node an id such as N12",
        doc="exploration-tree",
    ),
    "L1-TRACE-007": Rule(
        "warning",
        "support_level missing or unknown",
        "write explicit or inferred",
        doc="exploration-tree",
    ),
    "L1-TRACE-008": Rule(
        "error",
        "decision lists no alternatives",
        "list the alternatives considered",
        upstream="warning",
        doc="exploration-tree",
    ),
    "L1-TRACE-009": Rule(
        "warning",
        "field spelled as another dialect writes it",
        "`ara fmt --to-canonical` rewrites it to this format's spelling",
        upstream="off",
        doc="exploration-tree",
    ),
    # evidence
    "L1-EVID-001": Rule(
        "error",
        "evidence file has no table",
        "transcribe the data as a Markdown table",
        upstream="live",
        doc="evidence",
    ),
    "L1-EVID-002": Rule(
        "error",
        "evidence file has no Source",
        "add `**Source**: Table N in <paper>`",
        upstream="live",
        doc="evidence",
    ),
    "L1-EVID-003": Rule(
        "error",
        "Source does not match the file name",
        "a file named tableN/figureN must cite Table N / Figure N",
        doc="evidence",
    ),
    "L1-EVID-004": Rule(
        "error",
        "derived file not marked as derived",
        "add `**Extraction type**: derived_subset` and `**Derived from**: <raw file>`",
        doc="evidence",
    ),
    "L1-EVID-005": Rule(
        "warning",
        "Extraction type missing or unknown",
        "write raw_table, derived_subset or figure_reading",
        doc="evidence",
    ),
    "L1-EVID-006": Rule(
        "warning",
        "evidence file not listed in evidence/README.md",
        "add a row for it",
        doc="evidence-index",
    ),
    "L1-EVID-007": Rule(
        "warning", "figure file without Axes", "add `**Axes**: x = ..., y = ...`", doc="evidence"
    ),
    "L1-EVID-008": Rule(
        "error",
        "evidence/README.md has no index table",
        "add a table with File, Source, Claims, Description",
        upstream="live",
        doc="evidence-index",
    ),
    # format lint (codec/lint.py): readable everywhere here, fixed by `ara check --fix`
    "L1-FMT-001": Rule(
        "warning",
        "trace written as one `root:` node",
        "`ara check --fix` makes it a `tree:` list holding that node",
        doc="dialects",
    ),
    "L1-FMT-002": Rule(
        "warning",
        "trace nodes listed under `nodes:`",
        "`ara check --fix` renames the key to `tree:` (ara-cli reads only tree/root)",
        doc="dialects",
    ),
    "L1-FMT-003": Rule(
        "warning",
        "dead end gives its failure as `reason:`",
        "`ara check --fix` renames it to `failure_mode:`",
        doc="dialects",
    ),
    "L1-FMT-004": Rule(
        "warning",
        "decision gives its rationale as `justification:`",
        "`ara check --fix` renames it to `rationale:`",
        doc="dialects",
    ),
    "L1-FMT-005": Rule(
        "warning",
        "entity heading separated by a dash, not a colon",
        "`ara check --fix` writes `## C01: title` (ara-cli drops other headings)",
        doc="dialects",
    ),
    "L1-FMT-006": Rule(
        "warning",
        "pivots spelled two ways in one tree",
        "`ara check --fix` renames the fewer to the spelling most pivots use",
        doc="dialects",
    ),
    "L1-FMT-007": Rule(
        "warning",
        "ID not padded in a file that pads",
        "`ara check --fix` or `ara fmt` pads it",
        doc="ids",
    ),
    "L1-FMT-008": Rule(
        "warning",
        "trace is an ara-2.0 streams document",
        "`ara fmt --to-canonical` rewrites it as a `tree:`; ara-cli cannot read streams",
        doc="dialects",
    ),
    # staging
    "L1-STAGE-001": Rule(
        "error",
        "staged observation has an invalid value",
        "use a value the format allows",
        upstream="warning",
        doc="staging",
    ),
}
